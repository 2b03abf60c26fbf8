use std::collections::VecDeque;
use std::os::fd::RawFd;
use std::sync::Arc;

use parking_lot::Mutex;

use crate::coselect;
use crate::error::Error;
use crate::sched::sys::EventFd;
use crate::timeout::Timeout;

struct State<T> {
    items: VecDeque<T>,
    closed: bool,
}

struct Shared<T> {
    state: Mutex<State<T>>,
    /// Readable exactly while `items` is non-empty or the queue is closed;
    /// changed only with `state` locked.
    ready: EventFd,
}

/// An [`EventQueue`](crate::EventQueue) that any OS thread may signal or
/// wait on (Python's `ThreadedEventQueue`): `Send + Sync`, cloneable.
///
/// A cothread's [`wait`](Self::wait) suspends only that cothread (it polls
/// [`wait_descriptor`](Self::wait_descriptor) cooperatively); a plain OS
/// thread's `wait` blocks that thread in the same way.
///
/// ```
/// use cothread::{ThreadedEventQueue, Timeout};
/// let queue = ThreadedEventQueue::new().unwrap();
/// let tx = queue.clone();
/// std::thread::spawn(move || tx.signal("from a thread"));
/// assert_eq!(queue.wait(Timeout::NEVER).unwrap(), "from a thread");
/// ```
pub struct ThreadedEventQueue<T> {
    shared: Arc<Shared<T>>,
}

impl<T> Clone for ThreadedEventQueue<T> {
    fn clone(&self) -> Self {
        ThreadedEventQueue {
            shared: self.shared.clone(),
        }
    }
}

impl<T> std::fmt::Debug for ThreadedEventQueue<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ThreadedEventQueue")
            .field("len", &self.len())
            .finish_non_exhaustive()
    }
}

impl<T> ThreadedEventQueue<T> {
    /// A new empty queue; fails only if no eventfd can be created.
    pub fn new() -> Result<ThreadedEventQueue<T>, Error> {
        let ready = EventFd::new().map_err(|e| Error::Io(Arc::new(e)))?;
        Ok(ThreadedEventQueue {
            shared: Arc::new(Shared {
                state: Mutex::new(State {
                    items: VecDeque::new(),
                    closed: false,
                }),
                ready,
            }),
        })
    }

    /// Appends `value` (from any thread) and wakes a waiter. Returns false,
    /// dropping the value, if the queue is closed. Never blocks.
    pub fn signal(&self, value: T) -> bool {
        let mut state = self.shared.state.lock();
        if state.closed {
            return false;
        }
        state.items.push_back(value);
        if state.items.len() == 1 {
            self.shared.ready.notify();
        }
        true
    }

    /// Returns the oldest value, waiting while empty (cooperatively in a
    /// cothread). Errors: [`Error::Timedout`], [`Error::QueueClosed`].
    pub fn wait(&self, timeout: impl Into<Timeout>) -> Result<T, Error> {
        let timeout = timeout.into();
        loop {
            {
                let mut state = self.shared.state.lock();
                if let Some(v) = state.items.pop_front() {
                    if state.items.is_empty() && !state.closed {
                        self.shared.ready.drain();
                    }
                    return Ok(v);
                }
                if state.closed {
                    return Err(Error::QueueClosed);
                }
            }
            let ready =
                coselect::poll_list(&[(self.wait_descriptor(), coselect::POLLIN)], timeout)?;
            if ready.is_empty() {
                return Err(Error::Timedout);
            }
        }
    }

    /// Closes the queue; waiters drain it and then get [`Error::QueueClosed`].
    pub fn close(&self) {
        let mut state = self.shared.state.lock();
        state.closed = true;
        self.shared.ready.notify();
    }

    /// Number of queued values.
    pub fn len(&self) -> usize {
        self.shared.state.lock().items.len()
    }

    /// True if no value is queued.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A file descriptor readable while the queue has data (or is closed),
    /// for use with [`coselect`] or any poll loop. Only wait on it; never
    /// read it.
    pub fn wait_descriptor(&self) -> RawFd {
        self.shared.ready.fd()
    }
}
