//! A subscription as a [`Stream`]: libca's threads push each update into a
//! bounded buffer and wake the task that polls the stream.
//!
//! Invariants:
//! - The buffer (`State`) is shared by the [`Updates`] (its owner, which
//!   polls and drops it) and two closures on libca's threads: the
//!   subscription's update callback and the channel listener. Its mutex is
//!   held for a push or a take and nothing else, never while waking.
//! - The buffer never holds more than its limit: one update when updates
//!   merge (the default), the options' [`Monitor::backlog`] (10,000 by
//!   default) with `all_updates`. A push into a
//!   full buffer merges the oldest update into the next one (which then
//!   stands for both, in `meta.update_count`), so nothing grows without
//!   bound and the count of updates is kept.
//! - The bounded `all_updates` buffers of the process also share one
//!   budget ([`set_stream_backlog`], an `UpdateBudget`), which counts the items they hold
//!   (changed under each buffer's mutex, with every push and take). Over
//!   the budget, a push into a buffer that holds an update merges the
//!   newest one into the incoming update rather than grow; errors never
//!   merge.
//! - The libca subscription is created inside `poll_next`, on the polling
//!   thread, once the channel has connected (at once if it was connected
//!   at the first poll; otherwise after the listener reported the
//!   connection and woke the task). It is created once: libca keeps it
//!   across disconnection and reconnection.
//! - Dropping the stream removes the listener and clears the subscription
//!   (`ca_clear_subscription`, which returns only once no update callback
//!   for it runs); later pushes of a listener call already running find the
//!   buffer closed and drop their update.

use std::collections::VecDeque;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use futures_core::Stream;
use parking_lot::Mutex;

use crate::ca::{self, CallbackId, Channel, ChannelEvent, ReadRequest};
use crate::ca_types::CompactReading;
use crate::catools::handoff::UpdateBudget;
use crate::catools::{convert_update, CaError, EventMask, FromReading, Monitor, StartFailure};
use crate::diagnostics::{self, Diagnostic};

/// What crosses from libca's thread: a compact reading or a (rare, so
/// boxed) error.
type Update = Result<CompactReading, Box<CaError>>;

struct Item {
    update: Update,
    /// How many updates this one stands for.
    count: u64,
}

/// The updates the bounded `all_updates` streams of the process hold
/// together, and their budget (see [`set_stream_backlog`]).
static STREAM_BACKLOG: UpdateBudget = UpdateBudget::new(DEFAULT_STREAM_BACKLOG);

/// The budget the process starts with: a million waiting updates (about
/// 64 MB), a hundred for each of 10,000 streams.
pub const DEFAULT_STREAM_BACKLOG: usize = 1_000_000;

/// Sets how many updates the process's `all_updates` streams may hold
/// waiting to be read, together (default [`DEFAULT_STREAM_BACKLOG`]).
///
/// Each stream's [`Monitor::backlog`] bounds it alone; this bounds them
/// together, for a program whose many streams fall behind at once (a burst
/// across 100,000 PVs, or a reader stalled on slow I/O). Once the streams
/// hold this many, a stream that already has an update waiting merges the
/// newest into the next: `meta.update_count` says how many updates a
/// delivered one stands for, and every stream keeps its latest. Streams
/// with [`Backlog::Unbounded`](crate::catools::Backlog::Unbounded) are not
/// counted (nor the default merged ones, which hold one update each). The
/// cothread face's subscriptions have their own, per thread
/// ([`catools::set_thread_backlog`](crate::catools::set_thread_backlog)).
///
/// ```
/// cothread::catools_async::set_stream_backlog(100_000);
/// assert_eq!(cothread::catools_async::stream_backlog(), 100_000);
/// ```
pub fn set_stream_backlog(updates: usize) {
    STREAM_BACKLOG.set_limit(updates);
}

/// How many updates the process's streams may hold waiting together; see
/// [`set_stream_backlog`].
pub fn stream_backlog() -> usize {
    STREAM_BACKLOG.limit()
}

struct State {
    items: VecDeque<Item>,
    limit: usize,
    /// The shared budget this buffer counts against (`None`: one that holds
    /// one update, or is unbounded).
    backlog: Option<&'static UpdateBudget>,
    waker: Option<Waker>,
    /// The channel connected: the owner should start the subscription.
    start: bool,
    closed: bool,
    /// Updates dropped for room with no update waiting to count them (only
    /// errors were): the next update pushed counts them.
    carried: u64,
}

