//! PV helpers, Python's `cothread.pv`: [`Pv`], one PV as a persistent object
//! that always holds its latest monitored value, and [`PvArray`], many PVs of
//! one type seen as one array of their latest values.
//!
//! Both are built on the public [`catools`](crate::catools) API (a
//! [`Monitor`] subscription, [`Get`] and [`Put`]) and wait with cothread
//! [`Event`]s, so their waits suspend only the calling cothread. Both end
//! their subscriptions on [`close`](Pv::close) or when dropped, and both
//! belong to the thread that made them.
//!
//! Where the Python original passes the PV object to `on_update`, these pass
//! the update itself (and, for a [`PvArray`], its index): the object is
//! usually in use by its owner when the callback runs.
//!
//! Invariant: the monitor callback (on the dispatcher cothread) is the only
//! writer of a helper's latest-value state besides [`PvArray::sync`], and no
//! `RefCell` borrow is held across a suspension point or a user callback.
//!
//! A [`Pv`] keeps its channel's state current ([`Pv::state`],
//! [`Pv::access`]) from the channel's connection and access-rights events,
//! which its `on_connection` and `on_access` options also receive.
//!
//! A panic in a helper's `on_update` (or a `Pv`'s `on_connection` or
//! `on_access`) stops the helper for good: it is
//! reported once (a [`Diagnostic::CallbackPanicked`]),
//! the subscriptions end, and the helper says so rather than hold a value
//! that no longer changes: a [`Pv`]'s reads fail with
//! [`ErrorKind::ChannelClosed`](crate::catools::ErrorKind::ChannelClosed), a
//! [`PvArray`] reports every PV not ok and [`PvArray::stopped`] says why.
#![forbid(unsafe_code)]

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::Arc;

use crate::catools::{
    AccessRights, Augmented, Backlog, CaError, CaTimeout, ChannelEvent, ChannelState, Count,
    DataType, EventMask, Format, FromValue, Get, Meta, Monitor, Put, ReportedPanic, Subscription,
    Value,
};
use crate::diagnostics::{self, Diagnostic};
use crate::{Event, Timeout};

/// What a helper holds for a PV: its latest reading, or the error a monitor
/// delivered in its place (a disconnect, with `notify_disconnect`).
pub type Reading<T> = Result<Augmented<T>, CaError>;

type PvCallback<T> = Box<dyn FnMut(&Reading<T>)>;

type EventCallback = Box<dyn FnMut(ChannelEvent)>;

/// The scheduler's timeout for a CA timeout that starts now.
fn wait_timeout(timeout: CaTimeout) -> Timeout {
    timeout.deadline().map_or(Timeout::NEVER, Timeout::from)
}

/// The error of a helper's wait that expired, as Python's `ca_timeout`.
fn timed_out(name: &str, call: &'static str) -> CaError {
    CaError::new(name, libca_sys::ECA_TIMEOUT, call)
}

/// The error of a helper whose `on_update` panicked (and so stopped).
fn stopped_error(name: &str, message: &str) -> CaError {
    CaError::new(name, libca_sys::ECA_CHANDESTROY, "PV on_update").with_detail(format!(
        "the PV stopped: its on_update callback panicked: {message}"
    ))
}

/// Runs a helper's `on_update`; if it panics, reports the panic once, lets
/// `stop` record it, and re-raises it as already reported, so that the
/// subscription it ran for closes.
fn run_on_update(
    helper: &'static str,
    name: &str,
    callback: impl FnOnce(),
    stop: impl FnOnce(&str),
) {
    if let Err(panic) = catch_unwind(AssertUnwindSafe(callback)) {
        let message = crate::error::take_panic_message(panic);
        diagnostics::report(Diagnostic::CallbackPanicked {
            callback: helper,
            pv: name.to_string(),
            message: message.clone(),
        });
        stop(&message);
        resume_unwind(Box::new(ReportedPanic(message)));
    }
}

/// What a [`Pv`] holds before its first update.
enum Initial<T> {
    Nothing,
    Value(T),
    Timeout(CaTimeout),
}

