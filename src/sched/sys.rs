//! The operating-system calls the scheduler needs, each behind a small safe
//! function: `ppoll`, an `eventfd` wake-up counter, the SIGINT hook used by
//! [`wait_for_quit`](crate::wait_for_quit), the memory calls behind cothread
//! stacks (reserve, guard pages, give back), and the SIGSEGV handler that
//! turns a hit on a cothread stack's guard page into a clear message.
//!
//! Invariants: every file descriptor owned here is closed exactly once, by
//! the `Drop` of the type that opened it; the signal handlers touch only
//! atomics and async-signal-safe calls (`write`, `sigaction`).

use std::io;
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicI32, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Once, OnceLock};
use std::time::Instant;

/// How long [`poll`] may block.
#[derive(Clone, Copy, Debug)]
pub(crate) enum PollTimeout {
    /// Do not block.
    Zero,
    /// Block until this deadline at the latest.
    Until(Instant),
    /// Block until an fd is ready.
    Forever,
}

/// `ppoll(2)` on `fds`, blocking as allowed by `timeout`.
///
/// A deadline is passed to the kernel to the nanosecond, which never
/// returns before it (a timer may fire late by the kernel's timer slack,
/// 50 us by default, never early), so the caller neither spins nor sleeps a
/// whole extra millisecond as `poll`'s millisecond timeout would make it.
/// `EINTR` is reported as zero ready descriptors.
pub(crate) fn poll(fds: &mut [libc::pollfd], timeout: PollTimeout) -> io::Result<usize> {
    let timespec = |left: std::time::Duration| libc::timespec {
        tv_sec: left.as_secs().min(libc::time_t::MAX as u64) as libc::time_t,
        // Under 10^9: fits any `c_long`.
        tv_nsec: left.subsec_nanos() as libc::c_long,
    };
    let limit = match timeout {
        PollTimeout::Forever => None,
        PollTimeout::Zero => Some(timespec(std::time::Duration::ZERO)),
        PollTimeout::Until(d) => Some(timespec(d.saturating_duration_since(Instant::now()))),
    };
    let limit_ptr = limit.as_ref().map_or(std::ptr::null(), std::ptr::from_ref);
    // SAFETY: `fds` is a valid, exclusively borrowed slice of `pollfd` of the
    // stated length for the whole call; `limit_ptr` is NULL (block without a
    // limit) or points to a `timespec` that outlives the call; a NULL signal
    // mask leaves the thread's mask as it is, as `poll` does.
    let n = unsafe {
        libc::ppoll(
            fds.as_mut_ptr(),
            fds.len() as libc::nfds_t,
            limit_ptr,
            std::ptr::null(),
        )
    };
    if n < 0 {
        let err = io::Error::last_os_error();
        if err.kind() == io::ErrorKind::Interrupted {
            return Ok(0);
        }
        return Err(err);
    }
    Ok(n as usize)
}

/// A non-blocking Linux `eventfd`: a counter that is readable (`POLLIN`)
/// while non-zero. Used as the scheduler's wake-up fd and as the
/// readiness fd of [`ThreadedEventQueue`](crate::ThreadedEventQueue).
#[derive(Debug)]
pub(crate) struct EventFd {
    fd: RawFd,
}

