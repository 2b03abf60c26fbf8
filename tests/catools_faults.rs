//! Faults a long-running program meets, against a real softIoc: replies
//! that come after their caller gave up, timeouts too long for the clock,
//! user callbacks that panic, and callbacks slower than their PV.
//!
//! The panicking callbacks unwind with `std::panic::resume_unwind`, which
//! unwinds exactly as `panic!` does but skips the panic hook, so that a green
//! run prints no panic message; what the library reports is recorded by the
//! harness (`support::diagnostics`) and asserted on here.

mod support;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{
    caget, camonitor, caput, Augmented, Backlog, CaError, CloseReason, Connect, ErrorKind, Get,
    Monitor, Put,
};
use cothread::diagnostics::{self, Diagnostic};
use cothread::pv::{Pv, PvArray};

/// Runs the scheduler until `done()` or `limit`.
fn wait_until(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while !done() {
        if Instant::now() > deadline {
            return false;
        }
        cothread::sleep(Duration::from_millis(5));
    }
    true
}

/// Panics as `panic!(message)` would, without the panic hook's report.
fn deliberate_panic(message: &'static str) -> ! {
    std::panic::resume_unwind(Box::new(message))
}

/// Whether a panic inside the library (on libca's thread) was reported.
fn contained_panics() -> Vec<String> {
    support::diagnostics::recorded()
        .into_iter()
        .filter_map(|d| match d {
            Diagnostic::PanicContained { place, message } => Some(format!("{place}: {message}")),
            _ => None,
        })
        .collect()
}

#[test]
fn late_replies_are_dropped_quietly_and_counted() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let ai = ioc.pv("ai");
        caget::<f64>(&ai).unwrap(); // connected, so only the read itself is late
        let before = diagnostics::late_replies();

        // A zero timeout still lets in a reply that is already there when the
        // caller looks (the IOC is local and fast): read until one times out.
        let err = (0..50)
            .find_map(|_| Get::new().timeout(Duration::ZERO).get::<f64>(&ai).err())
            .expect("no zero-timeout read timed out");
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
        // slow.A takes a second to process: the completion comes after 0.3 s.
        let err = Put::new()
            .wait(true)
            .timeout(Duration::from_millis(300))
            .put(&ioc.pv("slow.A"), 7.0)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
        cothread::sleep(Duration::from_millis(1500));

        assert!(
            wait_until(Duration::from_secs(5), || diagnostics::late_replies()
                >= before + 2),
            "late replies counted: {} -> {}",
            before,
            diagnostics::late_replies()
        );
        assert_eq!(contained_panics(), Vec::<String>::new());
    })
}

#[test]
fn huge_timeouts_mean_no_deadline() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let ai = ioc.pv("ai");
        let forever = [Duration::MAX, Duration::from_secs(u64::MAX)];
        for timeout in forever {
            Get::new().timeout(timeout).get::<f64>(&ai).unwrap();
            Put::new()
                .wait(true)
                .timeout(timeout)
                .put(&ioc.pv("ao"), 1.5)
                .unwrap();
            Connect::new()
                .timeout(timeout)
                .connect_list(&[&ai])
                .unwrap();

            let seen = Rc::new(Cell::new(false));
            let saw = Rc::clone(&seen);
            let _subscription = Monitor::new()
                .connect_timeout(timeout)
                .subscribe(&ai, move |update: Result<f64, CaError>| {
                    saw.set(update.is_ok())
                })
                .unwrap();
            assert!(wait_until(Duration::from_secs(5), || seen.get()));

            let pv = Pv::<f64>::options()
                .initial_timeout(timeout)
                .open(&ioc.pv("counter"))
                .unwrap();
            pv.get().unwrap();
            pv.get_next(timeout, true).unwrap();
            pv.sync(timeout).unwrap();
        }
    })
}

