//! Cothread synchronisation: [`Event`], [`Pulse`], [`EventQueue`],
//! [`ThreadedEventQueue`], [`RLock`] and [`wait_for_all`].
//!
//! Everything here except [`ThreadedEventQueue`] is bound to the thread that
//! created it (`!Send`): it is shared between cothreads of one scheduler by
//! cloning the handle. All waits are built on the scheduler's FIFO
//! `WaitQueue`, so waiters are woken strictly in the order they waited.
#![forbid(unsafe_code)]

mod event;
mod queue;
mod rlock;
mod threaded;

pub use event::{Event, Pulse};
pub use queue::{EventQueue, Iter};
pub use rlock::{RLock, RLockGuard};
pub use threaded::ThreadedEventQueue;

use crate::error::Error;
use crate::timeout::Timeout;

/// Something that can be waited on with a timeout; see [`wait_for_all`].
pub trait Waitable {
    /// What a successful wait returns.
    type Output;
    /// Waits until ready or `timeout` (a suspension point unless ready).
    fn wait_timeout(&self, timeout: Timeout) -> Result<Self::Output, Error>;
}

/// Waits for every item in turn, sharing one overall `timeout`, and returns
/// their results in order; the first error (e.g. [`Error::Timedout`]) is
/// returned at once.
pub fn wait_for_all<'a, W: Waitable + 'a>(
    items: impl IntoIterator<Item = &'a W>,
    timeout: impl Into<Timeout>,
) -> Result<Vec<W::Output>, Error> {
    let timeout = timeout.into();
    items.into_iter().map(|w| w.wait_timeout(timeout)).collect()
}

impl<T: Clone> Waitable for Event<T> {
    type Output = T;
    fn wait_timeout(&self, timeout: Timeout) -> Result<T, Error> {
        self.wait(timeout)
    }
}

impl<T> Waitable for EventQueue<T> {
    type Output = T;
    fn wait_timeout(&self, timeout: Timeout) -> Result<T, Error> {
        self.wait(timeout)
    }
}

impl<T> Waitable for crate::JoinHandle<T> {
    type Output = T;
    fn wait_timeout(&self, timeout: Timeout) -> Result<T, Error> {
        self.wait(timeout)
    }
}
