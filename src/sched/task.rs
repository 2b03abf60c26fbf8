//! Task state: what the scheduler knows of each cothread, and the one-shot
//! right to wake it from one suspension.
//!
//! Invariants: a task's `state`, `generation` and `reason` change only on
//! its scheduler's thread; a [`Waker`] wakes only the suspension whose
//! generation it carries (every suspension bumps the generation), so a task
//! is woken at most once per suspension.

use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;
use std::rc::Rc;

use corosensei::{Coroutine, Yielder};

use super::stack::CothreadStack;
use super::SCHED;

pub(super) type Co = Coroutine<(), (), (), CothreadStack>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum State {
    Running,
    Ready,
    Waiting,
    Done,
}

/// Where a task stands in being ended by its scope (see `scope`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ending {
    /// Not being ended.
    No,
    /// To be ended: its next suspension point, or its start, unwinds.
    Requested,
    /// Unwinding: its destructors run, and may suspend as usual.
    Unwinding,
}

/// Why a suspended task was resumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wake {
    /// Woken by whatever it registered with (event, fd, yield).
    Woken,
    /// Its deadline passed first.
    Timeout,
}

/// A cothread (or the thread's main cothread).
pub(crate) struct Task {
    pub(super) id: u64,
    pub(super) state: Cell<State>,
    pub(super) generation: Cell<u64>,
    pub(super) reason: Cell<Wake>,
    pub(super) timer_armed: Cell<bool>,
    /// The coroutine, on its own stack; `None` for the main cothread and
    /// once finished.
    pub(super) co: RefCell<Option<ManuallyDrop<Co>>>,
    /// This coroutine's yielder (on its own stack), set when it starts.
    pub(super) yielder: Cell<*const Yielder<(), ()>>,
    /// Its index in its scheduler's list of unfinished cothreads (see
    /// `scope`); unused for the main cothread.
    pub(super) live_slot: Cell<usize>,
    /// Whether its scope is ending it.
    pub(super) ending: Cell<Ending>,
    /// Whether the thread was unwinding a panic when it last suspended:
    /// then it may be suspended in a destructor run by its own unwinding,
    /// where unwinding again would abort the process (see `scope`).
    pub(super) suspended_unwinding: Cell<bool>,
}

impl Task {
    pub(super) fn new(id: u64) -> Task {
        Task {
            id,
            state: Cell::new(State::Running),
            generation: Cell::new(0),
            reason: Cell::new(Wake::Woken),
            timer_armed: Cell::new(false),
            co: RefCell::new(None),
            yielder: Cell::new(std::ptr::null()),
            live_slot: Cell::new(usize::MAX),
            ending: Cell::new(Ending::No),
            suspended_unwinding: Cell::new(false),
        }
    }

    /// Identity of the task; 0 is the thread's main cothread.
    pub(crate) fn id(&self) -> u64 {
        self.id
    }
}

impl Drop for Task {
    fn drop(&mut self) {
        if let Some(co) = self.co.get_mut().take() {
            // Finished coroutines, and ones never started, drop cleanly (and
            // their stack with them). A suspended one is abandoned: see the
            // module invariants.
            if co.done() || !co.started() {
                drop(ManuallyDrop::into_inner(co));
            }
        }
    }
}

/// A one-shot right to wake a task from one particular suspension.
#[derive(Clone)]
pub(crate) struct Waker {
    pub(super) task: Rc<Task>,
    pub(super) generation: u64,
}

impl Waker {
    /// True while the suspension this waker belongs to is still in progress.
    #[inline]
    pub(crate) fn is_live(&self) -> bool {
        self.task.generation.get() == self.generation && self.task.state.get() == State::Waiting
    }

    /// Makes the task ready (appended to the run queue). Returns false if it
    /// was already woken from this suspension.
    #[inline]
    pub(crate) fn wake(&self, reason: Wake) -> bool {
        if !self.is_live() {
            return false;
        }
        let task = &self.task;
        task.state.set(State::Ready);
        task.reason.set(reason);
        let _ = SCHED.try_with(|s| {
            if task.timer_armed.replace(false) {
                s.armed_timers.set(s.armed_timers.get() - 1);
            }
            s.ready.borrow_mut().push_back(task.clone());
        });
        true
    }
}
