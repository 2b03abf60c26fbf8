//! The process's one libca context, and the things that belong to it rather
//! than to a channel: the exception handler (which hands
//! libca's exceptions to [`diagnostics`]), flushing, libca's report on the
//! context.
//!
//! The context is created by the first thread that makes a CA call, with
//! preemptive callbacks enabled, so that libca delivers every callback on
//! its own threads without anyone calling `ca_pend_event`. libca reads the
//! `EPICS_CA_*` environment (`ADDR_LIST`, `AUTO_ADDR_LIST`, `CONN_TMO`,
//! `SERVER_PORT`, `REPEATER_PORT`, `MAX_ARRAY_BYTES`, `AUTO_ARRAY_BYTES`,
//! `MAX_SEARCH_PERIOD`, `NAME_SERVERS`, `MCAST_TTL`) at that moment and never
//! again: a program sets them before its first CA call (`catools::initialise`
//! checks them and creates the context up front). Every other thread attaches
//! to the same context ([`attach`]) before its first libca call.
//!
//! Invariants: `CONTEXT` is written once, under its lock, and the context it
//! names is never destroyed (libca's threads live for the process, as in
//! Python's catools; channels are cleared one by one when left unused, see
//! `channel`). `ATTACHED` is true on a thread only once
//! `ca_current_context()` on that thread is `CONTEXT`.

use libca_sys as sys;
use parking_lot::Mutex;
use std::cell::Cell;
use std::ffi::CStr;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::ca_types::CaError;
use crate::diagnostics::{self, Diagnostic};

/// The context pointer, shareable between threads: libca contexts are made
/// for use by every thread that attaches to them.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ContextPtr(*mut sys::ca_client_context);

// SAFETY: the pointer is only passed to ca_attach_context and compared; libca
// documents a preemptive-callback context as shared by all attached threads.
unsafe impl Send for ContextPtr {}

static CONTEXT: Mutex<Option<ContextPtr>> = Mutex::new(None);

/// `EPICS_CA_MAX_ARRAY_BYTES` as libca read it (16384 when unset).
static MAX_ARRAY_BYTES: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_ARRAY_BYTES);

/// libca's default (and smallest) `EPICS_CA_MAX_ARRAY_BYTES`.
const DEFAULT_MAX_ARRAY_BYTES: usize = 16384;

thread_local! {
    static ATTACHED: Cell<bool> = const { Cell::new(false) };
}

/// Makes sure the calling thread is attached to the process's CA context,
/// creating the context on the first call in the process.
pub(crate) fn attach() -> Result<(), CaError> {
    if ATTACHED.with(Cell::get) {
        return Ok(());
    }
    let mut context = CONTEXT.lock();
    // SAFETY: ca_current_context only reads this thread's context pointer.
    let current = ContextPtr(unsafe { sys::ca_current_context() });
    match *context {
        Some(ours) if current == ours => {}
        Some(ours) => {
            // SAFETY: `ours` is the live context created below, never destroyed.
            let status = unsafe { sys::ca_attach_context(ours.0) };
            if status != sys::ECA_NORMAL {
                return Err(CaError::new("", status, "ca_attach_context"));
            }
        }
        None => *context = Some(create()?),
    }
    ATTACHED.with(|attached| attached.set(true));
    Ok(())
}

/// Creates the context on this thread and installs the exception handler.
fn create() -> Result<ContextPtr, CaError> {
    let max_bytes = std::env::var("EPICS_CA_MAX_ARRAY_BYTES")
        .ok()
        .and_then(|text| scan_long(&text))
        .and_then(|n| usize::try_from(n).ok())
        .map_or(DEFAULT_MAX_ARRAY_BYTES, |n| n.max(DEFAULT_MAX_ARRAY_BYTES));
    MAX_ARRAY_BYTES.store(max_bytes, Ordering::Relaxed);
    // SAFETY: creates (or, if this thread already has one, keeps) this
    // thread's context; no pointers are passed.
    let status = unsafe { sys::ca_context_create(sys::ca_enable_preemptive_callback) };
    if status != sys::ECA_NORMAL {
        return Err(CaError::new("", status, "ca_context_create"));
    }
    // SAFETY: queries this thread's context, which now exists.
    if unsafe { sys::ca_preemtive_callback_is_enabled() } == 0 {
        return Err(CaError::new("", sys::ECA_NOTTHREADED, "ca_context_create")
            .with_detail("this thread already had a CA context without preemptive callbacks"));
    }
    // SAFETY: the handler is a plain function that catches unwinding; it
    // needs no user pointer.
    let status =
        unsafe { sys::ca_add_exception_event(Some(exception_handler), std::ptr::null_mut()) };
    if status != sys::ECA_NORMAL {
        return Err(CaError::new("", status, "ca_add_exception_event"));
    }
    // SAFETY: reads this thread's context pointer.
    Ok(ContextPtr(unsafe { sys::ca_current_context() }))
}

/// The CA protocol version of the libca in use (`ca_version`), e.g. `"4.13"`.
pub(crate) fn protocol_version() -> &'static str {
    // SAFETY: ca_version needs no context and returns a pointer to a static,
    // constant string of libca, never NULL; libca stays loaded for the life
    // of the process.
    let text: &'static CStr = unsafe { CStr::from_ptr(sys::ca_version()) };
    text.to_str().unwrap_or("(unreadable CA version)")
}

