//! Many PVs read in parallel as one future: [`GetListFuture`] (the values,
//! or the first error in list order) and [`GetEachFuture`] (each PV's own
//! result), the async face of [`Get::get_list`] and [`Get::get_each`].
//!
//! Invariants:
//! - A list whose channels are all connected at its first poll is read as
//!   one batch (`ConnectedRead`, the cothread face's warm read): one
//!   allocation for the whole list, one flush, one wake-up when the last
//!   reply is in, whatever the list's length.
//! - Otherwise each PV is a [`Request`] of its own (as `caget_with`), and
//!   every poll polls the ones still pending: each waits for its own
//!   connection, and the requests that one poll issues go out in one flush.
//! - Dropping the future cancels every read still in flight: a batch's
//!   late replies are dropped on libca's thread, and so are a request's.
//! - As for the other futures of this face, the options' timeout does not
//!   apply: a PV that no server answers keeps the list pending.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use super::deadline::{sealed, GiveUp, WithTimeout};
use super::request::{mark_queued, send_queued, GetOp, Request};
use crate::ca::Channel;
use crate::catools::handoff::TaskSlot;
use crate::catools::{
    CaError, ConnectedRead, EachResult, FirstError, FromReading, Get, TakeResults,
};

/// A read of many PVs: how far it has got.
enum Stage<T: FromReading> {
    /// Not polled yet: each PV's channel, or why it could not be opened.
    Start(Vec<Result<Channel, CaError>>),
    /// Every channel was connected: one batch, and the slot its last
    /// completion fills (and wakes the task through).
    Batch {
        channels: Arc<[Channel]>,
        read: ConnectedRead<T>,
        done: TaskSlot<()>,
    },
    /// A request per PV (`None` once its result is in `results`).
    Each {
        requests: Vec<Option<Request<GetOp<T>>>>,
        results: Vec<Option<Result<T, CaError>>>,
        pending: usize,
    },
    /// The output was returned.
    Done,
}

/// The state machine of both list futures; `U` makes the output.
struct ListRead<T: FromReading, U> {
    options: Get,
    /// How many PVs the list has.
    len: usize,
    stage: Stage<T>,
    _take: PhantomData<fn() -> U>,
}

impl<T: FromReading, U: TakeResults<T> + Default> ListRead<T, U> {
    fn new<S: AsRef<str>>(options: &Get, pvs: &[S]) -> ListRead<T, U> {
        let names: Vec<&str> = pvs.iter().map(AsRef::as_ref).collect();
        ListRead {
            options: *options,
            len: names.len(),
            stage: Stage::Start(Channel::open_each(&names)),
            _take: PhantomData,
        }
    }

    /// Starts the reads: one batch if every channel is connected, else a
    /// request per PV.
    fn start(&mut self, opened: Vec<Result<Channel, CaError>>) {
        let connected =
            |opened: &Result<Channel, CaError>| opened.as_ref().is_ok_and(Channel::is_connected);
        let opened = if opened.iter().all(connected) {
            let channels: Arc<[Channel]> = opened.into_iter().flatten().collect();
            let done = TaskSlot::new();
            let filled = done.clone();
            match ConnectedRead::<T>::issue(&self.options, &channels, move || filled.fill(())) {
                Some(read) => {
                    mark_queued();
                    self.stage = Stage::Batch {
                        channels,
                        read,
                        done,
                    };
                    return;
                }
                // A channel disconnected meanwhile: each PV on its own.
                None => channels.iter().cloned().map(Ok).collect(),
            }
        } else {
            opened
        };
        // A name that could not be opened has its error now.
        let mut pending = 0;
        let (requests, results) = opened
            .into_iter()
            .map(|opened| match opened {
                Ok(channel) => {
                    pending += 1;
                    let operation = GetOp::new(&self.options, channel.name());
                    (Some(Request::on(channel, operation)), None)
                }
                Err(err) => (None, Some(Err(err))),
            })
            .unzip();
        self.stage = Stage::Each {
            requests,
            results,
            pending,
        };
    }

    fn poll_read(&mut self, cx: &mut Context<'_>) -> Poll<U::Output> {
        if let Stage::Start(_) = self.stage {
            let Stage::Start(opened) = std::mem::replace(&mut self.stage, Stage::Done) else {
                unreachable!("matched above")
            };
            self.start(opened);
        }
        send_queued();
        match &mut self.stage {
            Stage::Batch {
                channels,
                read,
                done,
            } => {
                if done.take_reply(cx.waker()).is_none() {
                    return Poll::Pending;
                }
                let output = read.take(channels, U::default());
                self.stage = Stage::Done;
                Poll::Ready(output)
            }
            Stage::Each {
                requests,
                results,
                pending,
            } => {
                for (request, result) in requests.iter_mut().zip(results.iter_mut()) {
                    let Some(future) = request else { continue };
                    if let Poll::Ready(output) = Pin::new(future).poll(cx) {
                        *result = Some(output);
                        *request = None;
                        *pending -= 1;
                    }
                }
                if *pending > 0 {
                    return Poll::Pending;
                }
                let results = std::mem::take(results);
                self.stage = Stage::Done;
                Poll::Ready(
                    U::default().take(
                        results
                            .into_iter()
                            .map(|result| result.expect("every request completed")),
                    ),
                )
            }
            Stage::Start(_) => unreachable!("started above"),
            Stage::Done => panic!("a catools_async future was polled after it completed"),
        }
    }

