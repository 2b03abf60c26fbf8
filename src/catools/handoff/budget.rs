//! [`UpdateBudget`]: how many monitor updates many buffers hold waiting,
//! together, and how many they may hold before each one merges rather than
//! grows. A thread's subscriptions share one (its dispatcher's ready list);
//! the async face's streams share one for the process.
//!
//! Invariants:
//! - A buffer counts its items in (`add`) and out (`remove`) under its own
//!   lock, as it changes them; so the count is exact once no buffer is
//!   changing, and never below zero.
//! - The budget is advisory, read without a lock: buffers filling at once
//!   may each see it unspent and go over by one item apiece.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Updates waiting in a set of buffers, and the budget for them.
pub(crate) struct UpdateBudget {
    queued: AtomicUsize,
    limit: AtomicUsize,
}

impl UpdateBudget {
    /// An empty count, with a budget of `limit` updates.
    pub(crate) const fn new(limit: usize) -> UpdateBudget {
        UpdateBudget {
            queued: AtomicUsize::new(0),
            limit: AtomicUsize::new(limit),
        }
    }

    /// The budget.
    pub(crate) fn limit(&self) -> usize {
        self.limit.load(Ordering::Relaxed)
    }

    /// Sets the budget.
    pub(crate) fn set_limit(&self, updates: usize) {
        self.limit.store(updates, Ordering::Relaxed);
    }

    /// Whether the buffers hold as many as the budget allows (a buffer that
    /// already holds an update should then merge rather than grow).
    pub(crate) fn is_spent(&self) -> bool {
        self.queued.load(Ordering::Relaxed) >= self.limit()
    }

    /// Counts `items` that a buffer took in.
    pub(crate) fn add(&self, items: usize) {
        self.queued.fetch_add(items, Ordering::Relaxed);
    }

    /// Counts `items` that left a buffer.
    pub(crate) fn remove(&self, items: usize) {
        self.queued.fetch_sub(items, Ordering::Relaxed);
    }

    /// How many updates the buffers hold.
    #[cfg(test)]
    pub(crate) fn queued(&self) -> usize {
        self.queued.load(Ordering::Relaxed)
    }
}
