//! Option handling the four tools share, with the EPICS tools' messages.

use super::cfmt::{scan_double, scan_int, FloatFormat, IntFormat};
use super::output::Style;
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
    /// Output formatting.
    pub style: Style,
}

impl Default for Common {
    fn default() -> Self {
        Common {
            timeout: DEFAULT_TIMEOUT,
            priority: 0,
            style: Style::default(),
        }
    }
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
pub fn set_timeout(common: &mut Common, arg: &str, tool: &str, err: &mut dyn Write) {
    match scan_double(arg) {
        Some(t) => common.timeout = t,
        None => {
            let _ = writeln!(
                err,
                "'{arg}' is not a valid timeout value - ignored, using '{DEFAULT_TIMEOUT:.1}'. ('{tool} -h' for help.)"
            );
            common.timeout = DEFAULT_TIMEOUT;
        }
    }
}

/// `sscanf("%u")` as the tools read `-p` and `-s`: a sign is allowed and a
/// negative number wraps.
pub fn scan_unsigned(arg: &str) -> Option<u32> {
    scan_int(arg).map(|v| v as u32)
}

/// `-p PRIO`.
pub fn set_priority(common: &mut Common, arg: &str, tool: &str, err: &mut dyn Write) {
    match scan_unsigned(arg) {
        Some(p) => common.priority = p.min(PRIORITY_MAX),
        None => {
            let _ = writeln!(
                err,
                "'{arg}' is not a valid CA priority - ignored. ('{tool} -h' for help.)"
            );
            common.priority = 0;
        }
    }
}

/// `-e/-f/-g DIGITS`.
pub fn set_precision(common: &mut Common, option: char, arg: &str, err: &mut dyn Write) {
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

/// `-0x/-0o/-0b` and `-lx/-lo/-lb`: the format, or `None` (with the
/// message) for another letter.
pub fn int_format(option: char, arg: &str, err: &mut dyn Write) -> Option<IntFormat> {
    match arg.as_bytes().first() {
        Some(b'x') => Some(IntFormat::Hex),
        Some(b'b') => Some(IntFormat::Bin),
        Some(b'o') => Some(IntFormat::Oct),
        _ => {
            let _ = writeln!(
                err,
                "Invalid argument '{arg}' for option '-{option}' - ignored."
            );
            None
        }
    }
}

/// `-F SEP`: its first byte (an empty argument gives NUL, as in C).
pub fn separator(arg: &str) -> u8 {
    arg.as_bytes().first().copied().unwrap_or(0)
}

/// `-# COUNT` as `sscanf("%d")` into an `unsigned long` reads it, or `None`
/// (with the message).
pub fn element_count(arg: &str, tool: &str, err: &mut dyn Write) -> Option<usize> {
    match scan_int(arg) {
        Some(n) => Some(n as i32 as i64 as usize),
        None => {
            let _ = writeln!(
                err,
                "'{arg}' is not a valid array element count - ignored. ('{tool} -h' for help.)"
            );
            None
        }
    }
}

/// The tools' complaint about an option they do not know.
pub fn unknown_option(option: char, tool: &str, err: &mut dyn Write) -> i32 {
    let _ = writeln!(
        err,
        "Unrecognized option: '-{option}'. ('{tool} -h' for help.)"
    );
    1
}

/// The tools' complaint about an option without its argument.
pub fn missing_argument(option: char, tool: &str, err: &mut dyn Write) -> i32 {
    let _ = writeln!(
        err,
        "Option '-{option}' requires an argument. ('{tool} -h' for help.)"
    );
    1
}

/// `connect_pvs`'s complaint when some channels did not connect.
pub fn connect_timeout_message(names: &[String], err: &mut dyn Write) {
    if names.len() > 1 {
        let _ = writeln!(err, "Channel connect timed out: some PV(s) not found.");
    } else {
        let _ = writeln!(err, "Channel connect timed out: '{}' not found.", names[0]);
    }
}
