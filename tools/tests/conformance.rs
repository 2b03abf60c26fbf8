//! Conformance of our caget, caput, camonitor and cainfo with EPICS base's:
//! every case of tests/cases.txt runs the reference tool and ours against the
//! same state of a real IOC, and their standard output, exit status and
//! standard error must be equal (date-time stamps masked where a case says
//! they inherently differ). Nothing is expected but what the reference
//! prints live.
//!
//! The table runs as one test per part (see [`PARTS`]: a tool, or a group of
//! caget's sections), each with an IOC of its own, so that libtest shows the
//! progress of the run and the parts do not share record states. Our
//! programs are this crate's binaries, which cargo builds for this test.
//! `TOOLS_CONFORMANCE_OURS=<dir>` runs the tools of another folder instead:
//! pointed at the reference tools' own folder, it checks that the table
//! itself is deterministic. `TOOLS_CONFORMANCE_ONLY=<text>` runs only the
//! cases whose command line contains the text.

// The workspace's IOC harness: starts EPICS base's softIoc, finds its tools.
#[path = "../../tests/support/mod.rs"]
mod support;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Longest a non-monitor tool may run.
const RUN_LIMIT: Duration = Duration::from_secs(20);
/// How long a monitor may take to print its lines.
const MONITOR_LIMIT: Duration = Duration::from_secs(3);
/// How long a monitor keeps running after its last expected line (so that a
/// line too many shows).
const MONITOR_GRACE: Duration = Duration::from_millis(300);

/// One line of tests/tools/cases.txt.
#[derive(Debug, Default)]
struct Case {
    line: usize,
    /// The `# ---- ` header the case is under, e.g. "caget: wide".
    section: String,
    tool: String,
    args: Vec<String>,
    setup: Vec<Vec<String>>,
    then: Vec<Vec<String>>,
    lines: Option<usize>,
    mask: Mask,
    compare_stderr: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Mask {
    #[default]
    None,
    Time,
    Relative,
    /// libca's report on its client (`cainfo -s`): stamps, and what two
    /// processes' reports cannot share (see [`mask_report`]).
    Report,
}

/// What one run printed.
#[derive(Debug, PartialEq)]
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Splits at spaces, keeping '...' together (quotes removed), with `$P`
/// replaced by `prefix`.
fn split_args(text: &str, prefix: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                in_word = true;
            }
            ' ' if !quoted => {
                if in_word {
                    args.push(std::mem::take(&mut current));
                    in_word = false;
                }
            }
            _ => {
                current.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        args.push(current);
    }
    args.into_iter().map(|a| a.replace("$P", prefix)).collect()
}

fn parse_cases(text: &str, prefix: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut section = "";
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix("# ---- ") {
            section = header;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split(" | ").map(str::trim);
        let head = fields.next().unwrap();
        let (tool, args) = match head.split_once('|') {
            Some((tool, args)) => (tool.trim(), args.trim()),
            None => (head, ""),
        };
        let mut case = Case {
            line: number + 1,
            section: section.to_string(),
            tool: tool.to_string(),
            compare_stderr: true,
            ..Case::default()
        };
        let mut rest: Vec<&str> = Vec::new();
        if let Some((tool, args_and_more)) =
            line.split_once(" | ").or_else(|| line.split_once(" |"))
        {
            case.tool = tool.trim().to_string();
            rest = args_and_more.split(" | ").collect();
            case.args = split_args(rest.remove(0).trim(), prefix);
        } else {
            let _ = args;
        }
        for field in rest {
            let (key, value) = field
                .split_once(':')
                .unwrap_or_else(|| panic!("cases.txt:{}: bad field '{field}'", number + 1));
            let value = value.trim();
            match key.trim() {
                "setup" => case.setup.push(split_args(value, prefix)),
                "then" => case.then.push(split_args(value, prefix)),
                "lines" => case.lines = Some(value.parse().expect("lines: a number")),
                "mask" => {
                    case.mask = match value {
                        "time" => Mask::Time,
                        "rel" => Mask::Relative,
                        "report" => Mask::Report,
                        other => panic!("cases.txt:{}: unknown mask {other}", number + 1),
                    }
                }
                "stderr" => case.compare_stderr = value != "no",
                other => panic!("cases.txt:{}: unknown field {other}", number + 1),
            }
        }
        cases.push(case);
    }
    cases
}

