//! Subscriptions whose callback runs on libca's own thread, as a C client's
//! does: [`Monitor::subscribe_on_libca_thread`] and its handle,
//! [`DirectSubscription`].
//!
//! The default path ([`Monitor::subscribe`]) hands every burst of updates to
//! the subscriber's scheduler, which costs a second thread's wake-up per
//! burst; here the user's `Send` callback is called by the update closure
//! that libca runs, so a burst costs what it costs C.
//!
//! Invariants:
//! - The user's callback lives in [`Shared::state`], behind its mutex, with
//!   the subscription's close reason: it is called only under that lock and
//!   only while no reason is set. So calls never overlap, and once
//!   [`Core::close`] has set a reason (which takes the lock, and so waits for
//!   a running call to return) the callback is never called again.
//! - A callback that panics sets the reason itself (it already holds the
//!   lock), is reported once, and asks the owner's scheduler (by a remote
//!   call carrying a weak handle) to clear the libca subscription; libca's
//!   threads never clear it.
//! - Ownership points one way: the handle owns the [`Core`] (channel lease,
//!   libca subscription, listener id); what libca's threads run (the update
//!   closure, the channel listener) owns only the [`Shared`] part and a weak
//!   handle on the `Core`, so nothing libca holds keeps the subscription
//!   alive or clears it.
//! - The user's callback (with what it owns) is dropped with the last
//!   reference to the `Shared`: usually on the owner's thread at close, but
//!   on libca's thread if a channel event was being told at that moment (the
//!   channel hands its listeners out as clones); it is `Send`, so either is
//!   sound.
//! - The libca subscription is created once, on the owner's thread: at once
//!   if the channel is connected, else by a remote call from the listener
//!   when it connects (libca keeps it across reconnections).

use std::any::Any;
use std::cell::Cell;
use std::marker::PhantomData;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};

use parking_lot::{Mutex, MutexGuard};

use super::{CloseReason, Monitor, StartFailure, Update};
use crate::ca::{self, CallbackId, Channel, ChannelEvent, ReadRequest};
use crate::catools::get::{convert_update, FromReading};
use crate::catools::handoff::schedule_flush;
use crate::catools::{CaError, EventMask};
use crate::diagnostics::{self, Diagnostic};
use crate::sched::{self, RemoteHandle};

