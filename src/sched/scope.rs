//! Which threads may start cothreads, and [`scope`], which ends a thread's
//! cothreads before the thread can exit.
//!
//! # Why a thread other than main needs a scope
//!
//! A cothread suspended when its thread exits can never be resumed. Leaking
//! it keeps its stack, so whatever borrows that stack (a scoped thread, say)
//! stays valid; but the thread's exit still destroys the thread's
//! thread-locals, and a suspended cothread may hold a borrow of one (taken
//! by `LocalKey::with`) and have lent it to a scoped thread that goes on
//! running. That thread would then read freed memory. Nothing done from
//! this crate's own thread-local destructor can prevent it: the destructors
//! of thread-locals first used after the scheduler's run before it.
//!
//! So no thread may exit while one of its cothreads is suspended:
//!
//! * The process's main thread may always start cothreads: its end is the
//!   process's end (`exit`), which ends every thread.
//! * Any other thread starts cothreads only inside [`scope`]. When the
//!   outermost scope returns (or unwinds), every cothread of the thread that
//!   is still unfinished is ended there, while the thread and its
//!   thread-locals are alive: its stack is unwound, its destructors run.
//! * [`allow_without_scope`] is the `unsafe` way out, for a thread whose
//!   owner takes the rule on itself.
//!
//! Invariant: on a thread that needs a scope, no cothread is unfinished
//! while no scope runs. `Permit::live` lists the unfinished cothreads of
//! every thread (spawned, not yet returned); only a scope's end uses it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::task::{Ending, State};
use super::{block, current, in_cothread, sys, Scheduler, Task, Wake, Waker};

/// A thread's permission to start cothreads, and its unfinished ones.
pub(super) struct Permit {
    /// May start cothreads outside any scope: the process's main thread, or
    /// a thread that called [`allow_without_scope`].
    unscoped: Cell<bool>,
    /// Scopes running on this thread, nested.
    depth: Cell<u32>,
    /// Every unfinished cothread of this thread; each task knows its index.
    live: RefCell<Vec<Rc<Task>>>,
    /// Whether the outermost scope is ending the cothreads.
    ending: Cell<bool>,
    /// Whether a cothread that suspended while the thread unwound is held
    /// back from unwinding (see `end_cothreads`): not while the main
    /// cothread itself unwinds.
    heed_unwinding: Cell<bool>,
    /// The thread's main cothread, waiting at a scope's end for the next
    /// cothread to finish.
    finished: RefCell<Option<Waker>>,
}

impl Permit {
    pub(super) fn for_this_thread() -> Permit {
        Permit {
            unscoped: Cell::new(sys::is_initial_thread()),
            depth: Cell::new(0),
            live: RefCell::new(Vec::new()),
            ending: Cell::new(false),
            heed_unwinding: Cell::new(true),
            finished: RefCell::new(None),
        }
    }

    /// Whether a scope is ending this thread's cothreads.
    pub(super) fn is_ending(&self) -> bool {
        self.ending.get()
    }

    /// Whether `task`, to be unwound, is held back because it may be
    /// suspended in its own panic's cleanup (see `end_cothreads`).
    fn held_back(&self, task: &Task) -> bool {
        self.heed_unwinding.get() && task.suspended_unwinding.get()
    }

    /// Whether this thread may start a cothread now.
    #[inline]
    pub(super) fn may_spawn(&self) -> bool {
        self.unscoped.get() || self.depth.get() > 0
    }

    pub(super) fn add_live(&self, task: &Rc<Task>) {
        let mut live = self.live.borrow_mut();
        task.live_slot.set(live.len());
        live.push(Rc::clone(task));
    }

    pub(super) fn remove_live(&self, task: &Task) {
        let mut live = self.live.borrow_mut();
        let slot = task.live_slot.replace(usize::MAX);
        live.swap_remove(slot);
        if let Some(moved) = live.get(slot) {
            moved.live_slot.set(slot);
        }
        drop(live);
        if let Some(main) = self.finished.borrow_mut().take() {
            main.wake(Wake::Woken);
        }
    }
}

