//! Reads of many connected channels at once whose completions share one
//! allocation: the fast path of a prepared channel list
//! ([`Channels`](crate::catools::Channels)), where a warm read of 1,000 PVs
//! should cost little more than libca's own 1,000 requests, and of a list
//! read by name for the channels already connected when it is made (at
//! 10^5 names, most of a cold read's: they connect while the list opens).
//!
//! A plain read (`Channel::read`) boxes its closure and clones its channel
//! handle per request; a [`Batch`] makes one allocation for the whole list,
//! holds the list's channel handles (leases) once, and hands libca a pointer
//! to each request's [`Slot`] inside it.
//!
//! Invariants:
//! - A batch is one `Arc<Shared<R>>`. The reads queued at libca together hold
//!   one strong count of it, taken before the first is queued and released
//!   by the completion that brings `pending` to zero (after calling `done`).
//!   libca calls each get callback exactly once (also on disconnect), and a
//!   read that libca refuses is completed at once by the issuer: so the
//!   allocation, and every slot libca was given, outlives every callback.
//! - The batch's leases live in `Shared`, so no channel of the list is
//!   cleared while a read of it may still call back.
//! - A slot's `state` goes `EMPTY -> WRITING -> FILLED` (its one completion)
//!   and then `FILLED -> TAKEN` (the owner), or `EMPTY -> ABANDONED` (the
//!   owner stopped waiting; a completion that then finds `ABANDONED` drops
//!   its result and counts a late reply). The result cell is written only in
//!   `WRITING`, by the completion that moved it there, and read only in
//!   `FILLED`, by the owner (or by the drop of the last count).
//! - A slot's `plan` is written before the `Arc` is shared and never after.

use std::cell::UnsafeCell;
use std::ffi::c_ulong;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;

use libca_sys as sys;

use super::channel::Channel;
use super::context::{attach, guarded};
use super::dbr::{self, ReadPlan, ReadRequest};
use super::request::{read_reply, Reply};
use crate::ca_types::CaError;
use crate::diagnostics;

const EMPTY: u8 = 0;
const WRITING: u8 = 1;
const FILLED: u8 = 2;
const TAKEN: u8 = 3;
const ABANDONED: u8 = 4;

/// What a read delivers: the decoded reply, or its (rare, so boxed) error.
pub(crate) type BatchResult<R> = Result<R, Box<CaError>>;

/// One read of the batch: what libca's callback gets as its user pointer.
struct Slot<R: Reply> {
    /// The batch this slot is part of (the `Arc`'s data).
    shared: *const Shared<R>,
    /// How to decode the reply: an index into `Shared::plans`.
    plan: u32,
    state: AtomicU8,
    result: UnsafeCell<MaybeUninit<BatchResult<R>>>,
}

struct Shared<R: Reply> {
    slots: Box<[Slot<R>]>,
    /// The distinct read plans of the list (most lists need one).
    plans: Vec<ReadPlan>,
    /// What each reply's decoding takes besides its buffer.
    context: R::Context,
    /// Reads queued at libca whose completion has not run yet.
    pending: AtomicUsize,
    /// Called once, by the completion that brings `pending` to zero.
    done: Box<dyn Fn() + Send + Sync>,
    /// The channel handles that keep the list's channels open.
    _leases: Arc<[Channel]>,
}

// SAFETY: a `Shared` is only reached through its `Arc` and the slot pointers
// given to libca. The result cells are accessed under the state protocol of
// the module invariants (one writer in WRITING, one reader in FILLED, each
// hand-over through a Release store / Acquire load), so sharing them is
// sound when the results themselves may move between threads (`R: Send`,
// which `Reply` requires); the decoding context is `Send + Sync` (`Reply`
// again); the slot's back pointer only ever points at this same `Shared`.
// Everything else is immutable after construction or atomic.
unsafe impl<R: Reply> Send for Shared<R> {}
// SAFETY: as for Send.
unsafe impl<R: Reply> Sync for Shared<R> {}

