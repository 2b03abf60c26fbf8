//! This layer against a real softIoc (the harness of tests/support).
//!
//! These live inside the crate, not in tests/, because the layer is
//! `pub(crate)`: the public catools functions, once they join this layer with
//! the scheduler, get their own tests in tests/. Waits here are plain
//! blocking channel receives with timeouts, as no scheduler exists yet.

#[path = "../../../tests/support/mod.rs"]
mod support;

mod channels;
mod reads;
mod subscriptions;
mod writes;

use std::sync::mpsc;
use std::time::Duration;

use super::{flush_io, Channel, ReadRequest};
use crate::catools::{Augmented, CaError, Count, DataType, Format, Value};

/// How long a test waits for anything the IOC should do at once.
const WAIT: Duration = Duration::from_secs(5);

/// The full name of a record of the shared IOC.
fn pv(record: &str) -> String {
    support::shared_ioc().pv(record)
}

/// Opens `record`'s channel and waits until it connects.
fn connect(record: &str) -> Channel {
    let channel = Channel::open(&pv(record)).expect("open channel");
    let (tx, rx) = mpsc::channel();
    channel.on_connect(Box::new(move |result| {
        let _ = tx.send(result);
    }));
    rx.recv_timeout(WAIT)
        .unwrap_or_else(|_| panic!("{record} did not connect"))
        .expect("connection result");
    channel
}

/// One read, waited for.
fn get_with(
    channel: &Channel,
    datatype: DataType,
    format: Format,
    count: Count,
) -> Result<Augmented<Value>, CaError> {
    let (tx, rx) = mpsc::channel();
    let request = ReadRequest {
        datatype,
        format,
        count,
    };
    channel.get(request, move |result| {
        let _ = tx.send(result);
    })?;
    flush_io().expect("flush");
    rx.recv_timeout(WAIT).expect("get callback")
}

/// A native, raw read of the current length.
fn get(channel: &Channel) -> Value {
    get_with(channel, DataType::Native, Format::Raw, Count::Current)
        .expect("get")
        .value
}

/// A put with completion, waited for.
fn put_wait(channel: &Channel, value: impl Into<Value>, datatype: DataType) -> Result<(), CaError> {
    let (tx, rx) = mpsc::channel();
    channel.put_callback(&value.into(), datatype, move |result| {
        let _ = tx.send(result);
    })?;
    flush_io().expect("flush");
    rx.recv_timeout(WAIT).expect("put callback")
}
