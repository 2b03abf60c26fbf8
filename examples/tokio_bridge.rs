//! A tokio program that uses catools: its Channel Access code runs on a
//! dedicated cothread thread, and the two sides talk both ways.
//!
//! * tokio → cothreads: async tasks read PVs concurrently through
//!   `CaThread::get`, which runs `caget` on a cothread of the CA thread
//!   (through `SchedulerHandle::callback`) and awaits the answer on a tokio
//!   oneshot.
//! * cothreads → tokio: a cothread on the CA thread awaits a tokio channel
//!   of setpoints with `cothread::block_on` and writes each one with
//!   `caput`, waiting for the record to process.
//!
//! ```text
//! tokio_bridge [PREFIX]
//! ```
//!
//! The records are `PREFIX` + `ao`, `ai`, `counter` (default prefix
//! `demo:`, the local IOC that `scripts/with-ioc` starts). Run it with
//! `scripts/run-example tokio_bridge`.

use std::time::Duration;

use cothread::catools::{caget, CaError, Put};
use cothread::SchedulerHandle;
use tokio::sync::{mpsc, oneshot};

/// The OS thread that hosts this program's cothreads.
struct CaThread {
    handle: SchedulerHandle,
    stop: oneshot::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl CaThread {
    fn start() -> CaThread {
        let (handle_tx, handle_rx) = std::sync::mpsc::channel();
        let (stop, stop_rx) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("ca".into())
            .spawn(move || {
                // Not the process's main thread: cothreads run here only
                // inside a scope, whose end ends any still unfinished.
                cothread::scope(|| {
                    handle_tx.send(SchedulerHandle::current()).unwrap();
                    // The main cothread waits here; the scheduler runs every
                    // other cothread (and the callbacks) meanwhile.
                    let _ = cothread::block_on(stop_rx);
                })
            })
            .expect("cannot start the CA thread");
        let handle = handle_rx.recv().expect("the CA thread did not start");
        CaThread {
            handle,
            stop,
            thread,
        }
    }

    /// Reads `pv` on a cothread of its own, so reads from many tokio tasks
    /// are in flight at once.
    async fn get(&self, pv: String) -> Result<f64, CaError> {
        let (reply_tx, reply_rx) = oneshot::channel();
        self.handle
            .callback(move || {
                cothread::spawn(move || {
                    let _ = reply_tx.send(caget::<f64>(&pv));
                });
            })
            .expect("the CA thread has gone");
        reply_rx.await.expect("the CA thread dropped a request")
    }

    /// Ends the CA thread (its scope ends its cothreads) and waits for it.
    async fn stop(self) {
        let _ = self.stop.send(());
        tokio::task::spawn_blocking(move || self.thread.join())
            .await
            .expect("join the CA thread")
            .expect("the CA thread panicked");
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let prefix = std::env::args().nth(1).unwrap_or_else(|| "demo:".into());
    let ca = CaThread::start();

    // cothreads → tokio: a cothread takes setpoints from tokio and puts them.
    let (setpoints_tx, mut setpoints_rx) = mpsc::channel::<f64>(1);
    let (written_tx, written_rx) = oneshot::channel();
    let ao = format!("{prefix}ao");
    ca.handle
        .callback(move || {
            let put = Put::new().wait(true);
            let mut written = Vec::new();
            while let Some(value) = cothread::block_on(setpoints_rx.recv()) {
                written.push(put.put(&ao, value).map(|()| value));
            }
            let _ = written_tx.send(written);
        })
        .expect("the CA thread has gone");
    let producer = tokio::spawn(async move {
        for step in 1..=3 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            setpoints_tx.send(step as f64 * 1.5).await.unwrap();
        }
    });

    // tokio → cothreads: concurrent reads from async tasks.
    let names = ["ai", "counter", "ao"].map(|name| format!("{prefix}{name}"));
    let (ai, counter, ao) = tokio::join!(
        ca.get(names[0].clone()),
        ca.get(names[1].clone()),
        ca.get(names[2].clone()),
    );
    let mut failed = false;
    let mut report = |what: &str, result: Result<f64, CaError>| match result {
        Ok(value) => println!("{what} {value}"),
        Err(err) => {
            println!("{what}: {err}");
            failed = true;
        }
    };
    report(&format!("{} =", names[0]), ai);
    report(&format!("{} =", names[1]), counter);
    report(&format!("{} =", names[2]), ao);

    producer.await.unwrap();
    for result in written_rx.await.unwrap() {
        report(&format!("put to {}:", names[2]), result);
    }
    let readback = ca.get(names[2].clone()).await;
    report(&format!("{} now =", names[2]), readback);

    ca.stop().await;
    if failed {
        std::process::exit(1);
    }
}
