//! Spawning, waiting, results, panics and run order.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use cothread::diagnostics::Diagnostic;
use cothread::{spawn, Builder, Error, Event, Timeout};

#[test]
fn wait_returns_the_cothread_result() {
    cothread::scope(|| {
        let h = spawn(|| 40 + 2);
        assert_eq!(h.wait(Timeout::NEVER).unwrap(), 42);
        assert!(matches!(h.wait(Timeout::NEVER), Err(Error::ResultTaken)));
    })
}

#[test]
fn spawn_is_not_a_suspension_point_and_runs_in_creation_order() {
    cothread::scope(|| {
        let log = Rc::new(RefCell::new(Vec::new()));
        let handles: Vec<_> = (0..10)
            .map(|i| {
                let log = log.clone();
                spawn(move || log.borrow_mut().push(i))
            })
            .collect();
        assert!(
            log.borrow().is_empty(),
            "spawn ran a cothread before the caller suspended"
        );
        cothread::yield_now(Timeout::NEVER);
        assert_eq!(*log.borrow(), (0..10).collect::<Vec<_>>());
        for h in handles {
            h.wait(Timeout::NEVER).unwrap();
        }
    })
}

#[test]
fn panic_is_returned_by_wait_with_raise_on_wait() {
    cothread::scope(|| {
        let h = Builder::new()
            .raise_on_wait(true)
            .spawn(|| -> u32 { panic!("boom {}", 7) })
            .unwrap();
        match h.wait(Timeout::NEVER) {
            Err(Error::Panicked(msg)) => assert_eq!(msg, "boom 7"),
            other => panic!("expected a panic, got {other:?}"),
        }
    })
}

#[test]
fn panic_without_raise_on_wait_is_reported_once_to_the_hook_and_scheduler_survives() {
    cothread::scope(|| {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = seen.clone();
        cothread::diagnostics::set_hook(move |d| {
            if let Diagnostic::CothreadPanicked { what, message } = d {
                if message == "reported once" {
                    sink.lock().unwrap().push(*what);
                }
            }
        });
        let h = spawn(|| panic!("reported once"));
        assert!(matches!(h.wait(Timeout::NEVER), Err(Error::Panicked(_))));
        assert_eq!(*seen.lock().unwrap(), ["cothread"]);
        // The scheduler keeps working after a cothread panicked.
        assert_eq!(spawn(|| 5).wait(Timeout::NEVER).unwrap(), 5);
    })
}

#[test]
fn wait_times_out_on_a_blocked_cothread() {
    cothread::scope(|| {
        let never = Event::<()>::new();
        let e = never.clone();
        let h = spawn(move || e.wait(Timeout::NEVER));
        assert!(matches!(
            h.wait(Duration::from_millis(20)),
            Err(Error::Timedout)
        ));
        never.signal(());
        assert!(h.wait(Duration::from_secs(5)).unwrap().is_ok());
    })
}

#[test]
fn cothreads_with_a_chosen_stack_size_run_and_reuse_stacks() {
    cothread::scope(|| {
        for round in 0..3 {
            let handles: Vec<_> = (0..50)
                .map(|i| {
                    Builder::new()
                        .stack_size(64 * 1024)
                        .spawn(move || {
                            cothread::yield_now(Timeout::NEVER);
                            i * round
                        })
                        .unwrap()
                })
                .collect();
            for (i, h) in handles.into_iter().enumerate() {
                assert_eq!(h.wait(Timeout::NEVER).unwrap(), i * round);
            }
        }
    })
}

/// Recurses with a checksummed local array per frame, suspending at the
/// bottom: any byte of a frame lost or overwritten while suspended breaks a
/// checksum.
fn deep(depth: u32, seed: u64) -> u64 {
    let mut frame = [0u64; 16];
    for (i, slot) in frame.iter_mut().enumerate() {
        *slot = seed.wrapping_mul(31).wrapping_add(i as u64 + depth as u64);
    }
    let below = if depth == 0 {
        cothread::yield_now(Timeout::NEVER);
        0
    } else {
        deep(depth - 1, seed ^ frame[3])
    };
    for (i, slot) in frame.iter().enumerate() {
        assert_eq!(
            *slot,
            seed.wrapping_mul(31).wrapping_add(i as u64 + depth as u64)
        );
    }
    below.wrapping_add(frame.iter().fold(0u64, |a, b| a.wrapping_add(*b)))
}

#[test]
fn stack_contents_survive_interleaved_suspensions() {
    cothread::scope(|| {
        let expected: Vec<u64> = (0..20).map(|i| deep_plain(i % 7 * 5, i)).collect();
        let handles: Vec<_> = (0..20u64)
            .map(|i| spawn(move || deep((i % 7 * 5) as u32, i)))
            .collect();
        let got: Vec<u64> = handles
            .into_iter()
            .map(|h| h.wait(Timeout::NEVER).unwrap())
            .collect();
        assert_eq!(got, expected);
    })
}

