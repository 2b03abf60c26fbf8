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
//! * [`Inbox`] is the only state shared between threads: the queue under
//!   one `parking_lot` mutex (no poisoning), held only for one push or two
//!   swaps, and the spare chunks under another; neither is held while user
//!   code runs, and no chunk is allocated or freed under the queue's lock
//!   (so a pushing thread never waits long for the callback cothread, nor
//!   it for them). A callback is stored in the queue itself when it is
//!   small (a `sched::SendFn`), else boxed once by the thread that queues
//!   it.
//! * The queue is a list of fixed-size chunks ([`CHUNK`] callbacks each).
//!   The callback cothread takes every chunk at once, runs them outside the
//!   lock, and gives the emptied chunks back at its next take; the inbox
//!   keeps at most [`KEPT_CHUNKS`] of them for reuse. So a burst costs one
//!   lock on the cothread's side, a queue never grows by copying, and once
//!   warm it allocates nothing. What an idle inbox keeps is bounded: the
//!   spare chunks and the chunk list's capacity (a pointer per chunk of the
//!   largest backlog seen). The cothread yields after each chunk, so a
//!   long burst delays the scheduler's other cothreads by one chunk at a
//!   time, never by the whole burst.
//! * `idle` is set, under the mutex, only by the callback cothread when it
//!   finds the queue empty and is about to wait; the callback that clears
//!   it sends the one wake-up. So a burst costs one remote call (and one
//!   eventfd write), none while the cothread is busy, and none is lost: a
//!   callback queued after the cothread saw the queue empty finds `idle`.
//! * The rest of a thread's callback state ([`Local`]) is touched only from
//!   that thread (a `thread_local`). When it goes (the thread exits), the
//!   inbox is closed: queued callbacks and spare chunks are dropped and
//!   later callbacks refused with [`Error::SchedulerGone`]. The callback
//!   cothread is abandoned with the thread's other cothreads (see the
//!   scheduler's invariants); while it waits it holds only the inbox's
//!   `Arc`, an empty chunk list and its wake-up `Event`.
//! * A panic in a callback is caught on the callback cothread and reported
//!   once to stderr (or returned by [`callback_result`]); it never unwinds
//!   into the scheduler and never stops later callbacks.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex, MutexGuard};

use crate::error::{panic_message, report_contained_panic, Error};
use crate::sched::{self, RemoteHandle, SendFn};
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

    /// The scheduler of the program's main thread (the thread Rust names
    /// `"main"`). Callbacks queued before `main` first uses cothread are
    /// kept and run once it does.
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
            Pushed::Closed => Err(Error::SchedulerGone),
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
            sender.send(result.map_err(|p| Error::Panicked(panic_message(&*p))));
        })?;
        slot.wait(deadline)
    }
}

/// Where `callback_result` waits for its answer.
struct ResultSlot<R> {
    value: Mutex<Option<Result<R, Error>>>,
    ready: Condvar,
}

impl<R> Default for ResultSlot<R> {
    fn default() -> Self {
        ResultSlot {
            value: Mutex::new(None),
            ready: Condvar::new(),
        }
    }
}