thread_local! {
    /// Whether a direct callback is running on this (libca's) thread.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the calling thread is inside a callback of
/// [`Monitor::subscribe_on_libca_thread`]: a `catools` wait there would hold
/// up the very thread its reply needs, so it returns at once instead.
pub(in crate::catools) fn in_libca_callback() -> bool {
    RUNNING.with(Cell::get)
}

/// Marks a direct callback as running on this thread until dropped (also
/// when it panics).
struct RunningMarker {
    previous: bool,
}

impl RunningMarker {
    fn enter() -> RunningMarker {
        RunningMarker {
            previous: RUNNING.with(|running| running.replace(true)),
        }
    }
}

impl Drop for RunningMarker {
    fn drop(&mut self) {
        RUNNING.with(|running| running.set(self.previous));
    }
}

/// Whose callback a panic is reported as.
const LABEL: &str = "camonitor on libca's thread";

impl Monitor {
    /// Subscribes to one PV with a callback that runs **directly on one of
    /// libca's threads**, as a C client's does, rather than on this thread's
    /// dispatcher cothread: for archiver feeders and other high-rate
    /// consumers that only copy each update out (into a channel, an atomic,
    /// a lock-free queue). It saves the hand-off to this thread's scheduler,
    /// one thread wake-up per burst of updates, which is most of what a
    /// [`subscribe`](Self::subscribe)d update costs beyond C.
    ///
    /// What runs where:
    /// - `callback` runs on a libca thread (the one that read the update from
    ///   the server's socket, or, for a disconnect, the one that noticed it),
    ///   one call at a time, in the order libca delivers. While it runs, the
    ///   CA callbacks of the whole process wait: keep it short and
    ///   non-blocking.
    /// - It must not block, and must not call `catools` (or `pv`) functions
    ///   or cothread suspension functions: none of those are meant for
    ///   libca's threads. What happens if it does: a `catools` call that
    ///   would wait for a reply does not wait but fails at once with a
    ///   timeout error (the reply could only come through the thread the
    ///   callback is holding up); cothread's own `sleep` or `Event::wait`
    ///   block that libca thread, and so every CA callback of the process,
    ///   for as long as they wait. Neither is undefined behaviour.
    /// - Every update is delivered as it arrives (as with
    ///   [`all_updates`](Self::all_updates)): there is no queue, so no
    ///   backlog and no merging; `meta.update_count` is always 1.
    /// - A callback of a plain value (`Result<f64, _>`, `Result<Vec<f64>, _>`)
    ///   rather than an [`Augmented`](crate::catools::Augmented) one costs
    ///   the least: no metadata is built, and no reference to the PV's name
    ///   is counted up and down (about 100 instructions and two atomic
    ///   operations of each update). At a saturating rate that is a fifth
    ///   of the update's whole CPU: measured against a C client that reads
    ///   the bare double, 1.2x of its CPU per update with `f64`, 1.5-1.65x
    ///   with `Augmented<f64>` (BENCHMARKS.md, issue 11's seventh pass).
    /// - [`datatype`](Self::datatype), [`format`](Self::format),
    ///   [`count`](Self::count), [`events`](Self::events) and
    ///   [`notify_disconnect`](Self::notify_disconnect) apply as for
    ///   `subscribe` (a disconnect is delivered as an `ECA_DISCONN` error on
    ///   the libca thread that saw it). The options that run code or wait on
    ///   this thread's cothreads ([`on_connection`](Self::on_connection),
    ///   [`on_access`](Self::on_access),
    ///   [`connect_timeout`](Self::connect_timeout)) are refused with
    ///   `ECA_NOSUPPORT`; [`all_updates`](Self::all_updates) and
    ///   [`backlog`](Self::backlog) have no effect.
    /// - The libca subscription is created from this thread, as for
    ///   `subscribe`: at once if the channel is connected, else by this
    ///   thread's scheduler when it connects. A failure to create it (e.g.
    ///   no read access) is delivered to `callback` from there when
    ///   `notify_disconnect` is set, else reported as a
    ///   [`Diagnostic::MonitorFailed`]; one for want of read access is tried
    ///   again when the server grants it.
    /// - If `callback` panics, the panic is contained (it never unwinds into
    ///   libca), reported once as a [`Diagnostic::CallbackPanicked`], and the
    ///   subscription closes: the callback is not called again, and
    ///   [`DirectSubscription::close_reason`] says why.
    ///
    /// The returned handle belongs to this thread;
    /// [`close`](DirectSubscription::close) (or drop) guarantees that no
    /// call of `callback` is running or will start once it returns. (The
    /// handle is not `Send`, so it cannot reach the callback: the callback
    /// ends its subscription only by panicking, which never waits for
    /// itself.)
    ///
    /// ```no_run
    /// use std::sync::atomic::{AtomicU64, Ordering};
    /// use std::sync::Arc;
    /// use cothread::catools::Monitor;
    /// let updates = Arc::new(AtomicU64::new(0));
    /// let seen = Arc::clone(&updates);
    /// let subscription = Monitor::new()
    ///     .subscribe_on_libca_thread("SR:DCCT", move |_: Result<f64, _>| {
    ///         seen.fetch_add(1, Ordering::Relaxed);
    ///     })?;
    /// cothread::sleep(std::time::Duration::from_secs(10));
    /// subscription.close(); // no call runs after this
    /// println!("{} updates", updates.load(Ordering::Relaxed));
    /// # Ok::<(), cothread::catools::CaError>(())
    /// ```
    pub fn subscribe_on_libca_thread<T, F>(
        &self,
        pv: &str,
        mut callback: F,
    ) -> Result<DirectSubscription, CaError>
    where
        T: FromReading + 'static,
        F: FnMut(Result<T, CaError>) + Send + 'static,
    {
        let events = self.checked_event_mask(pv)?;
        if self.on_connection.is_some()
            || self.on_access.is_some()
            || self.connect_timeout.is_some()
        {
            return Err(CaError::new(pv, libca_sys::ECA_NOSUPPORT, "camonitor").with_detail(
                "on_connection, on_access and connect_timeout run on this thread's cothreads: not with a callback on libca's thread",
            ));
        }
        let request = self.read_request::<T>(pv);
        let channel = Channel::open(pv)?;
        let name: Arc<str> = Arc::clone(channel.name());
        let deliver = {
            let name = Arc::clone(&name);
            move |update: Update| {
                callback(convert_update(&name, update, 1));
            }
        };
        let core = Arc::new_cyclic(|core: &Weak<Core>| Core {
            shared: Arc::new(Shared {
                name,
                state: Mutex::new(State {
                    closed: None,
                    deliver,
                }),
                owner: sched::remote_handle(),
                core: core.clone(),
            }),
            channel: channel.clone(),
            request,
            events,
            notify_disconnect: self.notify_disconnect,
            started: AtomicBool::new(false),
            subscription: Mutex::new(None),
            listener: Mutex::new(None),
        });
        core.listen();
        if channel.is_connected() && !core.started.swap(true, Ordering::AcqRel) {
            core.start();
        }
        Ok(DirectSubscription {
            core,
            _owner_thread: PhantomData,
        })
    }
}

/// What libca's threads reach: the user's callback (inside `D`, the closure
/// that converts an update and calls it) with the close reason, and the way
/// back to the owner's scheduler. Generic over `D`, so that an update's
/// whole path, from libca's callback to the user's, is one monomorphic
/// call chain; the owner's side reaches it as a [`Control`].
struct Shared<D> {
    name: Arc<str>,
    state: Mutex<State<D>>,
    /// The owner's scheduler: starts the subscription on connection, clears
    /// it after a panic.
    owner: RemoteHandle,
    core: Weak<Core>,
}

struct State<D> {
    /// Set once; no call of `deliver` starts after.
    closed: Option<CloseReason>,
    /// Converts an update and calls the user's callback.
    deliver: D,
}

impl<D: FnMut(Update) + Send + 'static> Shared<D> {
    /// Calls the user's callback with `update`, unless closed; a panic closes
    /// the subscription (reported once) and has the owner clear it.
    #[inline]
    fn deliver(&self, update: Update) {
        let mut state = self.state.lock();
        if state.closed.is_some() {
            return;
        }
        let result = catch_unwind(AssertUnwindSafe(|| {
            let _running = RunningMarker::enter();
            (state.deliver)(update)
        }));
        if let Err(panic) = result {
            self.panicked(state, panic);
        }
    }

    /// Closes the subscription after its callback panicked (under `state`'s
    /// lock, which this releases): reported once, cleared by the owner.
    #[cold]
    #[inline(never)]
    fn panicked(&self, mut state: MutexGuard<'_, State<D>>, panic: Box<dyn Any + Send>) {
        // The payload may own anything: not dropped under the lock.
        let message = crate::error::take_panic_message(panic);
        state.closed = Some(CloseReason::CallbackPanicked(message.clone()));
        drop(state);
        diagnostics::report(Diagnostic::CallbackPanicked {
            callback: LABEL,
            pv: self.name.to_string(),
            message,
        });
        let core = self.core.clone();
        let _ = self.owner.call(move || {
            if let Some(core) = core.upgrade() {
                core.clear();
            }
        });
    }
}

