//! The operating-system calls the scheduler needs, each behind a small safe
//! function: `poll`, an `eventfd` wake-up counter, the SIGINT hook used by
//! [`wait_for_quit`](crate::wait_for_quit), and the SIGSEGV handler that turns
//! a hit on a cothread stack's guard page into a clear message.
//!
//! Invariants: every file descriptor owned here is closed exactly once, by
//! the `Drop` of the type that opened it; the signal handlers touch only
//! atomics and async-signal-safe calls (`write`, `sigaction`).

use std::io;
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
use std::sync::Once;
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

/// `poll(2)` on `fds`, blocking as allowed by `timeout`.
///
/// A deadline is rounded *up* to whole milliseconds so that the call never
/// returns before it (which would make the caller spin).
/// `EINTR` is reported as zero ready descriptors.
pub(crate) fn poll(fds: &mut [libc::pollfd], timeout: PollTimeout) -> io::Result<usize> {
    let timeout_ms: libc::c_int = match timeout {
        PollTimeout::Forever => -1,
        PollTimeout::Zero => 0,
        PollTimeout::Until(d) => {
            let left = d.saturating_duration_since(Instant::now());
            let ms = left.as_nanos().div_ceil(1_000_000);
            ms.min(i32::MAX as u128) as libc::c_int
        }
    };
    // SAFETY: `fds` is a valid, exclusively borrowed slice of `pollfd` of the
    // stated length for the whole call.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
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

// ---------------------------------------------------------------------------
// Guard-page registry and SIGSEGV/SIGBUS reporting.

const GUARD_SLOTS: usize = 1024;
/// Lowest address of each live cothread stack's guard page (0 = free slot).
#[allow(clippy::declare_interior_mutable_const)] // only used to initialise GUARDS
const FREE_SLOT: AtomicUsize = AtomicUsize::new(0);
static GUARDS: [AtomicUsize; GUARD_SLOTS] = [FREE_SLOT; GUARD_SLOTS];
static mut OLD_SEGV: Option<libc::sigaction> = None;
static mut OLD_BUS: Option<libc::sigaction> = None;
static INSTALL: Once = Once::new();

/// Registers `[guard, guard + page)` as a cothread stack guard page, so an
/// overflow into it is reported as such. Silently skipped if the registry is
/// full (the overflow is still fatal, only the message is generic).
pub(crate) fn register_guard(guard: usize) {
    install_fault_handler();
    for slot in GUARDS.iter() {
        if slot
            .compare_exchange(0, guard, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return;
        }
    }
}

/// Forgets a guard page registered by [`register_guard`].
pub(crate) fn unregister_guard(guard: usize) {
    for slot in GUARDS.iter() {
        if slot
            .compare_exchange(guard, 0, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
        {
            return;
        }
    }
}

fn write_stderr(msg: &[u8]) {
    // SAFETY: writes from a live byte slice to fd 2; async-signal-safe.
    unsafe {
        libc::write(2, msg.as_ptr().cast(), msg.len());
    }
}

extern "C" fn on_fault(
    signal: libc::c_int,
    info: *mut libc::siginfo_t,
    context: *mut libc::c_void,
) {
    // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
    let addr = unsafe { (*info).si_addr() } as usize;
    let page = page_size();
    let hit = GUARDS.iter().any(|slot| {
        let guard = slot.load(Ordering::Relaxed);
        guard != 0 && addr >= guard && addr < guard + page
    });
    if hit {
        write_stderr(b"\ncothread: stack overflow in a cothread (its guard page was hit); aborting. Spawn it with a larger Builder::stack_size.\n");
        // Fall through to the default action so the process dies by this
        // signal when the faulting instruction re-executes.
        reset_default(signal);
        return;
    }
    // Not ours: hand over to whoever was installed before us (the Rust
    // runtime reports main-thread stack overflows that way).
    // SAFETY: the statics are written once, before this handler is installed,
    // and only read afterwards.
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
            // SAFETY: zeroed sigaction values are valid; the pointers refer
            // to live locals and to statics written only here, inside
            // `Once`, before our handler can run.
            unsafe {
                let mut new: libc::sigaction = std::mem::zeroed();
                new.sa_sigaction = on_fault
                    as extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void)
                    as usize;
                new.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, &new, &mut old) == 0 {
                    *old_slot = Some(old);
                }
            }
        }
    });
    ensure_altstack();
}

/// The fault handler must run on an alternate signal stack: the faulting
/// stack is, by definition, exhausted. Rust's runtime sets one up for the
/// threads it starts; this adds one (leaked, one per thread) if missing.
pub(crate) fn ensure_altstack() {
    // SAFETY: zeroed stack_t is valid; querying with a null new stack only
    // writes `old`.
    unsafe {
        let mut old: libc::stack_t = std::mem::zeroed();
        if libc::sigaltstack(std::ptr::null(), &mut old) != 0 {
            return;
        }
        if old.ss_flags & libc::SS_DISABLE == 0 {
            return;
        }
        let size = libc::SIGSTKSZ.max(64 * 1024);
        let mem = libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if mem == libc::MAP_FAILED {
            return;
        }
        let new = libc::stack_t {
            ss_sp: mem,
            ss_flags: 0,
            ss_size: size,
        };
        libc::sigaltstack(&new, std::ptr::null_mut());
    }
}
