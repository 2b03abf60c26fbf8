//! One request on one PV as a [`Future`]: open (or find) the channel, wait
//! for its connection, issue the operation, await its reply; and the four
//! operations (`caget`, `caput`, `connect`, `cainfo`) with their public
//! futures.
//!
//! Invariants:
//! - Everything that calls libca runs where the future is made (opening or
//!   finding the channel, which starts the search for a new name) or
//!   polled (issuing, flushing), on the caller's thread; libca's threads
//!   only fill the [`TaskSlot`] and wake. So no libca request is ever made from
//!   a libca callback, and a future that is never polled issues nothing.
//! - A request holds its [`Channel`] handle from its making until it is
//!   dropped: the channel is not cleared as idle while it waits.
//! - Dropping a request at any stage cancels it: a pending connection wait
//!   is removed from the channel, the slot is abandoned (a late reply is
//!   dropped on libca's thread, quietly), and the waker is released.
//! - libca queues requests until `ca_flush_io`. An issued request is sent
//!   by the next poll of any request in the process: it sets [`UNSENT`],
//!   wakes its own task and returns pending; whichever request is polled
//!   next takes the flag and flushes. Executors poll every woken task
//!   after the current round, so the requests that one round issues (a
//!   join of 1,000 gets) go out in one flush, and a single request costs
//!   one extra poll. A request dropped before that poll flushes in `drop`,
//!   so nothing stays queued for want of a poll.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use crate::ca::{self, CallbackId, Channel, ReadRequest};
use crate::ca_types::CompactReading;
use crate::catools::handoff::TaskSlot;
use crate::catools::{
    convert_reading, convert_value, CaError, ChannelInfo, Connect, DataType, FromReading, Get, Put,
    Value,
};

/// Set (after queuing) by every request that libca has not sent yet;
/// taken by the flush that sends them all.
static UNSENT: AtomicBool = AtomicBool::new(false);

/// Notes that a request was queued in libca: the next [`send_queued`]
/// sends it.
pub(super) fn mark_queued() {
    UNSENT.store(true, Ordering::Release);
}

/// Sends every request queued in libca, if any was queued since the last
/// time.
pub(super) fn send_queued() {
    // Most polls find nothing to send: read before writing the shared line.
    if UNSENT.load(Ordering::Acquire) && UNSENT.swap(false, Ordering::AcqRel) {
        if let Err(err) = ca::flush_io() {
            crate::diagnostics::report(crate::diagnostics::Diagnostic::FlushFailed(err));
        }
    }
}

/// What a request does once its channel is connected.
pub(super) trait Operation: Unpin {
    /// What libca's callback hands over.
    type Reply: Send + 'static;
    /// What the future gives.
    type Output;
    /// Whether to wait for the connection before [`issue`](Self::issue).
    fn needs_connection(&self) -> bool {
        true
    }
    /// Whether [`issue`](Self::issue) queues a request in libca.
    fn queues(&self) -> bool {
        true
    }
    /// Starts the operation on the channel; `slot` must be filled, now or
    /// from libca's thread, exactly once.
    fn issue(&mut self, channel: &Channel, slot: TaskSlot<Result<Self::Reply, CaError>>);
    /// Makes the output of the reply.
    fn finish(&mut self, channel: &Channel, reply: Self::Reply) -> Result<Self::Output, CaError>;
}

enum Stage {
    /// Not polled yet: the channel, or why it could not be opened.
    Start(Result<Channel, CaError>),
    /// Waiting for the channel to connect (`wait`: the registered wait, if
    /// the channel was not connected when it was made).
    Connecting {
        channel: Channel,
        wait: Option<CallbackId>,
    },
    /// The operation is issued; waiting for it to be sent (`sent`: a poll
    /// since issuing has flushed, or found it flushed) and for its reply.
    Issued { channel: Channel, sent: bool },
    /// The output was returned.
    Done,
}

/// The state machine shared by the four futures.
pub(super) struct Request<O: Operation> {
    name: Arc<str>,
    operation: O,
    slot: TaskSlot<Result<O::Reply, CaError>>,
    stage: Stage,
}

impl<O: Operation> Request<O> {
    /// The request for `operation` on `name`, whose channel it opens (or
    /// finds) now.
    pub(super) fn new(name: &str, operation: O) -> Request<O> {
        let opened = Channel::open(name);
        Request {
            name: match &opened {
                Ok(channel) => Arc::clone(channel.name()),
                Err(_) => Arc::from(name),
            },
            operation,
            slot: TaskSlot::new(),
            stage: Stage::Start(opened),
        }
    }

    /// The request for `operation` on an open `channel`.
    pub(super) fn on(channel: Channel, operation: O) -> Request<O> {
        Request {
            name: Arc::clone(channel.name()),
            operation,
            slot: TaskSlot::new(),
            stage: Stage::Start(Ok(channel)),
        }
    }

