//! Reads (and puts with completion) of many connected channels at once
//! whose completions share one allocation: the fast path of a prepared
//! channel list ([`Channels`](crate::catools::Channels)), where a warm read
//! of 1,000 PVs should cost little more than libca's own 1,000 requests, of
//! a list read by name for the channels already connected when it is made
//! (at 10^5 names, most of a cold read's: they connect while the list
//! opens), and of a put with completion to a list of connected channels
//! ([`Batch::write`], whose reply is only [`Written`]).
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

use super::channel::{name_of, Channel};
use super::context::{attach, guarded};
use super::dbr::{self, EncodedPut, ReadPlan, ReadRequest};
use super::request::{read_reply, Reply};
use crate::ca_types::{CaError, DataType, Value};
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
        /// Releases the reads' count once `done` has run, also if it
        /// panicked (it may wake a user's `Waker`): the batch would
        /// otherwise never be freed, nor its channels' leases.
        struct Release<R: Reply>(*const Shared<R>);
        impl<R: Reply> Drop for Release<R> {
            fn drop(&mut self) {
                // SAFETY: this was the last pending read: release the count
                // that the reads in flight held (taken in `Batch::read`, an
                // `Arc` of this `Shared`). Nothing of the batch is touched
                // after.
                unsafe { Arc::decrement_strong_count(self.0) };
            }
        }
        let _release = Release(shared_ptr);
        (shared.done)();
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
        let planned = channels.iter().zip(requests).map(|(channel, request)| {
            attached.clone().and_then(|()| {
                let key = Some((channel.link(), request));
                if key != last || plans.is_empty() {
                    let native = key.and_then(|(link, _)| Channel::native_of(link));
                    let (native, element_count) = native.ok_or_else(|| {
                        CaError::new(&**channel.name(), sys::ECA_DISCONN, "ca_array_get_callback")
                    })?;
                    plans.push(dbr::plan_read(
                        channel.name(),
                        native,
                        element_count,
                        request,
                    )?);
                    last = key;
                }
                Ok(plans.len() as u32 - 1)
            })
        });
        let slots = Slots::new(planned);
        let batch = Batch::assemble(channels, slots, plans, context, done);
        batch.issue(channels, "ca_array_get_callback", |_, slot, channel| {
            let plan = &batch.shared.plans[slot.plan as usize];
            let slot: *const Slot<R> = slot;
            // SAFETY: the channel is live (the batch holds its lease); `slot`
            // stays valid until this read completes (the in-flight count),
            // and batch_trampoline::<R> takes it back as a Slot<R>.
            unsafe {
                sys::ca_array_get_callback(
                    plan.dbr_type,
                    plan.count as c_ulong,
                    channel.chid(),
                    Some(batch_trampoline::<R>),
                    slot.cast_mut().cast(),
                )
            }
        });
        batch
    }

    /// The batch's shared state, its slots as `slots` made them (those
    /// still `EMPTY` to be issued); `done` at once if none is.
    fn assemble(
        channels: &Arc<[Channel]>,
        slots: Slots<R>,
        plans: Vec<ReadPlan>,
        context: R::Context,
        done: impl Fn() + Send + Sync + 'static,
    ) -> Batch<R> {
        let Slots { mut slots, queued } = slots;
        let shared = Arc::new_cyclic(|this| {
            let this = this.as_ptr();
            for slot in &mut slots {
                slot.shared = this;
            }
            Shared {
                slots: slots.into_boxed_slice(),
                plans,
                context,
                pending: AtomicUsize::new(queued),
                done: Box::new(done),
                _leases: Arc::clone(channels),
            }
        });
        if queued == 0 {
            (shared.done)();
        }
        Batch { shared }
    }

    /// Hands each slot still `EMPTY` to `send` (with its index in the list
    /// and its channel), which queues its request at libca (`function`) and
    /// returns libca's status; a request libca refuses completes at once
    /// with that error.
    fn issue(
        &self,
        channels: &[Channel],
        function: &'static str,
        mut send: impl FnMut(usize, &Slot<R>, &Channel) -> std::ffi::c_int,
    ) {
        let shared = &self.shared;
        if shared.pending.load(Ordering::Relaxed) == 0 {
            return;
        }
        // The requests in flight hold one count, released by the last
        // completion.
        let in_flight = Arc::into_raw(Arc::clone(shared));
        for (index, (slot, channel)) in shared.slots.iter().zip(channels.iter()).enumerate() {
            if slot.state.load(Ordering::Relaxed) != EMPTY {
                continue; // failed before it was queued
            }
            let status = send(index, slot, channel);
            if status != sys::ECA_NORMAL {
                let err = CaError::new(&**channel.name(), status, function);
                // SAFETY: libca refused the request and will not call back
                // for it: this is its one completion.
                unsafe { complete(slot, Err(Box::new(err))) };
            }
        }
        // `in_flight` is released by the last completion, not here.
        let _: *const Shared<R> = in_flight;
    }

    /// Whether every read has completed.
    pub(crate) fn is_complete(&self) -> bool {
        self.shared.pending.load(Ordering::Acquire) == 0
    }

    /// Takes the results, in list order: `None` for a read that has not
    /// completed (its late result will be dropped and counted as a late
    /// reply, as will those of the slots left untaken when the batch drops).
    /// By `&mut self`, though a batch is `Sync`: two takers at once could
    /// both see a slot filled, and read its one result twice.
    pub(crate) fn results(&mut self) -> impl Iterator<Item = Option<BatchResult<R>>> + '_ {
        // Once every read has completed none can write any more: the slots
        // are read without a compare-and-swap each.
        let complete = self.is_complete();
        self.shared.slots.iter().map(move |slot| {
            if complete {
                take_done(slot)
            } else {
                take_slot(slot)
            }
        })
    }
}

