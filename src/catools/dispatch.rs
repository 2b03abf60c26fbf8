//! The one cothread per scheduler thread that runs user callbacks of
//! `camonitor` and of `caput` with a callback, one at a time and in order of
//! arrival, and the inboxes through which libca's threads feed it.
//!
//! Invariants:
//! - An [`Inbox`] is the `Send` side of one registered handler: libca threads
//!   push into it under its mutex (held for a push or a take only). The first
//!   push into an inbox that is not already scheduled appends its id to the
//!   thread's ready list; the first id into an empty ready list queues one
//!   remote call that signals the dispatcher. A burst of updates therefore
//!   costs one wake-up of the scheduler, not one per update.
//! - Handlers (user closures, `!Send`) live in this thread's `HANDLERS` table
//!   and run only on the dispatcher cothread; an id that is no longer in the
//!   table (its subscription closed) is skipped.
//! - A panic in a handler is caught and reported to stderr; the dispatcher
//!   and the other handlers keep running.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::Arc;

use parking_lot::Mutex;

use crate::sched::{self, RemoteHandle};
use crate::{Event, Timeout};

type Handler = Rc<RefCell<dyn FnMut()>>;

struct Dispatcher {
    ready: Arc<ReadyList>,
    wake: Event<()>,
    handlers: RefCell<HashMap<u64, Handler>>,
    next_id: std::cell::Cell<u64>,
}

/// Ids of inboxes with something to deliver, shared with libca's threads.
pub(crate) struct ReadyList {
    ids: Mutex<Vec<u64>>,
    remote: RemoteHandle,
}

impl ReadyList {
    fn push(&self, id: u64) {
        let mut ids = self.ids.lock();
        let was_empty = ids.is_empty();
        ids.push(id);
        drop(ids);
        if was_empty {
            let _ = self.remote.call(|| {
                if let Some(dispatcher) = DISPATCHER.with(|d| d.borrow().clone()) {
                    dispatcher.wake.signal(());
                }
            });
        }
    }
}

thread_local! {
    static DISPATCHER: RefCell<Option<Rc<Dispatcher>>> = const { RefCell::new(None) };
}

/// This thread's dispatcher, started (as a cothread) on first use.
fn dispatcher() -> Rc<Dispatcher> {
    if let Some(dispatcher) = DISPATCHER.with(|d| d.borrow().clone()) {
        return dispatcher;
    }
    let dispatcher = Rc::new(Dispatcher {
        ready: Arc::new(ReadyList {
            ids: Mutex::new(Vec::new()),
            remote: sched::remote_handle(),
        }),
        wake: Event::new(),
        handlers: RefCell::new(HashMap::new()),
        next_id: std::cell::Cell::new(1),
    });
    DISPATCHER.with(|d| *d.borrow_mut() = Some(Rc::clone(&dispatcher)));
    let worker = Rc::clone(&dispatcher);
    crate::spawn(move || run(&worker));
    dispatcher
}

fn run(dispatcher: &Dispatcher) {
    loop {
        let ids = std::mem::take(&mut *dispatcher.ready.ids.lock());
        if ids.is_empty() {
            let _ = dispatcher.wake.wait(Timeout::NEVER);
            continue;
        }
        for id in ids {
            let handler = dispatcher.handlers.borrow().get(&id).cloned();
            if let Some(handler) = handler {
                let outcome = catch_unwind(AssertUnwindSafe(|| (handler.borrow_mut())()));
                if let Err(panic) = outcome {
                    let message = crate::error::panic_message(&*panic);
                    eprintln!("cothread::catools: a callback panicked: {message}");
                }
            }
        }
    }
}

/// How an inbox keeps what arrives before its handler runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// Every item, in order.
    All,
    /// Only the latest item, with a count of how many it stands for.
    Latest,
}

struct InboxState<T> {
    items: VecDeque<T>,
    /// Items merged into the newest one (Latest mode).
    merged: u64,
    scheduled: bool,
}

/// The `Send` side of a registered handler: libca threads push into it.
pub(crate) struct Inbox<T> {
    state: Mutex<InboxState<T>>,
    delivery: Delivery,
    ready: Arc<ReadyList>,
    id: u64,
}

impl<T: Send> Inbox<T> {
    /// Delivers `item` to the handler (merged with any undelivered one in
    /// `Latest` mode).
    pub(crate) fn push(&self, item: T) {
        let mut state = self.state.lock();
        if self.delivery == Delivery::Latest && !state.items.is_empty() {
            state.items.clear();
            state.merged += 1;
        }
        state.items.push_back(item);
        let schedule = !std::mem::replace(&mut state.scheduled, true);
        drop(state);
        if schedule {
            self.ready.push(self.id);
        }
    }

    /// Swaps what has arrived into `batch` (which must be empty, and whose
    /// allocation the inbox keeps for the next burst), and returns the number
    /// of items merged away (0 in `All` mode).
    pub(crate) fn take_into(&self, batch: &mut VecDeque<T>) -> u64 {
        debug_assert!(batch.is_empty());
        let mut state = self.state.lock();
        state.scheduled = false;
        std::mem::swap(&mut state.items, batch);
        std::mem::take(&mut state.merged)
    }
}

/// A handler registered with this thread's dispatcher; unregistered on drop.
pub(crate) struct Registration {
    id: u64,
}

impl Drop for Registration {
    fn drop(&mut self) {
        let id = self.id;
        if let Some(dispatcher) = DISPATCHER.with(|d| d.borrow().clone()) {
            dispatcher.handlers.borrow_mut().remove(&id);
        }
    }
}

/// Registers `handler`, which the dispatcher cothread calls with each batch
/// taken from the returned inbox.
pub(crate) fn register<T, F>(delivery: Delivery, mut handler: F) -> (Arc<Inbox<T>>, Registration)
where
    T: Send + 'static,
    F: FnMut(T, u64) + 'static,
{
    let dispatcher = dispatcher();
    let id = dispatcher.next_id.get();
    dispatcher.next_id.set(id + 1);
    let inbox = Arc::new(Inbox {
        state: Mutex::new(InboxState {
            items: VecDeque::new(),
            merged: 0,
            scheduled: false,
        }),
        delivery,
        ready: Arc::clone(&dispatcher.ready),
        id,
    });
    let source = Arc::clone(&inbox);
    // Two buffers swapped back and forth, so that a busy subscription does
    // not allocate (and grow) a fresh queue for every burst.
    let mut batch = VecDeque::new();
    let run: Handler = Rc::new(RefCell::new(move || {
        let merged = source.take_into(&mut batch);
        for item in batch.drain(..) {
            // In Latest mode there is at most one item, standing for
            // `merged + 1` updates.
            handler(item, merged + 1);
        }
    }));
    dispatcher.handlers.borrow_mut().insert(id, run);
    (inbox, Registration { id })
}
