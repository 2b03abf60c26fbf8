//! `Monitor::subscribe_on_libca_thread` against a real softIoc: the callback
//! runs on libca's thread, misses no update, stops at close, and a panic in
//! it closes the subscription.

mod support;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use cothread::catools::{caget, caput, CaError, CloseReason, ErrorKind, Monitor};

/// Runs the scheduler until `done()` or 10 s (generous: the machine may be
/// loaded).
fn wait_until(mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() && Instant::now() < deadline {
        cothread::sleep(Duration::from_millis(5));
    }
}

type Shared<T> = Arc<Mutex<Vec<T>>>;

#[test]
fn updates_arrive_on_a_thread_that_is_not_the_subscribers() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let threads: Shared<ThreadId> = Arc::default();
        let sink = Arc::clone(&threads);
        let subscription = Monitor::new()
            .subscribe_on_libca_thread(&ioc.pv("longin"), move |update: Result<i32, CaError>| {
                update.unwrap();
                sink.lock().unwrap().push(std::thread::current().id());
            })
            .unwrap();
        wait_until(|| !threads.lock().unwrap().is_empty());
        subscription.close();
        let threads = threads.lock().unwrap();
        assert!(!threads.is_empty(), "no update arrived");
        let here = std::thread::current().id();
        assert!(threads.iter().all(|thread| *thread != here), "{threads:?}");
    })
}

#[test]
fn every_update_of_a_fast_putter_arrives_in_order() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("backlog");
        caput(&name, -1).unwrap();
        let seen: Shared<i32> = Arc::default();
        let sink = Arc::clone(&seen);
        let subscription = Monitor::new()
            .subscribe_on_libca_thread(&name, move |update: Result<i32, CaError>| {
                sink.lock().unwrap().push(update.unwrap());
            })
            .unwrap();
        wait_until(|| seen.lock().unwrap().last() == Some(&-1));
        let puts = 2_000;
        // Bursts of 50 puts, each burst sent in one flush.
        for burst in (0..puts).collect::<Vec<_>>().chunks(50) {
            for &value in burst {
                caput(&name, value).unwrap();
            }
            cothread::sleep(Duration::from_millis(2));
        }
        wait_until(|| seen.lock().unwrap().last() == Some(&(puts - 1)));
        subscription.close();
        let seen = seen.lock().unwrap();
        let after_first = seen.iter().position(|v| *v == -1).unwrap() + 1;
        assert_eq!(seen[after_first..], (0..puts).collect::<Vec<_>>()[..]);
    })
}

#[test]
fn close_stops_the_callback_before_it_returns() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("longout");
        let calls = Arc::new(AtomicU64::new(0));
        let running = Arc::new(AtomicBool::new(false));
        let (count, inside) = (Arc::clone(&calls), Arc::clone(&running));
        let subscription = Monitor::new()
            .subscribe_on_libca_thread(&name, move |_: Result<i32, CaError>| {
                inside.store(true, Ordering::SeqCst);
                // Slow enough that a close often meets a running call.
                std::thread::sleep(Duration::from_micros(500));
                count.fetch_add(1, Ordering::SeqCst);
                inside.store(false, Ordering::SeqCst);
            })
            .unwrap();
        wait_until(|| calls.load(Ordering::SeqCst) > 0);
        for value in 0..200 {
            caput(&name, value).unwrap();
            if value % 20 == 0 {
                cothread::sleep(Duration::from_millis(1));
            }
        }
        subscription.close();
        assert!(!running.load(Ordering::SeqCst), "a call ran past close");
        let at_close = calls.load(Ordering::SeqCst);
        for value in 200..300 {
            caput(&name, value).unwrap();
        }
        cothread::sleep(Duration::from_millis(300));
        assert_eq!(calls.load(Ordering::SeqCst), at_close);
        assert_eq!(subscription.close_reason(), Some(CloseReason::Closed));
    })
}

/// The panic message of the test below, on purpose.
const ON_PURPOSE: &str = "direct callback failure on purpose";

/// Keeps the standard panic hook from printing the panic on purpose: it
/// happens on a libca thread, whose output the test harness does not
/// capture. Every other panic is printed as before.
fn quiet_panic_on_purpose() {
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
            if message != Some(ON_PURPOSE) {
                previous(info);
            }
        }));
    });
}

#[test]
fn a_panicking_callback_closes_the_subscription_and_is_reported_once() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        quiet_panic_on_purpose();
        // Processed every 0.1 s: updates keep coming after the panic.
        let name = ioc.pv("counter");
        let calls = Arc::new(AtomicU64::new(0));
        let count = Arc::clone(&calls);
        let subscription = Monitor::new()
            .subscribe_on_libca_thread(&name, move |_: Result<f64, CaError>| {
                count.fetch_add(1, Ordering::SeqCst);
                std::panic::panic_any(ON_PURPOSE);
            })
            .unwrap();
        wait_until(|| subscription.is_closed());
        assert_eq!(
            subscription.close_reason(),
            Some(CloseReason::CallbackPanicked(ON_PURPOSE.into()))
        );
        // The counter goes on updating for another half second.
        cothread::sleep(Duration::from_millis(500));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        let panics = support::diagnostics::callback_panics(&name);
        assert_eq!(
            panics,
            vec![("camonitor on libca's thread", ON_PURPOSE.to_string())]
        );
    })
}

#[test]
fn a_catools_wait_inside_the_callback_fails_at_once_instead_of_blocking_libca() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("ao");
        let results: Shared<(Result<f64, CaError>, Duration)> = Arc::default();
        let sink = Arc::clone(&results);
        let pv = name.clone();
        let subscription = Monitor::new()
            .subscribe_on_libca_thread(&name, move |_: Result<f64, CaError>| {
                let mut sink = sink.lock().unwrap();
                if sink.is_empty() {
                    let start = Instant::now();
                    let result = caget::<f64>(&pv);
                    sink.push((result, start.elapsed()));
                }
            })
            .unwrap();
        wait_until(|| !results.lock().unwrap().is_empty());
        subscription.close();
        let results = results.lock().unwrap();
        let (result, took) = &results[0];
        assert_eq!(result.as_ref().unwrap_err().kind(), ErrorKind::Timeout);
        // caget's default timeout is 5 s: it did not wait for it.
        assert!(*took < Duration::from_secs(2), "took {took:?}");
    })
}

#[test]
fn options_that_run_on_this_thread_are_refused() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let result = Monitor::new()
            .on_connection(|_| {})
            .subscribe_on_libca_thread(&ioc.pv("ai"), |_: Result<f64, CaError>| {});
        assert_eq!(result.unwrap_err().code(), libca_sys::ECA_NOSUPPORT);
    })
}
