//! Cothreads meet futures: [`block_on`] awaits any [`Future`] from a
//! cothread, and this page shows how a tokio program hosts cothread code on
//! a thread of its own, calling it and being called back.
//!
//! # Awaiting a future from a cothread
//!
//! [`block_on`] polls a future on the calling cothread and, while the
//! future is pending, suspends only that cothread: the other cothreads of
//! its thread keep running (called from `main`, it runs the scheduler
//! meanwhile, as every suspension point does). [`block_on_timeout`] gives
//! up at a deadline. The future need not be `Send`: it is polled only on the
//! calling thread.
//!
//! The future's [`Waker`] is `Send + Sync`, so any thread may complete the
//! future: a tokio runtime's worker, a libca callback thread, a plain OS
//! thread. No thread is started per call and nothing polls in a loop: a
//! wake from another thread queues one call on the scheduler's cross-thread
//! queue, which wakes the cothread, which polls the future again.
//!
//! ```
//! use std::{cell::Cell, rc::Rc, time::Duration};
//!
//! let (tx, rx) = tokio::sync::oneshot::channel();
//! std::thread::spawn(move || {
//!     std::thread::sleep(Duration::from_millis(20));
//!     tx.send("from another OS thread").unwrap();
//! });
//! let ticks = Rc::new(Cell::new(0));
//! let counter = ticks.clone();
//! cothread::spawn(move || loop {
//!     // Keeps running while `main` waits below.
//!     counter.set(counter.get() + 1);
//!     cothread::sleep(Duration::from_millis(1));
//! });
//! assert_eq!(cothread::block_on(rx).unwrap(), "from another OS thread");
//! assert!(ticks.get() > 0);
//! ```
//!
//! # A tokio program with cothreads on a thread of their own
//!
//! A cothread scheduler runs on the OS thread that uses it, and blocks that
//! thread while its cothreads wait; a tokio worker thread must never block.
//! So a tokio program gives its cothread code (for example
//! [`catools`](crate::catools)) a dedicated OS thread, whose main cothread
//! waits in [`block_on`] until tokio says stop, and the two sides talk in
//! both directions:
//!
//! * **tokio → cothreads:** [`SchedulerHandle::callback`] runs a closure on
//!   a cothread of that thread (so it may suspend, e.g. in `caget`); it
//!   answers through a tokio `oneshot`, which the async task awaits. The
//!   callbacks of one thread run one after another on one cothread, so a
//!   callback that waits long [`spawn`](crate::spawn)s a cothread of its own
//!   for the work, and requests from many tasks overlap. (The
//!   blocking [`SchedulerHandle::callback_result`] suits plain OS threads,
//!   or tokio's `spawn_blocking`, not async tasks.) A tokio `mpsc` channel
//!   that a cothread drains with [`block_on`] does the same for a stream of
//!   requests.
//! * **cothreads → tokio:** a cothread [`block_on`]s any future whose waker
//!   tokio wakes: tokio's channels, or the `JoinHandle` of a task spawned on
//!   the runtime through a `tokio::runtime::Handle`. (Futures that need the
//!   tokio runtime *context*, such as `tokio::time::sleep` or tokio sockets,
//!   are spawned on the runtime that way rather than polled directly on the
//!   cothread thread.)
//!
//! Call [`block_on`] on cothread threads only, never inside a tokio task: it
//! would run a cothread scheduler on, and block, a tokio worker thread.
//!
//! ```
//! use std::time::Duration;
//! use cothread::SchedulerHandle;
//! use tokio::sync::{mpsc, oneshot};
//!
//! #[tokio::main(flavor = "multi_thread", worker_threads = 2)]
//! async fn main() {
//!     // The cothread thread: it hands its scheduler's handle to tokio, then
//!     // runs its cothreads until the stop signal comes. Not the main thread,
//!     // so its cothreads run inside a scope, which ends what is left of them.
//!     let (handle_tx, handle_rx) = oneshot::channel();
//!     let (stop_tx, stop_rx) = oneshot::channel::<()>();
//!     let cothreads = std::thread::spawn(move || {
//!         cothread::scope(|| {
//!             handle_tx.send(SchedulerHandle::current()).unwrap();
//!             let _ = cothread::block_on(stop_rx);
//!         })
//!     });
//!     let cothreads_handle = handle_rx.await.unwrap();
//!
//!     // tokio → cothreads: run code on a cothread and await its answer.
//!     let (answer_tx, answer_rx) = oneshot::channel();
//!     cothreads_handle
//!         .callback(move || {
//!             cothread::sleep(Duration::from_millis(5)); // a cothread may suspend
//!             let _ = answer_tx.send(6 * 7);
//!         })
//!         .unwrap();
//!     assert_eq!(answer_rx.await.unwrap(), 42);
//!
//!     // cothreads → tokio: a cothread awaits work done on the runtime, and
//!     // a stream of values that tokio tasks send.
//!     let runtime = tokio::runtime::Handle::current();
//!     let (values_tx, mut values_rx) = mpsc::channel::<u32>(4);
//!     let (sum_tx, sum_rx) = oneshot::channel();
//!     cothreads_handle
//!         .callback(move || {
//!             let slept = cothread::block_on(runtime.spawn(async {
//!                 tokio::time::sleep(Duration::from_millis(5)).await;
//!                 "slept on tokio"
//!             }));
//!             assert_eq!(slept.unwrap(), "slept on tokio");
//!             let mut sum = 0;
//!             while let Some(value) = cothread::block_on(values_rx.recv()) {
//!                 sum += value;
//!             }
//!             let _ = sum_tx.send(sum);
//!         })
//!         .unwrap();
//!     for value in 1..=10 {
//!         values_tx.send(value).await.unwrap();
//!     }
//!     drop(values_tx);
//!     assert_eq!(sum_rx.await.unwrap(), 55);
//!
//!     stop_tx.send(()).unwrap();
//!     tokio::task::spawn_blocking(move || cothreads.join().unwrap())
//!         .await
//!         .unwrap();
//! }
//! ```
//!
//! `examples/tokio_bridge.rs` does the same with `caget` against an IOC
//! (`scripts/run-example tokio_bridge`).
//!
//! [`SchedulerHandle::callback`]: crate::SchedulerHandle::callback
//! [`SchedulerHandle::callback_result`]: crate::SchedulerHandle::callback_result
//!
//! # Invariants
//!
//! * A waiting [`block_on`] is found from other threads only by its numeric
//!   id: the remote call carries the id, and the scheduler thread looks up
//!   the suspended cothread's (`!Send`) waker in this thread's `PARKED`
//!   table. An id that is no longer there (the call returned) is ignored, so
//!   a waker that outlives its call, its cothread or its scheduler wakes
//!   nothing (a scheduler that has gone refuses the remote call).
//! * `Signal::woken` is set by the first wake after the cothread last took
//!   it (just before each poll) and only that wake does anything: a burst
//!   of wakes costs at most one remote call and one poll.
//! * A wake that finds the cothread running (inside `poll`, on this thread
//!   or another) is not lost: the cothread checks `woken` after `poll`
//!   returns pending and polls again after a yield instead of suspending.
//! * The `PARKED` entry of a call exists from its first pending poll until
//!   it returns (or unwinds); it holds the scheduler waker only while the
//!   cothread is suspended in this module.
//! * A returned call's `Signal` is reused (this thread's `SPARE`, under a
//!   new id) only once no `Waker` refers to it, so no late wake reaches
//!   the next call.
#![forbid(unsafe_code)]

