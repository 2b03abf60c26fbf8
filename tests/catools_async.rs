//! The async face of catools against a real softIoc, on three executors:
//! tokio's current-thread and multi-thread runtimes, and a minimal
//! hand-written `block_on` (no runtime at all). One behaviour, two faces:
//! where both can fail, the errors are the cothread face's.
//!
//! Each test uses records of its own (tests run in parallel threads).

mod support;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use cothread::catools::{
    self, Augmented, CaError, ChannelState, Connect, DataType, ErrorKind, EventMask, FieldType,
    Format, FromValue, Get, Monitor, Put, TypeMismatch, Value,
};
use cothread::catools_async::{
    caget, caget_each_with, caget_list, caget_list_with, caget_with, cainfo, cainfo_with,
    camonitor, camonitor_with, caput, caput_with, connect, connect_with,
};
use futures_core::Stream;

/// Far above anything the IOC should take, even on a loaded machine.
const WAIT: Duration = Duration::from_secs(10);

fn pv(record: &str) -> String {
    support::shared_ioc().pv(record)
}

/// A name no server serves.
const MISSING: &str = "CATOOLS-ASYNC:NO:SUCH:PV";

/// The minimal executor: polls `future` on this thread, parking the
/// thread until its waker is woken.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        std::thread::park();
    }
}

/// A waker that only counts its wakes.
#[derive(Default)]
struct Counter(AtomicUsize);

impl Wake for Counter {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Makes `times` futures with `make`, polls each once with `waker` and drops
/// it; how many were still pending when dropped.
fn dropped_while_pending<F: Future + Unpin>(
    times: usize,
    waker: &Waker,
    make: impl Fn() -> F,
) -> usize {
    (0..times)
        .filter(|_| {
            let mut future = make();
            Pin::new(&mut future)
                .poll(&mut Context::from_waker(waker))
                .is_pending()
        })
        .count()
}

fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio runtime")
}

fn multi_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .expect("tokio runtime")
}

/// The next item of `stream`, within [`WAIT`].
async fn next<S: Stream + Unpin>(stream: &mut S) -> S::Item {
    let item = std::future::poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx));
    tokio::time::timeout(WAIT, item)
        .await
        .expect("an update within the wait")
        .expect("the stream never ends")
}

#[test]
fn get_put_connect_and_info_complete_on_tokio_current_thread() {
    cothread::scope(|| {
        current_thread().block_on(async {
            let (ao, ai) = (pv("ao"), pv("ai"));
            connect(&ai).await.unwrap();
            assert_eq!(caget::<f64>(&ai).await.unwrap(), 3.5);
            caput_with(&Put::new().wait(true), &ao, 4.75).await.unwrap();
            assert_eq!(caget::<f64>(&ao).await.unwrap(), 4.75);
            let reading: Augmented<f64> = caget_with(&Get::new().format(Format::Ctrl), &ao)
                .await
                .unwrap();
            assert_eq!(reading.value, 4.75);
            assert_eq!(reading.name(), ao);
            assert_eq!(reading.meta.units(), Some("V"));
            let info = cainfo(&pv("longin")).await.unwrap();
            assert_eq!(info.state, ChannelState::Connected);
            assert_eq!(info.datatype, Some(FieldType::Long));
            assert!(info.read && info.write);
        });
    })
}

#[test]
fn many_requests_run_in_parallel_on_tokio_multi_thread() {
    cothread::scope(|| {
        multi_thread().block_on(async {
            let names = ["ai", "longin", "stringin", "bi"].map(pv);
            let tasks: Vec<_> = (0..40)
                .map(|i| {
                    let name = names[i % names.len()].clone();
                    tokio::spawn(async move { caget::<Value>(&name).await })
                })
                .collect();
            let mut values = Vec::new();
            for task in tasks {
                values.push(task.await.unwrap().unwrap());
            }
            assert_eq!(values[0], Value::Double(3.5));
            assert_eq!(values[1], Value::Long(42));
            assert_eq!(values[2], Value::String("hello".into()));
            assert_eq!(values[3], Value::Enum(1));
            assert_eq!(values[4], values[0]);

            let longout = pv("longout");
            let writer = tokio::spawn({
                let longout = longout.clone();
                async move { caput_with(&Put::new().wait(true), &longout, 123).await }
            });
            writer.await.unwrap().unwrap();
            assert_eq!(caget::<i32>(&longout).await.unwrap(), 123);
        });
    })
}

