//! The cothread that runs user callbacks of `camonitor`, of `watch` and of
//! `caput` with a callback, one at a time and in order of arrival, on each
//! scheduler thread, and the inboxes through which libca's threads feed it
//! (hops 3 to 5 of the path in the [module docs](super)).
//!
//! Invariants:
//! - An [`Inbox`] is the `Send` side of one registered handler: libca threads
//!   push into it under its mutex (held for a push or a take only). The first
//!   push into an inbox that is not already scheduled appends its id to the
//!   thread's ready list; the first id into an empty ready list queues one
//!   remote call, which starts the dispatcher cothread unless it is running.
//!   A burst of updates therefore costs one wake-up of the scheduler, not one
//!   per update.
//! - Batch windows (the thread's `window`, default 8 ms): when the
//!   dispatcher finds the ready list empty less than a first window (an
//!   eighth of `window`) after it last did (bursts come faster than one per
//!   first window), it marks the list `windowed` (under its lock) and queues
//!   a timed call of the scheduler ([`sched::call_at`]) for the window's
//!   end. While the list is windowed a push queues no remote call; the
//!   window's end clears the mark (under the same lock) and starts the
//!   dispatcher if anything came, or else ends the batching. A window that
//!   found work is followed by one twice as long, up to `window`; a window
//!   that found nothing ends the run of windows, and the next starts at the
//!   first length again. So no push is ever left without a wake-up or a
//!   window's end to deliver it, an update waits at most one `window`, and
//!   only while work keeps coming faster than one burst per first window;
//!   a burst that ends within a first window waits at most that long. The
//!   timed call holds no cothread: a thread that exits during a window
//!   leaves nothing.
//! - The dispatcher cothread runs only while there is work: it returns as
//!   soon as it finds the ready list empty (the next push starts a new one).
//!   When more work arrived while it delivered a batch, it yields before the
//!   next one, so a flood of updates that never lets the list empty cannot
//!   starve the thread's other cothreads (or its timers and fd polls).
//!   So an idle thread has no suspended dispatcher, and a thread that exits
//!   leaves no cothread (with its stack and its scheduler's wake-up fd)
//!   behind.
//! - Handlers (user closures, `!Send`) live in the `handlers` table (an
//!   [`IdTable`]) of this thread's dispatcher and run only on the
//!   dispatcher cothread; an id that is no longer in the
//!   table (its subscription closed) is skipped.
//! - An inbox holds at most its `limit` items: on overflow the oldest item is
//!   dropped and the count of updates the (new) oldest one stands for grows
//!   by one. Only the oldest item ever stands for more than one update, so
//!   one counter (`merged`) carries the count. `Latest` is a limit of one.
//! - The inboxes of monitor updates ([`Delivery::Updates`]) of one thread
//!   also share a budget (the thread's backlog, [`set_thread_backlog`]): the
//!   ready list counts the items they hold, and once the count reaches the
//!   budget an inbox that already holds an item merges as if it were full.
//!   So a thread's waiting updates stay within the budget plus one per
//!   subscription (and a few more while libca threads of several servers
//!   push at the same moment), however many subscriptions fall behind
//!   together; every subscription still keeps its latest update, and no
//!   update goes uncounted. The count changes only under the inbox's own lock, on a
//!   push that adds an item, a take, and the drop of an inbox.
//! - A handler that panics is called no more: the panic is contained, what
//!   was queued for it is dropped, and its `on_panic` runs once (the owner
//!   reports it and closes what the handler belongs to). The dispatcher and
//!   the other handlers keep running.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::UpdateBudget;
use crate::diagnostics::{self, Diagnostic};
use crate::error::take_panic_message;
use crate::id_table::{new_id, IdTable};
use crate::sched::{self, RemoteHandle};

type Handler = Rc<RefCell<dyn FnMut()>>;

struct Dispatcher {
    ready: Arc<ReadyList>,
    /// The ready list's other buffer: the two trade places each batch, so
    /// a burst does not allocate.
    spare_ids: RefCell<Vec<u64>>,
    handlers: IdTable<Handler>,
    /// Whether the dispatcher cothread is running (started and not returned).
    running: Cell<bool>,
    /// The thread's batch window, the longest a window runs (zero: none).
    window: Cell<Duration>,
    /// The length of the window that runs or ran last.
    span: Cell<Duration>,
    /// When the dispatcher last found the ready list empty.
    last_idle: Cell<Option<Instant>>,
    /// Whether a batch window runs, or the last one found work.
    batching: Cell<bool>,
    /// Whether a window's end ([`after_window`]) is queued and not yet run.
    window_queued: Cell<bool>,
    /// Whether starting the dispatcher cothread failed, and has not
    /// succeeded since (said once per such run of failures).
    start_failed: Cell<bool>,
}

