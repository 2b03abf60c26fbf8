//! `camonitor`: subscriptions whose updates reach a callback on the
//! dispatcher cothread, merged or every one, with disconnects reported when
//! asked for.
//!
//! Invariants:
//! - A subscription's libca side is created on the scheduler thread, once,
//!   as soon as its channel is connected (at once, or handed over from the
//!   connection listener by a remote call that carries only the
//!   subscription's id; the id is looked up in this thread's `LIVE` table,
//!   so a subscription closed meanwhile is simply not created).
//! - libca keeps a subscription across disconnection and reconnection and
//!   sends the current value again on reconnection: nothing here needs to
//!   subscribe twice.
//! - [`Subscription::close`] (or drop) clears the libca subscription, the
//!   channel listener and the dispatcher handler; updates already queued are
//!   dropped with the handler. So does a panic in the callback (reported once
//!   as a [`Diagnostic::CallbackPanicked`]), which the handle then shows as
//!   [`CloseReason::CallbackPanicked`].
//! - A detached subscription is owned by its thread's `DETACHED` table until
//!   it closes: when the thread exits, the table's destructor closes every
//!   one, so libca stops feeding inboxes that nobody drains.
//! - With `all_updates`, at most [`Backlog`] updates wait for the callback;
//!   beyond that the oldest merge (see [`Monitor::backlog`]).
//! - With `on_connection` or `on_access`, the subscription owns a watch of
//!   its channel (see [`events`](super::events)) and closes it with itself;
//!   a panic in either callback closes the subscription as one in the
//!   update callback does.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::events::{run_reported, AccessRights, ChannelEvent as PublicEvent, Watcher};
use super::get::{convert_update, FromReading};
use super::handoff::dispatch::{self, Delivery, Inbox, Registration};
use super::timeout::CaTimeout;
use super::{CaError, Count, DataType, EventMask, Format};
use crate::ca::{self, CallbackId, Channel, ChannelEvent, Listen, ReadRequest};
use crate::ca_types::CompactReading;
use crate::diagnostics::{self, Diagnostic};
use crate::id_table::{new_id, IdTable};

mod direct;
pub(super) use direct::in_libca_callback;
pub use direct::DirectSubscription;

/// What crosses from libca's thread to the dispatcher: a compact reading,
/// or a (rare, so boxed) error, in 64 bytes.
type Update = Result<CompactReading, Box<CaError>>;

/// A subscription's inbox, which is also its channel's listener: one
/// allocation shared with libca's threads (see [`Feed`]).
type FeedInbox = Inbox<Update, Feed>;

/// What libca's threads need of a subscription besides its inbox, kept in
/// the inbox (one allocation per subscription, not one each).
struct Feed {
    /// Set by whoever starts the libca subscription (exactly once).
    started: AtomicBool,
    notify_disconnect: bool,
    /// The channel's name, for a disconnect's error.
    name: Arc<str>,
}

thread_local! {
    /// This thread's open subscriptions, for the messages that name one by
    /// id (a connection handed over by a remote call, a panic of its
    /// callback). Weak: a handle (or `DETACHED`) owns each.
    static LIVE: IdTable<Weak<Inner>> = IdTable::new();
    /// The detached subscriptions of this thread, closed when it exits.
    static DETACHED: Detached = Detached::default();
}

/// The owner of a thread's detached subscriptions (strong, by the same id
/// as in `LIVE`).
#[derive(Default)]
struct Detached(IdTable<Rc<Inner>>);

impl Drop for Detached {
    /// At the thread's exit: closes every detached subscription, and sends
    /// the cancellations at once (no scheduler cycle will), also those of
    /// whatever their callbacks owned (a `Pv`, say).
    fn drop(&mut self) {
        for inner in self.0.take_all() {
            inner.close(CloseReason::ThreadExited);
        }
        if let Err(err) = ca::flush_io() {
            diagnostics::report(Diagnostic::FlushFailed(err));
        }
    }
}

