//! The cooperative scheduler: one per OS thread, created lazily on first use.
//!
//! # Design
//!
//! Each cothread is a corosensei stackful coroutine (this module is the only
//! user of corosensei). Code outside any cothread, e.g. `main`, is itself the
//! thread's *main cothread*: when it reaches a suspension point it runs the
//! scheduler loop inline, on its own stack, until it is woken again.
//!
//! ## Stacks: one guarded stack per cothread
//!
//! Every cothread runs on a stack of its own, 256 KiB by default
//! ([`Builder::stack_size`] for more or less), with a guard page below it.
//! Stacks are cut from large `MAP_NORESERVE` chunks, guarded with
//! `MADV_GUARD_INSTALL` (one kernel mapping per chunk, so 100,000 cothreads
//! fit a default `vm.max_map_count`) or, on kernels before 6.13, with
//! `mprotect` (two mappings per stack: about 30,700 live cothreads on a
//! default kernel, then [`Builder::spawn`] returns
//! [`Error::StackAllocation`]). Only touched pages cost memory: a blocked
//! cothread usually touches one 4 KiB page. Finished stacks go back to the
//! scheduler's pool for reuse; the memory of idle ones beyond a small warm
//! set is given back to the kernel when the scheduler is about to sleep, and
//! at least once a second while it is busy. See `stack` for the details.
//!
//! A cothread's locals therefore never move and are never overwritten while
//! it is suspended, so they may be borrowed by anything, e.g. a scoped OS
//! thread or an intrusive waiter list, across its suspension points. (An
//! earlier design ran cothreads by default on a shared stack, copying the
//! live bytes out and in on each switch: cheaper in memory, but unsound, as
//! such a borrow then read another cothread's bytes.)
//!
//! Every guard page is known to a SIGSEGV handler installed here, which
//! reports a hit as a cothread stack overflow before the process dies by
//! that signal. Nothing is silently corrupted. The handler runs on the
//! thread's alternate signal stack (one is added if missing).
//!
//! Each stack is registered with valgrind (its stack-register client
//! request, through corosensei; a no-op when not under valgrind), and with
//! the `asan` feature corosensei annotates every switch for
//! AddressSanitizer, so both follow the switches (`scripts/memcheck`).
//!
//! ## Switch cost
//!
//! corosensei's switches are asymmetric, so every cothread switch goes
//! cothread → scheduler loop → cothread: two resume/suspend pairs. A pair
//! costs ~2 ns when the coroutine suspends from its own frame, but ~17 ns
//! when it suspends from a called function, because each return after being
//! resumed is predicted from a return-stack buffer whose top belongs to the
//! scheduler's resume call. So the suspension path (`block`, `yield_now`,
//! `WaitQueue::wait`, `switch_out`, `suspend_cothread`) is forced inline and
//! performs the switch outside any closure: the switch happens in the frame
//! of the public API call (`Event::wait`, `yield_now`, ...), usually inlined
//! into the cothread's own code.
//!
//! ## Layout
//!
//! This module holds the per-thread [`Scheduler`], its loop and spawning;
//! each other job has its own file: `task` (task state and wakers), `wait`
//! (wait queues), `switch` (resuming and the suspension primitives),
//! `timers` (the deadline heap), `poll` (fd polling and the poll step),
//! `stack` (cothread stacks and their pool), `sys` (system calls), `spawn`
//! (the public spawning API), `remote` (the door from other threads),
//! `send_fn` (closures that cross threads without an allocation) and `mpsc`
//! (the lock-free queue the callback inbox is built on). `sched`
//! imports nothing of the crate's higher layers.
//!
//! ## Invariants (who touches what)
//!
//! * Everything in [`Scheduler`] is touched only from its own thread
//!   (`Rc`/`RefCell` make it `!Send`); the only cross-thread door is
//!   [`Remote`](remote), whose queue is a `parking_lot` mutex.
//! * No `RefCell` borrow of scheduler state is held across a coroutine
//!   switch: a resumed cothread may call back into the scheduler.
//! * The scheduler's bookkeeping never points into a cothread stack: tasks,
//!   wakers, queues and wake reasons live on the heap. The only pointer into a
//!   stack is a task's own `yielder`, dereferenced only by that task while it
//!   runs.
//! * A waker is `(task, generation)`. Every suspension bumps the task's
//!   generation, so a task is woken at most once per suspension; stale wakers
//!   left in queues or the timer heap are skipped and periodically pruned.
//! * Unfinished cothreads stay on their scheduler's list of live tasks until
//!   they return. A thread other than the main one starts cothreads only
//!   inside `scope`, whose end unwinds every one still unfinished, while the
//!   thread and its thread-locals are alive: no such thread exits with a
//!   suspended cothread (see `scope` for why that matters). Cothreads still
//!   suspended when the main thread exits (the process's end), or a thread
//!   that took `allow_without_scope`, are abandoned: their coroutine, and so
//!   its stack, is leaked, never unwound nor unmapped, since unwinding would
//!   run user code on a thread that is tearing down, and unmapping would free
//!   memory that something may still borrow (a scoped thread reading a local
//!   of the suspended cothread, say). Finished cothreads' stacks go back to
//!   the pool, and the pool, with every chunk no abandoned cothread still
//!   holds, is unmapped when the thread's scheduler drops.

