//! Many live cothreads at once, and stack overflow detection.
//!
//! The overflow tests re-run this test binary as a child process (selected
//! by an environment variable) so the crash they provoke cannot take down
//! the test run, and so it is obvious which scenario crashed.

use std::cell::Cell;
use std::process::Command;
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::{spawn, Builder, Event, Timeout};

const CHILD_ENV: &str = "COTHREAD_STRESS_CHILD";

#[test]
fn hundred_thousand_cothreads_block_on_one_event_then_all_finish() {
    const N: usize = 100_000;
    let start = Instant::now();
    let go = Event::with_auto_reset(false);
    let woken = Rc::new(Cell::new(0usize));
    let handles: Vec<_> = (0..N)
        .map(|i| {
            let (go, woken) = (go.clone(), woken.clone());
            spawn(move || {
                go.wait(Timeout::NEVER).unwrap();
                woken.set(woken.get() + 1);
                i
            })
        })
        .collect();
    cothread::yield_now(Timeout::NEVER);
    assert_eq!(woken.get(), 0);
    assert!(
        handles.iter().all(|h| !h.is_finished()),
        "a cothread finished before the signal"
    );
    go.signal(());
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.wait(Timeout::NEVER).unwrap(), i);
    }
    assert_eq!(woken.get(), N);
    eprintln!(
        "100,000 cothreads spawned, blocked, woken and joined in {:?}",
        start.elapsed()
    );
}

fn recurse(n: u64) -> u64 {
    let pad = [n; 64];
    if n == 0 {
        0
    } else {
        std::hint::black_box(&pad);
        recurse(n - 1).wrapping_add(pad[7])
    }
}

/// Runs `scenario` in a child copy of this test binary; returns its status
/// and stderr.
fn run_child(scenario: &str) -> (std::process::ExitStatus, String) {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args(["--exact", "child_entry", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, scenario)
        .output()
        .unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Entry point for the child process; does nothing in a normal run.
#[test]
fn child_entry() {
    let Ok(scenario) = std::env::var(CHILD_ENV) else {
        return;
    };
    eprintln!("child scenario: {scenario}");
    match scenario.as_str() {
        "shared" => {
            let h = spawn(|| recurse(u64::MAX));
            let _ = h.wait(Duration::from_secs(30));
        }
        "dedicated" => {
            let h = Builder::new()
                .stack_size(64 * 1024)
                .spawn(|| recurse(u64::MAX))
                .unwrap();
            let _ = h.wait(Duration::from_secs(30));
        }
        other => panic!("unknown scenario {other}"),
    }
    eprintln!("child scenario {scenario}: overflow NOT detected");
    std::process::exit(3);
}

fn assert_overflow_caught(scenario: &str) {
    use std::os::unix::process::ExitStatusExt;
    let (status, stderr) = run_child(scenario);
    assert!(
        matches!(status.signal(), Some(libc::SIGSEGV) | Some(libc::SIGBUS)),
        "child {scenario}: expected death by SIGSEGV/SIGBUS, got {status:?}; stderr:\n{stderr}"
    );
    assert!(
        stderr.contains("stack overflow in a cothread"),
        "child {scenario}: no overflow message; stderr:\n{stderr}"
    );
}

#[test]
fn shared_stack_overflow_is_caught_by_the_guard_page() {
    assert_overflow_caught("shared");
}

#[test]
fn dedicated_stack_overflow_is_caught_by_the_guard_page() {
    assert_overflow_caught("dedicated");
}
