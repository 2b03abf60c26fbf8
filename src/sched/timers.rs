//! Timers: the per-scheduler min-heap of deadlines of suspended tasks.
//!
//! Invariants: an entry holds a waker, so a task woken otherwise leaves a
//! stale entry that is skipped when it expires and pruned when stale
//! entries outnumber live ones (`armed_timers` counts the live ones).

use std::cmp::Ordering;
use std::time::Instant;

use super::task::{Wake, Waker};
use super::Scheduler;

pub(super) struct TimerEntry {
    deadline: Instant,
    seq: u64,
    waker: Waker,
}

impl PartialEq for TimerEntry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for TimerEntry {}
impl PartialOrd for TimerEntry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for TimerEntry {
    /// Reversed, so the `BinaryHeap` is a min-heap on (deadline, seq).
    fn cmp(&self, other: &Self) -> Ordering {
        (other.deadline, other.seq).cmp(&(self.deadline, self.seq))
    }
}

impl Scheduler {
    pub(super) fn add_timer(&self, deadline: Instant, waker: Waker) {
        let seq = self.timer_seq.get();
        self.timer_seq.set(seq + 1);
        waker.task.timer_armed.set(true);
        self.armed_timers.set(self.armed_timers.get() + 1);
        let mut timers = self.timers.borrow_mut();
        if timers.len() >= 64 && timers.len() > 2 * self.armed_timers.get() {
            timers.retain(|e| e.waker.is_live());
        }
        timers.push(TimerEntry {
            deadline,
            seq,
            waker,
        });
    }

    pub(super) fn expire_timers(&self) {
        if self.timers.borrow().is_empty() {
            return;
        }
        let now = Instant::now();
        loop {
            let entry = {
                let mut timers = self.timers.borrow_mut();
                match timers.peek() {
                    Some(e) if e.deadline <= now => timers.pop(),
                    _ => None,
                }
            };
            match entry {
                Some(e) => {
                    e.waker.wake(Wake::Timeout);
                }
                None => return,
            }
        }
    }

    /// Nearest deadline of a live timer, dropping stale ones at the top.
    pub(super) fn next_deadline(&self) -> Option<Instant> {
        let mut timers = self.timers.borrow_mut();
        while let Some(top) = timers.peek() {
            if top.waker.is_live() {
                return Some(top.deadline);
            }
            timers.pop();
        }
        None
    }
}