mod mpsc;
mod poll;
pub(crate) mod remote;
mod scope;
mod send_fn;
mod spawn;
mod stack;
mod switch;
pub(crate) mod sys;
mod task;
#[cfg(test)]
mod tests;
mod timers;
mod wait;

use std::cell::{Cell, RefCell};
use std::collections::{BinaryHeap, VecDeque};
use std::mem::ManuallyDrop;
use std::os::fd::RawFd;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use corosensei::{Coroutine, Yielder};

pub(crate) use mpsc::{Mpsc, Popped, Pushed, CHUNK as MPSC_CHUNK};
use poll::PollWait;
pub(crate) use poll::{poll_now, poll_wait};
pub(crate) use remote::Remote;
pub(crate) use remote::{remote_handle, room_to_keep, RemoteHandle};
pub use scope::{allow_without_scope, scope};
pub(crate) use send_fn::SendFn;
pub(crate) use spawn::spawn_detached;
pub use spawn::{spawn, Builder, JoinHandle};
use stack::StackPool;
pub(crate) use switch::{block, block_or_panic, yield_now, yield_until};
use task::State;
pub(crate) use task::{Task, Wake, Waker};
use timers::{TimedCall, TimerEntry};
pub(crate) use wait::WaitQueue;

/// When the ready queue never drains, still poll file descriptors and the
/// remote queue after each batch that brings the number of cothread resumes
/// since the last poll to this many (a few microseconds of switching), so a
/// poll system call is not paid on every tiny batch.
const BUSY_POLL_AFTER: u32 = 128;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Run until the main cothread is ready again.
    UntilMainReady,
    /// One non-blocking pass (external event-loop integration).
    OnePass,
}

/// Per-thread scheduler state. See the module invariants.
pub(crate) struct Scheduler {
    main: Rc<Task>,
    current: RefCell<Rc<Task>>,
    loop_depth: Cell<u32>,
    ready: RefCell<VecDeque<Rc<Task>>>,
    yielders: RefCell<Vec<Waker>>,
    timers: RefCell<BinaryHeap<TimerEntry>>,
    armed_timers: Cell<usize>,
    timer_seq: Cell<u64>,
    /// Functions to run in loop context at a deadline ([`call_at`]): few
    /// (the callback dispatcher's one), so a list, not a heap.
    timed_calls: RefCell<Vec<TimedCall>>,
    polls: RefCell<Vec<PollWait>>,
    pollfds: RefCell<Vec<libc::pollfd>>,
    before_poll: RefCell<Vec<Box<dyn FnOnce()>>>,
    remote: Arc<Remote>,
    /// The remote queue's other buffer (see `Remote::run_pending`).
    spare_calls: RefCell<Vec<SendFn>>,
    /// This thread's cothread stacks: idle ones kept for reuse.
    pool: StackPool,
    last_trim: Cell<Instant>,
    next_id: Cell<u64>,
    resumed_since_poll: Cell<u32>,
    /// Which cothreads this thread may start, and the unfinished ones a
    /// scope would end (see `scope`).
    permit: scope::Permit,
}

thread_local! {
    static SCHED: Rc<Scheduler> = Rc::new(Scheduler::new());
}

/// The calling thread's scheduler, created on first use.
/// Idle stacks in this thread's pool (each a cothread that has ended).
#[cfg(test)]
pub(crate) fn idle_stacks() -> usize {
    current().pool.idle().0
}

pub(crate) fn current() -> Rc<Scheduler> {
    SCHED.with(Rc::clone)
}

/// Runs `f` on the calling thread's scheduler without cloning its `Rc`: the
/// suspension points use this. `f` may switch cothreads: the scheduler
/// outlives every cothread of its thread (ones still suspended when the
/// thread exits are abandoned, never resumed).
#[inline]
fn with_current<R>(f: impl FnOnce(&Scheduler) -> R) -> R {
    SCHED.with(|s| f(s))
}