impl Drop for Dispatcher {
    /// At the thread's exit: the handlers (user closures) go first, and
    /// whatever they owned (a `Pv`, say) closes; no scheduler cycle will
    /// send the cancellations that queues, so send them now.
    fn drop(&mut self) {
        let handlers = self.handlers.take_all();
        let had_handlers = !handlers.is_empty();
        drop(handlers);
        if had_handlers {
            if let Err(err) = crate::ca::flush_io() {
                diagnostics::report(Diagnostic::FlushFailed(err));
            }
        }
    }
}

/// Ids of inboxes with something to deliver, shared with libca's threads.
pub(crate) struct ReadyList {
    ids: Mutex<ReadyIds>,
    remote: RemoteHandle,
    /// Items held by this thread's inboxes of monitor updates, together,
    /// and what they may reach before those inboxes merge (the thread's
    /// backlog).
    budget: UpdateBudget,
}

/// The ready ids, and whether the dispatcher will look at them at the end
/// of a batch window without being woken.
#[derive(Default)]
struct ReadyIds {
    ids: Vec<u64>,
    /// Set while a batch window runs (see [`set_thread_batch_window`]): a
    /// push into the empty list then queues no remote call, since the
    /// window's end ([`after_window`]) looks at the list anyway.
    windowed: bool,
}

/// The default batch window: a thread whose callbacks' work comes faster
/// than one burst per millisecond (the first window, an eighth of this) is
/// woken for it after 1 ms, then 2 and 4, then once every 8 ms while the
/// work keeps coming.
pub(crate) const DEFAULT_BATCH_WINDOW: Duration = Duration::from_millis(8);

/// How many times a run of windows doubles from the first to the longest:
/// the first window is `window / 2^WINDOW_DOUBLINGS`.
const WINDOW_DOUBLINGS: u32 = 3;

/// The first window of a run of windows, for a thread's batch `window`.
fn first_window(window: Duration) -> Duration {
    window / (1 << WINDOW_DOUBLINGS)
}

/// The default thread backlog: a million waiting monitor updates (about
/// 64 MB), a hundred for each of 10,000 subscriptions.
pub(crate) const DEFAULT_THREAD_BACKLOG: usize = 1_000_000;

/// Sets the calling thread's backlog: how many monitor updates its
/// subscriptions may hold waiting together (see the module invariants).
pub(crate) fn set_thread_backlog(updates: usize) {
    dispatcher().ready.budget.set_limit(updates);
}

/// The calling thread's backlog; see [`set_thread_backlog`].
pub(crate) fn thread_backlog() -> usize {
    dispatcher().ready.budget.limit()
}

/// Sets the calling thread's batch window (see the module invariants).
pub(crate) fn set_thread_batch_window(window: Duration) {
    dispatcher().window.set(window);
}

/// The calling thread's batch window; see [`set_thread_batch_window`].
pub(crate) fn thread_batch_window() -> Duration {
    dispatcher().window.get()
}

impl ReadyList {
    fn push(&self, id: u64) {
        let mut ready = self.ids.lock();
        let wake = ready.ids.is_empty() && !ready.windowed;
        ready.ids.push(id);
        drop(ready);
        if wake {
            // A thread that has gone has nobody left to deliver to.
            let _ = self.remote.call(start);
        }
    }
}

thread_local! {
    static DISPATCHER: RefCell<Option<Rc<Dispatcher>>> = const { RefCell::new(None) };
    /// How many handlers this thread has unregistered. A handler delivering
    /// a batch looks up whether it is still registered only when this moved
    /// during one of its calls (one load per item otherwise).
    static UNREGISTERED: Cell<u64> = const { Cell::new(0) };
}

/// Whether the handler `id` is still registered with this thread's
/// dispatcher.
fn is_registered(id: u64) -> bool {
    DISPATCHER
        .try_with(|d| {
            d.borrow()
                .as_ref()
                .is_some_and(|d| d.handlers.get(id).is_some())
        })
        .unwrap_or(false)
}

/// This thread's dispatcher state, made on first use.
fn dispatcher() -> Rc<Dispatcher> {
    if let Some(dispatcher) = DISPATCHER.with(|d| d.borrow().clone()) {
        return dispatcher;
    }
    let dispatcher = Rc::new(Dispatcher {
        ready: Arc::new(ReadyList {
            ids: Mutex::new(ReadyIds::default()),
            remote: sched::remote_handle(),
            budget: UpdateBudget::new(DEFAULT_THREAD_BACKLOG),
        }),
        spare_ids: RefCell::new(Vec::new()),
        handlers: IdTable::new(),
        running: Cell::new(false),
        window: Cell::new(DEFAULT_BATCH_WINDOW),
        span: Cell::new(Duration::ZERO),
        last_idle: Cell::new(None),
        batching: Cell::new(false),
        window_queued: Cell::new(false),
        start_failed: Cell::new(false),
    });
    DISPATCHER.with(|d| *d.borrow_mut() = Some(Rc::clone(&dispatcher)));
    dispatcher
}

