//! The test harness's real IOC: EPICS base's own `softIoc`, started with the
//! records of `tests/db/test.db` on a free port of its own, and reachable on
//! 127.0.0.1 only.
//!
//! Every integration test binary includes this module (`mod support;`).
//! [`shared_ioc`] starts one IOC per test binary and points this process's
//! Channel Access client at it; a test that must stop and restart an IOC makes
//! its own with [`Ioc::start`] in a test binary of its own (libca reads the
//! server port once, when the context is created).
//!
//! The IOC ends when its `Ioc` is dropped (killed by PID), and in every other
//! case too: its standard input is a pipe from this process, and `softIoc`
//! exits when that pipe closes, which the kernel does when this process ends,
//! however it ends (a panic, an abort, a signal). Its database is a temporary
//! file that lives only until `softIoc` has loaded it.
//!
//! `softIoc` (and the reference tools some tests compare with) come from the
//! first EPICS base of [`epics_base`]'s list: the one a dynamic build linked,
//! else `$EPICS_BASE`, else the workspace's `.epics/base` (`scripts/setup`).
//! A vendored build links no EPICS base, so there the tests need one of the
//! other two.
#![allow(dead_code)]
// `cothread_harness` is set by cothread's build script; libca-sys's tests
// include this file too, without it (and without cothread).
#![allow(unexpected_cfgs)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long an IOC may take to start before the harness gives up.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// Largest array the tests and benchmarks move (a 1,000,000-element double
/// waveform plus headroom), for both the IOC and the client.
pub const MAX_ARRAY_BYTES: usize = 10_000_000;

/// A running `softIoc`.
pub struct Ioc {
    child: Option<Child>,
    stdin: Option<ChildStdin>,
    port: u16,
    prefix: String,
    /// The records, written to a temporary file for each launch.
    db: String,
    log: Arc<Mutex<String>>,
    extra_args: Vec<String>,
}

/// Options for [`Ioc::start_with`].
#[derive(Default, Clone)]
pub struct IocOptions {
    /// Extra database text appended to tests/db/test.db (same `$(P)` prefix).
    pub extra_records: String,
    /// Use this port instead of a free one.
    pub port: Option<u16>,
}

/// The EPICS base whose `softIoc` and tools the tests run, the first of:
/// 1. the EPICS base a dynamic build linked (`CA_EPICS_BASE` from build.rs);
/// 2. `EPICS_BASE` in the tests' environment;
/// 3. `.epics/base` in the crate's folder or above it, as `scripts/setup`
///    makes it at the workspace root.
pub fn epics_base() -> PathBuf {
    if let Some(base) = option_env!("CA_EPICS_BASE") {
        return PathBuf::from(base);
    }
    if let Some(base) = std::env::var_os("EPICS_BASE").filter(|base| !base.is_empty()) {
        return PathBuf::from(base);
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join(".epics/base"))
        .find(|base| base.join("bin").is_dir())
        .unwrap_or_else(|| {
            panic!(
                "no EPICS base with softIoc for the tests: this build links none (vendored), \
                 EPICS_BASE is not set, and there is no .epics/base above {} \
                 (run scripts/setup, or set EPICS_BASE)",
                env!("CARGO_MANIFEST_DIR")
            )
        })
}

/// The EPICS host architecture of [`epics_base`]'s programs: the one the
/// build linked, else `EPICS_HOST_ARCH`, else the only folder under `bin/`.
pub fn epics_host_arch() -> String {
    if let Some(arch) = option_env!("CA_EPICS_HOST_ARCH") {
        return arch.to_string();
    }
    if let Some(arch) = std::env::var("EPICS_HOST_ARCH")
        .ok()
        .filter(|a| !a.is_empty())
    {
        return arch;
    }
    let bin = epics_base().join("bin");
    let mut arches: Vec<String> = std::fs::read_dir(&bin)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", bin.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    match arches.len() {
        1 => arches.remove(0),
        _ => panic!(
            "{} holds {arches:?}: set EPICS_HOST_ARCH to the one to use",
            bin.display()
        ),
    }
}