impl<R: Reply> Drop for Shared<R> {
    fn drop(&mut self) {
        for slot in self.slots.iter_mut() {
            if *slot.state.get_mut() == FILLED {
                // SAFETY: FILLED means the cell holds a result nobody took;
                // `&mut self` means nobody else can reach it.
                unsafe { slot.result.get_mut().assume_init_drop() };
            }
        }
    }
}

/// Stores `result` in `slot` and, if it is the batch's last pending read,
/// calls `done` and releases the in-flight count.
///
/// # Safety
/// `slot` must be a slot of a live batch whose read was counted in `pending`
/// and has not completed yet (each read completes exactly once).
unsafe fn complete<R: Reply>(slot: *const Slot<R>, result: BatchResult<R>) {
    // SAFETY: the caller's promise: the in-flight count keeps the batch (and
    // so the slot) alive until this completion has decremented `pending`.
    let slot = unsafe { &*slot };
    if slot
        .state
        .compare_exchange(EMPTY, WRITING, Ordering::Acquire, Ordering::Relaxed)
        .is_ok()
    {
        // SAFETY: WRITING gives this completion the cell alone (invariants).
        unsafe { (*slot.result.get()).write(result) };
        slot.state.store(FILLED, Ordering::Release);
    } else {
        // The owner has stopped waiting (ABANDONED).
        drop(result);
        diagnostics::count_late_reply();
    }
    let shared_ptr = slot.shared;
    // SAFETY: as above; `slot` is not used after the decrement below.
    let shared = unsafe { &*shared_ptr };
    if shared.pending.fetch_sub(1, Ordering::AcqRel) == 1 {
        (shared.done)();
        // SAFETY: this was the last pending read: release the count that
        // the reads in flight held (taken in `Batch::read`, an `Arc` of this
        // `Shared`). Nothing of the batch is touched after.
        unsafe { Arc::decrement_strong_count(shared_ptr) };
    }
}

/// libca's get callback for a batch read.
unsafe extern "C" fn batch_trampoline<R: Reply>(args: sys::event_handler_args) {
    guarded("get callback", || {
        let slot = args.usr.cast::<Slot<R>>().cast_const();
        // SAFETY: usr is a slot of a batch whose read libca is completing
        // now; the in-flight count keeps it (and its batch) alive (module
        // invariants).
        let (slot_ref, shared) = unsafe { (&*slot, &*(*slot).shared) };
        let plan = &shared.plans[slot_ref.plan as usize];
        // SAFETY: this is a running get callback.
        let result = unsafe { read_reply::<R>(shared.context, plan, &args) };
        // SAFETY: libca calls each get callback once: this is the read's one
        // completion.
        unsafe { complete(slot, result) };
    });
}

/// Reads of a list of channels, each decoded as `R`, awaited together.
pub(crate) struct Batch<R: Reply> {
    shared: Arc<Shared<R>>,
}

