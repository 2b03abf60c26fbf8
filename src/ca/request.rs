//! Requests on a connected channel: get, put, put with completion, and
//! subscriptions, each completing through a Rust closure that libca calls
//! back on its own thread.
//!
//! Ownership of callback state (each also holds a [`Channel`] handle, the
//! lease that keeps the channel from being cleared while libca may still
//! call back for it):
//! - get and put-callback: the closure (with everything it needs) is boxed
//!   and given to libca by `Box::into_raw`; the trampoline takes it back with
//!   `Box::from_raw` and runs it exactly once. libca calls every such
//!   callback once, also on disconnect (with `ECA_DISCONN`). A caller that
//!   stops waiting just drops its receiving end: the closure owns all it
//!   touches, so a late callback finds nothing dangling.
//! - subscriptions: the boxed state is owned by the [`EventSubscription`] and
//!   freed only after `ca_clear_subscription` has returned, after which libca
//!   makes no further call with it.
//!
//! Requests are queued, not sent: the caller (the scheduler, once per cycle)
//! sends them with [`flush_io`](super::flush_io).

use std::cell::Cell;
use std::ffi::{c_long, c_ulong};

use libca_sys as sys;

use super::channel::{name_of, Channel};
use super::context::{attach, guarded};
use super::dbr::{self, ReadPlan, ReadRequest};
use crate::ca_types::{
    Augmented, CaError, CompactReading, ConvertOnArrival, DataType, EventMask, TypeMismatch, Value,
};

/// What a read's callback receives: the whole reading (an [`Augmented`]
/// value with its metadata), only its [`Value`], for a reader that keeps no
/// metadata (nothing of `Meta` is then built on libca's thread), or the
/// value already [`Converted`] to the reader's type.
///
/// No `'static` bound, so that `Converted<T>` is a reply for a reader's `T`
/// whatever its bounds; yet a reply may outlive its reader (a late one is
/// dropped on libca's thread), so every reply *value* must be of a
/// `'static` type: the others here are, and a `Converted<T>` is made only
/// for a `T` that is.
pub(crate) trait Reply: Sized + Send {
    /// What decoding takes besides libca's buffer: the same for every read of
    /// a batch.
    type Context: Copy + Send + Sync;
    /// Reads libca's buffer for `plan` (see [`dbr::decode`]).
    fn decode(
        context: Self::Context,
        plan: &ReadPlan,
        dbr_type: sys::chtype,
        count: usize,
        buffer: &[u8],
    ) -> Self;
}

impl Reply for Augmented<Value> {
    type Context = ();
    fn decode((): (), plan: &ReadPlan, dbr_type: sys::chtype, count: usize, buffer: &[u8]) -> Self {
        dbr::decode(plan, dbr_type, count, buffer)
    }
}

impl Reply for CompactReading {
    type Context = ();
    fn decode((): (), plan: &ReadPlan, dbr_type: sys::chtype, count: usize, buffer: &[u8]) -> Self {
        dbr::decode_reading(plan, dbr_type, count, buffer)
    }
}

impl Reply for Value {
    type Context = ();
    fn decode((): (), plan: &ReadPlan, dbr_type: sys::chtype, count: usize, buffer: &[u8]) -> Self {
        dbr::decode_value(plan, dbr_type, count, buffer)
    }
}

/// A reply's value converted to the reader's `T` on libca's thread, as it
/// arrives, by the reader's [`ConvertOnArrival`]: the conversion's result,
/// or why the value did not fit `T`.
pub(crate) struct Converted<T>(Result<T, TypeMismatch>);

// SAFETY: a `Converted<T>` is made only by its `decode` (the field is private
// to this module), which needs a `ConvertOnArrival<T>`; that exists only for
// a `T` that is `Send + 'static` (its one constructor's bounds). So every
// `Converted<T>` there is holds a `T` that may move to another thread.
unsafe impl<T> Send for Converted<T> {}

impl<T> Converted<T> {
    /// The converted value, or why it did not fit.
    pub(crate) fn into_result(self) -> Result<T, TypeMismatch> {
        self.0
    }
}

impl<T> Reply for Converted<T> {
    type Context = ConvertOnArrival<T>;
    fn decode(
        convert: ConvertOnArrival<T>,
        plan: &ReadPlan,
        dbr_type: sys::chtype,
        count: usize,
        buffer: &[u8],
    ) -> Self {
        Converted(convert.convert(dbr::decode_value(plan, dbr_type, count, buffer)))
    }
}

