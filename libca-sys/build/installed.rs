//! The installed mode: links the shared libca and libCom of the EPICS base
//! that `EPICS_BASE` names.

use super::{env_var, export_include_dirs, fail, target_os};
use std::path::PathBuf;

/// One EPICS base tree, resolved for the target being built.
struct EpicsBase {
    root: PathBuf,
    arch: String,
}

impl EpicsBase {
    fn lib_dir(&self) -> PathBuf {
        self.root.join("lib").join(&self.arch)
    }

    /// `include/`, then the OS and compiler folders that a real EPICS base
    /// keeps apart (epicscorelibs flattens them into `include/`).
    fn include_dirs(&self) -> Vec<PathBuf> {
        let include = self.root.join("include");
        let mut dirs = vec![include.clone()];
        let (os, compiler) = os_and_compiler();
        for sub in [
            include.join("os").join(os),
            include.join("compiler").join(compiler),
        ] {
            if sub.is_dir() {
                dirs.push(sub);
            }
        }
        dirs
    }
}

/// Links `$EPICS_BASE`'s libca and libCom; returns the header folders.
pub fn link() -> Vec<PathBuf> {
    let root = PathBuf::from(env_var("EPICS_BASE").expect("installed mode needs EPICS_BASE"));
    let base = EpicsBase {
        root,
        arch: host_arch(),
    };
    // Shown by `cargo build -vv`: which EPICS base this build uses.
    eprintln!(
        "libca-sys: linking EPICS base {} (arch {}) dynamically",
        base.root.display(),
        base.arch
    );
    check_tree(&base);
    emit_link_lines(&base);
    let include_dirs = base.include_dirs();
    export_include_dirs(&include_dirs);
    include_dirs
}

/// The EPICS host architecture: `EPICS_HOST_ARCH`, else derived from the target.
fn host_arch() -> String {
    if let Some(arch) = env_var("EPICS_HOST_ARCH") {
        return arch;
    }
    let os = target_os();
    let cpu = super::cargo_var("CARGO_CFG_TARGET_ARCH");
    let arch = match (os.as_str(), cpu.as_str()) {
        ("linux", "x86_64") => "linux-x86_64",
        ("linux", "x86") => "linux-x86",
        ("linux", "aarch64") => "linux-aarch64",
        ("linux", "arm") => "linux-arm",
        ("linux", "powerpc64") => "linux-ppc64",
        ("macos", "x86_64") => "darwin-x86",
        ("macos", "aarch64") => "darwin-aarch64",
        ("windows", "x86_64") => "windows-x64",
        ("windows", "x86") => "win32-x86",
        _ => fail(&format!(
            "cannot derive EPICS_HOST_ARCH for target os '{os}', arch '{cpu}'.\n\
             Set EPICS_HOST_ARCH to the name of the folder under $EPICS_BASE/lib that holds libca."
        )),
    };
    arch.to_string()
}

/// The names EPICS uses for the `include/os/<OS>` and `include/compiler/<cc>` folders.
fn os_and_compiler() -> (&'static str, &'static str) {
    match target_os().as_str() {
        "macos" => ("Darwin", "clang"),
        "windows" => ("WIN32", "msvc"),
        _ => ("Linux", "gcc"),
    }
}

/// Fails early, naming what is missing, rather than with a linker error later.
fn check_tree(base: &EpicsBase) {
    let header = base.root.join("include").join("cadef.h");
    if !header.is_file() {
        fail(&format!(
            "EPICS_BASE={} has no include/cadef.h.\n\
             EPICS_BASE must name the top of an EPICS base tree (the folder holding include/ and lib/).\n\
             Unset EPICS_BASE to build libca from the sources this crate carries instead.",
            base.root.display()
        ));
    }
    let lib_dir = base.lib_dir();
    let found = ["libca.so", "libca.dylib", "ca.lib", "libca.a"]
        .iter()
        .any(|name| lib_dir.join(name).exists());
    if !found {
        fail(&format!(
            "EPICS_BASE={} has no libca in {}.\n\
             Set EPICS_HOST_ARCH to the folder under lib/ that holds libca (now '{}').",
            base.root.display(),
            lib_dir.display(),
            base.arch
        ));
    }
}

fn emit_link_lines(base: &EpicsBase) {
    let lib_dir = base.lib_dir();
    println!("cargo:rustc-link-search=native={}", lib_dir.display());
    println!("cargo:rustc-link-lib=dylib=ca");
    println!("cargo:rustc-link-lib=dylib=Com");
    // This crate's own tests and examples find the libraries without
    // LD_LIBRARY_PATH (link arguments do not reach dependents: see the crate docs).
    if target_os() != "windows" {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", lib_dir.display());
    }
    // Where EPICS base is, for this crate's tests (the harness starts its softIoc).
    println!("cargo:rustc-env=CA_EPICS_BASE={}", base.root.display());
    println!("cargo:rustc-env=CA_EPICS_HOST_ARCH={}", base.arch);
    // Metadata for dependents' build scripts (DEP_CA_*).
    println!("cargo:linkage=dynamic");
    println!("cargo:base={}", base.root.display());
    println!("cargo:arch={}", base.arch);
    println!("cargo:lib={}", lib_dir.display());
}