/// Starts this thread's dispatcher cothread unless it is running (in loop
/// context, from the remote call of a push into an empty ready list).
fn start() {
    let Some(dispatcher) = DISPATCHER.try_with(|d| d.borrow().clone()).ok().flatten() else {
        return;
    };
    if !dispatcher.running.replace(true) {
        // Owned by the cothread's closure: however the cothread ends, or if
        // it never runs, the dispatcher is marked stopped and work left in
        // the ready list gets a new start.
        let running = Running(Rc::clone(&dispatcher));
        match sched::spawn_detached(move || run(&running.0)) {
            Ok(()) => dispatcher.start_failed.set(false),
            Err(err) => {
                // No stack to be had, or this thread's scope has ended with
                // a detached subscription still delivering here. The ready
                // list stays as it is, and `Running` queued a retry, which
                // succeeds once a stack can be had or a scope runs. Updates
                // meanwhile keep within the thread's backlog.
                if !dispatcher.start_failed.replace(true) {
                    crate::error::default_sink(
                        format_args!("cannot start the callback dispatcher ({err}); retrying"),
                        false,
                    );
                }
            }
        }
    }
}

/// Marks the dispatcher stopped when its cothread ends, however it ends,
/// or is dropped unrun (its spawn failed, or its scope ended it first).
/// Work still in the ready list then has no push left to start anything
/// (the list is not empty): a retry is queued, which starts a dispatcher
/// once one can start. A run that returned found the list empty.
struct Running(Rc<Dispatcher>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.running.set(false);
        if !self.0.ready.ids.lock().ids.is_empty() {
            sched::call_at(Instant::now() + START_RETRY, start);
        }
    }
}

/// How long after a failure to start the dispatcher cothread the next try
/// comes.
const START_RETRY: Duration = Duration::from_millis(100);

/// Delivers until the ready list is empty, then returns, yielding between
/// batches.
fn run(dispatcher: &Dispatcher) {
    loop {
        let mut ids = dispatcher.spare_ids.take();
        let mut ready = dispatcher.ready.ids.lock();
        std::mem::swap(&mut ready.ids, &mut ids);
        let used = ids.len();
        if used == 0 {
            let window = open_window(dispatcher, &mut ready);
            drop(ready);
            *dispatcher.spare_ids.borrow_mut() = ids;
            if let Some(end) = window {
                sched::call_at(end, after_window);
            }
            return;
        }
        drop(ready);
        let undelivered = Undelivered {
            ids: &ids,
            next: Cell::new(0),
            ready: &dispatcher.ready,
        };
        for (at, &id) in ids.iter().enumerate() {
            undelivered.next.set(at + 1);
            let handler = dispatcher.handlers.get(id);
            if let Some(handler) = handler {
                // Handlers contain their callbacks' panics: this is a backstop.
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| (handler.borrow_mut())())) {
                    diagnostics::report(Diagnostic::PanicContained {
                        place: "callback dispatcher",
                        message: take_panic_message(panic),
                    });
                }
            }
        }
        drop(undelivered);
        ids.clear();
        if let Some(room) = sched::room_to_keep(ids.capacity(), used, KEPT_BATCH) {
            ids.shrink_to(room);
        }
        *dispatcher.spare_ids.borrow_mut() = ids;
        if !dispatcher.ready.ids.lock().ids.is_empty() {
            crate::sched::yield_now();
        }
    }
}

/// The ids of a batch, while it is delivered: should the dispatcher be ended
/// by its scope inside a handler (unwinding), the ids not yet delivered go
/// back to the front of the ready list, so that their inboxes, still marked
/// scheduled, are not forgotten.
struct Undelivered<'a> {
    ids: &'a [u64],
    /// The index of the first id not yet handed to its handler.
    next: Cell<usize>,
    ready: &'a ReadyList,
}

impl Drop for Undelivered<'_> {
    fn drop(&mut self) {
        let rest = &self.ids[self.next.get().min(self.ids.len())..];
        if std::thread::panicking() && !rest.is_empty() {
            let mut ready = self.ready.ids.lock();
            ready.ids.splice(0..0, rest.iter().copied());
        }
    }
}

/// At the end of a delivery run, with the ready list (`ready`) found empty
/// and still locked: opens a batch window, and returns when it ends, if
/// work comes faster than one burst per first window (this run followed
/// the last one within a first window, or a window found work); else
/// `None`, and the next push wakes the thread at once.
fn open_window(dispatcher: &Dispatcher, ready: &mut ReadyIds) -> Option<Instant> {
    let window = dispatcher.window.get();
    let now = Instant::now();
    let last_idle = dispatcher.last_idle.replace(Some(now));
    if dispatcher.window_queued.get() && !window.is_zero() {
        // A window whose end is still queued (this run was started by a
        // wake-up queued before it opened) covers this one.
        ready.windowed = true;
        return None;
    }
    let first = first_window(window);
    let span = if window.is_zero() {
        None
    } else if dispatcher.batching.get() {
        // The last window found work: the work keeps coming.
        Some((dispatcher.span.get() * 2).clamp(first, window))
    } else if last_idle.is_some_and(|last| now.saturating_duration_since(last) < first) {
        Some(first)
    } else {
        None
    };
    let Some(span) = span else {
        dispatcher.batching.set(false);
        return None;
    };
    ready.windowed = true;
    dispatcher.batching.set(true);
    dispatcher.span.set(span);
    dispatcher.window_queued.set(true);
    Some(now + span)
}

