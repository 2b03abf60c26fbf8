//! Unit tests of the crate-internal interface used by the Channel Access
//! layer: `RemoteHandle`, `before_poll`, `in_cothread`, loop context.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::*;
use crate::{Error, Event, Timeout};

/// Queues `n` remote calls into this thread's scheduler from another
/// thread, and returns how many of them have run (none yet: they run only
/// from this thread's scheduler loop).
fn queue_remote_burst(n: usize) -> Arc<AtomicUsize> {
    let handle = remote_handle();
    let ran = Arc::new(AtomicUsize::new(0));
    let r = ran.clone();
    std::thread::spawn(move || {
        for _ in 0..n {
            let r = r.clone();
            handle
                .call(move || {
                    r.fetch_add(1, Ordering::Relaxed);
                })
                .unwrap();
        }
    })
    .join()
    .unwrap();
    ran
}

/// Before, on a thread never idle (a cothread always ready), the wakers of
/// `yield_now(timeout)`s that timed out were kept for ever: 16 bytes a
/// millisecond, 1.4 GB a day.
#[test]
fn yields_that_time_out_on_a_busy_thread_leave_no_wakers() {
    crate::scope(|| {
        let stop = Rc::new(std::cell::Cell::new(false));
        let busy = {
            let stop = Rc::clone(&stop);
            crate::spawn(move || {
                while !stop.get() {
                    crate::yield_now(Duration::ZERO);
                }
            })
        };
        for _ in 0..2000 {
            crate::yield_now(Duration::from_micros(1));
        }
        let kept = current().yielders.borrow().len();
        stop.set(true);
        busy.wait(Timeout::NEVER).unwrap();
        assert!(kept < 200, "{kept} wakers of timed-out yields are kept");
    })
}

#[test]
fn a_burst_of_remote_calls_costs_one_wake_up() {
    crate::scope(|| {
        let ran = queue_remote_burst(1000);
        let remote = current().remote().clone();
        assert_eq!(
            remote.take_wake_count(),
            1,
            "more than one wake-up for one burst"
        );
        assert_eq!(
            ran.load(Ordering::Relaxed),
            0,
            "remote calls ran outside the scheduler loop"
        );
        remote.notify_for_test(); // put back the wake-up the assertion consumed
        crate::sleep(Duration::from_millis(1));
        assert_eq!(ran.load(Ordering::Relaxed), 1000);
    })
}

/// Queues `n` remote calls from another thread and lets them run.
fn run_remote_burst(n: usize) {
    let ran = queue_remote_burst(n);
    while ran.load(Ordering::Relaxed) < n {
        crate::sleep(Duration::from_millis(1));
    }
}

#[test]
fn the_remote_queue_reuses_its_room_and_gives_back_a_large_bursts() {
    crate::scope(|| {
        run_remote_burst(10);
        let kept = current().spare_calls.borrow().capacity();
        assert!(kept >= 10, "a burst's room is kept for the next: {kept}");
        run_remote_burst(10_000);
        let grown = current().spare_calls.borrow().capacity();
        assert!(grown >= 10_000, "{grown}");
        run_remote_burst(10);
        let after = current().spare_calls.borrow().capacity();
        assert!(
            after < grown / 4,
            "a large burst's room stays: {after} of {grown}"
        );
    })
}

#[test]
fn remote_calls_run_in_loop_context_where_suspension_is_refused() {
    crate::scope(|| {
        let handle = remote_handle();
        // The closure must be Send, so report through a thread-safe cell.
        let seen = Arc::new(parking_lot::Mutex::new(None));
        let s = seen.clone();
        handle
            .call(move || {
                let e = Event::<()>::new();
                *s.lock() = Some((in_cothread(), can_suspend(), e.wait(Timeout::NEVER).err()));
            })
            .unwrap();
        crate::sleep(Duration::from_millis(1));
        let (in_co, can, err) = seen.lock().take().expect("remote call did not run");
        assert!(!in_co);
        assert!(!can);
        assert!(matches!(err, Some(Error::CannotSuspend)));
    })
}

#[test]
fn remote_calls_from_a_dead_scheduler_thread_are_refused() {
    crate::scope(|| {
        let handle = std::thread::spawn(remote_handle).join().unwrap();
        assert!(matches!(handle.call(|| ()), Err(Error::SchedulerGone)));
    })
}

#[test]
fn before_poll_runs_once_after_the_ready_batch() {
    crate::scope(|| {
        let log = Rc::new(RefCell::new(Vec::new()));
        let l = log.clone();
        let worker = crate::spawn(move || {
            l.borrow_mut().push("a1");
            crate::yield_now(Duration::ZERO);
            l.borrow_mut().push("a2");
        });
        let l = log.clone();
        before_poll(move || l.borrow_mut().push("hook"));
        worker.wait(Timeout::NEVER).unwrap();
        crate::sleep(Duration::from_millis(2));
        crate::sleep(Duration::from_millis(2));
        assert_eq!(*log.borrow(), vec!["a1", "a2", "hook"]);
    })
}

