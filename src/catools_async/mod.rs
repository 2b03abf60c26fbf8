//! The async face of [`catools`](crate::catools): `caget`, `caput`,
//! `connect` and `cainfo` as [`Future`](std::future::Future)s and
//! `camonitor` as a [`Stream`](futures_core::Stream), for any executor
//! (tokio, async-std, smol, a hand-written `block_on`), with no cothread
//! scheduler.
//!
//! One behaviour, two faces: the same options ([`Get`], [`Put`],
//! [`Connect`], [`Monitor`]), the same value types ([`FromReading`]: `f64`,
//! `Vec<i32>`, `String`, [`Value`],
//! [`Augmented`](crate::catools::Augmented), ...) and the same
//! [`CaError`]s as the cothread face. Each `*_with` function takes the
//! options; the plain one uses the defaults.
//!
//! ```
//! use cothread::catools::{self, ErrorKind};
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! // A name CA cannot carry fails before any traffic, alike on both faces.
//! let error = cothread::catools_async::caget::<f64>("").await.unwrap_err();
//! assert_eq!(error.kind(), ErrorKind::BadString);
//! assert_eq!(error, catools::caget::<f64>("").unwrap_err());
//! # });
//! ```
//!
//! Against an IOC, from a tokio program:
//!
//! ```no_run
//! use cothread::catools::{Augmented, CaError, Format, Get};
//! use cothread::catools_async::{caget, caget_with, camonitor, caput};
//!
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), CaError> {
//! caput("BL:DEMO:SETPOINT", 2.5).await?;
//! let current: f64 = caget("BL:DEMO:READBACK").await?;
//! let stamped: Augmented<f64> =
//!     caget_with(&Get::new().format(Format::Time), "BL:DEMO:READBACK").await?;
//! println!("{current}, at {:?}", stamped.meta.timestamp);
//! let mut updates = camonitor::<f64>("BL:DEMO:STATUS")?;
//! while let Some(update) = updates.next().await {
//!     println!("{}", update?);
//! }
//! # Ok(()) }
//! ```
//!
//! # How a request completes
//! Making a future opens (or finds) the PV's channel; polling it, once the
//! channel is connected, issues the request. libca queues requests until
//! they are flushed: an issued request wakes its own task, and the next
//! poll of any request sends everything queued in one flush, so the
//! requests that one round of polls issues (a join of 1,000 gets) travel
//! together, and a single request costs one extra poll. libca answers on
//! its own threads: its callback stores the reply in a slot shared with
//! the future and wakes the task's [`Waker`](std::task::Waker). No thread
//! is started per request and nothing polls in a loop.
//!
//! Many PVs are read in parallel by one future: [`caget_list`] (the values,
//! or the first error in list order) and [`caget_each_with`] (each PV's own
//! result). A list whose channels are all connected is read as one batch:
//! one flush, and one wake-up of the task when the last reply is in. Many
//! futures joined together (e.g. `futures::future::join_all`, or a
//! `tokio::task::JoinSet`) work too, at a wake-up per PV.
//!
//! # Timeouts and cancellation
//! The futures hold no timer, so they run on any executor: the options'
//! `timeout` (and [`Monitor::connect_timeout`]) do not apply here, and a PV
//! that no server answers keeps its future pending. Bound a wait with your
//! executor's timer, in one of two ways:
//! - `tokio::time::timeout(duration, caget::<f64>(pv))` (or any executor's
//!   equivalent) gives that executor's timeout error;
//! - `caget::<f64>(pv).with_timeout(tokio::time::sleep(duration))` gives
//!   the cothread face's error: [`ErrorKind::NotFound`] for a PV that no
//!   server answered, [`ErrorKind::Timeout`] otherwise. A list future's
//!   `with_timeout` keeps the results that are in and gives the others
//!   those errors, as the cothread face's list reads do.
//!
//! Dropping a future cancels it at any stage: a connection wait is
//! withdrawn from the channel, and a reply that arrives later is discarded
//! on libca's thread, quietly. Dropping an [`Updates`] stream clears its
//! subscription.
//!
//! # Streams
//! [`Updates`] keeps at most one undelivered update by default (newer ones
//! merge into it, counted in `meta.update_count`), or with
//! [`Monitor::all_updates`] up to [`Monitor::backlog`] (10,000 by default,
//! as for the cothread face): beyond that the oldest merge, so a slow
//! reader never makes the buffer grow without bound (unless it asked for
//! [`Backlog::Unbounded`](crate::catools::Backlog::Unbounded)). The
//! `all_updates` streams of the process also share one budget
//! ([`set_stream_backlog`], a million updates by default), so that 100,000
//! streams falling behind together do not hold 10,000 updates each.
//!
//! [`ErrorKind::NotFound`]: crate::catools::ErrorKind::NotFound
//! [`ErrorKind::Timeout`]: crate::catools::ErrorKind::Timeout
#![forbid(unsafe_code)]

mod deadline;
mod list;
mod request;
mod updates;

#[cfg(test)]
mod tests;

pub use deadline::{GiveUp, WithTimeout};
pub use list::{GetEachFuture, GetListFuture};
pub use request::{ConnectFuture, GetFuture, InfoFuture, PutFuture};
pub use updates::{set_stream_backlog, stream_backlog, Next, Updates, DEFAULT_STREAM_BACKLOG};

use crate::catools::{CaError, Connect, FromReading, Get, Monitor, Put, Value};
use request::{ConnectOp, GetOp, PutOp, Request};

/// Reads one PV with the default options: `caget::<f64>("PV").await`.
pub fn caget<T: FromReading>(pv: &str) -> GetFuture<T> {
    caget_with(&Get::new(), pv)
}

/// Reads one PV with `options` (its timeout does not apply: see the
/// [module docs](self#timeouts-and-cancellation)).
pub fn caget_with<T: FromReading>(options: &Get, pv: &str) -> GetFuture<T> {
    GetFuture {
        request: Request::new(pv, GetOp::new(options, pv)),
    }
}

/// Reads many PVs in parallel with the default options: the values in
/// list order, or the first failure in list order (as
/// [`catools::caget_list`](crate::catools::caget_list)).
///
/// A list whose channels are all connected when the future is first polled
/// is read as one batch, with one wake-up of the task when the last reply
/// is in; otherwise each PV waits for its own connection.
pub fn caget_list<T: FromReading, S: AsRef<str>>(pvs: &[S]) -> GetListFuture<T> {
    caget_list_with(&Get::new(), pvs)
}

/// Reads many PVs in parallel with `options` (its timeout does not apply:
/// see the [module docs](self#timeouts-and-cancellation)); the first
/// failure in list order is the error, as [`Get::get_list`].
pub fn caget_list_with<T: FromReading, S: AsRef<str>>(
    options: &Get,
    pvs: &[S],
) -> GetListFuture<T> {
    GetListFuture::new(options, pvs)
}

/// Reads many PVs in parallel with `options`, each PV with its own result,
/// as [`Get::get_each`].
pub fn caget_each_with<T: FromReading, S: AsRef<str>>(
    options: &Get,
    pvs: &[S],
) -> GetEachFuture<T> {
    GetEachFuture::new(options, pvs)
}

/// Writes one PV with the default options (no wait: done once the put is
/// sent).
pub fn caput(pv: &str, value: impl Into<Value>) -> PutFuture {
    caput_with(&Put::new(), pv, value)
}

/// Writes one PV with `options`; with [`Put::wait`] the future resolves
/// once the server has processed the put.
pub fn caput_with(options: &Put, pv: &str, value: impl Into<Value>) -> PutFuture {
    PutFuture {
        request: Request::new(pv, PutOp::new(options, pv, value.into())),
    }
}

/// Connects one PV: later requests on it then start at once.
pub fn connect(pv: &str) -> ConnectFuture {
    connect_with(&Connect::new(), pv)
}

/// Connects one PV with `options` (without [`Connect::wait`]: starts the
/// connection and resolves at once).
pub fn connect_with(options: &Connect, pv: &str) -> ConnectFuture {
    ConnectFuture {
        request: Request::new(pv, ConnectOp::new(options)),
    }
}

/// Connects and describes one PV, as [`catools::cainfo`](crate::catools::cainfo).
pub fn cainfo(pv: &str) -> InfoFuture {
    cainfo_with(&Connect::new(), pv)
}

/// Connects and describes one PV with `options` (without
/// [`Connect::wait`]: describes the channel as it is now).
pub fn cainfo_with(options: &Connect, pv: &str) -> InfoFuture {
    InfoFuture {
        request: Request::new(pv, ConnectOp::new(options)),
    }
}

/// Subscribes to one PV with the default options: a stream of its value,
/// then every change, merged while the reader is busy.
pub fn camonitor<T: FromReading>(pv: &str) -> Result<Updates<T>, CaError> {
    camonitor_with(&Monitor::new(), pv)
}

/// Subscribes to one PV with `options`. Fails at once for what the
/// cothread face refuses at once (a bad event mask, a bad PV name).
pub fn camonitor_with<T: FromReading>(options: &Monitor, pv: &str) -> Result<Updates<T>, CaError> {
    Updates::new(options, pv)
}