use std::cell::Cell;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Instant;

use crate::error::Error;
use crate::id_table::{new_id, IdTable};
use crate::sched::{self, RemoteHandle, Wake as Reason};
use crate::timeout::Timeout;

/// Runs `future` to completion on the calling cothread, suspending only
/// that cothread while the future is pending (see the [module
/// docs](self)). A future that is ready at once returns without suspending.
///
/// ```
/// let answer = cothread::block_on(async { 6 * 7 });
/// assert_eq!(answer, 42);
/// ```
///
/// # Panics
/// If the future is pending and the caller cannot suspend (scheduler-loop
/// context: a remote call or before-poll hook), and if the future panics.
pub fn block_on<F: Future>(future: F) -> F::Output {
    match run(future, None, Signal::for_a_call()) {
        Ok(output) => output,
        Err(e) => panic!("{e}"),
    }
}

/// Like [`block_on`], but gives up at `timeout` with [`Error::Timedout`],
/// dropping the future (which cancels whatever it stands for). To keep a
/// future across attempts, pass `&mut future` (for an [`Unpin`] future) or
/// a pinned `Pin<&mut F>`.
///
/// The future is polled at least once, so an expired timeout still returns
/// a ready result. Returns [`Error::CannotSuspend`] where the caller cannot
/// suspend and the future is pending.
///
/// ```
/// use std::time::Duration;
/// use cothread::{block_on_timeout, Error};
///
/// let never = std::future::pending::<()>();
/// let result = block_on_timeout(never, Duration::from_millis(10));
/// assert!(matches!(result, Err(Error::Timedout)));
/// ```
pub fn block_on_timeout<F: Future>(
    future: F,
    timeout: impl Into<Timeout>,
) -> Result<F::Output, Error> {
    run(future, timeout.into().deadline(), Signal::for_a_call())
}

