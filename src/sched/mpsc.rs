//! [`Mpsc`]: an unbounded, lock-free, multi-producer single-consumer FIFO
//! whose push costs one atomic read-modify-write: the callback inbox's
//! queue (`crate::callback`).
//!
//! # Design
//!
//! Values live in fixed-size chunks of [`CHUNK`] slots, linked in a list.
//! Every value ever pushed gets a *position* (0, 1, 2, ...): the slot
//! `position - chunk.start` of the chunk whose `start` is the position
//! rounded down to a multiple of `CHUNK`. One 64-bit word, `tail`, holds
//! the next free position and two flags, `IDLE` and `CLOSED`, so a push
//!
//! 1. reserves its position with one `fetch_add` on `tail`, which also
//!    tells it whether the queue is closed and whether the consumer sleeps;
//! 2. finds its chunk through the *tail hint* (a pointer to the newest
//!    chunk, or close to it): a load and a compare, unless the position is the
//!    first of a new chunk, when it links the next chunk (a compare-exchange
//!    on `next`, once per chunk; chunks come from a spare list under a small
//!    mutex, so a warm queue allocates nothing);
//! 3. writes the value and publishes it with a release store of the slot's
//!    `ready` flag (a plain store, not a read-modify-write).
//!
//! The single consumer (whoever holds the `consumer` mutex: the callback
//! cothread, or `close`) reads positions in order, waiting for nothing: a
//! slot that is reserved but not yet published ends its batch
//! ([`Popped::Pending`]) and it comes back later, after letting others run
//! (its producer is a few instructions from publishing it). It reads
//! `tail`, the producers' hot word, only when it finds its head
//! unpublished twice in a row, and writes it only to go idle.
//!
//! Against the queues of `crossbeam-queue` and `concurrent-queue` (and
//! `std::sync::mpsc`), which claim a slot with a compare-exchange and mark
//! it written with a `fetch_or` (two locked instructions per push, as a
//! mutex has), and tokio's block list (a `fetch_add` plus a `fetch_or` on
//! the block's ready bits): here the only read-modify-write is the
//! reservation, and the consumer's sleep flag is folded into the same word.
//!
//! # Reading behind the producers
//!
//! A consumer that reads right behind a producer reads each cache line
//! while the producer is still writing it, so the line crosses between
//! their cores several times instead of once, and the producer's next
//! locked instruction waits for it. So once the consumer has caught up
//! (a batch ended at an unpublished slot), its next looks return
//! [`Popped::Pending`] without reading anything until the slot [`LEAD`]
//! positions ahead is published, or [`PATIENCE`] has passed since it
//! caught up (then it reads whatever is there). The first value after the
//! consumer went idle is read at once; the values of a stream wait at
//! most `PATIENCE` longer. In three alternating series of runs (see
//! BENCHMARKS.md, issue 8) it cut the producing thread's CPU time per value
//! from 12-19 ns to 7.5-11 ns against reading right behind it.
//!
//! # The one wake per burst
//!
//! When the consumer finds nothing reserved past its head (on its second
//! look in a row), it sets `IDLE` with a compare-exchange on `tail` that expects exactly the position it
//! has read up to; then it sleeps until woken. A push's `fetch_add` and
//! that compare-exchange are read-modify-writes of the same word, so they
//! are totally ordered: either the push comes first (the compare-exchange
//! fails and the consumer reads on), or it comes after and sees `IDLE`.
//! So there is no two-variable (Dekker) handshake to get wrong and no wake
//! can be lost. A push that sees `IDLE` clears it with a `fetch_and`; the
//! one whose `fetch_and` found it set is told to wake the consumer
//! ([`Pushed::MustWake`]): one wake per idle period, and only pushes that
//! find the consumer asleep pay a second read-modify-write. A queue starts
//! idle (its consumer does not exist yet: the first push creates it).
//!
//! # Reclamation
//!
//! A producer holds a chunk pointer from the moment it loads a hint until
//! it publishes its value; the consumer must not free or reuse a chunk any
//! producer still holds. The rule:
//!
//! * Producers reserve their position *before* they load a hint (the tail
//!   hint, or the *head hint*, the consumer's chunk, when the tail hint has
//!   already moved past their position), and walk forward only (`next`).
//! * The consumer *retires* a chunk when its head moves on to the next one:
//!   it points the head hint past it and moves the tail hint past it if it was
//!   still there (hints only ever move forward, so no hint points to the
//!   chunk again), then reads `tail`'s position `T`. The chunk is reused or
//!   freed only once the consumer's head has reached `T`.
//! * Why that suffices: a producer that loaded a hint pointing to the
//!   retired chunk did so before the hint moved away; its `fetch_add` came
//!   before that load, and the consumer read `T` after moving the hint. All
//!   four operations are `SeqCst`, so in their single total order the
//!   `fetch_add` precedes the read of `T`, which therefore sees the
//!   producer's reservation: its position is below `T`. The head reaches
//!   `T` only after that position is published, and a producer touches no
//!   chunk after publishing. A chunk reached by walking forward from a held
//!   one is retired after it, with a `T` at least as large. (This is the
//!   store-buffering pattern: with acquire/release alone both sides could
//!   read the old values.)
//! * Retired chunks wait in a FIFO, so with a backlog the queue holds up to
//!   about twice the backlog's chunks; once the consumer catches up they
//!   go back to the spares (at most [`KEPT_CHUNKS`]) or are freed.
//!
//! # Closing
//!
//! `close` sets `CLOSED` with a `fetch_or`, which fixes the last position
//! that will ever be written: a push reserved before it writes its value, a
//! push after it sees `CLOSED` and gets its value back
//! ([`Pushed::Closed`]), touching no chunk. The closer that set the flag
//! then takes the consumer mutex, drops every value up to that position
//! (waiting, with `thread::yield_now`, for ones reserved but not yet
//! published: each such producer is a few instructions from its publishing
//! store, with no lock or blocking call on the way except a chunk
//! allocation), and frees every chunk. Every value is so dropped exactly
//! once: by the consumer's caller, by the closer, or by the pusher it was
//! handed back to. Dropping the queue closes it.
//!
//! # Invariants (who touches what)
//!
//! * Slot `p` is written only by the producer whose `fetch_add` returned
//!   `p`, before its release store of `ready`; it is read only by the
//!   consumer, once, after an acquire load of `ready` (its head then moves
//!   past it). `ready` is cleared when the chunk becomes a spare, never
//!   while producers may write the chunk.
//! * A chunk's `start` and `next` are set while one thread owns it (fresh
//!   from the spares), before a release compare-exchange on its
//!   predecessor's `next` publishes it; afterwards `next` changes once,
//!   from null, and `start` not at all until it is reused.
//! * `consumer` state (the head position and chunk, retired chunks) is
//!   touched only under its mutex, which is held for one batch or for
//!   `close`, never while the values popped are used.

