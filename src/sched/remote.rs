//! The cross-thread door into a scheduler: a queue of `Send` closures plus
//! the scheduler's wake-up eventfd.
//!
//! Invariants:
//! * `Remote::calls` is the only state shared between threads; it is a
//!   `parking_lot` mutex (no poisoning) held only for a push or a swap.
//! * The wake-up fd is written only when the queue goes from empty to
//!   non-empty, so a burst of calls costs one wake-up.
//! * The scheduler drains the fd *before* swapping the queue out, so a call
//!   that arrives after the swap always finds the queue empty and writes the
//!   fd again: no wake-up is lost.
//! * Once the owning scheduler is gone (`alive == false`), `call` drops its
//!   closure and returns [`Error::SchedulerGone`].
#![forbid(unsafe_code)]

use std::os::fd::RawFd;
use std::sync::{Arc, OnceLock};
use std::thread::ThreadId;
use std::time::Instant;

use parking_lot::{Condvar, Mutex};

use super::sys::EventFd;
use crate::error::Error;
use crate::time::Timeout;

type Call = Box<dyn FnOnce() + Send>;

struct Calls {
    queue: Vec<Call>,
    alive: bool,
    owner: Option<ThreadId>,
}

/// Shared half of a scheduler's remote queue.
pub(crate) struct Remote {
    calls: Mutex<Calls>,
    wake: EventFd,
}

/// The remote queue of the main thread's scheduler. It may be created by a
/// callback from another thread before `main` first uses cothread; the
/// main thread's scheduler adopts it when created.
static MAIN_REMOTE: OnceLock<Arc<Remote>> = OnceLock::new();

fn main_remote() -> &'static Arc<Remote> {
    MAIN_REMOTE.get_or_init(|| Arc::new(Remote::new(None)))
}

impl Remote {
    fn new(owner: Option<ThreadId>) -> Remote {
        let wake = EventFd::new().unwrap_or_else(|e| {
            panic!("cothread: cannot create the scheduler's wake-up eventfd: {e}")
        });
        Remote {
            calls: Mutex::new(Calls {
                queue: Vec::new(),
                alive: true,
                owner,
            }),
            wake,
        }
    }

    /// The remote queue for a scheduler being created on this thread.
    pub(crate) fn for_this_thread() -> Arc<Remote> {
        let thread = std::thread::current();
        if thread.name() == Some("main") {
            let remote = main_remote().clone();
            remote.calls.lock().owner = Some(thread.id());
            remote
        } else {
            Arc::new(Remote::new(Some(thread.id())))
        }
    }

    pub(crate) fn wake_fd(&self) -> RawFd {
        self.wake.fd()
    }

    fn call(&self, f: Call) -> Result<(), Error> {
        let was_empty = {
            let mut calls = self.calls.lock();
            if !calls.alive {
                return Err(Error::SchedulerGone);
            }
            let was_empty = calls.queue.is_empty();
            calls.queue.push(f);
            was_empty
        };
        if was_empty {
            self.wake.notify();
        }
        Ok(())
    }

    /// Runs every queued call (on the scheduler thread, loop context).
    pub(crate) fn run_pending(&self) {
        self.wake.drain();
        let batch = std::mem::take(&mut self.calls.lock().queue);
        for f in batch {
            // A panicking call must not unwind through the scheduler loop.
            if let Err(p) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
                eprintln!(
                    "cothread: remote call panicked: {}",
                    crate::error::panic_message(&*p)
                );
            }
        }
    }

    pub(crate) fn close(&self) {
        let dropped = {
            let mut calls = self.calls.lock();
            calls.alive = false;
            std::mem::take(&mut calls.queue)
        };
        drop(dropped);
    }

    /// Reads and clears the wake-up counter: how many wake-ups were sent.
    #[cfg(test)]
    pub(crate) fn take_wake_count(&self) -> u64 {
        self.wake.take_count()
    }

    #[cfg(test)]
    pub(crate) fn notify_for_test(&self) {
        self.wake.notify();
    }

    fn owned_by_current_thread(&self) -> bool {
        self.calls.lock().owner == Some(std::thread::current().id())
    }
}

/// A `Send + Sync` handle that queues closures onto one scheduler's thread.
///
/// Contract for the Channel Access layer:
/// * [`call`](Self::call) may be used from any thread, including a libca
///   callback thread: it takes a `parking_lot` mutex for one `Vec::push`,
///   boxes `f`, and writes the eventfd only when the queue was empty. It
///   never panics (the box allocation aside).
/// * `f` runs on the scheduler's thread from its loop, outside any cothread,
///   after the current ready batch: it must not suspend (a suspension point
///   there returns [`Error::CannotSuspend`] or panics) but may signal events
///   and spawn cothreads. Calls run in the order they were queued.
/// * Calls are only run while that thread's scheduler loop runs, i.e. while
///   its main cothread is at a suspension point.
#[derive(Clone)]
pub(crate) struct RemoteHandle {
    remote: Arc<Remote>,
}

impl RemoteHandle {
    /// Queues `f` to run on the scheduler's thread; if that scheduler has
    /// gone, drops `f` and returns [`Error::SchedulerGone`].
    pub(crate) fn call(&self, f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
        self.remote.call(Box::new(f))
    }
}

/// A handle on the calling thread's scheduler, usable from any thread.
pub(crate) fn remote_handle() -> RemoteHandle {
    RemoteHandle {
        remote: super::current().remote().clone(),
    }
}

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
            remote: remote_handle(),
        }
    }

    /// The scheduler of the program's main thread (the thread Rust names
    /// `"main"`). Callbacks queued before `main` first uses cothread are
    /// kept and run once it does.
    pub fn main() -> SchedulerHandle {
        SchedulerHandle {
            remote: RemoteHandle {
                remote: main_remote().clone(),
            },
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
        if self.remote.remote.owned_by_current_thread() {
            return Ok(f());
        }
        let deadline = timeout.into().deadline();
        let slot = Arc::new(ResultSlot::<R>::default());
        let sender = SlotSender(slot.clone());
        self.callback(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            sender.send(result.map_err(|p| Error::Panicked(crate::error::panic_message(&*p))));
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

/// Queues a callback for this scheduler's callback cothread, spawning it on
/// first use. Runs in loop context (never suspends).
fn queue_callback(f: Box<dyn FnOnce()>) {
    let s = super::current();
    let mut callbacks = s.callbacks.borrow_mut();
    let queue = callbacks.get_or_insert_with(|| {
        let queue = crate::sync::EventQueue::<Box<dyn FnOnce()>>::new();
        let consumer = queue.clone();
        super::spawn(move || {
            for f in consumer.iter() {
                if let Err(p) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
                    eprintln!(
                        "cothread: callback panicked: {}",
                        crate::error::panic_message(&*p)
                    );
                }
            }
        });
        queue
    });
    queue.signal(f);
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