impl Channel {
    /// The native type and element count, or ECA_DISCONN.
    pub(super) fn connected_native(
        &self,
        call: &'static str,
    ) -> Result<(crate::ca_types::FieldType, usize), CaError> {
        self.native()
            .ok_or_else(|| CaError::new(&**self.name(), sys::ECA_DISCONN, call))
    }

    /// Queues a read (`ca_array_get_callback`); `done` runs on libca's thread
    /// with the decoded value. On `Err` the request was not queued and
    /// `done` is dropped uncalled.
    #[cfg(test)]
    pub(crate) fn get<F>(&self, request: ReadRequest, done: F) -> Result<(), CaError>
    where
        F: FnOnce(Result<Augmented<Value>, CaError>) + Send + 'static,
    {
        self.queue_get(request, done).map_err(|(err, _)| err)
    }

    /// Reads the channel (`ca_array_get_callback`) and calls `done` exactly
    /// once: on libca's thread with the decoded reply (an [`Augmented`]
    /// reading, or only its [`Value`]), or at once, on this thread, with the
    /// error if the request could not be queued.
    pub(crate) fn read<R, F>(&self, request: ReadRequest, done: F)
    where
        R: Reply<Context = ()>,
        F: FnOnce(Result<R, CaError>) + Send + 'static,
    {
        if let Err((err, done)) = self.queue_get(request, done) {
            done(Err(err));
        }
    }

    /// Queues a read; on `Err` nothing was queued and `done` comes back
    /// uncalled with the reason.
    fn queue_get<R, F>(&self, request: ReadRequest, done: F) -> Result<(), (CaError, F)>
    where
        R: Reply<Context = ()>,
        F: FnOnce(Result<R, CaError>) + Send + 'static,
    {
        let plan = match self
            .connected_native("ca_array_get_callback")
            .and_then(|(native, element_count)| {
                dbr::plan_read(self.name(), native, element_count, request)
            })
            .and_then(|plan| attach().map(|()| plan))
        {
            Ok(plan) => plan,
            Err(err) => return Err((err, done)),
        };
        let (dbr_type, count) = (plan.dbr_type, plan.count as c_ulong);
        let pending = Box::into_raw(Box::new(PendingGet {
            plan,
            done,
            _lease: self.clone(),
        }));
        // SAFETY: the channel is live; `pending` is reclaimed exactly once:
        // by get_trampoline::<R, F> (libca calls it once), or below on failure.
        let status = unsafe {
            sys::ca_array_get_callback(
                dbr_type,
                count,
                self.chid(),
                Some(get_trampoline::<R, F>),
                pending.cast(),
            )
        };
        if status != sys::ECA_NORMAL {
            // SAFETY: libca refused the request and holds no copy of `pending`.
            let pending = unsafe { Box::from_raw(pending) };
            let err = CaError::new(&**self.name(), status, "ca_array_get_callback");
            return Err((err, pending.done));
        }
        Ok(())
    }

    /// Queues a put without completion (`ca_array_put`). The server's verdict
    /// is never known: use [`put_callback`](Self::put_callback) to learn it.
    pub(crate) fn put(&self, value: &Value, datatype: DataType) -> Result<(), CaError> {
        let (_, element_count) = self.connected_native("ca_array_put")?;
        let encoded = dbr::encode_put(self.name(), value, datatype, element_count)?;
        attach()?;
        // SAFETY: the channel is live; libca copies `count` elements of
        // `dbr_type` out of `encoded` (sized for exactly that) during the call.
        let status = unsafe {
            sys::ca_array_put(
                encoded.dbr_type,
                encoded.count as c_ulong,
                self.chid(),
                encoded.as_ptr(),
            )
        };
        if status != sys::ECA_NORMAL {
            return Err(CaError::new(&**self.name(), status, "ca_array_put"));
        }
        Ok(())
    }

    /// Queues a put with completion (`ca_array_put_callback`): `done` runs on
    /// libca's thread when the server has finished processing (or failed).
    /// On `Err` nothing was queued and `done` is dropped uncalled.
    pub(crate) fn put_callback<F>(
        &self,
        value: &Value,
        datatype: DataType,
        done: F,
    ) -> Result<(), CaError>
    where
        F: FnOnce(Result<(), CaError>) + Send + 'static,
    {
        self.queue_put(value, datatype, done)
            .map_err(|(err, _)| err)
    }

