//! caget: read PVs and print their values, as EPICS base's caget does.

use crate::backend::{Backend, CaError, GetRequest};
use crate::cfmt::scan_int;
use crate::common::*;
use crate::dbr::*;
use crate::output::*;
use std::io::Write;

const USAGE: &str = "
Usage: caget [options] <PV name> ...

  -h: Help: Print this message
  -V: Version: Show EPICS and CA versions
Channel Access options:
  -w <sec>: Wait time, specifies CA timeout, default is 1.000000 second(s)
  -c: Asynchronous get (use ca_get_callback and wait for completion)
  -p <prio>: CA priority (0-99, default 0=lowest)
Format options:
      Default output format is \"name value\"
  -t: Terse mode - print only value, without name
  -a: Wide mode \"name timestamp value stat sevr\" (read PVs as DBR_TIME_xxx)
  -d <type>: Request specific dbr type; use string (DBR_ prefix may be omitted)
      or number of one of the following types:
 DBR_STRING     0  DBR_STS_FLOAT    9  DBR_TIME_LONG   19  DBR_CTRL_SHORT    29
 DBR_INT        1  DBR_STS_ENUM    10  DBR_TIME_DOUBLE 20  DBR_CTRL_INT      29
 DBR_SHORT      1  DBR_STS_CHAR    11  DBR_GR_STRING   21  DBR_CTRL_FLOAT    30
 DBR_FLOAT      2  DBR_STS_LONG    12  DBR_GR_SHORT    22  DBR_CTRL_ENUM     31
 DBR_ENUM       3  DBR_STS_DOUBLE  13  DBR_GR_INT      22  DBR_CTRL_CHAR     32
 DBR_CHAR       4  DBR_TIME_STRING 14  DBR_GR_FLOAT    23  DBR_CTRL_LONG     33
 DBR_LONG       5  DBR_TIME_INT    15  DBR_GR_ENUM     24  DBR_CTRL_DOUBLE   34
 DBR_DOUBLE     6  DBR_TIME_SHORT  15  DBR_GR_CHAR     25  DBR_STSACK_STRING 37
 DBR_STS_STRING 7  DBR_TIME_FLOAT  16  DBR_GR_LONG     26  DBR_CLASS_NAME    38
 DBR_STS_SHORT  8  DBR_TIME_ENUM   17  DBR_GR_DOUBLE   27
 DBR_STS_INT    8  DBR_TIME_CHAR   18  DBR_CTRL_STRING 28
Enum format:
  -n: Print DBF_ENUM value as number (default is enum string)
Arrays: Value format: print number of requested values, then list of values
  Default:    Print all values
  -# <count>: Print first <count> elements of an array
  -S:         Print array of char as a string (long string)
Floating point type format:
  Default: Use %g format
  -e <nr>: Use %e format, with a precision of <nr> digits
  -f <nr>: Use %f format, with a precision of <nr> digits
  -g <nr>: Use %g format, with a precision of <nr> digits
  -s:      Get value as string (honors server-side precision)
  -lx:     Round to long integer and print as hex number
  -lo:     Round to long integer and print as octal number
  -lb:     Round to long integer and print as binary number
Integer number format:
  Default: Print as decimal number
  -0x: Print as hex number
  -0o: Print as octal number
  -0b: Print as binary number
Alternate output field separator:
  -F <ofs>: Use <ofs> as an alternate output field separator

Example: caget -a -f8 my_channel another_channel
  (uses wide output format, doubles are printed as %f with precision of 8)

";

/// caget's output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Plain,
    Terse,
    All,
    SpecifiedDbr,
}

fn set_format(current: &mut Format, requested: Format, err: &mut dyn Write) {
    if *current != Format::Plain {
        let _ = writeln!(
            err,
            "Options t,d,a are mutually exclusive. ('caget -h' for help.)"
        );
    }
    *current = requested;
}

/// The DBR type `-d` names: a number (as `sscanf("%d")` reads it), a name,
/// or a name without its `DBR_` prefix.
fn parse_dbr_type(arg: &str) -> Option<u32> {
    let number = match scan_int(arg) {
        Some(n) => n,
        None => {
            let mut prefixed = String::from("DBR_");
            prefixed.extend(arg.chars().take(25));
            match dbr_text_to_type(arg).or_else(|| dbr_text_to_type(&prefixed)) {
                Some(t) => t as i64,
                None => -1,
            }
        }
    };
    let valid = (0..=DBR_CLASS_NAME as i64).contains(&number)
        && number != DBR_PUT_ACKT as i64
        && number != DBR_PUT_ACKS as i64;
    valid.then_some(number as u32)
}