/// The options of a [`Pv`]: Python's `PV(name, on_update, initial_value,
/// caput_wait, initial_timeout, **camonitor_args)`.
///
/// ```no_run
/// use std::time::Duration;
/// use cothread::catools::Format;
/// use cothread::pv::Pv;
///
/// let pv = Pv::<f64>::options()
///     .format(Format::Time)
///     .caput_wait(true)
///     .initial_timeout(Duration::from_secs(2))
///     .on_update(|update| println!("{update:?}"))
///     .on_connection(|event| println!("{event}"))
///     .open("BL:MOTOR")?;
/// println!("now at {}", pv.get()?.value);
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
pub struct PvOptions<T> {
    monitor: Monitor,
    datatype: Option<DataType>,
    format: Format,
    caput_wait: bool,
    initial: Initial<T>,
    on_update: Option<PvCallback<T>>,
    on_connection: Option<EventCallback>,
    on_access: Option<EventCallback>,
}

impl<T: FromValue + Clone + 'static> Default for PvOptions<T> {
    fn default() -> Self {
        PvOptions {
            monitor: Monitor::new(),
            datatype: None,
            format: Format::Raw,
            caput_wait: false,
            initial: Initial::Nothing,
            on_update: None,
            on_connection: None,
            on_access: None,
        }
    }
}

impl<T: FromValue + Clone + 'static> PvOptions<T> {
    /// Called with every update after the [`Pv`] has stored it, on the
    /// cothread that runs all monitor callbacks. If it panics, the `Pv`
    /// stops (see the [module docs](self)).
    pub fn on_update(mut self, callback: impl FnMut(&Reading<T>) + 'static) -> Self {
        self.on_update = Some(Box::new(callback));
        self
    }

    /// Called with each connection and disconnection of the channel (and
    /// first with its state when the `Pv` opens, if connected), after
    /// [`Pv::state`] has taken it in; see [`Monitor::on_connection`]. If it
    /// panics, the `Pv` stops.
    pub fn on_connection(mut self, callback: impl FnMut(ChannelEvent) + 'static) -> Self {
        self.on_connection = Some(Box::new(callback));
        self
    }

    /// Called with this client's access rights at each connection and each
    /// change while connected, after [`Pv::access`] has taken them in; see
    /// [`Monitor::on_access`]. If it panics, the `Pv` stops.
    pub fn on_access(mut self, callback: impl FnMut(ChannelEvent) + 'static) -> Self {
        self.on_access = Some(Box::new(callback));
        self
    }

    /// What [`Pv::get`] returns before the first update (with an empty
    /// `meta` but for the name). Replaces an [`initial_timeout`](Self::initial_timeout).
    pub fn initial_value(mut self, value: T) -> Self {
        self.initial = Initial::Value(value);
        self
    }

    /// Makes [`Pv::get`] wait for the first update until this timeout (which
    /// starts when the PV is opened) instead of failing at once. Replaces an
    /// [`initial_value`](Self::initial_value).
    pub fn initial_timeout(mut self, timeout: impl Into<CaTimeout>) -> Self {
        self.initial = Initial::Timeout(timeout.into());
        self
    }

    /// Whether [`Pv::caput`] waits for the server to finish processing.
    pub fn caput_wait(mut self, wait: bool) -> Self {
        self.caput_wait = wait;
        self
    }

    /// The DBR type to monitor, read and write with.
    pub fn datatype(mut self, datatype: DataType) -> Self {
        self.datatype = Some(datatype);
        self.monitor = self.monitor.datatype(datatype);
        self
    }

    /// How much metadata each update (and [`Pv::caget`]) carries.
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self.monitor = self.monitor.format(format);
        self
    }

    /// How many elements each update carries.
    pub fn count(mut self, count: Count) -> Self {
        self.monitor = self.monitor.count(count);
        self
    }

    /// Which events to be told about (default: by format).
    pub fn events(mut self, events: EventMask) -> Self {
        self.monitor = self.monitor.events(events);
        self
    }

    /// Every update in order instead of merged ones; see [`Monitor::all_updates`].
    pub fn all_updates(mut self, all: bool) -> Self {
        self.monitor = self.monitor.all_updates(all);
        self
    }

    /// With `all_updates`, how many updates may wait; see [`Monitor::backlog`].
    pub fn backlog(mut self, backlog: Backlog) -> Self {
        self.monitor = self.monitor.backlog(backlog);
        self
    }

    /// Hold (and deliver) a disconnect as an error; see
    /// [`Monitor::notify_disconnect`].
    pub fn notify_disconnect(mut self, notify: bool) -> Self {
        self.monitor = self.monitor.notify_disconnect(notify);
        self
    }

    /// Report one error if not connected by then; see [`Monitor::connect_timeout`].
    pub fn connect_timeout(mut self, timeout: impl Into<CaTimeout>) -> Self {
        self.monitor = self.monitor.connect_timeout(timeout);
        self
    }

    /// Subscribes to `name`. Never suspends.
    pub fn open(self, name: &str) -> Result<Pv<T>, CaError> {
        let deadline = match &self.initial {
            Initial::Timeout(timeout) => Some(wait_timeout(*timeout)),
            _ => None,
        };
        let latest = match self.initial {
            Initial::Value(value) => Some(Ok(Augmented {
                value,
                meta: Meta {
                    name: Arc::from(name),
                    ..Meta::default()
                },
            })),
            _ => None,
        };
        let state = Rc::new(PvState {
            name: name.to_string(),
            stopped: RefCell::new(None),
            latest: RefCell::new(latest),
            next: Event::new(),
            seen: Event::with_auto_reset(false),
            on_update: RefCell::new(self.on_update),
            channel: Cell::new(ChannelState::NeverConnected),
            access: Cell::new(AccessRights::default()),
            on_connection: RefCell::new(self.on_connection),
            on_access: RefCell::new(self.on_access),
        });
        let updates = Rc::clone(&state);
        let connections = Rc::clone(&state);
        let rights = Rc::clone(&state);
        let subscription = self
            .monitor
            .on_connection(move |event| connections.connection(event))
            .on_access(move |event| rights.access(event))
            .subscribe(name, move |update: Reading<T>| updates.update(update))?;
        Ok(Pv {
            name: name.to_string(),
            state,
            subscription,
            deadline,
            datatype: self.datatype,
            format: self.format,
            caput_wait: self.caput_wait,
        })
    }
}

