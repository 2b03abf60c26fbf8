//! Timers: the per-scheduler min-heap of deadlines of suspended tasks, and
//! the timed calls: plain functions the loop runs once their deadline passes.
//!
//! Invariants: an entry holds a waker, so a task woken otherwise leaves a
//! stale entry that is skipped when it expires and pruned when stale
//! entries outnumber live ones (`armed_timers` counts the live ones).
//! A timed call holds no cothread (no stack): one still pending when the
//! thread exits is dropped with the scheduler, never run.

use std::cmp::Ordering;
use std::time::Instant;

use super::task::{Wake, Waker};
use super::Scheduler;

/// A plain function for the loop to run once `deadline` has passed (see
/// [`super::call_at`]).
pub(super) struct TimedCall {
    deadline: Instant,
    f: fn(),
}

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

    /// Queues `f` to run in loop context once `deadline` has passed.
    pub(super) fn add_timed_call(&self, deadline: Instant, f: fn()) {
        self.timed_calls
            .borrow_mut()
            .push(TimedCall { deadline, f });
    }

    /// Runs the timed calls whose deadline has passed (each at most once;
    /// one queued by a call waits for the next pass).
    fn run_timed_calls(&self, now: Instant) {
        let due: Vec<fn()> = {
            let mut calls = self.timed_calls.borrow_mut();
            if !calls.iter().any(|call| call.deadline <= now) {
                return;
            }
            let mut due = Vec::new();
            calls.retain(|call| {
                let keep = call.deadline > now;
                if !keep {
                    due.push(call.f);
                }
                keep
            });
            due
        };
        for f in due {
            f();
        }
    }

    pub(super) fn expire_timers(&self) {
        if !self.timed_calls.borrow().is_empty() {
            self.run_timed_calls(Instant::now());
        }
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

    /// Nearest deadline of a live timer or a timed call, dropping stale
    /// timers at the top.
    pub(super) fn next_deadline(&self) -> Option<Instant> {
        let call = self
            .timed_calls
            .borrow()
            .iter()
            .map(|call| call.deadline)
            .min();
        let mut timers = self.timers.borrow_mut();
        while let Some(top) = timers.peek() {
            if top.waker.is_live() {
                return Some(call.map_or(top.deadline, |call| call.min(top.deadline)));
            }
            timers.pop();
        }
        call
    }
}
