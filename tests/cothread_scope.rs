//! `cothread::scope`: a thread other than the main one starts cothreads only
//! inside one, and no cothread of it outlives the outermost one.
//!
//! Every test runs on a thread of the test harness, never the process's main
//! thread, which is what these rules are about.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cothread::catools::{camonitor, ErrorKind};
use cothread::diagnostics::{self, Diagnostic};
use cothread::{Builder, Error, Event, Timeout};

/// Sets its flag when dropped.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Sleeps for `.0` when dropped, then sets `.1`: a suspension point in a
/// destructor (one that unwinding may run).
struct SleepOnDrop(Duration, Arc<AtomicBool>);

impl Drop for SleepOnDrop {
    fn drop(&mut self) {
        cothread::sleep(self.0);
        self.1.store(true, Ordering::SeqCst);
    }
}

fn forever() -> ! {
    loop {
        cothread::sleep(Duration::from_secs(3600));
    }
}

#[test]
fn outside_a_scope_a_thread_other_than_main_starts_no_cothread() {
    let refused = Builder::new().spawn(|| 1);
    assert!(matches!(refused, Err(Error::NeedsScope)), "{refused:?}");
    let panic = std::panic::catch_unwind(|| cothread::spawn(|| 1)).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(message.contains("cothread::scope"), "{message}");
    // Its own cothread still suspends without a scope.
    cothread::sleep(Duration::from_millis(1));
    // Inside a scope it may, and afterwards again it may not.
    let two = cothread::scope(|| cothread::spawn(|| 2).wait(Timeout::NEVER).unwrap());
    assert_eq!(two, 2);
    assert!(matches!(Builder::new().spawn(|| 3), Err(Error::NeedsScope)));
}

#[test]
fn calls_that_run_callbacks_on_cothreads_say_they_need_a_scope() {
    // Refused before any channel is opened: no IOC needed.
    let refused = camonitor("NO:SUCH:PV", |_: Result<f64, _>| {}).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::NeedsScope);
    assert!(refused.to_string().contains("cothread::scope"), "{refused}");
    let refused = cothread::catools::watch("NO:SUCH:PV", |_| {}).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::NeedsScope);
}

#[test]
fn the_end_of_a_scope_unwinds_its_unfinished_cothreads() {
    let dropped = Arc::new(AtomicBool::new(false));
    let never_started = Arc::new(AtomicBool::new(false));
    let (finished, suspended, unstarted) = cothread::scope(|| {
        let finished = cothread::spawn(|| 5);
        let guard = SetOnDrop(dropped.clone());
        let suspended = cothread::spawn(move || {
            let _guard = guard;
            forever()
        });
        assert!(matches!(finished.wait(Timeout::NEVER), Ok(5)));
        let guard = SetOnDrop(never_started.clone());
        // Spawned last: the scope ends before it ever runs.
        let unstarted = cothread::spawn(move || drop(guard));
        assert!(!dropped.load(Ordering::SeqCst));
        (finished, suspended, unstarted)
    });
    assert!(
        dropped.load(Ordering::SeqCst),
        "the suspended cothread's locals were dropped"
    );
    assert!(
        never_started.load(Ordering::SeqCst),
        "the unstarted cothread's closure was dropped"
    );
    assert!(finished.is_finished() && suspended.is_finished() && unstarted.is_finished());
    assert!(matches!(suspended.wait(Timeout::NEVER), Err(Error::Ended)));
    assert!(matches!(unstarted.wait(Timeout::NEVER), Err(Error::Ended)));
}

#[test]
fn a_scope_whose_body_panics_still_ends_its_cothreads() {
    let dropped = Arc::new(AtomicBool::new(false));
    let guard = SetOnDrop(dropped.clone());
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        cothread::scope(|| {
            cothread::spawn(move || {
                let _guard = guard;
                forever()
            });
            cothread::sleep(Duration::from_millis(1));
            panic!("the scope's body");
        })
    }));
    assert!(panic.is_err());
    assert!(dropped.load(Ordering::SeqCst));
}

#[test]
fn only_the_outermost_scope_ends_cothreads() {
    let dropped = Arc::new(AtomicBool::new(false));
    let guard = SetOnDrop(dropped.clone());
    cothread::scope(|| {
        cothread::scope(|| {
            cothread::spawn(move || {
                let _guard = guard;
                forever()
            });
        });
        cothread::sleep(Duration::from_millis(1));
        assert!(
            !dropped.load(Ordering::SeqCst),
            "an inner scope ended a cothread"
        );
        // A scope inside a cothread runs its body too.
        let inner = cothread::spawn(|| cothread::scope(|| 7));
        assert!(matches!(inner.wait(Timeout::NEVER), Ok(7)));
    });
    assert!(dropped.load(Ordering::SeqCst));
}