/// Runs caget with `args` (without the program name); the exit status.
pub fn run(
    args: &[String],
    backend: &mut dyn Backend,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let tool = Tool {
        name: "caget",
        usage: USAGE,
        usage_shows_version: false,
        optstring: ":taicnhsSVe:f:g:l:#:d:0:w:p:F:",
        posix: false,
    };
    let mut format = Format::Plain;
    let mut callback = false;
    let mut dbr_type: Option<u32> = None;
    let mut float_as_string = false;

    let parsed = parse_options(&tool, args, out, err, |flag, arg, common, err| {
        match flag {
            't' => set_format(&mut format, Format::Terse, err),
            'a' => set_format(&mut format, Format::All, err),
            'c' => callback = true,
            'd' => {
                set_format(&mut format, Format::SpecifiedDbr, err);
                dbr_type = parse_dbr_type(arg);
                if dbr_type.is_none() {
                    tool.complain(err, "Requested dbr type out of range or invalid - ignored.");
                    format = Format::Plain;
                }
            }
            'n' => common.style.enum_as_number = true,
            's' => float_as_string = true,
            'S' => common.style.char_array_as_string = true,
            'l' => {
                set_int_format(&mut common.style, flag, arg, err);
            }
            '0' => {
                if set_int_format(&mut common.style, flag, arg, err) {
                    dbr_type = Some(DBR_LONG);
                }
            }
            // -i is in caget's optstring without a meaning.
            _ => return false,
        }
        true
    });
    let (common, names) = match parsed {
        Ok(parsed) => parsed,
        Err(status) => return status,
    };
    if names.is_empty() {
        tool.complain(err, "No pv name specified.");
        return 1;
    }
    let infos = match connect_all(backend, &names, &common, err) {
        Ok(infos) => infos,
        Err(status) => return status,
    };

    let count = common.count;
    let requests: Vec<GetRequest> = infos
        .iter()
        .enumerate()
        .map(|(channel, info)| {
            let dbr_type = if format == Format::SpecifiedDbr {
                dbr_type.unwrap_or(DBR_STRING)
            } else {
                time_request_type(info.dbf_type, common.style.enum_as_number, float_as_string)
            };
            let count = if callback {
                count.min(info.element_count)
            } else if count > 0 && count < info.element_count {
                count
            } else {
                info.element_count
            };
            GetRequest {
                channel,
                dbr_type,
                count,
            }
        })
        .collect();
    let mut results = backend.get(&requests, callback, common.timeout);
    let incomplete = if callback {
        // caget -c waits for a callback with data from every read it issued.
        results
            .iter()
            .any(|r| matches!(r, Err(e) if *e != CaError::Disconnected))
    } else {
        let mut failed = false;
        for ((name, request), result) in names.iter().zip(&requests).zip(&mut results) {
            failed |= zero_failed_read(result, name, request, err);
        }
        // libca reports a read without read access as not done in time, too.
        failed
            || results
                .iter()
                .any(|r| matches!(r, Err(CaError::Timeout) | Err(CaError::NoReadAccess)))
    };
    if incomplete {
        let _ = writeln!(err, "Read operation timed out: some PV data was not read.");
    }

    let style = &common.style;
    let mut state = StampState {
        start: Stamp::now(),
        ..StampState::default()
    };
    for ((name, request), (info, result)) in
        names.iter().zip(&requests).zip(infos.iter().zip(&results))
    {
        // How many elements the reply holds, as the layout sees it.
        let n = match result {
            Ok(dbr) => dbr.values.len(),
            Err(_) if callback => 0,
            Err(_) => request.count,
        };
        let line = match format {
            Format::Plain => plain_line(Some(name), n, result, count, style),
            Format::Terse => plain_line(None, n, result, count, style),
            Format::All => wide_line(
                name,
                &Outcome::of(result),
                n,
                count,
                style,
                &mut ChannelStamps::default(),
                &mut state,
                Stamp::now(),
            ),
            Format::SpecifiedDbr => {
                let mut line = Vec::new();
                line.extend_from_slice(format!("{name}\n").as_bytes());
                match result {
                    Err(CaError::Disconnected) => {
                        line.extend_from_slice(b"    *** not connected\n")
                    }
                    Err(CaError::NoReadAccess) => {
                        line.extend_from_slice(b"    *** no read access\n")
                    }
                    Err(e) => line.extend_from_slice(
                        format!("    *** CA error {}\n", e.message()).as_bytes(),
                    ),
                    Ok(dbr) => {
                        line.extend_from_slice(
                            format!(
                                "    Native data type: {}\n    Request type:     {}\n",
                                dbf_type_to_text(info.dbf_type),
                                dbr_type_to_text(request.dbr_type)
                            )
                            .as_bytes(),
                        );
                        if request.dbr_type == DBR_CLASS_NAME {
                            let class = match &dbr.values {
                                Values::String(v) => v.first().cloned().unwrap_or_default(),
                                _ => Vec::new(),
                            };
                            line.extend_from_slice(b"    Class Name:       ");
                            line.extend_from_slice(c_str(&class));
                            line.push(b'\n');
                        } else {
                            line.extend_from_slice(
                                format!("    Element count:    {n}\n    Value:            ")
                                    .as_bytes(),
                            );
                            value_list(&mut line, dbr, count, false, style);
                            line.push(b'\n');
                            if request.dbr_type > DBR_DOUBLE {
                                line.extend_from_slice(dbr2str(dbr).as_bytes());
                                line.push(b'\n');
                            }
                        }
                    }
                }
                line
            }
        };
        let _ = out.write_all(&line);
    }
    let _ = out.flush();
    0
}