use std::cell::UnsafeCell;
use std::collections::VecDeque;
use std::mem::MaybeUninit;
use std::ops::Deref;
use std::ptr;
use std::sync::atomic::Ordering::{AcqRel, Acquire, Relaxed, Release, SeqCst};
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

/// Slots per chunk.
pub(crate) const CHUNK: usize = 256;

/// Empty chunks a queue keeps for reuse (for the callback inbox, whose
/// slots are 40 bytes, 320 KiB at most besides the chunk in use).
pub(crate) const KEPT_CHUNKS: usize = 32;

/// How far the producers must be ahead of a consumer that has caught up
/// with them before it reads on (see "Reading behind the producers")...
const LEAD: usize = 128;
/// ... unless this much time has passed since it caught up.
const PATIENCE: Duration = Duration::from_micros(5);

/// `tail` flag: the consumer sleeps; the push that clears it must wake it.
const IDLE: u64 = 1;
/// `tail` flag: the queue is closed; pushes are refused.
const CLOSED: u64 = 2;
/// `tail` holds the next free position above its two flags.
const POSITION: u32 = 2;
const ONE_POSITION: u64 = 1 << POSITION;

/// What [`Mpsc::push`] did.
#[derive(Debug)]
pub(crate) enum Pushed<T> {
    /// Queued; the consumer is busy or already being woken.
    Queued,
    /// Queued, and the consumer was idle: the caller must wake it.
    MustWake,
    /// Refused: the queue is closed. Here is the value back.
    Closed(T),
}

/// What [`Mpsc::pop_batch`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Popped {
    /// At least one value was moved into the batch.
    Items,
    /// Nothing read this time: the next value is reserved but not yet
    /// written, or (the first time in a row) perhaps nothing is queued, or
    /// the producers are not yet far enough ahead (module docs, "Reading
    /// behind the producers"). Try again soon, after letting others run,
    /// without sleeping.
    Pending,
    /// Nothing is queued and the consumer is now marked idle: the next push
    /// will say [`Pushed::MustWake`]. Sleep until woken.
    Idle,
    /// The queue is closed.
    Closed,
}