/// Runs `f` with cothreads allowed on this thread, and ends every cothread
/// of this thread still unfinished when `f` returns or unwinds (only at the
/// outermost scope; on the main thread, or after [`allow_without_scope`],
/// there is nothing to end and `scope` just runs `f`).
///
/// On a thread other than the process's main one, cothreads start only
/// inside a scope. Elsewhere [`Builder::spawn`](crate::Builder::spawn)
/// fails with [`Error::NeedsScope`](crate::Error::NeedsScope) (and
/// [`spawn`](crate::spawn) and a [`Timer`](crate::Timer) panic saying so);
/// the calls whose callbacks run on cothreads (`camonitor`, `watch`, a put
/// with a callback) fail with
/// [`ErrorKind::NeedsScope`](crate::catools::ErrorKind::NeedsScope); and
/// callbacks sent to the thread ([`SchedulerHandle`](crate::SchedulerHandle))
/// wait for a scope to run them. The thread's main cothread needs no scope
/// to suspend: a plain `caget` from any thread works without one.
///
/// Ending a cothread unwinds its stack from the suspension point where it
/// waits, as a panic from there would, running the destructors of what it
/// holds (a subscription is closed, a scoped thread it started is joined);
/// the unwinding is not reported as a panic. Destructors run while
/// unwinding may suspend as usual (a `caput` in a `Drop` works); code that
/// catches the unwinding and goes on is unwound again at its next
/// suspension point. A cothread suspended in a destructor that its own
/// panic's unwinding runs finishes that unwinding first (a second one from
/// there would abort the process). A cothread that never ran is dropped
/// unrun. The scope
/// returns once every one has finished unwinding, so a destructor that
/// waits for ever keeps it waiting. An ended cothread's
/// [`JoinHandle::wait`](crate::JoinHandle::wait) returns
/// [`Error::Ended`](crate::Error::Ended).
///
/// Why: a thread must not exit while one of its cothreads is suspended. A
/// suspended cothread may hold a borrow of one of the thread's
/// thread-locals that another thread still uses, and the thread's exit
/// frees the thread-locals (see the module docs of `sched`).
///
/// ```
/// let worker = std::thread::spawn(|| {
///     cothread::scope(|| {
///         let ticks = cothread::spawn(|| {
///             for _ in 0..3 {
///                 cothread::sleep(std::time::Duration::from_millis(1));
///             }
///             3
///         });
///         // Never finishes: ended when the scope returns.
///         cothread::spawn(|| loop {
///             cothread::sleep(std::time::Duration::from_secs(1));
///         });
///         ticks.wait(cothread::Timeout::NEVER).unwrap()
///     })
/// });
/// assert_eq!(worker.join().unwrap(), 3);
/// ```
///
/// # Panics
///
/// If it would end cothreads and is called from the scheduler loop's
/// context (a remote call or before-poll hook, never user code), not from
/// the thread's own code.
pub fn scope<R>(f: impl FnOnce() -> R) -> R {
    let s = current();
    let outermost = !s.permit.unscoped.get() && s.permit.depth.get() == 0;
    if outermost {
        assert!(
            !s.in_loop_context() && !in_cothread(),
            "cothread::scope: not from the cothread scheduler's own loop"
        );
    }
    /// Leaves the scope however `f` ends, ending the cothreads at the
    /// outermost one.
    struct Leave<'a> {
        sched: &'a Scheduler,
        outermost: bool,
        /// Whether the thread was unwinding a panic when it entered: with no
        /// cothread yet (the outermost scope of a thread that needs one),
        /// only its main cothread can have been.
        entered_unwinding: bool,
        returned: bool,
    }
    impl Drop for Leave<'_> {
        fn drop(&mut self) {
            if self.outermost {
                let main_unwinding = self.entered_unwinding || !self.returned;
                self.sched.end_cothreads(main_unwinding);
            }
            let depth = &self.sched.permit.depth;
            depth.set(depth.get() - 1);
        }
    }
    s.permit.depth.set(s.permit.depth.get() + 1);
    let mut leave = Leave {
        sched: &s,
        outermost,
        entered_unwinding: std::thread::panicking(),
        returned: false,
    };
    let result = f();
    leave.returned = true;
    result
}

/// Lets this thread start cothreads outside any [`scope`], for the rest of
/// its life; a cothread still suspended when the thread exits is then
/// abandoned (its stack kept, never resumed).
///
/// # Safety
///
/// When this thread exits, no cothread of it may be suspended while it
/// holds a borrow of one of this thread's thread-locals that is still used
/// after this thread's exit, by another thread (for example one started
/// with `std::thread::scope` inside `LocalKey::with`) or otherwise. The
/// thread's exit frees its thread-locals; such a use would read freed
/// memory. Needed nowhere on the main thread, which may always start
/// cothreads.
pub unsafe fn allow_without_scope() {
    current().permit.unscoped.set(true);
}

