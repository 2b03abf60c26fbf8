//! This layer against a real softIoc (the harness of tests/support).
//!
//! These live inside the crate, not in tests/, because the layer is
//! `pub(crate)`: the public catools functions, once they join this layer with
//! the scheduler, get their own tests in tests/. Waits here are plain
//! blocking channel receives with timeouts, as no scheduler exists yet.

#[path = "../../../tests/support/mod.rs"]
mod support;

mod batch;
mod channels;
mod reads;
mod reconnection;
mod subscriptions;
mod writes;

use std::sync::{mpsc, Mutex, OnceLock};
use std::time::Duration;

use support::Ioc;

use super::{flush_io, Channel, ReadRequest};
use crate::ca_types::{Augmented, CaError, Count, DataType, Format, Value};

/// How long a test waits for anything the IOC should do at once: generous,
/// for a loaded machine (under AddressSanitizer, with another test suite
/// running, a search answer once took longer than 5 s).
const WAIT: Duration = Duration::from_secs(10);

/// The IOCs of this test binary: the shared one, and one that a test stops
/// and restarts. Both must run, and the client environment name both,
/// before the first CA call of the process creates the context: every test
/// reaches CA through this function first.
fn iocs() -> &'static (&'static Ioc, Mutex<Ioc>) {
    static IOCS: OnceLock<(&'static Ioc, Mutex<Ioc>)> = OnceLock::new();
    IOCS.get_or_init(|| {
        let shared = support::shared_ioc();
        let restartable = Ioc::start();
        // The shared IOC is found on EPICS_CA_SERVER_PORT; the other by an
        // address list entry with its own port.
        std::env::set_var(
            "EPICS_CA_ADDR_LIST",
            format!("127.0.0.1 127.0.0.1:{}", restartable.port()),
        );
        (shared, Mutex::new(restartable))
    })
}

/// The shared IOC.
fn ioc() -> &'static Ioc {
    iocs().0
}

/// The IOC that a test may stop and restart (one test at a time holds it).
fn restartable_ioc() -> std::sync::MutexGuard<'static, Ioc> {
    iocs()
        .1
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The full name of a record of the shared IOC.
pub(crate) fn pv(record: &str) -> String {
    ioc().pv(record)
}

/// Opens `record`'s channel on the shared IOC and waits until it connects.
fn connect(record: &str) -> Channel {
    connect_name(&pv(record))
}

/// Opens a channel and waits until it connects.
fn connect_name(name: &str) -> Channel {
    iocs();
    let channel = Channel::open(name).expect("open channel");
    let (tx, rx) = mpsc::channel();
    channel.on_connect(Box::new(move |result| {
        let _ = tx.send(result);
    }));
    rx.recv_timeout(WAIT)
        .unwrap_or_else(|_| panic!("{name} did not connect"))
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
