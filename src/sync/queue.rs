use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Instant;

use crate::error::Error;
use crate::sched::WaitQueue;
use crate::timeout::Timeout;

struct Inner<T> {
    items: RefCell<VecDeque<T>>,
    closed: Cell<bool>,
    max_length: Option<usize>,
    waiters: WaitQueue,
}

/// A stream of values from producers to consumers (Python's `EventQueue`).
///
/// [`wait`](Self::wait) returns the oldest value, suspending only if the
/// queue is empty; after [`close`](Self::close) and once drained it returns
/// [`Error::QueueClosed`], which also ends iteration. Cloning gives another
/// handle on the same queue.
///
/// ```
/// use cothread::{EventQueue, Timeout};
/// let queue = EventQueue::new();
/// let q = queue.clone();
/// let consumer = cothread::spawn(move || q.iter().sum::<i32>());
/// for i in 1..=4 {
///     queue.signal(i);
/// }
/// queue.close();
/// assert_eq!(consumer.wait(Timeout::NEVER).unwrap(), 10);
/// ```
pub struct EventQueue<T> {
    inner: Rc<Inner<T>>,
}

impl<T> Clone for EventQueue<T> {
    fn clone(&self) -> Self {
        EventQueue {
            inner: self.inner.clone(),
        }
    }
}

impl<T> Default for EventQueue<T> {
    fn default() -> Self {
        EventQueue::new()
    }
}

impl<T> std::fmt::Debug for EventQueue<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventQueue")
            .field("len", &self.len())
            .field("closed", &self.inner.closed.get())
            .finish()
    }
}

impl<T> EventQueue<T> {
    /// An unbounded queue.
    pub fn new() -> EventQueue<T> {
        EventQueue::build(None)
    }

    /// A queue holding at most `max_length` values; further signals are
    /// dropped (and [`signal`](Self::signal) returns false).
    pub fn with_max_length(max_length: usize) -> EventQueue<T> {
        EventQueue::build(Some(max_length))
    }

    fn build(max_length: Option<usize>) -> EventQueue<T> {
        EventQueue {
            inner: Rc::new(Inner {
                items: RefCell::new(VecDeque::new()),
                closed: Cell::new(false),
                max_length,
                waiters: WaitQueue::default(),
            }),
        }
    }

    /// Appends `value` and wakes one waiter. Returns false (dropping the
    /// value) if the queue is closed or full. Never suspends.
    pub fn signal(&self, value: T) -> bool {
        let inner = &self.inner;
        {
            let mut items = inner.items.borrow_mut();
            if inner.closed.get() || inner.max_length.is_some_and(|m| items.len() >= m) {
                return false;
            }
            items.push_back(value);
        }
        inner.waiters.wake_one();
        true
    }

    /// Returns the oldest value, suspending while the queue is empty (unless
    /// `timeout` has expired). Errors: [`Error::Timedout`],
    /// [`Error::QueueClosed`] once closed and drained.
    pub fn wait(&self, timeout: impl Into<Timeout>) -> Result<T, Error> {
        let deadline = timeout.into().deadline();
        loop {
            let next = self.inner.items.borrow_mut().pop_front();
            if let Some(v) = next {
                return Ok(v);
            }
            if self.inner.closed.get() {
                return Err(Error::QueueClosed);
            }
            if deadline.is_some_and(|d| d <= Instant::now()) {
                return Err(Error::Timedout);
            }
            if !self.inner.waiters.wait(deadline)? && self.inner.items.borrow().is_empty() {
                return Err(Error::Timedout);
            }
        }
    }

    /// Closes the queue: no more values are accepted, and waiters are woken
    /// to drain it and then see [`Error::QueueClosed`].
    pub fn close(&self) {
        self.inner.closed.set(true);
        self.inner.waiters.wake_all();
    }

    /// Number of queued values.
    pub fn len(&self) -> usize {
        self.inner.items.borrow().len()
    }

    /// True if no value is queued.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A blocking iterator over values, ending when the queue is closed and
    /// drained.
    pub fn iter(&self) -> Iter<T> {
        Iter {
            queue: self.clone(),
        }
    }
}

/// Iterator returned by [`EventQueue::iter`].
#[derive(Debug)]
pub struct Iter<T> {
    queue: EventQueue<T>,
}

impl<T> Iterator for Iter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        self.queue.wait(Timeout::NEVER).ok()
    }
}

impl<T> IntoIterator for EventQueue<T> {
    type Item = T;
    type IntoIter = Iter<T>;
    fn into_iter(self) -> Iter<T> {
        Iter { queue: self }
    }
}
