//! The cooperative scheduler: one per OS thread, created lazily on first use.
//!
//! # Design
//!
//! Each cothread is a corosensei stackful coroutine (this module is the only
//! user of corosensei). Code outside any cothread, e.g. `main`, is itself the
//! thread's *main cothread*: when it reaches a suspension point it runs the
//! scheduler loop inline, on its own stack, until it is woken again.
//!
//! ## Stacks: shared by default, dedicated on request
//!
//! By default (stack size 0, as in Python cothread) a cothread runs on a
//! **shared execution stack**: each scheduler has four, 1 MiB mmap'd regions
//! with a guard page each, and spawns are bound to them round robin (a
//! cothread's bytes must always return to the same addresses, because frames
//! point into themselves). When a cothread needs its shared stack and another
//! cothread's bytes are there, the live part of the resident one (from just
//! below its suspension point up to the stack base) is copied to a heap
//! buffer owned by its task, and the newcomer's buffer is copied back to the
//! same addresses. Eviction is lazy: resuming a cothread that is still
//! resident costs no copy, so up to four busy cothreads alternate for free.
//!
//! "Just below the suspension point" is measured, not guessed. The mark is
//! the stack pointer at the suspension (x86-64, AArch64; elsewhere a local's
//! address in a never-inlined `suspend_cothread`). When a shared stack is
//! created, a probe coroutine suspends through the same `suspend_cothread`
//! on a painted stack, and the lowest overwritten word gives the bytes below
//! the mark (at most 32 on x86-64, optimised), plus a 128-byte slack.
//!
//! The trade-off, measured on a 2-core x86-64 VM (see `BENCHMARKS.md`):
//!
//! | | shared stack (default) | dedicated stack (`stack_size`) |
//! |---|---|---|
//! | memory per blocked cothread | ~0.9 KiB in total (saved bytes + task) | at least one touched 4 KiB page + two kernel mappings |
//! | 100,000 blocked cothreads | works, 89 MiB peak RSS | impossible on a default kernel (`vm.max_map_count` 65530 stops at ~32,700 stacks) |
//! | creation | a heap buffer, no system call | 6-11 µs per mmap, amortised by a per-scheduler pool |
//! | switch cost | a copy of ~0.5 KiB each way when two cothreads of one stack alternate; none otherwise | none |
//! | recursion depth | 1 MiB, shared | as requested |
//!
//! [`Builder::stack_size`] gives a cothread its own guarded stack, taken
//! from the scheduler's pool (finished stacks are kept for reuse, up to 64),
//! for deep recursion or large frames.
//!
//! Every stack has a guard page; an overflow raises SIGSEGV, which a handler
//! installed here reports as a cothread stack overflow before the process
//! dies by that signal. Nothing is silently corrupted. The handler runs on
//! the thread's alternate signal stack (one is added if missing).
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
//!   runs (so while its bytes are resident).
//! * A waker is `(task, generation)`. Every suspension bumps the task's
//!   generation, so a task is woken at most once per suspension; stale wakers
//!   left in queues or the timer heap are skipped and periodically pruned.
//! * Unfinished cothreads that become unreachable, or that are still
//!   suspended when their thread exits, are abandoned: their coroutine is
//!   leaked rather than unwound (unwinding would have to run user code from a
//!   destructor, possibly with the wrong bytes on the shared stack).

pub(crate) mod remote;
mod send_fn;
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
pub(crate) use remote::{remote_handle, RemoteHandle};
pub(crate) use send_fn::SendFn;
pub use spawn::{spawn, Builder, JoinHandle};
use stack::{GuardedStack, SharedRef, SharedStack, StackPool};

/// Size of each shared execution stack. Only touched pages cost memory.
const SHARED_STACK_SIZE: usize = 1024 * 1024;
/// Number of shared execution stacks; spawns are spread over them round
/// robin, so up to this many busy cothreads can alternate without copying.
const SHARED_STACKS: usize = 4;

/// One shared execution stack and the task whose bytes are on it.
struct Slot {
    stack: Rc<SharedStack>,
    resident: Option<Rc<Task>>,
}
/// When the ready queue never drains, still poll file descriptors and the
/// remote queue after each batch that brings the number of cothread resumes
/// since the last poll to this many (a few microseconds of switching), so a
/// poll system call is not paid on every tiny batch.
const BUSY_POLL_AFTER: u32 = 128;

type SharedCo = Coroutine<(), (), (), SharedRef>;
type OwnCo = Coroutine<(), (), (), GuardedStack>;

enum Coro {
    Shared(SharedCo),
    Own(OwnCo),
}

