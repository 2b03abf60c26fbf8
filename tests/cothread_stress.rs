//! Many live cothreads at once, stack overflow detection, and running out
//! of stacks.
//!
//! The overflow and limit tests re-run this test binary as a child process
//! (selected by an environment variable) so the crash they provoke cannot
//! take down the test run, and so it is obvious which scenario crashed. The
//! children that exercise the `mprotect` guard path (what kernels before
//! 6.13 get) select it with the crate's test-only knob `COTHREAD_TEST_STACKS`
//! (see `src/sched/stack.rs`); no system setting is changed.

use std::cell::Cell;
use std::process::Command;
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::{spawn, Builder, Event, Timeout};

const CHILD_ENV: &str = "COTHREAD_STRESS_CHILD";

#[test]
fn hundred_thousand_cothreads_block_on_one_event_then_all_finish() {
    cothread::scope(|| {
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
        // Each stack is its own, guarded, yet they cost few kernel mappings:
        // far from the default vm.max_map_count of 65530.
        let mappings = std::fs::read_to_string("/proc/self/maps")
            .unwrap()
            .lines()
            .count();
        assert!(
            mappings < 10_000,
            "{mappings} mappings for {N} stacks: guard pages split the mappings"
        );
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
    })
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

/// Runs `scenario` in a child copy of this test binary, with `COTHREAD_TEST_STACKS`
/// set to `stacks` if given; returns its status and stderr.
fn run_child(scenario: &str, stacks: Option<&str>) -> (std::process::ExitStatus, String) {
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new(exe);
    cmd.args(["--exact", "child_entry", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, scenario)
        .env_remove("COTHREAD_TEST_STACKS");
    if let Some(stacks) = stacks {
        cmd.env("COTHREAD_TEST_STACKS", stacks);
    }
    let out = cmd.output().unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Spawns cothreads that block until `Builder::spawn` fails; returns how
/// many were spawned and the error.
fn spawn_until_refused() -> (usize, cothread::Error) {
    let (held, err) = take_every_stack();
    let n = held.handles.len();
    // The ones spawned still run and finish normally.
    held.release();
    (n, err)
}

/// Cothreads that block, one on each stack the process could have.
struct HeldStacks {
    go: Event<()>,
    handles: Vec<cothread::JoinHandle<()>>,
}

impl HeldStacks {
    /// Lets them finish, and waits until they have.
    fn release(self) {
        self.go.signal(());
        for h in self.handles {
            h.wait(Timeout::NEVER).unwrap();
        }
    }
}

/// Spawns blocking cothreads until `Builder::spawn` fails: them, and the
/// error.
fn take_every_stack() -> (HeldStacks, cothread::Error) {
    let go = Event::<()>::with_auto_reset(false);
    let mut handles = Vec::new();
    loop {
        let g = go.clone();
        match Builder::new().spawn(move || g.wait(Timeout::NEVER).unwrap()) {
            Ok(h) => handles.push(h),
            Err(e) => return (HeldStacks { go, handles }, e),
        }
    }
}

/// Entry point for the child process; does nothing in a normal run.
#[test]
fn child_entry() {
    cothread::scope(|| {
        let Ok(scenario) = std::env::var(CHILD_ENV) else {
            return;
        };
        eprintln!("child scenario: {scenario}");
        match scenario.as_str() {
            "waiters_on_one_fd" => {
                use std::io::Write;
                use std::os::fd::AsRawFd;
                // A limit of open files well under the waiters' number.
                let limit = libc::rlimit {
                    rlim_cur: 256,
                    rlim_max: 256,
                };
                // SAFETY: sets this process's limit from a valid rlimit.
                assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &limit) }, 0);
                let (mut tx, rx) = std::os::unix::net::UnixStream::pair().unwrap();
                let fd = rx.as_raw_fd();
                let waiters: Vec<_> = (0..600)
                    .map(|_| {
                        spawn(move || {
                            cothread::coselect::poll_list(
                                &[(fd, cothread::coselect::POLLIN)],
                                Timeout::NEVER,
                            )
                            .unwrap()
                        })
                    })
                    .collect();
                cothread::sleep(Duration::from_millis(20));
                tx.write_all(b"x").unwrap();
                for waiter in waiters {
                    let ready = waiter.wait(Duration::from_secs(30)).unwrap();
                    assert_eq!(ready, vec![(fd, cothread::coselect::POLLIN)]);
                }
                eprintln!("child scenario waiters_on_one_fd: all woken");
                std::process::exit(0);
            }
            "plain_handler" => {
                extern "C" fn exit_42(_: libc::c_int) {
                    // SAFETY: _exit is async-signal-safe.
                    unsafe { libc::_exit(42) };
                }
                // SAFETY: installs a plain one-argument handler for SIGSEGV, as a
                // C library or crash reporter might before cothread is used.
                unsafe {
                    libc::signal(
                        libc::SIGSEGV,
                        exit_42 as extern "C" fn(libc::c_int) as libc::sighandler_t,
                    )
                };
                // cothread installs its own handler now, with the plain one as
                // the one to hand faults that are not its guard pages to.
                spawn(|| ()).wait(Timeout::NEVER).unwrap();
                // SAFETY: deliberately faults (no guard page of a cothread); the
                // handler above ends the process.
                unsafe { std::ptr::null_mut::<u8>().write_volatile(1) };
            }
            "default" => {
                let h = spawn(|| recurse(u64::MAX));
                let _ = h.wait(Duration::from_secs(30));
            }
            "sized" => {
                let h = Builder::new()
                    .stack_size(64 * 1024)
                    .spawn(|| recurse(u64::MAX))
                    .unwrap();
                let _ = h.wait(Duration::from_secs(30));
            }
            "pooled" => {
                // Finish enough cothreads that the pool gives back the memory
                // of most of their stacks, then overflow on a reused one.
                let hs: Vec<_> = (0..300).map(|i| spawn(move || i)).collect();
                for h in hs {
                    h.wait(Timeout::NEVER).unwrap();
                }
                cothread::sleep(Duration::from_millis(5));
                // 150 take the 64 warm stacks and some given back; the next one
                // goes to the overflowing cothread: a stack in the middle of a
                // run of neighbours whose memory was given back in one call,
                // which covered its guard page too (guards must survive that).
                let hs: Vec<_> = (0..150).map(|i| spawn(move || i)).collect();
                let h = spawn(|| recurse(u64::MAX));
                for h in hs {
                    h.wait(Timeout::NEVER).unwrap();
                }
                let _ = h.wait(Duration::from_secs(30));
            }
            "callback_after_exhaustion" => {
                // Every stack taken: the callback cothread cannot be spawned.
                let (held, _) = take_every_stack();
                let handle = cothread::SchedulerHandle::current();
                let (tx, rx) = std::sync::mpsc::channel();
                std::thread::spawn(move || handle.callback(move || tx.send(()).unwrap()).unwrap())
                    .join()
                    .unwrap();
                cothread::sleep(Duration::from_millis(50));
                // Stacks come back: the callback runs (before, its wake-up
                // was lost with the failed spawn, and it never ran).
                held.release();
                let deadline = std::time::Instant::now() + Duration::from_secs(10);
                while rx.try_recv().is_err() {
                    assert!(
                        std::time::Instant::now() < deadline,
                        "the callback never ran"
                    );
                    cothread::sleep(Duration::from_millis(10));
                }
                eprintln!("child scenario callback_after_exhaustion: the callback ran");
                std::process::exit(0);
            }
            "limit" => {
                let (n, err) = spawn_until_refused();
                eprintln!("spawned {n}, then: {err}");
                assert!(
                    matches!(err, cothread::Error::StackAllocation(_)),
                    "wrong error: {err:?}"
                );
                // After the refusal, stacks come back to the pool and spawning
                // works again.
                assert_eq!(spawn(|| 5).wait(Timeout::NEVER).unwrap(), 5);
                // The free `spawn` panics with the same clear message.
                exhaust_then_free_spawn();
            }
            "churn" => {
                // Threads come and go, each with 150 live cothreads: the
                // mappings of a finished thread's stacks are given back, so the
                // limit of 200 guards is never reached.
                for round in 0..5 {
                    let n = std::thread::spawn(|| {
                        cothread::scope(|| {
                            let go = Event::<()>::with_auto_reset(false);
                            let hs: Vec<_> = (0..150)
                                .map(|_| {
                                    let g = go.clone();
                                    Builder::new()
                                        .spawn(move || g.wait(Timeout::NEVER).unwrap())
                                        .map_err(|e| e.to_string())
                                })
                                .collect::<Result<_, _>>()?;
                            go.signal(());
                            for h in &hs {
                                h.wait(Timeout::NEVER).unwrap();
                            }
                            Ok::<usize, String>(hs.len())
                        })
                    })
                    .join()
                    .unwrap();
                    eprintln!("churn round {round}: {n:?}");
                    assert_eq!(n, Ok(150), "round {round}");
                }
                eprintln!("churn: all rounds spawned");
                std::process::exit(0);
            }
            "os_thread" => {
                // Our fault handler is installed (a cothread stack exists) ...
                spawn(|| ()).wait(Timeout::NEVER).unwrap();
                // ... and an overflow elsewhere goes to the handler installed
                // before ours: Rust's, which names the thread.
                let t = std::thread::Builder::new()
                    .name("plain-os-thread".into())
                    .stack_size(256 * 1024)
                    .spawn(|| recurse(u64::MAX))
                    .unwrap();
                let _ = t.join();
            }
            other => panic!("unknown scenario {other}"),
        }
        eprintln!("child scenario {scenario}: overflow NOT detected");
        std::process::exit(3);
    })
}

