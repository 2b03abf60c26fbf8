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
//! `mprotect` (two mappings per stack: about 32,700 live cothreads on a
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
//! * Unfinished cothreads that become unreachable, or that are still
//!   suspended when their thread exits, are abandoned: their coroutine, and
//!   so its stack, is leaked, never unwound nor unmapped. Unwinding would run
//!   user code from a destructor, on a thread that is tearing down; unmapping
//!   would free memory that something may still borrow (a scoped thread
//!   reading a local of the suspended cothread, say). Leaking is the sound
//!   choice; the cost is the touched pages of those stacks (their chunk
//!   stays mapped). Finished cothreads' stacks go back to the pool, and the
//!   pool, with every chunk no abandoned cothread still holds, is unmapped
//!   when the thread's scheduler drops.

pub(crate) mod quit;
pub(crate) mod remote;
mod spawn;
mod stack;
pub(crate) mod sys;
#[cfg(test)]
mod tests;

use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};
use std::mem::ManuallyDrop;
use std::os::fd::RawFd;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use corosensei::{Coroutine, CoroutineResult, Yielder};

use crate::error::Error;
pub(crate) use remote::Remote;
pub use remote::SchedulerHandle;
pub(crate) use remote::{remote_handle, RemoteHandle};
pub use spawn::{spawn, Builder, JoinHandle};
use stack::{CothreadStack, StackPool};
/// When the ready queue never drains, still poll file descriptors and the
/// remote queue after each batch that brings the number of cothread resumes
/// since the last poll to this many (a few microseconds of switching), so a
/// poll system call is not paid on every tiny batch.
const BUSY_POLL_AFTER: u32 = 128;

/// Callbacks from other threads, consumed by one callback cothread.
pub(crate) type CallbackQueue = crate::sync::EventQueue<Box<dyn FnOnce()>>;

type Co = Coroutine<(), (), (), CothreadStack>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Running,
    Ready,
    Waiting,
    Done,
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
    id: u64,
    state: Cell<State>,
    generation: Cell<u64>,
    reason: Cell<Wake>,
    timer_armed: Cell<bool>,
    /// The coroutine, on its own stack; `None` for the main cothread and
    /// once finished.
    co: RefCell<Option<ManuallyDrop<Co>>>,
    /// This coroutine's yielder (on its own stack), set when it starts.
    yielder: Cell<*const Yielder<(), ()>>,
}