impl EventFd {
    pub(crate) fn new() -> io::Result<EventFd> {
        // SAFETY: plain system call with constant flags; no pointers.
        let fd = unsafe { libc::eventfd(0, libc::EFD_NONBLOCK | libc::EFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(EventFd { fd })
    }

    pub(crate) fn fd(&self) -> RawFd {
        self.fd
    }

    /// Makes the fd readable. Async-signal-safe and allocation-free.
    pub(crate) fn notify(&self) {
        notify_raw(self.fd);
    }

    /// Makes the fd not readable again (until the next `notify`).
    pub(crate) fn drain(&self) {
        self.take_count();
    }

    /// Reads and clears the counter (0 if it was clear).
    pub(crate) fn take_count(&self) -> u64 {
        let mut value: u64 = 0;
        // SAFETY: reads at most 8 bytes into a live, properly aligned u64
        // owned by this frame; `self.fd` is open for as long as `self` lives.
        // EAGAIN (already drained) is fine and ignored.
        unsafe {
            libc::read(self.fd, (&mut value as *mut u64).cast(), 8);
        }
        value
    }
}

fn notify_raw(fd: RawFd) {
    let one: u64 = 1;
    // SAFETY: writes 8 bytes from a live u64; the caller guarantees `fd` is an
    // open eventfd. The only possible failure is EAGAIN when the counter is
    // saturated, in which case the fd is readable anyway.
    unsafe {
        libc::write(fd, (&one as *const u64).cast(), 8);
    }
}

impl Drop for EventFd {
    fn drop(&mut self) {
        // SAFETY: `self.fd` was opened by `EventFd::new` and is closed only here.
        unsafe {
            libc::close(self.fd);
        }
    }
}

/// The fd notified by `quit()` and by SIGINT (when caught); -1 until the
/// quit machinery is first used.
static QUIT_FD: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_sigint(_signal: libc::c_int) {
    let fd = QUIT_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        notify_raw(fd);
    }
}

/// Records the eventfd that SIGINT should notify. The fd must stay open for
/// the rest of the process (the caller leaks it on purpose).
pub(crate) fn set_quit_fd(fd: RawFd) {
    QUIT_FD.store(fd, Ordering::Relaxed);
}

/// A saved signal disposition, restored by [`restore_sigint`].
pub(crate) struct SavedSigaction(libc::sigaction);

/// Installs the SIGINT handler that notifies the quit fd; returns the
/// previous disposition.
pub(crate) fn catch_sigint() -> io::Result<SavedSigaction> {
    // SAFETY: `sigaction` is plain data; all-zero is a valid empty value.
    let mut new: libc::sigaction = unsafe { std::mem::zeroed() };
    new.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
    new.sa_flags = libc::SA_RESTART;
    // SAFETY: as above.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers refer to live `sigaction` values in this frame;
    // the handler only loads an atomic and calls write(2), both
    // async-signal-safe.
    let rc = unsafe { libc::sigaction(libc::SIGINT, &new, &mut old) };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(SavedSigaction(old))
}

/// Puts back the SIGINT disposition saved by [`catch_sigint`].
pub(crate) fn restore_sigint(saved: SavedSigaction) {
    // SAFETY: `saved.0` is a disposition previously returned by the kernel.
    unsafe {
        libc::sigaction(libc::SIGINT, &saved.0, std::ptr::null_mut());
    }
}

/// The system page size.
pub(crate) fn page_size() -> usize {
    static PAGE: AtomicUsize = AtomicUsize::new(0);
    let cached = PAGE.load(Ordering::Relaxed);
    if cached != 0 {
        return cached;
    }
    // SAFETY: sysconf with a constant name has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize;
    PAGE.store(size, Ordering::Relaxed);
    size
}

/// Whether the calling thread is the process's initial thread (the one that
/// ran `main`), whose thread id is the process id on Linux. A thread's name
/// cannot tell: any thread may be named "main".
pub(crate) fn is_initial_thread() -> bool {
    // SAFETY: getpid and the gettid system call take no arguments, touch no
    // memory of ours, and cannot fail.
    let (pid, tid) = unsafe { (libc::getpid(), libc::syscall(libc::SYS_gettid)) };
    libc::c_long::from(pid) == tid
}

// ---------------------------------------------------------------------------
// Memory for cothread stacks (used by `sched::stack`).

/// `madvise` advice that turns pages into guard pages inside a mapping
/// without splitting it (Linux 6.13+); not in every `libc` release yet.
const MADV_GUARD_INSTALL: libc::c_int = 102;

/// How guard pages are installed: unknown until the first install, then
/// `MADV_GUARD_INSTALL`, or `mprotect` for good once the kernel refused it.
const GUARD_UNKNOWN: u8 = 0;
const GUARD_MADVISE: u8 = 1;
const GUARD_MPROTECT: u8 = 2;
static GUARD_MODE: AtomicU8 = AtomicU8::new(GUARD_UNKNOWN);
/// `mprotect` guards installed so far (each costs about two mappings).
static MPROTECT_GUARDS: AtomicUsize = AtomicUsize::new(0);

/// Mappings left to the rest of the process when `mprotect` guards stop:
/// at the kernel's limit every allocation that needs a new mapping fails
/// (and Rust aborts on a failed allocation), so the spawner must hear "no
/// more stacks" while the process can still allocate.
const MAP_HEADROOM: usize = 4096;

/// How many `mprotect` guards may be installed: the test knob's limit, else
/// what `vm.max_map_count` (read, never changed) allows less the headroom.
fn mprotect_guard_limit() -> usize {
    static LIMIT: OnceLock<usize> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        if let (_, Some(limit)) = test_knob() {
            return limit;
        }
        let max_maps = std::fs::read_to_string("/proc/sys/vm/max_map_count")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(65530);
        max_maps.saturating_sub(MAP_HEADROOM) / 2
    })
}