struct PvState<T> {
    name: String,
    /// Why the `Pv` stopped (its `on_update` panicked), if it did.
    stopped: RefCell<Option<CaError>>,
    latest: RefCell<Option<Reading<T>>>,
    /// Signalled with each update; consumed by `get_next` (auto-reset).
    next: Event<Reading<T>>,
    /// Signalled by the first update, and stays so.
    seen: Event<()>,
    on_update: RefCell<Option<PvCallback<T>>>,
    /// The channel's state, from its events.
    channel: Cell<ChannelState>,
    /// This client's rights, from the channel's events (none while
    /// disconnected).
    access: Cell<AccessRights>,
    on_connection: RefCell<Option<EventCallback>>,
    on_access: RefCell<Option<EventCallback>>,
}

impl<T: Clone> PvState<T> {
    /// Takes in a connection or disconnection, then tells `on_connection`.
    fn connection(&self, event: ChannelEvent) {
        match &event {
            ChannelEvent::Connected(_) => self.channel.set(ChannelState::Connected),
            ChannelEvent::Disconnected { .. } => {
                self.channel.set(ChannelState::PreviouslyConnected);
                self.access.set(AccessRights::default());
            }
            _ => {}
        }
        self.tell("Pv on_connection", &self.on_connection, event);
    }

    /// Takes in this client's rights, then tells `on_access`.
    fn access(&self, event: ChannelEvent) {
        if let ChannelEvent::AccessChanged { access, .. } = &event {
            self.access.set(*access);
        }
        self.tell("Pv on_access", &self.on_access, event);
    }

    /// Runs one of the event callbacks, if set; a panic stops the `Pv`.
    fn tell(
        &self,
        label: &'static str,
        slot: &RefCell<Option<EventCallback>>,
        event: ChannelEvent,
    ) {
        // Taken out while it runs, so the borrow is not held across user code.
        let callback = slot.borrow_mut().take();
        if let Some(mut callback) = callback {
            run_on_update(
                label,
                &self.name,
                || callback(event),
                |message| self.stop(message),
            );
            slot.borrow_mut().get_or_insert(callback);
        }
    }

