//! caput: write a value to a PV and print it before and after, as EPICS
//! base's caput does.

use crate::backend::{Backend, CaError, ChannelInfo, GetRequest, PutValue};
use crate::cfmt::strtod;
use crate::common::*;
use crate::dbr::*;
use crate::output::*;
use std::io::Write;

const USAGE: &str = "
Usage: caput [options] <PV name> <PV value> ...
       caput -a [options] <PV name> <no of values> <PV value> ...

  -h: Help: Print this message
  -V: Version: Show EPICS and CA versions
Channel Access options:
  -w <sec>:  Wait time, specifies CA timeout, default is 1.000000 second(s)
  -c: Asynchronous put (use ca_put_callback and wait for completion)
  -p <prio>: CA priority (0-99, default 0=lowest)
Format options:
  -t: Terse mode - print only sucessfully written value, without name
  -l: Long mode \"name timestamp value stat sevr\" (read PVs as DBR_TIME_xxx)
Enum format:
  Default: Auto - try value as ENUM string, then as index number
  -n: Force interpretation of values as numbers
  -s: Force interpretation of values as strings
Arrays:
  Default: Put scalar
      Value format: all value arguments concatenated with spaces
  -S: Put string as an array of chars (long string)
  -a: Put array
      Value format: number of values, then list of values
Alternate output field separator:
  -F <ofs>: Use <ofs> as an alternate output field separator

Example: caput my_channel 1.2
  (puts 1.2 to my_channel)

";

/// The ANSI-coloured "ERROR" of EPICS base 7's errlog.
const ERL_ERROR: &str = "\x1b[31;1mERROR\x1b[0m";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Plain,
    Terse,
    All,
}

/// A `dbr_string_t` as caput fills it: at most 40 bytes of escaped text
/// read, at most 39 bytes kept.
fn epics_string(arg: &str) -> Vec<u8> {
    let text = arg.as_bytes();
    let mut raw = unescape(&text[..text.len().min(40)]);
    raw.truncate(39);
    raw
}