/// The test-only knob `COTHREAD_TEST_STACKS` (see `sched::stack`): whether to
/// force the `mprotect` path, and after how many such guards to fail.
fn test_knob() -> (bool, Option<usize>) {
    static KNOB: OnceLock<(bool, Option<usize>)> = OnceLock::new();
    *KNOB.get_or_init(|| match std::env::var("COTHREAD_TEST_STACKS") {
        Ok(v) if v == "mprotect" => (true, None),
        Ok(v) => match v.strip_prefix("mprotect:").map(str::parse) {
            Some(Ok(limit)) => (true, Some(limit)),
            _ => (false, None),
        },
        Err(_) => (false, None),
    })
}

/// Reserves `len` bytes of address space for stacks: readable and writable,
/// charged to no swap (`MAP_NORESERVE`), never backed by huge pages (one
/// touched byte must cost one page, not 2 MiB).
pub(crate) fn map_stack_region(len: usize) -> io::Result<usize> {
    // SAFETY: an anonymous private mapping at an address of the kernel's
    // choosing; it overlaps nothing that exists.
    let addr = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
            -1,
            0,
        )
    };
    if addr == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: advice on the mapping just made; only a hint, so its failure
    // (e.g. a kernel without THP) is harmless.
    unsafe { libc::madvise(addr, len, libc::MADV_NOHUGEPAGE) };
    Ok(addr as usize)
}

/// Unmaps a region made by [`map_stack_region`].
///
/// # Safety
/// Nothing may run on, or hold a reference into, `[addr, addr + len)`.
pub(crate) unsafe fn unmap(addr: usize, len: usize) {
    // SAFETY: the caller guarantees the range is an unused mapping of ours.
    // A failure (ENOMEM when splitting a merged mapping) only leaks it.
    unsafe { libc::munmap(addr as *mut libc::c_void, len) };
}

/// Gives back the memory of `[addr, addr + len)`: it reads as zeros again.
/// Guard pages inside the range stay guard pages.
///
/// # Safety
/// Nothing may run on, or hold a reference into, the range.
pub(crate) unsafe fn discard(addr: usize, len: usize) {
    // SAFETY: the caller guarantees the range is mapped and unused, so
    // dropping its contents is invisible to Rust code. A failure only keeps
    // the memory.
    unsafe { libc::madvise(addr as *mut libc::c_void, len, libc::MADV_DONTNEED) };
}

/// Makes the page at `addr` (inside a [`map_stack_region`] mapping) a guard
/// page: `MADV_GUARD_INSTALL` where the kernel has it, else
/// `mprotect(PROT_NONE)`, which splits the mapping and so counts against
/// `vm.max_map_count`: `ENOMEM` once [`MAP_HEADROOM`] mappings from it.
/// Returns true for an `mprotect` guard: the caller reports it to
/// [`mprotect_guards_unmapped`] when its mapping goes.
pub(crate) fn install_guard_page(addr: usize) -> io::Result<bool> {
    let page = page_size();
    let (force_mprotect, _) = test_knob();
    if !force_mprotect && GUARD_MODE.load(Ordering::Relaxed) != GUARD_MPROTECT {
        // SAFETY: `addr` is a page of a stack mapping of ours that nothing
        // uses yet; the advice only makes that page fault on access.
        let rc = unsafe { libc::madvise(addr as *mut libc::c_void, page, MADV_GUARD_INSTALL) };
        if rc == 0 {
            GUARD_MODE.store(GUARD_MADVISE, Ordering::Relaxed);
            return Ok(false);
        }
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EINVAL) {
            return Err(err);
        }
        // An older kernel: use mprotect from now on.
    }
    GUARD_MODE.store(GUARD_MPROTECT, Ordering::Relaxed);
    if MPROTECT_GUARDS.load(Ordering::Relaxed) >= mprotect_guard_limit() {
        return Err(io::Error::from_raw_os_error(libc::ENOMEM));
    }
    // SAFETY: as above; PROT_NONE on one unused page of our mapping.
    let rc = unsafe { libc::mprotect(addr as *mut libc::c_void, page, libc::PROT_NONE) };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    MPROTECT_GUARDS.fetch_add(1, Ordering::Relaxed);
    Ok(true)
}