thread_local! {
    /// This thread's pending `block_on` calls by id: `Some` holds the
    /// scheduler waker of a call whose cothread is suspended here, `None`
    /// one whose cothread is running (or suspended elsewhere, inside its
    /// future's `poll`). A wake looks here on whichever thread it runs: the
    /// ids are unique across threads ([`new_id`]), so it can never find
    /// another thread's call.
    static PARKED: IdTable<Option<sched::Waker>> = IdTable::new();
    /// A `Signal` of a returned call that no waker refers to any more, kept
    /// for this thread's next call (it saves an allocation per call).
    static SPARE: Cell<Option<Arc<Signal>>> = const { Cell::new(None) };
}

/// The shared state behind a `block_on` call's [`Waker`]: `Send + Sync`,
/// it holds no reference to the cothread, only its id and the remote queue
/// of its scheduler.
struct Signal {
    id: u64,
    /// Set by a wake, taken by the cothread just before it polls.
    woken: AtomicBool,
    remote: RemoteHandle,
    /// Remote calls queued by wakes, for the tests of coalescing.
    #[cfg(test)]
    remote_calls: std::sync::atomic::AtomicUsize,
}

impl Signal {
    fn new() -> Arc<Signal> {
        Arc::new(Signal {
            id: new_id(),
            woken: AtomicBool::new(false),
            remote: sched::remote_handle(),
            #[cfg(test)]
            remote_calls: Default::default(),
        })
    }

    /// A signal for a new call on this thread: the spare one, under a new
    /// id, or a new one.
    fn for_a_call() -> Arc<Signal> {
        if let Ok(Some(mut spare)) = SPARE.try_with(Cell::take) {
            if let Some(signal) = Arc::get_mut(&mut spare) {
                signal.id = new_id();
                *signal.woken.get_mut() = false;
                return spare;
            }
        }
        Signal::new()
    }

    /// Keeps the signal of a returned call as this thread's spare, unless a
    /// waker still refers to it (a late wake must then find the old id).
    fn recycle(mut signal: Arc<Signal>) {
        // `get_mut` succeeds only once every other `Arc` (each `Waker`) has
        // been dropped, and acquires their drops: no wake is in progress.
        if Arc::get_mut(&mut signal).is_some() {
            let _ = SPARE.try_with(|spare| spare.set(Some(signal)));
        }
    }
}

impl Wake for Signal {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // Release: what the waker's caller wrote before waking is visible to
        // the cothread, whose swap in `run` acquires it. Only the first wake
        // since that swap does anything.
        if self.woken.swap(true, Ordering::AcqRel) {
            return;
        }
        let id = self.id;
        // On the call's own thread the entry is there: wake the cothread
        // directly, or, if it is running, leave it to see `woken`.
        let here = PARKED.try_with(|parked| parked.with_entry(id, Option::take));
        match here {
            Ok(Some(Some(waker))) => {
                waker.wake(Reason::Woken);
            }
            Ok(Some(None)) => {}
            // Another thread (or a call that has returned): through the
            // remote queue. A scheduler that has gone has nobody to wake.
            Ok(None) | Err(_) => {
                #[cfg(test)]
                self.remote_calls.fetch_add(1, Ordering::Relaxed);
                let _ = self.remote.call(move || resume(id));
            }
        }
    }
}

/// Wakes call `id` if its cothread is suspended in `run` on this thread
/// (remote call, scheduler-loop context).
fn resume(id: u64) {
    let waker = PARKED.try_with(|parked| parked.with_entry(id, Option::take).flatten());
    if let Ok(Some(waker)) = waker {
        waker.wake(Reason::Woken);
    }
}

/// Removes a call's `PARKED` entry when the call returns or unwinds.
struct Entry(u64);

impl Entry {
    fn new(id: u64) -> Entry {
        PARKED.with(|parked| parked.insert(id, None));
        Entry(id)
    }

    /// Forgets the scheduler waker of a suspension that has ended.
    fn unpark(&self) {
        let ended = PARKED.with(|parked| parked.with_entry(self.0, Option::take));
        drop(ended);
    }
}

impl Drop for Entry {
    fn drop(&mut self) {
        let _ = PARKED.try_with(|parked| parked.take(self.0));
    }
}

