//! Connection and access-rights events against a real softIoc: `watch`,
//! `watch_list`, the `on_connection` / `on_access` options of `Monitor` and
//! `PvOptions`, and `Pv::state`.
//!
//! This binary has an IOC of its own, with one more record whose access
//! security group (`SWITCHED`) no test of other binaries uses: a test
//! changes that group's rules at run time, as an operator would, by pointing
//! the IOC at an edited copy of the access security file and running
//! `asInit` in its shell. The IOC's stop and restart are in
//! `catools_events_reconnect.rs`.
//!
//! Panicking callbacks unwind with `std::panic::resume_unwind` (as `panic!`
//! does, without the panic hook's message); what the library reports is
//! recorded by the harness and asserted on.

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use cothread::catools::{
    caget, connect, watch, watch_list, AccessRights, CaError, ChannelEvent, ChannelState,
    CloseReason, Connect, ErrorKind, FieldType, Monitor, Put,
};
use cothread::pv::Pv;
use support::{test_dir, use_ioc_for_client, Ioc, IocOptions};

/// How long a test waits for what the IOC should do at once (generous: the
/// machine may be loaded).
const WAIT: Duration = Duration::from_secs(10);

/// A name no server has.
const MISSING: &str = "cothread:events:no-such-pv";

/// The record whose access security group a test switches.
const SWITCHED_RECORD: &str = "switched";

/// The record whose group a test first closes to reads, then opens.
const GATED_RECORD: &str = "gated";

/// This binary's IOC (locked by the one test that drives its shell).
fn ioc() -> MutexGuard<'static, Ioc> {
    static IOC: OnceLock<Mutex<Ioc>> = OnceLock::new();
    IOC.get_or_init(|| {
        let ioc = Ioc::start_with(IocOptions {
            extra_records: format!(
                "record(ao, \"$(P){SWITCHED_RECORD}\") {{\n    field(VAL, \"1\")\n    \
                 field(ASG, \"SWITCHED\")\n}}\n\
                 record(ao, \"$(P){GATED_RECORD}\") {{\n    field(VAL, \"7\")\n    \
                 field(ASG, \"GATED\")\n}}\n"
            ),
            ..IocOptions::default()
        });
        use_ioc_for_client(&ioc);
        Mutex::new(ioc)
    })
    .lock()
    .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The full name of one of the IOC's records.
fn pv(record: &str) -> String {
    ioc().pv(record)
}

/// What a callback has been told, shared with the test.
type Log<T> = Rc<RefCell<Vec<T>>>;

/// Runs the scheduler until `done()`; false if `within` passed first.
fn wait_until(within: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    while !done() {
        if Instant::now() > deadline {
            return false;
        }
        cothread::sleep(Duration::from_millis(5));
    }
    true
}

/// Runs the scheduler until `log` holds an event that `wanted` accepts, or
/// panics after `within`.
fn wait_for_event(
    log: &Log<ChannelEvent>,
    within: Duration,
    what: &str,
    wanted: impl Fn(&ChannelEvent) -> bool,
) {
    assert!(
        wait_until(within, || log.borrow().iter().any(&wanted)),
        "no {what} within {within:?}: {:?}",
        log.borrow()
    );
}

/// Panics as `panic!(message)` would, without the panic hook's report.
fn deliberate_panic(message: &'static str) -> ! {
    std::panic::resume_unwind(Box::new(message))
}

fn is_connected(event: &ChannelEvent) -> bool {
    matches!(event, ChannelEvent::Connected(_))
}

