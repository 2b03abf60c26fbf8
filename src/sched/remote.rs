//! The cross-thread door into a scheduler: a queue of `Send` closures plus
//! the scheduler's wake-up eventfd. This is the low-level door: its calls
//! run in scheduler-loop context (they must not suspend). The public doors
//! are built on it above the scheduler: `SchedulerHandle` and `callback`
//! (`crate::callback`, which runs closures on a cothread) and the Channel
//! Access hand-off (`crate::catools`).
//!
//! Invariants:
//! * `Remote::calls` is the only state shared between threads; it is a
//!   `parking_lot` mutex (no poisoning) held only for a push or a swap.
//! * The wake-up fd is written only when the queue goes from empty to
//!   non-empty, so a burst of calls costs one wake-up.
//! * The scheduler drains the fd *before* swapping the queue out, so a call
//!   that arrives after the swap always finds the queue empty and writes the
//!   fd again: no wake-up is lost.
//! * The queue is swapped with the scheduler's spare buffer, not taken: a
//!   burst of calls reuses the room of the one before it rather than
//!   allocating, and [`room_to_keep`] gives back what a rare large burst grew.
//! * Once the owning scheduler is gone (`alive == false`), `call` drops its
//!   closure and returns [`Error::SchedulerGone`].
//! * A queued call is a [`SendFn`]: stored in the queue itself when small,
//!   so most calls cost no allocation.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::os::fd::RawFd;
use std::sync::{Arc, OnceLock};
use std::thread::ThreadId;

use parking_lot::Mutex;

use super::sys::EventFd;
use super::SendFn;
use crate::error::Error;

struct Calls {
    queue: Vec<SendFn>,
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
        if super::sys::is_initial_thread() {
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

    fn call(&self, f: SendFn) -> Result<(), Error> {
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
    /// `spare` is the scheduler's empty buffer, which trades places with the
    /// queue.
    pub(crate) fn run_pending(&self, spare: &RefCell<Vec<SendFn>>) {
        self.wake.drain();
        // Taken, not borrowed: a call may run a nested loop that gets here.
        let mut batch = spare.take();
        std::mem::swap(&mut self.calls.lock().queue, &mut batch);
        let used = batch.len();
        for f in batch.drain(..) {
            // A panicking call must not unwind through the scheduler loop.
            if let Err(p) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f.call())) {
                crate::error::report_contained_panic(
                    "remote call",
                    crate::error::take_panic_message(p),
                );
            }
        }
        if let Some(room) = room_to_keep(batch.capacity(), used, KEPT_CALLS) {
            batch.shrink_to(room);
        }
        *spare.borrow_mut() = batch;
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

    /// Whether this is the main thread's queue.
    fn is_main(&self) -> bool {
        MAIN_REMOTE
            .get()
            .is_some_and(|main| std::ptr::eq(&**main, self))
    }

    fn owned_by_current_thread(&self) -> bool {
        match self.calls.lock().owner {
            Some(owner) => owner == std::thread::current().id(),
            // The main thread's queue before its scheduler exists: the
            // initial thread's all the same.
            None => self.is_main() && super::sys::is_initial_thread(),
        }
    }
}

/// Room for queued calls a scheduler keeps between bursts however small.
const KEPT_CALLS: usize = 64;

/// How much room to keep in a buffer of `room` items, emptied after a burst
/// of `used` and kept for the next: `None` to keep it all, else room beyond
/// `kept` that an earlier, larger burst grew is given back once a burst
/// uses under a quarter of it (the factor of four keeps steady bursts from
/// reallocating). The one rule for every buffer kept between bursts: the
/// remote queue here, the Channel Access dispatcher's ready list and its
/// handlers' buffers.
pub(crate) fn room_to_keep(room: usize, used: usize, kept: usize) -> Option<usize> {
    (room > kept && used * 4 < room).then(|| (used * 2).max(kept))
}

/// A `Send + Sync` handle that queues closures onto one scheduler's thread.
///
/// Contract for the Channel Access layer:
/// * [`call`](Self::call) may be used from any thread, including a libca
///   callback thread: it takes a `parking_lot` mutex for one `Vec::push`,
///   boxes `f` only if it is larger than a few words (see [`SendFn`]), and
///   writes the eventfd only when the queue was empty. It never panics (an
///   allocation failure aside).
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
    /// The main thread's scheduler (the process's initial thread), which
    /// may not exist yet: calls queued before `main` first uses cothread are
    /// kept and run once it does.
    pub(crate) fn main() -> RemoteHandle {
        RemoteHandle {
            remote: main_remote().clone(),
        }
    }

    /// True if this is the main thread's scheduler (see [`main`](Self::main)).
    pub(crate) fn is_main(&self) -> bool {
        self.remote.is_main()
    }

    /// True if this is the calling thread's scheduler.
    pub(crate) fn is_current_thread(&self) -> bool {
        self.remote.owned_by_current_thread()
    }

    /// Queues `f` to run on the scheduler's thread; if that scheduler has
    /// gone, drops `f` and returns [`Error::SchedulerGone`].
    pub(crate) fn call(&self, f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
        self.remote.call(SendFn::new(f))
    }
}

/// A handle on the calling thread's scheduler, usable from any thread.
pub(crate) fn remote_handle() -> RemoteHandle {
    RemoteHandle {
        remote: super::current().remote().clone(),
    }
}