impl Task {
    fn new(id: u64) -> Task {
        Task {
            id,
            state: Cell::new(State::Running),
            generation: Cell::new(0),
            reason: Cell::new(Wake::Woken),
            timer_armed: Cell::new(false),
            co: RefCell::new(None),
            yielder: Cell::new(std::ptr::null()),
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
    task: Rc<Task>,
    generation: u64,
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

/// FIFO of suspended tasks: the building block of every `sync` object.
#[derive(Default)]
pub(crate) struct WaitQueue {
    waiters: RefCell<VecDeque<Waker>>,
}

impl WaitQueue {
    /// Suspends the caller until woken through this queue (`Ok(true)`) or
    /// until `deadline` (`Ok(false)`).
    #[inline(always)]
    pub(crate) fn wait(&self, deadline: Option<Instant>) -> Result<bool, Error> {
        let wake = block(deadline, |waker| {
            let mut q = self.waiters.borrow_mut();
            if q.len() >= 64 && q.len().is_power_of_two() {
                q.retain(Waker::is_live);
            }
            q.push_back(waker.clone());
        })?;
        Ok(wake == Wake::Woken)
    }

    /// Wakes the longest-waiting live task; false if there was none.
    #[inline]
    pub(crate) fn wake_one(&self) -> bool {
        loop {
            let next = self.waiters.borrow_mut().pop_front();
            match next {
                None => return false,
                Some(w) => {
                    if w.wake(Wake::Woken) {
                        return true;
                    }
                }
            }
        }
    }

    /// Wakes every waiting task, in wait order.
    pub(crate) fn wake_all(&self) {
        let all = std::mem::take(&mut *self.waiters.borrow_mut());
        for w in all {
            w.wake(Wake::Woken);
        }
    }
}

struct TimerEntry {
    deadline: Instant,
    seq: u64,
    waker: Waker,
}

impl PartialEq for TimerEntry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for TimerEntry {}
impl PartialOrd for TimerEntry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for TimerEntry {
    /// Reversed, so the `BinaryHeap` is a min-heap on (deadline, seq).
    fn cmp(&self, other: &Self) -> Ordering {
        (other.deadline, other.seq).cmp(&(self.deadline, self.seq))
    }
}

/// A task blocked in `coselect`: its fds and where to put the result.
struct PollWait {
    fds: Vec<libc::pollfd>,
    waker: Waker,
    out: Rc<RefCell<Vec<(RawFd, i16)>>>,
}

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
    polls: RefCell<Vec<PollWait>>,
    pollfds: RefCell<Vec<libc::pollfd>>,
    before_poll: RefCell<Vec<Box<dyn FnOnce()>>>,
    remote: Arc<Remote>,
    /// This thread's cothread stacks: idle ones kept for reuse.
    pool: StackPool,
    last_trim: Cell<Instant>,
    next_id: Cell<u64>,
    resumed_since_poll: Cell<u32>,
    pub(crate) callbacks: RefCell<Option<CallbackQueue>>,
}

thread_local! {
    static SCHED: Rc<Scheduler> = Rc::new(Scheduler::new());
}

/// The calling thread's scheduler, created on first use.
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
            timer_seq: Cell::new(0),
            polls: RefCell::new(Vec::new()),
            pollfds: RefCell::new(Vec::new()),
            before_poll: RefCell::new(Vec::new()),
            remote: Remote::for_this_thread(),
            pool: StackPool::default(),
            last_trim: Cell::new(Instant::now()),
            next_id: Cell::new(1),
            resumed_since_poll: Cell::new(0),
            callbacks: RefCell::new(None),
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
    pub(crate) fn spawn_task(
        &self,
        stack_size: usize,
        body: Box<dyn FnOnce()>,
    ) -> std::io::Result<()> {
        let stack = self.pool.take(stack_size)?;
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let task = Rc::new(Task::new(id));
        task.state.set(State::Ready);
        let co = Coroutine::with_stack(stack, move |y: &Yielder<(), ()>, ()| {
            current().current_task().yielder.set(y);
            body();
        });
        *task.co.borrow_mut() = Some(ManuallyDrop::new(co));
        self.ready.borrow_mut().push_back(task);
        Ok(())
    }

    fn add_timer(&self, deadline: Instant, waker: Waker) {
        let seq = self.timer_seq.get();
        self.timer_seq.set(seq + 1);
        waker.task.timer_armed.set(true);
        self.armed_timers.set(self.armed_timers.get() + 1);
        let mut timers = self.timers.borrow_mut();
        if timers.len() >= 64 && timers.len() > 2 * self.armed_timers.get() {
            timers.retain(|e| e.waker.is_live());
        }
        timers.push(TimerEntry {
            deadline,
            seq,
            waker,
        });
    }

    /// Runs `task` until it suspends or finishes.
    fn resume(&self, task: Rc<Task>) {
        task.state.set(State::Running);
        // Only the main cothread resumes tasks, so `current` holds main's
        // `Rc` here: move it out and back rather than cloning it.
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
            let co = task.co.borrow_mut().take().map(ManuallyDrop::into_inner);
            if let Some(co) = co {
                self.pool.give(co.into_stack());
            }
        }
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

    fn expire_timers(&self) {
        if self.timers.borrow().is_empty() {
            return;
        }
        let now = Instant::now();
        loop {
            let entry = {
                let mut timers = self.timers.borrow_mut();
                match timers.peek() {
                    Some(e) if e.deadline <= now => timers.pop(),
                    _ => None,
                }
            };
            match entry {
                Some(e) => {
                    e.waker.wake(Wake::Timeout);
                }
                None => return,
            }
        }
    }

    /// Nearest deadline of a live timer, dropping stale ones at the top.
    fn next_deadline(&self) -> Option<Instant> {
        let mut timers = self.timers.borrow_mut();
        while let Some(top) = timers.peek() {
            if top.waker.is_live() {
                return Some(top.deadline);
            }
            timers.pop();
        }
        None
    }

    /// Runs `before_poll` hooks, then polls all registered fds plus the
    /// wake-up fd, blocking until the next timer if `may_block` and nothing
    /// became ready meanwhile.
    fn poll_step(&self, may_block: bool) {
        self.resumed_since_poll.set(0);
        let hooks = std::mem::take(&mut *self.before_poll.borrow_mut());
        for hook in hooks {
            hook();
        }
        let block =
            may_block && self.ready.borrow().is_empty() && self.yielders.borrow().is_empty();
        self.trim_stacks(block);
        let timeout = if block {
            self.next_deadline()
                .map_or(sys::PollTimeout::Forever, sys::PollTimeout::Until)
        } else {
            sys::PollTimeout::Zero
        };
        let mut fds = std::mem::take(&mut *self.pollfds.borrow_mut());
        fds.clear();
        fds.push(libc::pollfd {
            fd: self.remote.wake_fd(),
            events: libc::POLLIN,
            revents: 0,
        });
        {
            let mut polls = self.polls.borrow_mut();
            polls.retain(|p| p.waker.is_live());
            for p in polls.iter() {
                fds.extend_from_slice(&p.fds);
            }
        }
        if let Err(e) = sys::poll(&mut fds, timeout) {
            panic!("cothread: poll() failed in the scheduler: {e}");
        }
        if fds[0].revents != 0 {
            self.remote.run_pending();
        }
        let polls = std::mem::take(&mut *self.polls.borrow_mut());
        let mut rest = Vec::with_capacity(polls.len());
        let mut at = 1;
        for p in polls {
            let got = &fds[at..at + p.fds.len()];
            at += p.fds.len();
            let ready: Vec<(RawFd, i16)> = got
                .iter()
                .filter(|f| f.revents != 0)
                .map(|f| (f.fd, f.revents))
                .collect();
            if ready.is_empty() {
                rest.push(p);
            } else {
                *p.out.borrow_mut() = ready;
                p.waker.wake(Wake::Woken);
            }
        }
        self.polls.borrow_mut().extend(rest);
        *self.pollfds.borrow_mut() = fds;
    }
}

impl Drop for Scheduler {
    fn drop(&mut self) {
        self.remote.close();
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
    // SAFETY: `yielder` was set by this task's coroutine body when it
    // started and points to corosensei's yielder on this task's own stack,
    // which stays mapped and in place while the body runs. We are running
    // on that task (it is the current task), so the body has not returned.
    unsafe { (*yielder).suspend(()) };
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
    block_or_panic(deadline, |w| s.yielders.borrow_mut().push(w.clone()));
}

/// Suspends the caller until one of `fds` is ready or `deadline` passes;
/// returns the ready `(fd, revents)` pairs (empty on timeout).
pub(crate) fn poll_wait(
    fds: &[(RawFd, i16)],
    deadline: Option<Instant>,
) -> Result<Vec<(RawFd, i16)>, Error> {
    let s = current();
    let out = Rc::new(RefCell::new(Vec::new()));
    let pollfds: Vec<libc::pollfd> = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    block(deadline, |waker| {
        s.polls.borrow_mut().push(PollWait {
            fds: pollfds,
            waker: waker.clone(),
            out: out.clone(),
        })
    })?;
    let ready = std::mem::take(&mut *out.borrow_mut());
    Ok(ready)
}

/// Non-blocking `poll(2)` of `fds` (for an already expired timeout).
pub(crate) fn poll_now(fds: &[(RawFd, i16)]) -> Result<Vec<(RawFd, i16)>, Error> {
    let mut pollfds: Vec<libc::pollfd> = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    sys::poll(&mut pollfds, sys::PollTimeout::Zero).map_err(|e| Error::Io(Arc::new(e)))?;
    Ok(pollfds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| (p.fd, p.revents))
        .collect())
}

/// Runs `f` once on this thread's scheduler, after the current batch of
/// ready work and right before the scheduler next polls (blocking or not).
///
/// Invariant for the Channel Access layer: `f` runs in scheduler-loop
/// context, outside any cothread, so it must not suspend; it may signal
/// events and spawn. Hooks queued by a hook run before the following poll.
pub(crate) fn before_poll(f: impl FnOnce() + 'static) {
    current().before_poll.borrow_mut().push(Box::new(f));
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