/// A batch's slots before its shared state exists (their back pointers
/// are set by [`Batch::assemble`]), and how many are to be issued.
struct Slots<R: Reply> {
    slots: Vec<Slot<R>>,
    queued: usize,
}

impl<R: Reply> Slots<R> {
    /// A slot per entry: `Ok(plan)` to be issued with that read plan,
    /// `Err` completed at once with its error.
    fn new(planned: impl Iterator<Item = Result<u32, CaError>>) -> Slots<R> {
        let mut queued = 0;
        let slots = planned
            .map(|planned| {
                let (plan, state, result) = match planned {
                    Ok(plan) => {
                        queued += 1;
                        (plan, EMPTY, MaybeUninit::uninit())
                    }
                    Err(err) => (0, FILLED, MaybeUninit::new(Err(Box::new(err)))),
                };
                Slot {
                    shared: std::ptr::null(),
                    plan,
                    state: AtomicU8::new(state),
                    result: UnsafeCell::new(result),
                }
            })
            .collect();
        Slots { slots, queued }
    }
}

/// What a put of a batch delivers: only that it completed (its error is
/// the slot's `Err`). As a [`Reply`] to a read, the data would be dropped.
pub(crate) struct Written;

impl Reply for Written {
    type Context = ();
    fn decode((): (), _: &ReadPlan, _: sys::chtype, _: usize, _: &[u8]) -> Written {
        Written
    }
}

impl Batch<Written> {
    /// Queues a put with completion (`ca_array_put_callback`) of each of
    /// `values` to its channel of `channels`, as its [`DataType`]; `done`
    /// runs once, on whichever thread completes the last one (at once, on
    /// this thread, if none could be queued). A put whose value does not
    /// fit its channel, or that cannot be queued (not connected, ...),
    /// completes at once with its error.
    pub(crate) fn write<'v>(
        channels: &Arc<[Channel]>,
        values: impl IntoIterator<Item = (&'v Value, DataType)>,
        done: impl Fn() + Send + Sync + 'static,
    ) -> Batch<Written> {
        let attached = attach();
        let mut payloads: Vec<Option<EncodedPut>> = Vec::with_capacity(channels.len());
        let planned = channels
            .iter()
            .zip(values)
            .map(|(channel, (value, datatype))| {
                let encoded = attached.clone().and_then(|()| {
                    let (_, element_count) = channel.connected_native("ca_array_put_callback")?;
                    dbr::encode_put(channel.name(), value, datatype, element_count)
                });
                match encoded {
                    Ok(payload) => {
                        payloads.push(Some(payload));
                        Ok(0)
                    }
                    Err(err) => {
                        payloads.push(None);
                        Err(err)
                    }
                }
            });
        let slots = Slots::new(planned);
        let batch = Batch::assemble(channels, slots, Vec::new(), (), done);
        batch.issue(channels, "ca_array_put_callback", |index, slot, channel| {
            let payload = payloads[index]
                .as_ref()
                .expect("a queued put has its payload");
            let slot: *const Slot<Written> = slot;
            // SAFETY: the channel is live (the batch holds its lease); libca
            // copies `count` elements of `dbr_type` out of the payload
            // (sized for exactly that) during the call; `slot` stays valid
            // until this put completes (the in-flight count), and
            // put_batch_trampoline takes it back as a Slot<Written>.
            unsafe {
                sys::ca_array_put_callback(
                    payload.dbr_type,
                    payload.count as c_ulong,
                    channel.chid(),
                    payload.as_ptr(),
                    Some(put_batch_trampoline),
                    slot.cast_mut().cast(),
                )
            }
        });
        batch
    }
}

unsafe extern "C" fn put_batch_trampoline(args: sys::event_handler_args) {
    guarded("put callback", || {
        let slot = args.usr.cast::<Slot<Written>>().cast_const();
        let result = if args.status == sys::ECA_NORMAL {
            Ok(Written)
        } else {
            // SAFETY: libca passes the put's channel, one made by
            // Channel::open.
            let name = unsafe { name_of(args.chid) };
            Err(Box::new(CaError::new(name, args.status, "put callback")))
        };
        // SAFETY: usr is a slot of a batch whose put libca is completing now
        // (the in-flight count keeps it alive), and libca calls each put
        // callback once: this is its one completion.
        unsafe { complete(slot, result) };
    });
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

/// [`take_slot`] of a batch whose every read has completed: `pending` was
/// seen at zero with Acquire, which makes every completion's writes visible
/// (each stored its result before its decrement of `pending`), and no
/// completion is left to run, so a plain load and store of the state do.
fn take_done<R: Reply>(slot: &Slot<R>) -> Option<BatchResult<R>> {
    if slot.state.load(Ordering::Relaxed) != FILLED {
        return None;
    }
    slot.state.store(TAKEN, Ordering::Relaxed);
    // SAFETY: FILLED, with every completion's write visible (above), means
    // the cell holds a result; moving to TAKEN makes this its one read (the
    // one taker, `results` holding the batch by `&mut`, takes each slot
    // once).
    Some(unsafe { (*slot.result.get()).assume_init_read() })
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
                // one read of the cell (the one taker, `results` holding the
                // batch by `&mut`, takes each slot once).
                return Some(unsafe { (*slot.result.get()).assume_init_read() });
            }
            // A completion is writing its result this very moment.
            Err(WRITING) => std::thread::yield_now(),
            Err(_) => return None,
        }
    }
}
