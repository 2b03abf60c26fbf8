//! cainfo: print what Channel Access knows of PVs, or with `-s <level>`
//! libca's own report on the client (`catools::client_status`), as EPICS
//! base's cainfo does.

use crate::backend::Backend;
use crate::common::*;
use crate::dbr::*;
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
    let tool = Tool {
        name: "cainfo",
        usage: USAGE,
        usage_shows_version: true,
        optstring: ":nhVw:s:p:",
        posix: false,
    };
    let mut interest_level = 0u32;
    let parsed = parse_options(&tool, args, out, err, |flag, arg, _, err| {
        match flag {
            's' => match scan_unsigned(arg) {
                Some(level) => interest_level = level,
                None => {
                    tool.complain(
                        err,
                        &format!("'{arg}' is not a valid interest level - ignored."),
                    );
                    interest_level = 0;
                }
            },
            // -n is in cainfo's optstring without a meaning.
            _ => return false,
        }
        true
    });
    let (common, names) = match parsed {
        Ok(parsed) => parsed,
        Err(status) => return status,
    };
    // With an interest level, the PV names are optional: they are connected
    // (and must be), then libca reports on the client instead of them.
    if names.is_empty() && interest_level == 0 {
        tool.complain(err, "No pv name specified.");
        return 1;
    }
    let infos = match connect_all(backend, &names, &common, err) {
        Ok(infos) => infos,
        Err(status) => return status,
    };
    if interest_level > 0 {
        let _ = out.flush();
        return match backend.client_status(interest_level) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "cainfo: {}", e.message());
                1
            }
        };
    }
    for (name, info) in names.iter().zip(&infos) {
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
