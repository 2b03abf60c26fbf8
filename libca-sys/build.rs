//! Finds EPICS base, links libca and libCom, and (with the `bindgen` feature)
//! regenerates the bindings.
//!
//! Where EPICS base is looked for, in order:
//! 1. `EPICS_BASE` (with `EPICS_HOST_ARCH`, or the host arch derived from the
//!    target the way EPICS names it), as every EPICS build does;
//! 2. the tree the project's `scripts/setup` installs into `.epics/base` at the
//!    workspace root.
//!
//! Dependents that declare a dependency on this crate read `DEP_CA_INCLUDE`,
//! `DEP_CA_LIB` and `DEP_CA_BASE` (from the `links = "ca"` metadata).

use std::env;
#[cfg(feature = "bindgen")]
use std::path::Path;
use std::path::PathBuf;

/// One EPICS base tree, resolved for the target being built.
struct EpicsBase {
    root: PathBuf,
    arch: String,
    /// Where it came from, for the messages.
    origin: &'static str,
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

fn main() {
    let base = find_epics_base();
    // Shown by `cargo build -vv`: which EPICS base this build uses.
    eprintln!(
        "libca-sys: EPICS base from {}: {} (arch {})",
        base.origin,
        base.root.display(),
        base.arch
    );
    check_tree(&base);
    emit_link_lines(&base);
    generate_bindings(&base);
}

/// Reads an environment variable and tells cargo to rerun when it changes.
fn env_var(name: &str) -> Option<String> {
    println!("cargo:rerun-if-env-changed={name}");
    env::var(name).ok().filter(|value| !value.is_empty())
}

/// The EPICS host architecture: `EPICS_HOST_ARCH`, else derived from the target.
fn host_arch() -> String {
    if let Some(arch) = env_var("EPICS_HOST_ARCH") {
        return arch;
    }
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let cpu = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
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
    match env::var("CARGO_CFG_TARGET_OS").as_deref() {
        Ok("macos") => ("Darwin", "clang"),
        Ok("windows") => ("WIN32", "msvc"),
        _ => ("Linux", "gcc"),
    }
}

/// The workspace's `.epics/base`, where `scripts/setup` installs EPICS base.
fn project_base() -> PathBuf {
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.parent().unwrap_or(&manifest);
    root.join(".epics").join("base")
}

fn find_epics_base() -> EpicsBase {
    let arch = host_arch();
    if let Some(root) = env_var("EPICS_BASE") {
        return EpicsBase {
            root: PathBuf::from(root),
            arch,
            origin: "EPICS_BASE",
        };
    }
    let project = project_base();
    println!("cargo:rerun-if-changed={}", project.display());
    if project.join("include").join("cadef.h").is_file() {
        return EpicsBase {
            root: project,
            arch,
            origin: "the project's .epics/base (scripts/setup)",
        };
    }
    fail(&format!(
        "could not find EPICS base (libca and its headers).\n\
         Searched:\n  \
           1. $EPICS_BASE: not set\n  \
           2. {}: not there\n\
         To fix it, either\n  \
           - set EPICS_BASE to your EPICS base (and EPICS_HOST_ARCH if it is not {arch}), or\n  \
           - run scripts/setup from the cothread workspace, which installs EPICS base from PyPI into .epics/",
        project.display()
    ))
}

/// Fails early, naming what is missing, rather than with a linker error later.
fn check_tree(base: &EpicsBase) {
    let header = base.root.join("include").join("cadef.h");
    if !header.is_file() {
        fail(&format!(
            "EPICS base from {} at {} has no include/cadef.h.\n\
             EPICS_BASE must name the top of an EPICS base tree (the folder holding include/ and lib/).",
            base.origin,
            base.root.display()
        ));
    }
    let lib_dir = base.lib_dir();
    let found = ["libca.so", "libca.dylib", "ca.lib", "libca.a"]
        .iter()
        .any(|name| lib_dir.join(name).exists());
    if !found {
        fail(&format!(
            "EPICS base from {} at {} has no libca in {}.\n\
             Set EPICS_HOST_ARCH to the folder under lib/ that holds libca (now '{}').",
            base.origin,
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
    // This crate's own tests find the libraries without LD_LIBRARY_PATH.
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", lib_dir.display());
    }
    // Where EPICS base is, for this crate's tests (the harness starts its softIoc).
    println!("cargo:rustc-env=CA_EPICS_BASE={}", base.root.display());
    println!("cargo:rustc-env=CA_EPICS_HOST_ARCH={}", base.arch);
    // Metadata for dependents' build scripts (DEP_CA_*).
    println!("cargo:base={}", base.root.display());
    println!("cargo:arch={}", base.arch);
    println!("cargo:lib={}", lib_dir.display());
    let includes: Vec<String> = base
        .include_dirs()
        .iter()
        .map(|dir| dir.display().to_string())
        .collect();
    println!(
        "cargo:include={}",
        env::join_paths(&includes)
            .expect("include paths hold no separator")
            .to_string_lossy()
    );
}

#[cfg(not(feature = "bindgen"))]
fn generate_bindings(_base: &EpicsBase) {
    println!("cargo:rerun-if-changed=src/bindings.rs");
}

/// Runs bindgen over wrapper.h into `$OUT_DIR/bindings.rs`; with
/// `LIBCA_SYS_UPDATE_BINDINGS=1` it also replaces the committed `src/bindings.rs`.
#[cfg(feature = "bindgen")]
fn generate_bindings(base: &EpicsBase) {
    println!("cargo:rerun-if-changed=wrapper.h");
    let mut builder = bindgen::Builder::default()
        .header("wrapper.h")
        .allowlist_function("ca_.*")
        .allowlist_function("alarm.*")
        .allowlist_type("dbr_.*|DBR_.*|ca_.*|chid|evid|chtype|caCh|caar|caEventCallBackFunc|caArh|capri|event_handler_args|connection_handler_args|exception_handler_args|access_rights_handler_args|epicsTimeStamp|epicsAlarm.*|channel_state")
        .allowlist_var("dbr_.*|DBR_.*|DBE_.*|DBF_.*|ECA_.*|CA_.*|MAX_.*|LAST_.*|epicsAlarm.*Strings|POSIX_TIME_AT_EPICS_EPOCH|TYPENOTCONN|db_.*_dim")
        .blocklist_item("ca_dump_dbr|ca_test_event|ca_signal_formated|ca_printf_func|ca_replace_printf_handler")
        .default_enum_style(bindgen::EnumVariation::Consts)
        .prepend_enum_name(false)
        .layout_tests(true)
        .generate_comments(false)
        .formatter(bindgen::Formatter::Prettyplease);
    for dir in base.include_dirs() {
        builder = builder.clang_arg(format!("-I{}", dir.display()));
    }
    let bindings = builder
        .generate()
        .unwrap_or_else(|err| fail(&format!("bindgen failed on wrapper.h: {err}")));
    let text = format!(
        "// Generated by bindgen from libca-sys/wrapper.h; regenerate with\n\
         // `LIBCA_SYS_UPDATE_BINDINGS=1 cargo build -p libca-sys --features bindgen`.\n\n{bindings}"
    );
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bindings.rs");
    write_file(&out, &text);
    if env_var("LIBCA_SYS_UPDATE_BINDINGS").as_deref() == Some("1") {
        write_file(Path::new("src/bindings.rs"), &text);
    }
}

#[cfg(feature = "bindgen")]
fn write_file(path: &Path, text: &str) {
    std::fs::write(path, text)
        .unwrap_or_else(|err| fail(&format!("cannot write {}: {err}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("\nlibca-sys: {message}\n");
    std::process::exit(1);
}