    /// Another handle of the request's slot, for tests that count them.
    #[cfg(test)]
    pub(super) fn slot(&self) -> TaskSlot<Result<O::Reply, CaError>> {
        self.slot.clone()
    }

    /// The error this request stands for while it is still pending: the
    /// connection's timeout error (`NotFound` when no server ever answered)
    /// before the operation was issued, the operation's after.
    pub(super) fn pending_error(&self) -> CaError {
        match &self.stage {
            Stage::Connecting { channel, .. } | Stage::Start(Ok(channel)) => {
                channel.timeout_error()
            }
            Stage::Start(Err(err)) => err.clone(),
            Stage::Issued { .. } | Stage::Done => CaError::completion_timeout(&*self.name),
        }
    }

    /// Issues the operation on the connected (or, if it needs none, any)
    /// channel; the next poll sends it.
    fn issue(&mut self, channel: Channel) {
        self.operation.issue(&channel, self.slot.clone());
        let queued = self.operation.queues();
        if queued {
            mark_queued();
        }
        self.stage = Stage::Issued {
            channel,
            sent: !queued,
        };
    }
}

impl<O: Operation> Future for Request<O> {
    type Output = Result<O::Output, CaError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        loop {
            match &mut this.stage {
                Stage::Start(_) => {
                    let Stage::Start(opened) = std::mem::replace(&mut this.stage, Stage::Done)
                    else {
                        unreachable!("matched above")
                    };
                    let channel = match opened {
                        Ok(channel) => channel,
                        Err(err) => return Poll::Ready(Err(err)),
                    };
                    if !this.operation.needs_connection() || channel.is_connected() {
                        this.issue(channel);
                        continue;
                    }
                    let slot = this.slot.clone();
                    let wait = channel.on_connect(Box::new(move |result| slot.connected(result)));
                    this.stage = Stage::Connecting { channel, wait };
                }
                Stage::Connecting { channel, wait } => {
                    match this.slot.take_connected(cx.waker()) {
                        None => return Poll::Pending,
                        Some(Err(err)) => {
                            this.stage = Stage::Done;
                            return Poll::Ready(Err(err));
                        }
                        Some(Ok(())) => {
                            // The wait has run: nothing to cancel any more.
                            *wait = None;
                            let channel = channel.clone();
                            this.issue(channel);
                        }
                    }
                }
                Stage::Issued { channel, sent } => {
                    if !*sent {
                        // Let the rest of this round issue theirs first.
                        *sent = true;
                        cx.waker().wake_by_ref();
                        return Poll::Pending;
                    }
                    send_queued();
                    let Some(reply) = this.slot.take_reply(cx.waker()) else {
                        return Poll::Pending;
                    };
                    let channel = channel.clone();
                    this.stage = Stage::Done;
                    return Poll::Ready(
                        reply.and_then(|reply| this.operation.finish(&channel, reply)),
                    );
                }
                Stage::Done => panic!("a catools_async future was polled after it completed"),
            }
        }
    }
}

impl<O: Operation> Drop for Request<O> {
    fn drop(&mut self) {
        match &self.stage {
            Stage::Connecting {
                channel,
                wait: Some(wait),
            } => {
                channel.cancel_wait(*wait);
            }
            // Perhaps not sent yet (`sent` is set on the poll that issues,
            // before anything is flushed): send it, so that it goes now and
            // not whenever something else flushes, and its reply comes and
            // frees what libca holds for it (the reply is then discarded).
            // Cheap when nothing is queued.
            Stage::Issued { .. } => send_queued(),
            _ => {}
        }
        self.slot.abandon();
    }
}

/// A read's reply: the whole reading, or the value alone for a type that
/// keeps no metadata (as the cothread face decodes it).
pub(super) enum Decoded {
    Reading(CompactReading),
    Value(Value),
}

/// `caget` of a `T`.
pub(super) struct GetOp<T> {
    request: ReadRequest,
    _type: PhantomData<fn() -> T>,
}

impl<T: FromReading> GetOp<T> {
    pub(super) fn new(options: &Get, pv: &str) -> GetOp<T> {
        GetOp {
            request: options.request_for::<T>()(pv),
            _type: PhantomData,
        }
    }
}

impl<T: FromReading> Operation for GetOp<T> {
    type Reply = Decoded;
    type Output = T;

    fn issue(&mut self, channel: &Channel, slot: TaskSlot<Result<Decoded, CaError>>) {
        if T::keeps_meta() {
            channel.read(
                self.request,
                move |reading: Result<CompactReading, CaError>| {
                    slot.fill(reading.map(Decoded::Reading));
                },
            );
        } else {
            channel.read(self.request, move |value: Result<Value, CaError>| {
                slot.fill(value.map(Decoded::Value));
            });
        }
    }

    fn finish(&mut self, channel: &Channel, reply: Decoded) -> Result<T, CaError> {
        match reply {
            Decoded::Reading(reading) => convert_reading(channel.name(), reading, 1),
            Decoded::Value(value) => convert_value(channel.name(), value),
        }
    }
}

