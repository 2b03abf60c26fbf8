//! [`Timer`]: a callback run on a fresh cothread after a delay.
#![forbid(unsafe_code)]

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use crate::error::{report_contained_panic, take_panic_message, Error};
use crate::sync::Event;
use crate::timeout::Timeout;

struct Inner {
    timeout: Cell<Duration>,
    /// When it fires; `None` while not armed. A delay too large for an
    /// `Instant` is [`Timeout::NEVER`]: armed, but it never fires.
    deadline: Cell<Option<Timeout>>,
    retrigger: Cell<bool>,
    reuse: bool,
    /// Bumped by cancel/reset so a retriggering timer knows whether to rearm.
    epoch: Cell<u64>,
    running: Cell<bool>,
    dropped: Cell<bool>,
    control: Event<()>,
    callback: RefCell<Box<dyn FnMut()>>,
}

/// Calls a callback after a delay, on the timer's own cothread (so the
/// callback may suspend). A retriggering timer rearms only after its
/// callback returns. Dropping the `Timer` does not cancel a pending timer.
///
/// ```
/// use std::{cell::Cell, rc::Rc, time::Duration};
/// let fired = Rc::new(Cell::new(0));
/// let f = fired.clone();
/// let timer = cothread::Timer::new(Duration::from_millis(5), move || f.set(f.get() + 1));
/// cothread::sleep(Duration::from_millis(50));
/// assert_eq!(fired.get(), 1);
/// # drop(timer);
/// ```
pub struct Timer {
    inner: Rc<Inner>,
}

impl Timer {
    /// A one-shot timer calling `callback` after `timeout`. Panics where
    /// [`with_options`](Self::with_options) does.
    pub fn new(timeout: Duration, callback: impl FnMut() + 'static) -> Timer {
        Timer::with_options(timeout, false, false, callback)
    }

    /// Python's `Timer(timeout, callback, retrigger, reuse)`: with
    /// `retrigger`, the timer rearms for `timeout` after each callback
    /// returns; with `reuse`, its cothread stays alive after firing or
    /// cancellation so [`reset`](Self::reset) is cheap.
    ///
    /// # Panics
    ///
    /// As [`spawn`](crate::spawn) does, if its cothread cannot start: no
    /// stack can be had, or this is a thread other than the main one outside
    /// any [`scope`](crate::scope).
    pub fn with_options(
        timeout: Duration,
        retrigger: bool,
        reuse: bool,
        callback: impl FnMut() + 'static,
    ) -> Timer {
        let inner = Rc::new(Inner {
            timeout: Cell::new(timeout),
            deadline: Cell::new(Some(Timeout::after(timeout))),
            retrigger: Cell::new(retrigger),
            reuse,
            epoch: Cell::new(0),
            running: Cell::new(false),
            dropped: Cell::new(false),
            control: Event::new(),
            callback: RefCell::new(Box::new(callback)),
        });
        start(&inner);
        Timer { inner }
    }

    /// Cancels the timer if it has not fired (a retriggering timer stops).
    pub fn cancel(&self) {
        self.inner.deadline.set(None);
        self.inner.epoch.set(self.inner.epoch.get() + 1);
        self.inner.control.signal(());
    }

    /// Rearms the timer to fire `timeout` from now, with a new `retrigger`
    /// setting, whether or not it has fired or been cancelled.
    pub fn reset(&self, timeout: Duration, retrigger: bool) {
        let inner = &self.inner;
        inner.timeout.set(timeout);
        inner.retrigger.set(retrigger);
        inner.deadline.set(Some(Timeout::after(timeout)));
        inner.epoch.set(inner.epoch.get() + 1);
        if inner.running.get() {
            inner.control.signal(());
        } else {
            start(inner);
        }
    }

    /// True while the timer is armed (will fire unless cancelled).
    pub fn is_pending(&self) -> bool {
        self.inner.deadline.get().is_some()
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        // An idle reusable timer would otherwise wait forever.
        self.inner.dropped.set(true);
        if self.inner.deadline.get().is_none() {
            self.inner.control.signal(());
        }
    }
}

impl std::fmt::Debug for Timer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timer")
            .field("deadline", &self.inner.deadline.get())
            .field("retrigger", &self.inner.retrigger.get())
            .finish_non_exhaustive()
    }
}

fn start(inner: &Rc<Inner>) {
    // Owned by the cothread's closure: however the cothread ends, or if its
    // scope ends it before it ever runs, a later `reset` starts a new one.
    let running = Running(inner.clone());
    crate::spawn(move || run(&running.0));
    // Only once spawned (the cothread runs later: spawning is no suspension
    // point): if no stack could be had, `spawn` panicked, and a later
    // `reset` tries again rather than signal a cothread that never was.
    inner.running.set(true);
}

/// Marks the timer's cothread gone when it ends or is dropped unrun.
struct Running(Rc<Inner>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.running.set(false);
    }
}

fn run(inner: &Inner) {
    loop {
        match inner.deadline.get() {
            None => {
                if !inner.reuse || inner.dropped.get() {
                    break;
                }
                let _ = inner.control.wait(None::<Duration>);
            }
            Some(deadline) => match inner.control.wait(deadline) {
                Ok(()) => {} // cancelled or reset: look again
                Err(Error::Timedout) => {
                    let epoch = inner.epoch.get();
                    inner.deadline.set(None);
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        (inner.callback.borrow_mut())()
                    }));
                    if let Err(p) = result {
                        report_contained_panic("timer callback", take_panic_message(p));
                    }
                    if inner.retrigger.get() && inner.epoch.get() == epoch {
                        inner
                            .deadline
                            .set(Some(Timeout::after(inner.timeout.get())));
                    }
                }
                Err(e) => panic!("cothread: timer cothread cannot wait: {e}"),
            },
        }
    }
}
