//! End to end through the raw bindings only: a libca context talks to a real
//! softIoc started by the test harness.

// `support` and `db` are links to the workspace's tests/support and tests/db
// (the packaged crate carries copies): one harness for every crate.
mod support;

use libca_sys::*;
use std::ffi::{c_void, CStr, CString};
use std::ptr;

/// A libca context owned by the calling thread for the life of the value.
struct Context;

impl Context {
    fn new() -> Context {
        support::shared_ioc();
        // SAFETY: each test thread creates its own context and destroys it in
        // Drop on the same thread; no channel outlives it.
        let status = unsafe { ca_context_create(ca_disable_preemptive_callback) };
        assert_eq!(status, ECA_NORMAL, "ca_context_create");
        Context
    }

    /// Creates a channel and waits up to `timeout` seconds for it to connect.
    fn connect(&self, name: &str, timeout: f64) -> Result<chid, i32> {
        let name = CString::new(name).unwrap();
        let mut channel: chid = ptr::null_mut();
        // SAFETY: name is a valid C string for the call; channel receives the id;
        // no connection callback, so libca needs nothing else to stay alive.
        let status = unsafe {
            ca_create_channel(
                name.as_ptr(),
                None,
                ptr::null_mut(),
                CA_PRIORITY_DEFAULT as capri,
                &mut channel,
            )
        };
        if status != ECA_NORMAL {
            return Err(status);
        }
        // SAFETY: waits in this thread's context for the channel created above.
        let status = unsafe { ca_pend_io(timeout) };
        if status != ECA_NORMAL {
            // SAFETY: channel was created above in this context and is not used again.
            unsafe { ca_clear_channel(channel) };
            return Err(status);
        }
        Ok(channel)
    }

    fn get_double(&self, channel: chid) -> f64 {
        let mut value: f64 = 0.0;
        // SAFETY: value is a live f64, the buffer for one DBR_DOUBLE; ca_pend_io
        // returns only once libca has written it (or failed).
        unsafe {
            let status = ca_array_get(DBR_DOUBLE, 1, channel, (&mut value as *mut f64).cast());
            assert_eq!(status, ECA_NORMAL, "ca_array_get");
            assert_eq!(ca_pend_io(5.0), ECA_NORMAL, "ca_pend_io after get");
        }
        value
    }

    fn get_string(&self, channel: chid) -> String {
        let mut buffer: dbr_string_t = [0; MAX_STRING_SIZE as usize];
        // SAFETY: buffer is one DBR_STRING (40 bytes), written by libca before
        // ca_pend_io returns.
        unsafe {
            let status = ca_array_get(DBR_STRING, 1, channel, buffer.as_mut_ptr().cast());
            assert_eq!(status, ECA_NORMAL, "ca_array_get");
            assert_eq!(ca_pend_io(5.0), ECA_NORMAL, "ca_pend_io after get");
            CStr::from_ptr(buffer.as_ptr())
                .to_string_lossy()
                .into_owned()
        }
    }

    fn put_double(&self, channel: chid, value: f64) {
        // SAFETY: libca copies the value out of the buffer during the call.
        unsafe {
            let status = ca_array_put(
                DBR_DOUBLE,
                1,
                channel,
                (&value as *const f64).cast::<c_void>(),
            );
            assert_eq!(status, ECA_NORMAL, "ca_array_put");
            assert_eq!(ca_pend_io(5.0), ECA_NORMAL, "ca_pend_io after put");
        }
    }
}

impl Drop for Context {
    fn drop(&mut self) {
        // SAFETY: destroys the context this thread created in new(), with its channels.
        unsafe { ca_context_destroy() };
    }
}

#[test]
fn reads_a_double_and_a_string_from_the_ioc() {
    let ioc = support::shared_ioc();
    let ctx = Context::new();
    let ai = ctx.connect(&ioc.pv("ai"), 5.0).expect("connect ai");
    assert_eq!(ctx.get_double(ai), 3.5);
    // SAFETY: ai is a connected channel of this context.
    assert_eq!(unsafe { ca_field_type(ai) }, DBF_DOUBLE as i16);
    let si = ctx
        .connect(&ioc.pv("stringin"), 5.0)
        .expect("connect stringin");
    assert_eq!(ctx.get_string(si), "hello");
}

#[test]
fn written_value_reads_back() {
    let ioc = support::shared_ioc();
    let ctx = Context::new();
    let ao = ctx.connect(&ioc.pv("ao"), 5.0).expect("connect ao");
    ctx.put_double(ao, 6.75);
    assert_eq!(ctx.get_double(ao), 6.75);
    ctx.put_double(ao, -2.5);
    assert_eq!(ctx.get_double(ao), -2.5);
}

#[test]
fn missing_pv_times_out_with_an_error() {
    let ioc = support::shared_ioc();
    let ctx = Context::new();
    let started = std::time::Instant::now();
    let status = ctx
        .connect(&ioc.pv("no-such-record"), 0.5)
        .expect_err("a PV nobody serves must not connect");
    assert_eq!(status, ECA_TIMEOUT);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "returned promptly"
    );
    // SAFETY: ca_message returns a static string for any status.
    let text = unsafe { CStr::from_ptr(ca_message(status.into())) };
    assert_eq!(
        text.to_str().unwrap(),
        "User specified timeout on IO operation expired"
    );
}
