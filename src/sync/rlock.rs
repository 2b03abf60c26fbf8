use std::cell::Cell;
use std::rc::Rc;
use std::time::Instant;

use crate::error::Error;
use crate::sched::{self, WaitQueue};
use crate::time::Timeout;

struct Inner {
    owner: Cell<Option<u64>>,
    count: Cell<usize>,
    waiters: WaitQueue,
}

/// A re-entrant cooperative lock (Python's `RLock`): the owning cothread
/// may acquire it again; others suspend until it is fully released.
/// Only needed to protect state across suspension points.
///
/// ```
/// use cothread::{RLock, Timeout};
/// let lock = RLock::new();
/// let outer = lock.acquire(Timeout::NEVER).unwrap();
/// let inner = lock.acquire(Timeout::NEVER).unwrap(); // re-entrant
/// drop(inner);
/// drop(outer);
/// ```
#[derive(Clone)]
pub struct RLock {
    inner: Rc<Inner>,
}

impl Default for RLock {
    fn default() -> Self {
        RLock::new()
    }
}

impl std::fmt::Debug for RLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RLock")
            .field("owner", &self.inner.owner.get())
            .field("count", &self.inner.count.get())
            .finish()
    }
}

impl RLock {
    /// A new unlocked lock.
    pub fn new() -> RLock {
        RLock {
            inner: Rc::new(Inner {
                owner: Cell::new(None),
                count: Cell::new(0),
                waiters: WaitQueue::default(),
            }),
        }
    }

    /// Acquires the lock, suspending while another cothread holds it;
    /// released when the guard drops. [`Error::Timedout`] on timeout.
    pub fn acquire(&self, timeout: impl Into<Timeout>) -> Result<RLockGuard, Error> {
        let deadline = timeout.into().deadline();
        let me = sched::current().current_task().id();
        loop {
            match self.inner.owner.get() {
                None => {
                    self.inner.owner.set(Some(me));
                    self.inner.count.set(1);
                    return Ok(RLockGuard { lock: self.clone() });
                }
                Some(owner) if owner == me => {
                    self.inner.count.set(self.inner.count.get() + 1);
                    return Ok(RLockGuard { lock: self.clone() });
                }
                Some(_) => {
                    if deadline.is_some_and(|d| d <= Instant::now()) {
                        return Err(Error::Timedout);
                    }
                    self.inner.waiters.wait(deadline)?;
                }
            }
        }
    }

    /// True while some cothread holds the lock.
    pub fn is_locked(&self) -> bool {
        self.inner.owner.get().is_some()
    }
}

/// Holds an [`RLock`] acquisition; dropping it releases one level.
#[derive(Debug)]
#[must_use = "dropping the guard releases the lock at once"]
pub struct RLockGuard {
    lock: RLock,
}

impl Drop for RLockGuard {
    fn drop(&mut self) {
        let inner = &self.lock.inner;
        let count = inner.count.get() - 1;
        inner.count.set(count);
        if count == 0 {
            inner.owner.set(None);
            inner.waiters.wake_one();
        }
    }
}
