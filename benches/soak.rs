//! The soak test of a long-running Channel Access client: does the process
//! stay flat (open fds, threads, RSS) under churn? Run by `benches/soak.sh`
//! (not part of the test suite; without `SOAK=1` it only says so).
//!
//! Against its own softIoc (the test harness's, started on a free port of
//! 127.0.0.1 and ended by PID), with `SOAK_SUBSCRIPTIONS` (400) live
//! subscriptions on the main thread throughout:
//! 1. `SOAK_THREADS` (1,000) short-lived OS threads, a few at a time, each
//!    starting a camonitor, waiting for its first update, closing it and
//!    exiting;
//! 2. `SOAK_RESTARTS` (20) restarts of the IOC on the same port, each
//!    waited out until every subscription has updated again, then a second
//!    of updates (the records count twice a second). Without a CA repeater
//!    to pass on the restarted IOC's beacons, libca finds it by its search
//!    backoff: about 10 s per restart;
//! 3. name churn: `SOAK_NAME_ROUNDS` (5) rounds of reading 2,000 distinct
//!    names that no IOC serves (as a gateway reading user-typed names
//!    does), with the channel idle period set to 1 s, each round followed by
//!    the time it takes to clear them; the first round sets the baseline
//!    (`SOAK_KEEP_CHANNELS=1`: the control, channels never cleared).
//!
//! The main thread samples /proc/self (fds, threads, RSS) after a warm-up and
//! through both phases, prints a table and a verdict per phase and figure,
//! and exits non-zero if the subscriptions stopped updating.

#[path = "../tests/support/mod.rs"]
mod support;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use cothread::catools::{camonitor, set_channel_idle_period, Get, Subscription};
use support::{use_ioc_for_client, Ioc, IocOptions};

/// How many threads of phase 1 run at once.
const THREADS_AT_ONCE: usize = 8;
/// How long anything may take that should happen at once (loaded machine).
const WAIT: Duration = Duration::from_secs(30);
/// Never-found names read in each round of phase 3.
const NAMES_PER_ROUND: usize = 2000;
/// The channel idle period of phase 3.
const NAME_CHURN_IDLE: Duration = Duration::from_secs(1);
/// The records' scan: each of them updates twice a second.
const SCAN: &str = ".5 second";

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

fn fail(what: &str) -> ! {
    eprintln!("soak: {what}");
    std::process::exit(1);
}

/// One reading of the process's resources.
#[derive(Clone)]
struct Sample {
    label: String,
    seconds: f64,
    fds: usize,
    threads: usize,
    rss_kib: usize,
    updates: u64,
}

fn sample(label: &str, start: Instant, updates: u64) -> Sample {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    Sample {
        label: label.to_string(),
        seconds: start.elapsed().as_secs_f64(),
        fds: std::fs::read_dir("/proc/self/fd").map_or(0, Iterator::count),
        threads: field("Threads:"),
        rss_kib: field("VmRSS:"),
        updates,
    }
}

/// The records: `soak:N`, counting, one per subscription.
fn records(count: usize) -> String {
    (0..count)
        .map(|n| {
            format!(
                "record(calc, \"$(P)soak:{n}\") {{ field(SCAN, \"{SCAN}\") \
                 field(CALC, \"A+1\") field(INPA, \"$(P)soak:{n} NPP\") }}\n"
            )
        })
        .collect()
}

/// The main thread's subscriptions, and when each last updated.
struct Watched {
    _subscriptions: Vec<Subscription>,
    last_update: Rc<RefCell<Vec<Option<Instant>>>>,
    updates: Rc<Cell<u64>>,
}

impl Watched {
    fn start(names: &[String]) -> Watched {
        let last_update = Rc::new(RefCell::new(vec![None; names.len()]));
        let updates = Rc::new(Cell::new(0));
        let subscriptions = names
            .iter()
            .enumerate()
            .map(|(index, name)| {
                let last_update = Rc::clone(&last_update);
                let updates = Rc::clone(&updates);
                camonitor(name, move |update: Result<f64, _>| {
                    if update.is_ok() {
                        last_update.borrow_mut()[index] = Some(Instant::now());
                        updates.set(updates.get() + 1);
                    }
                })
                .unwrap_or_else(|err| fail(&format!("camonitor {name}: {err}")))
            })
            .collect();
        Watched {
            _subscriptions: subscriptions,
            last_update,
            updates,
        }
    }

    /// Whether every subscription updated after `since`.
    fn all_updated_since(&self, since: Instant) -> bool {
        self.last_update
            .borrow()
            .iter()
            .all(|last| last.is_some_and(|at| at > since))
    }