/// A program of EPICS base, e.g. `softIoc` or the reference `caget`.
pub fn epics_tool(name: &str) -> PathBuf {
    epics_base().join("bin").join(epics_host_arch()).join(name)
}

/// The workspace's tests/ folder, which holds the IOC's database (found from
/// the crate being tested: the workspace root or a member below it).
pub fn test_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("tests"))
        .find(|dir| dir.join("db/test.db").is_file())
        .expect("tests/db/test.db in the crate's folder or above it")
}

/// A port that is free for both TCP and UDP on 127.0.0.1 right now.
fn free_port() -> u16 {
    loop {
        let tcp = TcpListener::bind(("127.0.0.1", 0)).expect("bind a TCP port on 127.0.0.1");
        let port = tcp.local_addr().expect("local address").port();
        if UdpSocket::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// The client environment that keeps Channel Access on 127.0.0.1 and on `port`.
pub fn client_environment(port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("EPICS_CA_ADDR_LIST", "127.0.0.1".to_string()),
        ("EPICS_CA_AUTO_ADDR_LIST", "NO".to_string()),
        ("EPICS_CA_SERVER_PORT", port.to_string()),
        ("EPICS_CA_MAX_ARRAY_BYTES", MAX_ARRAY_BYTES.to_string()),
    ]
}

/// The IOC's environment: the client one (an IOC is a CA client too) plus
/// the server side, serving and sending beacons on 127.0.0.1 only.
pub fn server_environment(port: u16) -> Vec<(&'static str, String)> {
    let mut environment = client_environment(port);
    environment.extend([
        ("EPICS_CAS_INTF_ADDR_LIST", "127.0.0.1".to_string()),
        ("EPICS_CAS_SERVER_PORT", port.to_string()),
        ("EPICS_CAS_BEACON_ADDR_LIST", "127.0.0.1".to_string()),
        ("EPICS_CAS_AUTO_BEACON_ADDR_LIST", "NO".to_string()),
    ]);
    environment
}

impl Ioc {
    /// Starts an IOC with tests/db/test.db on a free port.
    pub fn start() -> Ioc {
        Self::start_with(IocOptions::default())
    }

    /// Starts an IOC with extra records and/or on a given port.
    pub fn start_with(options: IocOptions) -> Ioc {
        let port = options.port.unwrap_or_else(free_port);
        let prefix = format!("T{port}:");
        let mut db =
            std::fs::read_to_string(test_dir().join("db/test.db")).expect("read tests/db/test.db");
        db.push_str(&options.extra_records);
        let mut ioc = Ioc {
            child: None,
            stdin: None,
            port,
            prefix,
            db,
            log: Arc::default(),
            extra_args: Vec::new(),
        };
        ioc.launch();
        ioc
    }

    /// The port the IOC serves on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The full name of one of the IOC's records, e.g. `pv("ai")`.
    pub fn pv(&self, record: &str) -> String {
        format!("{}{record}", self.prefix)
    }

    /// The record-name prefix of this IOC.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// Everything the IOC printed so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// The process ID of the running IOC, if it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Sends one line to the IOC shell (e.g. `dbpf NAME VALUE`).
    pub fn shell(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("IOC is running");
        writeln!(stdin, "{line}").expect("write to the IOC shell");
        stdin.flush().expect("flush the IOC shell");
    }

    /// Stops the IOC (by its PID) and waits until it is gone.
    pub fn stop(&mut self) {
        self.stdin = None;
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the IOC again, on the same port with the same records.
    pub fn restart(&mut self) {
        self.stop();
        self.launch();
    }

    fn launch(&mut self) {
        let soft_ioc = epics_tool("softIoc");
        assert!(
            soft_ioc.exists(),
            "no softIoc at {}: run scripts/setup (or set EPICS_BASE to an EPICS base with softIoc)",
            soft_ioc.display()
        );
        let dbd = epics_base().join("dbd").join("softIoc.dbd");
        // Removed when this function returns (or panics): by then softIoc has
        // loaded it, or has failed.
        let db_file = TempFile::write(
            std::env::temp_dir().join(format!(
                "cothread-test-{}-{}.db",
                std::process::id(),
                self.port
            )),
            &self.db,
        );
        let acf = test_dir().join("db/test.acf");
        let mut command = Command::new(&soft_ioc);
        command
            .arg("-D")
            .arg(&dbd)
            .arg("-a")
            .arg(&acf)
            .arg("-m")
            .arg(format!("P={}", self.prefix))
            .arg("-d")
            .arg(&db_file.0)
            .args(&self.extra_args)
            .envs(server_environment(self.port))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {}: {err}", soft_ioc.display()));
        self.log.lock().unwrap().clear();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let log = Arc::clone(&self.log);
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let mut log = log.lock().unwrap();
                    log.push_str(&line);
                    log.push('\n');
                }
            });
        }
        self.stdin = child.stdin.take();
        self.child = Some(child);
        self.wait_until_serving();
    }

    /// Waits for iocInit to finish and the CA server to accept on its port.
    fn wait_until_serving(&mut self) {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let initialised = self.log().contains("iocRun: All initialization complete");
            if initialised
                && TcpStream::connect_timeout(
                    &([127, 0, 0, 1], self.port).into(),
                    Duration::from_millis(200),
                )
                .is_ok()
            {
                return;
            }
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!("softIoc exited ({status}) while starting:\n{}", self.log());
            }
            let failed = self.log().contains("ERROR iocBuild");
            if failed || Instant::now() > deadline {
                let log = self.log();
                self.stop();
                panic!(
                    "softIoc did not serve port {} within {START_TIMEOUT:?}:\n{log}",
                    self.port
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Ioc {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A file that is removed when the value is dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn write(path: PathBuf, contents: &str) -> TempFile {
        std::fs::write(&path, contents)
            .unwrap_or_else(|err| panic!("cannot write {}: {err}", path.display()));
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Points this process's Channel Access client at `ioc`: must run before the
/// process's first CA call (libca reads the environment when its context is
/// created).
pub fn use_ioc_for_client(ioc: &Ioc) {
    for (name, value) in client_environment(ioc.port()) {
        std::env::set_var(name, value);
    }
    #[cfg(cothread_harness)]
    diagnostics::record();
}

/// The library's diagnostics, recorded rather than printed, so that a green
/// run prints none of the diagnostics the tests provoke (lost servers,
/// panicking callbacks); a test that expects one asserts on it.
#[cfg(cothread_harness)]
pub mod diagnostics {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    use cothread::diagnostics::Diagnostic;

    static RECORDED: Mutex<Vec<Diagnostic>> = Mutex::new(Vec::new());

    /// Sends every diagnostic of this process to the record.
    pub fn record() {
        cothread::diagnostics::set_hook(|diagnostic| {
            let mut recorded = RECORDED.lock().unwrap_or_else(|e| e.into_inner());
            recorded.push(diagnostic.clone());
        });
    }

    /// The recorded reports of panicking callbacks for `pv`, as (callback,
    /// message).
    pub fn callback_panics(pv: &str) -> Vec<(&'static str, String)> {
        recorded()
            .into_iter()
            .filter_map(|d| match d {
                Diagnostic::CallbackPanicked {
                    callback,
                    pv: name,
                    message,
                } if name == pv => Some((callback, message)),
                _ => None,
            })
            .collect()
    }

    /// Every diagnostic recorded so far.
    pub fn recorded() -> Vec<Diagnostic> {
        RECORDED.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Waits (running the scheduler) up to `timeout` for a recorded
    /// diagnostic that `wanted` accepts.
    pub fn wait_for(
        mut wanted: impl FnMut(&Diagnostic) -> bool,
        timeout: Duration,
    ) -> Option<Diagnostic> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = recorded().into_iter().find(|d| wanted(d)) {
                return Some(found);
            }
            if Instant::now() > deadline {
                return None;
            }
            cothread::sleep(Duration::from_millis(10));
        }
    }
}

/// The IOC shared by the tests of one test binary, started on first use, with
/// this process's CA client pointed at it.
pub fn shared_ioc() -> &'static Ioc {
    static IOC: OnceLock<Ioc> = OnceLock::new();
    IOC.get_or_init(|| {
        let ioc = Ioc::start();
        use_ioc_for_client(&ioc);
        ioc
    })
}
