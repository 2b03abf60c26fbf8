//! The crate's one FFI layer: a safe interface to libca for the scheduler
//! glue and `catools`.
//!
//! - [`context`]: the process's CA context (created on first use, with
//!   preemptive callbacks), `attach` for other threads, `ca_message`,
//!   `ca_flush_io`, the exception handler.
//! - [`channel`]: one cached channel per PV name, its connection and access
//!   rights callbacks, waits for connection and `cainfo` data.
//! - [`request`]: get, put, put with completion, subscriptions, and their
//!   trampolines.
//! - [`dbr`]: DBR request planning, decoding and encoding (safe code).
//!
//! Every closure given here runs on libca's own threads: it must be quick,
//! and hand its result over (to the scheduler's remote queue) rather than do
//! the work. Panics in it are contained; they never unwind into libca.

// Until the scheduler glue (caget, caput, camonitor, connect, cainfo) lands,
// only this layer's tests call it, and not all of it: remove this with the glue.
#![allow(dead_code, unused_imports)]

mod channel;
mod context;
mod dbr;
mod request;

pub(crate) use channel::{
    CallbackId, Channel, ChannelEvent, ChannelListener, ConnectCallback, MAX_PV_NAME,
};
pub(crate) use context::{
    attach, flush_io, max_array_bytes, message, set_exception_sink, ExceptionSink,
};
pub(crate) use dbr::{EncodedPut, ReadRequest};
pub(crate) use request::{GetCallback, PutCallback, Subscription, UpdateCallback};

#[cfg(test)]
mod tests;