/// The end of a batch window (in loop context): pushes wake the thread
/// again, and what came during the window is delivered now; a window that
/// found nothing ends the batching.
fn after_window() {
    let Some(dispatcher) = DISPATCHER.try_with(|d| d.borrow().clone()).ok().flatten() else {
        return;
    };
    dispatcher.window_queued.set(false);
    let found = {
        let mut ready = dispatcher.ready.ids.lock();
        ready.windowed = false;
        !ready.ids.is_empty()
    };
    if found {
        start();
    } else {
        dispatcher.batching.set(false);
    }
}

/// How an inbox keeps what arrives before its handler runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// Every item in order, up to `limit` (at least 1) waiting; beyond that
    /// the oldest merge (see the module invariants).
    All { limit: usize },
    /// Monitor updates: as `All`, and within the thread's backlog, shared
    /// by all of them (see the module invariants).
    Updates { limit: usize },
    /// Only the latest item, with a count of how many it stands for.
    Latest,
}

impl Delivery {
    /// Every item in order, however many wait.
    pub(crate) const UNBOUNDED: Delivery = Delivery::All { limit: usize::MAX };

    fn limit(self) -> usize {
        match self {
            Delivery::All { limit } | Delivery::Updates { limit } => limit.max(1),
            Delivery::Latest => 1,
        }
    }
}

struct InboxState<T> {
    items: VecDeque<T>,
    /// Updates merged into the oldest item (dropped to keep within the limit).
    merged: u64,
    scheduled: bool,
    /// Whether the inbox counts against the thread's backlog
    /// ([`Delivery::Updates`]). Never changes: kept here, beside
    /// `scheduled`, where it costs no room of its own.
    pooled: bool,
}

/// The `Send` side of a registered handler: libca threads push into it.
///
/// `extra` is whatever else its owner shares with libca's threads (a
/// subscription's connection state, say), kept in the same allocation.
pub(crate) struct Inbox<T, X = ()> {
    state: Mutex<InboxState<T>>,
    limit: usize,
    ready: Arc<ReadyList>,
    id: u64,
    extra: X,
}

impl<T, X> Inbox<T, X> {
    /// The id its handler is registered under.
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// What its owner keeps with it (see [`register_with`]).
    pub(crate) fn extra(&self) -> &X {
        &self.extra
    }

    /// The scheduler of the thread whose dispatcher runs its handler.
    pub(crate) fn remote(&self) -> &RemoteHandle {
        &self.ready.remote
    }
}

impl<T: Send, X> Inbox<T, X> {
    /// Delivers `item` to the handler; if the inbox is full, its oldest item
    /// merges into the next (in `Latest` mode: every undelivered one).
    pub(crate) fn push(&self, item: T) {
        let mut state = self.state.lock();
        if state.items.capacity() == 0 {
            // Room for one: most inboxes (a subscription at a few hertz)
            // never hold more, and a first push would make room for four
            // (256 bytes of updates, twice over with the handler's buffer).
            // A burst grows it as usual, and [`trim`] gives the room back
            // once bursts are small again.
            state.items.reserve_exact(1);
        }
        if state.items.len() >= self.limit
            || (state.pooled && !state.items.is_empty() && self.ready.budget.is_spent())
        {
            state.items.pop_front();
            state.merged += 1;
        } else if state.pooled {
            self.ready.budget.add(1);
        }
        state.items.push_back(item);
        let schedule = !std::mem::replace(&mut state.scheduled, true);
        drop(state);
        if schedule {
            self.ready.push(self.id);
        }
    }

    /// Swaps what has arrived into `batch` (which must be empty, and whose
    /// allocation the inbox keeps for the next burst), and returns the number
    /// of updates merged into its first item.
    pub(crate) fn take_into(&self, batch: &mut VecDeque<T>) -> u64 {
        debug_assert!(batch.is_empty());
        let mut state = self.state.lock();
        state.scheduled = false;
        std::mem::swap(&mut state.items, batch);
        if state.pooled {
            self.ready.budget.remove(batch.len());
        }
        std::mem::take(&mut state.merged)
    }

    /// What has arrived: a lone item by itself (the inbox keeps its buffer,
    /// so a subscription that gets one update at a time needs one buffer,
    /// not two), or several swapped into `batch` as by
    /// [`take_into`](Self::take_into); and the number of updates merged
    /// into the first.
    /// Puts what a handler had taken but not yet delivered back in front
    /// of what came since, and schedules the inbox again: its scope ended
    /// the dispatcher in the middle of the batch (see [`Undelivered`]).
    fn put_back(&self, batch: &mut VecDeque<T>) {
        if batch.is_empty() {
            return;
        }
        let mut state = self.state.lock();
        if state.pooled {
            self.ready.budget.add(batch.len());
        }
        while let Some(item) = batch.pop_back() {
            state.items.push_front(item);
        }
        if !std::mem::replace(&mut state.scheduled, true) {
            self.ready.ids.lock().ids.push(self.id);
        }
    }