    /// Runs this thread's scheduler (so updates arrive) until every
    /// subscription updated after `since`; false if `WAIT` passed first.
    fn wait_all_updated(&self, since: Instant) -> bool {
        let deadline = Instant::now() + WAIT;
        while !self.all_updated_since(since) {
            if Instant::now() > deadline {
                return false;
            }
            cothread::sleep(Duration::from_millis(50));
        }
        true
    }
}

/// Phase 1's worker: one short-lived thread per camonitor, `at_once` at a
/// time; counts those done.
fn churn_threads(names: Vec<String>, total: usize, done: Arc<AtomicUsize>) {
    let mut next = 0;
    while next < total {
        let batch: Vec<_> = (next..(next + THREADS_AT_ONCE).min(total))
            .map(|n| {
                let name = names[n % names.len()].clone();
                std::thread::spawn(move || {
                    cothread::scope(|| {
                        let first = cothread::Event::<()>::new();
                        let signal = first.clone();
                        let subscription = camonitor(&name, move |update: Result<f64, _>| {
                            if update.is_ok() {
                                signal.signal(());
                            }
                        })
                        .unwrap_or_else(|err| fail(&format!("camonitor {name}: {err}")));
                        if first.wait(WAIT).is_err() {
                            fail(&format!("no first update of {name} on a new thread"));
                        }
                        drop(subscription);
                    })
                })
            })
            .collect();
        for thread in batch {
            if thread.join().is_err() {
                fail("a churn thread panicked");
            }
        }
        next = (next + THREADS_AT_ONCE).min(total);
        done.store(next, Ordering::Relaxed);
    }
}

fn main() {
    if std::env::var_os("SOAK").is_none() {
        println!("soak: skipped (a minutes-long soak test; run benches/soak.sh)");
        return;
    }
    let subscriptions = setting("SOAK_SUBSCRIPTIONS", 400);
    let threads = setting("SOAK_THREADS", 1000);
    let restarts = setting("SOAK_RESTARTS", 20);
    let name_rounds = setting("SOAK_NAME_ROUNDS", 5);
    let start = Instant::now();
    let ioc = Ioc::start_with(IocOptions {
        extra_records: records(subscriptions),
        ..IocOptions::default()
    });
    use_ioc_for_client(&ioc);
    println!(
        "# soak: softIoc PID {} on 127.0.0.1:{}; {subscriptions} subscriptions, \
         {threads} threads, {restarts} restarts",
        ioc.pid().unwrap_or(0),
        ioc.port()
    );
    let names: Vec<String> = (0..subscriptions)
        .map(|n| ioc.pv(&format!("soak:{n}")))
        .collect();
    let mut samples = vec![sample("before CA", start, 0)];

    let watched = Watched::start(&names);
    if !watched.wait_all_updated(start) {
        fail("not every subscription delivered its first value");
    }
    // Warm-up: one batch of churn threads, so that the first-use costs
    // (allocator arenas, libca's free lists) are in the baseline.
    let warm = Arc::new(AtomicUsize::new(0));
    let warm_names = names.clone();
    let warm_done = Arc::clone(&warm);
    let warm_up = std::thread::spawn(move || churn_threads(warm_names, 50, warm_done));
    while !warm_up.is_finished() {
        cothread::sleep(Duration::from_millis(50));
    }
    let _ = warm_up.join();
    samples.push(sample("warm (baseline)", start, watched.updates.get()));

    // Phase 1: short-lived threads, sampled every tenth of the way.
    let done = Arc::new(AtomicUsize::new(0));
    let churn = {
        let names = names.clone();
        let done = Arc::clone(&done);
        std::thread::spawn(move || churn_threads(names, threads, done))
    };
    let step = (threads / 10).max(1);
    let mut next_sample = step;
    while !churn.is_finished() {
        cothread::sleep(Duration::from_millis(50));
        let finished = done.load(Ordering::Relaxed);
        if finished >= next_sample {
            samples.push(sample(
                &format!("{finished} threads"),
                start,
                watched.updates.get(),
            ));
            next_sample += step;
        }
    }
    if churn.join().is_err() {
        fail("the churn thread panicked");
    }
    let last = sample(&format!("{threads} threads"), start, watched.updates.get());
    if samples.last().map(|s| &s.label) != Some(&last.label) {
        samples.push(last);
    }
    let churned = samples.len() - 1;

    // Phase 2: IOC restarts on the same port, each until every subscription
    // has updated again. The restart blocks, so it runs on its own thread
    // while this one keeps its scheduler (and the subscriptions) going.
    let mut ioc = ioc;
    for restart in 1..=restarts {
        let (tx, rx) = mpsc::channel();
        let asked = Instant::now();
        let restarter = std::thread::spawn(move || {
            ioc.restart();
            let _ = tx.send(Instant::now());
            ioc
        });
        let restarted = loop {
            match rx.try_recv() {
                Ok(at) => break at,
                Err(mpsc::TryRecvError::Empty) => cothread::sleep(Duration::from_millis(20)),
                Err(mpsc::TryRecvError::Disconnected) => fail("the IOC did not restart"),
            }
        };
        ioc = restarter
            .join()
            .unwrap_or_else(|_| fail("the restart panicked"));
        if !watched.wait_all_updated(restarted) {
            fail(&format!(
                "restart {restart}: not every subscription updated within {WAIT:?}"
            ));
        }
        println!(
            "# restart {restart}: IOC serving again after {:.1} s, every subscription \
             updated {:.1} s later",
            restarted.duration_since(asked).as_secs_f64(),
            restarted.elapsed().as_secs_f64()
        );
        // A second of updates on the restarted IOC before the next restart.
        cothread::sleep(Duration::from_secs(1));
        if restart % 5 == 0 || restart == restarts {
            samples.push(sample(
                &format!("{restart} restarts"),
                start,
                watched.updates.get(),
            ));
        }
    }
    let restarted = samples.len() - 1;

    // Phase 3: distinct never-found names, read once each, cleared when idle.
    // The control (SOAK_KEEP_CHANNELS=1): channels never cleared, as before.
    let keep = std::env::var_os("SOAK_KEEP_CHANNELS").is_some();
    set_channel_idle_period((!keep).then_some(NAME_CHURN_IDLE));
    let read = Get::new().timeout(Duration::from_millis(200));
    for round in 1..=name_rounds {
        let names: Vec<String> = (0..NAMES_PER_ROUND)
            .map(|n| ioc.pv(&format!("missing:{round}:{n}")))
            .collect();
        if read.get_each::<f64, _>(&names).iter().any(Result::is_ok) {
            fail("a name that no IOC serves was read");
        }
        // Cleared between one and one and a half idle periods after use.
        cothread::sleep(NAME_CHURN_IDLE * 2);
        samples.push(sample(
            &format!("{} names", round * NAMES_PER_ROUND),
            start,
            watched.updates.get(),
        ));
    }
    let named = samples.len() - 1;

    // Let the subscriptions run a little on the last IOC, then the end.
    let settle = Instant::now();
    if !watched.wait_all_updated(settle) {
        fail("the subscriptions stopped updating");
    }
    samples.push(sample("end", start, watched.updates.get()));
    report(&samples, [churned, restarted, named]);
    drop(watched);
    drop(ioc); // ends the softIoc by its PID
}

