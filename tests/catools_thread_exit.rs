//! What an OS thread that used `camonitor` leaves behind when it exits:
//! nothing. Its scheduler, dispatcher, wake-up fd and stacks go with it, and
//! so do its detached subscriptions and what their callbacks own (the IOC
//! sees them cleared).
//!
//! The tests of this binary share one IOC of their own (they ask its shell
//! about its subscriptions) and run one at a time (they count the process's
//! file descriptors and mappings).

mod support;

use std::cell::Cell;
use std::rc::Rc;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use cothread::catools::{camonitor, CaError, Monitor};
use cothread::pv::Pv;
use support::{Ioc, IocOptions};

/// A record only the detach test subscribes to.
const RECORDS: &str = r#"
record(calc, "$(P)exit:counter") {
    field(SCAN, ".1 second")
    field(CALC, "A+1")
    field(INPA, "$(P)exit:counter NPP")
}

record(ai, "$(P)exit:held") {
}
"#;

/// The IOC of this binary, held by one test at a time.
fn ioc() -> MutexGuard<'static, Ioc> {
    static IOC: OnceLock<Mutex<Ioc>> = OnceLock::new();
    IOC.get_or_init(|| {
        let ioc = Ioc::start_with(IocOptions {
            extra_records: RECORDS.to_string(),
            ..IocOptions::default()
        });
        support::use_ioc_for_client(&ioc);
        Mutex::new(ioc)
    })
    .lock()
    .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs the scheduler until `done()` or 5 s.
fn wait_until(mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done() {
        if Instant::now() > deadline {
            return false;
        }
        cothread::sleep(Duration::from_millis(5));
    }
    true
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .count()
}

fn mappings() -> usize {
    std::fs::read_to_string("/proc/self/maps")
        .expect("/proc/self/maps")
        .lines()
        .count()
}

/// On a new thread: subscribes to `name`, waits for an update (so the
/// dispatcher has run), then `finish`es with the subscription and exits.
fn monitor_on_a_thread(name: &str, finish: fn(cothread::catools::Subscription)) {
    let name = name.to_string();
    std::thread::spawn(move || {
        cothread::scope(|| {
            let seen = Rc::new(Cell::new(false));
            let saw = Rc::clone(&seen);
            let subscription = Monitor::new()
                .all_updates(true)
                .subscribe(&name, move |update: Result<f64, CaError>| {
                    saw.set(update.is_ok())
                })
                .unwrap();
            assert!(wait_until(|| seen.get()), "an update of {name}");
            finish(subscription);
        })
    })
    .join()
    .expect("the monitoring thread");
}

#[test]
fn threads_that_monitor_then_exit_leave_fds_and_mappings_flat() {
    cothread::scope(|| {
        let ioc = ioc();
        let name = ioc.pv("counter");
        // The first threads create what the process keeps: libca's context,
        // its threads and sockets, the allocator's arenas.
        for _ in 0..5 {
            monitor_on_a_thread(&name, drop);
        }
        let (fds, maps) = (open_fds(), mappings());
        let threads = 200;
        for _ in 0..threads {
            monitor_on_a_thread(&name, drop);
        }
        // Each thread used to keep its scheduler's eventfd and a 1 MiB stack
        // (two mappings with its guard page).
        assert!(
            open_fds() <= fds + 2,
            "fds {fds} -> {} after {threads} threads",
            open_fds()
        );
        assert!(
            mappings() <= maps + 20,
            "mappings {maps} -> {} after {threads} threads",
            mappings()
        );
        // The main thread still monitors as before.
        let seen = Rc::new(Cell::new(false));
        let saw = Rc::clone(&seen);
        let _subscription = camonitor(&name, move |_: Result<f64, CaError>| saw.set(true)).unwrap();
        assert!(wait_until(|| seen.get()));
    })
}

/// How many times the IOC has said that `record` has no subscriptions.
fn no_subscription_reports(ioc: &Ioc, record: &str) -> usize {
    let said = format!("\"{record}\": No PV event subscriptions");
    ioc.log().matches(&said).count()
}

/// Asks the IOC about `record`'s subscriptions; true if it says it has none.
fn ioc_says_no_subscriptions(ioc: &mut Ioc, record: &str) -> bool {
    let before = no_subscription_reports(ioc, record);
    ioc.shell(&format!("dbel {record} 1"));
    // The answer comes on the IOC's stdout; the prompt follows it.
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline {
        if no_subscription_reports(ioc, record) > before {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn detached_subscriptions_of_an_exited_thread_are_cleared() {
    cothread::scope(|| {
        let mut ioc = ioc();
        let name = ioc.pv("exit:counter");
        // A Pv that only the detached subscription's callback owns.
        let held = ioc.pv("exit:held");
        assert!(ioc_says_no_subscriptions(&mut ioc, &name), "{}", ioc.log());
        assert!(ioc_says_no_subscriptions(&mut ioc, &held), "{}", ioc.log());

        // While its thread lives, a detached subscription runs.
        let (to_thread, go) = std::sync::mpsc::channel::<()>();
        let (to_test, detached) = std::sync::mpsc::channel::<()>();
        let (thread_name, thread_held) = (name.clone(), held.clone());
        let thread = std::thread::spawn(move || {
            cothread::scope(|| {
                let seen = Rc::new(Cell::new(false));
                let saw = Rc::clone(&seen);
                let pv: Pv<f64> = Pv::new(&thread_held).unwrap();
                Monitor::new()
                    .all_updates(true)
                    .subscribe(&thread_name, move |update: Result<f64, CaError>| {
                        saw.set(update.is_ok() && pv.get().is_ok())
                    })
                    .unwrap()
                    .detach();
                assert!(wait_until(|| seen.get()), "an update of {thread_name}");
                to_test.send(()).unwrap();
                go.recv().unwrap();
            })
        });
        detached.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(
            !ioc_says_no_subscriptions(&mut ioc, &name),
            "the detached subscription reached the IOC"
        );
        assert!(
            !ioc_says_no_subscriptions(&mut ioc, &held),
            "the Pv's subscription reached the IOC"
        );

        to_thread.send(()).unwrap();
        thread.join().expect("the monitoring thread");
        for record in [&name, &held] {
            let deadline = Instant::now() + Duration::from_secs(5);
            while !ioc_says_no_subscriptions(&mut ioc, record) {
                assert!(
                    Instant::now() < deadline,
                    "the IOC still serves the exited thread's subscription to {record}"
                );
            }
        }
    })
}