    fn update(&self, update: Reading<T>) {
        *self.latest.borrow_mut() = Some(update.clone());
        self.next.signal(update.clone());
        self.seen.signal(());
        // Taken out while it runs, so the borrow is not held across user code.
        let callback = self.on_update.borrow_mut().take();
        if let Some(mut callback) = callback {
            run_on_update(
                "Pv on_update",
                &self.name,
                || callback(&update),
                |message| self.stop(message),
            );
            self.on_update.borrow_mut().get_or_insert(callback);
        }
    }

    /// Records why the `Pv` stopped and wakes its waiters with it.
    fn stop(&self, message: &str) {
        let error = stopped_error(&self.name, message);
        *self.stopped.borrow_mut() = Some(error.clone());
        *self.latest.borrow_mut() = None;
        self.next.signal(Err(error));
        self.seen.signal(());
    }

    fn stopped(&self) -> Option<CaError> {
        self.stopped.borrow().clone()
    }
}

/// One PV as a persistent object that always holds the latest monitored
/// value: Python's `cothread.pv.PV`.
///
/// `T` is the type of the data, any [`FromValue`] type (`f64`, `i32`,
/// `String`, `Vec<f64>`, [`Value`], ...). The subscription ends on
/// [`close`](Self::close) or drop.
///
/// ```no_run
/// use std::time::Duration;
/// use cothread::pv::Pv;
///
/// let pv: Pv<i32> = Pv::new("BL:COUNTER")?;
/// pv.sync(Duration::from_secs(5))?;          // the first value has arrived
/// println!("latest: {}", pv.get()?.value);   // never suspends
/// let next = pv.get_next(Duration::from_secs(5), true)?; // a fresh update
/// println!("next: {}", next.value);
/// pv.caput(0)?;
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
///
/// A `Pv` belongs to the thread that made it:
///
/// ```compile_fail
/// let pv: cothread::pv::Pv<f64> = todo!();
/// std::thread::spawn(move || drop(pv));
/// ```
#[must_use = "dropping a Pv closes its subscription"]
pub struct Pv<T = Value> {
    name: String,
    state: Rc<PvState<T>>,
    subscription: Subscription,
    deadline: Option<Timeout>,
    datatype: Option<DataType>,
    format: Format,
    caput_wait: bool,
}

