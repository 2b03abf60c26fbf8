//! Makes the crate's own tests, examples and benchmarks find libca at run time
//! (an rpath to the EPICS base that libca-sys linked), and tells them where
//! that EPICS base is, so the test harness starts the matching `softIoc`.
//!
//! User binaries that depend on cothread get the same rpath from their own
//! build script: `DEP_COTHREAD_LIB` names the folder (see the README).

use std::env;

/// Reads a `links` metadata value of libca-sys (`DEP_CA_*`).
fn libca_sys_metadata(key: &str) -> String {
    let name = format!("DEP_CA_{key}");
    println!("cargo:rerun-if-env-changed={name}");
    env::var(&name).unwrap_or_else(|_| panic!("libca-sys did not export {name}"))
}

fn main() {
    let lib = libca_sys_metadata("LIB");
    let base = libca_sys_metadata("BASE");
    let arch = libca_sys_metadata("ARCH");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{lib}");
    }
    // The test harness (tests/support), which libca-sys's tests include too,
    // records cothread's diagnostics only where cothread is the crate.
    println!("cargo:rustc-check-cfg=cfg(cothread_harness)");
    println!("cargo:rustc-cfg=cothread_harness");
    println!("cargo:rustc-env=CA_EPICS_BASE={base}");
    println!("cargo:rustc-env=CA_EPICS_HOST_ARCH={arch}");
    println!("cargo:lib={lib}");
    println!("cargo:base={base}");
}
