use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use crate::error::Error;
use crate::sched::WaitQueue;
use crate::timeout::Timeout;

struct EventInner<T> {
    auto_reset: bool,
    value: RefCell<Option<Result<T, Error>>>,
    waiters: WaitQueue,
}

/// An event holding at most one value (Python's `Event`).
///
/// Created unsignalled. [`signal`](Self::signal) stores a value and wakes
/// waiters: one per signal with `auto_reset` (the default; the value is
/// consumed by the wait that returns it), or all of them otherwise (the value
/// stays until [`reset`](Self::reset)). Waiters are woken strictly in wait
/// order. Cloning gives another handle on the same event.
///
/// ```
/// use cothread::{Event, Timeout};
/// let ready = Event::new();
/// let r = ready.clone();
/// let worker = cothread::spawn(move || r.wait(Timeout::NEVER).unwrap() * 2);
/// ready.signal(21);
/// assert_eq!(worker.wait(Timeout::NEVER).unwrap(), 42);
/// ```
///
/// Events are bound to their scheduler's thread:
///
/// ```compile_fail
/// let event = cothread::Event::<()>::new();
/// std::thread::spawn(move || event.signal(()));
/// ```
pub struct Event<T = ()> {
    inner: Rc<EventInner<T>>,
}

impl<T> Clone for Event<T> {
    fn clone(&self) -> Self {
        Event {
            inner: self.inner.clone(),
        }
    }
}

impl<T> Default for Event<T> {
    fn default() -> Self {
        Event::new()
    }
}

impl<T> std::fmt::Debug for Event<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Event")
            .field("auto_reset", &self.inner.auto_reset)
            .field("signalled", &self.is_signalled())
            .finish()
    }
}

impl<T> Event<T> {
    /// A new unsignalled auto-reset event.
    pub fn new() -> Event<T> {
        Event::with_auto_reset(true)
    }

    /// A new unsignalled event; see the type docs for `auto_reset`.
    pub fn with_auto_reset(auto_reset: bool) -> Event<T> {
        Event {
            inner: Rc::new(EventInner {
                auto_reset,
                value: RefCell::new(None),
                waiters: WaitQueue::default(),
            }),
        }
    }

    /// Stores `value` and wakes waiters. Never suspends.
    #[inline]
    pub fn signal(&self, value: T) {
        self.set(Ok(value));
    }

    /// Like [`signal`](Self::signal), but waiters receive `error` as
    /// [`Error::Signalled`].
    pub fn signal_exception(&self, error: impl std::error::Error + Send + Sync + 'static) {
        self.set(Err(Error::Signalled(Arc::new(error))));
    }

    #[inline]
    fn set(&self, value: Result<T, Error>) {
        *self.inner.value.borrow_mut() = Some(value);
        if self.inner.auto_reset {
            self.inner.waiters.wake_one();
        } else {
            self.inner.waiters.wake_all();
        }
    }

    /// Clears the signal, discarding any value or error.
    pub fn reset(&self) {
        *self.inner.value.borrow_mut() = None;
    }

    /// True while signalled.
    pub fn is_signalled(&self) -> bool {
        self.inner.value.borrow().is_some()
    }
}

impl<T: Clone> Event<T> {
    /// Returns the signalled value, suspending until a signal arrives if
    /// needed. Suspends only if unsignalled and `timeout` has not expired;
    /// returns [`Error::Timedout`] on timeout, or the error given to
    /// [`signal_exception`](Self::signal_exception).
    // Forced inline: the switch then happens in the caller's frame, so no
    // mispredicted return follows each resume (see the `sched` module docs).
    #[inline(always)]
    pub fn wait(&self, timeout: impl Into<Timeout>) -> Result<T, Error> {
        let deadline = timeout.into().deadline();
        loop {
            if let Some(v) = self.take() {
                return v;
            }
            if deadline.is_some_and(|d| d <= Instant::now()) {
                return Err(Error::Timedout);
            }
            if !self.inner.waiters.wait(deadline)? {
                return self.take().unwrap_or(Err(Error::Timedout));
            }
        }
    }

    #[inline]
    fn take(&self) -> Option<Result<T, Error>> {
        let mut value = self.inner.value.borrow_mut();
        if self.inner.auto_reset {
            value.take()
        } else {
            value.clone()
        }
    }
}

struct PulseInner<T> {
    generation: Cell<u64>,
    value: RefCell<Option<T>>,
    waiters: WaitQueue,
}

/// An event without memory: [`signal`](Self::signal) wakes every cothread
/// waiting at that moment and is otherwise lost (Python's `Pulse`).
///
/// ```
/// use cothread::{Pulse, Timeout};
/// let pulse = Pulse::new();
/// let p = pulse.clone();
/// let waiter = cothread::spawn(move || p.wait(Timeout::NEVER));
/// cothread::yield_now(Timeout::NEVER); // let it start waiting
/// pulse.signal("tick");
/// assert_eq!(waiter.wait(Timeout::NEVER).unwrap().unwrap(), "tick");
/// ```
pub struct Pulse<T = ()> {
    inner: Rc<PulseInner<T>>,
}

impl<T> Clone for Pulse<T> {
    fn clone(&self) -> Self {
        Pulse {
            inner: self.inner.clone(),
        }
    }
}

impl<T> Default for Pulse<T> {
    fn default() -> Self {
        Pulse::new()
    }
}

impl<T> std::fmt::Debug for Pulse<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pulse").finish_non_exhaustive()
    }
}

impl<T> Pulse<T> {
    /// A new pulse.
    pub fn new() -> Pulse<T> {
        Pulse {
            inner: Rc::new(PulseInner {
                generation: Cell::new(0),
                value: RefCell::new(None),
                waiters: WaitQueue::default(),
            }),
        }
    }

    /// Wakes all current waiters with `value`. Never suspends.
    pub fn signal(&self, value: T) {
        self.inner.generation.set(self.inner.generation.get() + 1);
        *self.inner.value.borrow_mut() = Some(value);
        self.inner.waiters.wake_all();
    }
}

impl<T: Clone> Pulse<T> {
    /// Suspends until the next [`signal`](Self::signal) and returns its
    /// value (the latest, if several came before the caller ran).
    pub fn wait(&self, timeout: impl Into<Timeout>) -> Result<T, Error> {
        let deadline = timeout.into().deadline();
        let start = self.inner.generation.get();
        loop {
            if self.inner.generation.get() != start {
                let value = self.inner.value.borrow().clone();
                return value.ok_or(Error::Timedout);
            }
            if !self.inner.waiters.wait(deadline)? && self.inner.generation.get() == start {
                return Err(Error::Timedout);
            }
        }
    }
}