#[test]
fn in_cothread_distinguishes_main_from_spawned() {
    crate::scope(|| {
        assert!(!in_cothread());
        assert!(can_suspend());
        let h = crate::spawn(|| (in_cothread(), can_suspend()));
        assert_eq!(h.wait(Timeout::NEVER).unwrap(), (true, true));
    })
}

#[test]
fn finished_stacks_are_pooled_and_idle_memory_beyond_the_warm_set_given_back() {
    crate::scope(|| {
        // On a thread of its own: a fresh scheduler, whose pool starts empty.
        std::thread::spawn(|| {
            crate::scope(|| {
                let n = stack::WARM_STACKS + 100;
                let handles: Vec<_> = (0..n)
                    .map(|i| {
                        crate::spawn(move || {
                            crate::yield_now(Duration::ZERO);
                            i
                        })
                    })
                    .collect();
                for (i, h) in handles.into_iter().enumerate() {
                    assert_eq!(h.wait(Timeout::NEVER).unwrap(), i);
                }
                let s = current();
                let (idle, warm) = s.pool.idle();
                assert_eq!(idle, n, "finished stacks not returned to the pool");
                // Going idle (a sleep with nothing else to run) trims the pool.
                crate::sleep(Duration::from_millis(1));
                let (idle, warm_after) = s.pool.idle();
                assert_eq!(idle, n, "trimming must keep the stacks themselves");
                assert!(warm > stack::WARM_STACKS);
                assert_eq!(warm_after, stack::WARM_STACKS);
                // Trimmed stacks are reused and work.
                let again: Vec<_> = (0..n).map(|i| crate::spawn(move || i * 2)).collect();
                for (i, h) in again.into_iter().enumerate() {
                    assert_eq!(h.wait(Timeout::NEVER).unwrap(), i * 2);
                }
                assert_eq!(s.pool.idle().0, n, "reused stacks were not reused");
            })
        })
        .join()
        .unwrap();
    })
}

#[test]
fn cross_thread_doors_are_send_and_sync() {
    crate::scope(|| {
        fn door<T: Send + Sync + 'static>() {}
        door::<RemoteHandle>();
        door::<crate::SchedulerHandle>();
        door::<crate::ThreadedEventQueue<Vec<u8>>>();
        door::<Error>();
    })
}

thread_local! {
    static TIMED: RefCell<Vec<(Instant, bool)>> = const { RefCell::new(Vec::new()) };
}

fn record_timed_call() {
    TIMED.with(|t| t.borrow_mut().push((Instant::now(), can_suspend())));
}

#[test]
fn a_timed_call_runs_once_in_loop_context_after_its_deadline() {
    crate::scope(|| {
        let deadline = Instant::now() + Duration::from_millis(300);
        call_at(deadline, record_timed_call);
        // Nothing else wakes the loop: the poll's timeout must end at the
        // call's deadline.
        crate::sleep(Duration::from_millis(5));
        // (On a machine so slow that the deadline has passed, it may have run.)
        if Instant::now() < deadline {
            assert!(
                TIMED.with(|t| t.borrow().is_empty()),
                "ran before its deadline"
            );
        }
        let give_up = Instant::now() + Duration::from_secs(10);
        while TIMED.with(|t| t.borrow().is_empty()) {
            assert!(Instant::now() < give_up, "the timed call never ran");
            crate::sleep(Duration::from_millis(1));
        }
        crate::sleep(Duration::from_millis(20));
        let calls = TIMED.with(|t| t.borrow().clone());
        assert_eq!(calls.len(), 1, "ran once");
        let (ran_at, could_suspend) = calls[0];
        assert!(ran_at >= deadline);
        assert!(!could_suspend, "in loop context, outside any cothread");
    })
}

/// A deadline is kept to well under a millisecond: the loop's wait is not
/// rounded up to whole milliseconds (a 200 us sleep that took a whole
/// millisecond every time would fail here; the shortest of twenty is taken,
/// so that a busy machine's odd late wake-up does not).
#[test]
fn a_sub_millisecond_sleep_is_not_rounded_up_to_a_millisecond() {
    crate::scope(|| {
        let delay = Duration::from_micros(200);
        let shortest = (0..20)
            .map(|_| {
                let start = Instant::now();
                crate::sleep(delay);
                start.elapsed()
            })
            .min()
            .expect("twenty sleeps");
        assert!(shortest >= delay, "woke early: {shortest:?}");
        assert!(shortest < Duration::from_micros(900), "took {shortest:?}");
    })
}