#[test]
fn watch_tells_the_connection_with_host_native_type_and_count_on_this_thread() {
    cothread::scope(|| {
        let (name, port) = {
            let ioc = ioc();
            (ioc.pv("wf:double"), ioc.port())
        };
        let log: Log<ChannelEvent> = Rc::default();
        let threads = Rc::new(RefCell::new(Vec::new()));
        let (sink, seen_on) = (Rc::clone(&log), Rc::clone(&threads));
        let watch = watch(&name, move |event| {
            seen_on.borrow_mut().push(std::thread::current().id());
            sink.borrow_mut().push(event);
        })
        .unwrap();
        wait_for_event(&log, WAIT, "connection", is_connected);
        let events = log.borrow().clone();
        assert_eq!(events.len(), 1, "{events:?}");
        let ChannelEvent::Connected(info) = &events[0] else {
            unreachable!()
        };
        assert_eq!(info.name, name);
        assert_eq!(info.state, ChannelState::Connected);
        assert!(info.host.ends_with(&format!(":{port}")), "{}", info.host);
        assert_eq!(info.datatype, Some(FieldType::Double));
        assert_eq!(info.element_count, 10);
        assert_eq!(
            AccessRights::of(info),
            AccessRights {
                read: true,
                write: true
            }
        );
        assert_eq!(events[0].pv(), name);
        // Delivered on this thread (its dispatcher cothread), never libca's.
        assert_eq!(*threads.borrow(), vec![std::thread::current().id()]);
        assert_eq!(watch.names(), [name]);
        assert!(!watch.is_closed());
    })
}

#[test]
fn watching_a_connected_channel_tells_its_state_first() {
    cothread::scope(|| {
        let name = pv("ai");
        connect(&name).unwrap();
        let log: Log<ChannelEvent> = Rc::default();
        let sink = Rc::clone(&log);
        let _watch = watch(&name, move |event| sink.borrow_mut().push(event)).unwrap();
        wait_for_event(&log, WAIT, "connection", is_connected);
        // Reads and writes on the channel tell nothing more.
        Put::new().wait(true).put(&pv("ao"), 2.0).unwrap();
        let _: f64 = caget(&name).unwrap();
        cothread::sleep(Duration::from_millis(300));
        assert_eq!(log.borrow().len(), 1, "{:?}", log.borrow());
    })
}

#[test]
fn watch_list_tells_each_pv_by_its_index() {
    cothread::scope(|| {
        let names = [pv("bi"), MISSING.to_string(), pv("stringin")];
        let log: Log<(ChannelEvent, usize)> = Rc::default();
        let sink = Rc::clone(&log);
        let watch = watch_list(&names, move |event, index| {
            sink.borrow_mut().push((event, index))
        })
        .unwrap();
        assert!(
            wait_until(WAIT, || log.borrow().len() >= 2),
            "{:?}",
            log.borrow()
        );
        cothread::sleep(Duration::from_millis(500));
        let mut told: Vec<(String, usize, Option<FieldType>)> = log
            .borrow()
            .iter()
            .map(|(event, index)| match event {
                ChannelEvent::Connected(info) => (info.name.clone(), *index, info.datatype),
                other => panic!("{other:?}"),
            })
            .collect();
        told.sort_by_key(|(_, index, _)| *index);
        assert_eq!(
            told,
            vec![
                (names[0].clone(), 0, Some(FieldType::Enum)),
                (names[2].clone(), 2, Some(FieldType::String)),
            ]
        );
        assert_eq!(watch.names(), names);
    })
}

#[test]
fn a_pv_that_never_connects_tells_nothing_and_a_connect_times_out_clearly() {
    cothread::scope(|| {
        drop(ioc()); // started, and this process pointed at it
        let log: Log<ChannelEvent> = Rc::default();
        let sink = Rc::clone(&log);
        let watch = watch(MISSING, move |event| sink.borrow_mut().push(event)).unwrap();
        let pv_events: Log<ChannelEvent> = Rc::default();
        let sink = Rc::clone(&pv_events);
        let missing: Pv<f64> = Pv::options()
            .on_connection(move |event| sink.borrow_mut().push(event))
            .open(MISSING)
            .unwrap();
        // A timeout-style check: a connect with a deadline fails with NotFound,
        // and meanwhile nothing is told, nothing panics.
        let asked = Instant::now();
        let err = Connect::new()
            .timeout(Duration::from_millis(1500))
            .connect_list(&[MISSING])
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
        assert_eq!(err.pv(), MISSING);
        assert!(asked.elapsed() < WAIT, "{:?}", asked.elapsed());
        assert!(log.borrow().is_empty(), "{:?}", log.borrow());
        assert!(pv_events.borrow().is_empty(), "{:?}", pv_events.borrow());
        assert!(!watch.is_closed());
        assert_eq!(missing.state(), ChannelState::NeverConnected);
        assert_eq!(missing.access(), AccessRights::default());
        assert!(support::diagnostics::callback_panics(MISSING).is_empty());
    })
}

