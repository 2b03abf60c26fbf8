//! Callbacks from other OS threads into cothreads: [`SchedulerHandle`],
//! [`callback`] and [`callback_result`].
//!
//! Owns each scheduler's *inbox* (the callbacks queued for it) and its
//! *callback cothread*, which runs them one after another (so a callback
//! may suspend). Built above the scheduler on its low-level door,
//! `sched::RemoteHandle::call`, whose closures run in scheduler-loop
//! context and must not suspend; that door is used once per burst, only to
//! wake the callback cothread.
//!
//! Invariants (who touches what):
//! * [`Inbox`] is the only state shared between threads: a lock-free
//!   multi-producer single-consumer queue (`sched::Mpsc`, whose docs hold
//!   its own invariants) of callbacks. A callback is stored in the queue
//!   itself when it is small (a `sched::SendFn`), else boxed once by the
//!   thread that queues it. A push is one atomic read-modify-write plus
//!   plain stores, and takes a lock (the spare chunks') only once per
//!   chunk of [`CHUNK`] callbacks; the callback cothread takes the queue's
//!   consumer lock, which no pushing thread touches, once per batch. Once
//!   warm, the queue allocates nothing.
//! * Only the callback cothread consumes: it moves up to [`CHUNK`]
//!   callbacks at a time out of the queue and runs them outside it, letting
//!   the scheduler's other cothreads run after every [`CHUNK`] callbacks,
//!   so a long burst delays them by one chunk at a time, never by the whole
//!   burst. When the next callback is reserved by a pushing thread but not
//!   yet written, or the pushing threads are only just ahead of it (see
//!   `sched::Mpsc`: it waits up to a few microseconds for them to get
//!   ahead, so that the two threads do not trade cache lines), it yields
//!   and looks again.
//! * The callback cothread marks itself idle in the queue only when it
//!   finds it empty, and then waits for its `Event`; the push that finds
//!   it idle (one per idle period, decided by the queue) sends the one
//!   wake-up. So a burst costs one remote call (and one eventfd write),
//!   none while the cothread is busy, and none is lost.
//! * The rest of a thread's callback state ([`Local`]) is touched only from
//!   that thread (a `thread_local`). When it goes (the thread exits), the
//!   inbox is closed: queued callbacks and spare chunks are dropped and
//!   later callbacks refused with [`Error::SchedulerGone`]; a callback
//!   queued concurrently with the close is either dropped by it or refused,
//!   never run after it nor lost (see `sched::Mpsc`). The callback
//!   cothread ends with the thread's other cothreads: at the end of the
//!   thread's scope (callbacks still queued then run in its next scope;
//!   those of the batch it was running are dropped, and their
//!   `callback_result` callers get [`Error::SchedulerGone`]), or abandoned
//!   at the exit of a thread that needs none (see the scheduler's
//!   invariants); while it waits it holds only the inbox's
//!   `Arc` and its wake-up `Event` (its batch buffer is freed before each
//!   wait and allocated again, once, after it).
//! * A panic in a callback is caught on the callback cothread and reported
//!   once to stderr (or returned by [`callback_result`]); it never unwinds
//!   into the scheduler and never stops later callbacks.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::error::{report_contained_panic, take_panic_message, Error};
use crate::sched::{self, Mpsc, Popped, Pushed, RemoteHandle, SendFn, MPSC_CHUNK as CHUNK};
use crate::sync::Event;
use crate::timeout::Timeout;

/// A `Send + Sync` handle on one thread's scheduler: the public door for
/// running code on that thread's cothreads from other OS threads.
///
/// ```
/// use std::time::Duration;
/// let handle = cothread::SchedulerHandle::current();
/// let worker = std::thread::spawn(move || {
///     handle.callback_result(|| 6 * 7, Duration::from_secs(5))
/// });
/// // The callback runs when this thread reaches a suspension point.
/// while !worker.is_finished() {
///     cothread::sleep(Duration::from_millis(1));
/// }
/// assert_eq!(worker.join().unwrap().unwrap(), 42);
/// ```
#[derive(Clone)]
pub struct SchedulerHandle {
    remote: RemoteHandle,
    inbox: Arc<Inbox>,
}

impl std::fmt::Debug for SchedulerHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SchedulerHandle").finish_non_exhaustive()
    }
}

impl SchedulerHandle {
    /// The calling thread's scheduler (created if needed).
    pub fn current() -> SchedulerHandle {
        let inbox = with_local(|local| local.inbox.clone());
        SchedulerHandle {
            remote: sched::remote_handle(),
            inbox,
        }
    }

    /// The scheduler of the program's main thread (the process's initial
    /// thread, which runs `main`). Callbacks queued before `main` first
    /// uses cothread are kept and run once it does.
    pub fn main() -> SchedulerHandle {
        main_handle().clone()
    }

