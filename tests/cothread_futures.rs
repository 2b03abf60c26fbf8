//! Cothreads meet futures: `block_on` suspends only its cothread, its waker
//! works from any thread (tokio's included) and outlives everything safely,
//! and a tokio program hosts cothread code on a thread of its own.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use cothread::{block_on, block_on_timeout, spawn, Error, SchedulerHandle, Timeout};
use tokio::sync::{mpsc, oneshot, Notify};

/// Generous bound for anything that should take milliseconds (shared CI).
const LONG: Duration = Duration::from_secs(20);

/// A future that stays pending until its gate opens, keeping the latest
/// waker and counting its polls.
#[derive(Default)]
struct Gate {
    open: AtomicBool,
    waker: Mutex<Option<Waker>>,
    polls: AtomicUsize,
}

impl Gate {
    fn wait(self: &Arc<Self>) -> GateWait {
        GateWait(self.clone())
    }

    fn waker(&self) -> Option<Waker> {
        self.waker.lock().unwrap().clone()
    }

    fn open(&self) {
        self.open.store(true, Ordering::Release);
        if let Some(waker) = self.waker() {
            waker.wake();
        }
    }
}

struct GateWait(Arc<Gate>);

impl Future for GateWait {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let gate = &self.0;
        gate.polls.fetch_add(1, Ordering::Relaxed);
        *gate.waker.lock().unwrap() = Some(cx.waker().clone());
        if gate.open.load(Ordering::Acquire) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

/// A cothread that counts its turns until `stop` is set.
fn ticker(stop: Rc<Cell<bool>>, period: Duration) -> cothread::JoinHandle<u32> {
    spawn(move || {
        let mut ticks = 0;
        while !stop.get() {
            cothread::sleep(period);
            ticks += 1;
        }
        ticks
    })
}

fn tokio_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .unwrap()
}

#[test]
fn a_future_completed_by_another_thread_suspends_only_its_cothread() {
    cothread::scope(|| {
        let (tx, rx) = oneshot::channel();
        let delay = Duration::from_millis(100);
        let started = Instant::now();
        std::thread::spawn(move || {
            std::thread::sleep(delay);
            tx.send("done").unwrap();
        });
        let waiter = spawn(move || block_on(rx).unwrap());
        let stop = Rc::new(Cell::new(false));
        let ticks = ticker(stop.clone(), Duration::from_millis(1));
        // The main cothread keeps running too.
        let mut main_turns = 0;
        while !waiter.is_finished() {
            cothread::sleep(Duration::from_millis(1));
            main_turns += 1;
            assert!(started.elapsed() < LONG, "the waiter was never woken");
        }
        stop.set(true);
        assert_eq!(waiter.wait(Timeout::NEVER).unwrap(), "done");
        assert!(started.elapsed() >= delay);
        assert!(main_turns > 1, "main ran {main_turns} times while waiting");
        let ticks = ticks.wait(LONG).unwrap();
        assert!(
            ticks > 1,
            "another cothread ran {ticks} times while waiting"
        );
    })
}

#[test]
fn block_on_in_main_runs_the_other_cothreads_meanwhile() {
    cothread::scope(|| {
        let gate = Arc::new(Gate::default());
        let opener = gate.clone();
        let ran = spawn(move || {
            cothread::sleep(Duration::from_millis(5));
            opener.open();
            "opened by a cothread"
        });
        block_on(gate.wait());
        assert_eq!(ran.wait(LONG).unwrap(), "opened by a cothread");
        assert_eq!(gate.polls.load(Ordering::Relaxed), 2);
    })
}

#[test]
fn a_ready_future_returns_without_suspending() {
    cothread::scope(|| {
        let ran = Rc::new(Cell::new(false));
        let other = {
            let ran = ran.clone();
            spawn(move || ran.set(true))
        };
        assert_eq!(block_on(std::future::ready(7)), 7);
        assert_eq!(block_on(async { 6 * 7 }), 42);
        // Even with an expired timeout: the future is polled once first.
        assert_eq!(block_on_timeout(async { 1 }, Duration::ZERO).unwrap(), 1);
        assert!(
            !ran.get(),
            "block_on of a ready future let another cothread run"
        );
        other.wait(LONG).unwrap();
        assert!(ran.get());
    })
}