/// Prints the table and, per phase and figure, the verdict: flat when the
/// phase's last sample is within a small allowance of its first.
fn report(samples: &[Sample], [churned, restarted, named]: [usize; 3]) {
    println!();
    println!("| when | time (s) | open fds | threads | RSS (MiB) | updates so far |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for s in samples {
        println!(
            "| {} | {:.1} | {} | {} | {:.1} | {} |",
            s.label,
            s.seconds,
            s.fds,
            s.threads,
            s.rss_kib as f64 / 1024.0,
            s.updates
        );
    }
    let warm = samples
        .iter()
        .position(|s| s.label.starts_with("warm"))
        .unwrap_or(0);
    let end = samples.len() - 1;
    println!();
    println!(
        "{} subscription updates delivered on the main thread.",
        samples[end].updates
    );
    verdicts("thread churn", &samples[warm], &samples[churned]);
    verdicts("IOC restarts", &samples[churned], &samples[restarted]);
    // From the first round's sample: that round sets the allocator's level.
    let first_round = (restarted + 1).min(named);
    verdicts("name churn", &samples[first_round], &samples[named]);
}

/// The verdict of one phase, from its first sample to its last.
fn verdicts(phase: &str, from: &Sample, to: &Sample) {
    let verdict = |name: &str, from: usize, to: usize, allowance: usize, unit: &str| {
        let word = if to.saturating_sub(from) <= allowance {
            "flat"
        } else {
            "GROWING"
        };
        println!("verdict {phase}, {name}: {word} ({from} -> {to} {unit}; allowance +{allowance})");
    };
    verdict("fds", from.fds, to.fds, 8, "fds");
    verdict("threads", from.threads, to.threads, 4, "threads");
    // RSS: allocator arenas and caches settle; allow 10% of the start.
    verdict("RSS", from.rss_kib, to.rss_kib, from.rss_kib / 10, "KiB");
}
