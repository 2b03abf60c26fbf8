//! Callbacks from other OS threads into cothreads: [`SchedulerHandle`],
//! [`callback`] and [`callback_result`].
//!
//! Owns each scheduler's *callback cothread*, which runs the callbacks of
//! that scheduler one after another (so a callback may suspend), and the
//! per-thread state that finds it. Built above the scheduler on its
//! low-level door, `sched::RemoteHandle::call`, whose closures run in
//! scheduler-loop context and must not suspend: each callback is handed over
//! by such a call to this thread's callback cothread.
//!
//! Invariants:
//! * The callback state of a thread is touched only from that thread (a
//!   `thread_local`); the only cross-thread path is the scheduler's remote
//!   queue.
//! * A panic in a callback is caught on the callback cothread and reported
//!   once to stderr (or returned by [`callback_result`]); it never unwinds
//!   into the scheduler and never stops later callbacks.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Instant;

use parking_lot::{Condvar, Mutex};

use crate::error::{panic_message, Error};
use crate::sched::{self, RemoteHandle};
use crate::sync::EventQueue;
use crate::timeout::Timeout;

/// A `Send + Sync` handle on one thread's scheduler: the public door for
/// running code on that thread's cothreads from other OS threads.
///
/// ```
/// use std::time::Duration;
/// let handle = cothread::SchedulerHandle::current();
/// let worker = std::thread::spawn(move || {
///     handle.callback_result(|| 6 * 7, Duration::from_secs(5))
/// });
/// // The callback runs when this thread reaches a suspension point.
/// while !worker.is_finished() {
///     cothread::sleep(Duration::from_millis(1));
/// }
/// assert_eq!(worker.join().unwrap().unwrap(), 42);
/// ```
#[derive(Clone)]
pub struct SchedulerHandle {
    remote: RemoteHandle,
}

impl std::fmt::Debug for SchedulerHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SchedulerHandle").finish_non_exhaustive()
    }
}

impl SchedulerHandle {
    /// The calling thread's scheduler (created if needed).
    pub fn current() -> SchedulerHandle {
        SchedulerHandle {
            remote: sched::remote_handle(),
        }
    }

    /// The scheduler of the program's main thread (the thread Rust names
    /// `"main"`). Callbacks queued before `main` first uses cothread are
    /// kept and run once it does.
    pub fn main() -> SchedulerHandle {
        SchedulerHandle {
            remote: RemoteHandle::main(),
        }
    }

    /// Runs `f` on a cothread of this scheduler. All callbacks of one
    /// scheduler run in order on one callback cothread, so `f` may suspend
    /// but delays later callbacks while it does. A panic in `f` is
    /// reported to stderr. Does not wait for `f`.
    pub fn callback(&self, f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
        self.remote.call(move || queue_callback(Box::new(f)))
    }

    /// Runs `f` like [`callback`](Self::callback) and waits for its result,
    /// blocking the calling OS thread up to `timeout`. Called on the
    /// scheduler's own thread, runs `f` directly.
    pub fn callback_result<R: Send + 'static>(
        &self,
        f: impl FnOnce() -> R + Send + 'static,
        timeout: impl Into<Timeout>,
    ) -> Result<R, Error> {
        if self.remote.is_current_thread() {
            return Ok(f());
        }
        let deadline = timeout.into().deadline();
        let slot = Arc::new(ResultSlot::<R>::default());
        let sender = SlotSender(slot.clone());
        self.callback(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            sender.send(result.map_err(|p| Error::Panicked(panic_message(&*p))));
        })?;
        slot.wait(deadline)
    }
}

/// Where `callback_result` waits for its answer.
struct ResultSlot<R> {
    value: Mutex<Option<Result<R, Error>>>,
    ready: Condvar,
}

impl<R> Default for ResultSlot<R> {
    fn default() -> Self {
        ResultSlot {
            value: Mutex::new(None),
            ready: Condvar::new(),
        }
    }
}

impl<R> ResultSlot<R> {
    fn wait(&self, deadline: Option<Instant>) -> Result<R, Error> {
        let mut value = self.value.lock();
        loop {
            if let Some(v) = value.take() {
                return v;
            }
            match deadline {
                None => self.ready.wait(&mut value),
                Some(d) => {
                    if self.ready.wait_until(&mut value, d).timed_out() {
                        return value.take().unwrap_or(Err(Error::Timedout));
                    }
                }
            }
        }
    }
}

/// Sends the result; if dropped unsent (the callback was discarded because
/// its scheduler went away), reports [`Error::SchedulerGone`].
struct SlotSender<R>(Arc<ResultSlot<R>>);

impl<R> SlotSender<R> {
    fn send(&self, v: Result<R, Error>) {
        *self.0.value.lock() = Some(v);
        self.0.ready.notify_all();
    }
}

impl<R> Drop for SlotSender<R> {
    fn drop(&mut self) {
        let mut value = self.0.value.lock();
        if value.is_none() {
            *value = Some(Err(Error::SchedulerGone));
            self.0.ready.notify_all();
        }
    }
}

/// Callbacks handed to one thread's callback cothread.
type CallbackQueue = EventQueue<Box<dyn FnOnce()>>;

thread_local! {
    /// This thread's callback queue, created with its callback cothread on
    /// the first callback.
    static CALLBACKS: RefCell<Option<CallbackQueue>> = const { RefCell::new(None) };
}

/// Queues a callback for this thread's callback cothread, spawning it on
/// first use. Runs in loop context (never suspends).
fn queue_callback(f: Box<dyn FnOnce()>) {
    CALLBACKS.with(|callbacks| {
        let mut callbacks = callbacks.borrow_mut();
        let queue = callbacks.get_or_insert_with(|| {
            let queue = CallbackQueue::new();
            let consumer = queue.clone();
            crate::spawn(move || {
                for f in consumer.iter() {
                    if let Err(p) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
                        eprintln!("cothread: callback panicked: {}", panic_message(&*p));
                    }
                }
            });
            queue
        });
        queue.signal(f);
    });
}

/// Runs `f` on a cothread of the main thread's scheduler (see
/// [`SchedulerHandle::callback`]).
pub fn callback(f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
    SchedulerHandle::main().callback(f)
}

/// Runs `f` on a cothread of the main thread's scheduler and waits up to
/// `timeout` for its result (see [`SchedulerHandle::callback_result`]).
pub fn callback_result<R: Send + 'static>(
    f: impl FnOnce() -> R + Send + 'static,
    timeout: impl Into<Timeout>,
) -> Result<R, Error> {
    SchedulerHandle::main().callback_result(f, timeout)
}