#[test]
fn a_pending_future_times_out_and_is_dropped() {
    cothread::scope(|| {
        struct Dropped(Arc<AtomicBool>);
        impl Drop for Dropped {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Relaxed);
            }
        }
        let dropped = Arc::new(AtomicBool::new(false));
        let guard = Dropped(dropped.clone());
        let future = async move {
            let _guard = guard;
            std::future::pending::<()>().await
        };
        let started = Instant::now();
        let result = block_on_timeout(future, Duration::from_millis(20));
        assert!(matches!(result, Err(Error::Timedout)), "{result:?}");
        assert!(started.elapsed() >= Duration::from_millis(20));
        assert!(
            dropped.load(Ordering::Relaxed),
            "the future was not dropped"
        );
    })
}

#[test]
fn a_future_kept_across_timeouts_completes_later() {
    cothread::scope(|| {
        let gate = Arc::new(Gate::default());
        let mut wait = gate.wait();
        for _ in 0..3 {
            let result = block_on_timeout(&mut wait, Duration::from_millis(2));
            assert!(matches!(result, Err(Error::Timedout)));
        }
        let opener = gate.clone();
        std::thread::spawn(move || opener.open());
        block_on_timeout(&mut wait, LONG).unwrap();
    })
}

#[test]
fn a_wake_storm_from_another_thread_neither_starves_cothreads_nor_repolls_per_wake() {
    cothread::scope(|| {
        let gate = Arc::new(Gate::default());
        let stop = Rc::new(Cell::new(false));
        let ticks = ticker(stop.clone(), Duration::ZERO);
        let storm = {
            let gate = gate.clone();
            std::thread::spawn(move || {
                let waker = loop {
                    match gate.waker() {
                        Some(waker) => break waker,
                        None => std::thread::yield_now(),
                    }
                };
                let started = Instant::now();
                let mut wakes = 0u64;
                while started.elapsed() < Duration::from_millis(200) {
                    for _ in 0..1000 {
                        waker.wake_by_ref();
                    }
                    wakes += 1000;
                }
                gate.open();
                wakes
            })
        };
        block_on_timeout(gate.wait(), LONG).unwrap();
        stop.set(true);
        let wakes = storm.join().unwrap();
        let polls = gate.polls.load(Ordering::Relaxed) as u64;
        let ticks = ticks.wait(LONG).unwrap();
        assert!(ticks > 0, "the other cothread never ran during the storm");
        assert!(
            polls < wakes,
            "{polls} polls for {wakes} wakes: wakes did not coalesce"
        );
    })
}

#[test]
fn wakes_after_the_call_returned_are_harmless() {
    cothread::scope(|| {
        let gate = Arc::new(Gate::default());
        let finished = {
            let gate = gate.clone();
            spawn(move || {
                let opener = gate.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_millis(5));
                    opener.open();
                });
                block_on(gate.wait());
            })
        };
        finished.wait(LONG).unwrap();
        let waker = gate.waker().unwrap();
        // From this thread, from another, and after the cothread finished.
        for _ in 0..1000 {
            waker.wake_by_ref();
        }
        let elsewhere = waker.clone();
        std::thread::spawn(move || (0..1000).for_each(|_| elsewhere.wake_by_ref()))
            .join()
            .unwrap();
        cothread::sleep(Duration::from_millis(5));
        // The scheduler still works, block_on included.
        let (tx, rx) = oneshot::channel();
        std::thread::spawn(move || tx.send(3));
        assert_eq!(block_on(rx).unwrap(), 3);
    })
}