#[test]
fn monitor_and_pv_options_tell_connection_and_access_with_the_updates() {
    cothread::scope(|| {
        let name = pv("readonly");
        let connections: Log<ChannelEvent> = Rc::default();
        let rights: Log<ChannelEvent> = Rc::default();
        let updates: Log<Result<f64, CaError>> = Rc::default();
        let (c, r, u) = (
            Rc::clone(&connections),
            Rc::clone(&rights),
            Rc::clone(&updates),
        );
        let subscription = Monitor::new()
            .on_connection(move |event| c.borrow_mut().push(event))
            .on_access(move |event| r.borrow_mut().push(event))
            .subscribe(&name, move |update| u.borrow_mut().push(update))
            .unwrap();
        let pv_rights: Log<ChannelEvent> = Rc::default();
        let sink = Rc::clone(&pv_rights);
        let readonly: Pv<f64> = Pv::options()
            .on_access(move |event| sink.borrow_mut().push(event))
            .open(&name)
            .unwrap();
        let read_only = AccessRights {
            read: true,
            write: false,
        };
        let told_read_only = |event: &ChannelEvent| {
            *event
                == ChannelEvent::AccessChanged {
                    pv: name.clone(),
                    access: read_only,
                }
        };
        wait_for_event(&connections, WAIT, "connection", is_connected);
        wait_for_event(&rights, WAIT, "rights", told_read_only);
        wait_for_event(&pv_rights, WAIT, "the Pv's rights", told_read_only);
        assert!(wait_until(WAIT, || !updates.borrow().is_empty()));
        assert_eq!(*updates.borrow()[0].as_ref().unwrap(), 5.0);
        let ChannelEvent::Connected(info) = &connections.borrow()[0] else {
            unreachable!()
        };
        assert_eq!(AccessRights::of(info), read_only);
        assert_eq!(connections.borrow().len(), 1);
        assert_eq!(rights.borrow().len(), 1);
        assert!(wait_until(WAIT, || readonly.state() == ChannelState::Connected));
        assert_eq!(readonly.access(), read_only);

        subscription.close();
        readonly.close();
        assert_eq!(readonly.state(), ChannelState::Closed);
        assert_eq!(readonly.access(), AccessRights::default());
    })
}