/// How many updates of an `all_updates` subscription may wait for its
/// callback.
///
/// When a callback is slower than the PV, updates queue up. With a bounded
/// backlog (the default: [`Backlog::DEFAULT`], 10,000 updates), a full queue
/// makes room by merging its oldest update into the next one: that one's
/// `meta.update_count` then says how many updates it stands for, so the
/// callback learns that it overran (with `all_updates` the count is
/// otherwise always 1) and no update goes uncounted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backlog {
    /// At most this many (at least 1) waiting updates.
    Bounded(usize),
    /// Keep every update however far the callback falls behind (memory
    /// grows without bound, as in Python's catools).
    Unbounded,
}

impl Backlog {
    /// The default bound: 10,000 waiting updates per subscription, about 45 ms
    /// of a PV updating 220,000 times a second (the rate one client sees from
    /// a local softIoc): generous for bursts, bounded for a callback that
    /// falls behind for good.
    pub const DEFAULT: Backlog = Backlog::Bounded(10_000);
}

impl Default for Backlog {
    fn default() -> Self {
        Backlog::DEFAULT
    }
}

/// Why a [`Subscription`] delivers no more updates.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CloseReason {
    /// Its owner closed (or dropped) it.
    Closed,
    /// Its callback panicked with this message (reported once as a
    /// [`Diagnostic::CallbackPanicked`]), and it was closed.
    CallbackPanicked(String),
    /// It was detached and the thread that made it exited.
    ThreadExited,
}

/// A panic that a callback's owner has already reported: a wrapper such as a
/// `Pv` re-raises its user's panic with this payload, so that the
/// subscription closes without a second report.
pub(crate) struct ReportedPanic(pub(crate) String);

/// The options of a subscription: `camonitor` with everything Python's
/// catools takes.
///
/// ```no_run
/// use cothread::catools::{Augmented, Format, Monitor};
/// let subscription = Monitor::new()
///     .format(Format::Time)
///     .notify_disconnect(true)
///     .subscribe("SR:DCCT", |update: Result<Augmented<f64>, _>| match update {
///         Ok(value) => println!("{} {}", value.name(), value.value),
///         Err(err) => println!("{err}"),
///     })?;
/// cothread::sleep(std::time::Duration::from_secs(10));
/// subscription.close();
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Monitor {
    events: Option<EventMask>,
    datatype: Option<DataType>,
    format: Format,
    count: Count,
    all_updates: bool,
    backlog: Backlog,
    notify_disconnect: bool,
    connect_timeout: Option<CaTimeout>,
    on_connection: Option<EventCallback>,
    on_access: Option<EventCallback>,
}

/// A callback of [`Monitor::on_connection`] or [`Monitor::on_access`],
/// shared by every subscription made with the options.
#[derive(Clone)]
struct EventCallback(Rc<RefCell<dyn FnMut(PublicEvent)>>);

impl EventCallback {
    fn new(callback: impl FnMut(PublicEvent) + 'static) -> EventCallback {
        EventCallback(Rc::new(RefCell::new(callback)))
    }

    /// Calls it with `event`; a panic is reported once as one of `label`.
    fn call(&self, label: &'static str, event: PublicEvent) {
        let pv = event.pv().to_string();
        run_reported(label, &pv, || (self.0.borrow_mut())(event));
    }
}

impl std::fmt::Debug for EventCallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EventCallback")
    }
}

impl Monitor {
    /// The defaults: the format's events, the requested Rust type's natural
    /// DBR type, [`Format::Raw`], [`Count::Current`], updates merged, no
    /// disconnect reports, no connect timeout.
    pub fn new() -> Monitor {
        Monitor::default()
    }

    /// Which events to be told about (default: by format, see
    /// [`Format::default_events`]). An empty mask is an error at the call.
    pub fn events(mut self, events: EventMask) -> Monitor {
        self.events = Some(events);
        self
    }

    /// The DBR type to ask the server for.
    pub fn datatype(mut self, datatype: DataType) -> Monitor {
        self.datatype = Some(datatype);
        self
    }

    /// How much metadata each update carries.
    pub fn format(mut self, format: Format) -> Monitor {
        self.format = format;
        self
    }

    /// How many elements each update carries.
    pub fn count(mut self, count: Count) -> Monitor {
        self.count = count;
        self
    }

