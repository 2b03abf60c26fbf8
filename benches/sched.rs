//! Scheduler benchmarks, the Rust side of `benches/run-sched.sh`; the same
//! workloads on Python cothread are in `benches/sched_cothread.py`.
//! Prints one `name value unit` line per figure.

#[path = "support/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;
use std::time::{Duration, Instant};

use cothread::{spawn, Builder, Event, ThreadedEventQueue, Timeout};

fn report(name: &str, value: f64, unit: &str) {
    println!("{name} {value:.3} {unit}");
}

/// Best of three runs: this is a shared 2-core VM, so single runs are noisy.
fn best_of_3(f: impl Fn() -> f64, higher_is_better: bool) -> f64 {
    let runs = [f(), f(), f()];
    let pick = if higher_is_better { f64::max } else { f64::min };
    runs.into_iter().reduce(pick).unwrap()
}

/// Peak resident set size of this process so far, in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// Spawns `n` cothreads blocked on one event, releases and joins them;
/// returns the wall time per cothread and the peak RSS while all were live.
fn spawn_block_wake_join(n: usize) -> (f64, u64) {
    let go = Event::with_auto_reset(false);
    let start = Instant::now();
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let go = go.clone();
            spawn(move || go.wait(Timeout::NEVER).unwrap())
        })
        .collect();
    cothread::yield_now(Timeout::NEVER);
    let peak = peak_rss_kib();
    go.signal(());
    for h in handles {
        h.wait(Timeout::NEVER).unwrap();
    }
    (start.elapsed().as_secs_f64() / n as f64, peak)
}

fn live_cothreads(n: usize) {
    let base = peak_rss_kib();
    // First run: every stack is cut from fresh chunks (a guard-page
    // `madvise` and a first-touch page fault each).
    let (cold, peak) = spawn_block_wake_join(n);
    // Then from the pool (most of whose memory was given back meanwhile).
    let warm = best_of_3(|| spawn_block_wake_join(n).0, false);
    report("spawn_block_wake_join_per_cothread", warm * 1e6, "us");
    report("spawn_block_wake_join_first_run", cold * 1e6, "us");
    report("live_100k_peak_rss", peak as f64 / 1024.0, "MiB");
    report(
        "live_100k_rss_per_cothread",
        (peak - base) as f64 * 1024.0 / n as f64,
        "bytes",
    );
    let mappings = std::fs::read_to_string("/proc/self/maps")
        .unwrap()
        .lines()
        .count();
    report("process_mappings_after_100k", mappings as f64, "count");
}

fn yield_ping_pong(n: usize, stack_size: usize) -> f64 {
    let start = Instant::now();
    let mk = || {
        Builder::new()
            .stack_size(stack_size)
            .spawn(move || {
                for _ in 0..n {
                    cothread::yield_now(Duration::ZERO);
                }
            })
            .unwrap()
    };
    let (a, b) = (mk(), mk());
    a.wait(Timeout::NEVER).unwrap();
    b.wait(Timeout::NEVER).unwrap();
    (2 * n) as f64 / start.elapsed().as_secs_f64()
}

fn event_round_trips(n: usize, stack_size: usize) -> f64 {
    let (ping, pong) = (Event::<u32>::new(), Event::<u32>::new());
    let (pi, po) = (ping.clone(), pong.clone());
    let echo = Builder::new()
        .stack_size(stack_size)
        .spawn(move || {
            for _ in 0..n {
                let v = pi.wait(Timeout::NEVER).unwrap();
                po.signal(v + 1);
            }
        })
        .unwrap();
    let (pi, po) = (ping.clone(), pong.clone());
    let start = Instant::now();
    let driver = Builder::new()
        .stack_size(stack_size)
        .spawn(move || {
            let mut v = 0;
            for _ in 0..n {
                pi.signal(v);
                v = po.wait(Timeout::NEVER).unwrap();
            }
            v
        })
        .unwrap();
    assert_eq!(driver.wait(Timeout::NEVER).unwrap(), n as u32);
    echo.wait(Timeout::NEVER).unwrap();
    n as f64 / start.elapsed().as_secs_f64()
}

fn sleepers_cpu(n: usize) -> f64 {
    let cpu0 = cpu_seconds();
    let end = Instant::now() + Duration::from_secs(1);
    let handles: Vec<_> = (0..n)
        .map(|_| {
            spawn(move || {
                while Instant::now() < end {
                    cothread::sleep(Duration::from_millis(10));
                }
            })
        })
        .collect();
    for h in handles {
        h.wait(Timeout::NEVER).unwrap();
    }
    cpu_seconds() - cpu0
}

fn threaded_queue(n: usize) -> f64 {
    let q = ThreadedEventQueue::new().unwrap();
    let tx = q.clone();
    let start = Instant::now();
    let producer = std::thread::spawn(move || {
        for i in 0..n {
            tx.signal(i);
        }
    });
    for _ in 0..n {
        q.wait(Timeout::NEVER).unwrap();
    }
    producer.join().unwrap();
    n as f64 / start.elapsed().as_secs_f64()
}

thread_local! {
    /// Callbacks delivered so far, and the event the last one signals.
    static DELIVERED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static ALL_DELIVERED: Event<()> = Event::new();
}