impl<R> ResultSlot<R> {
    fn wait(&self, deadline: Option<Instant>) -> Result<R, Error> {
        let mut value = self.value.lock();
        loop {
            if let Some(v) = value.take() {
                return v;
            }
            match deadline {
                None => self.ready.wait(&mut value),
                Some(d) => {
                    if self.ready.wait_until(&mut value, d).timed_out() {
                        return value.take().unwrap_or(Err(Error::Timedout));
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
    fn send(&self, v: Result<R, Error>) {
        *self.0.value.lock() = Some(v);
        self.0.ready.notify_all();
    }
}

impl<R> Drop for SlotSender<R> {
    fn drop(&mut self) {
        let mut value = self.0.value.lock();
        if value.is_none() {
            *value = Some(Err(Error::SchedulerGone));
            self.0.ready.notify_all();
        }
    }
}

/// Callbacks per chunk of the queue (8 KiB of `SendFn`s).
const CHUNK: usize = 256;

/// Empty chunks an inbox keeps for reuse (256 KiB at most).
const KEPT_CHUNKS: usize = 32;

/// What [`Inbox::push`] did.
enum Pushed {
    /// Queued; the callback cothread is busy or already woken.
    Queued,
    /// Queued, and the callback cothread was idle: the caller must wake it.
    MustWake,
    /// Dropped: the scheduler's thread has gone.
    Closed,
}

/// The callbacks queued for one scheduler; see the module invariants.
struct Inbox {
    state: Mutex<InboxState>,
    /// Empty chunks, given back by the callback cothread, for reuse: a
    /// lock of its own, so that neither side allocates, frees or recycles
    /// a chunk while holding `state`.
    spare: Mutex<Vec<Vec<SendFn>>>,
}

struct InboxState {
    /// Full chunks, oldest first; `current` follows them.
    full: Vec<Vec<SendFn>>,
    /// The chunk being filled (capacity 0 until a push fetches one).
    current: Vec<SendFn>,
    /// The callback cothread waits (or does not exist yet): the next
    /// callback must wake it.
    idle: bool,
    /// False once the scheduler's thread has gone.
    open: bool,
}

impl Inbox {
    fn new() -> Inbox {
        Inbox {
            state: Mutex::new(InboxState {
                full: Vec::new(),
                current: Vec::new(),
                idle: true,
                open: true,
            }),
            spare: Mutex::new(Vec::new()),
        }
    }

    /// Queues `f`, or drops it if the inbox is closed.
    #[inline]
    fn push(&self, f: SendFn) -> Pushed {
        let mut state = self.state.lock();
        if !state.open {
            return Pushed::Closed;
        }
        if state.current.len() == state.current.capacity() {
            drop(state);
            match self.next_chunk() {
                Some(locked) => state = locked,
                None => return Pushed::Closed,
            }
        }
        state.current.push(f);
        if std::mem::replace(&mut state.idle, false) {
            Pushed::MustWake
        } else {
            Pushed::Queued
        }
    }

    /// Fetches an empty chunk (a spare one, else a new one) without
    /// holding `state`, then locks `state` and makes that chunk `current`;
    /// if another thread has done so meanwhile, the chunk becomes a spare.
    /// Returns `state` locked, with room in `current`, or `None` if the
    /// inbox has closed.
    #[cold]
    #[inline(never)]
    fn next_chunk(&self) -> Option<MutexGuard<'_, InboxState>> {
        let next = self
            .spare
            .lock()
            .pop()
            .unwrap_or_else(|| Vec::with_capacity(CHUNK));
        let mut state = self.state.lock();
        if !state.open {
            drop(state);
            drop(next); // freed unlocked
            return None;
        }
        if state.current.len() == state.current.capacity() {
            let full = std::mem::replace(&mut state.current, next);
            if !full.is_empty() {
                state.full.push(full);
            }
        } else {
            // Open, so `close` has not yet emptied the spares: this one is
            // dropped with them.
            self.spare.lock().push(next);
        }
        Some(state)
    }

    /// Takes every queued callback into `batch`, in order. The chunks that
    /// `batch` held (which must all be empty) are reused: one replaces the
    /// partly filled chunk taken, so the next push need not fetch one, and
    /// the others go back to the spares. If nothing was queued, marks the
    /// callback cothread idle: the caller must then wait for a wake-up.
    /// Holds `state` only for two swaps, so a pushing thread never waits
    /// long for it.
    fn take(&self, batch: &mut Vec<Vec<SendFn>>) {
        debug_assert!(batch.iter().all(Vec::is_empty));
        let mut replacement = batch.pop();
        self.give_back(batch);
        let mut state = self.state.lock();
        std::mem::swap(&mut state.full, batch);
        if !state.current.is_empty() {
            let next = replacement.take().unwrap_or_default();
            batch.push(std::mem::replace(&mut state.current, next));
        }
        if batch.is_empty() {
            state.idle = true;
        }
        drop(state);
        if let Some(chunk) = replacement {
            let mut unused = vec![chunk];
            self.give_back(&mut unused);
        }
    }

    /// Moves empty chunks to the spares, up to [`KEPT_CHUNKS`] of them, and
    /// frees the rest, without holding `state`.
    fn give_back(&self, chunks: &mut Vec<Vec<SendFn>>) {
        if chunks.is_empty() {
            return;
        }
        let mut spare = self.spare.lock();
        let kept = chunks.len().min(KEPT_CHUNKS.saturating_sub(spare.len()));
        spare.extend(chunks.drain(..kept));
        drop(spare);
        chunks.clear(); // frees the chunks beyond `KEPT_CHUNKS`, unlocked
    }

    /// Refuses later callbacks and drops the queued ones, and the spare
    /// chunks: a thread's callback cothread is abandoned, not unwound, when
    /// the thread exits, so its `Arc` on this inbox is never released.
    fn close(&self) {
        let queued = {
            let mut state = self.state.lock();
            state.open = false;
            (
                std::mem::take(&mut state.full),
                std::mem::take(&mut state.current),
            )
        };
        drop(queued);
        // Only the callback cothread gives chunks back, on the scheduler's
        // thread, and never after this (the thread is exiting, or its
        // scheduler has gone): the spare list stays empty.
        let spare = std::mem::take(&mut *self.spare.lock());
        drop(spare);
    }
}

/// The main thread's handle, created by the first callback aimed at it,
/// possibly before `main` first uses cothread.
#[inline]
fn main_handle() -> &'static SchedulerHandle {
    static MAIN: OnceLock<SchedulerHandle> = OnceLock::new();
    MAIN.get_or_init(|| SchedulerHandle {
        remote: RemoteHandle::main(),
        inbox: Arc::new(Inbox::new()),
    })
}

/// One thread's callback state.
struct Local {
    inbox: Arc<Inbox>,
    /// Wakes the callback cothread; `None` until it is spawned.
    wake: Option<Event<()>>,
}

impl Local {
    fn new() -> Local {
        let inbox = if sched::remote_handle().is_main() {
            main_handle().inbox.clone()
        } else {
            Arc::new(Inbox::new())
        };
        Local { inbox, wake: None }
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

/// Wakes this thread's callback cothread, spawning it on first use. Runs
/// in loop context (never suspends).
fn wake_callback_cothread() {
    // Absent only while the thread exits; the inbox is closed then.
    let _ = LOCAL.try_with(|local| {
        let mut local = local.borrow_mut();
        let local = local.get_or_insert_with(Local::new);
        let wake = local.wake.get_or_insert_with(|| {
            let wake = Event::new();
            let (inbox, woken) = (local.inbox.clone(), wake.clone());
            crate::spawn(move || run_callbacks(&inbox, &woken));
            wake
        });
        wake.signal(());
    });
}

/// The callback cothread: runs each batch of queued callbacks in order,
/// letting other cothreads run after each chunk, then waits for the next
/// batch.
fn run_callbacks(inbox: &Inbox, wake: &Event<()>) {
    let mut batch: Vec<Vec<SendFn>> = Vec::new();
    loop {
        inbox.take(&mut batch);
        if batch.is_empty() {
            // Only this module signals `wake`, never with an error, and a
            // cothread can always suspend: the wait cannot fail.
            let _ = wake.wait(Timeout::NEVER);
            continue;
        }
        for chunk in batch.iter_mut() {
            for f in chunk.drain(..) {
                if let Err(p) = catch_unwind(AssertUnwindSafe(|| f.call())) {
                    report_contained_panic("callback", panic_message(&*p));
                }
            }
            // A long burst must not starve the other cothreads.
            crate::time::yield_now(Duration::ZERO);
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
