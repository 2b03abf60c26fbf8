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
//! - Entries made one after the other sit side by side in the table
//!   ([`IdHasher`]), so a burst of lookups in the order of creation (closing
//!   a `Vec` of 10^5 subscriptions, say) walks memory in order instead of
//!   missing the cache at every lookup.
#![forbid(unsafe_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// The last id given by [`new_id`].
static LAST_ID: AtomicU64 = AtomicU64::new(0);

/// An id never given before in this process (a `u64` does not run out).
pub(crate) fn new_id() -> u64 {
    LAST_ID.fetch_add(1, Ordering::Relaxed) + 1
}

/// The hash of an id: the id itself in the low bits, which place an entry
/// in the table, so that ids given one after the other land in neighbouring
/// slots; and a mix of the id in the top 7 bits, which the table keeps as a
/// one-byte tag per slot to skip non-matching slots without reading them (the
/// layout of std's `HashMap`; were it to change, lookups would stay correct,
/// only slower).
///
/// A keyed hash (std's default, SipHash) would guard against keys chosen to
/// collide, but ids come from [`new_id`], never from outside, and it would
/// scatter neighbouring ids over the whole table: at 10^5 entries, every
/// lookup then misses the cache.
#[derive(Default)]
struct IdHasher(u64);

impl IdHasher {
    /// The bits of the hash that tag a slot (the top 7).
    const TAG_BITS: u64 = 0x7f << 57;
    /// An odd constant near 2^64 / golden ratio: multiplying by it spreads
    /// the id's low bits into the top ones (Fibonacci hashing).
    const MIX: u64 = 0x9e37_79b9_7f4a_7c15;
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        (self.0 & !Self::TAG_BITS) | (self.0.wrapping_mul(Self::MIX) & Self::TAG_BITS)
    }

    fn write_u64(&mut self, id: u64) {
        self.0 = id;
    }

    /// Only `u64` keys are hashed here; any other input is folded in, so
    /// that the hash stays correct, if not as well placed.
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }
}

/// Room for entries a table keeps however few it holds: small tables never
/// shrink and grow again.
const KEPT_ROOM: usize = 1024;

/// Entries by id, owned by one thread (a thread-local, or a field of a
/// thread's state): `!Sync`, and `!Send` whenever the entries are.
pub(crate) struct IdTable<T> {
    entries: RefCell<HashMap<u64, T, BuildHasherDefault<IdHasher>>>,
}

impl<T> Default for IdTable<T> {
    fn default() -> Self {
        IdTable {
            entries: RefCell::new(HashMap::default()),
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
    /// outside the table's borrow. A table that has emptied to a quarter of
    /// its room after a spike (10^5 subscriptions closed, say) gives most of
    /// it back, so what a long-running thread keeps follows what it holds,
    /// not the most it ever held; the factor of four between growing and
    /// shrinking keeps the rehashes' cost a constant per entry.
    pub(crate) fn take(&self, id: u64) -> Option<T> {
        let mut entries = self.entries.borrow_mut();
        let entry = entries.remove(&id);
        if entries.capacity() > KEPT_ROOM && entries.len() * 4 < entries.capacity() {
            let room = (entries.len() * 2).max(KEPT_ROOM);
            entries.shrink_to(room);
        }
        entry
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

    /// What keeps lookups in order of creation cache-friendly: ids given one
    /// after the other hash to neighbouring slots (the low bits are the id's),
    /// while their one-byte tags (the top 7 bits) still vary, so that a probe
    /// does not have to read every slot of a group.
    #[test]
    fn ids_in_a_row_hash_to_neighbouring_slots_with_varied_tags() {
        let hash = |id: u64| {
            let mut hasher = IdHasher::default();
            hasher.write_u64(id);
            hasher.finish()
        };
        let first = new_id();
        let slot_mask = (1u64 << 20) - 1;
        let mut tags = std::collections::HashSet::new();
        for id in first..first + 1024 {
            assert_eq!(hash(id) & slot_mask, id & slot_mask);
            tags.insert(hash(id) >> 57);
        }
        assert!(tags.len() > 100, "only {} of 128 tags used", tags.len());
    }

    /// A table of 100,000 entries, each its own id, and the ids in order.
    fn a_spike_of_entries() -> (IdTable<u64>, Vec<u64>) {
        let table = IdTable::new();
        let ids: Vec<u64> = (0..100_000).map(|_| new_id()).collect();
        for &id in &ids {
            table.insert(id, id);
        }
        (table, ids)
    }

    #[test]
    fn a_table_gives_back_its_room_once_a_spike_has_gone() {
        let (table, ids) = a_spike_of_entries();
        let peak = table.entries.borrow().capacity();
        assert!(peak >= 100_000);
        for &id in &ids[10..] {
            assert_eq!(table.take(id), Some(id));
        }
        let kept = table.entries.borrow().capacity();
        assert!(
            kept <= 4 * KEPT_ROOM,
            "room for {kept} kept after holding {peak}"
        );
        for &id in &ids[..10] {
            assert_eq!(table.get(id), Some(id));
        }
    }

    /// Entries by many ids: every one is found, whatever the hash's layout.
    #[test]
    fn a_table_of_many_ids_finds_each_entry() {
        let (table, ids) = a_spike_of_entries();
        for &id in ids.iter().rev() {
            assert_eq!(table.take(id), Some(id));
        }
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