#[test]
fn changing_access_security_at_run_time_tells_the_new_rights() {
    cothread::scope(|| {
        let mut ioc = ioc();
        let name = ioc.pv(SWITCHED_RECORD);
        let log: Log<ChannelEvent> = Rc::default();
        let sink = Rc::clone(&log);
        let watch = watch(&name, move |event| sink.borrow_mut().push(event)).unwrap();
        let pv_rights: Log<ChannelEvent> = Rc::default();
        let sink = Rc::clone(&pv_rights);
        let switched: Pv<f64> = Pv::options()
            .on_access(move |event| sink.borrow_mut().push(event))
            .open(&name)
            .unwrap();
        wait_for_event(&log, WAIT, "connection", is_connected);
        let read_write = AccessRights {
            read: true,
            write: true,
        };
        let read_only = AccessRights {
            read: true,
            write: false,
        };
        match &log.borrow()[0] {
            ChannelEvent::Connected(info) => assert_eq!(AccessRights::of(info), read_write),
            other => panic!("{other:?}"),
        }
        assert!(wait_until(WAIT, || switched.access() == read_write));

        // The operator makes the group read-only and reloads access security.
        let acf = std::env::temp_dir().join(format!(
            "cothread-events-{}-{}.acf",
            std::process::id(),
            ioc.port()
        ));
        let rules = std::fs::read_to_string(test_dir().join("db/test.acf")).unwrap();
        std::fs::write(
            &acf,
            format!("{rules}\nASG(SWITCHED) {{\n    RULE(1, READ)\n}}\n"),
        )
        .unwrap();
        ioc.shell(&format!("asSetFilename {}", acf.display()));
        ioc.shell("asInit");
        let changed = |access| {
            let name = name.clone();
            move |event: &ChannelEvent| {
                *event
                    == ChannelEvent::AccessChanged {
                        pv: name.clone(),
                        access,
                    }
            }
        };
        wait_for_event(&log, WAIT, "the read-only rights", changed(read_only));
        wait_for_event(
            &pv_rights,
            WAIT,
            "the Pv's read-only rights",
            changed(read_only),
        );
        assert_eq!(switched.access(), read_only);
        let refused = Put::new().wait(true).put(&name, 2.0).unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::NoWriteAccess, "{refused}");

        // A closed watch tells nothing more; the Pv still follows.
        watch.close();
        let told = log.borrow().len();
        std::fs::write(
            &acf,
            format!("{rules}\nASG(SWITCHED) {{\n    RULE(1, READ)\n    RULE(1, WRITE)\n}}\n"),
        )
        .unwrap();
        ioc.shell("asInit");
        assert!(
            wait_until(WAIT, || switched.access() == read_write),
            "{:?}",
            pv_rights.borrow()
        );
        Put::new().wait(true).put(&name, 2.0).unwrap();
        assert_eq!(log.borrow().len(), told, "{:?}", log.borrow());
        assert_eq!(watch.close_reason(), Some(CloseReason::Closed));
        // Back to the harness's file, as other tests expect.
        ioc.shell(&format!(
            "asSetFilename {}",
            test_dir().join("db/test.acf").display()
        ));
        ioc.shell("asInit");
        let _ = std::fs::remove_file(&acf);
    })
}

#[test]
fn a_panicking_event_callback_is_reported_once_and_closes_what_it_belongs_to() {
    cothread::scope(|| {
        // Three PVs, so that the reports of the three owners tell apart.
        let (watched, monitored, helper) = {
            let ioc = ioc();
            (ioc.pv("longin"), ioc.pv("longout"), ioc.pv("mbbi"))
        };
        let calls = Rc::new(RefCell::new(0));
        let count = Rc::clone(&calls);
        let watch = watch(&watched, move |_| {
            *count.borrow_mut() += 1;
            deliberate_panic("watch boom")
        })
        .unwrap();
        let subscription = Monitor::new()
            .on_connection(|_| deliberate_panic("monitor boom"))
            .subscribe(&monitored, |_: Result<i32, CaError>| {})
            .unwrap();
        let pv: Pv<u16> = Pv::options()
            .on_connection(|_| deliberate_panic("pv boom"))
            .open(&helper)
            .unwrap();

        assert!(wait_until(WAIT, || watch.is_closed()));
        assert_eq!(
            watch.close_reason(),
            Some(CloseReason::CallbackPanicked("watch boom".into()))
        );
        assert!(wait_until(WAIT, || subscription.is_closed()));
        assert_eq!(
            subscription.close_reason(),
            Some(CloseReason::CallbackPanicked("monitor boom".into()))
        );
        assert!(wait_until(WAIT, || pv.state() == ChannelState::Closed));
        let err = pv.get().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ChannelClosed, "{err}");

        cothread::sleep(Duration::from_millis(300));
        assert_eq!(*calls.borrow(), 1);
        assert_eq!(
            support::diagnostics::callback_panics(&watched),
            vec![("watch", "watch boom".to_string())]
        );
        assert_eq!(
            support::diagnostics::callback_panics(&monitored),
            vec![("camonitor on_connection", "monitor boom".to_string())]
        );
        assert_eq!(
            support::diagnostics::callback_panics(&helper),
            vec![("Pv on_connection", "pv boom".to_string())]
        );
    })
}