fn deep_plain(depth: u64, seed: u64) -> u64 {
    let mut frame = [0u64; 16];
    for (i, slot) in frame.iter_mut().enumerate() {
        *slot = seed.wrapping_mul(31).wrapping_add(i as u64 + depth);
    }
    let below = if depth == 0 {
        0
    } else {
        deep_plain(depth - 1, seed ^ frame[3])
    };
    below.wrapping_add(frame.iter().fold(0u64, |a, b| a.wrapping_add(*b)))
}

#[test]
fn cothreads_spawned_from_cothreads_run() {
    cothread::scope(|| {
        let h = spawn(|| {
            let inner = spawn(|| 3);
            inner.wait(Timeout::NEVER).unwrap() * 2
        });
        assert_eq!(h.wait(Timeout::NEVER).unwrap(), 6);
    })
}

/// A scoped OS thread reads a local of a cothread while that cothread is
/// suspended inside the scope and other cothreads run: each cothread's stack
/// is its own, so the local is intact (a copy-on-switch shared stack would
/// have other cothreads' bytes at that address by then).
#[test]
fn scoped_thread_reads_a_suspended_cothreads_locals_intact() {
    cothread::scope(|| {
        let reader = spawn(|| {
            let buf = [0xAAu8; 256];
            std::thread::scope(|s| {
                let t = s.spawn(|| {
                    std::thread::sleep(Duration::from_millis(30));
                    buf.iter().filter(|&&b| b == 0xAA).count()
                });
                // Suspends inside the scope while the thread reads `buf`.
                cothread::sleep(Duration::from_millis(100));
                t.join().unwrap()
            })
        });
        let others: Vec<_> = (0..3)
            .map(|_| spawn(|| cothread::sleep(Duration::from_millis(1))))
            .collect();
        let scribbler = spawn(|| {
            let other = [0x55u8; 8192];
            std::hint::black_box(&other);
            cothread::sleep(Duration::from_millis(60));
        });
        assert_eq!(reader.wait(Timeout::NEVER).unwrap(), 256);
        for h in others {
            h.wait(Timeout::NEVER).unwrap();
        }
        scribbler.wait(Timeout::NEVER).unwrap();
    })
}

#[test]
fn a_large_stack_size_gives_room_for_large_frames() {
    cothread::scope(|| {
        let h = Builder::new()
            .stack_size(4 * 1024 * 1024)
            .spawn(|| {
                let big = [7u8; 2 * 1024 * 1024];
                cothread::yield_now(Timeout::NEVER);
                std::hint::black_box(&big)
                    .iter()
                    .map(|&b| b as usize)
                    .sum::<usize>()
            })
            .unwrap();
        assert_eq!(h.wait(Timeout::NEVER).unwrap(), 7 * 2 * 1024 * 1024);
    })
}

/// A panic payload whose own drop panics: what `std::panic::panic_any` lets
/// user code throw.
struct PanicsWhenDropped;

impl Drop for PanicsWhenDropped {
    fn drop(&mut self) {
        // Not while the test itself unwinds: that would abort the run.
        if !std::thread::panicking() {
            panic!("the panic payload's drop panicked");
        }
    }
}

#[test]
fn a_panic_whose_payload_panics_when_dropped_is_contained_and_the_scheduler_runs_on() {
    cothread::scope(|| {
        for raise in [false, true] {
            let h = Builder::new()
                .raise_on_wait(raise)
                .spawn(|| -> u32 { std::panic::panic_any(PanicsWhenDropped) })
                .unwrap();
            // Before the payload's disposal was contained, its second panic
            // unwound out of the cothread and out of this wait, and left the
            // scheduler taking the finished cothread for the running one.
            match h.wait(Timeout::NEVER) {
                Err(Error::Panicked(message)) => assert_eq!(message, "<non-string panic payload>"),
                other => panic!("expected the cothread's panic, got {other:?}"),
            }
            // Suspending and spawning still work.
            cothread::sleep(Duration::from_millis(1));
            let e = Event::<u32>::new();
            let signal = e.clone();
            let waiter = spawn(move || e.wait(Timeout::NEVER).unwrap());
            cothread::yield_now(Timeout::NEVER);
            signal.signal(3);
            assert_eq!(waiter.wait(Timeout::NEVER).unwrap(), 3);
        }
    })
}

#[test]
fn a_retriggering_timer_whose_panic_payload_panics_when_dropped_fires_again() {
    cothread::scope(|| {
        let calls = Rc::new(std::cell::Cell::new(0));
        let count = calls.clone();
        let _timer =
            cothread::Timer::with_options(Duration::from_millis(1), true, false, move || {
                count.set(count.get() + 1);
                if count.get() == 1 {
                    std::panic::panic_any(PanicsWhenDropped);
                }
            });
        // Before the payload's disposal was contained, its second panic ended
        // the timer's cothread at the first call.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while calls.get() < 3 && std::time::Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(5));
        }
        assert!(
            calls.get() >= 3,
            "the timer stopped after {} calls",
            calls.get()
        );
    })
}