#[test]
fn a_late_wake_of_a_returned_call_does_not_poll_the_next_one() {
    cothread::scope(|| {
        // The first call returns while a clone of its waker lives on.
        let mut kept = None;
        block_on(std::future::poll_fn(|cx| {
            kept = Some(cx.waker().clone());
            Poll::Ready(())
        }));
        let kept = kept.unwrap();
        let gate = Arc::new(Gate::default());
        let opener = gate.clone();
        let late = std::thread::spawn(move || {
            while opener.waker().is_none() {
                std::thread::yield_now();
            }
            kept.wake();
            std::thread::sleep(Duration::from_millis(50));
            let polls = opener.polls.load(Ordering::Relaxed);
            opener.open();
            polls
        });
        block_on_timeout(gate.wait(), LONG).unwrap();
        assert_eq!(late.join().unwrap(), 1, "the old waker polled the new call");
    })
}

#[test]
fn wakes_after_the_scheduler_thread_exited_are_harmless() {
    cothread::scope(|| {
        let gate = Arc::new(Gate::default());
        let inside = gate.clone();
        std::thread::spawn(move || {
            cothread::scope(|| {
                let opener = inside.clone();
                spawn(move || opener.open());
                block_on(inside.wait());
            })
        })
        .join()
        .unwrap();
        let waker = gate.waker().unwrap();
        waker.wake_by_ref();
        waker.wake();
    })
}

#[test]
fn a_cothread_awaits_a_tokio_oneshot_sent_from_a_multi_thread_runtime() {
    cothread::scope(|| {
        let runtime = tokio_runtime();
        let (tx, rx) = oneshot::channel();
        runtime.spawn(async move {
            tokio::time::sleep(Duration::from_millis(50)).await;
            tx.send(42).unwrap();
        });
        let stop = Rc::new(Cell::new(false));
        let ticks = ticker(stop.clone(), Duration::from_millis(1));
        let waiter = spawn(move || block_on_timeout(rx, LONG));
        assert_eq!(waiter.wait(LONG).unwrap().unwrap().unwrap(), 42);
        stop.set(true);
        assert!(ticks.wait(LONG).unwrap() > 1);
    })
}

#[test]
fn a_cothread_drains_a_tokio_mpsc_fed_by_runtime_tasks_in_order() {
    cothread::scope(|| {
        let runtime = tokio_runtime();
        let (tx, mut rx) = mpsc::channel(2);
        runtime.spawn(async move {
            for i in 0..200 {
                tx.send(i).await.unwrap();
                if i % 50 == 0 {
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
            }
        });
        let consumer = spawn(move || {
            let mut got = Vec::new();
            while let Some(i) = block_on_timeout(rx.recv(), LONG).unwrap() {
                got.push(i);
            }
            got
        });
        assert_eq!(consumer.wait(LONG).unwrap(), (0..200).collect::<Vec<_>>());
    })
}

/// Futures that lend their own memory to a waiter list (tokio's `Notify`
/// and a bounded sender's wait for room) are written by tokio's threads
/// while their cothread is suspended, here with more cothreads than the
/// scheduler has shared stacks, all switching meanwhile.
#[test]
fn intrusive_tokio_futures_awaited_by_many_cothreads_at_once_complete() {
    cothread::scope(|| {
        let runtime = tokio_runtime();
        let notify = Arc::new(Notify::new());
        let (tx, mut rx) = mpsc::channel::<u32>(1);
        let waiters: Vec<_> = (0..8)
            .map(|i| {
                let (notify, tx) = (notify.clone(), tx.clone());
                spawn(move || {
                    // Locals that must survive every suspension unchanged.
                    let mine = [i; 64];
                    let notified = block_on_timeout(notify.notified(), LONG);
                    for round in 0..10 {
                        block_on_timeout(tx.send(i * 100 + round), LONG)
                            .unwrap()
                            .unwrap();
                        cothread::yield_now(Timeout::NEVER);
                    }
                    assert_eq!(mine, [i; 64]);
                    notified
                })
            })
            .collect();
        drop(tx);
        let receiver = runtime.spawn(async move {
            let mut got = Vec::new();
            while let Some(v) = rx.recv().await {
                got.push(v);
                tokio::task::yield_now().await;
            }
            got
        });
        // Let every waiter register, then wake them all from a tokio thread.
        cothread::sleep(Duration::from_millis(20));
        let notifier = notify.clone();
        runtime.spawn(async move { notifier.notify_waiters() });
        for waiter in waiters {
            waiter.wait(LONG).unwrap().unwrap();
        }
        let mut got = block_on_timeout(receiver, LONG).unwrap().unwrap();
        got.sort_unstable();
        let mut want: Vec<u32> = (0..8)
            .flat_map(|i| (0..10).map(move |r| i * 100 + r))
            .collect();
        want.sort_unstable();
        assert_eq!(got, want);
    })
}

/// The cothread side of a tokio program: a thread whose scheduler runs
/// until `stop` is sent, and a handle on that scheduler.
fn cothread_thread() -> (
    SchedulerHandle,
    oneshot::Sender<()>,
    std::thread::JoinHandle<()>,
) {
    let (handle_tx, handle_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        cothread::scope(|| {
            handle_tx.send(SchedulerHandle::current()).unwrap();
            let _ = block_on(stop_rx);
        })
    });
    (handle_rx.recv().unwrap(), stop_tx, thread)
}

