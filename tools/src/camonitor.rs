//! camonitor: print every update of PVs, as EPICS base's camonitor does.

use crate::backend::{Backend, CaError, MonitorEvent};
use crate::common::*;
use crate::dbr::*;
use crate::output::*;
use cothread::catools::{EventMask, DBE_ALARM, DBE_LOG, DBE_PROPERTY, DBE_VALUE};
use std::io::Write;

const USAGE: &str = "
Usage: camonitor [options] <PV name> ...

  -h:       Help: Print this message
  -V:       Version: Show EPICS and CA versions
Channel Access options:
  -w <sec>: Wait time, specifies CA timeout, default is 1.000000 second(s)
  -m <msk>: Specify CA event mask to use.  <msk> is any combination of
            'v' (value), 'a' (alarm), 'l' (log/archive), 'p' (property).
            Default event mask is 'va'
  -p <pri>: CA priority (0-99, default 0=lowest)
Timestamps:
  Default:  Print absolute timestamps (as reported by CA server)
  -t <key>: Specify timestamp source(s) and type, with <key> containing
            's' = CA server (remote) timestamps
            'c' = CA client (local) timestamps (shown in '()'s)
            'n' = no timestamps
            'r' = relative timestamps (time elapsed since start of program)
            'i' = incremental timestamps (time elapsed since last update)
            'I' = incremental timestamps (time since last update, by channel)
            'r', 'i' or 'I' require 's' or 'c' to select the time source
Enum format:
  -n:       Print DBF_ENUM values as number (default is enum string)
Array values: Print number of elements, then list of values
  Default:  Request and print all elements (dynamic arrays supported)
  -# <num>: Request and print up to <num> elements
  -S:       Print arrays of char as a string (long string)
Floating point format:
  Default:  Use %g format
  -e <num>: Use %e format, with a precision of <num> digits
  -f <num>: Use %f format, with a precision of <num> digits
  -g <num>: Use %g format, with a precision of <num> digits
  -s:       Get value as string (honors server-side precision)
  -lx:      Round to long integer and print as hex number
  -lo:      Round to long integer and print as octal number
  -lb:      Round to long integer and print as binary number
Integer number format:
  Default:  Print as decimal number
  -0x:      Print as hex number
  -0o:      Print as octal number
  -0b:      Print as binary number
Alternate output field separator:
  -F <ofs>: Use <ofs> to separate fields in output

Example: camonitor -f8 my_channel another_channel
  (doubles are printed as %f with precision of 8)

";

/// What camonitor keeps per channel.
#[derive(Default)]
struct Channel {
    connected_once: bool,
    element_count: usize,
    stamps: ChannelStamps,
}

impl Channel {
    /// The wide line of this channel, named `name`, for `outcome`.
    fn line(
        &mut self,
        name: &str,
        outcome: &Outcome,
        requested: usize,
        style: &Style,
        state: &mut StampState,
    ) -> Vec<u8> {
        wide_line(
            name,
            outcome,
            self.element_count,
            requested,
            style,
            &mut self.stamps,
            state,
            Stamp::now(),
        )
    }
}

/// Runs camonitor with `args` (without the program name): returns only on
/// an error in the arguments (the exit status), else monitors for ever.
pub fn run(
    args: &[String],
    backend: &mut dyn Backend,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let tool = Tool {
        name: "camonitor",
        usage: USAGE,
        usage_shows_version: false,
        optstring: ":nhVm:sSe:f:g:l:#:0:w:t:p:F:",
        posix: false,
    };
    let mut mask = DBE_VALUE | DBE_ALARM;
    let mut float_as_string = false;

    let parsed = parse_options(&tool, args, out, err, |flag, arg, common, err| {
        match flag {
            'n' => common.style.enum_as_number = true,
            't' => {
                common.style.server_stamps = false;
                common.style.client_stamps = false;
                for c in arg.chars() {
                    match c {
                        's' => common.style.server_stamps = true,
                        'c' => common.style.client_stamps = true,
                        'n' => {}
                        'r' => common.style.stamp_kind = StampKind::Relative,
                        'i' => common.style.stamp_kind = StampKind::Incremental,
                        'I' => common.style.stamp_kind = StampKind::IncrementalByChannel,
                        other => {
                            let _ = writeln!(
                                err,
                                "Invalid argument '{other}' for option '-t' - ignored."
                            );
                        }
                    }
                }
            }
            'm' => {
                mask = EventMask::from_bits(0);
                for c in arg.chars() {
                    match c {
                        'v' => mask |= DBE_VALUE,
                        'a' => mask |= DBE_ALARM,
                        'l' => mask |= DBE_LOG,
                        'p' => mask |= DBE_PROPERTY,
                        _ => {
                            let _ = writeln!(
                                err,
                                "Invalid argument '{arg}' for option '-m' - ignored."
                            );
                            mask = DBE_VALUE | DBE_ALARM;
                            break;
                        }
                    }
                }
            }
            's' => float_as_string = true,
            'S' => common.style.char_array_as_string = true,
            'l' | '0' => {
                set_int_format(&mut common.style, flag, arg, err);
            }
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
    let _ = out.flush();

    let count = common.count;
    let style = common.style.clone();
    let mut channels: Vec<Channel> = names.iter().map(|_| Channel::default()).collect();
    let mut state = StampState {
        start: Stamp::now(),
        ..StampState::default()
    };
    let mut handler = |event: MonitorEvent| -> (u32, usize) {
        let mut line = Vec::new();
        let mut answer = (0, 0);
        match event {
            MonitorEvent::Connected(i, info) => {
                let dbr_type =
                    time_request_type(info.dbf_type, style.enum_as_number, float_as_string);
                channels[i].connected_once = true;
                channels[i].element_count = info.element_count;
                answer = (dbr_type, count.min(info.element_count));
            }
            MonitorEvent::Update(i, result) => {
                // camonitor prints only updates that carry data.
                let Ok(dbr) = &result else { return answer };
                channels[i].element_count = dbr.values.len();
                line = channels[i].line(&names[i], &Outcome::Data(dbr), count, &style, &mut state);
            }
            MonitorEvent::Disconnected(i) => {
                line =
                    channels[i].line(&names[i], &Outcome::Disconnected, count, &style, &mut state);
            }
            MonitorEvent::ConnectTimeout => {
                // A channel never connected has an element count of 0.
                for (channel, name) in channels.iter_mut().zip(&names) {
                    if !channel.connected_once {
                        line.extend(channel.line(
                            name,
                            &Outcome::NotFound,
                            count,
                            &style,
                            &mut state,
                        ));
                    }
                }
            }
        }
        let _ = out.write_all(&line);
        let _ = out.flush();
        answer
    };
    backend.monitor(
        &names,
        common.priority,
        common.timeout,
        mask.bits(),
        &mut handler,
    );
    // Only when monitoring stops (it does not with libca) does camonitor end.
    let _ = CaError::Timeout;
    0
}
