//! A soak test, not part of the normal suite (it takes minutes): 1,000
//! short-lived threads that each monitor a PV and exit (half of them leaving
//! a detached subscription behind), then 20 restarts of the IOC under 400
//! subscriptions, while the process's file descriptors, threads and resident
//! memory must stay flat. Run it, with its figures printed, as:
//!
//! ```sh
//! cargo test --release --test catools_soak -- --ignored --nocapture
//! ```
//!
//! Each restart takes about 10 s: without a CA repeater no beacon tells
//! libca that the IOC is back, and libca searches for a lost circuit's
//! channels every 10 s or so.

mod support;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{CaError, Monitor, Subscription};
use support::Ioc;

/// What the kernel says about this process.
#[derive(Clone, Copy, Debug)]
struct Usage {
    fds: usize,
    threads: usize,
    rss_kib: usize,
}

impl Usage {
    fn now() -> Usage {
        let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
        let field = |name: &str| -> usize {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{name} in /proc/self/status"))
        };
        Usage {
            fds: std::fs::read_dir("/proc/self/fd").expect("fds").count(),
            threads: field("Threads:"),
            rss_kib: field("VmRSS:"),
        }
    }
}

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} fds, {} threads, {} KiB RSS",
            self.fds, self.threads, self.rss_kib
        )
    }
}

/// Runs the scheduler until `done()`, or panics after `limit`.
fn wait_until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "{what} within {limit:?}");
        cothread::sleep(Duration::from_millis(10));
    }
}

/// On a new thread: monitors `name` until the first update, then either
/// drops or detaches the subscription, and exits.
fn short_lived_thread(name: &str, detach: bool) {
    let name = name.to_string();
    std::thread::spawn(move || {
        let seen = Rc::new(Cell::new(false));
        let saw = Rc::clone(&seen);
        let subscription = Monitor::new()
            .all_updates(true)
            .subscribe(&name, move |update: Result<f64, CaError>| {
                saw.set(update.is_ok())
            })
            .unwrap();
        wait_until(Duration::from_secs(10), "a first update", || seen.get());
        if detach {
            subscription.detach();
        }
    })
    .join()
    .expect("a short-lived thread");
}

/// Where each subscription is in a restart: 0 connected, 1 saw the
/// disconnect, 2 saw a value after it.
type Phases = Rc<RefCell<Vec<u8>>>;

#[test]
#[ignore = "a soak of several minutes: run it by name with --ignored (see the file's docs)"]
fn soak_leaves_fds_threads_and_memory_flat() {
    let mut ioc = Ioc::start();
    support::use_ioc_for_client(&ioc);
    let records = ["counter", "ai", "ao", "longin"];
    let names: Vec<String> = (0..400)
        .map(|i| ioc.pv(records[i % records.len()]))
        .collect();

    // 400 long-lived subscriptions that report disconnects.
    let phases: Phases = Rc::new(RefCell::new(vec![0; names.len()]));
    let log = Rc::clone(&phases);
    let subscriptions: Vec<Subscription> = Monitor::new()
        .notify_disconnect(true)
        .subscribe_list(&names, move |update: Result<f64, CaError>, index| {
            let mut phases = log.borrow_mut();
            match (update.is_ok(), phases[index]) {
                (false, _) => phases[index] = 1,
                (true, 1) => phases[index] = 2,
                _ => {}
            }
        })
        .unwrap();
    cothread::sleep(Duration::from_secs(1));

    // Warm-up: what the process keeps for good (libca's threads and
    // sockets, the allocator's arenas) comes with the first threads.
    for i in 0..10 {
        short_lived_thread(&ioc.pv("counter"), i % 2 == 0);
    }
    let start = Usage::now();
    let started = Instant::now();
    let threads = 1000;
    for i in 0..threads {
        short_lived_thread(&ioc.pv("counter"), i % 2 == 0);
    }
    let after_threads = Usage::now();
    println!(
        "soak: {threads} short-lived threads in {:.1} s: {start} -> {after_threads}",
        started.elapsed().as_secs_f64()
    );

    let restarts = 20;
    let mut after_restart = Vec::new();
    for restart in 1..=restarts {
        phases.borrow_mut().iter_mut().for_each(|p| *p = 0);
        let began = Instant::now();
        ioc.restart();
        wait_until(
            Duration::from_secs(60),
            "every subscription resumed",
            || phases.borrow().iter().all(|&p| p == 2),
        );
        let usage = Usage::now();
        println!(
            "soak: restart {restart:2}: {} subscriptions resumed in {:.1} s: {usage}",
            names.len(),
            began.elapsed().as_secs_f64()
        );
        after_restart.push(usage);
    }
    let end = Usage::now();
    drop(subscriptions);

    assert!(
        after_threads.fds <= start.fds + 2,
        "fds grew with threads: {start} -> {after_threads}"
    );
    assert!(
        after_threads.threads <= start.threads + 1,
        "threads grew: {start} -> {after_threads}"
    );
    // Later restarts must not cost more than the first one did.
    let first = after_restart[0];
    assert!(
        end.fds <= first.fds + 2 && end.threads <= first.threads + 1,
        "restarts leak: after the first {first}, at the end {end}"
    );
    assert!(
        end.rss_kib <= first.rss_kib + 8 * 1024,
        "RSS grows with restarts: after the first {first}, at the end {end}"
    );
    assert!(
        after_threads.rss_kib <= start.rss_kib + 8 * 1024,
        "RSS grows with threads: {start} -> {after_threads}"
    );
    println!("soak: start {start}; after threads {after_threads}; end {end}");
}