impl<T: FromValue + Clone + 'static> Pv<T> {
    /// Subscribes to `name` with the default options. Never suspends.
    pub fn new(name: &str) -> Result<Pv<T>, CaError> {
        PvOptions::default().open(name)
    }

    /// The options, to set before [`PvOptions::open`].
    pub fn options() -> PvOptions<T> {
        PvOptions::default()
    }

    /// The PV name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The latest reading (or the disconnect error that replaced it). Before
    /// the first update: the initial value if one was given; else, with an
    /// initial timeout, waits for the first update until that timeout
    /// (`ErrorKind::Timeout` when it passes); else fails at once with
    /// `ErrorKind::Disconnected`. Once the `Pv` has stopped (its `on_update`
    /// panicked), fails with `ErrorKind::ChannelClosed` saying so.
    pub fn get(&self) -> Reading<T> {
        if let Some(stopped) = self.state.stopped() {
            return Err(stopped);
        }
        if let Some(latest) = self.latest() {
            return latest;
        }
        if let Some(deadline) = self.deadline {
            if self.state.seen.wait(deadline).is_err() {
                return Err(timed_out(&self.name, "PV initial timeout"));
            }
            if let Some(stopped) = self.state.stopped() {
                return Err(stopped);
            }
            if let Some(latest) = self.latest() {
                return latest;
            }
        }
        Err(CaError::new(&*self.name, libca_sys::ECA_DISCONN, "PV get")
            .with_detail("no update has arrived yet"))
    }

    /// The channel's connection state, as its events have told it (they
    /// reach the `Pv` on the dispatcher cothread, like its updates):
    /// [`NeverConnected`](ChannelState::NeverConnected) until the first
    /// connection, [`Connected`](ChannelState::Connected),
    /// [`PreviouslyConnected`](ChannelState::PreviouslyConnected) while the
    /// server is gone, and [`Closed`](ChannelState::Closed) once the `Pv` is
    /// closed or has stopped. Never suspends.
    ///
    /// ```no_run
    /// use cothread::catools::ChannelState;
    /// use cothread::pv::Pv;
    /// let pv: Pv<f64> = Pv::new("SR:DCCT")?;
    /// cothread::sleep(std::time::Duration::from_secs(1));
    /// if pv.state() != ChannelState::Connected {
    ///     println!("{} is not connected: {}", pv.name(), pv.state());
    /// } else if !pv.access().write {
    ///     println!("{} is read-only", pv.name());
    /// }
    /// # Ok::<(), cothread::catools::CaError>(())
    /// ```
    pub fn state(&self) -> ChannelState {
        if self.subscription.is_closed() || self.state.stopped().is_some() {
            ChannelState::Closed
        } else {
            self.state.channel.get()
        }
    }

    /// This client's access rights to the PV, as the channel's events have
    /// told them: none while not connected (or closed). Never suspends.
    pub fn access(&self) -> AccessRights {
        if self.state() == ChannelState::Connected {
            self.state.access.get()
        } else {
            AccessRights::default()
        }
    }

    /// The latest data, if the latest reading is one (and the `Pv` has not
    /// stopped). Never suspends.
    pub fn value(&self) -> Option<T> {
        match &*self.state.latest.borrow() {
            Some(Ok(reading)) => Some(reading.value.clone()),
            _ => None,
        }
    }

    fn latest(&self) -> Option<Reading<T>> {
        self.state.latest.borrow().clone()
    }

    /// The next update, waiting until `timeout` for it; an update that came
    /// since the last `get_next` (or [`reset`](Self::reset)) returns at
    /// once, unless `reset` asks to wait for a newer one.
    pub fn get_next(&self, timeout: impl Into<CaTimeout>, reset: bool) -> Reading<T> {
        if let Some(stopped) = self.state.stopped() {
            return Err(stopped);
        }
        if reset {
            self.reset();
        }
        match self.state.next.wait(wait_timeout(timeout.into())) {
            Ok(reading) => reading,
            Err(_) => Err(timed_out(&self.name, "PV get_next")),
        }
    }

    /// Makes the next [`get_next`](Self::get_next) wait for an update that
    /// comes after this call.
    pub fn reset(&self) {
        self.state.next.reset();
    }

    /// Waits until at least one update has arrived (at once if one has), or
    /// fails with `ErrorKind::Timeout` when `timeout` passes.
    pub fn sync(&self, timeout: impl Into<CaTimeout>) -> Result<(), CaError> {
        self.state
            .seen
            .wait(wait_timeout(timeout.into()))
            .map_err(|_| timed_out(&self.name, "PV sync"))?;
        self.state.stopped().map_or(Ok(()), Err)
    }

    /// Reads the PV afresh with the PV's datatype and format (5 s timeout).
    pub fn caget(&self) -> Reading<T> {
        let get = Get::new().format(self.format);
        match self.datatype {
            Some(datatype) => get.datatype(datatype),
            None => get,
        }
        .get(&self.name)
    }

    /// Writes the PV with the PV's datatype, waiting for completion if the
    /// PV was opened with `caput_wait`.
    pub fn caput(&self, value: impl Into<Value>) -> Result<(), CaError> {
        let put = Put::new().wait(self.caput_wait);
        match self.datatype {
            Some(datatype) => put.datatype(datatype),
            None => put,
        }
        .put(&self.name, value)
    }

    /// Ends the subscription: the value no longer changes. Also done on drop.
    pub fn close(&self) {
        self.subscription.close();
    }
}

impl<T> std::fmt::Debug for Pv<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pv")
            .field("name", &self.name)
            .field("caput_wait", &self.caput_wait)
            .finish_non_exhaustive()
    }
}

type ArrayCallback<T> = Box<dyn FnMut(usize, &Reading<Vec<T>>)>;

/// The latest state of every PV of a [`PvArray`], row `i` for PV `i`.
struct ArrayState<T> {
    /// Why the array stopped (its `on_update` panicked), if it did.
    stopped: Option<CaError>,
    count: usize,
    values: Vec<T>,
    seen: Vec<bool>,
    ok: Vec<bool>,
    timestamp: Vec<f64>,
    severity: Vec<u16>,
    status: Vec<u16>,
}

