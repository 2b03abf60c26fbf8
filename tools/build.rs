//! Lets the installed programs find libca at run time, and tells the tests
//! where EPICS base is.
//!
//! - When cothread links a shared libca, the programs carry an rpath to its
//!   folder (`DEP_COTHREAD_LIB`, from cothread's build script), so that
//!   `cargo install` gives programs that run without `LD_LIBRARY_PATH`.
//!   Without that metadata (a libca linked statically) there is nothing to do.
//! - The tests include the workspace's IOC harness (`tests/support`), which
//!   starts that EPICS base's `softIoc` and reference tools: it reads
//!   `CA_EPICS_BASE` and `CA_EPICS_HOST_ARCH` at compile time, as it does in
//!   the cothread crate.

use std::env;
use std::path::Path;

/// A `links` metadata value of cothread (`DEP_COTHREAD_*`), if it gave one.
fn cothread_metadata(key: &str) -> Option<String> {
    let name = format!("DEP_COTHREAD_{key}");
    println!("cargo:rerun-if-env-changed={name}");
    env::var(name).ok()
}

fn main() {
    let lib = cothread_metadata("LIB");
    let base = cothread_metadata("BASE").filter(|base| !base.is_empty());
    if let Some(lib) = &lib {
        if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
            println!("cargo:rustc-link-arg=-Wl,-rpath,{lib}");
        }
    }
    // EPICS base keeps its libraries in lib/<host arch>.
    let arch = lib
        .as_deref()
        .and_then(|lib| Path::new(lib).file_name())
        .map(|arch| arch.to_string_lossy().into_owned());
    // The harness records cothread's diagnostics (cothread is a dependency).
    println!("cargo:rustc-check-cfg=cfg(cothread_harness)");
    println!("cargo:rustc-cfg=cothread_harness");
    // A vendored (static) build links no EPICS base: then the harness finds
    // one itself (`EPICS_BASE`, or the workspace's `.epics/base`).
    if let (Some(base), Some(arch)) = (base, arch) {
        println!("cargo:rustc-env=CA_EPICS_BASE={base}");
        println!("cargo:rustc-env=CA_EPICS_HOST_ARCH={arch}");
    }
}