/// What the owner's side and the channel listener do with a [`Shared`],
/// whatever its callback's type.
trait Control: Send + Sync {
    /// Delivers an update that is not a libca update (a disconnect, a failed
    /// start): the same rules as an update's.
    fn deliver_error(&self, err: Box<CaError>);
    /// Why the subscription ended, or `None` while it runs.
    fn close_reason(&self) -> Option<CloseReason>;
    /// Sets the close reason unless one is set; waits for a running call.
    fn set_closed(&self, reason: CloseReason);
    /// Creates the libca subscription, whose updates go to this callback.
    fn subscribe(
        self: Arc<Self>,
        channel: &Channel,
        request: ReadRequest,
        events: EventMask,
    ) -> Result<ca::EventSubscription, CaError>;
    /// The PV name.
    fn name(&self) -> &Arc<str>;
    /// The owner's scheduler.
    fn owner(&self) -> &RemoteHandle;
    /// The owner's side, while it lives.
    fn core(&self) -> &Weak<Core>;
}

impl<D: FnMut(Update) + Send + 'static> Control for Shared<D> {
    fn deliver_error(&self, err: Box<CaError>) {
        self.deliver(Err(err));
    }

    fn close_reason(&self) -> Option<CloseReason> {
        self.state.lock().closed.clone()
    }

    fn set_closed(&self, reason: CloseReason) {
        // Waits for a running call: it holds the lock.
        let mut state = self.state.lock();
        if state.closed.is_none() {
            state.closed = Some(reason);
        }
    }

    fn subscribe(
        self: Arc<Self>,
        channel: &Channel,
        request: ReadRequest,
        events: EventMask,
    ) -> Result<ca::EventSubscription, CaError> {
        channel.subscribe_readings(request, events, move |update| self.deliver(update))
    }

    fn name(&self) -> &Arc<str> {
        &self.name
    }

    fn owner(&self) -> &RemoteHandle {
        &self.owner
    }

    fn core(&self) -> &Weak<Core> {
        &self.core
    }
}

/// The owner's side: the channel lease, the libca subscription, the listener.
struct Core {
    shared: Arc<dyn Control>,
    channel: Channel,
    request: ReadRequest,
    events: EventMask,
    notify_disconnect: bool,
    /// Set by whoever starts the libca subscription (exactly once).
    started: AtomicBool,
    subscription: Mutex<Option<ca::EventSubscription>>,
    listener: Mutex<Option<CallbackId>>,
}

