//! The vendored mode: compiles libCom and the Channel Access client from the
//! EPICS base sources in `vendor/epics-base` into one static archive.
//!
//! `vendor/epics-base-sources.txt` lists the files that make the library (the
//! same list `vendor/update-epics-base` copies); `vendor/README.md`
//! says where the sources come from and how the generated files were made.
//! C and C++ objects go into one archive because libCom and libca call each
//! other in both directions, which a linker resolves within one archive but
//! not across two.

use super::{cargo_var, export_include_dirs, fail, target_os};
use std::path::{Path, PathBuf};

/// The EPICS names of the target's OS class, the only one vendored so far.
const OS_CLASS: &str = "Linux";

/// Compiles and links the vendored libca and libCom; returns the header folders.
pub fn build() -> Vec<PathBuf> {
    let os = target_os();
    if os != "linux" {
        fail(&format!(
            "building libca from EPICS base's sources is supported on Linux only so far \
             (the target OS is '{os}').\n\
             Install EPICS base and set EPICS_BASE to it (and EPICS_HOST_ARCH if needed) \
             to link that libca instead."
        ));
    }
    let root = PathBuf::from(cargo_var("CARGO_MANIFEST_DIR")).join("vendor");
    println!("cargo:rerun-if-changed={}", root.display());
    let base = root.join("epics-base");
    let compiler = compiler_class();
    eprintln!(
        "libca-sys: building libca and libCom from {} ({compiler})",
        base.display()
    );
    let include_dirs = include_dirs(&base, compiler);
    let (c_files, cpp_files) = sources(&root, &base);

    let c_objects = configured(&include_dirs, compiler)
        .files(&c_files)
        .compile_intermediates();
    configured(&include_dirs, compiler)
        .cpp(true)
        .files(&cpp_files)
        .objects(&c_objects)
        .compile("epics_ca");
    for system_lib in ["pthread", "m", "rt", "dl"] {
        println!("cargo:rustc-link-lib=dylib={system_lib}");
    }
    println!("cargo:linkage=static");
    println!("cargo:lib={}", cargo_var("OUT_DIR"));
    export_include_dirs(&include_dirs);
    include_dirs
}

/// EPICS's compiler class (`osi/compiler/<class>`) of the C compiler cc picks.
fn compiler_class() -> &'static str {
    if cc::Build::new().get_compiler().is_like_clang() {
        "clang"
    } else {
        "gcc"
    }
}

/// The include path of an EPICS base build, most specific first: generated
/// headers, then the compiler's and the OS's own versions of the `osi`
/// headers, then every libCom folder and the CA client.
fn include_dirs(base: &Path, compiler: &str) -> Vec<PathBuf> {
    let libcom = base.join("modules/libcom/src");
    let osi = libcom.join("osi");
    let mut dirs = vec![
        base.join("generated"),
        osi.join("compiler").join(compiler),
        osi.join("compiler/default"),
        osi.join("os").join(OS_CLASS),
        osi.join("os/posix"),
        osi.join("os/default"),
    ];
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&libcom)
        .unwrap_or_else(|err| fail(&format!("cannot read {}: {err}", libcom.display())))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    dirs.extend(folders);
    dirs.push(base.join("modules/ca/src/client"));
    dirs
}

/// The C and the C++ files of `epics-base-sources.txt` for this OS class.
fn sources(root: &Path, base: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let list = root.join("epics-base-sources.txt");
    let text = std::fs::read_to_string(&list)
        .unwrap_or_else(|err| fail(&format!("cannot read {}: {err}", list.display())));
    let mut c_files = Vec::new();
    let mut cpp_files = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((os, path)) = line.split_once(' ') else {
            fail(&format!("{}: cannot read line '{line}'", list.display()))
        };
        if os != "all" && os != OS_CLASS {
            continue;
        }
        let path = base.join(path.trim());
        match path.extension().and_then(|ext| ext.to_str()) {
            Some("c") => c_files.push(path),
            Some("cpp") => cpp_files.push(path),
            _ => fail(&format!(
                "{}: '{line}' is neither .c nor .cpp",
                list.display()
            )),
        }
    }
    (c_files, cpp_files)
}

/// A cc build with EPICS base's definitions for a static Linux libCom + libca.
fn configured(include_dirs: &[PathBuf], compiler: &str) -> cc::Build {
    let mut build = cc::Build::new();
    build
        .includes(include_dirs)
        .define("UNIX", None)
        .define("linux", None)
        .define("_GNU_SOURCE", None)
        .define("_DEFAULT_SOURCE", None)
        .define("BUILDING_libCom_API", None)
        .define("BUILDING_libCa_API", None)
        // The IOC shell's line editing without readline (it is not used by a client).
        .define(
            "EPICS_COMMANDLINE_LIBRARY",
            "EPICS_COMMANDLINE_LIBRARY_EPICS",
        )
        // The EPICS_BUILD_* parameters of envData.c.
        .define("EPICS_BUILD_OS_CLASS_VALUE", "\"Linux\"")
        .define(
            "EPICS_BUILD_COMPILER_CLASS_VALUE",
            format!("\"{compiler}\"").as_str(),
        )
        .define(
            "EPICS_BUILD_TARGET_ARCH_VALUE",
            format!("\"{}\"", target_arch()).as_str(),
        )
        // EPICS base's own warnings are not ours to fix; keep the user's build quiet.
        .warnings(false)
        .flag("-w")
        .cargo_warnings(false);
    build
}

/// The EPICS host architecture name of the target (for `EPICS_BUILD_TARGET_ARCH`).
fn target_arch() -> String {
    match cargo_var("CARGO_CFG_TARGET_ARCH").as_str() {
        "x86_64" => "linux-x86_64".into(),
        "x86" => "linux-x86".into(),
        "aarch64" => "linux-aarch64".into(),
        "arm" => "linux-arm".into(),
        other => format!("linux-{other}"),
    }
}