    fn take(&self, batch: &mut VecDeque<T>) -> (Option<T>, u64) {
        debug_assert!(batch.is_empty());
        let mut state = self.state.lock();
        if state.items.len() != 1 {
            drop(state);
            return (None, self.take_into(batch));
        }
        state.scheduled = false;
        let item = state.items.pop_front();
        if state.pooled {
            self.ready.budget.remove(1);
        }
        (item, std::mem::take(&mut state.merged))
    }
}

impl<T, X> Drop for Inbox<T, X> {
    /// What was never taken leaves the thread's backlog with it.
    fn drop(&mut self) {
        let state = self.state.get_mut();
        if state.pooled {
            self.ready.budget.remove(state.items.len());
        }
    }
}

/// A handler registered with this thread's dispatcher; unregistered on drop.
pub(crate) struct Registration {
    /// Never 0 (ids from [`new_id`]), so an `Option` of it is one word.
    id: std::num::NonZeroU64,
}

impl Drop for Registration {
    fn drop(&mut self) {
        let id = self.id.get();
        // A handler delivering a batch (perhaps the one that drops this)
        // checks after each call whether it is still registered.
        let _ = UNREGISTERED.try_with(|n| n.set(n.get() + 1));
        // During the thread's exit the table may be gone already, and with
        // it the handler.
        let dispatcher = DISPATCHER.try_with(|d| d.borrow().clone()).ok().flatten();
        if let Some(dispatcher) = dispatcher {
            // Dropped after the table's borrow ends: the handler may own
            // other registrations (a `Pv` in a callback, say).
            let handler = dispatcher.handlers.take(id);
            drop(handler);
        }
    }
}

/// Room a handler's buffer (and the ready list) keeps however small its
/// bursts. A buffer grown by an earlier, larger burst (a slow consumer's
/// backlog of up to 10,000 updates, say) is cut down
/// ([`sched::room_to_keep`]) once a burst uses under a quarter of it. The two buffers of a handler
/// take turns, so within two bursts what a subscription keeps follows its
/// recent bursts rather than its largest.
const KEPT_BATCH: usize = 64;

/// Cuts a handler's buffer down after a burst of `used` items, if it grew
/// far beyond them ([`sched::room_to_keep`]).
fn trim<T>(batch: &mut VecDeque<T>, used: usize) {
    if let Some(room) = sched::room_to_keep(batch.capacity(), used, KEPT_BATCH) {
        batch.shrink_to(room);
    }
}

/// Registers `handler`, which the dispatcher cothread calls with each item
/// taken from the returned inbox and the number of updates it stands for. If
/// `handler` panics, it is called no more and `on_panic` runs once with the
/// panic's message.
pub(crate) fn register<T, F, P>(
    delivery: Delivery,
    handler: F,
    on_panic: P,
) -> (Arc<Inbox<T>>, Registration)
where
    T: Send + 'static,
    F: FnMut(T, u64) + 'static,
    P: FnOnce(Box<dyn Any + Send>) + 'static,
{
    let mut handler = handler;
    let handler = move |item, count, (): &()| handler(item, count);
    register_with(new_id(), delivery, (), handler, on_panic)
}