impl Scheduler {
    /// Ends every unfinished cothread of this thread (the end of the
    /// outermost [`scope`]), from the thread's main cothread outside the
    /// loop: asks each to unwind, then runs the loop until none is left.
    ///
    /// A cothread that suspended while the thread was unwinding a panic may
    /// be suspended in a destructor run by its own unwinding, where a second
    /// unwinding would abort the process: it is not woken, and unwinds only
    /// at a later suspension point made while nothing unwinds (or finishes
    /// its own unwinding first). Whenever nothing unwinds (at the start, and
    /// after each cothread finishes), none can be in such a destructor: the
    /// ones held back are woken. The thread's `std::thread::panicking()` is
    /// shared by all its cothreads, so it cannot tell them apart while the
    /// main cothread itself unwinds (`main_unwinding`: the scope's body
    /// panicked): every cothread is then unwound as it resumes, as if none
    /// were in its own panic's cleanup.
    fn end_cothreads(&self, main_unwinding: bool) {
        /// A panic out of the ending (the loop's own, e.g. a failed `poll`)
        /// would leave suspended cothreads on a thread that may then exit.
        struct AbortIfUnwound;
        impl Drop for AbortIfUnwound {
            fn drop(&mut self) {
                crate::error::default_sink(
                    format_args!("cothread::scope: the end of a scope failed; aborting"),
                    true,
                );
                std::process::abort();
            }
        }
        let abort = AbortIfUnwound;
        self.permit.ending.set(true);
        self.permit.heed_unwinding.set(!main_unwinding);
        let nothing_unwinds = !std::thread::panicking();
        let live = self.permit.live.borrow().clone();
        for task in live {
            if task.ending.get() == Ending::No {
                task.ending.set(Ending::Requested);
                if nothing_unwinds || main_unwinding {
                    task.suspended_unwinding.set(false);
                }
                if !self.permit.held_back(&task) {
                    wake_waiting(task);
                }
            }
        }
        while !self.permit.live.borrow().is_empty() {
            let waited = block(None, |main| {
                *self.permit.finished.borrow_mut() = Some(main.clone());
            });
            debug_assert!(waited.is_ok(), "a scope ends outside the loop");
            if !std::thread::panicking() {
                let live = self.permit.live.borrow().clone();
                for task in live {
                    if task.ending.get() == Ending::Requested
                        && task.suspended_unwinding.replace(false)
                    {
                        wake_waiting(task);
                    }
                }
            }
        }
        self.permit.ending.set(false);
        self.permit.heed_unwinding.set(true);
        std::mem::forget(abort);
    }
}

/// Wakes `task` if it waits (a suspension point it will unwind from).
fn wake_waiting(task: Rc<Task>) {
    if task.state.get() == State::Waiting {
        let generation = task.generation.get();
        Waker { task, generation }.wake(Wake::Woken);
    }
}

/// The payload that unwinds the ended cothread `id`.
pub(super) fn ending_payload(id: u64) -> Box<crate::error::Ending> {
    Box::new(crate::error::Ending {
        again: unwind_again,
        scheduler: Rc::as_ptr(&current()) as usize,
        cothread: id,
    })
}

/// Called by a cothread's suspension point when it resumes with its scope
/// ending it: unwinds the cothread's stack, once per request, unless it
/// suspended while the thread was unwinding a panic (see `end_cothreads`).
/// Afterwards its destructors run, and may suspend as usual.
#[cold]
#[inline(never)]
pub(super) fn unwind_if_ending(task: &Task) {
    if task.ending.get() == Ending::Requested && !current().permit.held_back(task) {
        task.ending.set(Ending::Unwinding);
        std::panic::resume_unwind(ending_payload(task.id));
    }
}

/// Called by a cothread's suspension point, about to suspend, with its
/// scope ending it: if it is to unwind (again), and may (nothing unwinds),
/// it is woken at once, and so unwinds as soon as it resumes.
#[cold]
#[inline(never)]
pub(super) fn wake_if_ending(task: &Task) {
    if task.ending.get() == Ending::Requested && !current().permit.held_back(task) {
        wake_waiting(current().current_task());
    }
}

/// The unwinding payload of cothread `id` was dropped short of its root:
/// caught by code that goes on. The cothread is asked to unwind again, and
/// woken if it waits.
fn unwind_again(scheduler: usize, id: u64) {
    let Ok(sched) = super::SCHED.try_with(Rc::clone) else {
        return;
    };
    if Rc::as_ptr(&sched) as usize != scheduler {
        return; // dropped on another thread
    }
    let task = sched
        .permit
        .live
        .borrow()
        .iter()
        .find(|task| task.id == id)
        .cloned();
    if let Some(task) = task {
        if task.ending.get() == Ending::Unwinding {
            task.ending.set(Ending::Requested);
            if !sched.permit.held_back(&task) {
                wake_waiting(task);
            }
        }
    }
}