/// One OS thread queues `n` callbacks onto the main thread's scheduler with
/// `cothread::callback`; the main cothread waits until the last one has run.
/// Returns callbacks per second, from the first queued to the last run, and
/// the CPU time per callback in ns, both threads together (process CPU time
/// from the start until the producing thread has been joined): the rate
/// needs both cores at once, the CPU time much less so.
fn callbacks(n: usize) -> (f64, f64) {
    DELIVERED.with(|d| d.set(0));
    let cpu_start = cpu_seconds();
    let start = Instant::now();
    let producer = std::thread::spawn(move || {
        for _ in 0..n {
            cothread::callback(move || {
                let seen = DELIVERED.with(|d| {
                    d.set(d.get() + 1);
                    d.get()
                });
                if seen == n {
                    ALL_DELIVERED.with(|e| e.signal(()));
                }
            })
            .unwrap();
        }
    });
    ALL_DELIVERED
        .with(Event::clone)
        .wait(Timeout::NEVER)
        .unwrap();
    let rate = n as f64 / start.elapsed().as_secs_f64();
    producer.join().unwrap();
    let cpu_ns = (cpu_seconds() - cpu_start) * 1e9 / n as f64;
    (rate, cpu_ns)
}

/// Reports [`callbacks`], best of three runs of each figure.
fn report_callbacks(n: usize) {
    let runs = [callbacks(n), callbacks(n), callbacks(n)];
    let rate = runs.iter().map(|r| r.0).fold(0.0, f64::max);
    let cpu = runs.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    report("callbacks_from_a_thread", rate / 1e6, "M/s");
    report("callbacks_cpu_both_threads", cpu, "ns");
}

/// `block_on` of a future that is ready at its first poll, in ns per call.
fn block_on_ready(n: usize) -> f64 {
    let start = Instant::now();
    for i in 0..n {
        std::hint::black_box(cothread::block_on(std::future::ready(i)));
    }
    start.elapsed().as_nanos() as f64 / n as f64
}

/// `block_on` of a future that another OS thread completes: the waker goes
/// to that thread over a std channel, which sets the flag and wakes it; the
/// main cothread waits in the scheduler meanwhile. Microseconds per round
/// trip (two thread wake-ups: the channel's and the scheduler's eventfd).
fn block_on_woken_from_a_thread(n: usize) -> f64 {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::task::{Poll, Waker};

    let (tx, rx) = std::sync::mpsc::channel::<(Arc<AtomicBool>, Waker)>();
    let completer = std::thread::spawn(move || {
        for (done, waker) in rx {
            done.store(true, Ordering::Release);
            waker.wake();
        }
    });
    let start = Instant::now();
    for _ in 0..n {
        let done = Arc::new(AtomicBool::new(false));
        let mut sent = false;
        cothread::block_on(std::future::poll_fn(|cx| {
            if done.load(Ordering::Acquire) {
                return Poll::Ready(());
            }
            if !sent {
                tx.send((done.clone(), cx.waker().clone())).unwrap();
                sent = true;
            }
            Poll::Pending
        }));
    }
    let per = start.elapsed().as_secs_f64() / n as f64;
    drop(tx);
    completer.join().unwrap();
    per * 1e6
}

fn bare_corosensei(n: usize) -> f64 {
    use corosensei::{Coroutine, CoroutineResult};
    let mut co = Coroutine::new(|y, ()| loop {
        y.suspend(());
    });
    let start = Instant::now();
    for _ in 0..n {
        let r: CoroutineResult<(), ()> = co.resume(());
        std::hint::black_box(r);
    }
    let ns = start.elapsed().as_nanos() as f64 / n as f64;
    std::mem::forget(co); // suspended forever; no unwind needed
    ns
}

fn main() {
    if let Ok(only) = std::env::var("SCHED_BENCH_ONLY") {
        // For profiling one workload. SCHED_BENCH_N sets the callbacks per
        // run of `callback` (three runs): instruction counts per callback
        // are the difference of two such runs divided by three times the
        // difference of their N, so that start-up cancels.
        match only.as_str() {
            "yield" => report(
                "yield_switches",
                yield_ping_pong(10_000_000, 0) / 1e6,
                "M/s",
            ),
            "event" => report(
                "event_round_trips",
                event_round_trips(5_000_000, 0) / 1e6,
                "M/s",
            ),
            "callback" => report_callbacks(std::env::var("SCHED_BENCH_N").map_or(1_000_000, |n| {
                n.parse().expect("SCHED_BENCH_N: a number of callbacks")
            })),
            "block_on" => {
                report("block_on_ready_future", block_on_ready(10_000_000), "ns");
                let woken = block_on_woken_from_a_thread(100_000);
                report("block_on_woken_from_a_thread", woken, "us");
            }
            "spawn" => live_cothreads(100_000),
            other => panic!("unknown workload {other}"),
        }
        return;
    }
    // First, so the peak RSS belongs to this workload.
    live_cothreads(100_000);
    let rate = |f: &dyn Fn() -> f64| best_of_3(f, true) / 1e6;
    let yields = |size| rate(&|| yield_ping_pong(1_000_000, size));
    let trips = |size| rate(&|| event_round_trips(500_000, size));
    report("yield_switches", yields(0), "M/s");
    report("yield_switches_64k_stack", yields(64 * 1024), "M/s");
    report("event_round_trips", trips(0), "M/s");
    report("event_round_trips_64k_stack", trips(64 * 1024), "M/s");
    report("sleepers_10k_10ms_cpu_for_1s", sleepers_cpu(10_000), "s");
    report(
        "threaded_queue_items",
        rate(&|| threaded_queue(1_000_000)),
        "M/s",
    );
    report_callbacks(1_000_000);
    report(
        "block_on_ready_future",
        best_of_3(|| block_on_ready(1_000_000), false),
        "ns",
    );
    report(
        "block_on_woken_from_a_thread",
        best_of_3(|| block_on_woken_from_a_thread(20_000), false),
        "us",
    );
    let floor = best_of_3(|| bare_corosensei(10_000_000), false);
    report("bare_corosensei_resume_suspend", floor, "ns");
}
