//! The hand-off from libca's callback threads to a task: one request's
//! connection and reply land in a shared [`TaskSlot`], and the task's stored
//! [`Waker`] is woken.
//!
//! Invariants:
//! - A `TaskSlot` is shared by one future (its owner, which polls and drops it,
//!   on any executor thread) and the closures given to libca (connection
//!   wait, reply), each of which may run on any libca thread. Its mutex is
//!   held for a store or a take and nothing else: never while waking, and
//!   never while dropping a reply (which may be a large array).
//! - Once the owner has [abandoned](TaskSlot::abandon) the slot (its future was
//!   dropped), whatever arrives later is dropped at once, uncounted and
//!   unstored, and wakes nobody: the slot keeps no waker after that.
//! - A wake happens at most once per stored waker (it is taken out to
//!   wake), so a burst of arrivals costs one wake.

use std::sync::Arc;
use std::task::Waker;

use parking_lot::Mutex;

use crate::ca_types::CaError;

struct State<R> {
    /// The channel's connection, once libca has reported it.
    connected: Option<Result<(), CaError>>,
    reply: Option<R>,
    waker: Option<Waker>,
    abandoned: bool,
}

/// One request's meeting point with libca's threads. Cheap to clone (the
/// owner keeps one handle, each libca closure another).
pub(crate) struct TaskSlot<R> {
    state: Arc<Mutex<State<R>>>,
}

impl<R> Clone for TaskSlot<R> {
    fn clone(&self) -> Self {
        TaskSlot {
            state: Arc::clone(&self.state),
        }
    }
}

impl<R: Send + 'static> TaskSlot<R> {
    pub(crate) fn new() -> TaskSlot<R> {
        TaskSlot {
            state: Arc::new(Mutex::new(State {
                connected: None,
                reply: None,
                waker: None,
                abandoned: false,
            })),
        }
    }

    /// Records the channel's connection (from libca's connection callback)
    /// and wakes the owner.
    pub(crate) fn connected(&self, result: Result<(), CaError>) {
        self.store_and_wake(|state| state.connected = Some(result));
    }

    /// Stores the reply (from libca's reply callback) and wakes the owner;
    /// a reply for an abandoned slot is dropped here, quietly.
    pub(crate) fn fill(&self, reply: R) {
        self.store_and_wake(|state| state.reply = Some(reply));
    }

    /// Runs `store` on the state and wakes the owner, unless the owner has
    /// abandoned the slot. `store` (with what it carries) is dropped only
    /// after the lock is released, whatever happens: it is a parameter,
    /// dropped after this function's locals.
    fn store_and_wake(&self, store: impl FnOnce(&mut State<R>)) {
        let mut state = self.state.lock();
        if state.abandoned {
            return;
        }
        store(&mut state);
        let waker = state.waker.take();
        drop(state);
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// The connection, if it has been reported; otherwise keeps `waker` to
    /// wake when it is.
    pub(crate) fn take_connected(&self, waker: &Waker) -> Option<Result<(), CaError>> {
        let mut state = self.state.lock();
        let connected = state.connected.take();
        if connected.is_none() {
            store(&mut state.waker, waker);
        }
        connected
    }

    /// The reply, if it is in; otherwise keeps `waker` to wake when it is.
    pub(crate) fn take_reply(&self, waker: &Waker) -> Option<R> {
        let mut state = self.state.lock();
        let reply = state.reply.take();
        if reply.is_none() {
            store(&mut state.waker, waker);
        }
        reply
    }

    /// The owner gives up: later arrivals are dropped, and the stored waker
    /// (and any reply that came meanwhile) is released now.
    pub(crate) fn abandon(&self) {
        let mut state = self.state.lock();
        state.abandoned = true;
        let waker = state.waker.take();
        let reply = state.reply.take();
        drop(state);
        drop((waker, reply));
    }

    /// How many handles of the slot exist (the owner's included): for tests
    /// that prove nothing is left behind.
    #[cfg(test)]
    pub(crate) fn handles(&self) -> usize {
        Arc::strong_count(&self.state)
    }
}

/// Keeps `waker` in `stored`, cloning only when the task changed.
fn store(stored: &mut Option<Waker>, waker: &Waker) {
    match stored {
        Some(current) if current.will_wake(waker) => {}
        _ => *stored = Some(waker.clone()),
    }
}