impl Scheduler {
    fn new() -> Scheduler {
        let main = Rc::new(Task::new(0));
        Scheduler {
            current: RefCell::new(main.clone()),
            main,
            loop_depth: Cell::new(0),
            ready: RefCell::new(VecDeque::new()),
            yielders: RefCell::new(Vec::new()),
            timers: RefCell::new(BinaryHeap::new()),
            armed_timers: Cell::new(0),
            timed_calls: RefCell::new(Vec::new()),
            timer_seq: Cell::new(0),
            polls: RefCell::new(Vec::new()),
            pollfds: RefCell::new(Vec::new()),
            before_poll: RefCell::new(Vec::new()),
            spare_calls: RefCell::new(Vec::new()),
            remote: Remote::for_this_thread(),
            pool: StackPool::default(),
            last_trim: Cell::new(Instant::now()),
            next_id: Cell::new(1),
            resumed_since_poll: Cell::new(0),
            permit: scope::Permit::for_this_thread(),
        }
    }

    pub(crate) fn remote(&self) -> &Arc<Remote> {
        &self.remote
    }

    /// The running task (the main cothread when outside any cothread).
    #[inline]
    pub(crate) fn current_task(&self) -> Rc<Task> {
        self.current.borrow().clone()
    }

    #[inline]
    fn in_loop_context(&self) -> bool {
        self.loop_depth.get() > 0 && Rc::ptr_eq(&self.current.borrow(), &self.main)
    }

    /// Queues a new cothread at the back of the run queue, on a stack of
    /// at least `stack_size` bytes (0: the default size, see `stack`).
    /// `body` is moved onto the cothread's stack: a caller whose closure may
    /// be large (a user's) passes it boxed. Fails with
    /// [`Error::NeedsScope`](crate::Error::NeedsScope) where this thread may
    /// not start cothreads now (see `scope`), and with
    /// [`Error::StackAllocation`](crate::error::Error::StackAllocation) when no
    /// stack can be had.
    pub(crate) fn spawn_task(
        &self,
        stack_size: usize,
        body: impl FnOnce() + 'static,
    ) -> Result<(), crate::error::Error> {
        if !self.permit.may_spawn() {
            return Err(crate::error::Error::NeedsScope);
        }
        let stack = self
            .pool
            .take(stack_size)
            .map_err(|e| crate::error::Error::StackAllocation(Arc::new(e)))?;
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let task = Rc::new(Task::new(id));
        task.state.set(State::Ready);
        if self.permit.is_ending() {
            // Spawned by a destructor while its scope ends the cothreads.
            task.ending.set(task::Ending::Requested);
        }
        let co = Coroutine::with_stack(stack, move |y: &Yielder<(), ()>, ()| {
            let me = current().current_task();
            me.yielder.set(y);
            // Ended before it ever ran: its closure is dropped by unwinding
            // (so its destructors may suspend), never called.
            let body = move || {
                if me.ending.get() == task::Ending::Requested {
                    me.ending.set(task::Ending::Unwinding);
                    std::panic::resume_unwind(scope::ending_payload(me.id));
                }
                drop(me);
                body();
            };
            // Nothing may unwind out of a cothread's body: `resume` would
            // re-raise it in the loop with the cothread finished. Every body
            // contains its own code's panics; this catches what could escape
            // that containment all the same, and forgets its payload (whose
            // drop could panic again). It is also where the unwinding by
            // which a scope ends a cothread stops (see `scope`).
            if let Err(payload) = catch_unwind(AssertUnwindSafe(body)) {
                std::mem::forget(payload);
            }
        });
        *task.co.borrow_mut() = Some(ManuallyDrop::new(co));
        self.permit.add_live(&task);
        self.ready.borrow_mut().push_back(task);
        Ok(())
    }

    /// Gives back the memory of idle stacks beyond the pool's warm set when
    /// about to sleep, or when the last trim is `TRIM_EVERY` old.
    fn trim_stacks(&self, about_to_sleep: bool) {
        let now = Instant::now();
        if about_to_sleep || now >= self.last_trim.get() + stack::TRIM_EVERY {
            self.last_trim.set(now);
            self.pool.trim();
        }
    }

