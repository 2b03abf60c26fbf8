//! Option handling the four tools share, with the EPICS tools' messages.

use crate::backend::{Backend, CaError, ChannelInfo, GetRequest};
use crate::cfmt::{scan_double, scan_int, FloatFormat, IntFormat};
use crate::dbr::{Dbr, Stamp};
use crate::exception::write_read_failure;
use crate::getopt::{getopt, Opt};
use crate::output::Style;
use std::io::Write;

/// `DEFAULT_TIMEOUT` of the EPICS tools, in seconds.
pub const DEFAULT_TIMEOUT: f64 = 1.0;
/// `CA_PRIORITY_MAX`.
pub const PRIORITY_MAX: u32 = 99;
/// Largest `-e`/`-f`/`-g` precision (`VALID_DOUBLE_DIGITS`).
const VALID_DOUBLE_DIGITS: i64 = 18;

/// Settings every tool has.
#[derive(Clone, Debug)]
pub struct Common {
    /// `-w`.
    pub timeout: f64,
    /// `-p`.
    pub priority: u32,
    /// `-#`: how many elements to request and print (0: all). caput reads
    /// (and complains about) it, but its values decide the count.
    pub count: usize,
    /// Output formatting.
    pub style: Style,
}

impl Default for Common {
    fn default() -> Self {
        Common {
            timeout: DEFAULT_TIMEOUT,
            priority: 0,
            count: 0,
            style: Style::default(),
        }
    }
}

/// One tool as its option handling sees it: its name (for the messages),
/// its `-h` text and its getopt optstring.
pub struct Tool {
    /// The program's name, as its messages quote it.
    pub name: &'static str,
    /// The `-h` text.
    pub usage: &'static str,
    /// Whether the version line follows the usage text (cainfo's does).
    pub usage_shows_version: bool,
    /// The getopt optstring.
    pub optstring: &'static str,
    /// Whether the operands start at the first non-option (`POSIXLY_CORRECT`,
    /// as caput sets it), rather than GNU getopt moving them to the end.
    pub posix: bool,
}

impl Tool {
    /// `message`, then the tools' pointer to `-h`.
    pub fn complain(&self, err: &mut dyn Write, message: &str) {
        let _ = writeln!(err, "{message} ('{} -h' for help.)", self.name);
    }

    /// The `-h` text on `err`.
    pub fn usage(&self, err: &mut dyn Write) {
        let _ = err.write_all(self.usage.as_bytes());
        if self.usage_shows_version {
            let _ = writeln!(err, "\n{}", crate::version_line());
        }
    }
}

/// The tools' getopt loop: the settings of the options every tool that has
/// them reads alike (`-h`, `-V`, `-w`, `-p`, `-F`, `-#`, `-e/-f/-g`) and of
/// EPICS_CLI_TIMEOUT, and the operands (the PV names and values).
/// `tool_option` gets each other option, its argument ("" without one) and
/// the settings so far, and says whether it knows the option.
///
/// `Err` is the exit status when the options end the run: after the usage
/// (`-h`, status 0) or the version (`-V`, 0), for an unknown option or one
/// missing its argument (1), or for an option of the optstring the tool
/// gives no meaning (usage, 1), as the tools' `default:` case does.
pub fn parse_options(
    tool: &Tool,
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
    mut tool_option: impl FnMut(char, &str, &mut Common, &mut dyn Write) -> bool,
) -> Result<(Common, Vec<String>), i32> {
    let mut common = Common {
        timeout: initial_timeout(err),
        ..Common::default()
    };
    let (options, operands) = getopt(args, tool.optstring, tool.posix);
    for option in options {
        let (flag, arg) = match option {
            Opt::Unknown(c) => {
                tool.complain(err, &format!("Unrecognized option: '-{c}'."));
                return Err(1);
            }
            Opt::MissingArgument(c) => {
                tool.complain(err, &format!("Option '-{c}' requires an argument."));
                return Err(1);
            }
            Opt::Flag(c, arg) => (c, arg.unwrap_or_default()),
        };
        match flag {
            'h' => {
                tool.usage(err);
                return Err(0);
            }
            'V' => {
                let _ = writeln!(out, "\n{}", crate::version_line());
                return Err(0);
            }
            'w' => set_timeout(&mut common, &arg, tool, err),
            'p' => set_priority(&mut common, &arg, tool, err),
            'F' => common.style.separator = separator(&arg),
            '#' => common.count = element_count(&arg, tool, err).unwrap_or(0),
            'e' | 'f' | 'g' => set_precision(&mut common, flag, &arg, err),
            _ => {
                if !tool_option(flag, &arg, &mut common, err) {
                    tool.usage(err);
                    return Err(1);
                }
            }
        }
    }
    Ok((common, operands))
}

/// Connects to `names`; `Err` (the exit status, after the tools' message)
/// unless all of them connected.
pub fn connect_all(
    backend: &mut dyn Backend,
    names: &[String],
    common: &Common,
    err: &mut dyn Write,
) -> Result<Vec<ChannelInfo>, i32> {
    let infos = backend.connect(names, common.priority, common.timeout);
    if infos.iter().any(Option::is_none) {
        connect_timeout_message(names, err);
        return Err(1);
    }
    Ok(infos.into_iter().flatten().collect())
}

