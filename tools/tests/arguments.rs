//! The tools' handling of their command lines, in-process: every command
//! line that ends before any Channel Access must print what EPICS base's tool
//! prints. (The unit tests of the shared code, number formatting, escaping,
//! getopt and the layouts, are the library's own.)

// The workspace's IOC harness, for the path of EPICS base's tools.
#[path = "../../tests/support/mod.rs"]
mod support;

use cothread_tools::backend::{Backend, CaError, ChannelInfo, GetRequest, MonitorEvent, PutValue};
use cothread_tools::dbr::Dbr;
use cothread_tools::{caget, cainfo, camonitor, caput};
use std::process::Command;

/// A backend that must not be reached: these runs end in argument handling.
struct Unreachable;

impl Backend for Unreachable {
    fn connect(&mut self, _: &[String], _: u32, _: f64) -> Vec<Option<ChannelInfo>> {
        panic!("argument errors must end before Channel Access")
    }
    fn get(&mut self, _: &[GetRequest], _: bool, _: f64) -> Vec<Result<Dbr, CaError>> {
        panic!("argument errors must end before Channel Access")
    }
    fn put(&mut self, _: usize, _: &PutValue, _: bool, _: f64) -> Result<(), CaError> {
        panic!("argument errors must end before Channel Access")
    }
    fn client_status(&mut self, _: u32) -> Result<(), CaError> {
        panic!("argument errors must end before Channel Access")
    }
    fn monitor(
        &mut self,
        _: &[String],
        _: u32,
        _: f64,
        _: u32,
        _: &mut dyn FnMut(MonitorEvent) -> (u32, usize),
    ) {
        panic!("argument errors must end before Channel Access")
    }
}

/// Command lines that end before any Channel Access: our tools' stdout,
/// stderr and exit status must equal the reference tools' (run live, no
/// IOC needed).
#[test]
fn argument_handling_matches_epics_base() {
    let cases: &[&str] = &[
        "caget -h",
        "caget",
        "caget -x",
        "caget -w",
        "caget -t -a",
        "caget -t -d 6 -a",
        "caget -d DBR_FOO",
        "caget -d 36 -e x -g 19 -f -2",
        "caget -w abc -# x -p y -0q -lz",
        "caget -w 3 -w abc",
        "caget -e3 -n -s -S -c -i -F,",
        "caput -h",
        "caput",
        "caput -x",
        "caput -w",
        "caput onlyname",
        "caput -w abc -p y -# x onlyname",
        "camonitor -h",
        "camonitor",
        "camonitor -x",
        "camonitor -t xyz -m q -# x",
        "camonitor -t",
        "cainfo",
        "cainfo -x",
        "cainfo -w x -p y",
    ];
    let mut failures = Vec::new();
    for case in cases {
        let mut words = case.split(' ');
        let tool = words.next().unwrap();
        let args: Vec<String> = words.map(String::from).collect();
        let reference = Command::new(support::epics_tool(tool))
            .args(&args)
            .env_remove("EPICS_CLI_TIMEOUT")
            .output()
            .expect("run the reference tool");
        let run = match tool {
            "caget" => caget::run,
            "caput" => caput::run,
            "camonitor" => camonitor::run,
            _ => cainfo::run,
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run(&args, &mut Unreachable, &mut out, &mut err);
        if reference.status.code() != Some(status)
            || reference.stdout != out
            || reference.stderr != err
        {
            failures.push(format!(
                "{case}\n  reference {:?}: {:?} / {:?}\n  ours {status}: {:?} / {:?}",
                reference.status.code(),
                String::from_utf8_lossy(&reference.stdout),
                String::from_utf8_lossy(&reference.stderr),
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&err)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A PV name that is not UTF-8 is a name no server has, as for EPICS base's
/// caget (which takes any bytes), not a panic of the argument parser.
#[test]
fn a_pv_name_that_is_not_utf8_is_simply_not_found() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"cothread-tools:\xff");
    // Nothing to search but this host's loopback, on a port nobody serves.
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .and_then(|socket| socket.local_addr())
        .map(|address| address.port())
        .expect("a free port");
    let output = Command::new(env!("CARGO_BIN_EXE_caget"))
        .args(["-w".as_ref(), "0.2".as_ref(), name])
        .env("EPICS_CA_ADDR_LIST", "127.0.0.1")
        .env("EPICS_CA_AUTO_ADDR_LIST", "NO")
        .env("EPICS_CA_SERVER_PORT", port.to_string())
        .output()
        .expect("run caget");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("Channel connect timed out"), "{stderr}");
}
