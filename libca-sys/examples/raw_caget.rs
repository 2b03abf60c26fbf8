//! Reads PVs through the raw libca bindings and prints them as `caget` does:
//!
//! ```text
//! cargo run -p libca-sys --example raw_caget -- PV [PV...]
//! ```
//!
//! The cothread crate's catools are the safe, cooperative way to do this; this
//! example shows the C API that they stand on.

use libca_sys::*;
use std::ffi::{CStr, CString};
use std::process::ExitCode;
use std::ptr;

fn main() -> ExitCode {
    let names: Vec<String> = std::env::args().skip(1).collect();
    if names.is_empty() {
        eprintln!("usage: raw_caget PV [PV...]");
        return ExitCode::from(2);
    }
    // SAFETY: one context for this thread, destroyed at the end of main; the
    // channels and buffers used below live until after the final ca_pend_io.
    unsafe {
        if ca_context_create(ca_disable_preemptive_callback) != ECA_NORMAL {
            eprintln!("cannot create a Channel Access context");
            return ExitCode::FAILURE;
        }
        let c_names: Vec<CString> = names
            .iter()
            .map(|n| CString::new(n.as_str()).unwrap())
            .collect();
        let mut channels = vec![ptr::null_mut(); names.len()];
        for (name, channel) in c_names.iter().zip(channels.iter_mut()) {
            ca_create_channel(name.as_ptr(), None, ptr::null_mut(), 0, channel);
        }
        // Connection and reads of all PVs overlap: one wait for each phase.
        let connected = ca_pend_io(2.0) == ECA_NORMAL;
        let mut values: Vec<dbr_string_t> = vec![[0; MAX_STRING_SIZE as usize]; names.len()];
        for (channel, value) in channels.iter().zip(values.iter_mut()) {
            if ca_state(*channel) == cs_conn {
                ca_array_get(DBR_STRING, 1, *channel, value.as_mut_ptr().cast());
            }
        }
        ca_pend_io(2.0);
        let mut status = ExitCode::SUCCESS;
        for ((name, channel), value) in names.iter().zip(&channels).zip(&values) {
            if ca_state(*channel) == cs_conn {
                let text = CStr::from_ptr(value.as_ptr()).to_string_lossy();
                println!("{name:<30} {text}");
            } else {
                println!(
                    "{name:<30} *** not connected{}",
                    if connected { "" } else { " (timeout)" }
                );
                status = ExitCode::FAILURE;
            }
        }
        ca_context_destroy();
        status
    }
}
