//! Behaviours tied to the program's main thread: the free `callback`
//! functions, `quit`/`wait_for_quit`, and SIGINT. Runs without the libtest
//! harness so that this code is on the thread Rust names "main"; each check
//! prints its name first so a crash is easy to attribute.

use std::process::Command;
use std::time::{Duration, Instant};

use cothread::Timeout;

const CHILD_ENV: &str = "COTHREAD_MAIN_CHILD";

fn check(name: &str, f: impl FnOnce()) {
    eprint!("test {name} ... ");
    f();
    eprintln!("ok");
}

/// Before, the main thread's queue had no owner until its scheduler was
/// made, so this call queued `f` for that scheduler and blocked the very
/// thread that would have run it: a hang (here, a timeout).
fn callback_result_from_main_before_it_uses_cothread_runs_at_once() {
    let result = cothread::callback_result(|| 6 * 7, Duration::from_secs(5));
    assert_eq!(result.unwrap(), 42);
}

fn callbacks_queued_before_main_uses_cothread_are_kept() {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        cothread::callback(move || {
            tx.send(std::thread::current().name().map(str::to_owned))
                .unwrap()
        })
        .unwrap();
    })
    .join()
    .unwrap();
    cothread::sleep(Duration::from_millis(5));
    assert_eq!(rx.try_recv().unwrap().as_deref(), Some("main"));
}

fn callback_result_targets_the_main_scheduler() {
    let worker = std::thread::spawn(|| cothread::callback_result(|| 6 * 7, Duration::from_secs(5)));
    while !worker.is_finished() {
        cothread::sleep(Duration::from_millis(1));
    }
    assert_eq!(worker.join().unwrap().unwrap(), 42);
    // On the main thread itself, callback_result just calls the function.
    assert_eq!(cothread::callback_result(|| 1, Timeout::NEVER).unwrap(), 1);
}

fn quit_from_a_cothread_ends_wait_for_quit() {
    let start = Instant::now();
    cothread::spawn(|| {
        cothread::sleep(Duration::from_millis(20));
        cothread::quit();
    });
    cothread::wait_for_quit(false).unwrap();
    assert!(start.elapsed() >= Duration::from_millis(20));
    // Quit is persistent.
    cothread::wait_for_quit(false).unwrap();
}

fn sigint_ends_wait_for_quit_when_caught() {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe).env(CHILD_ENV, "sigint").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "child failed: {:?}\n{stderr}",
        out.status
    );
    assert!(
        stderr.contains("wait_for_quit returned after SIGINT"),
        "{stderr}"
    );
}

/// Before, each `wait_for_quit(true)` saved and restored SIGINT's handling
/// on its own: with two waiting, the second saved the first's handler and
/// put it back last, and Ctrl-C was caught for good.
fn two_waits_for_quit_leave_sigint_as_it_was() {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .env(CHILD_ENV, "two-waits")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "child failed: {:?}\n{stderr}",
        out.status
    );
}

fn two_waits_child() {
    let waits: Vec<_> = (0..2)
        .map(|_| cothread::spawn(|| cothread::wait_for_quit(true).unwrap()))
        .collect();
    // Both wait (each has caught SIGINT) before the quit.
    cothread::sleep(Duration::from_millis(20));
    cothread::quit();
    for wait in waits {
        wait.wait(Timeout::NEVER).unwrap();
    }
    // SAFETY: queries SIGINT's disposition into a zeroed sigaction (null
    // new action: nothing changes).
    let handler = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        assert_eq!(libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old), 0);
        old.sa_sigaction
    };
    assert_eq!(handler, libc::SIG_DFL, "SIGINT is still caught");
}

fn sigint_child() {
    let pid = std::process::id().to_string();
    // A cothread keeps running while main waits.
    let ticker = cothread::spawn(|| {
        for _ in 0..5 {
            cothread::sleep(Duration::from_millis(2));
        }
    });
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        Command::new("kill").args(["-INT", &pid]).status().unwrap();
    });
    cothread::wait_for_quit(true).unwrap();
    assert!(ticker.is_finished());
    eprintln!("wait_for_quit returned after SIGINT");
}

/// Before the main thread was told by its thread id, any thread named
/// "main" that used cothread took over the main scheduler's queue, and
/// closed it when it exited: callbacks for `main` then failed.
fn a_thread_named_main_does_not_take_over_the_main_scheduler() {
    std::thread::Builder::new()
        .name("main".into())
        .spawn(|| cothread::sleep(Duration::from_millis(1)))
        .unwrap()
        .join()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        cothread::callback(move || {
            tx.send(std::thread::current().id()).unwrap();
        })
    })
    .join()
    .unwrap()
    .expect("the main scheduler takes callbacks");
    let deadline = Instant::now() + Duration::from_secs(10);
    while rx
        .try_recv()
        .map(|id| assert_eq!(id, std::thread::current().id()))
        .is_err()
    {
        assert!(
            Instant::now() < deadline,
            "the callback never ran on the main thread"
        );
        cothread::sleep(Duration::from_millis(1));
    }
}

/// Before, the default sink wrote through std's `Stderr`, and so waited
/// for its lock: a tool that held it for its whole run stalled every report
/// from libca's threads, and with them every CA callback.
fn a_report_does_not_wait_for_a_thread_holding_standard_errors_lock() {
    let held = std::io::stderr().lock();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        cothread::scope(|| {
            // Reported to the default sink (no hook is set in this program);
            // resume_unwind runs no panic hook, which would take the lock too.
            let h =
                cothread::spawn(|| std::panic::resume_unwind(Box::new("reported past the lock")));
            let _ = h.wait(Timeout::NEVER);
            done.send(()).unwrap();
        })
    });
    let reported = finished.recv_timeout(Duration::from_secs(10));
    drop(held);
    assert!(
        reported.is_ok(),
        "the report waited for standard error's lock"
    );
}

fn main() {
    match std::env::var(CHILD_ENV).as_deref() {
        Ok("sigint") => return sigint_child(),
        Ok("two-waits") => return two_waits_child(),
        _ => {}
    }
    check(
        "callback_result_from_main_before_it_uses_cothread_runs_at_once",
        callback_result_from_main_before_it_uses_cothread_runs_at_once,
    );
    check(
        "callbacks_queued_before_main_uses_cothread_are_kept",
        callbacks_queued_before_main_uses_cothread_are_kept,
    );
    check(
        "callback_result_targets_the_main_scheduler",
        callback_result_targets_the_main_scheduler,
    );
    check(
        "a_thread_named_main_does_not_take_over_the_main_scheduler",
        a_thread_named_main_does_not_take_over_the_main_scheduler,
    );
    check(
        "a_report_does_not_wait_for_a_thread_holding_standard_errors_lock",
        a_report_does_not_wait_for_a_thread_holding_standard_errors_lock,
    );
    check(
        "sigint_ends_wait_for_quit_when_caught",
        sigint_ends_wait_for_quit_when_caught,
    );
    check(
        "two_waits_for_quit_leave_sigint_as_it_was",
        two_waits_for_quit_leave_sigint_as_it_was,
    );
    check(
        "quit_from_a_cothread_ends_wait_for_quit",
        quit_from_a_cothread_ends_wait_for_quit,
    );
    eprintln!("all main-thread checks passed");
}
