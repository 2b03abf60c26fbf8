//! Cothread stacks: every cothread runs on a stack of its own with a guard
//! page below it, carved from large chunks and pooled per scheduler.
//!
//! # Layout
//!
//! A [`Chunk`] is one `MAP_NORESERVE` anonymous mapping cut into equal
//! *slots* of `stride` bytes: the slot's lowest page is its guard page, the
//! rest is the stack (which grows down from the top of the slot). Only the
//! pages a cothread touches cost memory. Guard pages are installed slot by
//! slot as slots are first handed out:
//!
//! * with `madvise(MADV_GUARD_INSTALL)` (Linux 6.13+), which marks the page
//!   inside the one mapping without splitting it, so 100,000 stacks cost a
//!   few hundred kernel mappings (one per chunk at most);
//! * else (`EINVAL` on older kernels) with `mprotect(PROT_NONE)`, which
//!   splits the mapping: two mappings per stack, as with one `mmap` +
//!   `mprotect` per stack, so `vm.max_map_count` (65530 by default) stops
//!   near 30,700 live stacks: the guards stop 4096 mappings short of the
//!   limit, so the process can still allocate (at the limit itself every
//!   allocation needing a new mapping fails, and Rust aborts on that).
//!   Running out is an error the spawner sees
//!   ([`Error::StackAllocation`](crate::Error::StackAllocation)), never an
//!   abort or an unguarded stack.
//!
//! Each chunk is registered with the fault reporter (`sys`) as a whole, so
//! an overflow into any slot's guard page is reported as a cothread stack
//! overflow however many stacks there are.
//!
//! # Pool
//!
//! A scheduler's [`StackPool`] keeps finished stacks, per size, for reuse
//! (most recently used first: its pages are likely still resident). Beyond
//! [`WARM_STACKS`] idle stacks of one size, the memory of the coldest ones is
//! given back with `MADV_DONTNEED` (the slots and their guards stay). The
//! scheduler asks for that when it is about to sleep, and at least every
//! [`TRIM_EVERY`] while busy: a burst of spawns reuses warm stacks (a page
//! fault costs more than a whole spawn and join), and the memory of a burst
//! that is over goes back soon after. Idle memory is thus bounded by the
//! warm set, plus at most what the live cothreads used one period ago.
//!
//! # Invariants
//!
//! * Every [`CothreadStack`] has a guard page directly below its usable
//!   range, installed before the stack is handed out and kept until its
//!   chunk is unmapped (`MADV_DONTNEED` keeps guard markers and does not
//!   touch protections).
//! * A chunk is unmapped only when no [`CothreadStack`] of it is left (each
//!   holds an `Rc` of its chunk). A suspended cothread that is abandoned (see
//!   the `sched` module docs) leaks its coroutine and so its stack: its chunk
//!   stays mapped for the rest of the process, as something may still borrow
//!   from that stack.
//! * Memory is given back only for stacks in the pool: no coroutine lives
//!   on them.
//!
//! # Test-only knob
//!
//! The environment variable `COTHREAD_TEST_STACKS`, read once, lets tests
//! exercise the paths this kernel would not take: `mprotect` forces the
//! `mprotect` guard path, and `mprotect:N` also fails the guard install
//! after `N` `mprotect` guards with `ENOMEM`, as the kernel does when
//! `vm.max_map_count` is reached. It changes no system setting.

use std::cell::RefCell;
use std::io;
use std::rc::Rc;

use corosensei::stack::valgrind::ValgrindStackRegistration;
use corosensei::stack::{Stack, StackPointer, MIN_STACK_SIZE};

use super::sys;

/// Usable bytes of a cothread stack unless [`Builder::stack_size`] says
/// otherwise. Generous, because virtual size is nearly free here (only
/// touched pages cost memory, `MAP_NORESERVE` charges no swap): Rust code
/// formatting a panic with a backtrace, and libca calls, need tens of KiB.
///
/// [`Builder::stack_size`]: crate::Builder::stack_size
pub(crate) const DEFAULT_STACK_SIZE: usize = 256 * 1024;