/// Accounts for `n` `mprotect` guards whose mapping was unmapped.
pub(crate) fn mprotect_guards_unmapped(n: usize) {
    MPROTECT_GUARDS.fetch_sub(n, Ordering::Relaxed);
}

// ---------------------------------------------------------------------------
// Guard-page registry and SIGSEGV/SIGBUS reporting.

/// Registered stack regions at most; beyond that an overflow is still fatal,
/// only its message is the generic one. Each region is a whole chunk of
/// stacks (64 MiB), so this covers a quarter of a TiB of stacks.
const GUARD_RANGES: usize = 4096;

/// A region `[start, end)` of stack slots of `stride` bytes, each starting
/// with a guard page. Free while `end` is 0. Written in the order start,
/// stride, end (cleared in the reverse order), so the signal handler, which
/// reads `end` first, sees either a consistent entry or a free one (a
/// concurrent reuse can at worst give a wrong message, never a wrong access).
struct GuardRange {
    start: AtomicUsize,
    end: AtomicUsize,
    stride: AtomicUsize,
}

#[allow(clippy::declare_interior_mutable_const)] // only used to initialise GUARDS
const FREE_RANGE: GuardRange = GuardRange {
    start: AtomicUsize::new(0),
    end: AtomicUsize::new(0),
    stride: AtomicUsize::new(0),
};
static GUARDS: [GuardRange; GUARD_RANGES] = [FREE_RANGE; GUARD_RANGES];
static mut OLD_SEGV: Option<libc::sigaction> = None;
static mut OLD_BUS: Option<libc::sigaction> = None;
static INSTALL: Once = Once::new();

/// Registers `[start, start + len)` as slots of `stride` bytes whose first
/// page each is a guard page, so an overflow into one is reported as such.
/// Silently skipped if the registry is full (the overflow is still fatal,
/// only the message is generic).
pub(crate) fn register_guard_range(start: usize, len: usize, stride: usize) {
    install_fault_handler();
    for slot in GUARDS.iter() {
        if slot
            .start
            .compare_exchange(0, start, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            slot.stride.store(stride, Ordering::Release);
            slot.end.store(start + len, Ordering::Release);
            return;
        }
    }
}

/// Forgets a region registered by [`register_guard_range`].
pub(crate) fn unregister_guard_range(start: usize) {
    for slot in GUARDS.iter() {
        if slot.start.load(Ordering::Acquire) == start && slot.end.load(Ordering::Acquire) != 0 {
            slot.end.store(0, Ordering::Release);
            slot.stride.store(0, Ordering::Release);
            slot.start.store(0, Ordering::Release);
            return;
        }
    }
}

/// True if `addr` lies in the guard page of a registered stack slot.
/// Async-signal-safe: atomics and arithmetic only.
fn is_guard_page(addr: usize) -> bool {
    let page = page_size();
    GUARDS.iter().any(|slot| {
        let end = slot.end.load(Ordering::Acquire);
        if end == 0 {
            return false;
        }
        let start = slot.start.load(Ordering::Acquire);
        let stride = slot.stride.load(Ordering::Acquire);
        stride != 0 && addr >= start && addr < end && (addr - start) % stride < page
    })
}

/// Writes `msg` to standard error (fd 2) itself, not through std's
/// `Stderr`: async-signal-safe (the fault handler writes with it), and
/// never waiting for the lock of std's handle, which a thread of the
/// program may hold for as long as it likes (a tool holding it for its
/// whole run, say) while a libca thread that reports something must not
/// wait. A line of up to 4 KiB to a pipe goes in one piece.
pub(crate) fn write_stderr(mut msg: &[u8]) {
    while !msg.is_empty() {
        // SAFETY: writes from a live byte slice to fd 2; async-signal-safe.
        let written = unsafe { libc::write(2, msg.as_ptr().cast(), msg.len()) };
        // (Reading errno allocates nothing: still async-signal-safe.)
        let interrupted =
            written < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted;
        match usize::try_from(written) {
            Ok(n) if n > 0 => msg = &msg[n.min(msg.len())..],
            _ if interrupted => {}
            // Closed, full, or a reader gone: the line is lost.
            _ => return,
        }
    }
}