/// What the C tools make of a plain read (`ca_array_get`, theirs outside
/// caget's `-c`) of `name` that the server failed: libca prints its
/// exception report on `err`, and the read's buffer, untouched, holds zeros,
/// which the tools print as the value. Makes `result` that buffer and says
/// whether the read was such a failure (the tools then report it as not
/// done in time, which their wait for it says).
pub fn zero_failed_read(
    result: &mut Result<Dbr, CaError>,
    name: &str,
    request: &GetRequest,
    err: &mut dyn Write,
) -> bool {
    let Err(CaError::ReadFailed(code, message)) = result else {
        return false;
    };
    write_read_failure(
        err,
        *code,
        message,
        name,
        request.dbr_type,
        request.count,
        Stamp::now(),
    );
    *result = Ok(Dbr::zeroed(request.dbr_type, request.count));
    true
}

/// `-w SEC`: EPICS_CLI_TIMEOUT first, as the tools read it before options.
pub fn initial_timeout(err: &mut dyn Write) -> f64 {
    match std::env::var("EPICS_CLI_TIMEOUT") {
        Ok(text) => scan_double(&text).unwrap_or_else(|| {
            let _ = writeln!(
                err,
                "'{text}' is not a valid timeout value (from 'EPICS_CLI_TIMEOUT' in the environment) - ignored. (use '-h' for help.)"
            );
            DEFAULT_TIMEOUT
        }),
        Err(_) => DEFAULT_TIMEOUT,
    }
}

/// `-w SEC`.
fn set_timeout(common: &mut Common, arg: &str, tool: &Tool, err: &mut dyn Write) {
    match scan_double(arg) {
        Some(t) => common.timeout = t,
        // Kept as it was (EPICS_CLI_TIMEOUT's, or an earlier -w's), as
        // EPICS base's tools keep it.
        None => tool.complain(
            err,
            &format!(
                "'{arg}' is not a valid timeout value - ignored, using '{:.1}'.",
                common.timeout
            ),
        ),
    }
}

/// `sscanf("%u")` as the tools read `-p` and `-s`: a sign is allowed and a
/// negative number wraps.
pub fn scan_unsigned(arg: &str) -> Option<u32> {
    scan_int(arg).map(|v| v as u32)
}

/// `-p PRIO`.
fn set_priority(common: &mut Common, arg: &str, tool: &Tool, err: &mut dyn Write) {
    match scan_unsigned(arg) {
        Some(p) => common.priority = p.min(PRIORITY_MAX),
        None => {
            tool.complain(
                err,
                &format!("'{arg}' is not a valid CA priority - ignored."),
            );
            common.priority = 0;
        }
    }
}

/// `-e/-f/-g DIGITS`.
fn set_precision(common: &mut Common, option: char, arg: &str, err: &mut dyn Write) {
    match scan_int(arg) {
        None => {
            let _ = writeln!(
                err,
                "Invalid precision argument '{arg}' for option '-{option}' - ignored."
            );
        }
        Some(digits) if (0..=VALID_DOUBLE_DIGITS).contains(&digits) => {
            common.style.float = FloatFormat {
                conversion: option,
                precision: Some(digits as usize),
            };
        }
        Some(digits) => {
            let digits = digits as i32;
            let _ = writeln!(
                err,
                "Precision {digits} for option '-{option}' out of range - ignored."
            );
        }
    }
}

/// `-0x/-0o/-0b` (integers) and `-lx/-lo/-lb` (floats rounded): whether
/// the letter was one of x, o, b (else the message, and no change).
pub fn set_int_format(style: &mut Style, option: char, arg: &str, err: &mut dyn Write) -> bool {
    let format = match arg.as_bytes().first() {
        Some(b'x') => IntFormat::Hex,
        Some(b'b') => IntFormat::Bin,
        Some(b'o') => IntFormat::Oct,
        _ => {
            let _ = writeln!(
                err,
                "Invalid argument '{arg}' for option '-{option}' - ignored."
            );
            return false;
        }
    };
    if option == '0' {
        style.int_format = format;
    } else {
        style.float_as_int = format;
    }
    true
}

/// `-F SEP`: its first byte (an empty argument gives NUL, as in C).
fn separator(arg: &str) -> u8 {
    arg.as_bytes().first().copied().unwrap_or(0)
}

/// `-# COUNT` as `sscanf("%d")` into an `unsigned long` reads it, or `None`
/// (with the message).
fn element_count(arg: &str, tool: &Tool, err: &mut dyn Write) -> Option<usize> {
    match scan_int(arg) {
        Some(n) => Some(n as i32 as i64 as usize),
        None => {
            tool.complain(
                err,
                &format!("'{arg}' is not a valid array element count - ignored."),
            );
            None
        }
    }
}

/// `connect_pvs`'s complaint when some channels did not connect.
fn connect_timeout_message(names: &[String], err: &mut dyn Write) {
    if names.len() > 1 {
        let _ = writeln!(err, "Channel connect timed out: some PV(s) not found.");
    } else {
        let _ = writeln!(err, "Channel connect timed out: '{}' not found.", names[0]);
    }
}
