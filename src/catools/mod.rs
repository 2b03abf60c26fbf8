//! Channel Access for EPICS users: the values, options and errors of
//! `caget`, `caput`, `camonitor`, `connect` and `cainfo`, in the model of
//! Python's `cothread.catools`.
//!
//! This module holds no unsafe code; the FFI lives in the crate's private
//! `ca` module.
//!
//! # Environment
//! libca reads the `EPICS_CA_*` variables (`ADDR_LIST`, `AUTO_ADDR_LIST`,
//! `CONN_TMO`, `BEACON_PERIOD`, `SERVER_PORT`, `REPEATER_PORT`,
//! `MAX_ARRAY_BYTES`, `NAME_SERVERS`) once, when the process's CA context is
//! created, which happens at the first CA call. Set them before that call.
//!
//! # Learning the outcome of a put
//! Channel Access has no completion for a plain put: when the server rejects
//! one (for example a value its record refuses), the client cannot tell.
//! Use a put that waits, or one with a callback, to learn the outcome.
#![forbid(unsafe_code)]

mod channels;
mod connect;
mod connected;
mod dispatch;
mod error;
mod get;
mod handoff;
mod monitor;
mod put;
mod status;
mod timeout;
mod types;
mod value;

pub use channels::Channels;
pub use connect::{cainfo, connect, Connect};
pub use error::{CaError, CaNothing, ErrorKind};
pub use get::{caget, caget_list, FromReading, Get};
pub(crate) use monitor::ReportedPanic;
pub use monitor::{camonitor, Backlog, CloseReason, Monitor, Subscription};
pub use put::{caput, caput_list, Put};
pub use status::client_status;
pub use timeout::CaTimeout;
pub use types::{ChannelInfo, ChannelState, Count, DataType, EventMask, FieldType, Format};
pub use value::{
    severity_name, status_name, Augmented, FromValue, Limits, Meta, Timestamp, TypeMismatch, Value,
};

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
/// the connection again. A process-wide setting, read by a sweeper thread:
/// a change takes effect within a few milliseconds.
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

/// `DBE_VALUE`, as [`EventMask::VALUE`].
pub const DBE_VALUE: EventMask = EventMask::VALUE;
/// `DBE_LOG`, as [`EventMask::LOG`].
pub const DBE_LOG: EventMask = EventMask::LOG;
/// `DBE_ALARM`, as [`EventMask::ALARM`].
pub const DBE_ALARM: EventMask = EventMask::ALARM;
/// `DBE_PROPERTY`, as [`EventMask::PROPERTY`].
pub const DBE_PROPERTY: EventMask = EventMask::PROPERTY;
