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

/// The message of a panic payload (`&str` or `String`), else a placeholder.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_owned()
    }
}
