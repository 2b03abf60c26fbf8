//! An IOC that stops and comes back, seen through catools (the Python
//! original's reconnection check) and through a PV helper. This binary has
//! one test and its own IOC, restarted on the same port (libca reads the
//! port once, at the first CA call, so the client is pointed at the IOC
//! before any).

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{caget, CaError, ErrorKind, Get, Monitor, Put};
use cothread::pv::PvArray;
use support::{use_ioc_for_client, Ioc};

/// How long libca may take to find the restarted IOC again. Without a CA
/// repeater (none runs here) no beacon tells libca that the IOC is back, and
/// libca's disconnect governor searches for the channels of a lost circuit
/// once every 10 s: the resumption comes about 10 s after the disconnect.
const RECONNECT: Duration = Duration::from_secs(15);

type Log = Rc<RefCell<Vec<Result<i32, CaError>>>>;

/// Runs the scheduler until `log` has more than `len` entries, or panics
/// after `within`.
fn wait_for_more(log: &Log, len: usize, within: Duration, what: &str) {
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

/// Runs the scheduler until `done()` or 5 s.
fn wait_until(mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done() && Instant::now() < deadline {
        cothread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn monitor_and_pv_array_report_disconnect_and_resume_after_ioc_restart() {
    cothread::scope(|| {
        let mut ioc = Ioc::start();
        use_ioc_for_client(&ioc);
        let name = ioc.pv("longout");

        let log: Log = Rc::default();
        let sink = Rc::clone(&log);
        let subscription = Monitor::new()
            .notify_disconnect(true)
            .all_updates(true)
            .subscribe(&name, move |update: Result<i32, CaError>| {
                sink.borrow_mut().push(update)
            })
            .unwrap();
        wait_for_more(&log, 0, Duration::from_secs(5), "initial update");
        assert_eq!(*log.borrow().last().unwrap().as_ref().unwrap(), 7);

        for value in [42, 43, 44] {
            Put::new().wait(true).put(&name, value).unwrap();
        }
        wait_for_more(&log, 3, Duration::from_secs(5), "updates 42, 43, 44");
        let seen: Vec<i32> = log.borrow()[1..]
            .iter()
            .map(|u| *u.as_ref().unwrap())
            .collect();
        assert_eq!(seen, vec![42, 43, 44]);
        // The PV helper over the same records: all ok while the IOC serves.
        let array: PvArray<f64> = PvArray::new(&[name.clone(), ioc.pv("ai")], 1).unwrap();
        array.sync(Duration::from_secs(5)).unwrap();
        wait_until(|| array.get() == vec![44.0, 3.5]);
        assert!(array.all_ok());

        // The IOC goes away: the subscription delivers one disconnect error.
        ioc.stop();
        wait_for_more(&log, 4, Duration::from_secs(5), "disconnect");
        let disconnect = log.borrow()[4].clone().unwrap_err();
        assert_eq!(disconnect.kind(), ErrorKind::Disconnected);
        assert_eq!(disconnect.pv(), name);
        // The array keeps the last values and marks both PVs not ok.
        wait_until(|| array.ok() == vec![false, false]);
        assert_eq!(array.ok(), vec![false, false]);
        assert_eq!(array.get(), vec![44.0, 3.5]);

        // A read meanwhile fails within its timeout; it does not hang.
        let asked = Instant::now();
        let err = Get::new()
            .timeout(Duration::from_millis(300))
            .get::<i32>(&name)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
        assert!(
            asked.elapsed() < Duration::from_secs(2),
            "{:?}",
            asked.elapsed()
        );

        // Back on the same port: updates resume with no action of ours (a fresh
        // IOC's longout holds its database value again), and caget works.
        ioc.restart();
        wait_for_more(&log, 5, RECONNECT, "update after the restart");
        assert_eq!(*log.borrow()[5].as_ref().unwrap(), 7);
        assert_eq!(caget::<i32>(&name).unwrap(), 7);
        Put::new().wait(true).put(&name, 45).unwrap();
        wait_for_more(&log, 6, Duration::from_secs(5), "update 45");
        assert_eq!(*log.borrow()[6].as_ref().unwrap(), 45);
        wait_until(|| array.get() == vec![45.0, 3.5]);
        assert!(array.all_ok());
        assert_eq!(array.get(), vec![45.0, 3.5]);

        subscription.close();
    })
}
