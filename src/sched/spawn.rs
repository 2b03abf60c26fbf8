//! `spawn`, its [`Builder`] and the [`JoinHandle`] used to wait for results.
#![forbid(unsafe_code)]

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

use super::WaitQueue;
use crate::error::{report_contained_panic, take_panic_message, Error};
use crate::timeout::Timeout;

/// Options for spawning a cothread (Python's `Spawn(..., raise_on_wait,
/// stack_size)`).
///
/// ```
/// use cothread::{Builder, Timeout};
/// let handle = Builder::new()
///     .stack_size(64 * 1024)
///     .raise_on_wait(true)
///     .spawn(|| 2 + 2)
///     .unwrap();
/// assert_eq!(handle.wait(Timeout::NEVER).unwrap(), 4);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Builder {
    stack_size: usize,
    raise_on_wait: bool,
}

impl Builder {
    /// Default options: a stack of 256 KiB, panics reported to stderr.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Gives the cothread a stack of at least `bytes` usable bytes (rounded
    /// up to whole pages) instead of the default 256 KiB. Every cothread has
    /// a stack of its own with a guard page below it: an overflow is
    /// reported and ends the process, it never corrupts memory. A large
    /// size costs address space, not memory: only touched pages are backed.
    /// 0 means the default.
    pub fn stack_size(mut self, bytes: usize) -> Builder {
        self.stack_size = bytes;
        self
    }

    /// If true, a panic in the cothread is not printed but returned by
    /// [`JoinHandle::wait`] as [`Error::Panicked`].
    pub fn raise_on_wait(mut self, raise: bool) -> Builder {
        self.raise_on_wait = raise;
        self
    }

    /// Spawns `f` as a new cothread on this thread's scheduler. Not a
    /// suspension point: `f` first runs when the caller next suspends, after
    /// cothreads spawned before it.
    ///
    /// Fails with [`Error::NeedsScope`] on a thread other than the main one
    /// outside any [`scope`](crate::scope), and with
    /// [`Error::StackAllocation`] if no stack can be had: the
    /// process reached its limit of memory mappings (`vm.max_map_count`,
    /// which matters on kernels before 6.13: about 30,700 live cothreads by
    /// default) or of address space.
    pub fn spawn<T: 'static>(
        self,
        f: impl FnOnce() -> T + 'static,
    ) -> Result<JoinHandle<T>, Error> {
        let inner = Rc::new(JoinInner {
            result: RefCell::new(None),
            done: Cell::new(false),
            waiters: WaitQueue::default(),
        });
        let state = inner.clone();
        let raise = self.raise_on_wait;
        // Boxed: the user's closure may be large, and the cothread's stack
        // small.
        let finish = Finish(state);
        let body: Box<dyn FnOnce()> = Box::new(move || {
            let result = catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
                let message = take_panic_message(payload);
                if !raise {
                    report_contained_panic("cothread", message.clone());
                }
                Error::Panicked(message)
            });
            *finish.0.result.borrow_mut() = Some(result);
        });
        super::current().spawn_task(self.stack_size, body)?;
        Ok(JoinHandle { inner })
    }
}

/// Spawns `f` as a cothread with default options (see [`Builder::spawn`]).
///
/// # Panics
///
/// Where [`Builder::spawn`] returns an error instead, like
/// [`std::thread::spawn`]: no stack can be allocated for it, or this is a
/// thread other than the main one outside any [`scope`](crate::scope).
pub fn spawn<T: 'static>(f: impl FnOnce() -> T + 'static) -> JoinHandle<T> {
    match Builder::new().spawn(f) {
        Ok(handle) => handle,
        Err(e) => panic!("cothread::spawn: {e}"),
    }
}

/// Spawns `f` as a cothread with default options that nobody waits for:
/// [`spawn`] without the [`JoinHandle`] and the shared result slot behind
/// it, for the crate's own short-lived cothreads (the Channel Access
/// dispatcher starts one per burst of updates), whose closures are small:
/// `f` is kept on the cothread's stack, not boxed. A panic in `f` is
/// reported as one in any cothread is. Fails as [`Builder::spawn`] does.
pub(crate) fn spawn_detached(f: impl FnOnce() + 'static) -> Result<(), Error> {
    // Not boxed, unlike `spawn`'s: `f` moves onto the cothread's stack, so
    // keep it small.
    let body = move || {
        if let Err(payload) = catch_unwind(AssertUnwindSafe(f)) {
            report_contained_panic("cothread", take_panic_message(payload));
        }
    };
    super::current().spawn_task(0, body)
}

/// Owned by a cothread's body: however the body ends (returns, or is
/// ended by its scope, started or not), marks the cothread finished, with
/// [`Error::Ended`] if it left no result, and wakes its waiters.
struct Finish<T>(Rc<JoinInner<T>>);

impl<T> Drop for Finish<T> {
    fn drop(&mut self) {
        let inner = &self.0;
        if let Ok(mut result) = inner.result.try_borrow_mut() {
            result.get_or_insert(Err(Error::Ended));
        }
        inner.done.set(true);
        inner.waiters.wake_all();
    }
}

struct JoinInner<T> {
    result: RefCell<Option<Result<T, Error>>>,
    done: Cell<bool>,
    waiters: WaitQueue,
}

/// Handle on a spawned cothread. Dropping it detaches the cothread.
///
/// Scheduler-bound, so it cannot leave its thread:
///
/// ```compile_fail
/// let handle = cothread::spawn(|| 1);
/// std::thread::spawn(move || handle.wait(cothread::Timeout::NEVER));
/// ```
pub struct JoinHandle<T> {
    inner: Rc<JoinInner<T>>,
}

impl<T> std::fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JoinHandle")
            .field("finished", &self.inner.done.get())
            .finish()
    }
}

impl<T> JoinHandle<T> {
    /// Waits (a suspension point unless already finished) for the cothread
    /// to finish and returns its result. A panic is returned as
    /// [`Error::Panicked`] (it was also printed unless spawned with
    /// `raise_on_wait`); a cothread that its [`scope`](crate::scope) ended
    /// unfinished, as [`Error::Ended`]. The result can be taken once: later calls return
    /// [`Error::ResultTaken`]. On timeout, [`Error::Timedout`].
    pub fn wait(&self, timeout: impl Into<Timeout>) -> Result<T, Error> {
        let deadline = timeout.into().deadline();
        loop {
            if self.inner.done.get() {
                return self
                    .inner
                    .result
                    .borrow_mut()
                    .take()
                    .unwrap_or(Err(Error::ResultTaken));
            }
            if deadline.is_some_and(|d| d <= std::time::Instant::now()) {
                return Err(Error::Timedout);
            }
            self.inner.waiters.wait(deadline)?;
        }
    }

    /// True once the cothread has returned or panicked, or its
    /// [`scope`](crate::scope) has ended it.
    pub fn is_finished(&self) -> bool {
        self.inner.done.get()
    }
}
