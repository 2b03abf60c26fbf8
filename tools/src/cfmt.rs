//! C `printf` number conversions the EPICS tools use (`%d`, `%g`, `%e`, `%f`
//! with a precision, `0x%X`, `0o%o`), and the C library parsers they read
//! their arguments with (`sscanf("%d")`, `strtod`), written in Rust.

/// A `printf` floating-point conversion: `%e`, `%f` or `%g`, with a precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatFormat {
    /// 'e', 'f' or 'g'.
    pub conversion: char,
    /// Digits (`None`: C's default of 6).
    pub precision: Option<usize>,
}

impl Default for FloatFormat {
    fn default() -> Self {
        FloatFormat {
            conversion: 'g',
            precision: None,
        }
    }
}

/// `printf("%.<p>e")`.
pub fn format_e(value: f64, precision: usize) -> String {
    if let Some(s) = non_finite(value) {
        return s;
    }
    let rust = format!("{value:.precision$e}");
    let (mantissa, exponent) = rust.split_once('e').expect("Rust's {:e} has an exponent");
    let exponent: i32 = exponent.parse().expect("a decimal exponent");
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exponent.abs())
}

/// `printf("%.<p>f")`.
pub fn format_f(value: f64, precision: usize) -> String {
    if let Some(s) = non_finite(value) {
        return s;
    }
    format!("{value:.precision$}")
}

/// `printf("%.<p>g")` (no `#` flag: trailing zeros go).
pub fn format_g(value: f64, precision: usize) -> String {
    if let Some(s) = non_finite(value) {
        return s;
    }
    let p = precision.max(1);
    // The exponent %e would print, after rounding to p significant digits.
    let e_text = format!("{value:.prec$e}", prec = p - 1);
    let exponent: i64 = e_text
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .expect("Rust's {:e} has an exponent");
    let text = if exponent < -4 || exponent >= p as i64 {
        format_e(value, p - 1)
    } else {
        format_f(value, (p as i64 - 1 - exponent) as usize)
    };
    strip_zeros(&text)
}

/// A float conversion as `printf` would do it with `format`.
pub fn format_float(value: f64, format: FloatFormat) -> String {
    let precision = format.precision.unwrap_or(6);
    match format.conversion {
        'e' => format_e(value, precision),
        'f' => format_f(value, precision),
        _ => format_g(value, precision),
    }
}

/// Removes trailing zeros of the fraction (and a bare decimal point), keeping
/// any exponent.
fn strip_zeros(text: &str) -> String {
    let (number, exponent) = match text.find('e') {
        Some(at) => text.split_at(at),
        None => (text, ""),
    };
    if !number.contains('.') {
        return text.to_string();
    }
    let trimmed = number.trim_end_matches('0').trim_end_matches('.');
    format!("{trimmed}{exponent}")
}

fn non_finite(value: f64) -> Option<String> {
    if value.is_nan() {
        Some(
            if value.is_sign_negative() {
                "-nan"
            } else {
                "nan"
            }
            .to_string(),
        )
    } else if value.is_infinite() {
        Some(if value < 0.0 { "-inf" } else { "inf" }.to_string())
    } else {
        None
    }
}

/// How the tools print an integer (`-0x`, `-0o`, `-0b`, `-lx`, ...).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IntFormat {
    /// `%d`
    #[default]
    Dec,
    /// Binary digits, no prefix, no leading zeros; `0` for zero.
    Bin,
    /// `0o%o`
    Oct,
    /// `0x%X`
    Hex,
}

/// An integer as the EPICS tools print it in `format` (negative numbers in
/// hex, octal and binary show their 32-bit two's complement).
pub fn format_long(value: i32, format: IntFormat) -> String {
    let bits = value as u32;
    match format {
        IntFormat::Dec => value.to_string(),
        IntFormat::Bin => format!("{bits:b}"),
        IntFormat::Oct => format!("0o{bits:o}"),
        IntFormat::Hex => format!("0x{bits:X}"),
    }
}

/// C's conversion of a rounded double to a 32-bit `int` on x86 (out of
/// range and NaN give `INT_MIN`), after the tools' rounding half away from zero.
pub fn round_to_long(value: f64) -> i32 {
    let rounded = if value > 0.0 {
        value + 0.5
    } else {
        value - 0.5
    };
    let truncated = rounded.trunc();
    if truncated.is_nan() || truncated < i32::MIN as f64 || truncated > i32::MAX as f64 {
        i32::MIN
    } else {
        truncated as i32
    }
}

/// `sscanf(text, "%d")`: leading white space, a sign and digits, the rest
/// ignored; `None` when no digit comes first.
pub fn scan_int(text: &str) -> Option<i64> {
    let text = text.trim_start();
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let end = digits
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    let magnitude: i64 = digits[..end].parse().unwrap_or(i64::MAX);
    Some(if negative { -magnitude } else { magnitude })
}