/// [`register`], under `id` (from [`new_id`], not registered before), with
/// `extra` kept in the inbox (see [`Inbox::extra`]) and lent to `handler`
/// with each item.
pub(crate) fn register_with<T, X, F, P>(
    id: u64,
    delivery: Delivery,
    extra: X,
    mut handler: F,
    on_panic: P,
) -> (Arc<Inbox<T, X>>, Registration)
where
    T: Send + 'static,
    X: Send + Sync + 'static,
    F: FnMut(T, u64, &X) + 'static,
    P: FnOnce(Box<dyn Any + Send>) + 'static,
{
    let dispatcher = dispatcher();
    let registered = std::num::NonZeroU64::new(id).expect("ids from new_id are never 0");
    let inbox = Arc::new(Inbox {
        state: Mutex::new(InboxState {
            items: VecDeque::new(),
            merged: 0,
            scheduled: false,
            pooled: matches!(delivery, Delivery::Updates { .. }),
        }),
        limit: delivery.limit(),
        ready: Arc::clone(&dispatcher.ready),
        id,
        extra,
    });
    let source = Arc::clone(&inbox);
    // Two buffers swapped back and forth, so that a busy subscription does
    // not allocate (and grow) a fresh queue for every burst.
    let mut batch = VecDeque::new();
    let mut on_panic = Some(on_panic);
    let run: Handler = Rc::new(RefCell::new(move || {
        let (mut lone, merged) = source.take(&mut batch);
        let mut count = merged + 1;
        let used = batch.len();
        if on_panic.is_none() {
            // The handler panicked before: drop what came since.
            batch.clear();
            return;
        }
        while let Some(item) = lone.take().or_else(|| batch.pop_front()) {
            let unregistered = UNREGISTERED.with(Cell::get);
            let outcome = catch_unwind(AssertUnwindSafe(|| handler(item, count, source.extra())));
            count = 1;
            if let Err(panic) = outcome {
                if panic.is::<crate::error::Ending>() {
                    // Not a panic: the thread's scope ends the dispatcher.
                    // The item it was given is delivered; the rest waits
                    // for the next scope.
                    source.put_back(&mut batch);
                    resume_unwind(panic);
                }
                batch.clear();
                if let Some(on_panic) = on_panic.take() {
                    on_panic(panic);
                }
                return;
            }
            // Closed by its own call (or by anything that call ran): the
            // rest of the batch is not delivered, as the close promised.
            if UNREGISTERED.with(Cell::get) != unregistered && !is_registered(id) {
                batch.clear();
                return;
            }
        }
        trim(&mut batch, used);
    }));
    dispatcher.handlers.insert(id, run);
    (inbox, Registration { id: registered })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pushes `n` numbered items into an inbox of `delivery` that nobody
    /// drains, then takes them: (items kept, updates merged into the first).
    fn flood(delivery: Delivery, n: u64) -> (Vec<u64>, u64) {
        let (inbox, _registration) = register(delivery, |_: u64, _| {}, |_| {});
        for item in 0..n {
            inbox.push(item);
        }
        let mut batch = VecDeque::new();
        let merged = inbox.take_into(&mut batch);
        (batch.into_iter().collect(), merged)
    }

    /// A handler that feeds its own inbox each time it runs is an endless
    /// flood: the ready list never empties.
    #[test]
    fn a_flood_that_never_empties_the_ready_list_does_not_starve_other_cothreads() {
        crate::scope(|| {
            let stop = Rc::new(Cell::new(false));
            let runs = Rc::new(Cell::new(0u64));
            let own: Rc<RefCell<Option<Arc<Inbox<u64>>>>> = Rc::default();
            let (inbox, _registration) = {
                let (stop, runs, own) = (stop.clone(), runs.clone(), own.clone());
                register(
                    Delivery::Latest,
                    move |item: u64, _| {
                        runs.set(runs.get() + 1);
                        if !stop.get() {
                            if let Some(inbox) = own.borrow().as_ref() {
                                inbox.push(item + 1);
                            }
                        }
                    },
                    |_| {},
                )
            };
            *own.borrow_mut() = Some(inbox.clone());
            inbox.push(0);
            // The main cothread sleeps again and again while the flood goes on:
            // each sleep must end (a starved thread would hang here).
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while runs.get() < 100 {
                assert!(std::time::Instant::now() < deadline, "the flood never ran");
                crate::sleep(std::time::Duration::from_millis(1));
            }
            stop.set(true);
            *own.borrow_mut() = None;
            // The dispatcher drains what is left and returns.
            while dispatcher().running.get() {
                assert!(
                    std::time::Instant::now() < deadline,
                    "the dispatcher never returned"
                );
                crate::sleep(std::time::Duration::from_millis(1));
            }
        })
    }

    /// Waits (sleeping in 1 ms steps, 10 s at most) until `done`.
    fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
        let give_up = Instant::now() + Duration::from_secs(10);
        while !done() {
            assert!(Instant::now() < give_up, "never: {what}");
            crate::sleep(Duration::from_millis(1));
        }
    }

    /// A scope that ends while a handler is suspended ends the dispatcher in
    /// the middle of a batch: what the batch had not yet delivered is kept
    /// for the next scope on the thread, not lost.
    #[test]
    fn items_a_scope_ended_before_delivering_come_in_the_next_scope() {
        let (stuck, _stuck) = register(
            Delivery::Latest,
            |_: u64, _| crate::sleep(Duration::from_secs(3600)),
            |_| {},
        );
        let got = Rc::new(Cell::new(None));
        let seen = got.clone();
        let (later, _later) = register(
            Delivery::Latest,
            move |item: u64, _| seen.set(Some(item)),
            |_| {},
        );
        crate::scope(|| {
            stuck.push(1);
            later.push(2);
            crate::sleep(Duration::from_millis(20));
            assert_eq!(got.get(), None, "delivered after the stuck handler");
        });
        crate::scope(|| wait_until("the item left undelivered", || got.get() == Some(2)));
    }

    /// The same inside one inbox: the items of its batch after the one whose
    /// handler was suspended when the scope ended come in the next scope,
    /// in order.
    #[test]
    fn a_batch_a_scope_ended_part_way_through_goes_on_in_the_next_scope() {
        let got = Rc::new(RefCell::new(Vec::new()));
        let seen = got.clone();
        let (inbox, _registration) = register(
            Delivery::UNBOUNDED,
            move |item: u64, _| {
                seen.borrow_mut().push(item);
                if item == 1 {
                    crate::sleep(Duration::from_secs(3600));
                }
            },
            |_| {},
        );
        crate::scope(|| {
            for item in 1..=3 {
                inbox.push(item);
            }
            crate::sleep(Duration::from_millis(20));
            assert_eq!(*got.borrow(), [1]);
        });
        crate::scope(|| wait_until("the rest of the batch", || got.borrow().len() == 3));
        assert_eq!(*got.borrow(), [1, 2, 3]);
    }

    /// An inbox of every item, whose handler counts what it is given.
    fn counting_inbox() -> (Arc<Inbox<u64>>, Registration, Rc<Cell<u64>>) {
        let seen = Rc::new(Cell::new(0u64));
        let (inbox, registration) = {
            let seen = seen.clone();
            register(
                Delivery::UNBOUNDED,
                move |_: u64, _| seen.set(seen.get() + 1),
                |_| {},
            )
        };
        (inbox, registration, seen)
    }

    /// Work that comes faster than one burst per window waits for the
    /// window's end, all of it delivered there; once a window passes quiet,
    /// the next push wakes the thread at once again.
    #[test]
    fn bursts_closer_than_the_window_wait_for_its_end_and_none_is_lost() {
        crate::scope(|| {
            let window = Duration::from_secs(2);
            set_thread_batch_window(window);
            assert_eq!(thread_batch_window(), window);
            let seen: Rc<RefCell<Vec<u64>>> = Rc::default();
            let (inbox, _registration) = {
                let seen = seen.clone();
                register(
                    Delivery::UNBOUNDED,
                    move |item: u64, _| seen.borrow_mut().push(item),
                    |_| {},
                )
            };
            let delivered = |n: usize| seen.borrow().len() == n;
            // Two bursts in quick succession: each wakes the thread, and the
            // second opens a window.
            inbox.push(0);
            wait_until("the first burst delivered", || delivered(1));
            inbox.push(1);
            wait_until("the second burst delivered", || delivered(2));
            assert!(dispatcher().ready.ids.lock().windowed, "a window is open");
            // A burst during the window wakes nobody: it waits for the end.
            let pushed = Instant::now();
            for item in 2..100 {
                inbox.push(item);
            }
            crate::sleep(Duration::from_millis(20));
            if pushed.elapsed() < window {
                assert!(delivered(2), "delivered before the window's end");
            }
            wait_until("the window's burst delivered", || delivered(100));
            assert_eq!(*seen.borrow(), (0..100).collect::<Vec<_>>());
            // A window that finds nothing ends the batching...
            wait_until("the batching ends", || !dispatcher().batching.get());
            assert!(!dispatcher().ready.ids.lock().windowed);
            // ...and the next push is delivered without waiting for a window.
            let pushed = Instant::now();
            inbox.push(100);
            wait_until("a push after a quiet window delivered", || delivered(101));
            assert!(pushed.elapsed() < window, "waited for a window");
            set_thread_batch_window(DEFAULT_BATCH_WINDOW);
        })
    }

    /// While every window finds work, each is twice as long as the last, up
    /// to the thread's window; a window that finds nothing ends the run, and
    /// the next starts at the first length (an eighth) again.
    #[test]
    fn windows_double_while_work_keeps_coming_and_start_short_again() {
        crate::scope(|| {
            let window = Duration::from_millis(400);
            set_thread_batch_window(window);
            let (inbox, _registration, seen) = counting_inbox();
            let open_window = || {
                let span = dispatcher().span.get();
                assert!(dispatcher().ready.ids.lock().windowed, "a window is open");
                span
            };
            let pushed = Cell::new(0u64);
            // Pushes one item and waits until the dispatcher has delivered it.
            let push = || {
                inbox.push(pushed.get());
                pushed.set(pushed.get() + 1);
                wait_until("the burst delivered", || seen.get() == pushed.get());
            };
            // Two bursts in quick succession open the first window...
            push();
            push();
            assert_eq!(open_window(), window / 8);
            // ...and each burst held by a window makes the next one longer.
            for opens in [window / 4, window / 2, window, window] {
                push();
                assert_eq!(open_window(), opens);
            }
            wait_until("a quiet window ends the batching", || {
                !dispatcher().batching.get()
            });
            // The next run of windows starts short again.
            push();
            assert!(!dispatcher().ready.ids.lock().windowed);
            push();
            assert_eq!(open_window(), window / 8);
            set_thread_batch_window(DEFAULT_BATCH_WINDOW);
        })
    }

    /// A zero window: every burst wakes the thread, none waits.
    #[test]
    fn a_zero_window_delivers_every_burst_at_once() {
        crate::scope(|| {
            set_thread_batch_window(Duration::ZERO);
            let (inbox, _registration, seen) = counting_inbox();
            for item in 0..20 {
                inbox.push(item);
                wait_until("the burst delivered", || seen.get() == item + 1);
                assert!(!dispatcher().ready.ids.lock().windowed);
            }
            set_thread_batch_window(DEFAULT_BATCH_WINDOW);
        })
    }

    #[test]
    fn bounded_inbox_keeps_the_newest_and_counts_the_merged() {
        crate::scope(|| {
            let (kept, merged) = flood(Delivery::All { limit: 8 }, 10_000);
            assert_eq!(kept, (9_992..10_000).collect::<Vec<_>>());
            // The first kept item stands for itself and every dropped one.
            assert_eq!(merged, 9_992);
        })
    }

    #[test]
    fn latest_inbox_keeps_one_standing_for_all() {
        crate::scope(|| {
            let (kept, merged) = flood(Delivery::Latest, 1_000);
            assert_eq!(kept, vec![999]);
            assert_eq!(merged, 999);
        })
    }

    /// One update at a time (a PV at a few hertz) needs room for one, in
    /// the inbox and in the handler's buffer; a burst grows it.
    #[test]
    fn an_inbox_fed_one_update_at_a_time_keeps_room_for_one() {
        crate::scope(|| {
            let (inbox, _registration) = register(Delivery::UNBOUNDED, |_: u64, _| {}, |_| {});
            let mut batch = VecDeque::new();
            for item in 0..3 {
                inbox.push(item);
                inbox.take_into(&mut batch);
                assert_eq!(batch.capacity(), 1);
                batch.clear();
            }
            for item in 0..5 {
                inbox.push(item);
            }
            inbox.take_into(&mut batch);
            assert_eq!(batch.len(), 5);
        })
    }

    /// A lone update goes to the handler by itself: the inbox keeps its
    /// buffer for the next one, and the handler needs none, so a quiet
    /// subscription holds one buffer, not two.
    #[test]
    fn a_lone_update_leaves_its_buffer_in_the_inbox() {
        crate::scope(|| {
            let delivered = Rc::new(RefCell::new(Vec::new()));
            let (inbox, registration) = {
                let delivered = Rc::clone(&delivered);
                register(
                    Delivery::UNBOUNDED,
                    move |item: u64, count| delivered.borrow_mut().push((item, count)),
                    |_| {},
                )
            };
            let handler = dispatcher().handlers.get(registration.id.get()).unwrap();
            for item in 0..3 {
                inbox.push(item);
                (handler.borrow_mut())();
                assert_eq!(inbox.state.lock().items.capacity(), 1);
            }
            for item in 3..6 {
                inbox.push(item);
            }
            (handler.borrow_mut())();
            let expected: Vec<(u64, u64)> = (0..6).map(|item| (item, 1)).collect();
            assert_eq!(*delivered.borrow(), expected);
        })
    }

    #[test]
    fn a_buffer_grown_by_a_backlog_shrinks_once_bursts_are_small_again() {
        crate::scope(|| {
            let mut batch: VecDeque<u64> = VecDeque::with_capacity(10_000);
            trim(&mut batch, 9_000); // a burst that used it: kept
            assert!(batch.capacity() >= 10_000);
            trim(&mut batch, 3); // a small one after it: given back
            assert!(batch.capacity() <= 2 * KEPT_BATCH, "{}", batch.capacity());
            let mut small: VecDeque<u64> = VecDeque::with_capacity(1);
            trim(&mut small, 1); // a quiet subscription's room stays as it is
            assert_eq!(small.capacity(), 1);
        })
    }

    #[test]
    fn inboxes_of_updates_that_fall_behind_together_keep_within_the_threads_backlog() {
        crate::scope(|| {
            set_thread_backlog(10);
            let inboxes: Vec<_> = (0..3)
                .map(|_| register(Delivery::Updates { limit: 10_000 }, |_: u64, _| {}, |_| {}))
                .collect();
            for item in 0..1_000 {
                for (inbox, _) in &inboxes {
                    inbox.push(item);
                }
            }
            assert!(dispatcher().ready.budget.queued() <= 10 + 3);
            let mut waiting = 0;
            for (inbox, _) in &inboxes {
                let mut batch = VecDeque::new();
                let merged = inbox.take_into(&mut batch);
                assert_eq!(batch.back(), Some(&999), "each keeps its latest");
                assert_eq!(merged + batch.len() as u64, 1_000, "every update counted");
                waiting += batch.len();
            }
            assert!(waiting <= 10 + 3, "{waiting} waiting");
            assert_eq!(dispatcher().ready.budget.queued(), 0);
            // An inbox dropped with items waiting gives their room back.
            let (inbox, registration) =
                register(Delivery::Updates { limit: 10 }, |_: u64, _| {}, |_| {});
            inbox.push(1);
            inbox.push(2);
            assert_eq!(dispatcher().ready.budget.queued(), 2);
            drop((inbox, registration));
            assert_eq!(dispatcher().ready.budget.queued(), 0);
            set_thread_backlog(DEFAULT_THREAD_BACKLOG);
        })
    }

    #[test]
    fn unbounded_inbox_keeps_every_item() {
        crate::scope(|| {
            let (kept, merged) = flood(Delivery::UNBOUNDED, 10_000);
            assert_eq!(kept.len(), 10_000);
            assert_eq!(merged, 0);
        })
    }
}