    /// Deliver every update in order (`true`), or merge the updates that
    /// arrive while the callback is busy into the latest, whose
    /// `meta.update_count` says how many it stands for (`false`, default).
    /// Every update in order means up to the [`backlog`](Self::backlog).
    pub fn all_updates(mut self, all: bool) -> Monitor {
        self.all_updates = all;
        self
    }

    /// With `all_updates`, how many updates may wait for a busy callback
    /// (default [`Backlog::DEFAULT`]); beyond that the oldest merge, and the
    /// merged update's `meta.update_count` says how many it stands for. The
    /// thread's subscriptions together also keep within the thread's
    /// backlog ([`set_thread_backlog`](super::set_thread_backlog)).
    pub fn backlog(mut self, backlog: Backlog) -> Monitor {
        self.backlog = backlog;
        self
    }

    /// Report a disconnect (and a channel without read access) as an error
    /// update; updates resume by themselves when the server returns (or
    /// grants read access).
    pub fn notify_disconnect(mut self, notify: bool) -> Monitor {
        self.notify_disconnect = notify;
        self
    }

    /// Report one disconnect-style error if the channel has not connected by
    /// then (even without `notify_disconnect`); a later connection still
    /// delivers updates.
    pub fn connect_timeout(mut self, timeout: impl Into<CaTimeout>) -> Monitor {
        self.connect_timeout = Some(timeout.into());
        self
    }

    /// Calls `callback` with a [`ChannelEvent::Connected`](PublicEvent::Connected)
    /// (the server's `host:port`, native type and count, access rights) each
    /// time the channel connects, and a
    /// [`ChannelEvent::Disconnected`](PublicEvent::Disconnected) each time it
    /// loses its server, on the cothread that runs the update callbacks; first
    /// with the channel's state when the subscription starts, if connected.
    /// Python's pyepics `connection_callback`. A panic in it closes the
    /// subscription, as one in the update callback does.
    ///
    /// ```no_run
    /// use cothread::catools::{ChannelEvent, Monitor};
    /// let _subscription = Monitor::new()
    ///     .on_connection(|event| match event {
    ///         ChannelEvent::Connected(info) => println!("served by {}", info.host),
    ///         other => println!("{other}"),
    ///     })
    ///     .subscribe("SR:DCCT", |update: Result<f64, _>| println!("{update:?}"))?;
    /// # Ok::<(), cothread::catools::CaError>(())
    /// ```
    pub fn on_connection(mut self, callback: impl FnMut(PublicEvent) + 'static) -> Monitor {
        self.on_connection = Some(EventCallback::new(callback));
        self
    }

    /// Calls `callback` with a
    /// [`ChannelEvent::AccessChanged`](PublicEvent::AccessChanged) telling
    /// this client's access rights each time the channel connects and each
    /// time the server changes them while connected, on the cothread that
    /// runs the update callbacks. Python's pyepics `access_callback`. A panic
    /// in it closes the subscription, as one in the update callback does.
    pub fn on_access(mut self, callback: impl FnMut(PublicEvent) + 'static) -> Monitor {
        self.on_access = Some(EventCallback::new(callback));
        self
    }