/// Loads the harness's access security rules with `more` after them.
fn load_rules(ioc: &mut Ioc, acf: &std::path::Path, more: &str) {
    let rules = std::fs::read_to_string(test_dir().join("db/test.acf")).unwrap();
    std::fs::write(acf, format!("{rules}\n{more}\n")).unwrap();
    ioc.shell(&format!("asSetFilename {}", acf.display()));
    ioc.shell("asInit");
}

#[test]
fn a_subscription_refused_read_access_starts_once_the_server_grants_it() {
    cothread::scope(|| {
        let mut ioc = ioc();
        let name = ioc.pv(GATED_RECORD);
        let acf = std::env::temp_dir().join(format!(
            "cothread-gated-{}-{}.acf",
            std::process::id(),
            ioc.port()
        ));
        load_rules(&mut ioc, &acf, "ASG(GATED) {\n    RULE(1, NONE)\n}");
        // The IOC reads its shell in its own time: wait until reads are refused.
        assert!(wait_until(WAIT, || caget::<f64>(&name)
            .is_err_and(|err| err.kind() == ErrorKind::NoReadAccess)));
        let updates: Log<Result<f64, CaError>> = Rc::default();
        let sink = Rc::clone(&updates);
        let subscription = Monitor::new()
            .notify_disconnect(true)
            .subscribe(&name, move |update| sink.borrow_mut().push(update))
            .unwrap();
        // The same on libca's thread.
        let direct_updates = std::sync::Arc::new(Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&direct_updates);
        let direct = Monitor::new()
            .notify_disconnect(true)
            .subscribe_on_libca_thread(&name, move |update: Result<f64, CaError>| {
                sink.lock().unwrap().push(update)
            })
            .unwrap();
        // And the async face's stream.
        let mut stream = cothread::catools_async::camonitor_with::<f64>(
            &Monitor::new().notify_disconnect(true),
            &name,
        )
        .unwrap();
        let refused = cothread::block_on_timeout(stream.next(), WAIT)
            .expect("the stream's first item")
            .expect("never ends")
            .unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::NoReadAccess, "{refused}");
        assert!(wait_until(WAIT, || !updates.borrow().is_empty()
            && !direct_updates.lock().unwrap().is_empty()));
        let refused = updates.borrow()[0].clone().unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::NoReadAccess, "{refused}");
        let refused = direct_updates.lock().unwrap()[0].clone().unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::NoReadAccess, "{refused}");

        // The operator grants reads: the subscription starts. (Before, a
        // subscription refused once never started.)
        load_rules(&mut ioc, &acf, "ASG(GATED) {\n    RULE(1, READ)\n}");
        assert!(
            wait_until(WAIT, || updates.borrow().len() >= 2),
            "no update after the grant: {:?}",
            updates.borrow()
        );
        assert_eq!(updates.borrow()[1].clone().unwrap(), 7.0);
        assert!(
            wait_until(WAIT, || direct_updates.lock().unwrap().len() >= 2),
            "no update on libca's thread after the grant: {:?}",
            direct_updates.lock().unwrap()
        );
        assert_eq!(direct_updates.lock().unwrap()[1].clone().unwrap(), 7.0);
        let granted = cothread::block_on_timeout(stream.next(), WAIT)
            .expect("no item on the stream after the grant")
            .expect("never ends");
        assert_eq!(granted.unwrap(), 7.0);
        drop(stream);
        subscription.close();
        direct.close();
        // Back to the harness's file, as other tests expect.
        ioc.shell(&format!(
            "asSetFilename {}",
            test_dir().join("db/test.acf").display()
        ));
        ioc.shell("asInit");
        let _ = std::fs::remove_file(&acf);
    })
}