impl Coro {
    fn done(&self) -> bool {
        match self {
            Coro::Shared(c) => c.done(),
            Coro::Own(c) => c.done(),
        }
    }
    fn started(&self) -> bool {
        match self {
            Coro::Shared(c) => c.started(),
            Coro::Own(c) => c.started(),
        }
    }
}

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
    /// Shared-stack body, until its coroutine is created at first run.
    start: RefCell<Option<Box<dyn FnOnce()>>>,
    co: RefCell<Option<ManuallyDrop<Coro>>>,
    /// True if this task runs on a shared stack (set at spawn).
    shared_stack: Cell<bool>,
    /// Which shared stack this task runs on (its bytes always go back to
    /// the same addresses, as frames point into themselves).
    slot: Cell<usize>,
    /// Saved live bytes of the shared stack while evicted.
    saved: RefCell<Vec<u8>>,
    /// Address inside the innermost frame at the last suspension.
    mark: Cell<usize>,
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
            shared_stack: Cell::new(false),
            slot: Cell::new(0),
            start: RefCell::new(None),
            co: RefCell::new(None),
            saved: RefCell::new(Vec::new()),
            mark: Cell::new(0),
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
            // Finished coroutines, and dedicated-stack ones never started
            // (their bytes live on their own stack), drop cleanly. Anything
            // else is abandoned: see the module invariants.
            let clean = co.done() || (!co.started() && matches!(*co, Coro::Own(_)));
            if clean {
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
    /// The shared stacks, created on demand, and who is resident on each.
    slots: RefCell<Vec<Slot>>,
    next_slot: Cell<usize>,
    pool: RefCell<StackPool>,
    next_id: Cell<u64>,
    resumed_since_poll: Cell<u32>,
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
            slots: RefCell::new(Vec::new()),
            next_slot: Cell::new(0),
            pool: RefCell::new(StackPool::default()),
            next_id: Cell::new(1),
            resumed_since_poll: Cell::new(0),
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

    /// Queues a new cothread at the back of the run queue. With
    /// `stack_size == 0` it will run on the shared stack.
    pub(crate) fn spawn_task(
        &self,
        stack_size: usize,
        body: Box<dyn FnOnce()>,
    ) -> std::io::Result<()> {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let task = Rc::new(Task::new(id));
        task.state.set(State::Ready);
        if stack_size == 0 {
            let slot = self.next_slot.get();
            self.next_slot.set((slot + 1) % SHARED_STACKS);
            task.slot.set(slot);
            task.shared_stack.set(true);
            *task.start.borrow_mut() = Some(body);
        } else {
            let stack = self.pool.borrow_mut().take(stack_size)?;
            let co = Coroutine::with_stack(stack, move |y: &Yielder<(), ()>, ()| {
                current().current_task().yielder.set(y);
                body();
            });
            *task.co.borrow_mut() = Some(ManuallyDrop::new(Coro::Own(co)));
        }
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

    /// Brings a shared-stack task's bytes onto its shared stack, evicting
    /// the bytes of the task resident there first.
    fn make_resident(&self, task: &Rc<Task>) {
        let index = task.slot.get();
        let (shared, evicted) = {
            let mut slots = self.slots.borrow_mut();
            while slots.len() <= index {
                let stack = SharedStack::new(SHARED_STACK_SIZE).unwrap_or_else(|e| {
                    panic!("cothread: cannot map a shared cothread stack: {e}")
                });
                calibrate(&stack);
                slots.push(Slot {
                    stack,
                    resident: None,
                });
            }
            let slot = &mut slots[index];
            if slot.resident.as_ref().is_some_and(|r| Rc::ptr_eq(r, task)) {
                return;
            }
            (slot.stack.clone(), slot.resident.replace(task.clone()))
        };
        if let Some(evicted) = evicted {
            shared.save(evicted.mark.get(), &mut evicted.saved.borrow_mut());
        }
        let start = task.start.borrow_mut().take();
        match start {
            Some(body) => {
                let co =
                    Coroutine::with_stack(SharedRef(shared), move |y: &Yielder<(), ()>, ()| {
                        current().current_task().yielder.set(y);
                        body();
                    });
                *task.co.borrow_mut() = Some(ManuallyDrop::new(Coro::Shared(co)));
            }
            None => shared.restore(&task.saved.borrow()),
        }
    }

    /// Runs `task` until it suspends or finishes.
    fn resume(&self, task: Rc<Task>) {
        if task.shared_stack.get() {
            self.make_resident(&task);
        }
        task.state.set(State::Running);
        // Only the main cothread resumes tasks, so `current` holds main's
        // `Rc` here: move it out and back rather than cloning it.
        let main = self.current.replace(task.clone());
        let finished = {
            let mut co = task.co.borrow_mut();
            let co = co
                .as_mut()
                .expect("cothread: resumed a task without a coroutine");
            let result = match &mut **co {
                Coro::Shared(c) => c.resume(()),
                Coro::Own(c) => c.resume(()),
            };
            matches!(result, CoroutineResult::Return(()))
        };
        self.current.replace(main);
        if finished {
            task.state.set(State::Done);
            let co = task.co.borrow_mut().take().map(ManuallyDrop::into_inner);
            match co {
                Some(Coro::Own(c)) => self.pool.borrow_mut().give(c.into_stack()),
                Some(Coro::Shared(c)) => {
                    drop(c);
                    let mut slots = self.slots.borrow_mut();
                    let resident = &mut slots[task.slot.get()].resident;
                    if resident.as_ref().is_some_and(|r| Rc::ptr_eq(r, &task)) {
                        *resident = None;
                    }
                    task.saved.borrow_mut().clear();
                    task.saved.borrow_mut().shrink_to_fit();
                }
                None => {}
            }
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

/// Measures how far below its mark a suspension writes on the shared stack,
/// so `SharedStack::save` copies exactly the live bytes plus a small slack.
///
/// Runs a probe coroutine through the very same `suspend_cothread` that all
/// cothreads use (its frame layout is fixed at compile time), on a stack
/// region painted with a pattern, then finds the lowest overwritten word.
/// Two patterns guard against a stored word equal to the paint.
/// Called once per shared stack, before any cothread's bytes are resident.
fn calibrate(shared: &Rc<SharedStack>) {
    let mut below = 0;
    for pattern in [0x5a5a_c3c3_a5a5_3c3c_u64, 0x0123_4567_89ab_cdef] {
        shared.paint_probe(pattern);
        let probe = Rc::new(Task::new(u64::MAX));
        let p = probe.clone();
        let mut co =
            Coroutine::with_stack(SharedRef(shared.clone()), move |y: &Yielder<(), ()>, ()| {
                p.yielder.set(y);
                suspend_cothread(&p);
            });
        let suspended = matches!(co.resume(()), CoroutineResult::Yield(()));
        assert!(
            suspended,
            "cothread: stack calibration probe did not suspend"
        );
        let lowest = shared.lowest_touched(pattern);
        below = below.max(probe.mark.get().saturating_sub(lowest));
        let finished = matches!(co.resume(()), CoroutineResult::Return(()));
        assert!(finished, "cothread: stack calibration probe did not finish");
    }
    shared.set_measured_margin(below);
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

/// Records where the live part of this cothread's stack ends (`mark`, see
/// `stack_mark`), then switches back to the scheduler.
///
/// Inlined on x86-64 and AArch64, where the mark is the stack pointer: a
/// switch made from the caller's own frame costs no return after it is
/// resumed. Each such return was predicted from the return-stack buffer,
/// whose top then belongs to the scheduler's resume, so it was a
/// mispredict (~8 ns each here); a corosensei resume+suspend pair costs
/// ~2 ns when suspending from the coroutine's own frame and ~17 ns from one
/// call deeper. Elsewhere the mark is a local's address, so this function
/// must keep a frame of its own: not inlined.
#[cfg_attr(any(target_arch = "x86_64", target_arch = "aarch64"), inline(always))]
#[cfg_attr(
    not(any(target_arch = "x86_64", target_arch = "aarch64")),
    inline(never)
)]
fn suspend_cothread(task: &Task) {
    task.mark.set(stack_mark());
    let yielder = task.yielder.get();
    assert!(
        !yielder.is_null(),
        "cothread: suspending a cothread that has not started"
    );
    // SAFETY: `yielder` was set by this task's coroutine body when it
    // started and points to corosensei's yielder on this task's own stack.
    // We are running on that task (it is the current task), so its stack
    // bytes are resident and the yielder is alive until the body returns.
    unsafe { (*yielder).suspend(()) };
}

/// The lowest address of the live stack at this point: the stack pointer.
/// Below it, the switch pushes a few words (and, should the compiler keep
/// corosensei's `Yielder::suspend` out of line, its return address and
/// register saves, well within the 128-byte slack); `calibrate` measures
/// them.
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
#[inline(always)]
fn stack_mark() -> usize {
    let sp: usize;
    // SAFETY: copies the stack pointer into a register; reads and writes no
    // memory, pushes nothing, and keeps the flags.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    // SAFETY: as above.
    #[cfg(target_arch = "aarch64")]
    unsafe {
        std::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    sp
}

/// The address of a local in the (never inlined) `suspend_cothread` frame.
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
#[inline(always)]
fn stack_mark() -> usize {
    let mark = 0u8;
    std::hint::black_box(&mark) as *const u8 as usize
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
