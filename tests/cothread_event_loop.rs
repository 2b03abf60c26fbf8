//! Driving the scheduler from an external main loop (the `iqt()` stand-in):
//! the loop watches `wake_fd`, sleeps until the deadline `run_ready`
//! returns, and calls `run_ready`; it never calls a suspension point.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cothread::event_loop::{run_ready, wake_fd};
use cothread::SchedulerHandle;

/// A stand-in GUI loop: block in poll(2) on the wake fd until the next
/// deadline, then let cothreads run. Stops when `done` or after 5 s.
fn gui_loop(done: impl Fn() -> bool) -> usize {
    let give_up = Instant::now() + Duration::from_secs(5);
    let mut rounds = 0;
    while Instant::now() < give_up {
        let next = run_ready();
        rounds += 1;
        if done() {
            break;
        }
        // Round up: waking before the deadline would spin.
        let wait_ms = match next {
            Some(t) => {
                let left = t.saturating_duration_since(Instant::now());
                left.as_nanos().div_ceil(1_000_000).min(1000) as i32
            }
            None => 1000,
        };
        let mut fds = [libc::pollfd {
            fd: wake_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        // SAFETY: one valid pollfd on the stack for the duration of the call.
        unsafe { libc::poll(fds.as_mut_ptr(), 1, wait_ms) };
    }
    rounds
}

#[test]
fn run_ready_drives_sleeping_cothreads_from_an_external_loop() {
    cothread::scope(|| {
        let ticks = Rc::new(Cell::new(0));
        let t = ticks.clone();
        cothread::spawn(move || {
            for _ in 0..5 {
                cothread::sleep(Duration::from_millis(5));
                t.set(t.get() + 1);
            }
        });
        let start = Instant::now();
        let rounds = gui_loop(|| ticks.get() == 5);
        assert_eq!(ticks.get(), 5);
        assert!(start.elapsed() >= Duration::from_millis(25));
        // The loop slept until each deadline instead of spinning.
        assert!(rounds < 100, "external loop spun {rounds} times");
    })
}

#[test]
fn wake_fd_wakes_the_external_loop_for_callbacks() {
    cothread::scope(|| {
        let handle = SchedulerHandle::current();
        let ran = Arc::new(AtomicBool::new(false));
        let r = ran.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(10));
            handle
                .callback(move || r.store(true, Ordering::SeqCst))
                .unwrap();
        });
        let start = Instant::now();
        gui_loop(|| ran.load(Ordering::SeqCst));
        assert!(ran.load(Ordering::SeqCst));
        assert!(
            start.elapsed() < Duration::from_millis(900),
            "wake fd did not wake the loop"
        );
    })
}
