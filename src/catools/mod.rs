//! Channel Access for EPICS users: the values, options and errors of
//! `caget`, `caput`, `camonitor`, `connect` and `cainfo`, in the model of
//! Python's `cothread.catools`; and, beyond it, connection and access-rights
//! events ([`watch`], [`Monitor::on_connection`], [`Monitor::on_access`]).
//!
//! This module holds no unsafe code; the FFI lives in the crate's private
//! `ca` module.
//!
//! # Environment
//! libca reads the `EPICS_CA_*` variables (`ADDR_LIST`, `AUTO_ADDR_LIST`,
//! `CONN_TMO`, `SERVER_PORT`, `REPEATER_PORT`, `MAX_ARRAY_BYTES`,
//! `AUTO_ARRAY_BYTES`, `MAX_SEARCH_PERIOD`, `NAME_SERVERS`, `MCAST_TTL`)
//! once, when the process's CA context is created, which happens at the
//! first CA call. Set them before that call. [`initialise`] creates the
//! context up front and reports every variable libca would misread as an
//! [`EnvironmentError`], rather than libca's warnings and defaults later.
//!
//! # Connection and access-rights events
//! Beyond Python's catools (as pyepics's `connection_callback` and
//! `access_callback`): [`watch`] one PV or [`watch_list`] many, and a
//! callback hears each [`ChannelEvent`]: `Connected` with the channel as it
//! was at that connection ([`ChannelInfo`]: the server's `host:port`, native
//! type, element count, this client's rights), `Disconnected`, and
//! `AccessChanged` when the server changes the rights while connected. As
//! monitor updates, they run on the dispatcher cothread of the thread that
//! asked, never on libca's threads, and in the order they happened; a watch
//! of a connected channel hears that first, and one of a PV that no server
//! answers hears nothing. The returned [`Watch`] ends them when dropped.
//! The same events reach [`Monitor::on_connection`] and
//! [`Monitor::on_access`] (and the `Pv` options), and keep
//! [`Pv::state`](crate::pv::Pv::state) current.
//!
//! ```no_run
//! use std::time::Duration;
//! use cothread::catools::{watch_list, ChannelEvent, Connect};
//!
//! let pvs = ["SR:DCCT", "SR:ENERGY"];
//! let _watch = watch_list(&pvs, |event, index| match event {
//!     ChannelEvent::Connected(info) => println!(
//!         "{index}: {} on {}, {:?} x {}, {}",
//!         info.name, info.host, info.datatype, info.element_count,
//!         if info.write { "writable" } else { "read-only" }
//!     ),
//!     other => println!("{index}: {other}"),
//! })?;
//! // A PV that never connects tells nothing; a connect with a timeout says so.
//! if let Err(err) = Connect::new().timeout(Duration::from_secs(2)).connect_list(&pvs) {
//!     println!("{err}");
//! }
//! cothread::sleep(std::time::Duration::from_secs(60));
//! # Ok::<(), cothread::catools::CaError>(())
//! ```
//!
//! # Monitor callbacks on libca's thread
//! A monitor callback normally runs on the dispatcher cothread of the thread
//! that subscribed, so it may suspend (call `caget`, `sleep`); each burst of
//! updates then costs a wake-up of that thread. For a consumer that only
//! copies updates out at a high rate, [`Monitor::subscribe_on_libca_thread`]
//! runs a `Send` callback directly on libca's thread instead, as a C client
//! does, at C's cost per update; it must not block or suspend.
//!
//! # Learning the outcome of a put
//! Channel Access has no completion for a plain put: when the server rejects
//! one (for example a value its record refuses), the client cannot tell.
//! Use a put that waits, or one with a callback, to learn the outcome.
#![forbid(unsafe_code)]

mod channels;
mod connect;
mod environment;
mod events;
mod get;
pub(crate) mod handoff;
mod monitor;
mod put;
mod status;
mod timeout;