#[test]
fn a_minimal_executor_completes_every_kind_of_request() {
    cothread::scope(|| {
        let (stringout, ai) = (pv("stringout"), pv("ai"));
        block_on(connect(&stringout)).unwrap();
        block_on(caput_with(&Put::new().wait(true), &stringout, "written")).unwrap();
        assert_eq!(block_on(caget::<String>(&stringout)).unwrap(), "written");
        // A plain put is done once sent; a read after it sees it (one circuit,
        // in order).
        block_on(caput(&stringout, "again")).unwrap();
        assert_eq!(block_on(caget::<String>(&stringout)).unwrap(), "again");
        let info = block_on(cainfo(&ai)).unwrap();
        assert_eq!(info.element_count, 1);
        assert_eq!(info.datatype, Some(FieldType::Double));
        let mut updates = camonitor::<f64>(&ai).unwrap();
        assert_eq!(block_on(updates.next()).unwrap().unwrap(), 3.5);
    })
}

#[test]
fn a_list_reads_in_list_order_cold_then_warm() {
    cothread::scope(|| {
        current_thread().block_on(async {
            let names = ["ai", "longin", "ai", "calc"].map(pv);
            // The first read connects the channels (a request per PV); the
            // next finds them connected (one batch).
            for _ in 0..3 {
                let values: Vec<f64> = caget_list(&names[..3]).await.unwrap();
                assert_eq!(values, vec![3.5, 42.0, 3.5]);
            }
            let readings: Vec<Augmented<f64>> =
                caget_list_with(&Get::new().format(Format::Time), &names[..2])
                    .await
                    .unwrap();
            assert_eq!(readings[1].value, 42.0);
            assert_eq!(readings[1].name(), names[1]);
            assert!(readings[1].meta.timestamp.is_some());
            let values: Vec<Value> = caget_list(&names[..2]).await.unwrap();
            assert_eq!(values, vec![Value::Double(3.5), Value::Long(42)]);
        });
    })
}

#[test]
fn a_list_gives_each_pv_its_own_result_as_the_cothread_face_does() {
    cothread::scope(|| {
        let ai = pv("ai");
        let mixed = [ai.clone(), String::new(), MISSING.to_string(), pv("longin")];
        // The missing PV never answers: bound the wait with the executor's
        // timer, as this face asks (it holds none).
        current_thread().block_on(async {
            let pending = tokio::time::timeout(
                Duration::from_millis(300),
                caget_each_with::<f64, _>(&Get::new(), &mixed),
            );
            assert!(pending.await.is_err(), "a list with a missing PV resolved");
            // With the list's own timeout: what is in, and the cothread face's
            // errors for the rest.
            let each = caget_each_with::<f64, _>(&Get::new(), &mixed)
                .with_timeout(tokio::time::sleep(Duration::from_millis(500)))
                .await;
            assert_eq!(each[0], Ok(3.5));
            assert_eq!(each[1].as_ref().unwrap_err().kind(), ErrorKind::BadString);
            assert_eq!(each[2].as_ref().unwrap_err().kind(), ErrorKind::NotFound);
            assert_eq!(each[3], Ok(42.0));
            let cold = [ai.clone(), MISSING.to_string()];
            let err = caget_list::<f64, _>(&cold)
                .with_timeout(tokio::time::sleep(Duration::from_millis(500)))
                .await
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
            assert_eq!(err.pv(), MISSING);
            // A list that completes first is not cut short.
            let values = caget_list::<f64, _>(&[&ai])
                .with_timeout(tokio::time::sleep(WAIT))
                .await
                .unwrap();
            assert_eq!(values, vec![3.5]);
            let known = [ai.clone(), String::new(), pv("longin")];
            let each: Vec<Result<f64, CaError>> = caget_each_with(&Get::new(), &known).await;
            assert_eq!(each[0], Ok(3.5));
            assert_eq!(each[1].as_ref().unwrap_err().kind(), ErrorKind::BadString);
            assert_eq!(each[2], Ok(42.0));
            let err = caget_list::<f64, _>(&known).await.unwrap_err();
            assert_eq!(err, catools::caget_list::<f64, _>(&known).unwrap_err());
            // Warm, and a value that does not fit the type: that PV's error.
            let as_text = Get::new().datatype(DataType::String);
            let each: Vec<Result<f64, CaError>> = caget_each_with(&as_text, &[&ai, &ai]).await;
            let err = each[1].as_ref().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NoConvert, "{err}");
            assert_eq!(err.pv(), ai);
            let texts: Vec<String> = caget_list_with(&as_text, &[&ai]).await.unwrap();
            assert_eq!(texts, vec!["3.500".to_string()]); // the record's PREC is 3
        });
    })
}

/// A reader's own type, which must stay on its thread (`Rc`).
#[derive(Debug, PartialEq)]
struct Local(std::rc::Rc<f64>);

