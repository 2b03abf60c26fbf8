//! A PV whose IOC stops, and which another IOC on another port then serves:
//! its watchers are told the disconnect, then the connection to the new
//! server (its `host:port`), and a `Pv` keeps its state current meanwhile.
//!
//! This binary has one test and its own IOCs: the client's address list
//! names both ports before the first CA call (libca reads it once).

mod support;

use std::cell::RefCell;
use std::net::{TcpListener, UdpSocket};
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{watch, ChannelEvent, ChannelState, FieldType, Monitor};
use cothread::pv::Pv;
use support::{use_ioc_for_client, Ioc, IocOptions};

/// How long libca may take to find the PV on the new server. Without a CA
/// repeater (none runs here) no beacon tells libca that a server is up, and
/// libca searches for the channels of a lost circuit about every 10 s.
const RECONNECT: Duration = Duration::from_secs(30);

/// How long a test waits for what should happen at once.
const WAIT: Duration = Duration::from_secs(10);

/// A port free for both TCP and UDP on 127.0.0.1 now.
fn free_port() -> u16 {
    loop {
        let tcp = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = tcp.local_addr().unwrap().port();
        if UdpSocket::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// Runs the scheduler until `log` has more than `len` events, or panics
/// after `within`.
fn wait_for_more(log: &Rc<RefCell<Vec<ChannelEvent>>>, len: usize, within: Duration, what: &str) {
    let deadline = Instant::now() + within;
    while log.borrow().len() <= len {
        assert!(
            Instant::now() < deadline,
            "no {what} within {within:?}: {:?}",
            log.borrow()
        );
        cothread::sleep(Duration::from_millis(5));
    }
}

/// The server of a `Connected` event.
fn host(event: &ChannelEvent) -> &str {
    match event {
        ChannelEvent::Connected(info) => &info.host,
        other => panic!("not a connection: {other:?}"),
    }
}

#[test]
fn ioc_stop_then_another_server_tells_disconnect_then_connect_with_the_new_host() {
    cothread::scope(|| {
        // The same record, by the same name, on either IOC.
        let name = format!("cothread:moving:{}", std::process::id());
        let options = |port| IocOptions {
            extra_records: format!("record(ai, \"{name}\") {{\n    field(VAL, \"1.5\")\n}}\n"),
            port,
        };
        let mut first = Ioc::start_with(options(None));
        let second_port = free_port();
        use_ioc_for_client(&first);
        std::env::set_var(
            "EPICS_CA_ADDR_LIST",
            format!("127.0.0.1 127.0.0.1:{second_port}"),
        );

        let log: Rc<RefCell<Vec<ChannelEvent>>> = Rc::default();
        let sink = Rc::clone(&log);
        let _watch = watch(&name, move |event| sink.borrow_mut().push(event)).unwrap();
        let monitored: Rc<RefCell<Vec<ChannelEvent>>> = Rc::default();
        let sink = Rc::clone(&monitored);
        let _subscription = Monitor::new()
            .on_connection(move |event| sink.borrow_mut().push(event))
            .subscribe(&name, |_: Result<f64, _>| {})
            .unwrap();
        let pv: Pv<f64> = Pv::new(&name).unwrap();

        wait_for_more(&log, 0, WAIT, "connection to the first IOC");
        let first_host = host(&log.borrow()[0]).to_string();
        assert!(
            first_host.ends_with(&format!(":{}", first.port())),
            "{first_host}"
        );
        match &log.borrow()[0] {
            ChannelEvent::Connected(info) => {
                assert_eq!(info.datatype, Some(FieldType::Double));
                assert_eq!(info.element_count, 1);
            }
            other => panic!("{other:?}"),
        }
        pv.sync(WAIT).unwrap();
        assert_eq!(pv.state(), ChannelState::Connected);

        first.stop();
        wait_for_more(&log, 1, WAIT, "disconnect");
        assert_eq!(
            log.borrow()[1],
            ChannelEvent::Disconnected { pv: name.clone() }
        );
        let deadline = Instant::now() + WAIT;
        while pv.state() != ChannelState::PreviouslyConnected && Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(5));
        }
        assert_eq!(pv.state(), ChannelState::PreviouslyConnected);
        assert!(!pv.access().read);

        let second = Ioc::start_with(options(Some(second_port)));
        wait_for_more(&log, 2, RECONNECT, "connection to the second IOC");
        let second_host = host(&log.borrow()[2]).to_string();
        assert!(
            second_host.ends_with(&format!(":{}", second.port())),
            "{second_host} after {first_host}"
        );
        cothread::sleep(Duration::from_millis(300));
        assert_eq!(log.borrow().len(), 3, "{:?}", log.borrow());
        // The monitor's option was told the same.
        let deadline = Instant::now() + WAIT;
        while monitored.borrow().len() < 3 && Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(5));
        }
        assert_eq!(*monitored.borrow(), *log.borrow());
        let deadline = Instant::now() + WAIT;
        while pv.state() != ChannelState::Connected && Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(5));
        }
        assert_eq!(pv.state(), ChannelState::Connected);
        assert!(pv.access().write);
    })
}