    /// Puts with completion, as [`put_callback`](Self::put_callback), and
    /// calls `done` exactly once: on libca's thread with the server's
    /// verdict, or at once, on this thread, with the error if the put could
    /// not be queued.
    pub(crate) fn put_then<F>(&self, value: &Value, datatype: DataType, done: F)
    where
        F: FnOnce(Result<(), CaError>) + Send + 'static,
    {
        if let Err((err, done)) = self.queue_put(value, datatype, done) {
            done(Err(err));
        }
    }

    /// Queues a put with completion; on `Err` nothing was queued and `done`
    /// comes back uncalled with the reason.
    fn queue_put<F>(&self, value: &Value, datatype: DataType, done: F) -> Result<(), (CaError, F)>
    where
        F: FnOnce(Result<(), CaError>) + Send + 'static,
    {
        let encoded = match self
            .connected_native("ca_array_put_callback")
            .and_then(|(_, element_count)| {
                dbr::encode_put(self.name(), value, datatype, element_count)
            })
            .and_then(|encoded| attach().map(|()| encoded))
        {
            Ok(encoded) => encoded,
            Err(err) => return Err((err, done)),
        };
        let pending = Box::into_raw(Box::new(PendingPut {
            done,
            _lease: self.clone(),
        }));
        // SAFETY: as in `put` for the payload; `pending` is reclaimed exactly
        // once, by put_trampoline::<F> or below on failure.
        let status = unsafe {
            sys::ca_array_put_callback(
                encoded.dbr_type,
                encoded.count as c_ulong,
                self.chid(),
                encoded.as_ptr(),
                Some(put_trampoline::<F>),
                pending.cast(),
            )
        };
        if status != sys::ECA_NORMAL {
            // SAFETY: libca refused the request and holds no copy of `pending`.
            let pending = unsafe { Box::from_raw(pending) };
            let err = CaError::new(&**self.name(), status, "ca_array_put_callback");
            return Err((err, pending.done));
        }
        Ok(())
    }

    /// Starts a subscription (`ca_create_subscription`) on a connected
    /// channel: `update` runs on libca's thread for each update, first with
    /// the current value, and keeps running across reconnections until the
    /// [`EventSubscription`] is dropped. The element type and count are fixed
    /// from the channel as it is now.
    ///
    /// Without read access libca would accept the subscription and never
    /// call back; this refuses it instead (ECA_NORDACCESS), so the caller can
    /// report it, and subscribe again on a
    /// [`ChannelEvent::AccessRights`](super::ChannelEvent::AccessRights) that
    /// grants reading.
    #[cfg(test)]
    pub(crate) fn subscribe<F>(
        &self,
        request: ReadRequest,
        events: EventMask,
        update: F,
    ) -> Result<EventSubscription, CaError>
    where
        F: FnMut(Result<Augmented<Value>, CaError>) + Send + 'static,
    {
        let name = std::sync::Arc::clone(self.name());
        let update = parking_lot::Mutex::new(update);
        self.subscribe_readings(request, events, move |reading| {
            (update.lock())(
                reading
                    .map(|reading| reading.into_augmented(std::sync::Arc::clone(&name), 1))
                    .map_err(|err| *err),
            )
        })
    }