#[test]
fn tokio_tasks_run_work_concurrently_on_a_dedicated_cothread_thread() {
    cothread::scope(|| {
        let (handle, stop, thread) = cothread_thread();
        let runtime = tokio_runtime();
        let in_flight = Arc::new(AtomicUsize::new(0));
        let most_in_flight = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..20u64)
            .map(|i| {
                let (handle, in_flight, most) =
                    (handle.clone(), in_flight.clone(), most_in_flight.clone());
                runtime.spawn(async move {
                    let (reply_tx, reply_rx) = oneshot::channel();
                    handle
                        .callback(move || {
                            // Its own cothread, so the requests overlap.
                            spawn(move || {
                                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                                most.fetch_max(now, Ordering::SeqCst);
                                cothread::sleep(Duration::from_millis(100));
                                in_flight.fetch_sub(1, Ordering::SeqCst);
                                let _ = reply_tx.send(i * i);
                            });
                        })
                        .unwrap();
                    reply_rx.await.unwrap()
                })
            })
            .collect();
        let squares = runtime.block_on(async {
            let mut squares = Vec::new();
            for task in tasks {
                squares.push(task.await.unwrap());
            }
            squares
        });
        assert_eq!(squares, (0..20u64).map(|i| i * i).collect::<Vec<_>>());
        assert!(most_in_flight.load(Ordering::SeqCst) > 1);
        // The blocking door, from tokio's blocking pool.
        let blocking = handle.clone();
        let answer = runtime.block_on(async move {
            tokio::task::spawn_blocking(move || blocking.callback_result(|| 6 * 7, LONG))
                .await
                .unwrap()
        });
        assert_eq!(answer.unwrap(), 42);
        stop.send(()).unwrap();
        thread.join().unwrap();
        // Its scheduler has gone: the handle says so.
        assert!(matches!(handle.callback(|| ()), Err(Error::SchedulerGone)));
    })
}

#[test]
fn a_cothread_thread_serves_a_stream_of_requests_from_tokio() {
    cothread::scope(|| {
        let runtime = tokio_runtime();
        let (requests_tx, mut requests_rx) = mpsc::channel::<(u32, oneshot::Sender<u32>)>(8);
        let server = std::thread::spawn(move || {
            cothread::scope(|| {
                let mut workers = Vec::new();
                while let Some((x, reply)) = block_on(requests_rx.recv()) {
                    workers.push(spawn(move || {
                        cothread::sleep(Duration::from_millis(1));
                        let _ = reply.send(x + 1);
                    }));
                }
                // The last replies go out before the thread (and its scheduler) ends.
                let served = workers.len();
                cothread::wait_for_all(&workers, LONG).unwrap();
                served
            })
        });
        let replies = runtime.block_on(async move {
            let mut replies = Vec::new();
            for x in 0..50 {
                let (reply_tx, reply_rx) = oneshot::channel();
                requests_tx.send((x, reply_tx)).await.unwrap();
                replies.push(reply_rx);
            }
            drop(requests_tx);
            let mut answers = Vec::new();
            for reply in replies {
                answers.push(reply.await.unwrap());
            }
            answers
        });
        assert_eq!(replies, (1..=50).collect::<Vec<_>>());
        assert_eq!(server.join().unwrap(), 50);
    })
}
