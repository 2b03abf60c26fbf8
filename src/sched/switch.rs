//! Switching: resuming a task from the scheduler loop, and the suspension
//! primitives every blocking call is built on.
//!
//! Invariants: only the main cothread (running the loop) resumes tasks; no
//! `RefCell` borrow of scheduler state is held across a switch; the switch
//! is made in the frame of the public API call (see `suspend_cothread`).

use std::mem::ManuallyDrop;
use std::rc::Rc;
use std::time::Instant;

use corosensei::CoroutineResult;

use super::task::{Ending, State, Task, Wake, Waker};
use super::{current, with_current, Mode, Scheduler};
use crate::error::Error;

impl Scheduler {
    /// Runs `task` until it suspends or finishes.
    pub(super) fn resume(&self, task: Rc<Task>) {
        task.state.set(State::Running);
        // Only the main cothread resumes tasks, so `current` holds main's
        // `Rc` here: move it out and back rather than cloning it. `resume`
        // never unwinds (a cothread's body catches every panic: see
        // `spawn_task`), so main is always put back.
        let main = self.current.replace(task.clone());
        let finished = {
            let mut co = task.co.borrow_mut();
            let co = co
                .as_mut()
                .expect("cothread: resumed a task without a coroutine");
            matches!(co.resume(()), CoroutineResult::Return(()))
        };
        self.current.replace(main);
        if finished {
            task.state.set(State::Done);
            self.permit.remove_live(&task);
            let co = task.co.borrow_mut().take().map(ManuallyDrop::into_inner);
            if let Some(co) = co {
                self.pool.give(co.into_stack());
            }
        }
    }
}

/// Suspends the running task (a cothread, or main by running the loop).
///
/// Called outside any `with_current` closure, so that on x86-64 and AArch64
/// the whole suspension path inlines into the caller's frame (see
/// `suspend_cothread`).
#[inline(always)]
fn switch_out(task: &Task) {
    if task.id == 0 {
        with_current(|s| s.run_loop(Mode::UntilMainReady));
    } else {
        suspend_cothread(task);
    }
}

/// Switches from the running cothread back to the scheduler loop.
///
/// Always inlined, so the switch happens in the caller's own frame: a
/// corosensei resume+suspend pair costs ~2 ns when the coroutine suspends
/// from its own frame and ~17 ns from one call deeper, because each return
/// made after being resumed was predicted from a return-stack buffer whose
/// top belongs to the scheduler's resume call (a mispredict, ~8 ns each).
#[inline(always)]
fn suspend_cothread(task: &Task) {
    let yielder = task.yielder.get();
    assert!(
        !yielder.is_null(),
        "cothread: suspending a cothread that has not started"
    );
    task.suspended_unwinding.set(std::thread::panicking());
    if task.ending.get() != Ending::No {
        super::scope::wake_if_ending(task);
    }
    // SAFETY: `yielder` was set by this task's coroutine body when it
    // started and points to corosensei's yielder on this task's own stack,
    // which stays mapped and in place while the body runs. We are running
    // on that task (it is the current task), so the body has not returned.
    unsafe { (*yielder).suspend(()) };
    if task.ending.get() != Ending::No {
        super::scope::unwind_if_ending(task);
    }
}

/// Suspends the caller until woken through the waker passed to `register`,
/// or until `deadline`. This is the single suspension primitive.
#[inline(always)]
pub(crate) fn block(
    deadline: Option<Instant>,
    register: impl FnOnce(&Waker),
) -> Result<Wake, Error> {
    let task = with_current(|s| {
        if s.in_loop_context() {
            return Err(Error::CannotSuspend);
        }
        let task = s.current_task();
        let generation = task.generation.get() + 1;
        task.generation.set(generation);
        task.state.set(State::Waiting);
        let waker = Waker { task, generation };
        register(&waker);
        if let Some(deadline) = deadline {
            s.add_timer(deadline, waker.clone());
        }
        Ok(waker.task)
    })?;
    switch_out(&task);
    Ok(task.reason.get())
}

/// Like [`block`], but panics with a clear message where suspension is
/// impossible (for APIs that return no `Result`).
#[inline(always)]
pub(crate) fn block_or_panic(deadline: Option<Instant>, register: impl FnOnce(&Waker)) -> Wake {
    match block(deadline, register) {
        Ok(w) => w,
        Err(e) => panic!("{e}"),
    }
}

/// Suspends the caller to the back of the run queue: it runs again after
/// all currently ready work.
#[inline(always)]
pub(crate) fn yield_now() {
    // The same as `block(None, |w| w.wake(Wake::Woken))`, without a waker:
    // a new suspension (generation), immediately ready at the back of the
    // run queue. No timer is armed while a task runs.
    let task = with_current(|s| {
        if s.in_loop_context() {
            panic!("{}", Error::CannotSuspend);
        }
        let task = s.current_task();
        task.generation.set(task.generation.get() + 1);
        task.state.set(State::Ready);
        task.reason.set(Wake::Woken);
        s.ready.borrow_mut().push_back(task.clone());
        task
    });
    switch_out(&task);
}

/// Suspends the caller until there is no other ready work, or `deadline`.
pub(crate) fn yield_until(deadline: Option<Instant>) {
    let s = current();
    block_or_panic(deadline, |w| {
        let mut yielders = s.yielders.borrow_mut();
        // The list empties only when the ready queue does: on a thread that
        // is never idle, the wakers of yields that timed out would pile up.
        // Pruned whenever the list reaches a power of two (amortised O(1)).
        if yielders.len() >= 64 && yielders.len().is_power_of_two() {
            yielders.retain(Waker::is_live);
        }
        yielders.push(w.clone());
    });
}
