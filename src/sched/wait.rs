//! Wait queues: the FIFO of suspended tasks that every `sync` object is
//! built on.
//!
//! Invariant: a queue holds wakers, never tasks' stack addresses; stale
//! wakers (their task already woken from that suspension) are skipped when
//! popped and pruned when the queue grows.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::time::Instant;

use super::switch::block;
use super::task::{Wake, Waker};
use crate::error::Error;

/// FIFO of suspended tasks: the building block of every `sync` object.
#[derive(Default)]
pub(crate) struct WaitQueue {
    waiters: RefCell<VecDeque<Waker>>,
}

impl WaitQueue {
    /// Suspends the caller until woken through this queue (`Ok(true)`) or
    /// until `deadline` (`Ok(false)`).
    #[inline(always)]
    pub(crate) fn wait(&self, deadline: Option<Instant>) -> Result<bool, Error> {
        let wake = block(deadline, |waker| {
            let mut q = self.waiters.borrow_mut();
            if q.len() >= 64 && q.len().is_power_of_two() {
                q.retain(Waker::is_live);
            }
            q.push_back(waker.clone());
        })?;
        Ok(wake == Wake::Woken)
    }

    /// Wakes the longest-waiting live task; false if there was none.
    #[inline]
    pub(crate) fn wake_one(&self) -> bool {
        loop {
            let next = self.waiters.borrow_mut().pop_front();
            match next {
                None => return false,
                Some(w) => {
                    if w.wake(Wake::Woken) {
                        return true;
                    }
                }
            }
        }
    }

    /// Wakes every waiting task, in wait order.
    pub(crate) fn wake_all(&self) {
        let all = std::mem::take(&mut *self.waiters.borrow_mut());
        for w in all {
            w.wake(Wake::Woken);
        }
    }
}