    /// Runs `f` on a cothread of this scheduler. All callbacks of one
    /// scheduler run in order on one callback cothread, so `f` may suspend
    /// but delays later callbacks while it does. A panic in `f` is
    /// reported to stderr. Does not wait for `f`. Once the scheduler's
    /// thread has exited, drops `f` and returns [`Error::SchedulerGone`].
    ///
    /// Cheap enough for high rates: a closure of up to three words is
    /// queued without an allocation, and a burst costs one wake-up.
    #[inline]
    pub fn callback(&self, f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
        match self.inbox.push(SendFn::new(f)) {
            Pushed::Queued => Ok(()),
            Pushed::MustWake => self.wake(),
            Pushed::Closed(_) => Err(Error::SchedulerGone),
        }
    }

    /// Wakes the callback cothread (once per burst: kept out of line, so
    /// the common push stays short).
    #[cold]
    #[inline(never)]
    fn wake(&self) -> Result<(), Error> {
        let woken = self.remote.call(wake_callback_cothread);
        if woken.is_err() {
            self.inbox.close();
        }
        woken
    }

    /// Runs `f` like [`callback`](Self::callback) and waits for its result,
    /// blocking the calling OS thread up to `timeout`. Called on the
    /// scheduler's own thread, runs `f` directly.
    pub fn callback_result<R: Send + 'static>(
        &self,
        f: impl FnOnce() -> R + Send + 'static,
        timeout: impl Into<Timeout>,
    ) -> Result<R, Error> {
        if self.remote.is_current_thread() {
            return Ok(f());
        }
        let deadline = timeout.into().deadline();
        let slot = Arc::new(ResultSlot::<R>::default());
        let sender = SlotSender(slot.clone());
        self.callback(move || {
            let result = catch_unwind(AssertUnwindSafe(f));
            let result = result.map_err(|p| Error::Panicked(take_panic_message(p)));
            // Nobody waits any more (the caller timed out): a panic is
            // reported here, as any callback's is, or nobody would hear of it.
            if let Some(Err(Error::Panicked(message))) = sender.send(result) {
                report_contained_panic("callback", message);
            }
        })?;
        slot.wait(deadline)
    }
}

/// Where `callback_result` waits for its answer.
struct ResultSlot<R> {
    value: Mutex<Answer<R>>,
    ready: Condvar,
}

/// The result, once sent; and whether the caller has stopped waiting.
struct Answer<R> {
    result: Option<Result<R, Error>>,
    gone: bool,
}

impl<R> Default for ResultSlot<R> {
    fn default() -> Self {
        ResultSlot {
            value: Mutex::new(Answer {
                result: None,
                gone: false,
            }),
            ready: Condvar::new(),
        }
    }
}

impl<R> ResultSlot<R> {
    fn wait(&self, deadline: Option<Instant>) -> Result<R, Error> {
        let mut value = self.value.lock();
        loop {
            if let Some(v) = value.result.take() {
                return v;
            }
            match deadline {
                None => self.ready.wait(&mut value),
                Some(d) => {
                    if self.ready.wait_until(&mut value, d).timed_out() {
                        value.gone = true;
                        return value.result.take().unwrap_or(Err(Error::Timedout));
                    }
                }
            }
        }
    }
}

/// Sends the result; if dropped unsent (the callback was discarded because
/// its scheduler went away), reports [`Error::SchedulerGone`].
struct SlotSender<R>(Arc<ResultSlot<R>>);

impl<R> SlotSender<R> {
    /// Hands `v` to the caller, or back (`Some`) if the caller no longer
    /// waits.
    fn send(&self, v: Result<R, Error>) -> Option<Result<R, Error>> {
        let mut value = self.0.value.lock();
        if value.gone {
            return Some(v);
        }
        value.result = Some(v);
        drop(value);
        self.0.ready.notify_all();
        None
    }
}

impl<R> Drop for SlotSender<R> {
    fn drop(&mut self) {
        let mut value = self.0.value.lock();
        if value.result.is_none() && !value.gone {
            value.result = Some(Err(Error::SchedulerGone));
            self.0.ready.notify_all();
        }
    }
}

/// The callbacks queued for one scheduler; see the module invariants.
type Inbox = Mpsc<SendFn>;

/// The main thread's handle, created by the first callback aimed at it,
/// possibly before `main` first uses cothread.
#[inline]
fn main_handle() -> &'static SchedulerHandle {
    static MAIN: OnceLock<SchedulerHandle> = OnceLock::new();
    MAIN.get_or_init(|| SchedulerHandle {
        remote: RemoteHandle::main(),
        inbox: Arc::new(Mpsc::new()),
    })
}

/// One thread's callback state.
struct Local {
    inbox: Arc<Inbox>,
    /// Wakes the callback cothread; `None` until it is spawned.
    wake: Option<Event<()>>,
    /// Whether spawning the callback cothread has failed since it last
    /// succeeded (told once per run of failures).
    spawn_failed: bool,
}

impl Local {
    fn new() -> Local {
        let inbox = if sched::remote_handle().is_main() {
            main_handle().inbox.clone()
        } else {
            Arc::new(Mpsc::new())
        };
        Local {
            inbox,
            wake: None,
            spawn_failed: false,
        }
    }
}

impl Drop for Local {
    fn drop(&mut self) {
        self.inbox.close();
    }
}