    /// [`subscribe`](Self::subscribe), with each update as a compact
    /// [`CompactReading`] (what crosses to the subscriber's thread) or a boxed error.
    ///
    /// `update` is an `Fn` (and `Sync`): libca may call it from any of its
    /// threads, and it is called through a shared reference, without a lock
    /// of its own (every caller's closure only pushes to something that has
    /// one already, and a second lock per update is what a C client does
    /// not pay).
    pub(crate) fn subscribe_readings<F>(
        &self,
        request: ReadRequest,
        events: EventMask,
        update: F,
    ) -> Result<EventSubscription, CaError>
    where
        F: Fn(Result<CompactReading, Box<CaError>>) + Send + Sync + 'static,
    {
        if !events.is_valid() {
            return Err(CaError::new(&**self.name(), sys::ECA_BADMASK, "ca_create_subscription").with_detail(
                format!("event mask {:#x}: give at least one of DBE_VALUE, DBE_LOG, DBE_ALARM, DBE_PROPERTY", events.bits()),
            ));
        }
        let (native, element_count) = self.connected_native("ca_create_subscription")?;
        if !self.access().0 {
            return Err(CaError::new(
                &**self.name(),
                sys::ECA_NORDACCESS,
                "ca_create_subscription",
            ));
        }
        let plan = dbr::plan_subscription(self.name(), native, element_count, request)?;
        attach()?;
        let (dbr_type, count) = (plan.dbr_type, plan.count as c_ulong);
        // One allocation for the plan and the closure, which the trampoline
        // (made for this `F`) and the header's `free` know the type of.
        let user = Box::into_raw(Box::new(SubscriptionState {
            header: StateHeader {
                free: free_state::<F>,
            },
            plan,
            update,
        }));
        let mut evid: sys::evid = std::ptr::null_mut();
        // SAFETY: the channel is live; `user` stays allocated until the
        // EventSubscription's drop has run ca_clear_subscription (or is
        // reclaimed below if libca refuses); evid receives the id.
        let status = unsafe {
            sys::ca_create_subscription(
                dbr_type,
                count,
                self.chid(),
                events.bits() as c_long,
                Some(subscription_trampoline::<F>),
                user.cast(),
                &mut evid,
            )
        };
        if status != sys::ECA_NORMAL {
            // SAFETY: libca refused the subscription and holds no copy of `user`.
            drop(unsafe { Box::from_raw(user) });
            return Err(CaError::new(
                &**self.name(),
                status,
                "ca_create_subscription",
            ));
        }
        Ok(EventSubscription {
            evid,
            state: user.cast::<StateHeader>(),
            _lease: self.clone(),
        })
    }
}

struct PendingGet<F> {
    plan: ReadPlan,
    done: F,
    _lease: Channel,
}

struct PendingPut<F> {
    done: F,
    _lease: Channel,
}

/// What a subscription's callback uses: the plan and the update closure, in
/// one allocation. `repr(C)`, so that a pointer to it is also one to its
/// header, all the [`EventSubscription`] keeps (not a fat pointer: it is
/// stored in every subscription).
#[repr(C)]
struct SubscriptionState<F> {
    header: StateHeader,
    plan: ReadPlan,
    update: F,
}

/// The first field of every `SubscriptionState<F>`, whatever its `F`.
struct StateHeader {
    /// Frees the `SubscriptionState<F>` that begins with this header.
    free: unsafe fn(*mut StateHeader),
}

/// Frees a `SubscriptionState<F>` by a pointer to its header.
///
/// # Safety
/// `header` must be the header of a `SubscriptionState<F>` made by
/// `Box::into_raw` (and cast), which nothing uses any more.
unsafe fn free_state<F>(header: *mut StateHeader) {
    // SAFETY: the caller's promise; the header is at offset 0 of the
    // `repr(C)` state, and the pointer keeps the whole Box's provenance.
    drop(unsafe { Box::from_raw(header.cast::<SubscriptionState<F>>()) });
}

/// A live libca subscription (`ca_create_subscription`'s event id and the
/// state its callback uses); dropping it ends the updates. The public
/// `catools::Subscription` owns one.
pub(crate) struct EventSubscription {
    evid: sys::evid,
    state: *mut StateHeader,
    /// Keeps the channel (and so `evid`) from being cleared.
    _lease: Channel,
}

// SAFETY: the evid may be cleared from any thread attached to the context
// (attach() is called first), and the state it points to is Send and Sync
// (its closure is both, which `subscribe_readings` requires).
unsafe impl Send for EventSubscription {}

thread_local! {
    /// The subscription whose update closure runs on this thread, if any.
    static IN_UPDATE: Cell<*const ()> = const { Cell::new(std::ptr::null()) };
}

/// Marks a subscription's closure as running on this thread until dropped
/// (also when the closure panics).
struct UpdateMarker {
    previous: *const (),
}

impl UpdateMarker {
    fn enter(state: *const ()) -> UpdateMarker {
        UpdateMarker {
            previous: IN_UPDATE.with(|current| current.replace(state)),
        }
    }
}

impl Drop for UpdateMarker {
    fn drop(&mut self) {
        IN_UPDATE.with(|current| current.set(self.previous));
    }
}