/// A value aligned to its own cache lines (two, for adjacent-line
/// prefetching), so that the producers' hot word and the consumer's state
/// do not share one.
#[repr(align(128))]
struct Padded<X>(X);

impl<X> Deref for Padded<X> {
    type Target = X;
    fn deref(&self) -> &X {
        &self.0
    }
}

struct Slot<T> {
    value: UnsafeCell<MaybeUninit<T>>,
    ready: AtomicBool,
}

struct Chunk<T> {
    /// The position of `slots[0]`.
    start: AtomicU64,
    /// The chunk that follows; null until linked.
    next: AtomicPtr<Chunk<T>>,
    slots: [Slot<T>; CHUNK],
}

impl<T> Chunk<T> {
    /// A new chunk, built in place: only the flags and links are written
    /// (building it on the stack and moving it would copy its ~10 KiB).
    fn boxed(start: u64) -> Box<Chunk<T>> {
        let mut chunk = Box::<Chunk<T>>::new_uninit();
        let raw = chunk.as_mut_ptr();
        // SAFETY: `raw` points to an allocation for a `Chunk<T>`; each
        // write below initialises one field in place (no reference to
        // uninitialised memory is made), and the slots' values are
        // `MaybeUninit`, valid uninitialised. So after the loop every
        // field is initialised.
        unsafe {
            (&raw mut (*raw).start).write(AtomicU64::new(start));
            (&raw mut (*raw).next).write(AtomicPtr::new(ptr::null_mut()));
            let slots = (&raw mut (*raw).slots).cast::<Slot<T>>();
            for i in 0..CHUNK {
                (&raw mut (*slots.add(i)).ready).write(AtomicBool::new(false));
            }
            chunk.assume_init()
        }
    }

    fn start(&self) -> u64 {
        // Relaxed: set before the chunk was published (see the invariants).
        self.start.load(Relaxed)
    }
}

/// The consumer's side; see the module invariants.
struct Consumer<T> {
    /// The next position to read.
    head: u64,
    /// The chunk holding `head` (or whose end `head` is); null once closed.
    chunk: *mut Chunk<T>,
    /// Chunks the head has left, each with the position the head must
    /// reach before it can be reused (see "Reclamation").
    retired: VecDeque<(*mut Chunk<T>, u64)>,
    /// The last batch ended at an unpublished head without reading `tail`.
    paused: bool,
    /// When the last batch ended at an unpublished head after reading
    /// values (the consumer caught up with the producers).
    caught_up: Option<Instant>,
}

/// An unbounded lock-free multi-producer single-consumer FIFO; see the
/// module docs.
pub(crate) struct Mpsc<T> {
    /// Next free position, with the `IDLE` and `CLOSED` flags.
    tail: Padded<AtomicU64>,
    /// Hints for producers looking for their chunk (see "Reclamation").
    hints: Padded<Hints<T>>,
    consumer: Padded<Mutex<Consumer<T>>>,
    /// Empty chunks for reuse, every `ready` clear.
    spare: Mutex<Vec<Box<Chunk<T>>>>,
    /// Chunks allocated so far (for tests of reuse).
    #[cfg(test)]
    allocated: std::sync::atomic::AtomicUsize,
}

struct Hints<T> {
    /// The newest chunk, or an older one not yet retired.
    tail: AtomicPtr<Chunk<T>>,
    /// The consumer's chunk: at or before the chunk of every position not
    /// yet published.
    head: AtomicPtr<Chunk<T>>,
}

// SAFETY: values of `T` cross from the pushing threads to the consumer (so
// `T: Send`), and are never shared: a slot is accessed by its producer,
// then by the consumer, ordered by its `ready` flag. The raw chunk pointers
// are owned by the queue and follow the reclamation rule in the module docs.
unsafe impl<T: Send> Send for Mpsc<T> {}
// SAFETY: as above; every shared field is an atomic or under a mutex, and
// `&Mpsc` gives no access to a `&T`.
unsafe impl<T: Send> Sync for Mpsc<T> {}