    /// Stops waiting: each PV's result if it is in, the cothread face's
    /// timeout error otherwise (`NotFound` for a PV that no server
    /// answered); reads still in flight are cancelled.
    fn give_up(&mut self) -> U::Output {
        let stage = std::mem::replace(&mut self.stage, Stage::Done);
        match stage {
            Stage::Start(opened) => U::default().take(opened.into_iter().map(|opened| {
                Err(match opened {
                    Ok(channel) => channel.timeout_error(),
                    Err(err) => err,
                })
            })),
            Stage::Batch {
                channels,
                mut read,
                done,
            } => {
                done.abandon();
                read.take(&channels, U::default())
            }
            Stage::Each {
                requests, results, ..
            } => U::default().take(requests.into_iter().zip(results).map(
                |(request, result)| match (result, request) {
                    (Some(result), _) => result,
                    (None, Some(request)) => Err(request.pending_error()),
                    (None, None) => unreachable!("a request until its result is in"),
                },
            )),
            Stage::Done => panic!("a catools_async future was polled after it completed"),
        }
    }
}

impl<T: FromReading, U> Drop for ListRead<T, U> {
    fn drop(&mut self) {
        // A batch's reads went out in the poll that issued them; its slot
        // stops taking wake-ups. (Requests cancel themselves.)
        if let Stage::Batch { done, .. } = &self.stage {
            done.abandon();
        }
    }
}

/// Defines a public future around a [`ListRead`].
macro_rules! list_future {
    ($(#[$doc:meta])* $name:ident, $take:ty, $output:ty) => {
        $(#[$doc])*
        #[must_use = "a catools_async future does nothing unless awaited; dropping it cancels it"]
        pub struct $name<T: FromReading> {
            read: ListRead<T, $take>,
        }

        impl<T: FromReading> $name<T> {
            pub(super) fn new<S: AsRef<str>>(options: &Get, pvs: &[S]) -> $name<T> {
                $name {
                    read: ListRead::new(options, pvs),
                }
            }

            /// Gives up when `timer` completes (any executor's sleep, e.g.
            /// `tokio::time::sleep(duration)`): the PVs whose results are
            /// in keep them, the others get the cothread face's timeout
            /// error ([`ErrorKind::NotFound`] for a PV that no server
            /// answered, [`ErrorKind::Timeout`] otherwise), as a list read
            /// of the cothread face does at its timeout.
            ///
            /// [`ErrorKind::NotFound`]: crate::catools::ErrorKind::NotFound
            /// [`ErrorKind::Timeout`]: crate::catools::ErrorKind::Timeout
            pub fn with_timeout<S: Future>(self, timer: S) -> WithTimeout<Self, S> {
                WithTimeout::new(self, timer)
            }
        }

        impl<T: FromReading> sealed::Sealed for $name<T> {}

        impl<T: FromReading> GiveUp for $name<T> {
            fn give_up(&mut self) -> $output {
                self.read.give_up()
            }
        }

        // Nothing of it is pinned in place: the reads' state lives on the
        // heap (a batch's) or in requests that are themselves `Unpin`.
        impl<T: FromReading> Unpin for $name<T> {}

        impl<T: FromReading> Future for $name<T> {
            type Output = $output;

            fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
                self.get_mut().read.poll_read(cx)
            }
        }

        impl<T: FromReading> std::fmt::Debug for $name<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("pvs", &self.read.len)
                    .finish_non_exhaustive()
            }
        }
    };
}

list_future!(
    /// A read of many PVs in flight: [`caget_list`](super::caget_list) /
    /// [`caget_list_with`](super::caget_list_with). Resolves to the values
    /// in list order, or the first failure in list order, as
    /// [`Get::get_list`].
    GetListFuture,
    FirstError,
    Result<Vec<T>, CaError>
);

list_future!(
    /// A read of many PVs in flight, each with its own result:
    /// [`caget_each_with`](super::caget_each_with), as [`Get::get_each`].
    GetEachFuture,
    EachResult,
    Vec<Result<T, CaError>>
);