/// `caput` of one value.
pub(super) struct PutOp {
    value: Value,
    datatype: DataType,
    wait: bool,
}

impl PutOp {
    pub(super) fn new(options: &Put, pv: &str, value: Value) -> PutOp {
        PutOp {
            value,
            datatype: options.datatype_for(pv),
            wait: options.waits(),
        }
    }
}

impl Operation for PutOp {
    type Reply = ();
    type Output = ();

    fn issue(&mut self, channel: &Channel, slot: TaskSlot<Result<(), CaError>>) {
        if self.wait {
            channel.put_then(&self.value, self.datatype, move |result| slot.fill(result));
        } else {
            slot.fill(channel.put(&self.value, self.datatype));
        }
    }

    fn finish(&mut self, _: &Channel, (): ()) -> Result<(), CaError> {
        Ok(())
    }
}

/// `connect`, or `cainfo` (`info`): the connection, and then the channel's
/// description.
pub(super) struct ConnectOp<T> {
    wait: bool,
    _output: PhantomData<fn() -> T>,
}

impl<T> ConnectOp<T> {
    pub(super) fn new(options: &Connect) -> ConnectOp<T> {
        ConnectOp {
            wait: options.waits(),
            _output: PhantomData,
        }
    }
}

/// What a connection request gives.
pub(super) trait Described: Sized {
    fn describe(channel: &Channel) -> Self;
}

impl Described for () {
    fn describe(_: &Channel) {}
}

impl Described for ChannelInfo {
    fn describe(channel: &Channel) -> ChannelInfo {
        channel.info()
    }
}

impl<T: Described> Operation for ConnectOp<T> {
    type Reply = ();
    type Output = T;

    fn needs_connection(&self) -> bool {
        self.wait
    }

    fn queues(&self) -> bool {
        false
    }

    fn issue(&mut self, _: &Channel, slot: TaskSlot<Result<(), CaError>>) {
        slot.fill(Ok(()));
    }

    fn finish(&mut self, channel: &Channel, (): ()) -> Result<T, CaError> {
        Ok(T::describe(channel))
    }
}

/// Defines a public future around a [`Request`].
macro_rules! request_future {
    ($(#[$doc:meta])* $name:ident $(<$t:ident: $bound:path>)?, $operation:ty, $output:ty) => {
        $(#[$doc])*
        #[must_use = "a catools_async future does nothing unless awaited; dropping it cancels it"]
        pub struct $name $(<$t: $bound>)? {
            pub(super) request: Request<$operation>,
        }

        impl $(<$t: $bound>)? Future for $name $(<$t>)? {
            type Output = Result<$output, CaError>;

            fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
                Pin::new(&mut self.get_mut().request).poll(cx)
            }
        }

        impl $(<$t: $bound>)? $name $(<$t>)? {
            /// Gives up when `timer` completes (any executor's sleep, e.g.
            /// `tokio::time::sleep(duration)`), with the error the
            /// cothread face gives at its timeout: [`ErrorKind::NotFound`]
            /// for a PV that no server answered,
            /// [`ErrorKind::Timeout`] otherwise.
            ///
            /// [`ErrorKind::NotFound`]: crate::catools::ErrorKind::NotFound
            /// [`ErrorKind::Timeout`]: crate::catools::ErrorKind::Timeout
            pub fn with_timeout<S: Future>(self, timer: S) -> super::WithTimeout<Self, S> {
                super::WithTimeout::new(self, timer)
            }
        }

        impl $(<$t: $bound>)? super::deadline::sealed::Sealed for $name $(<$t>)? {}

        impl $(<$t: $bound>)? super::GiveUp for $name $(<$t>)? {
            fn give_up(&mut self) -> Self::Output {
                Err(self.request.pending_error())
            }
        }

        impl $(<$t: $bound>)? std::fmt::Debug for $name $(<$t>)? {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("pv", &&*self.request.name)
                    .finish_non_exhaustive()
            }
        }
    };
}

request_future!(
    /// A read in flight: [`caget`](super::caget) /
    /// [`caget_with`](super::caget_with). Resolves to the value, or the
    /// same [`CaError`] the cothread face gives.
    GetFuture<T: FromReading>,
    GetOp<T>,
    T
);

request_future!(
    /// A write in flight: [`caput`](super::caput) /
    /// [`caput_with`](super::caput_with). Without [`Put::wait`] it resolves
    /// once the put is sent; with it, once the server has processed it.
    PutFuture,
    PutOp,
    ()
);

request_future!(
    /// A connection in flight: [`connect`](super::connect) /
    /// [`connect_with`](super::connect_with).
    ConnectFuture,
    ConnectOp<()>,
    ()
);

request_future!(
    /// A connection and description in flight: [`cainfo`](super::cainfo) /
    /// [`cainfo_with`](super::cainfo_with).
    InfoFuture,
    ConnectOp<ChannelInfo>,
    ChannelInfo
);