    /// Subscribes to one PV. Never suspends: the subscription starts when the
    /// channel connects.
    ///
    /// If `callback` panics, the subscription closes: the panic is reported
    /// once through [`diagnostics`](crate::diagnostics), and
    /// [`Subscription::close_reason`] says so.
    pub fn subscribe<T, F>(&self, pv: &str, mut callback: F) -> Result<Subscription, CaError>
    where
        T: FromReading + 'static,
        F: FnMut(Result<T, CaError>) + 'static,
    {
        let events = self.checked_event_mask(pv)?;
        super::may_run_callbacks(pv, "camonitor")?;
        let channel = Channel::open(pv)?;
        // The channel's own name, shared: no copy per subscription.
        let name: Arc<str> = Arc::clone(channel.name());
        let delivery = match (self.all_updates, self.backlog) {
            (false, _) => Delivery::Latest,
            (true, Backlog::Bounded(limit)) => Delivery::Updates { limit },
            (true, Backlog::Unbounded) => Delivery::UNBOUNDED,
        };
        // One id for the subscription, its handler and its inbox.
        let id = new_id();
        let on_panic = move |panic| callback_panicked(id, panic);
        let feed = Feed {
            started: AtomicBool::new(false),
            notify_disconnect: self.notify_disconnect,
            name,
        };
        let mut carried = CarriedCount::default();
        let handler = move |update: Update, count: u64, feed: &Feed| {
            let count = carried.count(update.is_ok(), count);
            callback(convert_update(&feed.name, update, count));
        };
        let (inbox, registration) = dispatch::register_with(id, delivery, feed, handler, on_panic);
        let request = ReadRequest {
            datatype: DataType::resolve(pv, self.datatype, T::requested_type()),
            format: self.format,
            count: self.count,
        };
        let inner = Rc::new(Inner {
            channel: channel.clone(),
            inbox,
            libca: RefCell::new(Libca::Waiting(request, events, None)),
            listener: Cell::new(None),
            registration: Cell::new(Some(registration)),
            closed: OnceCell::new(),
            detached: Cell::new(false),
            channel_events: Cell::new(None),
        });
        LIVE.with(|live| live.insert(id, Rc::downgrade(&inner)));
        inner.channel_events.set(self.watch_events(&channel, id));
        inner.listen();
        if channel.is_connected() && !inner.feed().started.swap(true, Ordering::AcqRel) {
            inner.start();
        }
        if let Some(timeout) = self.connect_timeout {
            if let Libca::Waiting(_, _, timer) = &mut *inner.libca.borrow_mut() {
                *timer = ConnectTimer::start(Rc::downgrade(&inner), timeout);
            }
        }
        Ok(Subscription { inner })
    }

    /// The watch that calls `on_connection` and `on_access` for the
    /// subscription `id` on `channel`, if either is set.
    fn watch_events(&self, channel: &Channel, id: u64) -> Option<Rc<Watcher>> {
        if self.on_connection.is_none() && self.on_access.is_none() {
            return None;
        }
        let on_connection = self.on_connection.clone();
        let on_access = self.on_access.clone();
        let route = move |event: PublicEvent, _index| {
            // A connection tells the rights too, to `on_access`.
            let access = match &event {
                PublicEvent::Connected(info) => Some(PublicEvent::AccessChanged {
                    pv: info.name.clone(),
                    access: AccessRights::of(info),
                }),
                _ => None,
            };
            match (event, &on_connection, &on_access) {
                (event @ PublicEvent::AccessChanged { .. }, _, Some(on_access)) => {
                    on_access.call("camonitor on_access", event);
                }
                (PublicEvent::AccessChanged { .. }, _, None) => {}
                (event, Some(on_connection), _) => {
                    on_connection.call("camonitor on_connection", event);
                }
                (_, None, _) => {}
            }
            // Not after `on_connection` closed the subscription.
            if let (Some(on_access), Some(access)) = (&on_access, access) {
                if is_open(id) {
                    on_access.call("camonitor on_access", access);
                }
            }
        };
        let on_panic = move |message| close_by_id(id, CloseReason::CallbackPanicked(message));
        Some(Watcher::start(
            vec![channel.clone()],
            "camonitor",
            route,
            on_panic,
        ))
    }

    /// Subscribes to many PVs with one callback, called as `callback(update,
    /// index)` with the PV's index in `pvs`.
    pub fn subscribe_list<T, F, S>(
        &self,
        pvs: &[S],
        callback: F,
    ) -> Result<Vec<Subscription>, CaError>
    where
        T: FromReading + 'static,
        F: FnMut(Result<T, CaError>, usize) + 'static,
        S: AsRef<str>,
    {
        let callback = Rc::new(RefCell::new(callback));
        pvs.iter()
            .enumerate()
            .map(|(index, pv)| {
                let callback = Rc::clone(&callback);
                self.subscribe(pv.as_ref(), move |update| {
                    (callback.borrow_mut())(update, index)
                })
            })
            .collect()
    }
}

/// The options as the async face (`crate::catools_async`) reads them.
impl Monitor {
    /// The events asked for (the format's when none were given).
    pub(crate) fn event_mask(&self) -> EventMask {
        self.events.unwrap_or_else(|| self.format.default_events())
    }