#[test]
fn panicking_monitor_callback_closes_its_subscription_and_is_reported_once() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let counter = ioc.pv("counter");
        let calls = Rc::new(Cell::new(0));
        let called = Rc::clone(&calls);
        let subscription = camonitor(&counter, move |_: Result<f64, CaError>| {
            called.set(called.get() + 1);
            deliberate_panic("monitor callback gives up");
        })
        .unwrap();
        assert!(wait_until(Duration::from_secs(5), || subscription.is_closed()));
        // counter updates ten times a second: none of them reaches the callback.
        cothread::sleep(Duration::from_millis(500));
        assert_eq!(calls.get(), 1);
        assert_eq!(
            subscription.close_reason(),
            Some(CloseReason::CallbackPanicked(
                "monitor callback gives up".into()
            ))
        );
        assert_eq!(
            support::diagnostics::callback_panics(&counter),
            vec![("camonitor", "monitor callback gives up".to_string())]
        );
    })
}

#[test]
fn panicking_put_callback_hears_no_more_and_is_reported_once() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let first = ioc.pv("longout");
        let calls = Rc::new(Cell::new(0));
        let called = Rc::clone(&calls);
        let started = Put::new().put_list_with_callback(
            &[first.clone(), ioc.pv("longout")],
            vec![1.into(), 2.into()],
            move |_, _| {
                called.set(called.get() + 1);
                deliberate_panic("put callback gives up");
            },
        );
        assert!(started.iter().all(Result::is_ok), "{started:?}");
        assert!(wait_until(Duration::from_secs(5), || {
            !support::diagnostics::callback_panics(&first).is_empty()
        }));
        cothread::sleep(Duration::from_millis(300));
        assert_eq!(calls.get(), 1);
        assert_eq!(
            support::diagnostics::callback_panics(&first),
            vec![("caput callback", "put callback gives up".to_string())]
        );
    })
}

#[test]
fn pv_whose_on_update_panicked_fails_its_reads_saying_why() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("ai");
        let calls = Rc::new(Cell::new(0));
        let called = Rc::clone(&calls);
        let pv = Pv::<f64>::options()
            .on_update(move |_| {
                called.set(called.get() + 1);
                deliberate_panic("on_update gives up");
            })
            .open(&name)
            .unwrap();
        assert!(wait_until(Duration::from_secs(5), || pv.get().is_err()
            && calls.get() > 0));
        let err = pv.get().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ChannelClosed, "{err}");
        assert!(
            err.to_string().contains("on_update gives up"),
            "says why: {err}"
        );
        assert_eq!(pv.value(), None);
        assert_eq!(
            pv.get_next(Duration::from_secs(1), true)
                .unwrap_err()
                .kind(),
            ErrorKind::ChannelClosed
        );
        caput(&name, 4.5).unwrap();
        cothread::sleep(Duration::from_millis(300));
        assert_eq!(calls.get(), 1, "the callback ran once");
        assert_eq!(
            support::diagnostics::callback_panics(&name),
            vec![("Pv on_update", "on_update gives up".to_string())]
        );
    })
}

#[test]
fn pv_array_whose_on_update_panicked_stops_and_says_why() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("mbbi"), ioc.pv("longin")];
        let calls = Rc::new(Cell::new(0));
        let called = Rc::clone(&calls);
        let array: PvArray<f64> = PvArray::with_options(&names, 1, false, move |_, _| {
            called.set(called.get() + 1);
            deliberate_panic("array on_update gives up");
        })
        .unwrap();
        assert!(wait_until(Duration::from_secs(5), || array
            .stopped()
            .is_some()));
        let err = array.stopped().unwrap();
        assert!(
            err.to_string().contains("array on_update gives up"),
            "{err}"
        );
        assert_eq!(array.ok(), vec![false, false]);
        cothread::sleep(Duration::from_millis(300));
        assert_eq!(calls.get(), 1, "the callback ran once");
        let reports: usize = names
            .iter()
            .map(|name| support::diagnostics::callback_panics(name).len())
            .sum();
        assert_eq!(reports, 1, "reported once");
    })
}

