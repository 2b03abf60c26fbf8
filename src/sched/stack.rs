//! Cothread stacks: guarded mmap'd stacks, their per-scheduler pool, and the
//! shared execution stack with copy-out/copy-in of the live part.
//!
//! Invariants:
//! * Every stack here has a `PROT_NONE` guard page below its limit,
//!   registered with the SIGSEGV reporter for as long as the stack lives.
//! * A [`SharedRef`] only lends the shared stack's address range to a
//!   corosensei coroutine. The scheduler guarantees that the bytes of a
//!   shared-stack coroutine are resident (copied in) whenever that coroutine
//!   is created, resumed, or dropped while unfinished (which never happens:
//!   unfinished coroutines are leaked, see the `sched` module docs).

use std::cell::Cell;
use std::io;
use std::rc::Rc;

use corosensei::stack::{DefaultStack, Stack, StackPointer};

use super::sys;

/// A guarded, mmap'd stack whose guard page is known to the fault reporter.
pub(crate) struct GuardedStack {
    inner: DefaultStack,
    size: usize,
}

impl GuardedStack {
    pub(crate) fn new(size: usize) -> io::Result<GuardedStack> {
        let inner = DefaultStack::new(size)?;
        sys::register_guard(inner.limit().get());
        Ok(GuardedStack { inner, size })
    }

    /// The usable size requested at creation (the pool's key).
    pub(crate) fn size(&self) -> usize {
        self.size
    }
}

impl Drop for GuardedStack {
    fn drop(&mut self) {
        sys::unregister_guard(self.inner.limit().get());
    }
}

// SAFETY: delegates to corosensei's `DefaultStack`, which has a guard page
// and at least MIN_STACK_SIZE usable bytes; the bounds never change.
unsafe impl Stack for GuardedStack {
    fn base(&self) -> StackPointer {
        self.inner.base()
    }
    fn limit(&self) -> StackPointer {
        self.inner.limit()
    }
}

/// The scheduler's shared execution stack.
pub(crate) struct SharedStack {
    stack: GuardedStack,
    /// Bytes below a suspension mark that are live too (the rest of the
    /// suspend frame and corosensei's switch record); see `calibrate`.
    margin: Cell<usize>,
}

/// Margin used until calibration, and the slack added to the measurement.
const DEFAULT_MARGIN: usize = 4096;
const MARGIN_SLACK: usize = 128;
/// Region near the base that calibration paints and scans.
const PROBE_LEN: usize = 16 * 1024;

impl SharedStack {
    pub(crate) fn new(size: usize) -> io::Result<Rc<SharedStack>> {
        Ok(Rc::new(SharedStack {
            stack: GuardedStack::new(size.max(2 * PROBE_LEN))?,
            margin: Cell::new(DEFAULT_MARGIN),
        }))
    }

    /// Paints the top `PROBE_LEN` bytes of the stack with a known pattern.
    /// Only while no coroutine's bytes are resident.
    pub(crate) fn paint_probe(&self, pattern: u64) {
        let low = self.base() - PROBE_LEN;
        // SAFETY: [low, base) is mapped, writable, 8-aligned (base is
        // page-aligned) and not in use: no coroutine bytes are resident.
        let words = unsafe { std::slice::from_raw_parts_mut(low as *mut u64, PROBE_LEN / 8) };
        words.fill(pattern);
    }

    /// Lowest address in the probe region no longer holding `pattern`.
    pub(crate) fn lowest_touched(&self, pattern: u64) -> usize {
        let low = self.base() - PROBE_LEN;
        // SAFETY: as in `paint_probe`; read-only, with no coroutine running.
        let words = unsafe { std::slice::from_raw_parts(low as *const u64, PROBE_LEN / 8) };
        let first = words
            .iter()
            .position(|&w| w != pattern)
            .unwrap_or(words.len());
        low + first * 8
    }

    /// Sets the margin from a measured distance between a suspension mark
    /// and the lowest byte written by the suspension.
    pub(crate) fn set_measured_margin(&self, below_mark: usize) {
        self.margin.set((below_mark + MARGIN_SLACK + 15) & !15);
    }

    #[cfg(test)]
    pub(crate) fn margin(&self) -> usize {
        self.margin.get()
    }

    fn base(&self) -> usize {
        self.stack.base().get()
    }

    /// Lowest readable address (just above the guard page).
    fn floor(&self) -> usize {
        self.stack.limit().get() + sys::page_size()
    }

    /// Copies the live part of the stack, from a little below `mark` (the
    /// suspended cothread's stack pointer, or an address inside its
    /// innermost frame: see `sched::stack_mark`) up to the base, into `buf`.
    pub(crate) fn save(&self, mark: usize, buf: &mut Vec<u8>) {
        let low = mark.saturating_sub(self.margin.get()).max(self.floor()) & !15;
        let len = self.base() - low;
        buf.clear();
        buf.reserve_exact(len);
        // SAFETY: [low, base) lies inside the mapped, readable part of the
        // shared stack (low >= floor), and no coroutine is running on it
        // while the scheduler copies (we are on the scheduler's own stack).
        let live = unsafe { std::slice::from_raw_parts(low as *const u8, len) };
        buf.extend_from_slice(live);
    }

    /// Copies a buffer produced by [`save`](Self::save) back to the same
    /// addresses, just below the base.
    pub(crate) fn restore(&self, buf: &[u8]) {
        let low = self.base() - buf.len();
        assert!(
            low >= self.floor(),
            "saved cothread stack larger than the shared stack"
        );
        // SAFETY: [low, base) is inside the mapped, writable part of the
        // shared stack (checked above); nothing runs on the shared stack
        // during the copy, and `buf` is a separate heap allocation.
        unsafe { std::ptr::copy_nonoverlapping(buf.as_ptr(), low as *mut u8, buf.len()) };
    }
}

/// A coroutine's view of the shared stack: its address range, nothing more.
#[derive(Clone)]
pub(crate) struct SharedRef(pub(crate) Rc<SharedStack>);

// SAFETY: the range is that of a live `GuardedStack` (kept alive by the Rc),
// which has a guard page and at least MIN_STACK_SIZE bytes. Sharing the range
// between coroutines is sound because the scheduler copies each coroutine's
// bytes in before running it and out before running another (module docs).
unsafe impl Stack for SharedRef {
    fn base(&self) -> StackPointer {
        self.0.stack.base()
    }
    fn limit(&self) -> StackPointer {
        self.0.stack.limit()
    }
}

/// Finished dedicated stacks kept for reuse, bounded so an idle scheduler
/// does not hoard mappings.
#[derive(Default)]
pub(crate) struct StackPool {
    free: Vec<GuardedStack>,
}

const POOL_LIMIT: usize = 64;

impl StackPool {
    pub(crate) fn take(&mut self, size: usize) -> io::Result<GuardedStack> {
        match self.free.iter().position(|s| s.size() == size) {
            Some(i) => Ok(self.free.swap_remove(i)),
            None => GuardedStack::new(size),
        }
    }

    pub(crate) fn give(&mut self, stack: GuardedStack) {
        if self.free.len() >= POOL_LIMIT {
            self.free.remove(0);
        }
        self.free.push(stack);
    }
}
