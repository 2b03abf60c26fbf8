//! How the EPICS tools print what they read: one value (`val2str`), the
//! metadata of an extended DBR type (`dbr2str`), time stamps, escaped
//! strings, and the wide "name timestamp value stat sevr" line.

use crate::backend::CaError;
use crate::cfmt::{format_float, format_long, round_to_long, FloatFormat, IntFormat};
use crate::dbr::*;

/// The formatting options the tools share (`tool_lib`'s globals).
#[derive(Clone, Debug)]
pub struct Style {
    /// `-e`/`-f`/`-g`.
    pub float: FloatFormat,
    /// `-0x`/`-0o`/`-0b`: integers.
    pub int_format: IntFormat,
    /// `-lx`/`-lo`/`-lb`: floats rounded to integers.
    pub float_as_int: IntFormat,
    /// `-n`: enums as numbers.
    pub enum_as_number: bool,
    /// `-S`: char arrays as strings.
    pub char_array_as_string: bool,
    /// `-F`: the output field separator.
    pub separator: u8,
    /// camonitor `-t`: print server time stamps.
    pub server_stamps: bool,
    /// camonitor `-t`: print client time stamps.
    pub client_stamps: bool,
    /// camonitor `-t`: absolute, relative or incremental.
    pub stamp_kind: StampKind,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            float: FloatFormat::default(),
            int_format: IntFormat::Dec,
            float_as_int: IntFormat::Dec,
            enum_as_number: false,
            char_array_as_string: false,
            separator: b' ',
            server_stamps: true,
            client_stamps: false,
            stamp_kind: StampKind::Absolute,
        }
    }
}

/// camonitor's kinds of time stamp.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StampKind {
    /// The stamp itself.
    #[default]
    Absolute,
    /// Since the first update (server) or the start (client).
    Relative,
    /// Since the previous update of any channel.
    Incremental,
    /// Since the previous update of the same channel.
    IncrementalByChannel,
}

/// `epicsStrnEscapedFromRaw`: C escapes for control characters, quotes and
/// backslashes, `\xHH` for other unprintable bytes.
pub fn escape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    for &c in raw {
        match c {
            b'\x07' => out.extend_from_slice(b"\\a"),
            b'\x08' => out.extend_from_slice(b"\\b"),
            b'\x0c' => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\x0b' => out.extend_from_slice(b"\\v"),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'"' => out.extend_from_slice(b"\\\""),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    out
}

