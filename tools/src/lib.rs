//! EPICS base's Channel Access command-line tools, `caget`, `caput`,
//! `camonitor` and `cainfo`, on cothread's public `catools` API (no direct
//! libca): the same options, and for the same IOC state the same output byte
//! for byte, the same messages and the same exit status as EPICS base 7's.
//!
//! The programs are this crate's binaries (`cargo install cothread-tools`,
//! or `cargo install --path tools` from the repository). This library is
//! what they share:
//!
//! - [`caget`], [`caput`], [`camonitor`], [`cainfo`]: each tool's `run`,
//!   its options and its output, written against [`backend::Backend`];
//! - [`backend`]: what the tools ask of Channel Access, in their own terms,
//!   and [`dbr`], their picture of a reply (DBR types, values, metadata);
//! - private: getopt as glibc's, printf-exact number formatting, EPICS's
//!   layouts, the options every tool shares, and the backend over
//!   `cothread::catools`.
//!
//! A tool's `run` takes its arguments, its standard output and error as
//! writers, and returns the exit status, so tests can run it in-process.

pub mod backend;
pub mod caget;
pub mod cainfo;
pub mod camonitor;
pub mod caput;
mod catools_backend;
mod cfmt;
mod common;
pub mod dbr;
mod exception;
mod getopt;
mod output;

/// A tool's entry point: its arguments (without the program name), the
/// Channel Access backend, standard output and standard error; it returns
/// the exit status.
pub type Run = fn(
    &[String],
    &mut dyn backend::Backend,
    &mut dyn std::io::Write,
    &mut dyn std::io::Write,
) -> i32;

/// Runs one tool's `run` with this process's arguments, standard output and
/// error, over catools; exits with its status.
pub fn main_with(run: Run) -> ! {
    // Any bytes, as EPICS base's tools take them: those that are not UTF-8
    // are replaced (a PV name with them is then simply not found), rather
    // than a panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let mut backend = catools_backend::CatoolsBackend::new();
    let stdout = std::io::stdout();
    // Standard error is not locked for the whole run: libca's threads report
    // to it (cothread's diagnostics: a lost server, a refused put), and
    // would wait for the lock, and with them every CA callback.
    let status = run(
        &args,
        &mut backend,
        &mut stdout.lock(),
        &mut std::io::stderr(),
    );
    std::process::exit(status)
}

/// The `-V` line: the EPICS and CA protocol versions of the libca in use.
fn version_line() -> String {
    let (epics, protocol) = catools_backend::versions();
    format!("EPICS Version {epics}, CA Protocol version {protocol}")
}
