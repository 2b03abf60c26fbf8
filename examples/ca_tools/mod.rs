//! What caget, caput, camonitor and cainfo (the programs in examples/)
//! share: argument parsing, EPICS-exact formatting of values, and a thin
//! fetch layer over catools. Each program includes this folder with
//! `#[path = "ca_tools/mod.rs"] mod ca_tools;`.
#![allow(dead_code)]

pub mod backend;
pub mod caget;
pub mod cainfo;
pub mod camonitor;
pub mod caput;
pub mod catools_backend;
pub mod cfmt;
pub mod common;
pub mod dbr;
pub mod getopt;
pub mod output;

/// Runs one tool's `run` with this process's arguments, standard output and
/// error, over catools; exits with its status.
pub fn main_with(
    run: fn(
        &[String],
        &mut dyn backend::Backend,
        &mut dyn std::io::Write,
        &mut dyn std::io::Write,
    ) -> i32,
) -> ! {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut backend = catools_backend::CatoolsBackend::new();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let status = run(&args, &mut backend, &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(status)
}

/// The `-V` line: the EPICS and CA protocol versions of the libca in use.
pub fn version_line() -> String {
    let (epics, protocol) = catools_backend::versions();
    format!("EPICS Version {epics}, CA Protocol version {protocol}")
}