extern "C" fn on_fault(
    signal: libc::c_int,
    info: *mut libc::siginfo_t,
    context: *mut libc::c_void,
) {
    // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
    let addr = unsafe { (*info).si_addr() } as usize;
    if is_guard_page(addr) {
        write_stderr(b"\ncothread: stack overflow in a cothread (its guard page was hit); aborting. Spawn it with a larger Builder::stack_size.\n");
        // Fall through to the default action so the process dies by this
        // signal when the faulting instruction re-executes.
        reset_default(signal);
        return;
    }
    // Not ours: hand over to whoever was installed before us (the Rust
    // runtime reports main-thread stack overflows that way).
    // SAFETY: `install_fault_handler` writes the statics once, inside
    // `Once`, before it installs this handler; afterwards they are only read.
    let old = unsafe {
        if signal == libc::SIGSEGV {
            (*std::ptr::addr_of!(OLD_SEGV)).as_ref()
        } else {
            (*std::ptr::addr_of!(OLD_BUS)).as_ref()
        }
    };
    match old {
        Some(old)
            if old.sa_flags & libc::SA_SIGINFO != 0
                && old.sa_sigaction != libc::SIG_DFL
                && old.sa_sigaction != libc::SIG_IGN =>
        {
            let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                // SAFETY: with SA_SIGINFO set, `sa_sigaction` holds a
                // three-argument handler installed by someone else.
                unsafe { std::mem::transmute(old.sa_sigaction) };
            f(signal, info, context);
        }
        // A plain one-argument handler (no SA_SIGINFO): called as such.
        Some(old) if old.sa_sigaction != libc::SIG_DFL && old.sa_sigaction != libc::SIG_IGN => {
            let f: extern "C" fn(libc::c_int) =
                // SAFETY: without SA_SIGINFO, `sa_sigaction` (the union's
                // `sa_handler`) holds a one-argument handler installed by
                // someone else.
                unsafe { std::mem::transmute(old.sa_sigaction) };
            f(signal);
        }
        _ => reset_default(signal),
    }
}

fn reset_default(signal: libc::c_int) {
    // SAFETY: zeroed sigaction with SIG_DFL is a valid disposition.
    unsafe {
        let mut dfl: libc::sigaction = std::mem::zeroed();
        dfl.sa_sigaction = libc::SIG_DFL;
        libc::sigaction(signal, &dfl, std::ptr::null_mut());
    }
}

fn install_fault_handler() {
    INSTALL.call_once(|| {
        for (signal, old_slot) in [
            (libc::SIGSEGV, std::ptr::addr_of_mut!(OLD_SEGV)),
            (libc::SIGBUS, std::ptr::addr_of_mut!(OLD_BUS)),
        ] {
            // SAFETY: zeroed sigaction values are valid. The previous
            // disposition is queried (null new action: nothing changes) and
            // stored first; only then is our handler installed, so the
            // handler never reads a static that is still being written. The
            // statics are written only here, once, inside `Once`. If the
            // query fails we install nothing, rather than lose the old one.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, std::ptr::null(), &mut old) != 0 {
                    continue;
                }
                *old_slot = Some(old);
                let mut new: libc::sigaction = std::mem::zeroed();
                new.sa_sigaction = on_fault
                    as extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void)
                    as usize;
                new.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigaction(signal, &new, std::ptr::null_mut());
            }
        }
    });
    ensure_altstack();
}

/// An alternate signal stack this module mapped for its thread, given back
/// when the thread exits (threads that C code started have none of their
/// own, and may come and go for the life of the process).
struct AltStack {
    mem: *mut libc::c_void,
    size: usize,
}