/// `strtod`: the longest prefix of `text` (after white space) that is a
/// number, and how many bytes it took (0: none).
pub fn strtod(text: &str) -> (f64, usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && (bytes[i] as char).is_ascii_whitespace() {
        i += 1;
    }
    let start = i;
    if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
        i += 1;
    }
    let rest = text[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if rest.starts_with(word) {
            let negative = bytes[start] == b'-';
            let value = if word == "nan" {
                f64::NAN
            } else {
                f64::INFINITY
            };
            return (if negative { -value } else { value }, i + word.len());
        }
    }
    if rest.starts_with("0x") {
        let hex_start = i + 2;
        let mut j = hex_start;
        let mut value = 0f64;
        while j < bytes.len() && (bytes[j] as char).is_ascii_hexdigit() {
            value = value * 16.0 + (bytes[j] as char).to_digit(16).unwrap() as f64;
            j += 1;
        }
        if j > hex_start {
            let negative = bytes[start] == b'-';
            return (if negative { -value } else { value }, j);
        }
        // "0x" with no hex digit: the "0" alone is the number.
        return (0.0, i + 1);
    }
    let mut j = i;
    let mut mantissa_digits = 0;
    while j < bytes.len() && bytes[j].is_ascii_digit() {
        j += 1;
        mantissa_digits += 1;
    }
    if j < bytes.len() && bytes[j] == b'.' {
        j += 1;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
            mantissa_digits += 1;
        }
    }
    if mantissa_digits == 0 {
        return (0.0, 0);
    }
    if j < bytes.len() && (bytes[j] == b'e' || bytes[j] == b'E') {
        let mut k = j + 1;
        if k < bytes.len() && (bytes[k] == b'+' || bytes[k] == b'-') {
            k += 1;
        }
        if k < bytes.len() && bytes[k].is_ascii_digit() {
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
            j = k;
        }
    }
    let value = text[start..j].parse::<f64>().unwrap_or(0.0);
    (value, j)
}

/// `epicsScanDouble`: a number that takes the whole text (white space
/// around it allowed).
pub fn scan_double(text: &str) -> Option<f64> {
    let (value, used) = strtod(text);
    (used > 0 && text[used..].trim().is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;

    /// What the C library's snprintf makes of `value` with `format`.
    fn c_printf(format: &str, value: f64) -> String {
        let format = CString::new(format).unwrap();
        let mut buffer = vec![0u8; 512];
        // SAFETY: the buffer is 512 bytes and snprintf is told so; the format
        // takes exactly one double.
        let n = unsafe {
            libc::snprintf(
                buffer.as_mut_ptr().cast(),
                buffer.len(),
                format.as_ptr(),
                value,
            )
        };
        buffer.truncate(n as usize);
        String::from_utf8(buffer).unwrap()
    }

    fn samples() -> Vec<f64> {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            3.5,
            0.5,
            1.5,
            2.5,
            0.125,
            0.1,
            0.2,
            1e-5,
            1.2345e-5,
            9.9999e-5,
            0.0001,
            0.00012345,
            123456.0,
            1234567.0,
            999999.5,
            9999995.0,
            1e100,
            -1e-100,
            2.0f64.powi(70),
            123.456,
            100.0,
            1e6,
            1e21,
            5e-324,
            f64::MAX,
            0.3,
            2.675,
            1.005,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.1f32 as f64,
            std::f64::consts::PI,
        ];
        let mut x = 1.0e-12f64;
        while x < 1e15 {
            values.push(x * 1.2345678901);
            values.push(-x * 9.87654321);
            x *= 7.3;
        }
        values
    }

    #[test]
    fn floats_match_c_printf() {
        for value in samples() {
            for precision in [0usize, 1, 2, 3, 5, 6, 8, 12, 17, 18] {
                for conversion in ['e', 'f', 'g'] {
                    let ours = format_float(
                        value,
                        FloatFormat {
                            conversion,
                            precision: Some(precision),
                        },
                    );
                    let c = c_printf(&format!("%-.{precision}{conversion}"), value);
                    assert_eq!(ours, c, "%.{precision}{conversion} of {value:?}");
                }
            }
            assert_eq!(
                format_float(value, FloatFormat::default()),
                c_printf("%g", value)
            );
        }
    }

    #[test]
    fn integers_print_like_the_tools() {
        assert_eq!(format_long(42, IntFormat::Dec), "42");
        assert_eq!(format_long(42, IntFormat::Hex), "0x2A");
        assert_eq!(format_long(42, IntFormat::Oct), "0o52");
        assert_eq!(format_long(42, IntFormat::Bin), "101010");
        assert_eq!(format_long(0, IntFormat::Bin), "0");
        assert_eq!(format_long(-1, IntFormat::Hex), "0xFFFFFFFF");
        assert_eq!(format_long(-2, IntFormat::Bin), "1".repeat(31) + "0");
        assert_eq!(round_to_long(3.5), 4);
        assert_eq!(round_to_long(-3.5), -4);
        assert_eq!(round_to_long(3.49), 3);
        assert_eq!(round_to_long(1e12), i32::MIN);
    }

    #[test]
    fn parsers_follow_the_c_library() {
        assert_eq!(scan_int("3x"), Some(3));
        assert_eq!(scan_int(" -12"), Some(-12));
        assert_eq!(scan_int("x3"), None);
        assert_eq!(scan_int("-"), None);
        assert_eq!(strtod("12.5abc"), (12.5, 4));
        assert_eq!(strtod("abc").1, 0);
        assert_eq!(strtod(" 1e3"), (1000.0, 4));
        assert_eq!(strtod("1e"), (1.0, 1));
        assert_eq!(strtod("0x1F"), (31.0, 4));
        assert_eq!(strtod(".5"), (0.5, 2));
        assert_eq!(strtod("."), (0.0, 0));
        assert_eq!(scan_double("0.5"), Some(0.5));
        assert_eq!(scan_double("0.5s"), None);
        assert_eq!(scan_double(""), None);
    }
}
