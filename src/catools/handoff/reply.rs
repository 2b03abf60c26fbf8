//! Replies to a cothread that waits for them (hops 2 to 4 of the path in
//! the [module docs](super)): results land in a [`Collector`] (or, for a
//! prepared list's warm read, in a `ca::Batch`), and the waiting cothread is
//! woken through its scheduler's remote queue once the last awaited result
//! is in ([`Waiter`] and [`Notify`], the pair both use).
//!
//! Invariants:
//! - A `Collector`'s slots (`Shared`) are written only by libca callbacks
//!   (any thread) and read only by its owner (the scheduler thread), each
//!   under the `slots` mutex, held for a store or a take and nothing else.
//! - A [`Waiter`]'s [`Event`] never leaves its thread: the remote closure
//!   carries only the waiter's numeric id and looks the event up in this
//!   thread's `WAITING` table (an [`IdTable`]), so a wake-up for a collector
//!   that has gone (it timed out and was dropped) finds nothing and does
//!   nothing.
//! - One wake-up per collector, not one per result: only the result that
//!   brings `remaining` to zero queues a remote call, so a list of 1,000 gets
//!   costs one wake-up of the scheduler.
//! - Once the owner has taken the results ([`Collector::wait`] returned, in
//!   time or not), the slot vector is empty: a late result finds no slot, is
//!   dropped and counted ([`late_replies`](crate::diagnostics::late_replies)),
//!   never stored or reported.
//! - libca's requests are sent by one `ca_flush_io` per scheduler cycle
//!   ([`schedule_flush`]), run just before the scheduler next blocks.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::ThreadId;
use std::time::Instant;

use parking_lot::Mutex;

use crate::ca;
use crate::catools::timeout::until;
use crate::diagnostics::{self, Diagnostic};
use crate::id_table::{new_id, IdTable};
use crate::sched::{self, RemoteHandle};
use crate::Event;

thread_local! {
    /// Collectors of this thread that are waiting, by id.
    static WAITING: IdTable<Event<()>> = IdTable::new();
    static FLUSH_QUEUED: Cell<bool> = const { Cell::new(false) };
}

/// Sends every request queued in libca once, just before this thread's
/// scheduler next blocks, however many requests the current cycle makes; at
/// once when the thread is exiting (its scheduler is gone).
pub(crate) fn schedule_flush() {
    if FLUSH_QUEUED.with(|queued| queued.replace(true)) {
        return;
    }
    let flush = || {
        FLUSH_QUEUED.with(|queued| queued.set(false));
        if let Err(err) = ca::flush_io() {
            diagnostics::report(Diagnostic::FlushFailed(err));
        }
    };
    if let Err(flush) = sched::try_before_poll(flush) {
        flush();
    }
}

struct Shared<R> {
    slots: Mutex<Vec<Option<R>>>,
    remaining: AtomicUsize,
    notify: Notify,
}

/// The owner's side of a wake-up: a cothread waits on it until the matching
/// [`Notify`] fires (from any thread) or a deadline passes.
pub(crate) struct Waiter {
    id: u64,
    event: Event<()>,
}

/// The `Send` side of a [`Waiter`]: wakes its owner from any thread, and does
/// nothing once the waiter has gone.
pub(crate) struct Notify {
    remote: RemoteHandle,
    owner: ThreadId,
    id: u64,
}

impl Waiter {
    /// A waiter for this thread, and its notifier.
    pub(crate) fn new() -> (Waiter, Notify) {
        let id = new_id();
        let event = Event::new();
        WAITING.with(|waiting| waiting.insert(id, event.clone()));
        let notify = Notify {
            remote: sched::remote_handle(),
            owner: std::thread::current().id(),
            id,
        };
        (Waiter { id, event }, notify)
    }

    /// Suspends until notified or `deadline` passes (which is not an error:
    /// the caller looks at what arrived). Inside a callback on libca's
    /// thread it returns at once: the reply could only come through the
    /// thread that the callback is holding up.
    pub(crate) fn wait(&self, deadline: Option<Instant>) {
        if crate::catools::monitor::in_libca_callback() {
            return;
        }
        let _ = self.event.wait(until(deadline));
    }
}

impl Drop for Waiter {
    fn drop(&mut self) {
        let id = self.id;
        let _ = WAITING.try_with(|waiting| waiting.take(id));
    }
}

impl Notify {
    /// Wakes the waiter: directly on the owner's thread (its scheduler loop,
    /// or the owner itself before it waits), else through the owner's
    /// scheduler. A scheduler that has gone has nobody left to wake.
    pub(crate) fn notify(&self) {
        let id = self.id;
        if std::thread::current().id() == self.owner {
            wake(id);
        } else {
            let _ = self.remote.call(move || wake(id));
        }
    }
}

/// The `Send` end of a [`Collector`]: fills one slot from any thread.
pub(crate) struct ReplySlot<R> {
    shared: Arc<Shared<R>>,
    index: usize,
}

impl<R: Send + 'static> ReplySlot<R> {
    /// A second sender for the same result, for a request that may refuse
    /// its callback: exactly one of the two may be filled (the refused
    /// request drops the other unfilled).
    pub(crate) fn spare(&self) -> ReplySlot<R> {
        ReplySlot {
            shared: Arc::clone(&self.shared),
            index: self.index,
        }
    }

    /// Stores the result; the last one in wakes the collector's owner. A
    /// result that comes after the owner stopped waiting (the slots are
    /// taken) is dropped and counted as a late reply.
    pub(crate) fn fill(self, result: R) {
        let shared = &self.shared;
        let mut slots = shared.slots.lock();
        match slots.get_mut(self.index) {
            Some(slot) => *slot = Some(result),
            None => {
                drop(slots);
                drop(result);
                diagnostics::count_late_reply();
                return;
            }
        }
        drop(slots);
        if shared.remaining.fetch_sub(1, Ordering::AcqRel) == 1 {
            shared.notify.notify();
        }
    }
}

fn wake(id: u64) {
    let event = WAITING.with(|waiting| waiting.get(id));
    if let Some(event) = event {
        event.signal(());
    }
}

/// Results of `len` requests, filled by libca callbacks on any thread and
/// awaited by one cothread.
pub(crate) struct Collector<R> {
    shared: Arc<Shared<R>>,
    waiter: Waiter,
}

impl<R: Send + 'static> Collector<R> {
    /// A collector awaiting `len` results.
    pub(crate) fn new(len: usize) -> Collector<R> {
        let (waiter, notify) = Waiter::new();
        let shared = Arc::new(Shared {
            slots: Mutex::new((0..len).map(|_| None).collect()),
            remaining: AtomicUsize::new(len),
            notify,
        });
        Collector { shared, waiter }
    }

    /// The sender for result `index`.
    pub(crate) fn slot(&self, index: usize) -> ReplySlot<R> {
        ReplySlot {
            shared: Arc::clone(&self.shared),
            index,
        }
    }

    /// Stores a result on the owner's thread (for requests that failed before
    /// they reached libca).
    pub(crate) fn fill_now(&self, index: usize, result: R) {
        self.slot(index).fill(result);
    }

    /// Suspends until every result is in or `deadline` passes, then takes
    /// them: `None` marks a result that did not come in time.
    pub(crate) fn wait(self, deadline: Option<Instant>) -> Vec<Option<R>> {
        if self.shared.remaining.load(Ordering::Acquire) != 0 {
            // A timeout is not an error here: the missing slots say it.
            self.waiter.wait(deadline);
        }
        std::mem::take(&mut *self.shared.slots.lock())
    }
}
