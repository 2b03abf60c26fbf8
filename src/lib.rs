//! cothread: cooperative threads ("cothreads") and an EPICS Channel Access
//! client for Rust, in the model of Python's `cothread` and
//! `cothread.catools`, over the real EPICS C library libca.
//!
//! There is one true thread of processing per OS thread; cothreads share it
//! and switch only at *suspension points* ([`sleep`], [`yield_now`], the
//! `wait` methods, [`coselect`] functions). Between suspension points a
//! cothread has exclusive control, so cothreads need no locking.
//!
//! Features:
//! * [`spawn`] / [`Builder`]: stackful cothreads, each on a guarded stack
//!   of its own (256 KiB by default, cut from large pooled mappings: on
//!   Linux 6.13+ 100,000 live cothreads fit a default kernel, about 30,700
//!   on older ones, and a blocked one costs about 4 KiB of memory);
//!   overflows reported, panics caught and reported or returned.
//! * [`Event`], [`Pulse`], [`EventQueue`], [`RLock`], [`wait_for_all`]:
//!   FIFO-fair synchronisation; [`Timer`]; timeouts as [`Timeout`].
//! * [`ThreadedEventQueue`], [`SchedulerHandle`], [`callback`],
//!   [`callback_result`]: the doors between OS threads and cothreads;
//!   [`scope`]: cothreads on a thread other than the main one.
//! * [`coselect`]: cooperative `select`/`poll` on raw fds.
//! * [`quit`] / [`wait_for_quit`], and [`event_loop`] for GUI main loops.
//! * [`catools`]: `caget`, `caput`, `camonitor`, `connect`, `cainfo` for one
//!   PV or thousands in parallel. libca calls back on its own threads; each
//!   completion is handed to the scheduler that asked, and a CA call suspends
//!   only the calling cothread. [`catools::Channels`] keeps a list of PVs
//!   resolved for repeated reads at raw libca's speed.
//! * Connection and access-rights events, beyond Python's catools:
//!   [`catools::watch`] one PV or a list, the `on_connection` / `on_access`
//!   options of [`catools::Monitor`] and [`pv::PvOptions`], and
//!   [`pv::Pv::state`]; delivered on the caller's thread like monitor updates.
//! * [`pv`]: the `PV` and `PV_array` helpers, built on catools.
//! * [`block_on`]: a cothread awaits any `Future`; [`future`] shows a tokio
//!   program hosting cothread code on a thread of its own, both directions.
//! * [`diagnostics`]: one hook for what no call returns (libca exceptions,
//!   rejected plain puts, panicking callbacks); the `log` feature sends it
//!   to the `log` crate.
//! * [`catools_async`]: the same Channel Access calls as futures and
//!   streams, for any async executor.
//!
//! ```no_run
//! use cothread::catools::{caget, camonitor, caput, Augmented, CaError};
//!
//! caput("BL:DEMO:SETPOINT", 2.5)?;
//! let current: f64 = caget("BL:DEMO:READBACK")?;
//! println!("readback {current}");
//! let _monitor = camonitor("BL:DEMO:STATUS", |update: Result<Augmented, CaError>| {
//!     match update {
//!         Ok(value) => println!("{value}"),
//!         Err(err) => println!("{err}"),
//!     }
//! })?;
//! cothread::wait_for_quit(true).ok(); // callbacks run until Ctrl-C
//! # Ok::<(), CaError>(())
//! ```
//!
//! # Two faces
//!
//! Channel Access comes in two faces over one libca layer, with the same
//! options, value types and errors:
//! * [`catools`] for cothreads: a call suspends only its cothread, and
//!   thousands of PVs are read in parallel by one call; monitor callbacks
//!   run on a cothread.
//! * [`catools_async`] for any async executor (tokio, smol, a hand-written
//!   `block_on`): `caget`, `caput`, `connect`, `cainfo` are `Future`s and
//!   `camonitor` a `Stream`, completed from libca's threads through the
//!   task's `Waker`, with no cothread scheduler.
//!
//! [`block_on`] joins the two: a cothread can await the async face (or any
//! future).
//!
//! ```no_run
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), cothread::catools::CaError> {
//! let current: f64 = cothread::catools_async::caget("BL:DEMO:READBACK").await?;
//! # Ok(()) }
//! ```
//!
//! The scheduler is per OS thread, created on first use; code outside any
//! cothread (such as `main`) is itself a cothread that runs the scheduler
//! while it is suspended. The process's main thread starts cothreads
//! freely; any other thread starts them only inside [`scope`], which ends
//! the thread's unfinished cothreads before it returns, so that no thread
//! exits with one suspended (see [`scope`] for why):
//!
//! ```
//! let worker = std::thread::spawn(|| {
//!     cothread::scope(|| {
//!         let answer = cothread::spawn(|| 6 * 7);
//!         answer.wait(cothread::Timeout::NEVER).unwrap()
//!     })
//! });
//! assert_eq!(worker.join().unwrap(), 42);
//! ```
//!
//! ```
//! use std::time::Duration;
//! use cothread::{EventQueue, Timeout};
//!
//! let queue = EventQueue::new();
//! let q = queue.clone();
//! let consumer = cothread::spawn(move || {
//!     let mut seen = Vec::new();
//!     for x in q.iter() {
//!         seen.push(x);
//!     }
//!     seen
//! });
//! for i in 0..3 {
//!     queue.signal(i);
//!     cothread::sleep(Duration::from_millis(1));
//! }
//! queue.close();
//! assert_eq!(consumer.wait(Timeout::NEVER).unwrap(), vec![0, 1, 2]);
//! ```
//!
//! Cothread objects are bound to their thread and cannot be sent:
//!
//! ```compile_fail
//! let event = cothread::Event::<u32>::new();
//! std::thread::spawn(move || event.wait(cothread::Timeout::NEVER));
//! ```
//!
//! # Linking
//!
//! libca comes from one of two places, chosen when `libca-sys` is built:
//!
//! * **Vendored** (`EPICS_BASE` unset, or the `bundled` feature): libca and
//!   libCom are compiled from the EPICS base sources that `libca-sys` carries
//!   (needs a C and C++ compiler; Linux so far) and linked statically. The
//!   program needs nothing of EPICS at run time and there is nothing more to
//!   do: `cargo add cothread && cargo run`.
//! * **Installed** (`EPICS_BASE` set, with `EPICS_HOST_ARCH` or the arch
//!   derived from the target): the shared libca and libCom of
//!   `$EPICS_BASE/lib/$EPICS_HOST_ARCH` are linked, and the program must find
//!   them when it starts. Cargo passes link arguments of a dependency's build
//!   script to no one else, so the program's own package says where they are,
//!   in one of these ways (or the program runs with `LD_LIBRARY_PATH` set):
//!
//!   - an rpath in the application's `.cargo/config.toml`, which works however
//!     deep cothread sits in the dependency tree (an application that uses a
//!     site library that uses cothread):
//!
//!     ```toml
//!     [build]
//!     rustflags = ["-C", "link-arg=-Wl,-rpath,/opt/epics/base/lib/linux-x86_64"]
//!     ```
//!
//!     (`RUSTFLAGS` in the environment, or a `[target.<triple>] rustflags`
//!     entry, replaces `build.rustflags`: put the rpath there instead.)
//!   - a build script in the application's package. `DEP_COTHREAD_LIB` names
//!     the folder, but cargo sets it only for packages that depend on cothread
//!     directly and only for an installed build, so fall back to
//!     `EPICS_BASE` and `EPICS_HOST_ARCH`, and do nothing when neither is
//!     there (a vendored build needs no rpath):
//!
//!     ```no_run
//!     // build.rs
//!     use std::env;
//!
//!     /// The folder of the shared libca, or None for a vendored build.
//!     fn epics_lib_dir() -> Option<String> {
//!         println!("cargo:rerun-if-env-changed=EPICS_BASE");
//!         println!("cargo:rerun-if-env-changed=EPICS_HOST_ARCH");
//!         if let Ok(lib) = env::var("DEP_COTHREAD_LIB") {
//!             return Some(lib);
//!         }
//!         let base = env::var("EPICS_BASE").ok()?;
//!         let arch = env::var("EPICS_HOST_ARCH").ok()?;
//!         Some(format!("{base}/lib/{arch}"))
//!     }
//!
//!     fn main() {
//!         if let Some(lib) = epics_lib_dir() {
//!             println!("cargo:rustc-link-arg=-Wl,-rpath,{lib}");
//!         }
//!     }
//!     ```
//!
//! cothread's own tests, examples and benchmarks carry that rpath already.

// `unsafe` is confined to the scheduler (stack mapping and switching,
// system calls, closures stored inline for the trip between threads, the
// lock-free queue of the callback inbox), to
// `ca`, the one layer over libca, and to the one libc call (`localtime_r`)
// in `ca_types` that shows a timestamp in local time; everything else is
// checked safe code.
#![deny(unsafe_code)]
// The build script in "Linking" is a whole program, `fn main` included.
#![allow(clippy::needless_doctest_main)]

// Layers, lowest first; each imports only the ones before it:
// `error`, `timeout`, `id_table` | `sched` | `coselect` | `sync` | `time`, `callback`,
// `quit`, `future` | `ca_types` | `diagnostics` | `ca` | `catools` |
// `catools_async`, `pv`.

// The test harness (tests/support), shared with the unit tests, names the
// crate `cothread`.
#[cfg(test)]
extern crate self as cothread;
#[allow(unsafe_code)]
mod ca;
mod ca_types;
mod callback;
pub mod catools;
pub mod catools_async;
pub mod coselect;
pub mod diagnostics;
mod error;
pub mod future;
mod id_table;
pub mod pv;
mod quit;
#[allow(unsafe_code)]
mod sched;
mod sync;
mod time;
mod timeout;

pub use callback::{callback, callback_result, SchedulerHandle};
pub use error::Error;
pub use future::{block_on, block_on_timeout};
pub use quit::{quit, wait_for_quit};
pub use sched::{allow_without_scope, scope, spawn, Builder, JoinHandle};
pub use sync::{
    wait_for_all, Event, EventQueue, Pulse, RLock, RLockGuard, ThreadedEventQueue, Waitable,
};
pub use time::{sleep, sleep_until, yield_now, Timer};
pub use timeout::Timeout;

/// Iterator over an [`EventQueue`].
pub use sync::Iter as EventQueueIter;

pub mod event_loop {
    //! Integration with an external (e.g. GUI) main loop, standing in for
    //! Python cothread's `iqt()`.
    //!
    //! When another library owns the main loop, let it drive the scheduler:
    //!
    //! 1. Watch [`wake_fd`] for readability (e.g. a `QSocketNotifier` or
    //!    `g_unix_fd_add`); it becomes readable when other threads queue
    //!    work ([`callback`](crate::callback), [`ThreadedEventQueue`]
    //!    wake-ups arrive through coselect, see below).
    //! 2. Whenever it is readable, and whenever the deadline returned by the
    //!    previous call passes, call [`run_ready`] from the main thread
    //!    (outside any cothread). It runs everything that is ready without
    //!    blocking and returns the latest time to call it again (`None`:
    //!    only when `wake_fd` is readable). Arm a one-shot GUI timer for it.
    //!
    //! Cothreads blocked in [`coselect`](crate::coselect) on their own fds
    //! are polled by `run_ready`; with such cothreads, also call it on a
    //! short periodic timer (Python's `iqt(poll_interval=0.05)`), or watch
    //! those fds in the GUI loop too. GUI callbacks run in the main
    //! cothread, so they may [`spawn`](crate::spawn) and signal freely, and
    //! may even suspend (that runs the scheduler inline, as in `main`).
    //!
    //! [`ThreadedEventQueue`]: crate::ThreadedEventQueue

    use std::os::fd::RawFd;
    use std::time::Instant;

    /// The calling thread's scheduler wake-up fd (readable when work
    /// arrives from other threads). Only poll it; never read it.
    pub fn wake_fd() -> RawFd {
        crate::sched::wake_fd()
    }

    /// Runs what is ready without blocking; returns when to call again at
    /// the latest.
    ///
    /// # Panics
    /// If called inside a cothread or in scheduler-loop context.
    pub fn run_ready() -> Option<Instant> {
        crate::sched::run_ready()
    }
}
