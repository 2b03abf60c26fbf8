//! The Channel Access benchmark's workloads on Rust cothread's catools, the
//! Rust column of `benches/run-ca.sh`.
//!
//! The same workloads, order, environment and output lines ("name value
//! unit", "#" comments) as `benches/ca/raw_limit.c` and
//! `benches/ca/cothread_peer.py`; the contract is `benches/ca/README.md`.
//! Each workload is what a catools user writes for the job: one public-API
//! call per step, no tuning. Arguments (cargo's `--bench`) are ignored.

#[path = "support/cpu.rs"]
mod cpu;
#[path = "support/figures.rs"]
mod figures;
use cpu::cpu_seconds;
use figures::{env_or, ms_since, report};
use std::cell::Cell;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cothread::catools::{Augmented, CaError, Channels, FromReading, Get, Monitor, Put, Value};
use cothread::{Event, ThreadedEventQueue};

const N_PVS: usize = 1000;
/// Any single call; far above any result.
const TIMEOUT: Duration = Duration::from_secs(10);

fn fail(what: &str) -> ! {
    eprintln!("catools bench: {what}");
    std::process::exit(1);
}

fn required_env(name: &str) -> String {
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => value,
        _ => {
            eprintln!("catools bench: set {name} (benches/run-ca.sh does)");
            std::process::exit(2);
        }
    }
}

fn check<T>(what: &str, result: Result<T, CaError>) -> T {
    result.unwrap_or_else(|err| fail(&format!("{what}: {err}")))
}

fn caget_list(names: &[String]) -> Vec<f64> {
    let values = check(
        "caget list",
        Get::new().timeout(TIMEOUT).get_list::<f64, _>(names),
    );
    assert_eq!(values.len(), N_PVS);
    values
}

fn caget_list_cold(names: &[String]) {
    // First CA traffic of the process: search, connect and get overlap.
    let start = Instant::now();
    caget_list(names);
    report("caget_list_cold", ms_since(start), "ms");
}

fn caget_list_warm(names: &[String], repeats: usize) {
    for _ in 0..repeats {
        let start = Instant::now();
        caget_list(names);
        report("caget_list_warm", ms_since(start), "ms");
    }
}

/// The async face (`cothread::catools_async`): one `caget_list` future of
/// the 1,000 PVs (all connected: one batch), polled by a minimal executor
/// that parks the thread until the future's waker unparks it. Not a
/// workload of the contract: an extra line, `caget_list_warm_async`, beside
/// `caget_list_warm`.
fn caget_list_warm_async(names: &[String], repeats: usize) {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll, Wake, Waker};

    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let get = Get::new();
    for _ in 0..repeats {
        let start = Instant::now();
        let deadline = start + TIMEOUT;
        let mut list = cothread::catools_async::caget_list_with::<f64, _>(&get, names);
        let values = loop {
            let mut context = Context::from_waker(&waker);
            if let Poll::Ready(result) = Pin::new(&mut list).poll(&mut context) {
                break check("async caget_list", result);
            }
            if Instant::now() > deadline {
                fail("async caget_list: no reply within the timeout");
            }
            std::thread::park_timeout(TIMEOUT);
        };
        report("caget_list_warm_async", ms_since(start), "ms");
        assert_eq!(values.len(), N_PVS);
    }
}

/// The same reads through a prepared list ([`Channels`]), made once before
/// the clock starts: what a program that reads the same PVs again and again
/// writes.
fn caget_channels_warm(names: &[String], repeats: usize) {
    let channels = check("Channels::new", Channels::new(names));
    let get = Get::new().timeout(TIMEOUT);
    for _ in 0..repeats {
        let start = Instant::now();
        let values: Vec<f64> = check("Channels::get", channels.get(&get));
        report("caget_channels_warm", ms_since(start), "ms");
        assert_eq!(values.len(), N_PVS);
    }
}

fn caget_sequential(name: &str, repeats: usize) {
    let get = Get::new().timeout(TIMEOUT);
    for _ in 0..repeats {
        let start = Instant::now();
        for _ in 0..N_PVS {
            check("caget", get.get::<f64>(name));
        }
        report("caget_sequential", ms_since(start), "ms");
    }
}

fn caput_list_wait(names: &[String], repeats: usize) {
    let put = Put::new().wait(true).timeout(TIMEOUT);
    for r in 0..repeats {
        let values: Vec<Value> = (0..N_PVS)
            .map(|i| Value::Double((r * N_PVS + i) as f64 + 0.5))
            .collect();
        let start = Instant::now();
        check("caput list", put.put_list(names, values));
        report("caput_list_wait", ms_since(start), "ms");
    }
}

fn caget_waveform(name: &str, repeats: usize) {
    let get = Get::new().timeout(TIMEOUT);
    // repeats + 1: the first get (which also connects) is a warm-up.
    for r in 0..=repeats {
        let start = Instant::now();
        let value: Vec<f64> = check("caget waveform", get.get(name));
        let elapsed = ms_since(start);
        let n = value.len();
        if n != 1_000_000 || value[n - 1] != (n - 1) as f64 * 0.25 + 1.0 / n as f64 {
            fail("the waveform is not what `putter --fill` wrote");
        }
        if r > 0 {
            report("caget_waveform_1M", elapsed, "ms");
        }
    }
}

