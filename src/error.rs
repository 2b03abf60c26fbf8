//! The crate's error type.
#![forbid(unsafe_code)]

use std::fmt;
use std::sync::Arc;

/// Errors from cothread operations.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Error {
    /// The timeout expired before the awaited condition (Python's `Timedout`).
    Timedout,
    /// The queue was closed and is empty.
    QueueClosed,
    /// The cothread (or callback) panicked; carries the panic message.
    Panicked(String),
    /// The result of a cothread was already taken by an earlier `wait`.
    ResultTaken,
    /// A suspension point was reached where suspending is impossible: in
    /// scheduler-loop context (a remote call or `before_poll` hook).
    CannotSuspend,
    /// The target scheduler's thread has gone.
    SchedulerGone,
    /// An error delivered by `Event::signal_exception`.
    Signalled(Arc<dyn std::error::Error + Send + Sync>),
    /// An operating-system call failed.
    Io(Arc<std::io::Error>),
    /// No stack could be allocated for a new cothread: the process reached
    /// its limit of memory mappings (`vm.max_map_count`) or of address
    /// space. Carries the system's error.
    StackAllocation(Arc<std::io::Error>),
    /// A cothread was to be started on a thread that may not run cothreads
    /// now: a thread other than the process's main one, outside any
    /// [`scope`](crate::scope). See [`scope`](crate::scope) for why.
    NeedsScope,
    /// The cothread was still unfinished when the [`scope`](crate::scope)
    /// that runs its thread's cothreads returned, and was ended there: its
    /// stack unwound, its destructors run.
    Ended,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Timedout => write!(f, "timed out"),
            Error::QueueClosed => write!(f, "queue closed"),
            Error::Panicked(m) => write!(f, "cothread panicked: {m}"),
            Error::ResultTaken => write!(f, "cothread result already taken by an earlier wait"),
            Error::CannotSuspend => write!(
                f,
                "cannot suspend here: this code runs in the cothread scheduler loop \
                 (a remote call or before-poll hook), not in a cothread"
            ),
            Error::SchedulerGone => write!(f, "the target cothread scheduler's thread has gone"),
            Error::Signalled(e) => write!(f, "{e}"),
            Error::Io(e) => write!(f, "I/O error: {e}"),
            Error::StackAllocation(e) => write!(
                f,
                "cannot allocate a stack for a new cothread ({e}): too many live \
                 cothreads for this process's memory-map limit (vm.max_map_count) \
                 or address space"
            ),
            Error::NeedsScope => write!(
                f,
                "cannot start a cothread on this thread: a thread other than the main one runs \
                 cothreads only inside cothread::scope"
            ),
            Error::Ended => write!(
                f,
                "the cothread was ended unfinished when its thread's cothread::scope returned"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Signalled(e) => Some(&**e),
            Error::Io(e) | Error::StackAllocation(e) => Some(&**e),
            _ => None,
        }
    }
}

/// Where the layers below [`diagnostics`](crate::diagnostics) (the
/// scheduler, callbacks, timers) send a panic they contained; set once by
/// `diagnostics` when a hook is first installed.
static PANIC_FORWARD: std::sync::OnceLock<fn(&'static str, String)> = std::sync::OnceLock::new();

/// Forwards contained panics to `forward` from now on (`diagnostics` calls
/// this; later calls keep the first function).
pub(crate) fn forward_contained_panics(forward: fn(&'static str, String)) {
    let _ = PANIC_FORWARD.set(forward);
}

/// Reports, once, a panic of user code that the library contained: a
/// cothread (`what` = `"cothread"`), a callback, a timer callback. It goes
/// to the diagnostics hook when one was ever set, else to the default sink
/// ([`default_sink`]).
pub(crate) fn report_contained_panic(what: &'static str, message: String) {
    match PANIC_FORWARD.get() {
        Some(forward) => forward(what, message),
        None => default_sink(format_args!("a {what} panicked: {message}"), true),
    }
}

/// The library's one place that writes to standard error, as
/// `cothread: LINE` (or, with the
/// `log` feature, to the `log` crate: target `cothread`, level `error` for
/// panics, `warn` otherwise): news that no call returns and no hook took.
///
/// It never panics: it runs where a panic was just contained, and a second
/// one must not escape from there. A failed write (standard error closed, or
/// a pipe whose reader has gone) loses the line, where `eprintln!` would
/// panic; a logger that panics loses it too.
pub(crate) fn default_sink(line: fmt::Arguments<'_>, is_panic: bool) {
    #[cfg(feature = "log")]
    {
        let level = if is_panic {
            log::Level::Error
        } else {
            log::Level::Warn
        };
        if let Err(payload) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            log::log!(target: "cothread", level, "{line}");
        })) {
            drop_payload(payload);
        }
    }
    #[cfg(not(feature = "log"))]
    {
        let _ = is_panic;
        // In one write, past std's lock of standard error (see
        // `write_stderr`): this runs on libca's threads too.
        crate::sched::sys::write_stderr(format!("cothread: {line}\n").as_bytes());
    }
}

/// The message of a contained panic, its payload disposed of by
/// [`drop_payload`]: what every place that contains a panic and reports it
/// uses, so that nothing unwinds out of it.
///
/// The unwinding that ends a cothread ([`Ending`]) is no panic: it is sent
/// on its way, not contained.
pub(crate) fn take_panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if payload.is::<Ending>() {
        std::panic::resume_unwind(payload);
    }
    let message = panic_message(&*payload);
    drop_payload(payload);
    message
}

/// The payload of the unwinding by which a [`scope`](crate::scope) ends a
/// cothread: not a panic. Every place that contains panics lets it through
/// ([`take_panic_message`]); the cothread's root stops it and forgets it.
/// Dropped anywhere else, it was caught by code that went on (in its
/// cothread or wherever it was sent): it calls its function, which has its
/// cothread unwound again.
pub(crate) struct Ending {
    /// Has the cothread unwound again (given `scheduler` and `cothread`).
    pub(crate) again: fn(usize, u64),
    /// The address of the cothread's scheduler: dropped on another thread,
    /// the payload re-arms nothing there.
    pub(crate) scheduler: usize,
    /// The cothread's id on its scheduler.
    pub(crate) cothread: u64,
}

impl Drop for Ending {
    fn drop(&mut self) {
        (self.again)(self.scheduler, self.cothread);
    }
}

/// Drops a contained panic's payload. The payload is any value the panic
/// carried (`std::panic::panic_any`), and its `Drop` may panic in turn: that
/// second panic is caught here, and its own payload forgotten (leaked), not
/// dropped, since dropping it could panic again. So a place that contains a
/// panic never has one escape from it (out of a cothread's body that would
/// leave the scheduler on a finished cothread; out of a libca callback, abort
/// the process).
///
/// The unwinding that ends a cothread ([`Ending`]) is sent on its way, as by
/// [`take_panic_message`].
pub(crate) fn drop_payload(payload: Box<dyn std::any::Any + Send>) {
    if payload.is::<Ending>() {
        std::panic::resume_unwind(payload);
    }
    if let Err(again) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        drop(payload);
    })) {
        std::mem::forget(again);
    }
}

/// The message of a panic payload (`&str` or `String`), else a placeholder.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_owned()
    }
}