impl<T: Clone + Default> ArrayState<T> {
    /// Stores one PV's reading: a value fills its row (padded with
    /// `T::default()` when shorter), an error only clears its `ok`.
    fn store(&mut self, index: usize, reading: &Reading<Vec<T>>) {
        self.seen[index] = true;
        self.ok[index] = reading.is_ok() && self.stopped.is_none();
        if let Ok(reading) = reading {
            let row = &mut self.values[index * self.count..(index + 1) * self.count];
            for (slot, value) in row.iter_mut().zip(
                reading
                    .value
                    .iter()
                    .cloned()
                    .chain(std::iter::repeat(T::default())),
            ) {
                *slot = value;
            }
            let meta = &reading.meta;
            self.timestamp[index] = meta.timestamp.map_or(0.0, |t| t.as_secs_f64());
            self.severity[index] = meta.severity.unwrap_or(0);
            self.status[index] = meta.status.unwrap_or(0);
        }
    }
}

/// Many PVs of one type as one array of their latest values, with arrays of
/// their `ok`, timestamp, severity and status: Python's
/// `cothread.pv.PV_array`.
///
/// Each PV is monitored with [`Format::Time`] and `notify_disconnect`, for
/// `count` elements of type `T` (`f64`, `i32`, `String`, ...); the values
/// form one row-major array of `names.len() × count` elements. A PV whose
/// server is gone keeps its last value and has `ok == false`.
///
/// ```no_run
/// use std::time::Duration;
/// use cothread::pv::PvArray;
///
/// let bpms: PvArray<f64> = PvArray::new(&["BPM1:X", "BPM2:X", "BPM3:X"], 1)?;
/// bpms.sync(Duration::from_secs(5))?;
/// if bpms.all_ok() {
///     println!("orbit: {:?}", bpms.get());
/// }
/// bpms.caput(vec![0.0, 0.0, 0.0])?;
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
#[must_use = "dropping a PvArray closes its subscriptions"]
pub struct PvArray<T = f64> {
    names: Vec<String>,
    count: usize,
    caput_wait: bool,
    state: Rc<RefCell<ArrayState<T>>>,
    subscriptions: Vec<Subscription>,
}