impl<T> Mpsc<T> {
    /// An empty queue, idle: its first push says [`Pushed::MustWake`].
    /// Allocates its first chunk.
    pub(crate) fn new() -> Mpsc<T> {
        let first = Box::into_raw(Chunk::boxed(0));
        Mpsc {
            tail: Padded(AtomicU64::new(IDLE)),
            hints: Padded(Hints {
                tail: AtomicPtr::new(first),
                head: AtomicPtr::new(first),
            }),
            consumer: Padded(Mutex::new(Consumer {
                head: 0,
                chunk: first,
                retired: VecDeque::new(),
                paused: false,
                caught_up: None,
            })),
            spare: Mutex::new(Vec::new()),
            #[cfg(test)]
            allocated: std::sync::atomic::AtomicUsize::new(1),
        }
    }

    /// Queues `value`, or hands it back if the queue is closed. Wait-free
    /// but for the once-per-chunk link (a spare-list lock or an allocation).
    #[inline]
    pub(crate) fn push(&self, value: T) -> Pushed<T> {
        // SeqCst: see "Reclamation" (the reservation precedes the hint load).
        let tail = self.tail.fetch_add(ONE_POSITION, SeqCst);
        if tail & CLOSED != 0 {
            return Pushed::Closed(value);
        }
        let position = tail >> POSITION;
        let chunk = self.hints.tail.load(SeqCst);
        // SAFETY: loaded from a hint after reserving `position`, which is
        // not yet published: the chunk is not reused or freed before this
        // push publishes (module docs, "Reclamation"); the chunks
        // `find_chunk` walks to are held the same way.
        let chunk = unsafe { &*chunk };
        let offset = position.wrapping_sub(chunk.start());
        let (chunk, offset) = if offset < CHUNK as u64 {
            (chunk, offset as usize)
        } else {
            self.find_chunk(chunk, position)
        };
        let slot = &chunk.slots[offset];
        // SAFETY: position `position` was reserved by this push alone, so
        // nobody else writes this slot, and the consumer reads it only
        // after the release store below.
        unsafe { (*slot.value.get()).write(value) };
        // Release: the value's bytes before the flag. After this store the
        // chunk may be reused: it is not touched again.
        slot.ready.store(true, Release);
        if tail & IDLE != 0 && self.tail.fetch_and(!IDLE, SeqCst) & IDLE != 0 {
            Pushed::MustWake
        } else {
            Pushed::Queued
        }
    }