/// Counts updates of `$(P)mon` while the putter hammers it (see putter.c):
/// as fast as it can, or paced at `rate` puts per second (the rows then
/// named with `suffix`).
fn monitor(name: &str, putter: &str, seconds: f64, all_updates: bool, rate: Option<f64>) {
    let kind = if all_updates { "all" } else { "merged" };
    let callbacks = Rc::new(Cell::new(0u64));
    let updates = Rc::new(Cell::new(0u64));
    let first = Event::<()>::new();
    let last = Event::<()>::new();
    let subscription = {
        let (callbacks, updates) = (Rc::clone(&callbacks), Rc::clone(&updates));
        let (first, last) = (first.clone(), last.clone());
        let mut seen_first = false;
        Monitor::new().all_updates(all_updates).subscribe(
            name,
            move |update: Result<Augmented<f64>, CaError>| {
                // The plain counting callback; update_count is 1 with
                // all_updates and the number of merged updates otherwise.
                let Ok(update) = update else { return };
                callbacks.set(callbacks.get() + 1);
                updates.set(updates.get() + update.meta.update_count);
                if !seen_first {
                    seen_first = true;
                    first.signal(());
                } else if update.value == -1.0 {
                    last.signal(());
                }
            },
        )
    };
    let subscription = check("camonitor", subscription);
    if first.wait(TIMEOUT).is_err() {
        fail("no initial monitor update");
    }
    let reset = || {
        callbacks.set(0);
        updates.set(0);
    };
    let (elapsed, cpu) = putter_window(name, putter, seconds, rate, reset, |timeout| {
        last.wait(timeout).is_ok()
    });
    subscription.close();
    report_monitor(kind, rate, callbacks.get(), updates.get(), elapsed, cpu);
}

/// [`monitor`] with every update on libca's thread
/// (`Monitor::subscribe_on_libca_thread`): the same counting callback, with
/// atomics for counters, and a `ThreadedEventQueue` to wake the main
/// cothread for the first and the final update only. `T` is what the
/// callback takes, `observe` what it reads of it: the updates it stands for
/// and the value. Its rows are `monitor_{kind}_*`.
fn monitor_direct<T: FromReading + 'static>(
    name: &str,
    putter: &str,
    seconds: f64,
    rate: Option<f64>,
    kind: &str,
    observe: fn(&T) -> (u64, f64),
) {
    let updates = Arc::new(AtomicU64::new(0));
    let marks =
        ThreadedEventQueue::new().unwrap_or_else(|err| fail(&format!("ThreadedEventQueue: {err}")));
    let subscription = {
        let (updates, marks) = (Arc::clone(&updates), marks.clone());
        let mut seen_first = false;
        Monitor::new().subscribe_on_libca_thread(name, move |update: Result<T, CaError>| {
            let Ok(update) = update else { return };
            let (count, value) = observe(&update);
            updates.fetch_add(count, Ordering::Relaxed);
            if !seen_first {
                seen_first = true;
                marks.signal(());
            } else if value == -1.0 {
                marks.signal(());
            }
        })
    };
    let subscription = check("camonitor on libca's thread", subscription);
    if marks.wait(TIMEOUT).is_err() {
        fail("no initial monitor update");
    }
    let reset = || updates.store(0, Ordering::Relaxed);
    let (elapsed, cpu) = putter_window(name, putter, seconds, rate, reset, |timeout| {
        marks.wait(timeout).is_ok()
    });
    subscription.close();
    let updates = updates.load(Ordering::Relaxed);
    report_monitor(kind, rate, updates, updates, elapsed, cpu);
}

/// What the direct rows' callback reads of an augmented update.
fn observe_augmented(update: &Augmented<f64>) -> (u64, f64) {
    (update.meta.update_count, update.value)
}

/// What the value-only direct rows' callback reads: the value, which stands
/// for one update (nothing is merged on libca's thread).
fn observe_value(update: &f64) -> (u64, f64) {
    (1, *update)
}

/// The putter's window on `name` (steps 2 to 5 of the README's monitor
/// window): `reset` zeroes the counters once the putter is ready,
/// `wait_last(timeout)` waits for the final value. Returns the window's
/// wall-clock and CPU seconds.
fn putter_window(
    name: &str,
    putter: &str,
    seconds: f64,
    rate: Option<f64>,
    reset: impl FnOnce(),
    wait_last: impl FnOnce(Duration) -> bool,
) -> (f64, f64) {
    let mut child = Command::new(putter)
        .arg(name)
        .arg(format!("{seconds}"))
        .args(rate.map(|rate| format!("{rate}")))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| fail(&format!("cannot start the putter: {err}")));
    let mut to_putter = child.stdin.take().expect("piped stdin");
    let mut from_putter = BufReader::new(child.stdout.take().expect("piped stdout"));
    // A blocking read is fine here: nothing else needs the scheduler yet.
    let mut ready = String::new();
    if from_putter.read_line(&mut ready).is_err() || ready != "ready\n" {
        fail("the putter did not get ready");
    }

    reset();
    let (start, cpu_start) = (Instant::now(), cpu_seconds());
    if to_putter
        .write_all(b"go\n")
        .and_then(|()| to_putter.flush())
        .is_err()
    {
        fail("cannot tell the putter to go");
    }
    if !wait_last(Duration::from_secs_f64(seconds) + TIMEOUT) {
        fail("the putter's final value never arrived");
    }
    let (elapsed, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu_start);

    drop(to_putter);
    match child.wait() {
        Ok(status) if status.success() => {}
        _ => fail("the putter failed"),
    }
    (elapsed, cpu)
}

