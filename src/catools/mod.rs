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

mod connect;
mod connected;
mod dispatch;
mod error;
mod get;
mod handoff;
mod monitor;
mod put;
mod timeout;
mod types;
mod value;

pub use connect::{cainfo, connect, Connect};
pub use error::{CaError, CaNothing, ErrorKind};
pub use get::{caget, caget_list, FromReading, Get};
pub(crate) use monitor::ReportedPanic;
pub use monitor::{camonitor, Backlog, CloseReason, Monitor, Subscription};
pub use put::{caput, caput_list, Put};
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

/// `DBE_VALUE`, as [`EventMask::VALUE`].
pub const DBE_VALUE: EventMask = EventMask::VALUE;
/// `DBE_LOG`, as [`EventMask::LOG`].
pub const DBE_LOG: EventMask = EventMask::LOG;
/// `DBE_ALARM`, as [`EventMask::ALARM`].
pub const DBE_ALARM: EventMask = EventMask::ALARM;
/// `DBE_PROPERTY`, as [`EventMask::PROPERTY`].
pub const DBE_PROPERTY: EventMask = EventMask::PROPERTY;
