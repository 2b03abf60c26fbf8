//! The words both Channel Access layers speak: the values that come back
//! ([`Value`], [`Augmented`], [`Meta`], [`Timestamp`], [`Limits`]), the
//! options of a request ([`DataType`], [`Format`], [`Count`], [`EventMask`],
//! [`FieldType`]), what `cainfo` tells ([`ChannelInfo`], [`ChannelState`])
//! and the one error type ([`CaError`], [`ErrorKind`]).
//!
//! This is the bottom of the Channel Access layers: the FFI layer `ca`
//! decodes libca's replies into these types, and `catools` (which re-exports
//! every public item here unchanged, where users find them), `catools_async`
//! and `pv` hand them to users. It imports nothing of those modules
//! (`tests/layering.rs` checks), only `libca-sys` for libca's constants and
//! its status and alarm texts.
//!
//! All of it is safe code except [`localtime`], the one libc call that shows
//! a [`Timestamp`] in local time.

mod channel;
mod error;
#[allow(unsafe_code)]
mod localtime;
mod options;
mod reading;
mod value;

pub use channel::{ChannelInfo, ChannelState};
pub use error::{CaError, CaNothing, ErrorKind};
pub use options::{Count, DataType, EventMask, FieldType, Format};
pub(crate) use reading::{CompactReading, InlineMeta};
pub use value::{
    severity_name, status_name, Augmented, ConvertOnArrival, FromValue, Limits, Meta, MetaDetails,
    Timestamp, TypeMismatch, Value,
};