/// Prints a monitor window's rows, `monitor_{kind}_rate` and
/// `monitor_{kind}_cpu`, suffixed `_<R>k` for a paced window.
fn report_monitor(
    kind: &str,
    rate: Option<f64>,
    callbacks: u64,
    updates: u64,
    elapsed: f64,
    cpu: f64,
) {
    let suffix = rate.map_or(String::new(), |rate| format!("_{}k", rate / 1000.0));
    let updates = updates as f64;
    println!(
        "# monitor {kind}{suffix}: {callbacks} callbacks for {updates} updates in {elapsed:.3} s, {cpu:.3} CPU s"
    );
    report(
        &format!("monitor_{kind}_rate{suffix}"),
        updates / elapsed,
        "updates/s",
    );
    report(
        &format!("monitor_{kind}_cpu{suffix}"),
        cpu / updates * 1e5,
        "s/100k",
    );
}

fn main() {
    let prefix = required_env("BENCH_PREFIX");
    let putter = required_env("BENCH_PUTTER");
    let repeats: usize = env_or("BENCH_REPEATS", 5);
    let seconds: f64 = env_or("BENCH_MONITOR_SECONDS", 2.0);
    if repeats < 1 || seconds <= 0.0 {
        fail("BENCH_REPEATS and BENCH_MONITOR_SECONDS must be positive");
    }
    let names: Vec<String> = (0..N_PVS).map(|i| format!("{prefix}pv:{i:04}")).collect();

    let rates: Vec<f64> = std::env::var("BENCH_MONITOR_RATES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter(|rate| !rate.trim().is_empty())
        .map(|rate| match rate.trim().parse() {
            Ok(rate) if rate > 0.0 => rate,
            _ => fail("BENCH_MONITOR_RATES must be positive numbers separated by commas"),
        })
        .collect();
    // A profiling aid: BENCH_ONLY=caget_list_warm,monitor_all_10k,... runs
    // only those workloads (after the cold caget, always first).
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    let selected = |workload: &str| only.is_empty() || only.split(',').any(|w| w == workload);
    // BENCH_BATCH_WINDOW_US: the thread's batch window (default: the crate's).
    if let Ok(window) = std::env::var("BENCH_BATCH_WINDOW_US") {
        match window.trim().parse() {
            Ok(us) => cothread::catools::set_thread_batch_window(Duration::from_micros(us)),
            Err(_) => fail("BENCH_BATCH_WINDOW_US must be a whole number of microseconds"),
        }
    }

    caget_list_cold(&names); // first: nothing is connected yet
    if selected("caget_list_warm") {
        caget_list_warm(&names, repeats);
    }
    if selected("caget_list_warm_async") {
        caget_list_warm_async(&names, repeats);
    }
    if selected("caget_channels_warm") {
        caget_channels_warm(&names, repeats);
    }
    if selected("caget_sequential") {
        caget_sequential(&names[0], repeats);
    }
    if selected("caput_list_wait") {
        caput_list_wait(&names, repeats);
    }
    if selected("caget_waveform_1M") {
        caget_waveform(&format!("{prefix}big"), repeats);
    }
    let mon = format!("{prefix}mon");
    if selected("monitor_all") {
        monitor(&mon, &putter, seconds, true, None);
    }
    if selected("monitor_merged") {
        monitor(&mon, &putter, seconds, false, None);
    }
    for &rate in &rates {
        if selected(&format!("monitor_all_{}k", rate / 1000.0)) {
            monitor(&mon, &putter, seconds, true, Some(rate));
        }
    }
    // The same windows with the callback on libca's thread: taking the
    // augmented value (name and metadata) as above, then the value alone,
    // as C's callback does.
    if selected("monitor_direct") {
        monitor_direct(&mon, &putter, seconds, None, "direct", observe_augmented);
    }
    for &rate in &rates {
        if selected(&format!("monitor_direct_{}k", rate / 1000.0)) {
            monitor_direct(
                &mon,
                &putter,
                seconds,
                Some(rate),
                "direct",
                observe_augmented,
            );
        }
    }
    if selected("monitor_direct_value") {
        monitor_direct(&mon, &putter, seconds, None, "direct_value", observe_value);
    }
    for &rate in &rates {
        if selected(&format!("monitor_direct_value_{}k", rate / 1000.0)) {
            monitor_direct(
                &mon,
                &putter,
                seconds,
                Some(rate),
                "direct_value",
                observe_value,
            );
        }
    }
}