    /// The event mask, or the error both faces give for one that selects no
    /// event.
    pub(crate) fn checked_event_mask(&self, pv: &str) -> Result<EventMask, CaError> {
        let events = self.event_mask();
        if !events.is_valid() {
            return Err(
                CaError::new(pv, libca_sys::ECA_BADMASK, "camonitor").with_detail(format!(
                    "event mask {:#x}: give at least one of DBE_VALUE, DBE_LOG, DBE_ALARM, DBE_PROPERTY",
                    events.bits()
                )),
            );
        }
        Ok(events)
    }

    /// The read request of each update, for `T` on `pv`.
    pub(crate) fn read_request<T: FromReading>(&self, pv: &str) -> ReadRequest {
        ReadRequest {
            datatype: DataType::resolve(pv, self.datatype, T::requested_type()),
            format: self.format,
            count: self.count,
        }
    }

    /// How many waiting updates a subscription keeps ([`Monitor::backlog`]).
    pub(crate) fn backlog_limit(&self) -> usize {
        match self.backlog {
            Backlog::Bounded(n) => n.max(1),
            Backlog::Unbounded => usize::MAX,
        }
    }

    /// Whether every update is wanted (`all_updates`).
    pub(crate) fn wants_all_updates(&self) -> bool {
        self.all_updates
    }

    /// Whether disconnects are reported (`notify_disconnect`).
    pub(crate) fn notifies_disconnect(&self) -> bool {
        self.notify_disconnect
    }
}

/// Subscribes to one PV with the default options: `callback` gets the
/// current value, then every change, on the cothread that runs all monitor
/// callbacks, until the returned [`Subscription`] is closed or dropped.
///
/// Keep the subscription: dropping it ends the updates, so
/// `camonitor(pv, callback)?;` on its own would deliver nothing (the compiler
/// warns, as the type is `#[must_use]`). Bind it for as long as updates
/// should come, or [`detach`](Subscription::detach) it to keep it running
/// without a handle.
///
/// ```no_run
/// use cothread::catools::camonitor;
/// let subscription = camonitor("SR:DCCT", |current: Result<f64, _>| match current {
///     Ok(mA) => println!("{mA} mA"),
///     Err(err) => println!("{err}"),
/// })?;
/// cothread::sleep(std::time::Duration::from_secs(10));
/// drop(subscription); // no more updates
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
///
/// Discarding the subscription is caught by the compiler:
///
/// ```compile_fail
/// #![deny(unused_must_use)]
/// fn main() -> Result<(), cothread::catools::CaError> {
///     cothread::catools::camonitor("SR:DCCT", |_: Result<f64, _>| {})?;
///     Ok(())
/// }
/// ```
pub fn camonitor<T, F>(pv: &str, callback: F) -> Result<Subscription, CaError>
where
    T: FromReading + 'static,
    F: FnMut(Result<T, CaError>) + 'static,
{
    Monitor::new().subscribe(pv, callback)
}

/// A subscription, on its thread. Its id is its inbox's
/// ([`Inner::id`]). The fields are kept small: at 10^5 subscriptions every
/// word is 0.8 MB.
struct Inner {
    channel: Channel,
    /// Shared with libca's threads, as the channel's listener too.
    inbox: Arc<FeedInbox>,
    libca: RefCell<Libca>,
    listener: Cell<Option<CallbackId>>,
    registration: Cell<Option<Registration>>,
    /// Set once, by the first close.
    closed: OnceCell<CloseReason>,
    /// Owned by the thread's `DETACHED` table rather than a handle.
    detached: Cell<bool>,
    /// The watch that calls `on_connection` / `on_access`, if set.
    channel_events: Cell<Option<Rc<Watcher>>>,
}

/// The libca side of a subscription: what to ask for until it starts, then
/// the subscription itself (never both, so a subscription keeps no request
/// it has made).
enum Libca {
    /// Not started: the request and events to subscribe with, and the
    /// timer of `connect_timeout` while it runs.
    Waiting(ReadRequest, EventMask, Option<ConnectTimer>),
    Started(ca::EventSubscription),
    /// Refused by libca (reported when it was), or closed.
    Ended,
}

