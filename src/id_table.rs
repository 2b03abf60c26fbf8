//! [`IdTable`]: how a `Send` message names something that must stay on one
//! thread.
//!
//! A libca callback, a remote call or a `Waker` may run on any thread, but
//! what it is about (a waiting cothread's [`Event`](crate::Event), a user's
//! `!Send` callback, a subscription's state) lives on its owner's thread.
//! So the message carries only a numeric id, and the owner's thread looks
//! the id up in its table. An id that is no longer there (its owner
//! finished, timed out or closed) finds nothing, so a late message does
//! nothing.
//!
//! Invariants:
//! - Ids come from one process-wide counter ([`new_id`]) and are never
//!   given twice, so an id looked up on the wrong thread finds nothing
//!   rather than another thread's entry (`future`'s wakers rely on this:
//!   they look on whichever thread wakes them).
//! - The table's borrow never outlasts one method call, and no entry is
//!   dropped while it is held: [`take`](IdTable::take) and
//!   [`take_all`](IdTable::take_all) hand entries out, so an entry whose
//!   drop touches the table again (a handler that owns another handler's
//!   registration) is dropped by the caller, after the borrow. The one
//!   method that runs a closure inside the borrow,
//!   [`with_entry`](IdTable::with_entry), requires that it does not touch
//!   the table.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// The last id given by [`new_id`].
static LAST_ID: AtomicU64 = AtomicU64::new(0);

/// An id never given before in this process (a `u64` does not run out).
pub(crate) fn new_id() -> u64 {
    LAST_ID.fetch_add(1, Ordering::Relaxed) + 1
}

/// Entries by id, owned by one thread (a thread-local, or a field of a
/// thread's state): `!Sync`, and `!Send` whenever the entries are.
pub(crate) struct IdTable<T> {
    entries: RefCell<HashMap<u64, T>>,
}

impl<T> Default for IdTable<T> {
    fn default() -> Self {
        IdTable {
            entries: RefCell::new(HashMap::new()),
        }
    }
}

impl<T> IdTable<T> {
    /// An empty table.
    pub(crate) fn new() -> IdTable<T> {
        IdTable::default()
    }

    /// Stores `entry` under `id` (from [`new_id`], so never in use).
    pub(crate) fn insert(&self, id: u64, entry: T) {
        let replaced = self.entries.borrow_mut().insert(id, entry);
        debug_assert!(replaced.is_none(), "id {id} given twice");
        // Dropped after the borrow has ended (it is `None` anyway).
        drop(replaced);
    }

    /// Removes and returns the entry of `id`, for the caller to drop
    /// outside the table's borrow.
    pub(crate) fn take(&self, id: u64) -> Option<T> {
        self.entries.borrow_mut().remove(&id)
    }

    /// Removes and returns every entry (in no particular order).
    pub(crate) fn take_all(&self) -> Vec<T> {
        let entries = std::mem::take(&mut *self.entries.borrow_mut());
        entries.into_values().collect()
    }

    /// A clone of the entry of `id` (an `Rc`, an `Event`, a `Weak`: a
    /// handle to use after the borrow has ended).
    pub(crate) fn get(&self, id: u64) -> Option<T>
    where
        T: Clone,
    {
        self.entries.borrow().get(&id).cloned()
    }

    /// Runs `f` on the entry of `id` in place. `f` must not touch this table
    /// (it runs inside the table's borrow), and what it takes out of the
    /// entry is returned, to be used or dropped after the borrow.
    pub(crate) fn with_entry<R>(&self, id: u64, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.entries.borrow_mut().get_mut(&id).map(f)
    }

    /// Whether the table holds no entry (for tests that prove nothing is
    /// left behind).
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.borrow().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn ids_are_never_given_twice_even_across_threads() {
        let here: Vec<u64> = (0..1000).map(|_| new_id()).collect();
        let there = std::thread::spawn(|| (0..1000).map(|_| new_id()).collect::<Vec<u64>>())
            .join()
            .unwrap();
        let mut all: Vec<u64> = here.into_iter().chain(there).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 2000);
    }

    #[test]
    fn a_taken_entry_is_gone_and_a_late_lookup_finds_nothing() {
        let table = IdTable::new();
        let id = new_id();
        table.insert(id, 'a');
        assert_eq!(table.get(id), Some('a'));
        assert_eq!(table.take(id), Some('a'));
        assert_eq!(table.get(id), None);
        assert_eq!(table.take(id), None);
        assert_eq!(table.with_entry(id, |c| *c), None);
        assert!(table.is_empty());
    }

    /// An entry whose drop removes another entry of the same table: dropped
    /// by the caller, after the borrow, it does not panic.
    #[test]
    fn an_entry_may_touch_the_table_when_it_is_dropped() {
        struct RemovesOnDrop(Rc<IdTable<RemovesOnDrop>>, u64);
        impl Drop for RemovesOnDrop {
            fn drop(&mut self) {
                drop(self.0.take(self.1));
            }
        }
        let table = Rc::new(IdTable::new());
        let (first, second) = (new_id(), new_id());
        table.insert(second, RemovesOnDrop(Rc::clone(&table), u64::MAX));
        table.insert(first, RemovesOnDrop(Rc::clone(&table), second));
        drop(table.take(first));
        assert!(table.is_empty());
        table.insert(first, RemovesOnDrop(Rc::clone(&table), u64::MAX));
        drop(table.take_all());
        assert!(table.is_empty());
    }
}