#[test]
fn slow_all_updates_callback_keeps_a_bounded_backlog_and_counts_every_update() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("backlog");
        Put::new().wait(true).put(&name, 0).unwrap();
        let seen: Rc<RefCell<Vec<(i32, u64)>>> = Rc::default();
        let log = Rc::clone(&seen);
        let _subscription = Monitor::new()
            .all_updates(true)
            .backlog(Backlog::Bounded(4))
            .subscribe(&name, move |update: Result<Augmented<i32>, CaError>| {
                let update = update.unwrap();
                log.borrow_mut()
                    .push((update.value, update.meta.update_count));
                // Much slower than the puts below.
                cothread::sleep(Duration::from_millis(30));
            })
            .unwrap();
        assert!(wait_until(Duration::from_secs(5), || !seen
            .borrow()
            .is_empty()));
        let puts = 100;
        for value in 1..=puts {
            Put::new().wait(true).put(&name, value).unwrap();
        }
        assert!(
            wait_until(Duration::from_secs(20), || seen
                .borrow()
                .last()
                .is_some_and(|&(value, _)| value == puts)),
            "the last update arrives: {:?}",
            seen.borrow()
        );
        let seen = seen.borrow();
        let after_first = &seen[1..];
        let counted: u64 = after_first.iter().map(|&(_, count)| count).sum();
        assert_eq!(counted, puts as u64, "every update counted: {seen:?}");
        assert!(
            after_first.len() < puts as usize,
            "updates merged: {seen:?}"
        );
        assert!(
            after_first.iter().any(|&(_, count)| count > 1),
            "an overrun shows in update_count: {seen:?}"
        );
        assert!(
            after_first.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "in order: {seen:?}"
        );
    })
}

/// What a subscription's callback saw: each value with its `update_count`.
type UpdateLog = Rc<RefCell<Vec<(i32, u64)>>>;

#[test]
fn subscriptions_that_fall_behind_together_keep_within_the_threads_backlog() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("thread:backlog");
        Put::new().wait(true).put(&name, 0).unwrap();
        // A setting of this test's own thread.
        cothread::catools::set_thread_backlog(8);
        // Every callback waits at the gate, so updates pile up behind the
        // first while the puts below go on.
        let gate = Rc::new(Cell::new(false));
        let logs: Vec<UpdateLog> = (0..4).map(|_| Rc::default()).collect();
        let _subscriptions: Vec<_> = logs
            .iter()
            .map(|log| {
                let (log, gate) = (Rc::clone(log), Rc::clone(&gate));
                Monitor::new()
                    .all_updates(true)
                    .subscribe(&name, move |update: Result<Augmented<i32>, CaError>| {
                        let update = update.unwrap();
                        while !gate.get() {
                            cothread::sleep(Duration::from_millis(5));
                        }
                        log.borrow_mut()
                            .push((update.value, update.meta.update_count));
                    })
                    .unwrap()
            })
            .collect();
        let puts = 100;
        for value in 1..=puts {
            Put::new().wait(true).put(&name, value).unwrap();
        }
        cothread::sleep(Duration::from_millis(300)); // the last updates arrive
        gate.set(true);
        assert!(
            wait_until(Duration::from_secs(20), || logs.iter().all(|log| log
                .borrow()
                .last()
                .is_some_and(|&(value, _)| value == puts))),
            "every subscription gets the last update: {logs:?}"
        );
        cothread::sleep(Duration::from_millis(100)); // nothing more is on its way
        let mut delivered = 0;
        for log in &logs {
            let log = log.borrow();
            let counted: u64 = log.iter().map(|&(_, count)| count).sum();
            assert_eq!(counted, puts as u64 + 1, "every update counted: {log:?}");
            assert!(
                log.windows(2).all(|pair| pair[0].0 < pair[1].0),
                "in order: {log:?}"
            );
            delivered += log.len();
        }
        // Without the thread's backlog each would get all 101 (404 together);
        // with it, what waited stayed near the budget plus one each.
        assert!(
            delivered <= 60,
            "{delivered} updates delivered: the thread's backlog did not hold: {logs:?}"
        );
    })
}
