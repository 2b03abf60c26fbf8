//! The facility-scale workloads on Rust cothread's catools, the Rust column
//! of `benches/run-scale.sh`.
//!
//! The same workloads, order, environment and output lines ("name value
//! unit", "#" comments) as `benches/scale/raw_scale.c`; the contract is
//! `benches/scale/README.md`. Each workload is what a catools user writes
//! for the job: one public-API call per step, no tuning. Arguments (cargo's
//! `--bench`) are ignored.

#[path = "support/cpu.rs"]
mod cpu;
#[path = "support/figures.rs"]
mod figures;
use cpu::cpu_seconds;
use figures::{env_or, ms_since, report};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use cothread::catools::{Augmented, CaError, Get, Monitor};
use cothread::Event;

fn fail(what: &str) -> ! {
    eprintln!("scale bench: {what}");
    std::process::exit(1);
}

fn check<T>(what: &str, result: Result<T, CaError>) -> T {
    result.unwrap_or_else(|err| fail(&format!("{what}: {err}")))
}

/// Resident set size in bytes: VmRSS of /proc/self/status, as every client
/// of the benchmark reads it.
fn rss_bytes() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_else(|err| fail(&format!("cannot read /proc/self/status: {err}")));
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map(|kib| kib * 1024.0)
        .unwrap_or_else(|| fail("no VmRSS in /proc/self/status"))
}

/// CPU seconds (user + system) the IOCs have used so far: fields 14 and 15
/// of `/proc/PID/stat` of every PID in `SCALE_IOC_PIDS` (0 if it is not
/// set), in `SCALE_CLK_TCK` ticks per second.
fn iocs_cpu_seconds() -> f64 {
    let ticks_per_second: f64 = env_or("SCALE_CLK_TCK", 100.0);
    let pids = std::env::var("SCALE_IOC_PIDS").unwrap_or_default();
    let ticks: u64 = pids
        .split_whitespace()
        .map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .unwrap_or_else(|err| fail(&format!("cannot read IOC {pid}'s stat: {err}")));
            // After the ")" that ends the command name: field 3 is the first.
            let fields: Vec<&str> = stat[stat.rfind(')').map_or(0, |end| end + 1)..]
                .split_whitespace()
                .collect();
            let field = |number: usize| -> u64 {
                fields
                    .get(number - 3)
                    .and_then(|text| text.parse().ok())
                    .unwrap_or_else(|| fail(&format!("cannot parse IOC {pid}'s stat")))
            };
            field(14) + field(15)
        })
        .sum();
    ticks as f64 / ticks_per_second
}

/// What the monitor callback keeps: the last value of every counter and the
/// totals of the window.
struct Counts {
    last: Vec<f64>,
    first_updates: usize,
    callbacks: u64,
    /// Updates libca delivered (with merging, several per callback).
    updates: u64,
    /// Growth of the counters those updates carried.
    produced: u64,
}