impl Drop for EventSubscription {
    /// Clears the subscription; only once libca has returned (and so will
    /// not call again) is the closure freed. Dropping a subscription inside
    /// its own update closure clears it but leaks the closure, which is
    /// still running.
    fn drop(&mut self) {
        if attach().is_err() {
            // Without the context nothing can be cleared: leak rather than free
            // what libca may still call.
            return;
        }
        // SAFETY: evid came from a successful ca_create_subscription and is
        // cleared only here, once.
        let status = unsafe { sys::ca_clear_subscription(self.evid) };
        let running_here = IN_UPDATE.with(Cell::get) == self.state.cast_const().cast::<()>();
        if status == sys::ECA_NORMAL && !running_here {
            // SAFETY: libca has returned from ca_clear_subscription, after
            // which it makes no more calls with this pointer, and none is
            // running on this thread; `state` is the header of the
            // Box::into_raw of `subscribe_readings`, whose `free` is made for
            // its `F`.
            unsafe { ((*self.state).free)(self.state) };
        }
    }
}

/// Copies libca's DBR buffer, valid only during the callback, into owned
/// data, or the error that the callback reports.
///
/// # Safety
/// `args` must be the arguments of a libca get or subscription callback that
/// is running now (so `args.dbr`, when not NULL, points at a buffer of
/// `args.type_` with `args.count` elements).
#[inline]
pub(super) unsafe fn read_reply<R: Reply>(
    context: R::Context,
    plan: &ReadPlan,
    args: &sys::event_handler_args,
) -> Result<R, Box<CaError>> {
    // SAFETY: libca passes the request's channel, one made by Channel::open.
    let name = || unsafe { name_of(args.chid) };
    if args.status != sys::ECA_NORMAL {
        return Err(Box::new(CaError::new(name(), args.status, "get callback")));
    }
    let count = usize::try_from(args.count).unwrap_or(0);
    let size = plan
        .reply_size(args.type_, count)
        .ok_or_else(|| Box::new(CaError::new(name(), sys::ECA_BADTYPE, "get callback")))?;
    if args.dbr.is_null() {
        // libca may pass no buffer for an empty array: decode a zeroed header.
        return Ok(R::decode(context, plan, args.type_, 0, &vec![0; size]));
    }
    // SAFETY: the caller promises a live buffer of args.type_ with args.count
    // elements, which is `size` bytes as libca lays it out; it is read only
    // within this call.
    let buffer = unsafe { std::slice::from_raw_parts(args.dbr.cast::<u8>(), size) };
    Ok(R::decode(context, plan, args.type_, count, buffer))
}

unsafe extern "C" fn get_trampoline<R, F>(args: sys::event_handler_args)
where
    R: Reply<Context = ()>,
    F: FnOnce(Result<R, CaError>) + Send + 'static,
{
    guarded("get callback", || {
        // SAFETY: usr is the Box::into_raw of `Channel::queue_get`, handed to
        // this trampoline with its own R and F; libca calls it once, so this
        // is the one reclaim.
        let pending = unsafe { Box::from_raw(args.usr.cast::<PendingGet<F>>()) };
        // SAFETY: this is a running get callback.
        let result = unsafe { read_reply::<R>((), &pending.plan, &args) }.map_err(|err| *err);
        (pending.done)(result);
    });
}

unsafe extern "C" fn put_trampoline<F>(args: sys::event_handler_args)
where
    F: FnOnce(Result<(), CaError>) + Send + 'static,
{
    guarded("put callback", || {
        // SAFETY: usr is the Box::into_raw of `Channel::put_callback` with
        // this F; libca calls it once.
        let pending = unsafe { Box::from_raw(args.usr.cast::<PendingPut<F>>()) };
        let result = if args.status == sys::ECA_NORMAL {
            Ok(())
        } else {
            // SAFETY: libca passes the put's channel, made by Channel::open.
            Err(CaError::new(
                unsafe { name_of(args.chid) },
                args.status,
                "put callback",
            ))
        };
        (pending.done)(result);
    });
}

unsafe extern "C" fn subscription_trampoline<F>(args: sys::event_handler_args)
where
    F: Fn(Result<CompactReading, Box<CaError>>) + Send + Sync + 'static,
{
    guarded("subscription callback", || {
        let state = args.usr.cast::<SubscriptionState<F>>().cast_const();
        // SAFETY: usr is the SubscriptionState<F> owned by a live
        // EventSubscription, made by `subscribe_readings` with this F: it is
        // freed only after ca_clear_subscription returns, and libca does not
        // call after that.
        let state = unsafe { &*state };
        // SAFETY: this is a running subscription callback.
        let result = unsafe { read_reply::<CompactReading>((), &state.plan, &args) };
        let _running = UpdateMarker::enter(std::ptr::from_ref(state).cast::<()>());
        (state.update)(result);
    });
}