impl Drop for AltStack {
    fn drop(&mut self) {
        // SAFETY: this runs on the thread the stack was installed for (a
        // thread-local's destructor), outside any signal handler, so the
        // stack is not in use: it is first disabled for the thread, and only
        // if that succeeded unmapped (`mem`/`size` are the mapping made by
        // `ensure_altstack`, unmapped nowhere else).
        unsafe {
            let disable = libc::stack_t {
                ss_sp: std::ptr::null_mut(),
                ss_flags: libc::SS_DISABLE,
                ss_size: 0,
            };
            if libc::sigaltstack(&disable, std::ptr::null_mut()) == 0 {
                libc::munmap(self.mem, self.size);
                #[cfg(test)]
                LIVE_ALT_STACKS.fetch_sub(1, Ordering::Relaxed);
            }
        }
    }
}

/// Alternate signal stacks mapped by `ensure_altstack` and not yet given
/// back (tests only).
#[cfg(test)]
static LIVE_ALT_STACKS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// The alternate signal stack `ensure_altstack` installed on this
    /// thread, if it had to.
    static ALT_STACK: std::cell::RefCell<Option<AltStack>> = const { std::cell::RefCell::new(None) };
}

/// The fault handler must run on an alternate signal stack: the faulting
/// stack is, by definition, exhausted. Rust's runtime sets one up for the
/// threads it starts; this adds one if missing (a thread that C code
/// started), unmapped again when that thread exits.
pub(crate) fn ensure_altstack() {
    // SAFETY: zeroed stack_t is valid; querying with a null new stack only
    // writes `old`.
    let mut old: libc::stack_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::sigaltstack(std::ptr::null(), &mut old) } != 0 {
        return;
    }
    if old.ss_flags & libc::SS_DISABLE == 0 {
        return;
    }
    let size = libc::SIGSTKSZ.max(64 * 1024);
    // SAFETY: a fresh private anonymous mapping; no existing memory is
    // touched.
    let mem = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if mem == libc::MAP_FAILED {
        return;
    }
    let stack = AltStack { mem, size };
    #[cfg(test)]
    LIVE_ALT_STACKS.fetch_add(1, Ordering::Relaxed);
    let new = libc::stack_t {
        ss_sp: mem,
        ss_flags: 0,
        ss_size: size,
    };
    // SAFETY: `new` describes the mapping just made, which stays mapped
    // until `stack` is dropped; that drop disables it first.
    if unsafe { libc::sigaltstack(&new, std::ptr::null_mut()) } != 0 {
        return; // dropping `stack` unmaps it again
    }
    // On a thread already being torn down the slot is gone: the closure,
    // and `stack` with it, is then dropped unrun, which disables and unmaps
    // the stack at once (a fault there would find the default handling).
    let _ = ALT_STACK.try_with(|slot| {
        slot.borrow_mut().replace(stack);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes away the alternate signal stack Rust's runtime gave this
    /// thread, so that it looks like a thread C code started. (The runtime
    /// still unmaps its own stack when the thread exits.)
    fn drop_runtime_altstack() {
        let disable = libc::stack_t {
            ss_sp: std::ptr::null_mut(),
            ss_flags: libc::SS_DISABLE,
            ss_size: 0,
        };
        // SAFETY: disables this thread's alternate stack; no signal handler
        // is running on it (this is ordinary test code).
        let status = unsafe { libc::sigaltstack(&disable, std::ptr::null_mut()) };
        assert_eq!(status, 0);
    }

    fn altstack_enabled() -> bool {
        // SAFETY: zeroed stack_t is valid; a null new stack only queries.
        let mut now: libc::stack_t = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        assert_eq!(unsafe { libc::sigaltstack(std::ptr::null(), &mut now) }, 0);
        now.ss_flags & libc::SS_DISABLE == 0
    }

    #[test]
    fn an_alternate_signal_stack_added_for_a_thread_is_given_back_when_it_exits() {
        let threads = 64;
        for _ in 0..threads {
            std::thread::spawn(|| {
                drop_runtime_altstack();
                assert!(!altstack_enabled());
                ensure_altstack();
                assert!(altstack_enabled(), "ensure_altstack installed none");
                ensure_altstack(); // a second call adds nothing
            })
            .join()
            .unwrap();
        }
        // Every thread above has exited (joined), its thread-locals dropped.
        assert_eq!(
            LIVE_ALT_STACKS.load(Ordering::Relaxed),
            0,
            "alternate stacks of {threads} exited threads still mapped"
        );
    }
}
