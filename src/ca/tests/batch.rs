//! Batch reads: every channel's reply in list order, one `done` per batch,
//! late replies of an abandoned batch dropped and counted, and the batch's
//! leases keeping its channels open while a read is in flight.

use std::sync::{mpsc, Arc};
use std::time::Duration;

use super::channels::sweeping;
use super::{connect, connect_name, flush_io, pv, Channel, ReadRequest, WAIT};
use crate::ca::Batch;
use crate::ca_types::{CompactReading, DataType, ErrorKind, Format, Value};

/// A batch of native, raw reads of `channels`; `done` sends on the receiver.
fn read<R: crate::ca::Reply<Context = ()>>(
    channels: &Arc<[Channel]>,
    request: ReadRequest,
) -> (Batch<R>, mpsc::Receiver<()>) {
    let (tx, rx) = mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let batch = Batch::<R>::read(
        channels,
        std::iter::repeat_n(request, channels.len()),
        (),
        move || {
            let _ = tx.lock().unwrap().send(());
        },
    );
    (batch, rx)
}

#[test]
fn a_batch_reads_every_channel_in_list_order_and_calls_done_once() {
    crate::scope(|| {
        let channels: Arc<[Channel]> = vec![connect("ai"), connect("longin"), connect("ai")].into();
        let (mut batch, done) = read::<Value>(&channels, ReadRequest::default());
        flush_io().expect("flush");
        done.recv_timeout(WAIT).expect("done");
        assert!(batch.is_complete());
        let values: Vec<Value> = batch
            .results()
            .map(|result| result.expect("completed").expect("read"))
            .collect();
        assert_eq!(
            values,
            vec![Value::Double(3.5), Value::Long(42), Value::Double(3.5)]
        );
        assert!(
            done.recv_timeout(Duration::from_millis(200)).is_err(),
            "done once"
        );
    })
}

#[test]
fn a_batch_decodes_readings_with_their_metadata() {
    crate::scope(|| {
        let channels: Arc<[Channel]> = vec![connect("ai")].into();
        let request = ReadRequest {
            format: Format::Time,
            ..ReadRequest::default()
        };
        let (mut batch, done) = read::<CompactReading>(&channels, request);
        flush_io().expect("flush");
        done.recv_timeout(WAIT).expect("done");
        let reading = batch.results().next().unwrap().unwrap().unwrap();
        let reading = reading.into_augmented(Arc::default(), 1);
        assert_eq!(reading.value, Value::Double(3.5));
        assert!(reading.meta.timestamp.is_some());
    })
}

#[test]
fn a_batch_converts_each_value_to_the_readers_type_as_it_arrives() {
    crate::scope(|| {
        use crate::ca::Converted;
        use crate::ca_types::{FromValue, TypeMismatch};
        // ai holds 3.5, longin 42: both fit f64; only longin fits i32.
        let channels: Arc<[Channel]> = vec![connect("ai"), connect("longin")].into();
        let native = ReadRequest::default();
        let (tx, rx) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let to_f64 = f64::convert_on_arrival().expect("f64 converts on arrival");
        let mut as_f64 =
            Batch::<Converted<f64>>::read(&channels, [native, native], to_f64, move || {
                let _ = tx.lock().unwrap().send(());
            });
        let (tx, rx_i32) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let to_i32 = i32::convert_on_arrival().expect("i32 converts on arrival");
        let mut as_i32 =
            Batch::<Converted<i32>>::read(&channels, [native, native], to_i32, move || {
                let _ = tx.lock().unwrap().send(());
            });
        flush_io().expect("flush");
        rx.recv_timeout(WAIT).expect("f64 batch done");
        rx_i32.recv_timeout(WAIT).expect("i32 batch done");
        let f64s: Vec<Result<f64, TypeMismatch>> = as_f64
            .results()
            .map(|result| result.expect("completed").expect("read").into_result())
            .collect();
        assert_eq!(f64s, vec![Ok(3.5), Ok(42.0)]);
        let i32s: Vec<Result<i32, TypeMismatch>> = as_i32
            .results()
            .map(|result| result.expect("completed").expect("read").into_result())
            .collect();
        assert_eq!(i32s[1], Ok(42));
        assert_eq!(
            i32s[0],
            Err(TypeMismatch {
                expected: "i32",
                found: Value::Double(3.5).kind_name()
            })
        );
    })
}

#[test]
fn a_read_that_cannot_be_planned_fails_alone() {
    crate::scope(|| {
        let channels: Arc<[Channel]> = vec![connect("ai"), connect("ai")].into();
        let refused = ReadRequest {
            datatype: DataType::PutAckt, // write-only: no read plan
            ..ReadRequest::default()
        };
        let (tx, rx) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let mut batch = Batch::<Value>::read(
            &channels,
            [ReadRequest::default(), refused],
            (),
            move || {
                let _ = tx.lock().unwrap().send(());
            },
        );
        flush_io().expect("flush");
        rx.recv_timeout(WAIT).expect("done");
        let results: Vec<_> = batch.results().map(Option::unwrap).collect();
        assert_eq!(results[0].as_ref().unwrap(), &Value::Double(3.5));
        assert_eq!(results[1].as_ref().unwrap_err().kind(), ErrorKind::BadType);
    })
}

#[test]
fn an_abandoned_batch_drops_and_counts_its_late_replies() {
    crate::scope(|| {
        let channels: Arc<[Channel]> = vec![connect("ai"), connect("longin")].into();
        let before = crate::diagnostics::late_replies();
        let (mut batch, done) = read::<Value>(&channels, ReadRequest::default());
        // The owner gives up before anything was even sent.
        assert!(batch.results().all(|result| result.is_none()));
        drop(batch);
        drop(channels);
        flush_io().expect("flush");
        done.recv_timeout(WAIT).expect("done still runs");
        assert!(crate::diagnostics::late_replies() >= before + 2);
    })
}

#[test]
fn a_batch_in_flight_keeps_its_channels() {
    crate::scope(|| {
        let _turn = sweeping();
        let name = pv("slow.DESC"); // no other test opens this name
        let channels: Arc<[Channel]> = vec![connect_name(&name)].into();
        let (batch, done) = read::<Value>(&channels, ReadRequest::default());
        drop(batch);
        drop(channels);
        // Not sent yet, so certainly in flight: its lease keeps the channel.
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(crate::ca::open_channels(&name), 1, "in flight, so kept");
        flush_io().expect("flush");
        done.recv_timeout(WAIT).expect("done");
        let deadline = std::time::Instant::now() + WAIT;
        while crate::ca::open_channels(&name) > 0 && std::time::Instant::now() < deadline {
            crate::ca::sweep(Duration::ZERO);
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(crate::ca::open_channels(&name), 0, "done, so cleared");
    })
}