/// Bytes of address space reserved per chunk (at least one slot).
const CHUNK_BYTES: usize = 64 * 1024 * 1024;

/// Idle stacks per size whose memory is kept for fast reuse.
pub(crate) const WARM_STACKS: usize = 64;

/// Longest time between two trims of the pool while the scheduler is busy.
pub(crate) const TRIM_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// One `MAP_NORESERVE` mapping of `slots` stack slots of `stride` bytes.
struct Chunk {
    addr: usize,
    len: usize,
    stride: usize,
    /// Guards of this chunk installed with `mprotect` (counted by `sys`).
    mprotect_guards: std::cell::Cell<usize>,
}

impl Chunk {
    fn map(stride: usize) -> io::Result<Rc<Chunk>> {
        let slots = (CHUNK_BYTES / stride).max(1);
        let len = slots * stride;
        let addr = sys::map_stack_region(len)?;
        sys::register_guard_range(addr, len, stride);
        Ok(Rc::new(Chunk {
            addr,
            len,
            stride,
            mprotect_guards: std::cell::Cell::new(0),
        }))
    }

    fn slots(&self) -> usize {
        self.len / self.stride
    }
}

impl Drop for Chunk {
    fn drop(&mut self) {
        sys::unregister_guard_range(self.addr);
        // SAFETY: no `CothreadStack` of this chunk is left (each holds an
        // `Rc` of it), so no coroutine runs on, and nothing borrows from,
        // any of its slots; the range is the one mapped in `Chunk::map`.
        unsafe { sys::unmap(self.addr, self.len) };
        sys::mprotect_guards_unmapped(self.mprotect_guards.get());
    }
}

/// A cothread's stack: one slot of a chunk, its guard page installed.
pub(crate) struct CothreadStack {
    /// Highest address (the stack grows down from here).
    base: usize,
    /// Lowest address of the slot: its guard page.
    limit: usize,
    /// Keeps the chunk mapped while this stack exists.
    _chunk: Rc<Chunk>,
    _valgrind: ValgrindStackRegistration,
}

impl CothreadStack {
    /// The usable range, above the guard page.
    fn usable(&self) -> (usize, usize) {
        let low = self.limit + sys::page_size();
        (low, self.base - low)
    }
}

// SAFETY: `base` and `limit` are page-aligned (so STACK_ALIGNMENT-aligned)
// bounds of a slot inside a live mapping (kept alive by `chunk`); the page
// at `limit` is a guard page (installed by `SizeClass::carve` before the
// stack was made) and the usable part above it is readable, writable and at
// least MIN_STACK_SIZE bytes (`StackPool::take` rounds sizes up). The
// bounds never change.
unsafe impl Stack for CothreadStack {
    #[inline]
    fn base(&self) -> StackPointer {
        StackPointer::new(self.base).expect("stack base is not null")
    }
    #[inline]
    fn limit(&self) -> StackPointer {
        StackPointer::new(self.limit).expect("stack limit is not null")
    }
}

/// The stacks of one size: idle ones, and the chunk new ones are cut from.
struct SizeClass {
    stride: usize,
    /// Idle stacks, coldest first: entries below `free.len() - warm` have
    /// had their memory given back.
    free: Vec<CothreadStack>,
    warm: usize,
    /// The chunk being cut, and its next uncut slot.
    chunk: Option<Rc<Chunk>>,
    next_slot: usize,
}

impl SizeClass {
    fn take(&mut self) -> io::Result<CothreadStack> {
        if let Some(stack) = self.free.pop() {
            self.warm = self.warm.saturating_sub(1);
            return Ok(stack);
        }
        self.carve()
    }