impl FromValue for Local {
    fn requested_type() -> DataType {
        DataType::Double
    }
    fn from_value(value: Value) -> Result<Local, TypeMismatch> {
        f64::from_value(value).map(|v| Local(std::rc::Rc::new(v)))
    }
}

#[test]
fn a_minimal_executor_reads_a_warm_list_into_a_type_that_stays_on_its_thread() {
    cothread::scope(|| {
        let names = [pv("ai"), pv("longin")];
        block_on(caget_list::<f64, _>(&names)).unwrap(); // connects
        for _ in 0..3 {
            let values: Vec<Local> = block_on(caget_list(&names)).unwrap();
            assert_eq!(values, vec![Local(3.5.into()), Local(42.0.into())]);
        }
    })
}

#[test]
fn a_dropped_list_read_keeps_no_waker_and_the_next_one_reads_whole() {
    cothread::scope(|| {
        let names = vec![pv("wf:double"); 200];
        block_on(caget_list::<Vec<f64>, _>(&names)).unwrap(); // connects
        let counter = Arc::new(Counter::default());
        let waker = Waker::from(Arc::clone(&counter));
        let dropped = dropped_while_pending(10, &waker, || caget_list::<Vec<f64>, _>(&names));
        assert!(dropped > 0, "every list read completed at its first poll");
        let values = block_on(caget_list::<Vec<f64>, _>(&names)).unwrap();
        assert_eq!(values.len(), names.len());
        assert!(values.iter().all(|value| value == &values[0]));
        drop(waker);
        assert_eq!(Arc::strong_count(&counter), 1, "a waker was kept");
    })
}

#[test]
fn a_stream_delivers_the_current_value_then_every_update_in_order() {
    cothread::scope(|| {
        current_thread().block_on(async {
            let stepper = pv("stepper");
            let mut updates =
                camonitor_with::<Augmented<f64>>(&Monitor::new().all_updates(true), &stepper)
                    .unwrap();
            let first = next(&mut updates).await.unwrap();
            assert_eq!(first.name(), stepper);
            let process = format!("{stepper}.PROC");
            for _ in 0..5 {
                caput_with(&Put::new().wait(true), &process, 1)
                    .await
                    .unwrap();
            }
            for step in 1..=5 {
                let update = next(&mut updates).await.unwrap();
                assert_eq!(update.value, first.value + f64::from(step));
                assert_eq!(update.meta.update_count, 1);
            }
        });
    })
}

#[test]
fn a_slow_reader_gets_merged_updates_that_count_what_they_stand_for() {
    cothread::scope(|| {
        current_thread().block_on(async {
            let counter = pv("counter");
            let mut updates = camonitor::<Augmented<f64>>(&counter).unwrap();
            let first = next(&mut updates).await.unwrap();
            // The counter counts ten times a second; read again after 1 s.
            tokio::time::sleep(Duration::from_secs(1)).await;
            let merged = next(&mut updates).await.unwrap();
            assert!(merged.meta.update_count > 1, "{:?}", merged.meta);
            assert!(merged.value >= first.value + merged.meta.update_count as f64);
        });
    })
}

#[test]
fn a_dropped_in_flight_get_discards_its_late_reply_quietly() {
    cothread::scope(|| {
        let name = pv("wf:double");
        block_on(connect(&name)).unwrap();
        let counter = Arc::new(Counter::default());
        let waker = Waker::from(Arc::clone(&counter));
        let dropped = dropped_while_pending(20, &waker, || caget::<Vec<f64>>(&name));
        assert!(dropped > 0, "every get completed at its first poll");
        // (Each get woke its own task once, to be sent on its next poll.)
        let woken = counter.0.load(Ordering::SeqCst);
        // Replies on a channel come in order: once a later get is answered,
        // every dropped one's reply has come (and was discarded).
        assert!(block_on(caget::<Vec<f64>>(&name)).is_ok());
        assert_eq!(counter.0.load(Ordering::SeqCst), woken, "a late reply woke");
        drop(waker);
        assert_eq!(Arc::strong_count(&counter), 1, "a waker was kept");
    })
}

#[test]
fn a_dropped_stream_stops_and_clears_its_subscription() {
    cothread::scope(|| {
        let counter_pv = pv("counter");
        let wakes = Arc::new(Counter::default());
        let waker = Waker::from(Arc::clone(&wakes));
        let mut updates = camonitor::<f64>(&counter_pv).unwrap();
        // The first update arrives, then the counter keeps changing: a live
        // stream is woken for each change.
        let first = block_on(updates.next()).unwrap().unwrap();
        assert!(Pin::new(&mut updates)
            .poll_next(&mut Context::from_waker(&waker))
            .is_pending());
        drop(updates);
        drop(waker);
        assert_eq!(Arc::strong_count(&wakes), 1, "the stream kept a waker");
        let woken = wakes.0.load(Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(500));
        assert_eq!(wakes.0.load(Ordering::SeqCst), woken, "woken after drop");
        // The channel itself is fine: a new stream starts from the current value.
        let mut again = camonitor::<f64>(&counter_pv).unwrap();
        assert!(block_on(again.next()).unwrap().unwrap() > first);
    })
}