    /// The chunk and slot of `position`, walking forward from `from` (or
    /// from the consumer's chunk, if `from` is already past `position`),
    /// linking chunks as needed.
    #[cold]
    #[inline(never)]
    fn find_chunk<'a>(&'a self, from: &'a Chunk<T>, position: u64) -> (&'a Chunk<T>, usize) {
        let mut chunk = from;
        if position < chunk.start() {
            // SAFETY: as for `tail` in `push`: loaded after reserving
            // `position`, not yet published; the consumer's chunk is at or
            // before the chunk of every unpublished position.
            chunk = unsafe { &*self.hints.head.load(SeqCst) };
        }
        while position - chunk.start() >= CHUNK as u64 {
            chunk = self.next_chunk(chunk);
        }
        (chunk, (position - chunk.start()) as usize)
    }

    /// The chunk after `chunk`, linked by this call if nobody has yet;
    /// moves the tail hint forward from `chunk` to it. The caller must hold
    /// `chunk` by the reclamation rule (and gets the next one held the same
    /// way).
    fn next_chunk<'a>(&'a self, chunk: &'a Chunk<T>) -> &'a Chunk<T> {
        let mut next = chunk.next.load(Acquire);
        if next.is_null() {
            let fresh = self.fresh_chunk(chunk.start() + CHUNK as u64);
            // AcqRel: publishes the fresh chunk's fields; on failure,
            // acquires the winner's.
            match chunk
                .next
                .compare_exchange(ptr::null_mut(), fresh, AcqRel, Acquire)
            {
                Ok(_) => next = fresh,
                Err(linked) => {
                    // SAFETY: `fresh` came from `Box::into_raw` in
                    // `fresh_chunk` and was never published.
                    self.give_back(unsafe { Box::from_raw(fresh) });
                    next = linked;
                }
            }
        }
        // SeqCst: a hint store (see "Reclamation"). Moves forward only, and
        // only from `chunk`, which is not reused while held, so never back.
        let _ =
            self.hints
                .tail
                .compare_exchange(ptr::from_ref(chunk).cast_mut(), next, SeqCst, SeqCst);
        // SAFETY: `next` follows a held chunk, so it is held too (module
        // docs: retired after it, with a later `T`).
        unsafe { &*next }
    }

    /// An empty chunk (a spare, else a new one) for positions from `start`,
    /// owned by the caller until published.
    fn fresh_chunk(&self, start: u64) -> *mut Chunk<T> {
        let spare = self.spare.lock().pop();
        let chunk = spare.unwrap_or_else(|| {
            #[cfg(test)]
            self.allocated.fetch_add(1, Relaxed);
            Chunk::boxed(start)
        });
        chunk.start.store(start, Relaxed);
        chunk.next.store(ptr::null_mut(), Relaxed);
        Box::into_raw(chunk)
    }

    /// Keeps a chunk nobody else holds, its values read, as a spare (every
    /// `ready` cleared), or frees it when [`KEPT_CHUNKS`] are kept already
    /// (outside the lock).
    fn give_back(&self, mut chunk: Box<Chunk<T>>) {
        // Cleared here, not as each value is read, so that the consumer
        // never writes a cache line a producer may be writing.
        for slot in &mut chunk.slots {
            *slot.ready.get_mut() = false;
        }
        let mut spare = self.spare.lock();
        if spare.len() < KEPT_CHUNKS {
            spare.push(chunk);
        } else {
            drop(spare);
            drop(chunk);
        }
    }

    /// Moves the queued values, oldest first, into `out` until it holds
    /// `max`, stopping early at the first position not yet published. The
    /// consumer's side: callers are serialised by a mutex held only for
    /// this call, so the values are used without it.
    pub(crate) fn pop_batch(&self, out: &mut Vec<T>, max: usize) -> Popped {
        let mut consumer = self.consumer.lock();
        if consumer.chunk.is_null() {
            return Popped::Closed;
        }
        if let Some(since) = consumer.caught_up {
            // SAFETY: as below.
            let chunk = unsafe { &*consumer.chunk };
            let offset = (consumer.head - chunk.start()) as usize;
            if offset < CHUNK
                && !chunk.slots[(offset + LEAD).min(CHUNK - 1)]
                    .ready
                    .load(Relaxed)
                && since.elapsed() < PATIENCE
            {
                return Popped::Pending;
            }
        }
        let popped = loop {
            // SAFETY: the consumer's chunk is never retired while it is
            // the consumer's chunk, and only the consumer retires chunks.
            let chunk = unsafe { &*consumer.chunk };
            let offset = (consumer.head - chunk.start()) as usize;
            if offset < CHUNK {
                let room = max.saturating_sub(out.len());
                if room == 0 {
                    consumer.caught_up = None;
                    break Popped::Items;
                }
                let slots = &chunk.slots[offset..CHUNK.min(offset + room)];
                out.reserve(slots.len());
                let mut taken = 0;
                for (slot, place) in slots.iter().zip(out.spare_capacity_mut()) {
                    // Acquire: pairs with the producer's release store.
                    if !slot.ready.load(Acquire) {
                        break;
                    }
                    // SAFETY: `ready` was set after the value was written,
                    // and the head moves past this slot: the only read.
                    place.write(unsafe { (*slot.value.get()).assume_init_read() });
                    taken += 1;
                }
                // SAFETY: the `taken` places after `out`'s length were
                // just initialised, each with a value now owned by `out`.
                unsafe { out.set_len(out.len() + taken) };
                consumer.head += taken as u64;
                if taken == slots.len() {
                    continue; // the batch is full, or the chunk read
                }
            } else {
                let next = chunk.next.load(Acquire);
                if !next.is_null() {
                    self.retire_head_chunk(&mut consumer, next);
                    continue;
                }
            }
            if !out.is_empty() {
                consumer.caught_up = Some(Instant::now());
                break Popped::Items;
            }
            // Nothing published at the head: the queue is empty, or a
            // producer has reserved the head but not yet published it.
            // Reading `tail` to tell which takes the producers' hot cache
            // line from them, so the first time, just come back later.
            if !std::mem::replace(&mut consumer.paused, true) {
                break Popped::Pending;
            }
            let tail = self.tail.load(SeqCst);
            if tail & CLOSED != 0 {
                // The closer drops the rest.
                break Popped::Closed;
            }
            if tail >> POSITION != consumer.head {
                break Popped::Pending;
            }
            // See "The one wake per burst": fails if a push came in between.
            if self
                .tail
                .compare_exchange(tail, tail | IDLE, SeqCst, SeqCst)
                .is_ok()
            {
                break Popped::Idle;
            }
        };
        if popped != Popped::Pending {
            consumer.paused = false;
        }
        if popped == Popped::Idle {
            consumer.caught_up = None;
        }
        self.reuse_retired(&mut consumer);
        popped
    }

    /// Moves the consumer on to `next`, the chunk after its own, retiring
    /// its own (see "Reclamation").
    fn retire_head_chunk(&self, consumer: &mut Consumer<T>, next: *mut Chunk<T>) {
        let left = std::mem::replace(&mut consumer.chunk, next);
        // SeqCst, all three: see "Reclamation".
        self.hints.head.store(next, SeqCst);
        let _ = self.hints.tail.compare_exchange(left, next, SeqCst, SeqCst);
        let reserved = self.tail.load(SeqCst) >> POSITION;
        consumer.retired.push_back((left, reserved));
    }

    /// Gives back the retired chunks that no producer can still hold.
    fn reuse_retired(&self, consumer: &mut Consumer<T>) {
        while let Some(&(chunk, reserved)) = consumer.retired.front() {
            if consumer.head < reserved {
                break;
            }
            consumer.retired.pop_front();
            // SAFETY: every position below `reserved` has been published
            // and read, so no producer holds this chunk (module docs); it
            // came from `Box::into_raw` and leaves the list here, once.
            self.give_back(unsafe { Box::from_raw(chunk) });
        }
    }

    /// Refuses later pushes and drops every queued value, then frees every
    /// chunk; see "Closing". Idempotent: only the first call does it (a
    /// concurrent second call may return before the first has finished).
    pub(crate) fn close(&self) {
        let tail = self.tail.fetch_or(CLOSED, SeqCst);
        if tail & CLOSED != 0 {
            return;
        }
        let end = tail >> POSITION;
        let mut consumer = self.consumer.lock();
        let mut chunk = consumer.chunk;
        let mut head = consumer.head;
        while head < end {
            // SAFETY: the consumer's chunk, then chunks after it; none is
            // retired or freed during this loop but by this loop's caller.
            let current = unsafe { &*chunk };
            let offset = head - current.start();
            if offset == CHUNK as u64 {
                // Linked by us if its producer has not yet done so.
                chunk = ptr::from_ref(self.next_chunk(current)).cast_mut();
                continue;
            }
            let slot = &current.slots[offset as usize];
            while !slot.ready.load(Acquire) {
                // Reserved before the close, so it will be published soon.
                std::thread::yield_now();
            }
            // SAFETY: published and not yet read, as in `pop_batch`; read
            // (dropped) once here.
            unsafe { (*slot.value.get()).assume_init_drop() };
            head += 1;
        }
        // Every push that reserved a position has published it, and every
        // later push saw `CLOSED`: no producer touches a chunk any more.
        let mut chunk = std::mem::replace(&mut consumer.chunk, ptr::null_mut());
        consumer.head = head;
        let retired = std::mem::take(&mut consumer.retired);
        drop(consumer);
        for (retired, _) in retired {
            // SAFETY: from `Box::into_raw`; no longer reachable by anyone.
            drop(unsafe { Box::from_raw(retired) });
        }
        while !chunk.is_null() {
            // SAFETY: as above, for the chunks from the consumer's on.
            let owned = unsafe { Box::from_raw(chunk) };
            chunk = owned.next.load(Acquire);
        }
        drop(std::mem::take(&mut *self.spare.lock()));
    }

    /// Chunks the queue holds (the consumer's and those after it, retired
    /// and spare), and chunks it has allocated in all.
    #[cfg(test)]
    fn chunks(&self) -> (usize, usize) {
        let consumer = self.consumer.lock();
        let mut held = consumer.retired.len() + self.spare.lock().len();
        let mut chunk = consumer.chunk;
        while !chunk.is_null() {
            held += 1;
            // SAFETY: chunks from the consumer's on are live while the
            // consumer mutex is held.
            chunk = unsafe { &*chunk }.next.load(Acquire);
        }
        (held, self.allocated.load(Relaxed))
    }
}

impl<T> Drop for Mpsc<T> {
    fn drop(&mut self) {
        self.close();
    }
}

#[cfg(test)]
mod tests;
