//! Channels left unused are cleared after the idle period, and those in use
//! are not, seen from the IOC: its `casr` report counts the channels this
//! client holds on it.
//!
//! The idle period is process-wide, so these tests have a binary of their
//! own, with a short period, and take turns (each holds the IOC's lock): the
//! server's count covers every channel of the process.
//!
//! The sweep keeps a server's last connected channel (so that its circuit
//! stays), so each test but the one about that rule holds an [`anchor`]: one
//! channel of its own on the IOC, so that the channels it counts are never
//! the last.

mod support;

use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use cothread::catools::{caget, set_channel_idle_period, watch, ChannelEvent, Monitor, Watch};
use cothread::pv::Pv;
use support::{use_ioc_for_client, Ioc};

/// The idle period of this binary: short, so the tests are quick, but long
/// enough to ask the IOC about a channel before it is cleared.
const IDLE: Duration = Duration::from_secs(1);

/// How long a test waits for anything that should happen within a period
/// or two (generous: the machine may be loaded).
const WAIT: Duration = Duration::from_secs(10);

/// This binary's IOC, with this process's client pointed at it and the
/// short idle period set; held by one test at a time.
fn ioc() -> MutexGuard<'static, Ioc> {
    static IOC: OnceLock<Mutex<Ioc>> = OnceLock::new();
    IOC.get_or_init(|| {
        let ioc = Ioc::start();
        use_ioc_for_client(&ioc);
        set_channel_idle_period(Some(IDLE));
        Mutex::new(ioc)
    })
    .lock()
    .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Opens a test's anchor, a channel it holds open on the IOC (by a watch),
/// and waits until the IOC counts only that one.
fn anchor(ioc: &mut Ioc) -> Watch {
    let anchor = watch(&ioc.pv("ao"), |_| {}).expect("watch the anchor");
    assert_eq!(
        wait_for_channels(ioc, |n| n == 1),
        1,
        "only the anchor open at the start"
    );
    anchor
}

/// How many channels this process has open on `ioc`, by the IOC's `casr`.
fn server_channels(ioc: &mut Ioc) -> usize {
    static ROUND: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let marker = format!(
        "casr-done-{}",
        ROUND.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let start = ioc.log().len();
    ioc.shell("casr 1");
    ioc.shell(&format!("echo {marker}"));
    let deadline = Instant::now() + WAIT;
    let report = loop {
        let log = ioc.log();
        let report = &log[start.min(log.len())..];
        // The IOC echoes the command line too ("echo casr-done-N"): the
        // marker alone on its line (after the prompt) ends the report.
        if let Some(end) = report.find(&format!("> {marker}\n")) {
            break report[..end].to_string();
        }
        assert!(Instant::now() < deadline, "no casr report:\n{report}");
        std::thread::sleep(Duration::from_millis(20));
    };
    // The clients come first, each "TCP client at ...:" then "User '...',
    // V4.13, Priority = 0, 2 Channels" ("1 Channel"); the server's own
    // sockets follow.
    let clients = report.split("CAS-TCP server").next().unwrap_or("");
    clients
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            line.strip_suffix(" Channels")
                .or_else(|| line.strip_suffix(" Channel"))
        })
        .filter_map(|line| line.rsplit(' ').next()?.parse::<usize>().ok())
        .sum()
}

/// Polls the server's count until `wanted` holds; the last count seen.
fn wait_for_channels(ioc: &mut Ioc, wanted: impl Fn(usize) -> bool) -> usize {
    let deadline = Instant::now() + WAIT;
    loop {
        let count = server_channels(ioc);
        if wanted(count) || Instant::now() > deadline {
            return count;
        }
        cothread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_channel_unused_for_the_idle_period_is_cleared_and_a_later_read_reconnects() {
    cothread::scope(|| {
        let mut ioc = ioc();
        let name = ioc.pv("ao.EGU");
        let _anchor = anchor(&mut ioc);
        let units: String = caget(&name).expect("first read");
        assert_eq!(server_channels(&mut ioc), 2, "the read's channel is open");
        // Cleared within one and a half periods of the read.
        assert_eq!(wait_for_channels(&mut ioc, |n| n == 1), 1, "not cleared");
        let again: String = caget(&name).expect("a read after the clear");
        assert_eq!(again, units);
    })
}

#[test]
fn a_subscription_and_a_pv_keep_their_channels_past_the_idle_period() {
    cothread::scope(|| {
        let mut ioc = ioc();
        let _anchor = anchor(&mut ioc);
        let updates = std::rc::Rc::new(std::cell::Cell::new(0));
        let seen = std::rc::Rc::clone(&updates);
        let subscription = Monitor::new()
            .subscribe(&ioc.pv("counter"), move |update: Result<f64, _>| {
                update.expect("a counter update");
                seen.set(seen.get() + 1);
            })
            .expect("subscribe");
        let pv: Pv<f64> = Pv::new(&ioc.pv("counter.A")).expect("a Pv");
        pv.sync(WAIT).expect("the Pv's first update");
        cothread::sleep(IDLE * 3);
        assert_eq!(server_channels(&mut ioc), 3, "both channels still open");
        // Both still update (the counter counts every 0.1 s).
        let before = updates.get();
        let last = pv.get().expect("the Pv's latest value").value;
        let next = pv.get_next(WAIT, true).expect("a Pv update").value;
        assert!(next > last, "{next} after {last}");
        cothread::sleep(Duration::from_millis(500));
        assert!(updates.get() > before, "the subscription stopped updating");
        drop(subscription);
        drop(pv);
        assert_eq!(wait_for_channels(&mut ioc, |n| n == 1), 1, "not cleared");
    })
}

#[test]
fn a_watch_keeps_its_channel_until_it_is_dropped() {
    cothread::scope(|| {
        let mut ioc = ioc();
        let _anchor = anchor(&mut ioc);
        let connected = std::rc::Rc::new(std::cell::Cell::new(false));
        let seen = std::rc::Rc::clone(&connected);
        let watch = watch(&ioc.pv("bo"), move |event| {
            seen.set(matches!(event, ChannelEvent::Connected(_)));
        })
        .expect("watch");
        let deadline = Instant::now() + WAIT;
        while !connected.get() && Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(5));
        }
        assert!(connected.get(), "no connection event");
        cothread::sleep(IDLE * 3);
        assert_eq!(server_channels(&mut ioc), 2, "the watch's channel is open");
        assert!(connected.get(), "the channel was cleared under the watch");
        drop(watch);
        assert_eq!(wait_for_channels(&mut ioc, |n| n == 1), 1, "not cleared");
    })
}

#[test]
fn the_servers_last_channel_stays_open_past_the_idle_period() {
    cothread::scope(|| {
        let mut ioc = ioc();
        let anchor = anchor(&mut ioc);
        let _: String = caget(&ioc.pv("ao.DESC")).expect("a read");
        assert_eq!(server_channels(&mut ioc), 2, "the read's channel is open");
        drop(anchor);
        // Either one is cleared; the other is the server's last, and stays.
        assert_eq!(wait_for_channels(&mut ioc, |n| n == 1), 1, "one cleared");
        cothread::sleep(IDLE * 3);
        assert_eq!(server_channels(&mut ioc), 1, "the last one stays open");
    })
}