/// `epicsStrnRawFromEscaped`: the reverse of [`escape`], as caput reads its
/// value arguments (a NUL ends the text).
pub fn unescape(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() && text[i] != 0 {
        let c = text[i];
        i += 1;
        if c != b'\\' || i >= text.len() {
            out.push(c);
            continue;
        }
        let e = text[i];
        i += 1;
        match e {
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'\\' | b'\'' | b'"' | b'?' => out.push(e),
            b'0'..=b'7' => {
                let mut value = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < text.len() && (b'0'..=b'7').contains(&text[i]) {
                    value = value * 8 + (text[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(value as u8);
            }
            b'x' => {
                let mut value = 0u32;
                let mut n = 0;
                while n < 2 && i < text.len() && text[i].is_ascii_hexdigit() {
                    value = value * 16 + (text[i] as char).to_digit(16).unwrap();
                    i += 1;
                    n += 1;
                }
                out.push(value as u8);
            }
            other => out.push(other),
        }
    }
    out
}

/// The bytes of a C string: up to the first NUL.
pub fn c_str(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    &bytes[..end]
}

/// `val2str`: element `index` of `dbr` as the tools print it.
pub fn val2str(dbr: &Dbr, index: usize, style: &Style) -> Vec<u8> {
    let float = |v: f64| -> Vec<u8> {
        if style.float_as_int == IntFormat::Dec {
            format_float(v, style.float).into_bytes()
        } else {
            format_long(round_to_long(v), style.float_as_int).into_bytes()
        }
    };
    match &dbr.values {
        Values::String(v) => escape(c_str(&v[index])),
        Values::Float(v) => float(v[index] as f64),
        Values::Double(v) => float(v[index]),
        // A C `char` is signed here: 200 prints as -56.
        Values::Char(v) => (v[index] as i8).to_string().into_bytes(),
        Values::Short(v) => format_long(v[index] as i32, style.int_format).into_bytes(),
        Values::Long(v) => format_long(v[index], style.int_format).into_bytes(),
        Values::Enum(v) => {
            let value = v[index];
            if (is_gr(dbr.dbr_type) || is_ctrl(dbr.dbr_type)) && !style.enum_as_number {
                if value >= 16 {
                    format!("Illegal Value ({value})").into_bytes()
                } else if value as usize >= dbr.enum_strings.len() {
                    format!("Enum Index Overflow ({value})").into_bytes()
                } else {
                    c_str(&dbr.enum_strings[value as usize]).to_vec()
                }
            } else {
                value.to_string().into_bytes()
            }
        }
    }
}

/// A char array's bytes up to the first NUL and at most `limit`, escaped
/// (`-S`).
pub fn char_array_text(dbr: &Dbr, limit: usize) -> Vec<u8> {
    match &dbr.values {
        Values::Char(v) => {
            let s = c_str(v);
            escape(&s[..s.len().min(limit)])
        }
        _ => Vec::new(),
    }
}

/// The local calendar time of `posix` seconds (`localtime_r`), if the C
/// library can tell it.
pub fn local_time(posix: i64) -> Option<libc::tm> {
    let time = libc::time_t::try_from(posix).ok()?;
    // SAFETY: an all-zero `struct tm` is a valid value for localtime_r to fill.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are to live locals; localtime_r is reentrant.
    let ok = unsafe { !libc::localtime_r(&time, &mut tm).is_null() };
    ok.then_some(tm)
}

/// `epicsTimeToStrftime(.., "%Y-%m-%d %H:%M:%S.%06f", ..)` in local time;
/// `<undefined>` for a zero stamp.
pub fn time_text(stamp: &Stamp) -> String {
    if stamp.secs == 0 && stamp.nsec == 0 {
        return "<undefined>".to_string();
    }
    let Some(tm) = local_time(stamp.secs as i64 + EPICS_EPOCH_OFFSET) else {
        return "<undefined>".to_string();
    };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        // epicsTimeToStrftime's %06f rounds, without overflowing into the
        // next second.
        (stamp.nsec.saturating_add(500)).min(999_999_999) / 1000
    )
}

/// `dbr2str`: the metadata lines of an extended DBR type (no final newline).
pub fn dbr2str(dbr: &Dbr) -> String {
    let t = dbr.dbr_type;
    let sts = format!(
        "    Status:           {}\n    Severity:         {}",
        status_name(dbr.status),
        severity_name(dbr.severity)
    );
    if t <= DBR_DOUBLE {
        return String::new();
    }
    if t == DBR_STSACK_STRING {
        return format!(
            "{sts}\n    Ack transient?:   {}\n    Ack severity:     {}",
            if dbr.ackt != 0 { "YES" } else { "NO" },
            severity_name(dbr.acks)
        );
    }
    if t < DBR_TIME_STRING || t == DBR_GR_STRING || t == DBR_CTRL_STRING {
        return sts;
    }
    if t < DBR_GR_STRING {
        return format!("    Timestamp:        {}\n{sts}", time_text(&dbr.stamp));
    }
    if !(is_gr(t) || is_ctrl(t)) {
        return "can't print data type".to_string();
    }
    let base = base_type(t);
    if base == DBR_ENUM {
        let mut s = format!(
            "{sts}\n    Enums:            ({:2})",
            dbr.enum_strings.len()
        );
        for (i, text) in dbr.enum_strings.iter().enumerate() {
            s.push_str(&format!(
                "\n                      [{i:2}] {}",
                String::from_utf8_lossy(c_str(text))
            ));
        }
        return s;
    }
    let limit = |v: f64| -> String {
        match base {
            DBR_CHAR => format!("{:8}", v as u8 as i8),
            DBR_SHORT | DBR_LONG => format!("{:8}", v as i32),
            DBR_FLOAT => format_float(v as f32 as f64, FloatFormat::default()),
            _ => format_float(v, FloatFormat::default()),
        }
    };
    let mut s = format!(
        "{sts}\n    Units:            {}",
        String::from_utf8_lossy(c_str(&dbr.units))
    );
    if base == DBR_FLOAT || base == DBR_DOUBLE {
        s.push_str(&format!("\n    Precision:        {}", dbr.precision));
    }
    let labels = [
        "Lo disp limit:    ",
        "Hi disp limit:    ",
        "Lo alarm limit:   ",
        "Lo warn limit:    ",
        "Hi warn limit:    ",
        "Hi alarm limit:   ",
        "Lo ctrl limit:    ",
        "Hi ctrl limit:    ",
    ];
    let count = if is_ctrl(t) { 8 } else { 6 };
    for (label, value) in labels.iter().zip(dbr.limits.iter()).take(count) {
        s.push_str(&format!("\n    {label}{}", limit(*value)));
    }
    s
}

/// What a wide line says in place of a value.
#[derive(Clone, Debug)]
pub enum Outcome<'a> {
    /// Never connected.
    NotFound,
    /// Lost its connection.
    Disconnected,
    /// Connected without read access.
    NoReadAccess,
    /// Another CA error, by its message.
    Error(String),
    /// Nothing arrived in time.
    NoData,
    /// The data.
    Data(&'a Dbr),
}

impl<'a> Outcome<'a> {
    /// What a wide line says for the result of a read.
    pub fn of(result: &'a Result<Dbr, CaError>) -> Outcome<'a> {
        match result {
            Ok(dbr) => Outcome::Data(dbr),
            Err(CaError::Disconnected) => Outcome::Disconnected,
            Err(CaError::NoReadAccess) => Outcome::NoReadAccess,
            Err(CaError::Timeout) => Outcome::NoData,
            Err(e) => Outcome::Error(e.message()),
        }
    }
}

/// caget's and caput's default line (the name, then the values), or with
/// no name their terse one (`-t`). `element_count` is the count the name's
/// padding sees; `requested` the `-#` count (0: none).
pub fn plain_line(
    name: Option<&str>,
    element_count: usize,
    result: &Result<Dbr, CaError>,
    requested: usize,
    style: &Style,
) -> Vec<u8> {
    let sep = style.separator;
    let mut line = Vec::new();
    if let Some(name) = name {
        if element_count <= 1 && sep == b' ' {
            line.extend_from_slice(format!("{name:<30}").as_bytes());
        } else {
            line.extend_from_slice(name.as_bytes());
        }
        line.push(sep);
    }
    match result {
        Err(CaError::Disconnected) => line.extend_from_slice(b"*** not connected\n"),
        Err(CaError::NoReadAccess) => line.extend_from_slice(b"*** no read access\n"),
        Err(CaError::Timeout) => line.extend_from_slice(b"*** no data available (timeout)\n"),
        Err(e) => line.extend_from_slice(format!("*** CA error {}\n", e.message()).as_bytes()),
        Ok(dbr) => {
            value_list(&mut line, dbr, requested, true, style);
            line.push(b'\n');
        }
    }
    line
}

/// The values of a reply: a long string (`-S` on a char array), or the
/// elements (after their count, when `with_count` and it is an array).
pub fn value_list(
    line: &mut Vec<u8>,
    dbr: &Dbr,
    requested: usize,
    with_count: bool,
    style: &Style,
) {
    let n = dbr.values.len();
    let sep = style.separator;
    if style.char_array_as_string && base_type(dbr.dbr_type) == DBR_CHAR && (requested > 0 || n > 1)
    {
        line.extend_from_slice(&char_array_text(dbr, n));
        return;
    }
    if with_count && (requested > 0 || n > 1) {
        line.extend_from_slice(n.to_string().as_bytes());
        line.push(sep);
    }
    for i in 0..n {
        if i > 0 {
            line.push(sep);
        }
        line.extend_from_slice(&val2str(dbr, i, style));
    }
}

/// The per-channel state of the wide format's relative/incremental stamps.
#[derive(Clone, Debug, Default)]
pub struct ChannelStamps {
    /// An absolute stamp was printed for this channel already.
    pub first_printed: bool,
    /// Previous server stamp of this channel.
    pub previous_server: Stamp,
    /// Previous client stamp of this channel.
    pub previous_client: Stamp,
}

/// The program-wide state of the wide format's time stamps.
#[derive(Clone, Debug, Default)]
pub struct StampState {
    /// When the program started (client).
    pub start: Stamp,
    /// The first server stamp seen.
    pub first: Option<Stamp>,
    /// Previous client stamp of any channel.
    pub previous_client: Stamp,
    /// Previous server stamp of any channel.
    pub previous_server: Stamp,
}

/// `print_time_val_sts`: one line "name timestamp value stat sevr".
/// `element_count` is the channel's count as the line's layout sees it,
/// `requested` the `-#` count (0: none), `now` the client's time.
#[allow(clippy::too_many_arguments)]
pub fn wide_line(
    name: &str,
    outcome: &Outcome,
    element_count: usize,
    requested: usize,
    style: &Style,
    channel: &mut ChannelStamps,
    state: &mut StampState,
    now: Stamp,
) -> Vec<u8> {
    let sep = style.separator;
    let mut out = Vec::new();
    let now_text = time_text(&now);
    if element_count <= 1 && sep == b' ' {
        out.extend_from_slice(format!("{name:<30}").as_bytes());
    } else {
        out.extend_from_slice(name.as_bytes());
    }
    out.push(sep);
    let dbr = match outcome {
        Outcome::NotFound => {
            out.extend_from_slice(b"*** Not connected (PV not found)\n");
            return out;
        }
        Outcome::Disconnected => {
            out.extend_from_slice(format!("{now_text} *** disconnected\n").as_bytes());
            return out;
        }
        Outcome::NoReadAccess => {
            out.extend_from_slice(format!("{now_text} *** no read access\n").as_bytes());
            return out;
        }
        Outcome::Error(message) => {
            out.extend_from_slice(format!("{now_text} *** CA error {message}\n").as_bytes());
            return out;
        }
        Outcome::NoData => {
            out.extend_from_slice(
                format!("{now_text} *** no data available (timeout)\n").as_bytes(),
            );
            return out;
        }
        Outcome::Data(dbr) => *dbr,
    };
    let server = dbr.stamp;
    if state.first.is_none() {
        state.first = Some(server);
    }
    let (print_absolute, reference_client, reference_server) = match style.stamp_kind {
        StampKind::Absolute => (true, Stamp::default(), Stamp::default()),
        StampKind::Relative => (
            !channel.first_printed,
            state.start,
            state.first.unwrap_or_default(),
        ),
        StampKind::Incremental => (
            !channel.first_printed,
            state.previous_client,
            state.previous_server,
        ),
        StampKind::IncrementalByChannel => (
            !channel.first_printed,
            channel.previous_client,
            channel.previous_server,
        ),
    };
    if print_absolute {
        if style.server_stamps {
            out.extend_from_slice(time_text(&server).as_bytes());
        }
        if style.client_stamps {
            out.extend_from_slice(format!("({})", time_text(&now)).as_bytes());
        }
        channel.first_printed = true;
    } else {
        if style.server_stamps {
            let d = server.diff(&reference_server);
            out.extend_from_slice(format!("              {}", signed_12_6(d)).as_bytes());
        }
        if style.client_stamps {
            let d = now.diff(&reference_client);
            out.extend_from_slice(format!("              ({})", signed_12_6(d)).as_bytes());
        }
    }
    if style.stamp_kind == StampKind::IncrementalByChannel {
        channel.previous_client = now;
        channel.previous_server = server;
    }
    state.previous_client = now;
    state.previous_server = server;

    let count = dbr.values.len();
    if style.char_array_as_string
        && base_type(dbr.dbr_type) == DBR_CHAR
        && (requested > 0 || element_count > 1)
    {
        let limit = if requested > 0 && requested < element_count {
            requested
        } else {
            element_count
        };
        out.push(sep);
        out.extend_from_slice(&char_array_text(dbr, limit));
    } else {
        if requested > 0 || element_count > 1 {
            out.push(sep);
            out.extend_from_slice(element_count.to_string().as_bytes());
        }
        for i in 0..count.min(element_count) {
            out.push(sep);
            out.extend_from_slice(&val2str(dbr, i, style));
        }
    }
    if dbr.status != 0 || dbr.severity != 0 {
        out.push(sep);
        out.extend_from_slice(status_name(dbr.status).as_bytes());
        out.push(sep);
        out.extend_from_slice(severity_name(dbr.severity).as_bytes());
    } else {
        out.push(sep);
        out.push(sep);
    }
    out.push(b'\n');
    out
}

/// `printf("%+12.6f")`.
fn signed_12_6(value: f64) -> String {
    let text = crate::cfmt::format_f(value, 6);
    let text = if text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    };
    format!("{text:>12}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_round_to_the_microsecond_within_their_second() {
        let text = |nsec| time_text(&Stamp { secs: 1, nsec });
        assert!(text(47_598_600).ends_with(".047599"));
        assert!(text(47_598_400).ends_with(".047598"));
        assert!(text(999_999_700).ends_with(".999999"));
    }

    #[test]
    fn escapes_like_epics() {
        assert_eq!(
            escape(b"a\tb\"c'\\\x01\xff"),
            b"a\\tb\\\"c\\'\\\\\\x01\\xff".to_vec()
        );
        assert_eq!(unescape(b"a\\tb\\x41\\101\\q"), b"a\tbAAq".to_vec());
        assert_eq!(
            unescape(&escape(b"\x07\x08\x0c\n\r\x0b\x7f")),
            b"\x07\x08\x0c\n\r\x0b\x7f".to_vec()
        );
    }

    fn double(values: &[f64]) -> Dbr {
        Dbr::new(
            DBR_TIME_STRING + DBR_DOUBLE,
            Values::Double(values.to_vec()),
        )
    }

    #[test]
    fn values_follow_the_options() {
        let mut style = Style::default();
        let d = double(&[3.5]);
        assert_eq!(val2str(&d, 0, &style), b"3.5");
        style.float_as_int = IntFormat::Hex;
        assert_eq!(val2str(&d, 0, &style), b"0x4");
        let c = Dbr::new(DBR_CHAR, Values::Char(vec![200]));
        assert_eq!(val2str(&c, 0, &style), b"-56");
        let mut e = Dbr::new(DBR_CTRL_STRING + DBR_ENUM, Values::Enum(vec![1, 5, 20]));
        e.enum_strings = vec![b"Off".to_vec(), b"On".to_vec()];
        assert_eq!(val2str(&e, 0, &style), b"On");
        assert_eq!(val2str(&e, 1, &style), b"Enum Index Overflow (5)");
        assert_eq!(val2str(&e, 2, &style), b"Illegal Value (20)");
        style.enum_as_number = true;
        assert_eq!(val2str(&e, 0, &style), b"1");
        let l = Dbr::new(DBR_LONG, Values::Long(vec![-1]));
        style.int_format = IntFormat::Oct;
        assert_eq!(val2str(&l, 0, &style), b"0o37777777777");
    }

    #[test]
    fn extended_types_list_their_metadata() {
        let mut d = Dbr::new(DBR_GR_STRING + DBR_LONG, Values::Long(vec![7]));
        d.status = 17;
        d.units = b"steps".to_vec();
        d.limits = [-1000.0, 1000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let text = dbr2str(&d);
        assert!(text.starts_with("    Status:           UDF\n    Severity:         NO_ALARM\n"));
        assert!(text.contains("\n    Lo disp limit:       -1000\n"));
        assert!(!text.contains("ctrl"));
        assert!(!text.contains("Precision"));
        d.dbr_type = DBR_CTRL_STRING + DBR_DOUBLE;
        d.values = Values::Double(vec![1.0]);
        d.precision = 3;
        let text = dbr2str(&d);
        assert!(text.contains("\n    Precision:        3\n    Lo disp limit:    -1000\n"));
        assert!(text.ends_with("\n    Hi ctrl limit:    0"));
        let t = Dbr::new(DBR_TIME_STRING + DBR_SHORT, Values::Short(vec![1]));
        assert!(dbr2str(&t).starts_with("    Timestamp:        <undefined>\n"));
    }

    #[test]
    fn wide_lines_lay_out_like_the_tools() {
        let style = Style::default();
        let mut dbr = double(&[3.5]);
        dbr.status = 17;
        let line = wide_line(
            "x:ai",
            &Outcome::Data(&dbr),
            1,
            0,
            &style,
            &mut ChannelStamps::default(),
            &mut StampState::default(),
            Stamp::now(),
        );
        assert_eq!(
            String::from_utf8(line).unwrap(),
            format!("{:<30} <undefined> 3.5 UDF NO_ALARM\n", "x:ai")
        );
        let array = double(&[1.0, 2.0]);
        let style = Style {
            separator: b',',
            ..Style::default()
        };
        let line = wide_line(
            "x:wf",
            &Outcome::Data(&array),
            2,
            0,
            &style,
            &mut ChannelStamps::default(),
            &mut StampState::default(),
            Stamp::now(),
        );
        assert_eq!(line, b"x:wf,<undefined>,2,1,2,,\n".to_vec());
        assert_eq!(signed_12_6(0.25), "   +0.250000");
        assert_eq!(signed_12_6(-1.0), "   -1.000000");
    }
}