/// The channel's listener of a subscription is its inbox: a connection
/// starts the subscription (once, by a remote call to the subscription's
/// thread); with `notify_disconnect`, a disconnection is delivered as an
/// error.
impl Listen for FeedInbox {
    fn changed(&self, event: &ChannelEvent) {
        let feed = self.extra();
        match event {
            event
                if event.may_start_subscription() && !feed.started.swap(true, Ordering::AcqRel) =>
            {
                let id = self.id();
                let _ = self.remote().call(move || start_by_id(id));
            }
            ChannelEvent::Disconnected if feed.notify_disconnect => {
                self.push(Err(Box::new(CaError::new(
                    &*feed.name,
                    libca_sys::ECA_DISCONN,
                    "camonitor",
                ))));
            }
            _ => {}
        }
    }
}

impl Inner {
    /// The subscription's id (in `LIVE`, `DETACHED` and the dispatcher).
    fn id(&self) -> u64 {
        self.inbox.id()
    }

    fn feed(&self) -> &Feed {
        self.inbox.extra()
    }

    /// Listens to the channel (see the `Listen` impl of [`FeedInbox`]).
    fn listen(&self) {
        let listener: Arc<FeedInbox> = Arc::clone(&self.inbox);
        self.listener.set(Some(self.channel.add_listener(listener)));
    }

    /// Creates the libca subscription on the connected channel; a failure
    /// (e.g. no read access, which the CA layer refuses rather than subscribe
    /// to nothing) is reported once when disconnects are. After no read
    /// access, or a channel that went again meanwhile, it waits to be
    /// started again (by the grant, or the next connection).
    fn start(&self) {
        if self.is_closed() {
            return;
        }
        let (request, events) = match &*self.libca.borrow() {
            Libca::Waiting(request, events, _) => (*request, *events),
            Libca::Started(_) | Libca::Ended => return,
        };
        let inbox = Arc::clone(&self.inbox);
        let result = self
            .channel
            .subscribe_readings(request, events, move |update| inbox.push(update));
        match result {
            Ok(subscription) => {
                // The connect timer (if any) is cancelled as it drops.
                let waiting = self.libca.replace(Libca::Started(subscription));
                drop(waiting);
                super::handoff::schedule_flush();
            }
            Err(err) => {
                let failure = StartFailure::of(&err);
                if failure.retries() {
                    self.feed().started.store(false, Ordering::Release);
                    // The connection or grant that should start it may have
                    // come (and found it started) before the store above.
                    if self.channel.is_connected()
                        && self.channel.access().0
                        && !self.feed().started.swap(true, Ordering::AcqRel)
                    {
                        let id = self.id();
                        let _ = self.inbox.remote().call(move || start_by_id(id));
                    }
                } else {
                    let waiting = self.libca.replace(Libca::Ended);
                    drop(waiting);
                }
                if failure.is_told() {
                    if self.feed().notify_disconnect {
                        self.inbox.push(Err(Box::new(err)));
                    } else {
                        diagnostics::report(Diagnostic::MonitorFailed(err));
                    }
                }
            }
        }
    }

    fn is_closed(&self) -> bool {
        self.closed.get().is_some()
    }

    /// Ends the subscription (once; the first reason stays). Also runs from
    /// this thread's destructors, when other thread-locals may be gone.
    fn close(&self, reason: CloseReason) {
        if self.closed.set(reason).is_err() {
            return;
        }
        if let Some(listener) = self.listener.take() {
            self.channel.remove_listener(listener);
        }
        if let Some(channel_events) = self.channel_events.take() {
            channel_events.close(CloseReason::Closed);
        }
        // Dropped outside the borrow, as everything a close drops.
        let cleared = self.libca.replace(Libca::Ended);
        if let Libca::Started(subscription) = cleared {
            drop(subscription);
            // libca only queues the cancellation: send it (at a thread's
            // exit, the destructors of `Detached` and the dispatcher do).
            super::handoff::schedule_flush();
        }
        // Dropped outside the cell: the handler may own other subscriptions.
        let registration = self.registration.take();
        drop(registration);
        let id = self.id();
        let _ = LIVE.try_with(|live| live.take(id));
        if self.detached.get() {
            // Taken out before it is dropped: the table's borrow ends first.
            let owned = DETACHED
                .try_with(|detached| detached.0.take(id))
                .ok()
                .flatten();
            drop(owned);
        }
    }
}