impl State {
    /// Makes room for one more item in a full buffer: the oldest update
    /// that is followed by another merges into it; failing that (errors in
    /// between), the newest queued update merges into `incoming`; failing
    /// that, the oldest item goes, and the updates it stood for are counted
    /// by the next update waiting, or else by the next pushed.
    fn make_room(&mut self, incoming: &mut Item) {
        let pair = (0..self.items.len().saturating_sub(1))
            .find(|&i| self.items[i].update.is_ok() && self.items[i + 1].update.is_ok());
        if let Some(i) = pair {
            let oldest = self.items.remove(i).expect("index in range");
            self.items[i].count += oldest.count;
            return;
        }
        if incoming.update.is_ok() && self.items.back().is_some_and(|last| last.update.is_ok()) {
            let newest = self.items.pop_back().expect("not empty");
            incoming.count += newest.count;
            return;
        }
        let dropped = self
            .items
            .pop_front()
            .expect("a full buffer holds something");
        if dropped.update.is_ok() {
            match self.items.iter_mut().find(|item| item.update.is_ok()) {
                Some(next) => next.count += dropped.count,
                None if incoming.update.is_ok() => incoming.count += dropped.count,
                None => self.carried += dropped.count,
            }
        }
    }
}

/// The buffer's handle for libca's threads.
#[derive(Clone)]
struct Buffer {
    state: Arc<Mutex<State>>,
}

impl Buffer {
    /// An empty buffer of `limit` updates, counted against `backlog` when it
    /// holds more than one and is bounded.
    fn new(limit: usize, backlog: &'static UpdateBudget) -> Buffer {
        Buffer {
            state: Arc::new(Mutex::new(State {
                items: VecDeque::new(),
                limit,
                backlog: (limit > 1 && limit != usize::MAX).then_some(backlog),
                waker: None,
                start: false,
                closed: false,
                carried: 0,
            })),
        }
    }