/// Prints libca's own report on the process's context at interest `level`
/// (`ca_client_status`) to standard output, and flushes it there.
pub(crate) fn client_status(level: u32) -> Result<(), CaError> {
    attach()?;
    // SAFETY: this thread is attached to the context, so libca reports on it
    // rather than creating another; ca_client_status takes the context's own
    // locks while it reads, and takes no pointer.
    let status = unsafe { sys::ca_client_status(level) };
    // libca prints with C's stdio, whose buffer is not Rust's: empty it now,
    // so the report comes out before whatever Rust prints next.
    // SAFETY: fflush(NULL) flushes every C output stream and takes no
    // pointer of ours.
    unsafe { libc::fflush(std::ptr::null_mut()) };
    if status == sys::ECA_NORMAL {
        Ok(())
    } else {
        Err(CaError::new("", status, "ca_client_status"))
    }
}

/// Sends every request queued by this process (`ca_flush_io`). Requests are
/// not flushed one by one: the scheduler calls this once per cycle.
pub(crate) fn flush_io() -> Result<(), CaError> {
    attach()?;
    // SAFETY: this thread is attached to the context.
    let status = unsafe { sys::ca_flush_io() };
    if status == sys::ECA_NORMAL {
        Ok(())
    } else {
        Err(CaError::new("", status, "ca_flush_io"))
    }
}

/// An integer setting as libca's `envGetLongConfigParam` reads it, i.e. C's
/// `sscanf("%ld")`: blanks, an optional sign and at least one digit; the
/// rest of the text is ignored, an overflow saturates (as glibc's does).
/// So `EPICS_CA_MAX_ARRAY_BYTES=100000x` means 100000 here as it does to
/// libca.
pub(crate) fn scan_long(text: &str) -> Option<i64> {
    let text = text.trim_start();
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    let magnitude = digits[..end].parse::<i64>().unwrap_or(i64::MAX);
    Some(if negative { -magnitude } else { magnitude })
}

/// The largest payload a request may move, in bytes (`EPICS_CA_MAX_ARRAY_BYTES`).
pub(crate) fn max_array_bytes() -> usize {
    MAX_ARRAY_BYTES.load(Ordering::Relaxed)
}

/// Runs `f`, containing a panic: no unwinding may cross into libca. The
/// panic is reported as [`Diagnostic::PanicContained`].
pub(crate) fn guarded(place: &'static str, f: impl FnOnce()) {
    if let Err(panic) = catch_unwind(AssertUnwindSafe(f)) {
        let message = crate::error::take_panic_message(panic);
        diagnostics::report(Diagnostic::PanicContained { place, message });
    }
}

/// libca's exception callback: a [`Diagnostic`] instead of libca's default
/// handler, which prints a crash-like message (and aborts for some codes).
/// Exceptions of requests with a callback reach that callback instead; this
/// gets the rest: a plain put the server refused ([`Diagnostic::PutRejected`])
/// and the others ([`Diagnostic::CaException`], e.g. a lost server).
unsafe extern "C" fn exception_handler(args: sys::exception_handler_args) {
    guarded("CA exception handler", || {
        let pv = if args.chid.is_null() {
            String::new()
        } else {
            // SAFETY: libca passes a live channel for the duration of the
            // callback; ca_name returns its NUL-terminated name.
            unsafe { CStr::from_ptr(sys::ca_name(args.chid)) }
                .to_string_lossy()
                .into_owned()
        };
        let context = if args.ctx.is_null() {
            String::new()
        } else {
            // SAFETY: a non-NULL ctx is a NUL-terminated string libca keeps
            // alive for the duration of the callback.
            unsafe { CStr::from_ptr(args.ctx) }
                .to_string_lossy()
                .into_owned()
        };
        let status = i32::try_from(args.stat).unwrap_or(sys::ECA_INTERNAL);
        // libca's context is often just the channel's name: say it once.
        let error = CaError::new(pv.as_str(), status, operation_name(args.op));
        let error = if context.is_empty() || context == pv {
            error
        } else {
            error.with_detail(context)
        };
        diagnostics::report(if args.op == sys::CA_OP_PUT as std::os::raw::c_long {
            Diagnostic::PutRejected(error)
        } else {
            Diagnostic::CaException(error)
        });
    });
}

/// The name of a `CA_OP_*` code.
fn operation_name(op: std::os::raw::c_long) -> &'static str {
    match op as u32 {
        sys::CA_OP_GET => "get",
        sys::CA_OP_PUT => "put",
        sys::CA_OP_CREATE_CHANNEL => "create channel",
        sys::CA_OP_ADD_EVENT => "add event",
        sys::CA_OP_CLEAR_EVENT => "clear event",
        sys::CA_OP_OTHER => "other",
        sys::CA_OP_CONN_UP => "connection up",
        sys::CA_OP_CONN_DOWN => "connection down",
        _ => "unknown operation",
    }
}

#[cfg(test)]
mod tests {
    use super::scan_long;

    #[test]
    fn an_integer_setting_reads_as_libcas_sscanf_reads_it() {
        assert_eq!(scan_long("100000x"), Some(100_000));
        assert_eq!(scan_long("  42"), Some(42));
        assert_eq!(scan_long("+7 bytes"), Some(7));
        assert_eq!(scan_long("-5"), Some(-5));
        assert_eq!(scan_long("99999999999999999999"), Some(i64::MAX));
        assert_eq!(scan_long("x100"), None);
        assert_eq!(scan_long("-"), None);
        assert_eq!(scan_long(""), None);
    }
}