#[test]
fn ending_is_no_panic_and_destructors_may_suspend_while_a_catch_is_unwound_again() {
    let panics = Arc::new(AtomicUsize::new(0));
    let seen = panics.clone();
    diagnostics::set_hook(move |diagnostic: &Diagnostic| {
        if diagnostic.is_panic() {
            seen.fetch_add(1, Ordering::SeqCst);
        }
    });
    let slept = Arc::new(AtomicBool::new(false));
    let guard = SleepOnDrop(Duration::from_millis(2), slept.clone());
    let ended = Arc::new(AtomicBool::new(false));
    let flag = SetOnDrop(ended.clone());
    let catches = Arc::new(AtomicUsize::new(0));
    let caught = catches.clone();
    cothread::scope(|| {
        cothread::spawn(move || {
            let _guard = guard;
            forever()
        });
        // Catches the unwinding and goes on: unwound again at its next
        // suspension point.
        cothread::spawn(move || {
            let unwound = std::panic::catch_unwind(|| cothread::sleep(Duration::from_secs(3600)));
            if unwound.is_err() {
                caught.fetch_add(1, Ordering::SeqCst);
            }
            drop(unwound);
            forever()
        });
        // A callback suspended on the thread's callback cothread.
        cothread::SchedulerHandle::current()
            .callback(move || {
                let _flag = flag;
                forever()
            })
            .unwrap();
        cothread::sleep(Duration::from_millis(5));
    });
    diagnostics::reset_hook();
    assert!(ended.load(Ordering::SeqCst), "the callback was ended");
    assert!(
        slept.load(Ordering::SeqCst),
        "the destructor's sleep returned"
    );
    assert_eq!(catches.load(Ordering::SeqCst), 1);
    assert_eq!(
        panics.load(Ordering::SeqCst),
        0,
        "ending was reported as a panic"
    );
}

thread_local! {
    /// A thread-local with a destructor, lent to a scoped thread by a
    /// cothread of its thread.
    static WORDS: Words = Words(vec![7; 1024]);
}

/// The scoped thread's progress, and what `Words::drop` saw of it.
static SCOPED_THREAD_DONE: AtomicBool = AtomicBool::new(false);
static DROPPED_WHILE_BORROWED: AtomicBool = AtomicBool::new(false);
static WORDS_DROPPED: AtomicBool = AtomicBool::new(false);

struct Words(Vec<u64>);

impl Drop for Words {
    fn drop(&mut self) {
        if !SCOPED_THREAD_DONE.load(Ordering::SeqCst) {
            DROPPED_WHILE_BORROWED.store(true, Ordering::SeqCst);
        }
        WORDS_DROPPED.store(true, Ordering::SeqCst);
    }
}

/// The case that made scopes necessary: a cothread suspended inside
/// `LocalKey::with` and `std::thread::scope` lends the thread-local to a
/// scoped thread. The thread exits after its scope; the thread-local must
/// not be destroyed while the scoped thread still reads it.
#[test]
fn a_thread_local_lent_to_a_scoped_thread_outlives_that_thread() {
    let sums = Arc::new(Mutex::new(Vec::new()));
    let seen = sums.clone();
    std::thread::spawn(move || {
        cothread::scope(|| {
            let started = Event::<()>::new();
            let signal = started.clone();
            cothread::spawn(move || {
                WORDS.with(|words| {
                    std::thread::scope(|s| {
                        let stop = Arc::new(AtomicBool::new(false));
                        let stopping = stop.clone();
                        s.spawn(move || {
                            while !stopping.load(Ordering::SeqCst) {
                                seen.lock().unwrap().push(words.0.iter().sum::<u64>());
                                std::thread::sleep(Duration::from_millis(1));
                            }
                            std::thread::sleep(Duration::from_millis(20));
                            seen.lock().unwrap().push(words.0.iter().sum::<u64>());
                            SCOPED_THREAD_DONE.store(true, Ordering::SeqCst);
                        });
                        // Stops the scoped thread when this frame unwinds.
                        let _stop = SetOnDrop(stop);
                        signal.signal(());
                        forever()
                    })
                })
            });
            started.wait(Timeout::NEVER).unwrap();
        });
    })
    .join()
    .unwrap();
    assert!(WORDS_DROPPED.load(Ordering::SeqCst));
    assert!(!DROPPED_WHILE_BORROWED.load(Ordering::SeqCst));
    let sums = sums.lock().unwrap();
    assert!(!sums.is_empty());
    assert!(sums.iter().all(|&sum| sum == 7 * 1024), "{sums:?}");
}