impl<R: Reply> Batch<R> {
    /// Queues a read (`ca_array_get_callback`) of each of `channels` as
    /// `requests` says, each reply decoded with `context`; `done` runs once,
    /// on whichever thread completes the last one (at once, on this thread,
    /// if none could be queued). A read that cannot be planned or queued (the
    /// channel is not connected, ...) completes at once with its error.
    pub(crate) fn read(
        channels: &Arc<[Channel]>,
        requests: impl IntoIterator<Item = ReadRequest>,
        context: R::Context,
        done: impl Fn() + Send + Sync + 'static,
    ) -> Batch<R> {
        let attached = attach();
        let mut plans: Vec<ReadPlan> = Vec::new();
        // The last distinct plan's inputs: a list mostly repeats one.
        let mut last: Option<(u64, ReadRequest)> = None;
        let mut queued = 0;
        let shared = Arc::new_cyclic(|this| {
            let this = this.as_ptr();
            let slots = channels
                .iter()
                .zip(requests)
                .map(|(channel, request)| {
                    let plan = attached.clone().and_then(|()| {
                        let key = Some((channel.link(), request));
                        if key != last || plans.is_empty() {
                            let native = key.and_then(|(link, _)| Channel::native_of(link));
                            let (native, element_count) = native.ok_or_else(|| {
                                CaError::new(
                                    &**channel.name(),
                                    sys::ECA_DISCONN,
                                    "ca_array_get_callback",
                                )
                            })?;
                            plans.push(dbr::plan_read(
                                channel.name(),
                                native,
                                element_count,
                                request,
                            )?);
                            last = key;
                        }
                        Ok(plans.len() - 1)
                    });
                    let (plan, state, result) = match plan {
                        Ok(plan) => {
                            queued += 1;
                            (plan as u32, EMPTY, MaybeUninit::uninit())
                        }
                        Err(err) => (0, FILLED, MaybeUninit::new(Err(Box::new(err)))),
                    };
                    Slot {
                        shared: this,
                        plan,
                        state: AtomicU8::new(state),
                        result: UnsafeCell::new(result),
                    }
                })
                .collect();
            Shared {
                slots,
                plans: std::mem::take(&mut plans),
                context,
                pending: AtomicUsize::new(0),
                done: Box::new(done),
                _leases: Arc::clone(channels),
            }
        });
        shared.pending.store(queued, Ordering::Relaxed);
        if queued == 0 {
            (shared.done)();
            return Batch { shared };
        }
        // The reads in flight hold one count, released by the last completion.
        let in_flight = Arc::into_raw(Arc::clone(&shared));
        for (slot, channel) in shared.slots.iter().zip(channels.iter()) {
            if slot.state.load(Ordering::Relaxed) != EMPTY {
                continue; // failed before it was queued
            }
            let plan = &shared.plans[slot.plan as usize];
            let slot: *const Slot<R> = slot;
            // SAFETY: the channel is live (the batch holds its lease); `slot`
            // stays valid until this read completes (the in-flight count),
            // and batch_trampoline::<R> takes it back as a Slot<R>.
            let status = unsafe {
                sys::ca_array_get_callback(
                    plan.dbr_type,
                    plan.count as c_ulong,
                    channel.chid(),
                    Some(batch_trampoline::<R>),
                    slot.cast_mut().cast(),
                )
            };
            if status != sys::ECA_NORMAL {
                let err = CaError::new(&**channel.name(), status, "ca_array_get_callback");
                // SAFETY: libca refused the read and will not call back for
                // it: this is its one completion.
                unsafe { complete(slot, Err(Box::new(err))) };
            }
        }
        // `in_flight` is released by the last completion, not here.
        let _: *const Shared<R> = in_flight;
        Batch { shared }
    }

    /// Whether every read has completed.
    pub(crate) fn is_complete(&self) -> bool {
        self.shared.pending.load(Ordering::Acquire) == 0
    }

    /// Takes the results, in list order: `None` for a read that has not
    /// completed (its late result will be dropped and counted as a late
    /// reply, as will those of the slots left untaken when the batch drops).
    pub(crate) fn results(&self) -> impl Iterator<Item = Option<BatchResult<R>>> + '_ {
        self.shared.slots.iter().map(take_slot)
    }
}

impl<R: Reply> Drop for Batch<R> {
    /// The owner stops waiting: every read still pending is abandoned.
    fn drop(&mut self) {
        if self.shared.pending.load(Ordering::Acquire) == 0 {
            return;
        }
        for slot in self.shared.slots.iter() {
            let _ =
                slot.state
                    .compare_exchange(EMPTY, ABANDONED, Ordering::Relaxed, Ordering::Relaxed);
        }
    }
}

/// The owner's side of a slot: its result if filled, else abandons it.
fn take_slot<R: Reply>(slot: &Slot<R>) -> Option<BatchResult<R>> {
    loop {
        match slot
            .state
            .compare_exchange(EMPTY, ABANDONED, Ordering::Acquire, Ordering::Acquire)
        {
            Ok(_) => return None,
            Err(FILLED) => {
                slot.state.store(TAKEN, Ordering::Relaxed);
                // SAFETY: FILLED (seen with Acquire) means the completion's
                // write is visible and done; moving to TAKEN makes this the
                // one read of the cell (the owner takes each slot once).
                return Some(unsafe { (*slot.result.get()).assume_init_read() });
            }
            // A completion is writing its result this very moment.
            Err(WRITING) => std::thread::yield_now(),
            Err(_) => return None,
        }
    }
}
