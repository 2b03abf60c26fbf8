//! When libca-sys linked an installed EPICS base dynamically, makes the
//! crate's own tests, examples and benchmarks find libca at run time (an rpath
//! to that EPICS base's library folder) and tells the test harness where that
//! EPICS base is, so that it starts the matching `softIoc`. A vendored
//! (static) build and a docs.rs build need neither.
//!
//! Link arguments reach only this package's own targets; programs that depend
//! on cothread read `DEP_COTHREAD_LIB` or use an rpath in `.cargo/config.toml`
//! (see "Linking" in the crate docs).

use std::env;

/// Reads a `links` metadata value of libca-sys (`DEP_CA_*`), if it gave one.
fn libca_sys_metadata(key: &str) -> Option<String> {
    let name = format!("DEP_CA_{key}");
    println!("cargo:rerun-if-env-changed={name}");
    env::var(name).ok().filter(|value| !value.is_empty())
}

fn main() {
    // The test harness (tests/support), which libca-sys's tests include too,
    // records cothread's diagnostics only where cothread is the crate.
    println!("cargo:rustc-check-cfg=cfg(cothread_harness)");
    println!("cargo:rustc-cfg=cothread_harness");
    if libca_sys_metadata("LINKAGE").as_deref() != Some("dynamic") {
        return;
    }
    let (Some(lib), Some(base), Some(arch)) = (
        libca_sys_metadata("LIB"),
        libca_sys_metadata("BASE"),
        libca_sys_metadata("ARCH"),
    ) else {
        panic!("libca-sys linked dynamically but did not export DEP_CA_LIB, DEP_CA_BASE and DEP_CA_ARCH");
    };
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{lib}");
    }
    println!("cargo:rustc-env=CA_EPICS_BASE={base}");
    println!("cargo:rustc-env=CA_EPICS_HOST_ARCH={arch}");
    println!("cargo:lib={lib}");
    println!("cargo:base={base}");
}