impl<T> PvArray<T>
where
    T: Clone + Default + 'static,
    Vec<T>: FromValue,
{
    /// Monitors `names`, `count` elements each (at least one), without an
    /// update callback and without waiting for puts. Never suspends.
    pub fn new<S: AsRef<str>>(names: &[S], count: usize) -> Result<PvArray<T>, CaError> {
        PvArray::with_options(names, count, false, |_, _| {})
    }

    /// Python's `PV_array(names, dtype, count, on_update, caput_wait)`:
    /// `on_update(index, update)` runs after PV `index`'s update is stored;
    /// `caput_wait` makes [`caput`](Self::caput) wait for completion.
    pub fn with_options<S: AsRef<str>>(
        names: &[S],
        count: usize,
        caput_wait: bool,
        on_update: impl FnMut(usize, &Reading<Vec<T>>) + 'static,
    ) -> Result<PvArray<T>, CaError> {
        let count = count.max(1);
        let n = names.len();
        let state = Rc::new(RefCell::new(ArrayState {
            stopped: None,
            count,
            values: vec![T::default(); n * count],
            seen: vec![false; n],
            ok: vec![false; n],
            timestamp: vec![0.0; n],
            severity: vec![0; n],
            status: vec![0; n],
        }));
        let updates = Rc::clone(&state);
        let mut on_update: ArrayCallback<T> = Box::new(on_update);
        let pv_names: Vec<String> = names.iter().map(|s| s.as_ref().to_string()).collect();
        let subscriptions = Monitor::new()
            .format(Format::Time)
            .count(Count::AtMost(count))
            .notify_disconnect(true)
            .subscribe_list(names, move |update: Reading<Vec<T>>, index| {
                let stopped = updates.borrow().stopped.clone();
                if let Some(stopped) = stopped {
                    // Reported already: each remaining PV's subscription
                    // closes at its next update.
                    resume_unwind(Box::new(ReportedPanic(stopped.to_string())));
                }
                updates.borrow_mut().store(index, &update);
                let name = &pv_names[index];
                run_on_update(
                    "PvArray on_update",
                    name,
                    || on_update(index, &update),
                    |message| {
                        let mut state = updates.borrow_mut();
                        state.stopped = Some(stopped_error(name, message));
                        state.ok.iter_mut().for_each(|ok| *ok = false);
                    },
                );
            })?;
        Ok(PvArray {
            names: names.iter().map(|s| s.as_ref().to_string()).collect(),
            count,
            caput_wait,
            state,
            subscriptions,
        })
    }

    /// The PV names, in array order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// `(number of PVs, elements per PV)`: the shape of [`get`](Self::get).
    pub fn shape(&self) -> (usize, usize) {
        (self.names.len(), self.count)
    }

    /// A copy of the latest values, row-major: PV `i`'s elements are
    /// `[i * count .. (i + 1) * count]`. PVs not yet seen hold `T::default()`.
    pub fn get(&self) -> Vec<T> {
        self.state.borrow().values.clone()
    }

    /// Whether each PV's latest update was a value (not a disconnect); all
    /// false once the array has [stopped](Self::stopped).
    pub fn ok(&self) -> Vec<bool> {
        self.state.borrow().ok.clone()
    }

    /// Whether every PV's latest update was a value.
    pub fn all_ok(&self) -> bool {
        self.state.borrow().ok.iter().all(|ok| *ok)
    }

    /// Why the array stopped updating, if its `on_update` panicked (then no
    /// PV is ok; the arrays keep the values from before).
    pub fn stopped(&self) -> Option<CaError> {
        self.state.borrow().stopped.clone()
    }

    /// Whether each PV has had any update (or a [`sync`](Self::sync) result).
    pub fn seen(&self) -> Vec<bool> {
        self.state.borrow().seen.clone()
    }

    /// Each PV's timestamp of its latest value, in Unix epoch seconds.
    pub fn timestamp(&self) -> Vec<f64> {
        self.state.borrow().timestamp.clone()
    }

    /// Each PV's alarm severity with its latest value.
    pub fn severity(&self) -> Vec<u16> {
        self.state.borrow().severity.clone()
    }

    /// Each PV's alarm status with its latest value.
    pub fn status(&self) -> Vec<u16> {
        self.state.borrow().status.clone()
    }

    /// Reads every PV afresh (in parallel, `count` elements, with
    /// timestamps); each PV's own result.
    pub fn caget(&self, timeout: impl Into<CaTimeout>) -> Vec<Reading<Vec<T>>> {
        Get::new()
            .format(Format::Time)
            .count(Count::AtMost(self.count))
            .timeout(timeout)
            .get_each(&self.names)
    }

    /// Fills in every PV that no update has reached yet by reading it; the
    /// first PV that could not be read is the error (the others are still
    /// filled in).
    pub fn sync(&self, timeout: impl Into<CaTimeout>) -> Result<(), CaError> {
        let readings = self.caget(timeout);
        let mut state = self.state.borrow_mut();
        let mut first_error = None;
        for (index, reading) in readings.iter().enumerate() {
            if !state.seen[index] {
                state.store(index, reading);
            }
            if let (Err(err), None) = (reading, &first_error) {
                first_error = Some(err.clone());
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// Writes `values[i]` to PV `i` (waiting for completion if opened with
    /// `caput_wait`); the first failure is the error.
    pub fn caput<V: Into<Value>>(&self, values: Vec<V>) -> Result<(), CaError> {
        let values = values.into_iter().map(Into::into).collect();
        Put::new()
            .wait(self.caput_wait)
            .put_list(&self.names, values)
    }

    /// Writes the same value to every PV.
    pub fn caput_repeat(&self, value: impl Into<Value>) -> Result<(), CaError> {
        Put::new()
            .wait(self.caput_wait)
            .put_repeat(&self.names, value)
    }

    /// Ends every subscription: the arrays no longer change. Also done on drop.
    pub fn close(&self) {
        for subscription in &self.subscriptions {
            subscription.close();
        }
    }
}

impl<T> std::fmt::Debug for PvArray<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PvArray")
            .field("names", &self.names)
            .field("count", &self.count)
            .field("caput_wait", &self.caput_wait)
            .finish_non_exhaustive()
    }
}