    fn push(&self, update: Update) {
        let mut incoming = Item { update, count: 1 };
        let mut state = self.state.lock();
        if state.closed {
            drop(state);
            drop(incoming);
            return;
        }
        if incoming.update.is_ok() {
            incoming.count += std::mem::take(&mut state.carried);
        }
        let before = state.items.len();
        if before >= state.limit {
            state.make_room(&mut incoming);
        } else if state.backlog.is_some_and(UpdateBudget::is_spent)
            && incoming.update.is_ok()
            && state.items.back().is_some_and(|last| last.update.is_ok())
        {
            // Over the process's budget: the newest waiting update merges
            // into this one.
            let newest = state.items.pop_back().expect("not empty");
            incoming.count += newest.count;
        }
        state.items.push_back(incoming);
        // Grown by one (a merge above keeps the length as it was).
        if let Some(backlog) = state.backlog.filter(|_| state.items.len() > before) {
            backlog.add(1);
        }
        let waker = state.waker.take();
        drop(state);
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// Closes the buffer (later pushes drop their update) and hands back
    /// what it held, and its waker, for the caller to drop outside the lock.
    fn close(&self) -> (VecDeque<Item>, Option<Waker>) {
        let mut state = self.state.lock();
        state.closed = true;
        let items = std::mem::take(&mut state.items);
        if let Some(backlog) = state.backlog {
            backlog.remove(items.len());
        }
        (items, state.waker.take())
    }

    fn connected(&self) {
        let mut state = self.state.lock();
        state.start = true;
        let waker = state.waker.take();
        drop(state);
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

/// A subscription's updates as a [`Stream`] of `Result<T, CaError>`: made
/// by [`camonitor`](super::camonitor) / [`camonitor_with`](super::camonitor_with).
///
/// The first item is the PV's value when the subscription starts, then
/// every change (merged while the reader is busy, or all of them, per
/// [`Monitor::all_updates`]); with [`Monitor::notify_disconnect`] a
/// disconnect arrives as an error item, and updates resume by themselves
/// when the server returns. The stream never ends by itself: drop it to
/// clear the subscription.
#[must_use = "a stream does nothing unless polled; dropping it ends the subscription"]
pub struct Updates<T: FromReading> {
    channel: Channel,
    buffer: Buffer,
    listener: Option<CallbackId>,
    subscription: Option<ca::EventSubscription>,
    request: ReadRequest,
    events: EventMask,
    notify_disconnect: bool,
    started: bool,
    _type: PhantomData<fn() -> T>,
}

impl<T: FromReading> Updates<T> {
    pub(super) fn new(options: &Monitor, pv: &str) -> Result<Updates<T>, CaError> {
        let events = options.checked_event_mask(pv)?;
        let channel = Channel::open(pv)?;
        let limit = if options.wants_all_updates() {
            options.backlog_limit()
        } else {
            1
        };
        let buffer = Buffer::new(limit, &STREAM_BACKLOG);
        let notify_disconnect = options.notifies_disconnect();
        let listener = {
            let buffer = buffer.clone();
            let name = Arc::clone(channel.name());
            channel.add_listener(Arc::new(move |event: &ChannelEvent| match event {
                event if event.may_start_subscription() => buffer.connected(),
                ChannelEvent::Disconnected if notify_disconnect => {
                    buffer.push(Err(Box::new(CaError::new(
                        &*name,
                        libca_sys::ECA_DISCONN,
                        "camonitor",
                    ))));
                }
                _ => {}
            }))
        };
        // Connected before the listener came: start at the first poll.
        if channel.is_connected() {
            buffer.state.lock().start = true;
        }
        Ok(Updates {
            channel,
            buffer,
            listener: Some(listener),
            subscription: None,
            request: options.read_request::<T>(pv),
            events,
            notify_disconnect,
            started: false,
            _type: PhantomData,
        })
    }

    /// The PV name.
    pub fn name(&self) -> &str {
        self.channel.name()
    }

    /// Counts the handles of the buffer (this stream's included, while it
    /// lives), for tests that prove the libca side let go of it.
    #[cfg(test)]
    pub(super) fn buffer_handles(&self) -> impl Fn() -> usize {
        let buffer = Arc::downgrade(&self.buffer.state);
        move || buffer.strong_count()
    }

    /// The next update: `None` never comes (the stream ends only when
    /// dropped). The same as `StreamExt::next` of the `futures` crate, for
    /// callers without it.
    // Not Iterator::next: this one is awaited (StreamExt::next's name).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Next<'_, T> {
        Next { updates: self }
    }

    /// Creates the libca subscription on the connected channel; the error
    /// (e.g. no read access, which the CA layer refuses rather than
    /// subscribe to nothing) if that fails.
    fn start(&mut self) -> Result<(), CaError> {
        self.started = true;
        let buffer = self.buffer.clone();
        let subscription =
            self.channel
                .subscribe_readings(self.request, self.events, move |update| {
                    buffer.push(update);
                })?;
        self.subscription = Some(subscription);
        // The subscription exists; a failed flush only delays it to the
        // next one.
        if let Err(err) = ca::flush_io() {
            diagnostics::report(Diagnostic::FlushFailed(err));
        }
        Ok(())
    }

    fn convert(&self, item: Item) -> Result<T, CaError> {
        let name = self.channel.name();
        convert_update(name, item.update, item.count)
    }
}

impl<T: FromReading> Stream for Updates<T> {
    type Item = Result<T, CaError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            let mut state = this.buffer.state.lock();
            if let Some(item) = state.items.pop_front() {
                if let Some(backlog) = state.backlog {
                    backlog.remove(1);
                }
                drop(state);
                return Poll::Ready(Some(this.convert(item)));
            }
            if !std::mem::take(&mut state.start) || this.started {
                match &state.waker {
                    Some(waker) if waker.will_wake(cx.waker()) => {}
                    _ => state.waker = Some(cx.waker().clone()),
                }
                return Poll::Pending;
            }
            drop(state);
            if let Err(err) = this.start() {
                let failure = StartFailure::of(&err);
                if failure.retries() {
                    this.started = false;
                }
                if !failure.is_told() {
                    continue;
                }
                if this.notify_disconnect {
                    return Poll::Ready(Some(Err(err)));
                }
                // As the cothread face: reported, not delivered.
                diagnostics::report(Diagnostic::MonitorFailed(err));
            }
        }
    }
}

impl<T: FromReading> Drop for Updates<T> {
    fn drop(&mut self) {
        if let Some(listener) = self.listener.take() {
            self.channel.remove_listener(listener);
        }
        // Clears the subscription: no update callback runs after this.
        // libca only queues the clear: send it, or the server keeps the
        // subscription (and sends updates that libca discards) until
        // something else flushes, as the cothread face does.
        if let Some(subscription) = self.subscription.take() {
            drop(subscription);
            if let Err(err) = ca::flush_io() {
                diagnostics::report(Diagnostic::FlushFailed(err));
            }
        }
        drop(self.buffer.close());
    }
}

impl<T: FromReading> std::fmt::Debug for Updates<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Updates")
            .field("pv", &self.name())
            .field("subscribed", &self.subscription.is_some())
            .finish_non_exhaustive()
    }
}

