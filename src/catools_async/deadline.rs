//! Giving up on a request when a timer of the caller's executor fires, with
//! the cothread face's timeout errors: the futures of this face hold no
//! timer of their own.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The one thing [`WithTimeout`] needs of a future: what it stands for if
/// it stops waiting now (a request: the cothread face's timeout error; a
/// list: the results that are in, and those errors for the rest). Sealed:
/// implemented by this face's futures only.
pub trait GiveUp: sealed::Sealed + Future {
    /// Stops waiting and returns what is in.
    #[doc(hidden)]
    fn give_up(&mut self) -> Self::Output;
}

pub(super) mod sealed {
    pub trait Sealed {}
}

/// A request (or list of them) that gives up when its timer completes: see
/// [`GetFuture::with_timeout`](super::GetFuture::with_timeout) and
/// [`GetListFuture::with_timeout`](super::GetListFuture::with_timeout).
/// Dropping it (or its giving up) cancels what is still in flight.
#[must_use = "a catools_async future does nothing unless awaited; dropping it cancels it"]
pub struct WithTimeout<F, S> {
    future: F,
    timer: Pin<Box<S>>,
}

impl<F, S> WithTimeout<F, S> {
    pub(super) fn new(future: F, timer: S) -> WithTimeout<F, S> {
        WithTimeout {
            future,
            timer: Box::pin(timer),
        }
    }
}

impl<F: GiveUp + Unpin, S: Future> Future for WithTimeout<F, S> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        if let Poll::Ready(output) = Pin::new(&mut this.future).poll(cx) {
            return Poll::Ready(output);
        }
        match this.timer.as_mut().poll(cx) {
            Poll::Ready(_) => Poll::Ready(this.future.give_up()),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<F: std::fmt::Debug, S> std::fmt::Debug for WithTimeout<F, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WithTimeout")
            .field("future", &self.future)
            .finish_non_exhaustive()
    }
}
