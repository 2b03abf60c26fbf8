//! Layers point one way: no code of a layer names a module above it. Read
//! from the sources, since the compiler accepts any import cycle inside one
//! crate. Checked here: the scheduler (the bottom layer), the Channel Access
//! FFI layer `ca` (nothing of `catools`, `catools_async`, `pv`) and the CA
//! types below it, `ca_types`. The order is the one `src/lib.rs` gives.
//!
//! Unit tests are left out (`src/sched/tests.rs`, `src/ca/tests/`): they
//! drive their layer through the public API (`Event`, `sleep`, `caget`, ...)
//! and are not part of the library.

use std::path::{Path, PathBuf};

/// The crate's modules that `sched` may use: the ones below it.
const BELOW_SCHED: &[&str] = &["sched", "error", "timeout"];

/// The crate's modules that `ca_types` may use: itself and the layers below
/// it, none of the Channel Access ones.
const BELOW_CA_TYPES: &[&str] = &[
    "ca_types", "error", "timeout", "id_table", "sched", "coselect", "sync", "time", "callback",
    "quit", "future",
];

/// The crate's modules that `ca` may use: itself, `diagnostics`, `ca_types`
/// and everything below them; never `catools`, `catools_async` or `pv`.
const BELOW_CA: &[&str] = &[
    "ca",
    "diagnostics",
    "ca_types",
    "error",
    "timeout",
    "id_table",
    "sched",
    "coselect",
    "sync",
    "time",
    "callback",
    "quit",
    "future",
];

fn rust_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Code of one line without its `//` comment (doc links are not imports).
fn code(line: &str) -> &str {
    line.find("//").map_or(line, |at| &line[..at])
}

/// The first path segments after each `crate::` in `code`, including every
/// item of a `crate::{a, b::c}` group.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
    }
    found
}

#[test]
fn sched_imports_nothing_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/sched");
    let mut files = Vec::new();
    rust_sources(&root, &mut files);
    assert!(files.len() > 3, "no scheduler sources under {root:?}");
    let mut above = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("tests.rs")) {
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = code(line);
            let escapes_to_root = file.ends_with("sched/mod.rs") && code.contains("super::");
            if escapes_to_root {
                above.push(format!(
                    "{}:{}: super:: from sched/mod.rs",
                    file.display(),
                    number + 1
                ));
            }
            for name in crate_paths(code) {
                if !BELOW_SCHED.contains(&name.as_str()) {
                    above.push(format!("{}:{}: crate::{name}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(
        above.is_empty(),
        "the scheduler names modules above it:\n{}",
        above.join("\n")
    );
}

/// Every `crate::` path in the library sources under `src/<layer>/` (unit
/// tests under `tests` left out) that names a module not in `allowed`, and
/// every `super::` in the layer's `mod.rs` (which would reach the crate
/// root), as `file:line: path`.
fn names_outside(layer: &str, allowed: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut files = Vec::new();
    rust_sources(&root, &mut files);
    assert!(files.len() > 3, "no sources under {root:?}");
    let tests = root.join("tests");
    let mut outside = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&tests)) {
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let code = code(line);
            let at = format!("{}:{}", file.display(), number + 1);
            if file == &root.join("mod.rs") && code.contains("super::") {
                outside.push(format!("{at}: super:: from {layer}/mod.rs"));
            }
            for name in crate_paths(code) {
                if !allowed.contains(&name.as_str()) {
                    outside.push(format!("{at}: crate::{name}"));
                }
            }
        }
    }
    outside
}

#[test]
fn ca_imports_nothing_of_catools_catools_async_or_pv() {
    for above in ["catools", "catools_async", "pv"] {
        assert!(!BELOW_CA.contains(&above));
    }
    let above = names_outside("ca", BELOW_CA);
    assert!(
        above.is_empty(),
        "the CA FFI layer names modules above it:\n{}",
        above.join("\n")
    );
}

#[test]
fn ca_types_import_nothing_above_them() {
    let above = names_outside("ca_types", BELOW_CA_TYPES);
    assert!(
        above.is_empty(),
        "the CA types name modules above them:\n{}",
        above.join("\n")
    );
}

#[test]
fn the_import_check_sees_paths_and_groups() {
    assert_eq!(crate_paths("use crate::sync::Event;"), ["sync"]);
    assert_eq!(
        crate_paths("use crate::{Event, time::Timeout};"),
        ["Event", "time"]
    );
    assert_eq!(
        crate_paths("let q = crate::sync::EventQueue::new(); crate::sleep(d);"),
        ["sync", "sleep"]
    );
    assert!(crate_paths(code("/// See [`quit`](crate::quit).")).is_empty());
}