#[test]
fn a_never_found_pv_gives_the_cothread_faces_not_found_error() {
    cothread::scope(|| {
        let timeout = Duration::from_millis(500);
        let cothread_error = Connect::new()
            .timeout(timeout)
            .connect_list(&[MISSING])
            .unwrap_err();
        assert_eq!(cothread_error.kind(), ErrorKind::NotFound);
        current_thread().block_on(async {
            let async_error = connect(MISSING)
                .with_timeout(tokio::time::sleep(timeout))
                .await
                .unwrap_err();
            assert_eq!(async_error, cothread_error);
            assert_eq!(async_error.to_string(), cothread_error.to_string());
            let get_error = caget::<f64>(MISSING)
                .with_timeout(tokio::time::sleep(timeout))
                .await
                .unwrap_err();
            assert_eq!(get_error.kind(), ErrorKind::NotFound);
        });
    })
}

#[test]
fn an_executor_timeout_cancels_a_connection_wait() {
    cothread::scope(|| {
        current_thread().block_on(async {
            let waited = tokio::time::timeout(Duration::from_millis(200), connect(MISSING)).await;
            assert!(waited.is_err(), "connected to a PV nobody serves");
            // Without waiting, connect starts the search and succeeds at once,
            // and cainfo describes the never-connected channel.
            let quick = Connect::new().wait(false);
            connect_with(&quick, MISSING).await.unwrap();
            let info = cainfo_with(&quick, MISSING).await.unwrap();
            assert_eq!(info.state, ChannelState::NeverConnected);
        });
    })
}

#[test]
fn the_errors_are_the_cothread_faces() {
    cothread::scope(|| {
        let (stringin, readonly, noaccess) = (pv("stringin"), pv("readonly"), pv("noaccess"));
        let cothread_mismatch = catools::caget::<f64>(&stringin).unwrap_err();
        let cothread_denied = Put::new().wait(true).put(&readonly, 1.0).unwrap_err();
        let cothread_unreadable = catools::caget::<f64>(&noaccess).unwrap_err();
        let bad_mask = Monitor::new().events(EventMask::from_bits(0));
        let cothread_mask = bad_mask
            .subscribe(&pv("ai"), |_: Result<f64, _>| {})
            .unwrap_err();
        multi_thread().block_on(async {
            assert_eq!(
                caget::<f64>(&stringin).await.unwrap_err(),
                cothread_mismatch
            );
            let denied = caput_with(&Put::new().wait(true), &readonly, 1.0)
                .await
                .unwrap_err();
            assert_eq!(denied, cothread_denied);
            assert_eq!(denied.kind(), ErrorKind::NoWriteAccess);
            assert_eq!(
                caget::<f64>(&noaccess).await.unwrap_err(),
                cothread_unreadable
            );
            assert_eq!(
                camonitor_with::<f64>(&bad_mask, &pv("ai")).unwrap_err(),
                cothread_mask
            );
            assert_eq!(
                caget::<f64>("").await.unwrap_err(),
                catools::caget::<f64>("").unwrap_err()
            );
        });
    })
}

#[test]
fn a_slow_put_gives_up_with_the_cothread_faces_timeout_error() {
    cothread::scope(|| {
        let slow = pv("slow.A");
        let timeout = Duration::from_millis(200);
        let wait = Put::new().wait(true).timeout(timeout);
        // The record takes a second to process: both faces give up first.
        let cothread_error = wait.put(&slow, 1.0).unwrap_err();
        assert_eq!(cothread_error.kind(), ErrorKind::Timeout);
        let async_error = current_thread().block_on(async {
            caput_with(&wait, &slow, 2.0)
                .with_timeout(tokio::time::sleep(timeout))
                .await
                .unwrap_err()
        });
        assert_eq!(async_error, cothread_error);
    })
}

#[test]
fn futures_and_streams_may_move_between_threads() {
    cothread::scope(|| {
        fn movable<T: Send + 'static>(_: &T) {}
        let name = pv("ai");
        movable(&caget::<Augmented<Value>>(&name));
        movable(&caget_list::<Augmented<Value>, _>(&[&name]));
        movable(&caput(&name, 1.0));
        movable(&connect(&name));
        movable(&cainfo(&name));
        movable(&camonitor::<f64>(&name).unwrap());
    })
}