/// Runs caput with `args` (without the program name); the exit status.
pub fn run(
    args: &[String],
    backend: &mut dyn Backend,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let tool = Tool {
        name: "caput",
        usage: USAGE,
        usage_shows_version: false,
        optstring: ":cnlhatsVS#:w:p:F:",
        posix: true,
    };
    let mut format = Format::Plain;
    let mut callback = false;
    let mut is_array = false;
    let mut enum_as_string = false;

    let parsed = parse_options(&tool, args, out, err, |flag, _, common, _| {
        match flag {
            'n' => {
                common.style.enum_as_number = true;
                enum_as_string = false;
            }
            's' => {
                enum_as_string = true;
                common.style.enum_as_number = false;
            }
            'S' => {
                common.style.char_array_as_string = true;
                is_array = false;
            }
            't' => format = Format::Terse,
            'l' => format = Format::All,
            'a' => {
                is_array = true;
                common.style.char_array_as_string = false;
            }
            'c' => callback = true,
            _ => return false,
        }
        true
    });
    let (common, operands) = match parsed {
        Ok(parsed) => parsed,
        Err(status) => return status,
    };
    if operands.is_empty() {
        tool.complain(err, "No pv name specified.");
        return 1;
    }
    if operands.len() == 1 {
        tool.complain(err, "No value specified.");
        return 1;
    }
    let names = vec![operands[0].clone()];
    let info = match connect_all(backend, &names, &common, err) {
        Ok(mut infos) => infos.remove(0),
        Err(status) => return status,
    };

    // The value arguments: after the count for -a, else all of them joined.
    let values: Vec<String> = if is_array {
        operands.iter().skip(2).cloned().collect()
    } else {
        vec![operands[1..].join(" ")]
    };

    let value = if info.dbf_type == DBR_ENUM {
        let strings = match backend
            .get(
                &[GetRequest {
                    channel: 0,
                    dbr_type: DBR_GR_STRING + DBR_ENUM,
                    count: 1,
                }],
                false,
                common.timeout,
            )
            .remove(0)
        {
            Ok(dbr) => dbr.enum_strings,
            Err(_) => {
                let _ = writeln!(err, "Read operation timed out: ENUM data was not read.");
                return 1;
            }
        };
        let states = strings.len() as f64;
        let mut numbers = vec![0.0; values.len()];
        let mut texts = vec![Vec::new(); values.len()];
        let mut as_double = false;
        for (i, text) in values.iter().enumerate() {
            if common.style.enum_as_number {
                let (number, used) = strtod(text);
                if used == 0 {
                    let _ = writeln!(err, "Enum index value '{text}' is not a number.");
                    return 1;
                }
                if number >= states {
                    let _ = writeln!(err, "Warning: enum index value '{text}' may be too large.");
                }
                numbers[i] = number;
                as_double = true;
            } else {
                texts[i] = epics_string(text);
                as_double = false;
                if !strings.iter().any(|s| c_str(s) == texts[i].as_slice()) {
                    let shown = String::from_utf8_lossy(&texts[i]).into_owned();
                    let (number, used) = strtod(&shown);
                    if used == 0 || enum_as_string {
                        let _ = writeln!(err, "Enum string value '{shown}' invalid.");
                        return 1;
                    }
                    if number >= states {
                        let _ =
                            writeln!(err, "Warning: enum index value '{shown}' may be too large.");
                    }
                    numbers[i] = number;
                    as_double = true;
                }
            }
        }
        // Like caput, the type of the last value decides how all are sent.
        if as_double {
            PutValue::Doubles(numbers)
        } else {
            PutValue::Strings(texts)
        }
    } else if common.style.char_array_as_string {
        let mut chars = unescape(values[0].as_bytes());
        chars.push(0);
        PutValue::Chars(chars)
    } else {
        PutValue::Strings(values.iter().map(|v| epics_string(v)).collect())
    };

    if format != Format::Terse {
        let _ = write!(out, "Old : ");
        show(backend, &names[0], &info, format, &common, out, err);
    }
    match backend.put(0, &value, callback, common.timeout) {
        Ok(()) => {}
        // As EPICS base's caput: the callback's status is still its initial
        // ECA_NORMAL then, so it goes on to read the new value (and exits
        // with that read's status).
        Err(CaError::Timeout) if callback => {
            let _ = writeln!(err, "Write callback operation timed out");
        }
        Err(e) => {
            match e {
                CaError::Timeout => {
                    let _ = writeln!(err, "Write operation timed out: Data was not written.");
                }
                CaError::NoWriteAccess | CaError::Disconnected => {
                    let _ = writeln!(err, "{ERL_ERROR} from put operation: {}", e.message());
                }
                other => {
                    let _ = writeln!(err, "{ERL_ERROR} occured writing data: {}", other.message());
                }
            }
            let _ = out.flush();
            return 1;
        }
    }
    if format != Format::Terse {
        let _ = write!(out, "New : ");
    }
    show(backend, &names[0], &info, format, &common, out, err)
}

/// caput's read-back: the whole array as DBR_TIME_xxx, printed plain,
/// terse or long.
fn show(
    backend: &mut dyn Backend,
    name: &str,
    info: &ChannelInfo,
    format: Format,
    common: &Common,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let style = &common.style;
    let dbr_type = time_request_type(info.dbf_type, style.enum_as_number, false);
    let n = info.element_count;
    let request = GetRequest {
        channel: 0,
        dbr_type,
        count: n,
    };
    let mut result = backend.get(&[request], false, common.timeout).remove(0);
    let failed = zero_failed_read(&mut result, name, &request, err);
    if failed || matches!(result, Err(CaError::Timeout) | Err(CaError::NoReadAccess)) {
        let _ = writeln!(err, "Read operation timed out: PV data was not read.");
    }
    let line = match format {
        Format::Plain => plain_line(Some(name), n, &result, 0, style),
        Format::Terse => plain_line(None, n, &result, 0, style),
        Format::All => wide_line(
            name,
            &Outcome::of(&result),
            n,
            0,
            style,
            &mut ChannelStamps::default(),
            &mut StampState::default(),
            Stamp::now(),
        ),
    };
    let _ = out.write_all(&line);
    let _ = out.flush();
    0
}