/// What the dispatcher does when the handler of subscription `id` panicked:
/// reports the panic (unless its owner has, see [`ReportedPanic`]) and
/// closes the subscription.
fn callback_panicked(id: u64, panic: Box<dyn std::any::Any + Send>) {
    let inner = live(id);
    let message = match panic.downcast::<ReportedPanic>() {
        Ok(reported) => reported.0,
        Err(panic) => {
            let message = crate::error::take_panic_message(panic);
            let pv = inner.as_ref().map_or("", |inner| inner.channel.name());
            diagnostics::report(Diagnostic::CallbackPanicked {
                callback: "camonitor",
                pv: pv.to_string(),
                message: message.clone(),
            });
            message
        }
    };
    if let Some(inner) = inner {
        inner.close(CloseReason::CallbackPanicked(message));
    }
}

/// Whether this thread's subscription `id` is open.
/// This thread's subscription `id`, while it lives.
fn live(id: u64) -> Option<Rc<Inner>> {
    LIVE.with(|live| live.get(id))
        .and_then(|weak| weak.upgrade())
}

fn is_open(id: u64) -> bool {
    live(id).is_some_and(|inner| !inner.is_closed())
}

fn close_by_id(id: u64, reason: CloseReason) {
    if let Some(inner) = live(id) {
        inner.close(reason);
    }
}

fn start_by_id(id: u64) {
    if let Some(inner) = live(id) {
        inner.start();
    }
}

/// Why a subscription (of either face, on either path) could not start,
/// and so what it does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StartFailure {
    /// The channel went again before the start ran: its next connection
    /// starts it, and nothing is told here (the disconnect is told as every
    /// disconnect is).
    Disconnected,
    /// No read access: told as a failure, and the server's grant of it
    /// starts it.
    NoReadAccess,
    /// Anything else: told, and the subscription never starts.
    Final,
}

impl StartFailure {
    /// What `err`, from creating the libca subscription, means.
    pub(crate) fn of(err: &CaError) -> StartFailure {
        match err.code() {
            libca_sys::ECA_DISCONN => StartFailure::Disconnected,
            libca_sys::ECA_NORDACCESS => StartFailure::NoReadAccess,
            _ => StartFailure::Final,
        }
    }

    /// Whether a later connection or grant starts the subscription.
    pub(crate) fn retries(self) -> bool {
        self != StartFailure::Final
    }

    /// Whether the failure is delivered (or reported) as one.
    pub(crate) fn is_told(self) -> bool {
        self != StartFailure::Disconnected
    }
}

/// The updates a subscription's errors stood for. An error delivered for
/// more than itself stands for updates dropped to make room for it; it
/// carries no count to its callback, so the next update counts them.
#[derive(Default)]
struct CarriedCount(u64);

impl CarriedCount {
    /// The count to deliver with an update (`ok`) or error that the inbox
    /// delivers as standing for `count` updates.
    fn count(&mut self, ok: bool, count: u64) -> u64 {
        if ok {
            count + std::mem::take(&mut self.0)
        } else {
            self.0 += count - 1;
            count
        }
    }
}

/// The timer of a subscription's `connect_timeout`: after the timeout it
/// reports one error if the channel has not connected. Kept only while the
/// subscription waits for its channel, and cancelled as it drops (its
/// cothread then ends), when the subscription starts or closes: so
/// subscriptions made and closed at any rate leave no sleeping cothread
/// behind them.
struct ConnectTimer(crate::Timer);

impl ConnectTimer {
    /// The timer for `inner`, or `None` for a timeout that never ends.
    fn start(inner: Weak<Inner>, timeout: CaTimeout) -> Option<ConnectTimer> {
        let deadline = timeout.deadline()?;
        let wait = deadline.saturating_duration_since(std::time::Instant::now());
        Some(ConnectTimer(crate::Timer::new(wait, move || {
            if let Some(inner) = inner.upgrade() {
                if !inner.is_closed() && !inner.channel.is_connected() {
                    inner.inbox.push(Err(Box::new(CaError::new(
                        &**inner.channel.name(),
                        libca_sys::ECA_DISCONN,
                        "camonitor connect_timeout",
                    ))));
                }
            }
        })))
    }
}