// The value, option, channel and error types live below the FFI layer, in
// `ca_types`; this is where users find them.
pub use crate::ca_types::{
    severity_name, status_name, Augmented, CaError, CaNothing, ChannelInfo, ChannelState, Count,
    DataType, ErrorKind, EventMask, FieldType, Format, FromValue, Limits, Meta, MetaDetails,
    Timestamp, TypeMismatch, Value,
};
pub use channels::Channels;
pub use connect::{cainfo, connect, Connect};
pub use environment::{
    check_environment, initialise, BadVariable, CaSettings, ContextInfo, EnvironmentError,
    InitialiseError,
};
pub use events::{watch, watch_list, AccessRights, ChannelEvent, Watch};
pub use get::{caget, caget_list, FromReading, Get};
pub(crate) use get::{
    convert_reading, convert_update, convert_value, ConnectedRead, EachResult, FirstError,
    TakeResults,
};
pub use monitor::{camonitor, Backlog, CloseReason, DirectSubscription, Monitor, Subscription};
pub(crate) use monitor::{ReportedPanic, StartFailure};
pub use put::{caput, caput_list, Put};
pub use status::client_status;
pub use timeout::CaTimeout;

use std::time::Duration;

/// `Ok` where this thread may start cothreads, which run the callbacks of
/// `call` (monitor, watch and put callbacks); else the error for `pv`
/// ([`ErrorKind::NeedsScope`]). Checked before anything is opened, so that no
/// callback waits for a cothread that cannot start.
fn may_run_callbacks(pv: &str, call: &'static str) -> Result<(), CaError> {
    if crate::sched::may_spawn() {
        Ok(())
    } else {
        Err(CaError::needs_scope(pv, call))
    }
}

/// The Channel Access protocol version of the libca in use (libca's
/// `ca_version`), e.g. `"4.13"`: what EPICS base's tools print for `-V`.
///
/// ```
/// assert!(cothread::catools::protocol_version().starts_with("4."));
/// ```
pub fn protocol_version() -> &'static str {
    crate::ca::protocol_version()
}

/// Sets how long a channel that nothing uses stays open (default 60 s;
/// `None`: for the life of the process, as in Python's catools).
///
/// Every PV name used opens a libca channel, which searches for the PV until
/// found and then holds a place on the server. A channel is in use while a
/// call on it waits (for the connection or a reply) and for as long as a
/// [`Subscription`] or [`Pv`](crate::pv::Pv) on it lives, detached ones included;
/// once it has been unused for this period it is cleared (at most half a
/// period later), which also ends the search for a name that was never
/// found. The next call on the name opens a new channel, and so waits for
/// the connection again. One unused channel per connected server stays
/// open, the last one: clearing it would close the server's circuit, and
/// libca can lose a channel of that server being opened meanwhile (it then
/// connects only after libca's ten-second disconnect delay). The sweep
/// looks at it again every period, and clears it once another channel of
/// the server is open, or once the server is gone.
/// A process-wide setting, read by a sweeper thread: a change takes effect
/// within a few milliseconds.
///
/// ```
/// use std::time::Duration;
/// cothread::catools::set_channel_idle_period(Some(Duration::from_secs(300)));
/// assert_eq!(cothread::catools::channel_idle_period(), Some(Duration::from_secs(300)));
/// ```
pub fn set_channel_idle_period(period: Option<std::time::Duration>) {
    crate::ca::set_idle_period(period);
}

/// How long a channel that nothing uses stays open; see
/// [`set_channel_idle_period`].
pub fn channel_idle_period() -> Option<std::time::Duration> {
    crate::ca::idle_period()
}