/// The future of [`Updates::next`].
#[must_use = "futures do nothing unless awaited"]
pub struct Next<'a, T: FromReading> {
    updates: &'a mut Updates<T>,
}

impl<T: FromReading> Future for Next<'_, T> {
    type Output = Option<Result<T, CaError>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut *self.get_mut().updates).poll_next(cx)
    }
}

impl<T: FromReading> std::fmt::Debug for Next<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Next")
            .field("updates", &self.updates)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ca_types::{FieldType, Format, InlineMeta, Value};

    fn update(x: f64) -> Update {
        Ok(CompactReading::inline(
            Value::Double(x),
            FieldType::Double,
            1,
            Format::Raw,
            InlineMeta::Plain,
        ))
    }

    /// Each item's value (`None` for an error) and count.
    fn held(buffer: &Buffer) -> Vec<(Option<f64>, u64)> {
        let state = buffer.state.lock();
        let value = |item: &Item| match &item.update {
            Ok(reading) => match reading.value {
                Value::Double(x) => Some(x),
                _ => None,
            },
            Err(_) => None,
        };
        state
            .items
            .iter()
            .map(|item| (value(item), item.count))
            .collect()
    }

    /// Before, the oldest item went with the updates it stood for: a
    /// disconnect arriving behind five merged updates lost their count.
    #[test]
    fn an_update_dropped_for_room_is_counted_by_the_next() {
        let backlog: &'static UpdateBudget = Box::leak(Box::new(UpdateBudget::new(100)));
        let latest = Buffer::new(1, backlog);
        for x in 1..=5 {
            latest.push(update(f64::from(x)));
        }
        assert_eq!(held(&latest), vec![(Some(5.0), 5)]);
        let disconnect = || {
            Err(Box::new(CaError::new(
                "pv",
                libca_sys::ECA_DISCONN,
                "camonitor",
            )))
        };
        latest.push(disconnect());
        // The error is kept, and the next update counts the five.
        assert_eq!(held(&latest), vec![(None, 1)]);
        latest.push(update(6.0));
        assert_eq!(held(&latest), vec![(Some(6.0), 6)]);
        // In a longer buffer, the next waiting update counts them.
        let two = Buffer::new(2, backlog);
        two.push(update(1.0));
        two.push(update(2.0));
        two.push(disconnect());
        two.push(update(3.0));
        two.push(update(4.0));
        two.push(disconnect());
        assert_eq!(held(&two), vec![(Some(4.0), 4), (None, 1)]);
    }

    #[test]
    fn streams_over_the_shared_budget_merge_their_newest_and_keep_every_count() {
        let backlog: &'static UpdateBudget = Box::leak(Box::new(UpdateBudget::new(3)));
        let (a, b) = (Buffer::new(100, backlog), Buffer::new(100, backlog));
        a.push(update(1.0));
        a.push(update(2.0));
        b.push(update(10.0));
        assert_eq!(backlog.queued(), 3);
        // At the budget: each push into a buffer that holds an update
        // merges the newest into the incoming one.
        b.push(update(11.0));
        a.push(update(3.0));
        a.push(update(4.0));
        assert_eq!(held(&a), vec![(Some(1.0), 1), (Some(4.0), 3)]);
        assert_eq!(held(&b), vec![(Some(11.0), 2)]);
        assert_eq!(backlog.queued(), 3);
        // An error never merges (nor does an update after it).
        a.push(Err(Box::new(CaError::new(
            "pv",
            libca_sys::ECA_DISCONN,
            "camonitor",
        ))));
        a.push(update(5.0));
        assert_eq!(
            held(&a),
            vec![(Some(1.0), 1), (Some(4.0), 3), (None, 1), (Some(5.0), 1)]
        );
        assert_eq!(backlog.queued(), 5);
        // A buffer that holds nothing takes its first update whatever the
        // budget says; one that is not counted is not held to it.
        let c = Buffer::new(100, backlog);
        c.push(update(20.0));
        assert_eq!(held(&c), vec![(Some(20.0), 1)]);
        let merged = Buffer::new(1, backlog);
        merged.push(update(30.0));
        assert_eq!(backlog.queued(), 6);
        // Closing a buffer gives its items back to the budget, and a push
        // after that is dropped.
        drop(a.close());
        a.push(update(6.0));
        assert_eq!(held(&a), vec![]);
        assert_eq!(backlog.queued(), 2);
    }
}