    fn run_loop(&self, mode: Mode) {
        struct Depth<'a>(&'a Cell<u32>);
        impl Drop for Depth<'_> {
            fn drop(&mut self) {
                self.0.set(self.0.get() - 1);
            }
        }
        self.loop_depth.set(self.loop_depth.get() + 1);
        let _depth = Depth(&self.loop_depth);
        loop {
            if mode == Mode::OnePass {
                self.poll_step(false);
                self.expire_timers();
                self.wake_yielders();
            }
            let batch = self.ready.borrow().len();
            for _ in 0..batch {
                let task = self.ready.borrow_mut().pop_front();
                let Some(task) = task else { break };
                if Rc::ptr_eq(&task, &self.main) {
                    task.state.set(State::Running);
                    return;
                }
                self.resume(task);
            }
            self.resumed_since_poll
                .set(self.resumed_since_poll.get().saturating_add(batch as u32));
            if mode == Mode::OnePass {
                return;
            }
            let idle = self.ready.borrow().is_empty() && self.yielders.borrow().is_empty();
            if idle || self.resumed_since_poll.get() >= BUSY_POLL_AFTER {
                self.poll_step(idle);
            }
            self.expire_timers();
            self.wake_yielders();
        }
    }

    /// Yielders run once there is no other ready work.
    fn wake_yielders(&self) {
        if self.ready.borrow().is_empty() {
            let all = std::mem::take(&mut *self.yielders.borrow_mut());
            for w in all {
                w.wake(Wake::Woken);
            }
        }
    }
}

impl Drop for Scheduler {
    fn drop(&mut self) {
        self.remote.close();
    }
}

/// Runs `f` once on this thread's scheduler, after the current batch of
/// ready work and right before the scheduler next polls (blocking or not).
///
/// Invariant for the Channel Access layer: `f` runs in scheduler-loop
/// context, outside any cothread, so it must not suspend; it may signal
/// events and spawn. Hooks queued by a hook run before the following poll.
#[cfg(test)] // the Channel Access layer uses `try_before_poll`
pub(crate) fn before_poll(f: impl FnOnce() + 'static) {
    current().before_poll.borrow_mut().push(Box::new(f));
}

/// [`before_poll`], or, when this thread's scheduler has gone (the thread is
/// exiting and its destructors run), `Err(f)`: no cycle will come.
pub(crate) fn try_before_poll<F: FnOnce() + 'static>(f: F) -> Result<(), F> {
    let mut f = Some(f);
    let queued = SCHED.try_with(|s| {
        if let Some(f) = f.take() {
            s.before_poll.borrow_mut().push(Box::new(f));
        }
    });
    match (queued, f) {
        (Ok(()), None) => Ok(()),
        (_, Some(f)) => Err(f),
        (Err(_), None) => unreachable!("the hook was queued"),
    }
}

/// Runs `f` once on this thread's scheduler, in loop context (outside any
/// cothread: it must not suspend; it may spawn and signal), at the first
/// pass of the loop after `deadline`. It holds no cothread meanwhile: if the
/// thread exits first, `f` is never run. From a destructor that may run
/// while the thread exits (its scheduler gone), nothing is queued.
pub(crate) fn call_at(deadline: Instant, f: fn()) {
    let _ = SCHED.try_with(|s| s.add_timed_call(deadline, f));
}

/// Whether this thread may start cothreads now (see `scope`): what the
/// layers that start cothreads for their callbacks check up front.
pub(crate) fn may_spawn() -> bool {
    with_current(|s| s.permit.may_spawn())
}

/// True when running inside a spawned cothread (not the main cothread and
/// not scheduler-loop context).
pub(crate) fn in_cothread() -> bool {
    let s = current();
    let in_cothread = !Rc::ptr_eq(&s.current.borrow(), &s.main);
    in_cothread
}

/// True when the caller may call a suspension point: inside a cothread, or
/// in the main cothread outside scheduler-loop context.
#[cfg(test)]
pub(crate) fn can_suspend() -> bool {
    !current().in_loop_context()
}

/// Runs whatever is ready without blocking: one pass of the scheduler loop
/// (poll fds and the wake-up fd with zero timeout, expire timers, run the
/// ready batch). Returns when it should be called again at the latest
/// (`None`: only when the wake-up fd becomes readable).
///
/// See [`crate::event_loop`] for how an external (GUI) main loop uses this.
pub(crate) fn run_ready() -> Option<Instant> {
    let s = current();
    assert!(
        !s.in_loop_context() && !in_cothread(),
        "cothread: run_ready() must be called from the main cothread, outside any cothread"
    );
    s.run_loop(Mode::OnePass);
    if !s.ready.borrow().is_empty() || !s.yielders.borrow().is_empty() {
        return Some(Instant::now());
    }
    s.next_deadline()
}

/// The fd of this thread's scheduler that becomes readable when work arrives
/// from other threads (see [`crate::event_loop`]).
pub(crate) fn wake_fd() -> RawFd {
    current().remote.wake_fd()
}
