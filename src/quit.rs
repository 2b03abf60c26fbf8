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
    let saved = if catch_interrupt {
        Some(sys::catch_sigint().map_err(|e| Error::Io(std::sync::Arc::new(e)))?)
    } else {
        None
    };
    let result = crate::coselect::poll_list(&[(fd.fd(), crate::coselect::POLLIN)], Timeout::NEVER);
    if let Some(saved) = saved {
        sys::restore_sigint(saved);
    }
    result.map(|_| ())
}
