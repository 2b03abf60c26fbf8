//! The crate's one FFI layer: a safe interface to libca for the scheduler
//! glue and `catools`.
//!
//! - [`context`]: the process's CA context (created on first use, with
//!   preemptive callbacks), `attach` for other threads, `ca_message`,
//!   `ca_flush_io`, the exception handler.
//! - [`channel`]: one cached channel per PV name, its connection and access
//!   rights callbacks, waits for connection and `cainfo` data, and the
//!   clearing of channels left unused for the idle period.
//! - [`request`]: get, put, put with completion, subscriptions, and their
//!   trampolines.
//! - [`batch`]: reads of a whole list of connected channels in one
//!   allocation, for a prepared list's warm reads.
//! - [`dbr`]: DBR request planning, decoding and encoding (safe code).
//!
//! Every closure given here runs on libca's own threads: it must be quick,
//! and hand its result over (to the scheduler's remote queue) rather than do
//! the work. Panics in it are contained; they never unwind into libca.
//! `catools::handoff` describes the whole path from there to the user.
//!
//! The types this layer decodes into and fails with (values, request
//! options, `CaError`) live below it, in `ca_types`; it imports nothing of
//! `catools`, `catools_async` or `pv` (`tests/layering.rs` checks).

mod batch;
mod channel;
mod context;
mod dbr;
mod request;

pub(crate) use batch::{Batch, Written};
pub(crate) use channel::{idle_period, set_idle_period, CallbackId, Channel, ChannelEvent, Listen};
#[cfg(test)]
pub(crate) use channel::{open_channels, sweep, MAX_PV_NAME};
pub(crate) use context::{
    attach, client_status, flush_io, max_array_bytes, protocol_version, scan_long,
};
pub(crate) use dbr::ReadRequest;
pub(crate) use request::{Converted, EventSubscription, Reply};

#[cfg(test)]
pub(crate) mod tests;