#[test]
fn with_the_unsafe_permission_a_thread_starts_cothreads_without_a_scope() {
    let ran = std::thread::spawn(|| {
        // SAFETY: no cothread of this thread borrows a thread-local, and
        // none is suspended when the thread exits.
        unsafe { cothread::allow_without_scope() };
        let done = Cell::new(false);
        let handle = cothread::spawn(|| 4);
        done.set(matches!(handle.wait(Timeout::NEVER), Ok(4)));
        // A scope on such a thread ends nothing.
        let kept = cothread::spawn(|| {
            cothread::sleep(Duration::from_millis(5));
            6
        });
        cothread::scope(|| {});
        done.get() && matches!(kept.wait(Timeout::NEVER), Ok(6))
    })
    .join()
    .unwrap();
    assert!(ran);
}

/// A callback left queued when a scope ends its thread's callback cothread
/// runs once a scope runs again on that thread: it is not forgotten.
#[test]
fn callbacks_left_queued_by_an_ended_scope_run_in_the_next_one() {
    let handle = cothread::SchedulerHandle::current();
    let ran = Arc::new(AtomicBool::new(false));
    cothread::scope(|| {
        // Occupies the callback cothread until the scope ends it.
        handle.callback(|| forever()).unwrap();
        cothread::sleep(Duration::from_millis(2));
        let later = ran.clone();
        handle
            .callback(move || later.store(true, Ordering::SeqCst))
            .unwrap();
    });
    assert!(!ran.load(Ordering::SeqCst));
    cothread::scope(|| {
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while !ran.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(5));
        }
    });
    assert!(ran.load(Ordering::SeqCst), "the queued callback never ran");
}

/// A cothread unwinding a panic of its own, suspended in a destructor that
/// unwinding runs, when its scope ends: a second unwinding from there would
/// abort the process. It finishes its own unwinding instead.
#[test]
fn a_cothread_suspended_in_its_own_panics_cleanup_finishes_it_at_the_scope_end() {
    let cleaned = Arc::new(AtomicBool::new(false));
    let guard = SleepOnDrop(Duration::from_millis(50), cleaned.clone());
    let outcome = cothread::scope(|| {
        let handle = Builder::new()
            .raise_on_wait(true)
            .spawn(move || {
                let _guard = guard;
                panic!("its own panic");
            })
            .unwrap();
        cothread::sleep(Duration::from_millis(5));
        handle
    });
    assert!(cleaned.load(Ordering::SeqCst), "the destructor finished");
    assert!(matches!(
        outcome.wait(Timeout::NEVER),
        Err(Error::Panicked(_))
    ));
}

/// Runs `scenario` on a thread of its own and fails, rather than hangs, if
/// it has not finished within 10 s.
fn finishes(scenario: impl FnOnce() + Send + 'static) {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(scenario));
        let _ = done.send(outcome.is_ok());
    });
    let ok = finished.recv_timeout(Duration::from_secs(10));
    assert_eq!(ok, Ok(true), "the scenario hung or failed");
}

/// A cothread that first suspended while another was in its panic's
/// cleanup is still ended once nothing unwinds any more.
#[test]
fn a_cothread_that_suspended_during_another_ones_cleanup_is_still_ended() {
    finishes(|| {
        cothread::scope(|| {
            let panicking = Builder::new()
                .raise_on_wait(true)
                .spawn(|| {
                    let _guard = SleepOnDrop(Duration::from_millis(30), Arc::default());
                    panic!("in cleanup for 30 ms");
                })
                .unwrap();
            cothread::sleep(Duration::from_millis(5));
            // Suspends for good while the other cothread is in its cleanup.
            let never = Event::<()>::new();
            cothread::spawn(move || never.wait(Timeout::NEVER));
            assert!(matches!(
                panicking.wait(Timeout::NEVER),
                Err(Error::Panicked(_))
            ));
        });
    });
}

/// The scope's body panics while its destructors suspend: the cothreads
/// are ended all the same, and the panic goes on out of the scope.
#[test]
fn a_scope_whose_body_panics_through_suspending_destructors_ends_its_cothreads() {
    finishes(|| {
        let unwound = std::panic::catch_unwind(|| {
            cothread::scope(|| {
                cothread::spawn(|| loop {
                    cothread::sleep(Duration::from_millis(1));
                });
                let _guard = SleepOnDrop(Duration::from_millis(5), Arc::default());
                cothread::sleep(Duration::from_millis(5));
                panic!("the scope's body");
            })
        });
        assert!(unwound.is_err());
    });
}