fn main() {
    let prefix = std::env::var("SCALE_PREFIX").unwrap_or_default();
    let iocs: usize = env_or("SCALE_IOCS", 0);
    let records: usize = env_or("SCALE_RECORDS", 0);
    let seconds: f64 = env_or("SCALE_SECONDS", 10.0);
    let timeout = Duration::from_secs_f64(env_or("SCALE_TIMEOUT", 300.0));
    let all_updates = env_or("SCALE_RUST_ALL_UPDATES", 1) != 0;
    if prefix.is_empty() || iocs == 0 || records == 0 || seconds <= 0.0 {
        fail("set SCALE_PREFIX, SCALE_IOCS, SCALE_RECORDS (benches/run-scale.sh does)");
    }
    let names: Vec<String> = (0..iocs)
        .flat_map(|k| (0..records).map(move |i| (k, i)))
        .map(|(k, i)| format!("{prefix}{k}:c:{i:05}"))
        .collect();
    let n = names.len() as f64;
    // The benchmark's own per-PV state, made (and touched) before the
    // memory baseline, as C's channel array is: not the library's memory.
    let counts = Rc::new(RefCell::new(Counts {
        last: vec![f64::NAN; names.len()],
        first_updates: 0,
        callbacks: 0,
        updates: 0,
        produced: 0,
    }));

    // ---- cold: every name to a value (the first CA call of the process) ----
    let rss_start = rss_bytes();
    let start = Instant::now();
    let values = check(
        "caget of every PV",
        Get::new().timeout(timeout).get_list::<f64, _>(&names),
    );
    report("connect_get_cold", ms_since(start), "ms");
    assert_eq!(values.len(), names.len());
    let rss_connected = rss_bytes();
    report("rss_per_channel", (rss_connected - rss_start) / n, "bytes");

    // ---- subscribe to everything, until every first update is in ----
    let all_first = Event::<()>::new();
    let start = Instant::now();
    let subscriptions = {
        let counts = Rc::clone(&counts);
        let all_first = all_first.clone();
        let total = names.len();
        Monitor::new().all_updates(all_updates).subscribe_list(
            &names,
            move |update: Result<Augmented<f64>, CaError>, index| {
                let Ok(update) = update else { return };
                let mut counts = counts.borrow_mut();
                let last = std::mem::replace(&mut counts.last[index], update.value);
                if last.is_nan() {
                    counts.first_updates += 1;
                    if counts.first_updates == total {
                        all_first.signal(());
                    }
                    return;
                }
                counts.callbacks += 1;
                counts.updates += update.meta.update_count;
                counts.produced += (update.value - last) as u64;
            },
        )
    };
    let subscriptions = check("camonitor of every PV", subscriptions);
    if all_first.wait(timeout).is_err() {
        fail("not every subscription's first update arrived");
    }
    report("subscribe_all", ms_since(start), "ms");
    // Kept until now, as C keeps its values in its channels' array: freed
    // earlier, their memory would be reused by the subscriptions and hide
    // part of their cost.
    drop(values);
    report(
        "rss_per_subscription",
        (rss_bytes() - rss_connected) / n,
        "bytes",
    );

    // ---- the monitor window, after a second to drain the first burst ----
    cothread::sleep(Duration::from_secs(1));
    let snapshot = |counts: &Counts| (counts.callbacks, counts.updates, counts.produced);
    let before = snapshot(&counts.borrow());
    let (start, cpu_start, iocs_cpu_start) = (Instant::now(), cpu_seconds(), iocs_cpu_seconds());
    cothread::sleep(Duration::from_secs_f64(seconds));
    let (elapsed, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu_start);
    let iocs_cpu = iocs_cpu_seconds() - iocs_cpu_start;
    let after = snapshot(&counts.borrow());
    let callbacks = after.0 - before.0;
    let updates = (after.1 - before.1) as f64;
    let produced = (after.2 - before.2) as f64;
    println!(
        "# monitor (all_updates={all_updates}): {callbacks} callbacks for {updates} updates \
         of {produced} produced in {elapsed:.3} s, {cpu:.3} CPU s"
    );
    report("monitor_iocs_cpu", iocs_cpu / elapsed, "cores");
    report("monitor_produced", produced / elapsed, "updates/s");
    report("monitor_rate", updates / elapsed, "updates/s");
    let per_100k = if updates > 0.0 {
        cpu / updates * 1e5
    } else {
        0.0
    };
    report("monitor_cpu", per_100k, "s/100k");

    // ---- clear everything; the runner times from here to the exit ----
    let wall = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |since| since.as_secs_f64());
    println!("teardown_start {wall:.6} epoch_s");
    let start = Instant::now();
    drop(subscriptions);
    report("unsubscribe_all", ms_since(start), "ms");
    // The channels stay in catools' cache for the life of the process; the
    // process's exit ends them.
}