impl Core {
    /// Listens to the channel: a connection starts the subscription (once,
    /// on the owner's thread); with `notify_disconnect`, a disconnection is
    /// delivered as an error, here on libca's thread.
    fn listen(&self) {
        let shared = Arc::clone(&self.shared);
        let notify = self.notify_disconnect;
        let listener =
            self.channel
                .add_listener(Arc::new(move |event: &ChannelEvent| match event {
                    event if event.may_start_subscription() => {
                        let Some(core) = shared.core().upgrade() else {
                            return;
                        };
                        if !core.started.swap(true, Ordering::AcqRel) {
                            // Dropped here if the owner has gone: then the handle
                            // has gone too, and this is the last reference, which
                            // holds no libca subscription.
                            let _ = shared.owner().call(move || core.start());
                        }
                    }
                    ChannelEvent::Disconnected if notify => shared.deliver_error(Box::new(
                        CaError::new(&**shared.name(), libca_sys::ECA_DISCONN, "camonitor"),
                    )),
                    _ => {}
                }));
        *self.listener.lock() = Some(listener);
    }

    /// Creates the libca subscription on the connected channel, unless
    /// closed meanwhile.
    fn start(&self) {
        if self.shared.close_reason().is_some() {
            return;
        }
        let result = Arc::clone(&self.shared).subscribe(&self.channel, self.request, self.events);
        match result {
            Ok(subscription) => {
                *self.subscription.lock() = Some(subscription);
                schedule_flush();
                // Closed while it was being made: clear it again.
                if self.shared.close_reason().is_some() {
                    self.clear();
                }
            }
            Err(err) => {
                let failure = StartFailure::of(&err);
                if failure.retries() {
                    self.started.store(false, Ordering::Release);
                    // The connection or grant that should start it may have
                    // come (and found it started) before the store above.
                    if self.channel.is_connected()
                        && self.channel.access().0
                        && !self.started.swap(true, Ordering::AcqRel)
                    {
                        if let Some(core) = self.shared.core().upgrade() {
                            let _ = self.shared.owner().call(move || core.start());
                        }
                    }
                }
                if !failure.is_told() {
                    return;
                }
                if self.notify_disconnect {
                    self.shared.deliver_error(Box::new(err));
                } else {
                    diagnostics::report(Diagnostic::MonitorFailed(err));
                }
            }
        }
    }

    /// Ends the subscription (once; the first reason stays): once this
    /// returns, no call of the callback is running or will start.
    fn close(&self, reason: CloseReason) {
        self.shared.set_closed(reason);
        self.clear();
    }

    /// Removes the listener and clears the libca subscription (which waits
    /// for a running update callback: never under `state`'s lock).
    fn clear(&self) {
        let listener = self.listener.lock().take();
        if let Some(listener) = listener {
            self.channel.remove_listener(listener);
        }
        let subscription = self.subscription.lock().take();
        if subscription.is_some() {
            drop(subscription);
            // libca only queues the cancellation: send it.
            schedule_flush();
        }
    }
}

/// A live subscription made by [`Monitor::subscribe_on_libca_thread`]: its
/// callback runs on libca's threads until [`close`](Self::close) or drop, or
/// until it panics ([`close_reason`](Self::close_reason)).
///
/// Like a [`Subscription`](super::Subscription), it belongs to the thread
/// that made it (whose scheduler starts it when the channel connects):
///
/// ```compile_fail
/// let s: cothread::catools::DirectSubscription = todo!();
/// std::thread::spawn(move || drop(s));
/// ```
#[must_use = "dropping a DirectSubscription ends its updates: bind it"]
pub struct DirectSubscription {
    core: Arc<Core>,
    /// `!Send` and `!Sync`: closed by the thread that made it.
    _owner_thread: PhantomData<Rc<()>>,
}

impl DirectSubscription {
    /// The PV name.
    pub fn name(&self) -> &str {
        self.core.channel.name()
    }

    /// Ends the subscription: once this returns, no call of the callback is
    /// running, and none will start.
    pub fn close(&self) {
        self.core.close(CloseReason::Closed);
    }

    /// Whether the subscription has ended (see [`close_reason`](Self::close_reason)).
    pub fn is_closed(&self) -> bool {
        self.close_reason().is_some()
    }

    /// Why the subscription ended, or `None` while it runs.
    pub fn close_reason(&self) -> Option<CloseReason> {
        self.core.shared.close_reason()
    }
}

impl Drop for DirectSubscription {
    fn drop(&mut self) {
        self.core.close(CloseReason::Closed);
    }
}

impl std::fmt::Debug for DirectSubscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DirectSubscription")
            .field("name", &self.name())
            .field("closed", &self.is_closed())
            .finish()
    }
}
