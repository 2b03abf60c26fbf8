//! Time: [`sleep`], [`sleep_until`], [`yield_now`] and [`Timer`]. The timer
//! heap itself lives in the scheduler; the [`Timeout`] type lives below it,
//! in `crate::timeout`.
#![forbid(unsafe_code)]

mod timer;

use std::time::Duration;

use crate::sched;
use crate::timeout::Timeout;
pub use timer::Timer;

/// Suspends the caller for at least `delay`. Always a suspension point,
/// even for a zero delay (then much like [`yield_now`]).
///
/// # Panics
/// If called in scheduler-loop context, where suspension is impossible.
pub fn sleep(delay: Duration) {
    sleep_until(Timeout::after(delay));
}

/// Suspends the caller until `when` (an [`Instant`](std::time::Instant), a
/// [`SystemTime`](std::time::SystemTime), ...) has passed. Always suspends,
/// even if `when` is already past.
///
/// # Panics
/// If called in scheduler-loop context, where suspension is impossible.
pub fn sleep_until(when: impl Into<Timeout>) {
    let deadline = when.into().deadline();
    sched::block_or_panic(deadline, |_| {});
}

/// Lets all other ready cothreads run before the caller continues. With a
/// timeout in the future, the caller resumes once there is no other ready
/// work or the timeout expires, whichever is first (Python's `Yield`).
///
/// # Panics
/// If called in scheduler-loop context, where suspension is impossible.
// Forced inline: the switch then happens in the caller's frame, so no
// mispredicted return follows each resume (see the `sched` module docs).
#[inline(always)]
pub fn yield_now(timeout: impl Into<Timeout>) {
    let timeout = timeout.into();
    if timeout.is_expired() {
        sched::yield_now();
    } else {
        sched::yield_until(timeout.deadline());
    }
}