    /// Cuts a new stack from the current chunk, mapping a new one when it
    /// is used up.
    fn carve(&mut self) -> io::Result<CothreadStack> {
        let chunk = match &self.chunk {
            Some(c) if self.next_slot < c.slots() => c.clone(),
            _ => {
                let c = Chunk::map(self.stride)?;
                self.chunk = Some(c.clone());
                self.next_slot = 0;
                c
            }
        };
        let limit = chunk.addr + self.next_slot * self.stride;
        if sys::install_guard_page(limit)? {
            chunk.mprotect_guards.set(chunk.mprotect_guards.get() + 1);
        }
        // Only now: a slot whose guard failed is retried next time.
        self.next_slot += 1;
        let base = limit + self.stride;
        let page = sys::page_size();
        Ok(CothreadStack {
            base,
            limit,
            _chunk: chunk,
            _valgrind: ValgrindStackRegistration::new(
                (limit + page) as *mut u8,
                base - limit - page,
            ),
        })
    }

    fn give(&mut self, stack: CothreadStack) {
        self.free.push(stack);
        self.warm += 1;
    }

    /// Gives back the memory of idle stacks beyond the warm ones, merging
    /// neighbouring slots into one `madvise` call.
    fn trim(&mut self) {
        if self.warm <= WARM_STACKS {
            return;
        }
        let end = self.free.len() - WARM_STACKS;
        let start = self.free.len() - self.warm;
        let cold = &mut self.free[start..end];
        cold.sort_unstable_by_key(|s| s.limit);
        let mut run: Option<(usize, usize)> = None;
        for stack in cold.iter() {
            let (low, len) = stack.usable();
            run = match run {
                // Adjacent slots: extend the run over the guard page
                // between them (DONTNEED keeps guards; both are mapped).
                Some((r_low, r_end)) if r_end + sys::page_size() == low => Some((r_low, low + len)),
                Some((r_low, r_end)) => {
                    release(r_low, r_end);
                    Some((low, low + len))
                }
                None => Some((low, low + len)),
            };
        }
        if let Some((r_low, r_end)) = run {
            release(r_low, r_end);
        }
        self.warm = WARM_STACKS;
    }
}

fn release(low: usize, end: usize) {
    // SAFETY: [low, end) covers only idle pooled stacks (and the guard pages
    // between adjacent ones): no coroutine lives on them and nothing borrows
    // from them, so their contents may be discarded.
    unsafe { sys::discard(low, end - low) };
}

/// A scheduler's stacks: idle ones kept for reuse, per size.
#[derive(Default)]
pub(crate) struct StackPool {
    classes: RefCell<Vec<SizeClass>>,
}

impl StackPool {
    /// A stack with at least `size` usable bytes (0: the default size).
    pub(crate) fn take(&self, size: usize) -> io::Result<CothreadStack> {
        let page = sys::page_size();
        let size = if size == 0 { DEFAULT_STACK_SIZE } else { size };
        let usable = size
            .max(MIN_STACK_SIZE)
            .checked_next_multiple_of(page)
            .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        let stride = usable
            .checked_add(page)
            .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        let mut classes = self.classes.borrow_mut();
        let class = match classes.iter().position(|c| c.stride == stride) {
            Some(i) => &mut classes[i],
            None => {
                classes.push(SizeClass {
                    stride,
                    free: Vec::new(),
                    warm: 0,
                    chunk: None,
                    next_slot: 0,
                });
                classes.last_mut().expect("just pushed")
            }
        };
        class.take()
    }

    /// Takes back the stack of a finished cothread.
    pub(crate) fn give(&self, stack: CothreadStack) {
        let mut classes = self.classes.borrow_mut();
        let stride = stack.base - stack.limit;
        match classes.iter_mut().find(|c| c.stride == stride) {
            Some(class) => class.give(stack),
            None => drop(stack),
        }
    }

    /// Gives back the memory of idle stacks beyond the warm ones.
    pub(crate) fn trim(&self) {
        for class in self.classes.borrow_mut().iter_mut() {
            class.trim();
        }
    }

    /// Idle stacks in the pool, and how many of them are warm.
    #[cfg(test)]
    pub(crate) fn idle(&self) -> (usize, usize) {
        let classes = self.classes.borrow();
        (
            classes.iter().map(|c| c.free.len()).sum(),
            classes.iter().map(|c| c.warm).sum(),
        )
    }
}