/// What the rest of a line of libca's client report holds after these
/// markers differs between any two processes, or between the C tools and
/// ours: the io sequence number (the C tools wait in `ca_pend_io` once,
/// catools never does), the libca release and the source paths it was built
/// from (the reference tools carry their own libca), the preemptive-callback
/// mode (catools needs it on, the C tools turn it off), file descriptors,
/// and the program's start time.
const REPORT_MASKS: &[&str] = &[
    "ioSeqNo=",
    "revision ",
    "preemptive callback is ",
    "the current io sequence number is ",
    "socket identifier ",
    "epicsTime: ",
    " source ",
];

/// Masks libca's client report (`ca_client_status`) for comparison: every
/// address (`0x...`), the rest of a line after one of [`REPORT_MASKS`], and
/// the row that follows `epicsThread at` (thread ID and column widths).
fn mask_report(text: &str) -> String {
    let mut out = String::new();
    let mut thread_row = false;
    for line in text.lines() {
        let mut line = mask_addresses(line);
        if thread_row {
            let name = line.split_whitespace().next().unwrap_or("");
            line = format!("{name} <THREAD>");
        } else if let Some((at, marker)) = REPORT_MASKS
            .iter()
            .find_map(|marker| line.find(marker).map(|at| (at, marker)))
        {
            line.truncate(at + marker.len());
            line.push_str("<MASKED>");
        }
        thread_row = line.starts_with("epicsThread at ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Replaces every `0x` and the hexadecimal digits after it with `<ADDR>`.
fn mask_addresses(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        let digits = rest[at + 2..]
            .bytes()
            .take_while(u8::is_ascii_hexdigit)
            .count();
        if digits == 0 {
            out.push_str("0x");
        } else {
            out.push_str("<ADDR>");
        }
        rest = &rest[at + 2 + digits..];
    }
    out.push_str(rest);
    out
}

/// Replaces every `YYYY-MM-DD HH:MM:SS.ffffff` (and, for `Relative`, every
/// signed `+S.ffffff`) with a placeholder, and libca's "Current Time:" lines.
fn mask(text: &str, mask: Mask) -> String {
    match mask {
        Mask::None => return text.to_string(),
        Mask::Report => return mask_report(&self::mask(text, Mask::Time)),
        Mask::Time | Mask::Relative => {}
    }
    let shape_time = "dddd-dd-dd dd:dd:dd.dddddd";
    let bytes = text.as_bytes();
    let matches_at = |at: usize, shape: &str| -> bool {
        shape.len() <= bytes.len() - at
            && shape.bytes().zip(&bytes[at..]).all(|(s, &b)| match s {
                b'd' => b.is_ascii_digit(),
                other => other == b,
            })
    };
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        if matches_at(i, shape_time) {
            out.push_str("<TIME>");
            i += shape_time.len();
            continue;
        }
        if mask == Mask::Relative && (bytes[i] == b'+' || bytes[i] == b'-') {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            if j > i + 1 && matches_at(j, ".dddddd") {
                out.push_str("<DT>");
                i = j + 7;
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
    }
    out.lines()
        .map(|l| {
            if l.trim_start().starts_with("Current Time:") {
                "    Current Time: <TIME>"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn command(program: &Path, args: &[String], port: u16) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .env_remove("EPICS_CLI_TIMEOUT")
        .envs(support::client_environment(port))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Reads a pipe to its end on a thread of its own.
fn drain(pipe: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut pipe = pipe;
        let _ = pipe.read_to_end(&mut bytes);
        let _ = tx.send(String::from_utf8_lossy(&bytes).into_owned());
    });
    rx
}

/// Waits for `child` up to `limit`, killing it (by its PID) after that.
fn wait_limited(child: &mut Child, limit: Duration) -> Option<i32> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("wait for a tool") {
            return status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn run_tool(program: &Path, args: &[String], port: u16) -> Run {
    let mut child = command(program, args, port)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let status = wait_limited(&mut child, RUN_LIMIT);
    Run {
        status,
        stdout: stdout.recv().unwrap_or_default(),
        stderr: stderr.recv().unwrap_or_default(),
    }
}

/// The reference caput, output dropped: sets an IOC state before a run.
fn reference_put(args: &[String], port: u16) {
    let run = run_tool(&support::epics_tool("caput"), args, port);
    assert_eq!(
        run.status,
        Some(0),
        "setup caput {args:?} failed: {}",
        run.stderr
    );
}

/// How many PV names camonitor's `args` hold: the operands, not the
/// arguments of its options (`-# 2`, `-F ,`; `-tn` carries its own).
fn monitor_pvs(args: &[String]) -> usize {
    const WITH_ARGUMENT: &str = "mefgl#0wtpF";
    let mut pvs = 0;
    let mut skip_next = false;
    for arg in args {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let bytes = arg.as_bytes();
        if bytes.len() > 1 && bytes[0] == b'-' {
            skip_next = bytes.len() == 2 && WITH_ARGUMENT.contains(char::from(bytes[1]));
        } else {
            pvs += 1;
        }
    }
    pvs
}

/// Runs camonitor until it printed `lines` lines (doing the `then` puts
/// after the first), plus a grace period, then stops it by its PID.
fn run_monitor(program: &Path, case: &Case, port: u16) -> Run {
    let wanted = case.lines.unwrap_or(monitor_pvs(&case.args).max(1));
    let mut child = command(program, &case.args, port)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", program.display()));
    let stderr = drain(child.stderr.take().unwrap());
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            }
        }
    });
    let mut output = String::new();
    let mut count = 0;
    let deadline = Instant::now() + MONITOR_LIMIT;
    let mut then_done = case.then.is_empty();
    let mut grace_end: Option<Instant> = None;
    let mut ended = false;
    loop {
        let now = Instant::now();
        let until = grace_end.unwrap_or(deadline).min(deadline);
        if now >= until {
            break;
        }
        match rx.recv_timeout(until - now) {
            Ok(line) => {
                output.push_str(&line);
                count += 1;
                if !then_done {
                    for put in &case.then {
                        reference_put(put, port);
                    }
                    then_done = true;
                }
                if count >= wanted && grace_end.is_none() {
                    grace_end = Some(Instant::now() + MONITOR_GRACE);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => break,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                // The program is ending on its own (-h, an error in its
                // arguments): its exit follows the closing of its output.
                ended = true;
                break;
            }
        }
    }
    let status = if ended {
        wait_limited(&mut child, RUN_LIMIT)
    } else {
        match child.try_wait().expect("wait for camonitor") {
            Some(status) => status.code(),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                None
            }
        }
    };
    while let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
        output.push_str(&line);
    }
    Run {
        status,
        stdout: output,
        stderr: stderr
            .recv_timeout(Duration::from_secs(2))
            .unwrap_or_default(),
    }
}

fn run_case(program: &Path, case: &Case, port: u16) -> Run {
    for put in &case.setup {
        reference_put(put, port);
    }
    let run = if case.tool == "camonitor" {
        run_monitor(program, case, port)
    } else {
        run_tool(program, &case.args, port)
    };
    Run {
        status: run.status,
        stdout: mask(&run.stdout, case.mask),
        stderr: mask(&run.stderr, case.mask),
    }
}

/// Whether two runs of `case` agree: status (a camonitor the reference
/// leaves running has none), stdout, and stderr where the case compares it.
fn same_outcome(case: &Case, reference: &Run, ours: &Run) -> bool {
    let same_status =
        case.tool == "camonitor" && reference.status.is_none() || reference.status == ours.status;
    same_status
        && reference.stdout == ours.stdout
        && (!case.compare_stderr || reference.stderr == ours.stderr)
}

/// Whether a run reports a connection or a request that timed out.
fn timed_out(run: &Run) -> bool {
    run.stderr.contains("timed out") || run.stdout.contains("timed out")
}

/// Our program `tool`: this crate's binary, or the one in
/// `TOOLS_CONFORMANCE_OURS`.
fn ours(tool: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os("TOOLS_CONFORMANCE_OURS") {
        return PathBuf::from(dir).join(tool);
    }
    PathBuf::from(match tool {
        "caget" => env!("CARGO_BIN_EXE_caget"),
        "caput" => env!("CARGO_BIN_EXE_caput"),
        "camonitor" => env!("CARGO_BIN_EXE_camonitor"),
        "cainfo" => env!("CARGO_BIN_EXE_cainfo"),
        other => panic!("cases.txt names an unknown tool: {other}"),
    })
}

/// The parts of the table, one test each, by the beginnings of their
/// sections' headers: one per tool, caget's in two (it has the most cases).
const CAGET_VALUES: &[&str] = &[
    "caget: plain",
    "caget: arrays",
    "caget: wide",
    "caget: number formats",
];
const CAGET_REQUESTS: &[&str] = &[
    "caget: -d types",
    "caget: reads the server fails",
    "caget: option errors",
];
const CAPUT: &[&str] = &["caput"];
const CAMONITOR: &[&str] = &["camonitor"];
const CAINFO: &[&str] = &["cainfo"];
const PARTS: [&[&str]; 5] = [CAGET_VALUES, CAGET_REQUESTS, CAPUT, CAMONITOR, CAINFO];

fn in_part(case: &Case, part: &[&str]) -> bool {
    part.iter().any(|section| case.section.starts_with(section))
}

/// Runs every case of the sections of `part` with the reference tool and
/// ours, against an IOC of this test's own, and fails with every case that
/// differs.
fn conform(part: &[&str]) {
    let started = Instant::now();
    let ioc = support::Ioc::start();
    let port = ioc.port();
    let cases: Vec<Case> = parse_cases(include_str!("cases.txt"), ioc.prefix())
        .into_iter()
        .filter(|case| in_part(case, part))
        .collect();
    assert!(
        cases.len() >= 10,
        "cases.txt has {} cases of {part:?}",
        cases.len()
    );
    let only = std::env::var("TOOLS_CONFORMANCE_ONLY").ok();
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in &cases {
        if let Some(only) = &only {
            if !format!("{} {}", case.tool, case.args.join(" ")).contains(only.as_str()) {
                continue;
            }
        }
        compared += 1;
        let ours = ours(&case.tool);
        assert!(ours.is_file(), "no {}", ours.display());
        let mut reference = run_case(&support::epics_tool(&case.tool), case, port);
        let mut ours_run = run_case(&ours, case, port);
        if !same_outcome(case, &reference, &ours_run)
            && (timed_out(&reference) || timed_out(&ours_run))
        {
            // The tools wait 1 s for a connection by default, which a
            // loaded machine (a parallel build, a memory checker) can miss
            // on either side: such a case runs once more, both tools, and
            // only that second outcome counts.
            reference = run_case(&support::epics_tool(&case.tool), case, port);
            ours_run = run_case(&ours, case, port);
        }
        let ours = ours_run;
        if !same_outcome(case, &reference, &ours) {
            failures.push(format!(
                "cases.txt:{}: {} {}\n  reference: status {:?}\n{}\n  --- stderr\n{}\n  ours: status {:?}\n{}\n  --- stderr\n{}",
                case.line,
                case.tool,
                case.args.join(" "),
                reference.status,
                reference.stdout,
                reference.stderr,
                ours.status,
                ours.stdout,
                ours.stderr
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {compared} cases of {part:?} differ from EPICS base's tools:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    eprintln!(
        "{compared} cases of {part:?} equal to EPICS base's tools ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn caget_prints_values_as_epics_base_caget_does() {
    conform(CAGET_VALUES);
}

#[test]
fn caget_handles_dbr_types_failures_and_options_as_epics_base_caget_does() {
    conform(CAGET_REQUESTS);
}

#[test]
fn caput_prints_what_epics_base_caput_prints() {
    conform(CAPUT);
}

#[test]
fn camonitor_prints_what_epics_base_camonitor_prints() {
    conform(CAMONITOR);
}

#[test]
fn cainfo_prints_what_epics_base_cainfo_prints() {
    conform(CAINFO);
}

#[test]
fn every_case_is_in_exactly_one_test() {
    let cases = parse_cases(include_str!("cases.txt"), "X:");
    assert!(cases.len() >= 200, "the table has {} cases", cases.len());
    for case in &cases {
        let parts = PARTS.iter().filter(|part| in_part(case, part)).count();
        assert_eq!(
            parts, 1,
            "cases.txt:{} ({}) is in {parts} tests",
            case.line, case.section
        );
        assert!(
            case.section.starts_with(&case.tool),
            "cases.txt:{}: a {} case under {}",
            case.line,
            case.tool,
            case.section
        );
    }
}

#[test]
fn masking_hides_only_stamps_and_what_processes_cannot_share() {
    let text = "pv 2024-01-02 03:04:05.123456 3.5 +12.500000 -0.000001 (+1.5)";
    assert_eq!(mask(text, Mask::None), text);
    assert_eq!(
        mask(text, Mask::Time),
        "pv <TIME> 3.5 +12.500000 -0.000001 (+1.5)"
    );
    assert_eq!(mask(text, Mask::Relative), "pv <TIME> 3.5 <DT> <DT> (+1.5)");
    let report = "ca_client_context at 0x1f pndRecvCnt=0 ioSeqNo=1\n\
                  \tpreemptive callback is disabled\n\
                  epicsThread at 0x2b\n      timerQueue     0x2b    21811      2\n\
                  \tconnection time out watchdog period 30.000000\n";
    assert_eq!(
        mask(report, Mask::Report),
        "ca_client_context at <ADDR> pndRecvCnt=0 ioSeqNo=<MASKED>\n\
         \tpreemptive callback is <MASKED>\n\
         epicsThread at <ADDR>\ntimerQueue <THREAD>\n\
         \tconnection time out watchdog period 30.000000\n"
    );
    let args = split_args("-F , $Pai 'a b' ''", "X:");
    assert_eq!(args, ["-F", ",", "X:ai", "a b", ""]);
    let args = split_args("-tn -# 2 -F , -S $Pwf $Pai", "X:");
    assert_eq!(monitor_pvs(&args), 2);
}
