//! A disconnect reaches a callback on libca's thread when
//! `notify_disconnect` is set. This binary has one test and its own IOC,
//! which it stops (libca reads the port once, at the first CA call, so the
//! client is pointed at the IOC before any).

mod support;

use std::sync::{Arc, Mutex};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use cothread::catools::{CaError, ErrorKind, Monitor};
use support::{use_ioc_for_client, Ioc};

type Log = Arc<Mutex<Vec<(Result<i32, CaError>, ThreadId)>>>;

/// Runs the scheduler until `log` has more than `len` entries, or panics
/// after `within`.
fn wait_for_more(log: &Log, len: usize, within: Duration, what: &str) {
    let deadline = Instant::now() + within;
    while log.lock().unwrap().len() <= len {
        assert!(
            Instant::now() < deadline,
            "no {what} within {within:?}: {:?}",
            log.lock().unwrap()
        );
        cothread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn disconnect_is_delivered_on_libcas_thread_with_notify_disconnect() {
    cothread::scope(|| {
        let mut ioc = Ioc::start();
        use_ioc_for_client(&ioc);
        let name = ioc.pv("longout");
        let log: Log = Arc::default();
        let sink = Arc::clone(&log);
        let subscription = Monitor::new()
            .notify_disconnect(true)
            .subscribe_on_libca_thread(&name, move |update: Result<i32, CaError>| {
                sink.lock()
                    .unwrap()
                    .push((update, std::thread::current().id()));
            })
            .unwrap();
        wait_for_more(&log, 0, Duration::from_secs(10), "first update");
        ioc.stop();
        wait_for_more(&log, 1, Duration::from_secs(10), "disconnect");
        subscription.close();
        let log = log.lock().unwrap();
        assert_eq!(log.len(), 2, "{log:?}");
        assert_eq!(log[0].0.as_ref().unwrap(), &7);
        let disconnect = log[1].0.as_ref().unwrap_err();
        assert_eq!(disconnect.kind(), ErrorKind::Disconnected);
        assert_eq!(disconnect.pv(), name);
        assert_ne!(log[1].1, std::thread::current().id());
    })
}