thread_local! {
    static LOCAL: RefCell<Option<Local>> = const { RefCell::new(None) };
}

/// Runs `f` on this thread's callback state, created on first use.
fn with_local<R>(f: impl FnOnce(&mut Local) -> R) -> R {
    LOCAL.with(|local| f(local.borrow_mut().get_or_insert_with(Local::new)))
}

/// How long after a failure to spawn the callback cothread (no stack to be
/// had) the next try comes.
const SPAWN_RETRY: Duration = Duration::from_millis(100);

/// Wakes this thread's callback cothread, spawning it on first use. Runs
/// in loop context (never suspends).
fn wake_callback_cothread() {
    // Absent only while the thread exits; the inbox is closed then.
    let _ = LOCAL.try_with(|local| {
        let mut local = local.borrow_mut();
        let local = local.get_or_insert_with(Local::new);
        if local.wake.is_none() {
            let wake = Event::new();
            let (inbox, woken) = (local.inbox.clone(), wake.clone());
            // Owned by the cothread's closure: dropped however the cothread
            // ends, even if its scope ends it before it ever ran.
            let ended = Ended;
            let body = move || {
                let _ended = ended;
                run_callbacks(&inbox, &woken);
            };
            match crate::Builder::new().spawn(body) {
                Ok(_) => {
                    local.wake = Some(wake);
                    local.spawn_failed = false;
                }
                Err(err) => {
                    // The callbacks stay queued (the queue is not idle, so
                    // no push wakes anything): try again shortly, until a
                    // stack can be had.
                    if !std::mem::replace(&mut local.spawn_failed, true) {
                        crate::error::default_sink(
                            format_args!("cannot start the callback cothread ({err}); retrying"),
                            false,
                        );
                    }
                    sched::call_at(Instant::now() + SPAWN_RETRY, wake_callback_cothread);
                    return;
                }
            }
        }
        if let Some(wake) = &local.wake {
            wake.signal(());
        }
    });
}

/// Forgets this thread's callback cothread when it ends, however it ends, so
/// that the next callback starts a new one rather than queueing for one that
/// is gone. (Its loop contains every callback's panic; this holds should
/// anything else end it.) Ended by its scope (unwinding), the cothread may
/// leave callbacks queued that no push will wake anything for: a new try is
/// queued, which starts a callback cothread once a scope runs.
struct Ended;

impl Drop for Ended {
    fn drop(&mut self) {
        let retry = LOCAL.try_with(|local| {
            // Borrowed: dropped by a failed spawn in `wake_callback_cothread`,
            // which queues its own retry.
            let Ok(mut local) = local.try_borrow_mut() else {
                return false;
            };
            if let Some(local) = local.as_mut() {
                local.wake = None;
            }
            true
        });
        if retry == Ok(true) && std::thread::panicking() {
            sched::call_at(Instant::now() + SPAWN_RETRY, wake_callback_cothread);
        }
    }
}

/// The callback cothread: runs the queued callbacks in order, letting
/// other cothreads run after every [`CHUNK`] of them, and waits when there
/// are none.
fn run_callbacks(inbox: &Inbox, wake: &Event<()>) {
    let mut batch: Vec<SendFn> = Vec::with_capacity(CHUNK);
    let mut since_yield = 0;
    loop {
        match inbox.pop_batch(&mut batch, CHUNK) {
            Popped::Items => {
                since_yield += batch.len();
                for f in batch.drain(..) {
                    if let Err(p) = catch_unwind(AssertUnwindSafe(|| f.call())) {
                        report_contained_panic("callback", take_panic_message(p));
                    }
                }
                if since_yield >= CHUNK {
                    // A long burst must not starve the other cothreads.
                    since_yield = 0;
                    crate::time::yield_now(Duration::ZERO);
                }
            }
            Popped::Pending => {
                // A pushing thread is between reserving the next slot and
                // writing it.
                since_yield = 0;
                crate::time::yield_now(Duration::ZERO);
            }
            Popped::Idle => {
                since_yield = 0;
                // Waiting, it holds no allocation: abandoned (leaked) as it
                // is if its thread exits now without a scope to end it.
                batch = Vec::new();
                // Only this module signals `wake`, never with an error, and
                // a cothread can always suspend: the wait cannot fail.
                let _ = wake.wait(Timeout::NEVER);
                batch.reserve_exact(CHUNK);
            }
            // The thread is exiting; `close` dropped the rest.
            Popped::Closed => return,
        }
    }
}

/// Runs `f` on a cothread of the main thread's scheduler (see
/// [`SchedulerHandle::callback`]).
pub fn callback(f: impl FnOnce() + Send + 'static) -> Result<(), Error> {
    main_handle().callback(f)
}

/// Runs `f` on a cothread of the main thread's scheduler and waits up to
/// `timeout` for its result (see [`SchedulerHandle::callback_result`]).
pub fn callback_result<R: Send + 'static>(
    f: impl FnOnce() -> R + Send + 'static,
    timeout: impl Into<Timeout>,
) -> Result<R, Error> {
    main_handle().callback_result(f, timeout)
}