/// Exhausts the stacks again, then calls the free `spawn` (which panics).
fn exhaust_then_free_spawn() {
    let (held, _) = take_every_stack();
    let _ = spawn(|| ());
    panic!(
        "spawn succeeded with no stack left ({} live)",
        held.handles.len()
    );
}

fn assert_overflow_caught(scenario: &str, stacks: Option<&str>) {
    use std::os::unix::process::ExitStatusExt;
    let (status, stderr) = run_child(scenario, stacks);
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
fn more_cothreads_than_open_files_can_wait_on_one_fd() {
    cothread::scope(|| {
        // Before, each waiter's fd was one more entry of the scheduler's poll,
        // which poll(2) refuses past the limit of open files: a panic.
        let (status, stderr) = run_child("waiters_on_one_fd", None);
        assert!(status.success(), "{status:?}; stderr:\n{stderr}");
        assert!(stderr.contains("all woken"), "{stderr}");
    })
}

#[test]
fn a_fault_not_on_a_guard_page_goes_to_a_plain_handler_installed_before() {
    cothread::scope(|| {
        // Before, a handler installed without SA_SIGINFO was replaced by the
        // default action: the process died by SIGSEGV instead.
        let (status, stderr) = run_child("plain_handler", None);
        assert_eq!(status.code(), Some(42), "{status:?}; stderr:\n{stderr}");
    })
}

#[test]
fn overflow_of_a_default_stack_is_reported() {
    cothread::scope(|| {
        assert_overflow_caught("default", None);
    })
}

#[test]
fn overflow_of_a_sized_stack_is_reported() {
    cothread::scope(|| {
        assert_overflow_caught("sized", None);
    })
}

#[test]
fn overflow_of_a_pooled_stack_whose_memory_was_given_back_is_reported() {
    cothread::scope(|| {
        assert_overflow_caught("pooled", None);
    })
}

#[test]
fn overflow_is_reported_on_mprotect_guarded_stacks() {
    cothread::scope(|| {
        assert_overflow_caught("default", Some("mprotect"));
        assert_overflow_caught("pooled", Some("mprotect"));
    })
}

#[test]
fn an_overflow_outside_cothreads_goes_to_the_handler_installed_before_ours() {
    cothread::scope(|| {
        let (status, stderr) = run_child("os_thread", None);
        assert!(
            !status.success(),
            "expected the child to die, got {status:?}; stderr:\n{stderr}"
        );
        // Rust's runtime installs its handler unless one is there already, as
        // under AddressSanitizer (scripts/memcheck), whose handler reports it.
        let rust =
            stderr.contains("'plain-os-thread'") && stderr.contains("has overflowed its stack");
        let asan = stderr.contains("AddressSanitizer: stack-overflow");
        assert!(
            rust || asan,
            "the earlier handler's overflow report is missing; stderr:\n{stderr}"
        );
        assert!(
            !stderr.contains("stack overflow in a cothread"),
            "an OS thread's overflow was blamed on a cothread; stderr:\n{stderr}"
        );
    })
}

#[test]
fn threads_that_exit_give_their_stacks_mappings_back() {
    cothread::scope(|| {
        let (status, stderr) = run_child("churn", Some("mprotect:200"));
        assert!(
            status.success() && stderr.contains("churn: all rounds spawned"),
            "status {status:?}, stderr:\n{stderr}"
        );
    })
}

#[test]
fn a_callback_queued_while_no_stack_can_be_had_runs_once_one_can() {
    cothread::scope(|| {
        let (status, stderr) = run_child("callback_after_exhaustion", Some("mprotect:200"));
        assert!(
            status.success() && stderr.contains("the callback ran"),
            "status {status:?}, stderr:\n{stderr}"
        );
    })
}

#[test]
fn running_out_of_mappings_is_a_clear_spawn_error_not_a_crash() {
    cothread::scope(|| {
        // The knob fails the 200th mprotect guard with ENOMEM, as the kernel
        // does at vm.max_map_count.
        let (status, stderr) = run_child("limit", Some("mprotect:200"));
        assert!(
            stderr.contains("spawned 200, then: cannot allocate a stack for a new cothread"),
            "no clear error; status {status:?}, stderr:\n{stderr}"
        );
        assert!(
            stderr.contains("cothread::spawn: cannot allocate a stack for a new cothread"),
            "the free spawn did not panic with the clear message; stderr:\n{stderr}"
        );
        assert!(
            stderr.contains("vm.max_map_count"),
            "the message does not name the limit; stderr:\n{stderr}"
        );
    })
}
