//! Diagnostics: what the library has to tell a program that no call is
//! waiting to hear, reported through one hook.
//!
//! Channel Access produces news that belongs to no caller: libca's
//! exceptions (a lost server: "Virtual circuit disconnect"), a plain put the
//! server refused, a user callback that panicked (and so was closed), a
//! subscription that could not start. Each becomes one [`Diagnostic`] and goes
//! to the hook set with [`set_hook`]. Without a hook, each is one line on
//! standard error (`cothread: ...`), or, with the crate's `log` feature, one
//! record of the [`log`](https://docs.rs/log) crate (target `cothread`,
//! level `warn`, `error` for panics).
//!
//! Replies that arrive after their caller stopped waiting (it timed out) are
//! normal on a busy control system: they are dropped quietly and only counted
//! ([`late_replies`]).
//!
//! ```
//! use std::sync::{Arc, Mutex};
//! use cothread::diagnostics::{self, Diagnostic};
//!
//! let seen: Arc<Mutex<Vec<Diagnostic>>> = Arc::default();
//! let sink = Arc::clone(&seen);
//! diagnostics::set_hook(move |diagnostic| sink.lock().unwrap().push(diagnostic.clone()));
//! // ... CA calls; then look at what was reported:
//! for diagnostic in seen.lock().unwrap().iter() {
//!     println!("{diagnostic}");
//! }
//! diagnostics::reset_hook();
//! ```
//!
//! Invariants: the hook is called on whichever thread has the news (often
//! one of libca's own threads), never while a lock of this module is held,
//! and a panic in it is contained (the diagnostic then goes to the default
//! sink). The library prints nothing to standard error except through
//! this module's default sink; the scheduler's contained panics (a cothread,
//! a `callback`, a timer callback) come here too once a hook was ever set,
//! and go to the same default sink before that.
#![forbid(unsafe_code)]

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use parking_lot::RwLock;

use crate::ca_types::CaError;

/// One piece of news from the library that no call returns.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Diagnostic {
    /// libca reported an exception that no pending request receives, e.g.
    /// "Virtual circuit disconnect" when a server goes away. The error's
    /// [`detail`](CaError::detail) holds libca's context text.
    CaException(CaError),
    /// The server refused a put that had no completion to report it to (a
    /// plain `caput` without `wait` or callback).
    PutRejected(CaError),
    /// A user callback panicked. What it belonged to has been closed: a
    /// subscription ([`Subscription::close_reason`](crate::catools::Subscription::close_reason)),
    /// a [`Watch`](crate::catools::Watch) ([`Watch::close_reason`](crate::catools::Watch::close_reason)),
    /// a [`Pv`](crate::pv::Pv) (its reads now fail), or the remaining
    /// completions of a put with callback.
    CallbackPanicked {
        /// Whose callback: `"camonitor"`, `"camonitor on_connection"`,
        /// `"camonitor on_access"`, `"watch"`, `"caput callback"`,
        /// `"Pv on_update"`, `"Pv on_connection"`, `"Pv on_access"`,
        /// `"PvArray on_update"`.
        callback: &'static str,
        /// The PV it was called for.
        pv: String,
        /// The panic's message.
        message: String,
    },
    /// User code run by the scheduler panicked and the panic was contained:
    /// a cothread spawned without `raise_on_wait` (its
    /// [`JoinHandle::wait`](crate::JoinHandle::wait) also returns the
    /// panic), a `callback` from another thread, a timer callback. The
    /// scheduler and its other cothreads go on.
    CothreadPanicked {
        /// What panicked: `"cothread"`, `"callback"`, `"timer callback"`,
        /// `"remote call"`.
        what: &'static str,
        /// The panic's message.
        message: String,
    },
    /// A panic inside the library, on one of libca's threads, was contained
    /// (it never unwinds into libca); the work it was doing is lost. A bug.
    PanicContained {
        /// Where: the libca callback it ran in.
        place: &'static str,
        /// The panic's message.
        message: String,
    },
    /// A subscription could not start and has no `notify_disconnect` to
    /// report it through (e.g. no read access).
    MonitorFailed(CaError),
    /// Sending the queued requests to the servers failed (`ca_flush_io`).
    FlushFailed(CaError),
}

impl Diagnostic {
    /// Whether this is about a panic (logged at `error` level with the `log`
    /// feature; the rest at `warn`).
    pub fn is_panic(&self) -> bool {
        matches!(
            self,
            Diagnostic::CallbackPanicked { .. }
                | Diagnostic::CothreadPanicked { .. }
                | Diagnostic::PanicContained { .. }
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diagnostic::CaException(error) => {
                write!(f, "CA exception: {error} [{}]", error.call())
            }
            Diagnostic::PutRejected(error) => write!(f, "put rejected: {error}"),
            Diagnostic::CallbackPanicked {
                callback,
                pv,
                message,
            } => write!(
                f,
                "the {callback} callback of {pv} panicked and was closed: {message}"
            ),
            Diagnostic::CothreadPanicked { what, message } => {
                write!(f, "a {what} panicked: {message}")
            }
            Diagnostic::PanicContained { place, message } => {
                write!(f, "a panic in a {place} was contained: {message}")
            }
            Diagnostic::MonitorFailed(error) => write!(f, "camonitor did not start: {error}"),
            Diagnostic::FlushFailed(error) => write!(f, "ca_flush_io failed: {error}"),
        }
    }
}

type Hook = Arc<dyn Fn(&Diagnostic) + Send + Sync>;

static HOOK: RwLock<Option<Hook>> = RwLock::new(None);

static LATE_REPLIES: AtomicU64 = AtomicU64::new(0);

/// Sends every diagnostic to `hook` from now on, on whichever thread has it
/// (often one of libca's threads: be quick, and do not block on a cothread).
/// Replaces any earlier hook.
pub fn set_hook(hook: impl Fn(&Diagnostic) + Send + Sync + 'static) {
    crate::error::forward_contained_panics(forward_contained_panic);
    *HOOK.write() = Some(Arc::new(hook));
}

/// Goes back to the default: one line on standard error per diagnostic (or
/// a `log` record with the `log` feature).
pub fn reset_hook() {
    *HOOK.write() = None;
}

/// How many replies arrived after their caller had stopped waiting (a
/// `caget` or a `caput` with `wait` that timed out), since the process
/// started. They are dropped; nothing is printed.
pub fn late_replies() -> u64 {
    LATE_REPLIES.load(Ordering::Relaxed)
}

/// Counts one late reply (see [`late_replies`]).
pub(crate) fn count_late_reply() {
    LATE_REPLIES.fetch_add(1, Ordering::Relaxed);
}

/// Where the scheduler's contained panics go once a hook was ever set.
fn forward_contained_panic(what: &'static str, message: String) {
    report(Diagnostic::CothreadPanicked { what, message });
}

/// Hands `diagnostic` to the hook, or to the default sink.
pub(crate) fn report(diagnostic: Diagnostic) {
    let hook = HOOK.read().clone();
    if let Some(hook) = hook {
        match catch_unwind(AssertUnwindSafe(|| hook(&diagnostic))) {
            Ok(()) => return,
            Err(payload) => crate::error::drop_payload(payload),
        }
    }
    default_sink(&diagnostic);
}

fn default_sink(diagnostic: &Diagnostic) {
    crate::error::default_sink(format_args!("{diagnostic}"), diagnostic.is_panic());
}
