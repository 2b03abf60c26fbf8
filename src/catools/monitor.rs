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
//!   dropped with the handler.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::dispatch::{self, Delivery, Inbox, Registration};
use super::get::{convert_reading, FromReading};
use super::timeout::CaTimeout;
use super::{CaError, Count, DataType, EventMask, Format};
use crate::ca::{self, CallbackId, Channel, ChannelEvent, ReadRequest, Reading};
use crate::sched;

/// What crosses from libca's thread to the dispatcher: a compact reading,
/// or a (rare, so boxed) error, in 64 bytes.
type Update = Result<Reading, Box<CaError>>;

thread_local! {
    static LIVE: RefCell<HashMap<u64, Weak<Inner>>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

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
#[derive(Clone, Copy, Debug, Default)]
pub struct Monitor {
    events: Option<EventMask>,
    datatype: Option<DataType>,
    format: Format,
    count: Count,
    all_updates: bool,
    notify_disconnect: bool,
    connect_timeout: Option<CaTimeout>,
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
    pub fn all_updates(mut self, all: bool) -> Monitor {
        self.all_updates = all;
        self
    }

    /// Report a disconnect (and a channel without read access) as an error
    /// update; updates resume by themselves when the server returns.
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

    /// Subscribes to one PV. Never suspends: the subscription starts when the
    /// channel connects.
    pub fn subscribe<T, F>(&self, pv: &str, mut callback: F) -> Result<Subscription, CaError>
    where
        T: FromReading + 'static,
        F: FnMut(Result<T, CaError>) + 'static,
    {
        let events = self.events.unwrap_or_else(|| self.format.default_events());
        if !events.is_valid() {
            return Err(
                CaError::new(pv, libca_sys::ECA_BADMASK, "camonitor").with_detail(format!(
                    "event mask {:#x}: give at least one of DBE_VALUE, DBE_LOG, DBE_ALARM, DBE_PROPERTY",
                    events.bits()
                )),
            );
        }
        let channel = Channel::open(pv)?;
        let name = pv.to_string();
        let delivery = if self.all_updates {
            Delivery::All
        } else {
            Delivery::Latest
        };
        let (inbox, registration) = dispatch::register(delivery, move |update: Update, count| {
            let update = update.map_err(|err| *err).and_then(|reading| {
                if !T::keeps_meta() {
                    return T::from_value_only(reading.value).map_err(|e| e.into_ca_error(&name));
                }
                let mut reading = reading.into_augmented();
                reading.meta.update_count = count;
                convert_reading(&name, reading)
            });
            callback(update);
        });
        let request = ReadRequest {
            datatype: DataType::resolve(pv, self.datatype, T::requested_type()),
            format: self.format,
            count: self.count,
        };
        let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
        let inner = Rc::new(Inner {
            id,
            channel: channel.clone(),
            request,
            events,
            notify_disconnect: self.notify_disconnect,
            inbox: Arc::clone(&inbox),
            subscription: RefCell::new(None),
            listener: Cell::new(None),
            registration: RefCell::new(Some(registration)),
            started: Arc::new(AtomicBool::new(false)),
            closed: Cell::new(false),
        });
        LIVE.with(|live| live.borrow_mut().insert(id, Rc::downgrade(&inner)));
        inner.listen();
        if channel.is_connected() && !inner.started.swap(true, Ordering::AcqRel) {
            inner.start();
        }
        if let Some(timeout) = self.connect_timeout {
            watch_connection(Rc::downgrade(&inner), timeout);
        }
        Ok(Subscription { inner })
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

    /// The read request of each update, for `T` on `pv`.
    pub(crate) fn read_request<T: FromReading>(&self, pv: &str) -> ReadRequest {
        ReadRequest {
            datatype: DataType::resolve(pv, self.datatype, T::requested_type()),
            format: self.format,
            count: self.count,
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

struct Inner {
    id: u64,
    channel: Channel,
    request: ReadRequest,
    events: EventMask,
    notify_disconnect: bool,
    inbox: Arc<Inbox<Update>>,
    subscription: RefCell<Option<ca::Subscription>>,
    listener: Cell<Option<CallbackId>>,
    registration: RefCell<Option<Registration>>,
    /// Set by whoever starts the libca subscription (exactly once).
    started: Arc<AtomicBool>,
    closed: Cell<bool>,
}

impl Inner {
    /// Listens to the channel: a connection starts the subscription (once);
    /// with `notify_disconnect`, a disconnection is delivered as an error.
    fn listen(&self) {
        let remote = sched::remote_handle();
        let started = Arc::clone(&self.started);
        let inbox = Arc::clone(&self.inbox);
        let notify = self.notify_disconnect;
        let name: Arc<str> = Arc::clone(self.channel.name());
        let id = self.id;
        let listener =
            self.channel
                .add_listener(Arc::new(move |event: &ChannelEvent| match event {
                    ChannelEvent::Connected if !started.swap(true, Ordering::AcqRel) => {
                        let _ = remote.call(move || start_by_id(id));
                    }
                    ChannelEvent::Disconnected if notify => {
                        inbox.push(Err(Box::new(CaError::new(
                            &*name,
                            libca_sys::ECA_DISCONN,
                            "camonitor",
                        ))));
                    }
                    _ => {}
                }));
        self.listener.set(Some(listener));
    }

    /// Creates the libca subscription on the connected channel; a failure
    /// (e.g. no read access, which the CA layer refuses rather than subscribe
    /// to nothing) is reported once when disconnects are.
    fn start(&self) {
        if self.closed.get() {
            return;
        }
        let inbox = Arc::clone(&self.inbox);
        let result = self
            .channel
            .subscribe_readings(self.request, self.events, move |update| {
                inbox.push(update.map_err(Box::new))
            });
        match result {
            Ok(subscription) => {
                *self.subscription.borrow_mut() = Some(subscription);
                super::handoff::schedule_flush();
            }
            Err(err) => {
                if self.notify_disconnect {
                    self.inbox.push(Err(Box::new(err)));
                } else {
                    // The error names the PV already.
                    eprintln!("cothread::catools: camonitor: {err}");
                }
            }
        }
    }

    fn close(&self) {
        if self.closed.replace(true) {
            return;
        }
        if let Some(listener) = self.listener.take() {
            self.channel.remove_listener(listener);
        }
        drop(self.subscription.borrow_mut().take());
        drop(self.registration.borrow_mut().take());
        LIVE.with(|live| live.borrow_mut().remove(&self.id));
    }
}

fn start_by_id(id: u64) {
    let inner = LIVE.with(|live| live.borrow().get(&id).and_then(Weak::upgrade));
    if let Some(inner) = inner {
        inner.start();
    }
}

/// After `timeout`, reports one error if the channel has not connected.
fn watch_connection(inner: Weak<Inner>, timeout: CaTimeout) {
    let deadline = timeout.deadline();
    crate::spawn(move || {
        match deadline {
            Some(deadline) => crate::sleep_until(deadline),
            None => return,
        }
        if let Some(inner) = inner.upgrade() {
            if !inner.closed.get() && !inner.channel.is_connected() {
                inner.inbox.push(Err(Box::new(CaError::new(
                    &**inner.channel.name(),
                    libca_sys::ECA_DISCONN,
                    "camonitor connect_timeout",
                ))));
            }
        }
    });
}

/// A live subscription: updates reach its callback until [`close`](Self::close)
/// or drop (or, after [`detach`](Self::detach), for the life of the thread's
/// scheduler).
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
        self.inner.close();
    }

    /// Keeps the subscription running after this handle is gone, as a Python
    /// `camonitor` does when its result is discarded.
    pub fn detach(self) {
        std::mem::forget(self);
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.inner.close();
    }
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("name", &self.name())
            .field("closed", &self.inner.closed.get())
            .finish()
    }
}
