//! [`quit`] and [`wait_for_quit`]: owns the process-wide quit flag, kept as
//! an eventfd so that it can be set from any thread or from the SIGINT
//! handler and waited on cooperatively with `coselect`.
//!
//! It sits above the scheduler: the scheduler's `sys` layer keeps only the
//! async-signal-safe part (the SIGINT handler, which writes the quit fd that
//! this module registers with it), and this module waits through
//! [`coselect`](crate::coselect) like any other cothread code.
//!
//! Invariant: the quit eventfd is created once, registered with the SIGINT
//! handler before any handler can be installed, and never closed (it lives
//! as long as the process); once set it stays set.
#![forbid(unsafe_code)]

use std::sync::OnceLock;

use crate::error::Error;
use crate::sched::sys::{self, EventFd};
use crate::timeout::Timeout;

fn quit_fd() -> &'static EventFd {
    static QUIT: OnceLock<EventFd> = OnceLock::new();
    QUIT.get_or_init(|| {
        let fd = EventFd::new()
            .unwrap_or_else(|e| panic!("cothread: cannot create the quit eventfd: {e}"));
        sys::set_quit_fd(fd.fd());
        fd
    })
}

/// Asks [`wait_for_quit`] to return, now and in every later call. Callable
/// from any thread; never suspends.
pub fn quit() {
    quit_fd().notify();
}

/// Suspends the caller until [`quit`] is called or, when `catch_interrupt`,
/// SIGINT (control-C) is received; then returns `Ok(())`. While waiting with
/// `catch_interrupt`, SIGINT is handled by a signal handler, so the only way
/// to interrupt a loop without a suspension point is another signal such as
/// SIGQUIT; the previous SIGINT disposition is restored on return.
///
/// Meant as the final blocking call of `main`, letting background cothreads
/// run.
pub fn wait_for_quit(catch_interrupt: bool) -> Result<(), Error> {
    let fd = quit_fd();
    let _caught = if catch_interrupt {
        Some(CaughtSigint::catch()?)
    } else {
        None
    };
    let result = crate::coselect::poll_list(&[(fd.fd(), crate::coselect::POLLIN)], Timeout::NEVER);
    result.map(|_| ())
}

/// The callers of `wait_for_quit(true)` still waiting, in any thread or
/// cothread, and the SIGINT disposition from before the first: the first
/// installs the handler, the last to end (however it ends) restores that
/// disposition. (Each saving and restoring its own let the handler stay:
/// the second saved the first's handler, and restored it after the first
/// had restored the original.)
static SIGINT_CATCHERS: std::sync::Mutex<(usize, Option<sys::SavedSigaction>)> =
    std::sync::Mutex::new((0, None));

/// One caller's share of the SIGINT handler: see [`SIGINT_CATCHERS`].
struct CaughtSigint;

impl CaughtSigint {
    fn catch() -> Result<CaughtSigint, Error> {
        let mut catchers = SIGINT_CATCHERS.lock().unwrap_or_else(|e| e.into_inner());
        if catchers.0 == 0 {
            catchers.1 = Some(sys::catch_sigint().map_err(|e| Error::Io(std::sync::Arc::new(e)))?);
        }
        catchers.0 += 1;
        Ok(CaughtSigint)
    }
}

impl Drop for CaughtSigint {
    fn drop(&mut self) {
        let mut catchers = SIGINT_CATCHERS.lock().unwrap_or_else(|e| e.into_inner());
        catchers.0 -= 1;
        if catchers.0 == 0 {
            if let Some(saved) = catchers.1.take() {
                sys::restore_sigint(saved);
            }
        }
    }
}