/// Sets how many monitor updates the calling thread's `all_updates`
/// subscriptions may hold waiting for their callbacks, together (default
/// [`DEFAULT_THREAD_BACKLOG`], about 64 MB).
///
/// Each subscription's [`Backlog`] bounds it alone; this bounds them
/// together, for a thread whose many subscriptions fall behind at once (a
/// burst across 100,000 PVs, or callbacks stalled on slow I/O). Once the
/// thread holds this many, a subscription that already has an update
/// waiting merges its oldest into the next, as when its own backlog is
/// full: `meta.update_count` says how many updates a delivered one stands
/// for, and every subscription keeps its latest. Subscriptions with
/// [`Backlog::Unbounded`] are not counted (nor the default merged ones,
/// which hold one update each).
///
/// ```
/// cothread::catools::set_thread_backlog(100_000);
/// assert_eq!(cothread::catools::thread_backlog(), 100_000);
/// ```
pub fn set_thread_backlog(updates: usize) {
    // (Each thread has its own: its subscriptions feed its own dispatcher.)
    handoff::dispatch::set_thread_backlog(updates);
}

/// The thread backlog a thread starts with: a million waiting updates, a
/// hundred for each of 10,000 subscriptions.
pub const DEFAULT_THREAD_BACKLOG: usize = handoff::dispatch::DEFAULT_THREAD_BACKLOG;

/// How many monitor updates the calling thread's subscriptions may hold
/// waiting together; see [`set_thread_backlog`].
pub fn thread_backlog() -> usize {
    handoff::dispatch::thread_backlog()
}

/// Sets the calling thread's batch window: the longest the callbacks of
/// its subscriptions (and of its `watch`es and `caput` callbacks) may wait
/// to be run together, while their work comes faster than one burst per
/// millisecond (default [`DEFAULT_BATCH_WINDOW`], 8 ms).
///
/// Each burst of work from libca's threads costs a wake-up of this thread
/// (a system call on each side and a context switch, more than a C client
/// spends on an update). Once bursts come less than a first window apart
/// (an eighth of the batch window: 1 ms by default), the thread is no
/// longer woken for each: it looks for work at the end of the window and
/// runs all of it in one go. While every window finds work, each is twice
/// as long as the last, up to the batch window (1, 2, 4, then 8 ms by
/// default); the first window that finds nothing ends the batching. So a
/// burst that is over within a millisecond (one scan of an IOC, say) waits
/// at most that long; only a stream that keeps coming waits up to the whole
/// window, for which the thread is woken about 125 times a second instead
/// of once per burst. At slower rates nothing waits: the first burst after
/// a quiet window wakes the thread at once. Nothing is merged or dropped by
/// this (that is the [backlog](set_thread_backlog)'s business).
///
/// A longer window trades latency for CPU (in `BENCHMARKS.md`,
/// `all_updates` at 10,000 updates a second costs 1.2-1.3x the CPU of a C
/// client with the default window, 2.4x with a 1 ms one).
/// `Duration::ZERO` turns batching off: every burst wakes the thread at
/// once, for the least latency at any rate. A callback that must see each
/// update with the least delay can also run on libca's thread
/// ([`Monitor::subscribe_on_libca_thread`]).
///
/// ```
/// use std::time::Duration;
/// cothread::catools::set_thread_batch_window(Duration::from_micros(200));
/// assert_eq!(cothread::catools::thread_batch_window(), Duration::from_micros(200));
/// ```
pub fn set_thread_batch_window(window: Duration) {
    handoff::dispatch::set_thread_batch_window(window);
}

/// The batch window a thread starts with: 8 ms (its first window 1 ms).
pub const DEFAULT_BATCH_WINDOW: Duration = handoff::dispatch::DEFAULT_BATCH_WINDOW;

/// The calling thread's batch window; see [`set_thread_batch_window`].
pub fn thread_batch_window() -> Duration {
    handoff::dispatch::thread_batch_window()
}

/// `DBE_VALUE`, as [`EventMask::VALUE`].
pub const DBE_VALUE: EventMask = EventMask::VALUE;
/// `DBE_LOG`, as [`EventMask::LOG`].
pub const DBE_LOG: EventMask = EventMask::LOG;
/// `DBE_ALARM`, as [`EventMask::ALARM`].
pub const DBE_ALARM: EventMask = EventMask::ALARM;
/// `DBE_PROPERTY`, as [`EventMask::PROPERTY`].
pub const DBE_PROPERTY: EventMask = EventMask::PROPERTY;