/// `block_on` with its [`Signal`] passed in, so that the tests can count
/// its remote calls.
fn run<F: Future>(
    future: F,
    deadline: Option<Instant>,
    signal: Arc<Signal>,
) -> Result<F::Output, Error> {
    let waker = Waker::from(signal.clone());
    let result = poll_until_ready(future, deadline, &signal, &waker);
    drop(waker);
    Signal::recycle(signal);
    result
}

/// The poll-suspend loop of `block_on`.
fn poll_until_ready<F: Future>(
    future: F,
    deadline: Option<Instant>,
    signal: &Signal,
    waker: &Waker,
) -> Result<F::Output, Error> {
    // Pinned on this cothread's stack. An intrusive future (one that lends
    // its own memory to a waiter list, as tokio's `Notify` and a bounded
    // `mpsc::Sender::send` do) is written by other threads while its
    // cothread is suspended; that is sound because every cothread runs on a
    // stack of its own whose bytes never move, and a cothread abandoned
    // while suspended leaks its stack rather than unmapping it (see the
    // `sched` module docs). The test
    // `intrusive_tokio_futures_awaited_by_many_cothreads_at_once_complete`
    // fails if the pinned memory is not stable.
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(waker);
    let mut entry: Option<Entry> = None;
    loop {
        // Acquire: pairs with the waker's release (see `wake_by_ref`).
        signal.woken.swap(false, Ordering::Acquire);
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return Ok(output);
        }
        if deadline.is_some_and(|d| d <= Instant::now()) {
            return Err(Error::Timedout);
        }
        let entry = entry.get_or_insert_with(|| Entry::new(signal.id));
        // A wake during the poll: poll again, after the other ready
        // cothreads have had their turn.
        let woken_meanwhile = signal.woken.load(Ordering::Acquire);
        let timer = if woken_meanwhile { None } else { deadline };
        let reason = sched::block(timer, |waker| {
            if woken_meanwhile {
                waker.wake(Reason::Woken);
            } else {
                // Wakes from other threads are remote calls that run only
                // while this cothread is suspended: they find this waker.
                let previous = PARKED
                    .with(|parked| parked.with_entry(signal.id, |w| w.replace(waker.clone())));
                drop(previous);
            }
        });
        entry.unpark();
        if reason? == Reason::Timeout {
            return Err(Error::Timedout);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::pin::Pin;
    use std::sync::Mutex;

    /// A future that is pending until `done`, storing the latest waker and
    /// counting polls.
    #[derive(Default)]
    struct Gate {
        done: AtomicBool,
        waker: Mutex<Option<Waker>>,
        polls: std::sync::atomic::AtomicUsize,
    }

    struct Wait(Arc<Gate>);

    impl Future for Wait {
        type Output = ();
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let gate = &self.0;
            gate.polls.fetch_add(1, Ordering::Relaxed);
            *gate.waker.lock().unwrap() = Some(cx.waker().clone());
            if gate.done.load(Ordering::Acquire) {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        }
    }

    #[test]
    fn a_storm_of_wakes_from_another_thread_costs_one_remote_call() {
        crate::scope(|| {
            let gate = Arc::new(Gate::default());
            let signal = Signal::new();
            let storm = gate.clone();
            // The storm happens inside the first poll, while this thread cannot
            // run the remote call: every wake after the first must coalesce.
            let future = std::future::poll_fn(move |cx| {
                let polls = storm.polls.fetch_add(1, Ordering::Relaxed);
                if polls > 0 {
                    return Poll::Ready(());
                }
                let waker = cx.waker().clone();
                std::thread::spawn(move || (0..10_000).for_each(|_| waker.wake_by_ref()))
                    .join()
                    .unwrap();
                Poll::Pending
            });
            run(future, None, signal.clone()).unwrap();
            assert_eq!(signal.remote_calls.load(Ordering::Relaxed), 1);
            assert_eq!(gate.polls.load(Ordering::Relaxed), 2);
            // The one queued call finds the call gone and does nothing.
            crate::sleep(std::time::Duration::from_millis(1));
        })
    }

    #[test]
    fn a_wake_on_the_own_thread_needs_no_remote_call() {
        crate::scope(|| {
            let gate = Arc::new(Gate::default());
            let signal = Signal::new();
            let opener = gate.clone();
            let other = crate::spawn(move || {
                opener.done.store(true, Ordering::Release);
                let waker = opener.waker.lock().unwrap().take().unwrap();
                waker.wake();
            });
            run(Wait(gate.clone()), None, signal.clone()).unwrap();
            assert!(other.is_finished());
            assert_eq!(signal.remote_calls.load(Ordering::Relaxed), 0);
            assert_eq!(gate.polls.load(Ordering::Relaxed), 2);
            assert!(PARKED.with(IdTable::is_empty));
        })
    }
}