impl Drop for ConnectTimer {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// A live subscription: updates reach its callback until [`close`](Self::close)
/// or drop (or, after [`detach`](Self::detach), until its thread exits), or
/// until the callback panics ([`close_reason`](Self::close_reason)).
///
/// A subscription belongs to the thread that made it:
///
/// ```compile_fail
/// let s: cothread::catools::Subscription = todo!();
/// std::thread::spawn(move || drop(s));
/// ```
#[must_use = "dropping a Subscription ends its updates: bind it, or call detach()"]
pub struct Subscription {
    inner: Rc<Inner>,
}

impl Subscription {
    /// The PV name.
    pub fn name(&self) -> &str {
        self.inner.channel.name()
    }

    /// Ends the subscription: no callback runs for it after this returns.
    pub fn close(&self) {
        self.inner.close(CloseReason::Closed);
    }

    /// Whether the subscription has ended (see [`close_reason`](Self::close_reason)).
    pub fn is_closed(&self) -> bool {
        self.inner.is_closed()
    }

    /// Why the subscription ended, or `None` while it runs.
    pub fn close_reason(&self) -> Option<CloseReason> {
        self.inner.closed.get().cloned()
    }

    /// Keeps the subscription running after this handle is gone, as a Python
    /// `camonitor` does when its result is discarded: its thread owns it
    /// from now on, and closes it when the thread exits (or when its
    /// callback panics).
    pub fn detach(self) {
        let inner = &self.inner;
        if inner.is_closed() {
            return;
        }
        inner.detached.set(true);
        let owned = Rc::clone(inner);
        DETACHED.with(|detached| detached.0.insert(inner.id(), owned));
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if !self.inner.detached.get() {
            self.inner.close(CloseReason::Closed);
        }
    }
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("name", &self.name())
            .field("closed", &self.inner.is_closed())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::{FeedInbox, Inner};

    /// A subscription's two blocks of this module, each held for as long as
    /// it runs (10^5 subscriptions hold 10^5 of each): with the `Rc`'s or
    /// `Arc`'s two counts (16 bytes) and malloc's 8-byte header, 120 bytes
    /// of `Inner` fill a 144-byte heap chunk, and 104 of the inbox a
    /// 128-byte one.
    /// Before, a disconnect that arrived behind five merged updates, while
    /// the callback was busy, made them count for nothing.
    #[test]
    fn the_updates_an_error_stood_for_are_counted_by_the_next_update() {
        crate::scope(|| {
            let mut carried = super::CarriedCount::default();
            assert_eq!(carried.count(true, 3), 3);
            // The error stands for itself and five dropped updates.
            assert_eq!(carried.count(false, 6), 6);
            assert_eq!(carried.count(false, 1), 1);
            assert_eq!(carried.count(true, 1), 6);
            assert_eq!(carried.count(true, 2), 2);
        })
    }

    /// Before, each subscription with a connect timeout had a cothread
    /// sleep out the timeout, closed or not: a thousand a second with a
    /// 60 s timeout kept 60,000 stacks.
    #[test]
    fn subscriptions_closed_before_their_connect_timeout_leave_no_cothread() {
        crate::scope(|| {
            // The CA configuration of this crate's tests (a local IOC).
            crate::ca::tests::pv("ai");
            let idle = crate::sched::idle_stacks();
            for _ in 0..50 {
                let subscription = super::Monitor::new()
                    .connect_timeout(std::time::Duration::from_secs(60))
                    .subscribe("CATOOLS-MONITOR:NEVER:FOUND", |_: Result<f64, _>| {})
                    .expect("subscribe");
                subscription.close();
            }
            // Their timers' cothreads end when next scheduled.
            crate::sleep(std::time::Duration::from_millis(20));
            assert!(
                crate::sched::idle_stacks() >= idle + 50,
                "cothreads still wait out the timeouts: {} idle stacks, {idle} before",
                crate::sched::idle_stacks()
            );
        })
    }

    #[test]
    fn a_subscriptions_state_fits_its_heap_chunks() {
        crate::scope(|| {
            assert!(size_of::<Inner>() <= 120, "{} bytes", size_of::<Inner>());
            assert!(
                size_of::<FeedInbox>() <= 104,
                "{} bytes",
                size_of::<FeedInbox>()
            );
        })
    }
}
