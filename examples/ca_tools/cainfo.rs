//! cainfo: print what Channel Access knows of PVs, as EPICS base's cainfo
//! does.

use super::backend::Backend;
use super::common::*;
use super::dbr::*;
use super::getopt::{getopt, Opt};
use std::io::Write;

const USAGE: &str = "
Usage: cainfo [options] <PV name> ...

  -h: Help: Print this message
  -V: Version: Show EPICS and CA versions
Channel Access options:
  -w <sec>:   Wait time, specifies CA timeout, default is 1.000000 second(s)
  -s <level>: Call ca_client_status with the specified interest level
  -p <prio>:  CA priority (0-99, default 0=lowest)

Example: cainfo my_channel another_channel

";

/// Runs cainfo with `args` (without the program name); the exit status.
pub fn run(
    args: &[String],
    backend: &mut dyn Backend,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut common = Common {
        timeout: initial_timeout(err),
        ..Common::default()
    };
    let mut interest_level = 0u32;
    let (options, names) = getopt(args, ":nhVw:s:p:", false);
    for option in options {
        let (flag, arg) = match option {
            Opt::Unknown(c) => return unknown_option(c, "cainfo", err),
            Opt::MissingArgument(c) => return missing_argument(c, "cainfo", err),
            Opt::Flag(c, arg) => (c, arg.unwrap_or_default()),
        };
        match flag {
            'h' => {
                let _ = err.write_all(USAGE.as_bytes());
                let _ = writeln!(err, "\n{}", super::version_line());
                return 0;
            }
            'V' => {
                let _ = writeln!(out, "\n{}", super::version_line());
                return 0;
            }
            'w' => set_timeout(&mut common, &arg, "cainfo", err),
            's' => match scan_unsigned(&arg) {
                Some(level) => interest_level = level,
                None => {
                    let _ = writeln!(
                        err,
                        "'{arg}' is not a valid interest level - ignored. ('cainfo -h' for help.)"
                    );
                    interest_level = 0;
                }
            },
            'p' => set_priority(&mut common, &arg, "cainfo", err),
            // -n is in cainfo's optstring without a meaning: usage, status 1.
            _ => {
                let _ = err.write_all(USAGE.as_bytes());
                let _ = writeln!(err, "\n{}", super::version_line());
                return 1;
            }
        }
    }
    if interest_level > 0 {
        // ca_client_status dumps libca's internals (addresses, counters):
        // catools does not offer it, and its text is libca's, not cainfo's.
        let _ = writeln!(
            err,
            "cainfo -s: ca_client_status (libca's internal state) is not available through catools"
        );
        return 1;
    }
    if names.is_empty() {
        let _ = writeln!(err, "No pv name specified. ('cainfo -h' for help.)");
        return 1;
    }
    let infos = backend.connect(&names, common.priority, common.timeout);
    if infos.iter().any(Option::is_none) {
        connect_timeout_message(&names, err);
        return 1;
    }
    for (name, info) in names.iter().zip(infos.iter().flatten()) {
        let _ = write!(
            out,
            "{name}\n    State:            connected\n    Host:             {}\n    Access:           {}read, {}write\n    Native data type: {}\n    Request type:     {}\n    Element count:    {}\n",
            info.host,
            if info.read_access { "" } else { "no " },
            if info.write_access { "" } else { "no " },
            dbf_type_to_text(info.dbf_type),
            dbr_type_to_text(info.dbf_type),
            info.element_count
        );
    }
    let _ = out.flush();
    0
}
