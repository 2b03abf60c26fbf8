//! Values read from (and written to) Channel Access: the dynamic [`Value`],
//! the [`Augmented`] wrapper that carries a value's name and metadata, and the
//! [`FromValue`] conversions behind typed reads such as `caget::<f64>`.
#![forbid(unsafe_code)]

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::localtime::local_time;
use super::{CaError, DataType, FieldType, Format};

/// One PV's data, in the type it came in.
///
/// Whether a value is a scalar or an array follows the channel's element
/// count (`.NELM`), not the number of elements that came back: an array PV
/// read with a count of 1 is an array of length 1.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// A `DBR_STRING`, an enum's state string, or a char array read as a string.
    String(String),
    /// A `DBR_CHAR`.
    Char(u8),
    /// A `DBR_SHORT`.
    Short(i16),
    /// A `DBR_LONG`.
    Long(i32),
    /// A `DBR_FLOAT`.
    Float(f32),
    /// A `DBR_DOUBLE`.
    Double(f64),
    /// A `DBR_ENUM` state index.
    Enum(u16),
    /// An array of `DBR_STRING`.
    StringArray(Vec<String>),
    /// An array of `DBR_CHAR` (also [`DataType::CharBytes`] reads, which
    /// stop at the first NUL).
    CharArray(Vec<u8>),
    /// An array of `DBR_SHORT`.
    ShortArray(Vec<i16>),
    /// An array of `DBR_LONG`.
    LongArray(Vec<i32>),
    /// An array of `DBR_FLOAT`.
    FloatArray(Vec<f32>),
    /// An array of `DBR_DOUBLE`.
    DoubleArray(Vec<f64>),
    /// An array of `DBR_ENUM`.
    EnumArray(Vec<u16>),
}

impl Value {
    /// The kind's name, for error messages (e.g. `"double array"`).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Char(_) => "char",
            Value::Short(_) => "short",
            Value::Long(_) => "long",
            Value::Float(_) => "float",
            Value::Double(_) => "double",
            Value::Enum(_) => "enum",
            Value::StringArray(_) => "string array",
            Value::CharArray(_) => "char array",
            Value::ShortArray(_) => "short array",
            Value::LongArray(_) => "long array",
            Value::FloatArray(_) => "float array",
            Value::DoubleArray(_) => "double array",
            Value::EnumArray(_) => "enum array",
        }
    }

    /// The element type.
    pub fn field_type(&self) -> FieldType {
        match self {
            Value::String(_) | Value::StringArray(_) => FieldType::String,
            Value::Char(_) | Value::CharArray(_) => FieldType::Char,
            Value::Short(_) | Value::ShortArray(_) => FieldType::Short,
            Value::Long(_) | Value::LongArray(_) => FieldType::Long,
            Value::Float(_) | Value::FloatArray(_) => FieldType::Float,
            Value::Double(_) | Value::DoubleArray(_) => FieldType::Double,
            Value::Enum(_) | Value::EnumArray(_) => FieldType::Enum,
        }
    }

    /// Whether this is one of the array variants.
    pub fn is_array(&self) -> bool {
        matches!(
            self,
            Value::StringArray(_)
                | Value::CharArray(_)
                | Value::ShortArray(_)
                | Value::LongArray(_)
                | Value::FloatArray(_)
                | Value::DoubleArray(_)
                | Value::EnumArray(_)
        )
    }

    /// The number of elements: 1 for a scalar.
    pub fn len(&self) -> usize {
        match self {
            Value::StringArray(v) => v.len(),
            Value::CharArray(v) => v.len(),
            Value::ShortArray(v) => v.len(),
            Value::LongArray(v) => v.len(),
            Value::FloatArray(v) => v.len(),
            Value::DoubleArray(v) => v.len(),
            Value::EnumArray(v) => v.len(),
            _ => 1,
        }
    }

    /// Whether this is an array without elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value as a number, for scalars of every numeric type.
    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Value::Char(v) => v.into(),
            Value::Short(v) => v.into(),
            Value::Long(v) => v.into(),
            Value::Float(v) => v.into(),
            Value::Double(v) => v,
            Value::Enum(v) => v.into(),
            _ => return None,
        })
    }

    /// Writes element `index` with `precision` digits for floats, if given.
    fn fmt_element(
        &self,
        f: &mut fmt::Formatter<'_>,
        index: usize,
        precision: Option<usize>,
    ) -> fmt::Result {
        fn float(f: &mut fmt::Formatter<'_>, v: f64, precision: Option<usize>) -> fmt::Result {
            match precision {
                Some(p) => write!(f, "{v:.p$}"),
                None => write!(f, "{v}"),
            }
        }
        match self {
            Value::String(v) => f.write_str(v),
            Value::Char(v) => write!(f, "{v}"),
            Value::Short(v) => write!(f, "{v}"),
            Value::Long(v) => write!(f, "{v}"),
            Value::Float(v) => float(f, (*v).into(), precision),
            Value::Double(v) => float(f, *v, precision),
            Value::Enum(v) => write!(f, "{v}"),
            Value::StringArray(v) => f.write_str(&v[index]),
            Value::CharArray(v) => write!(f, "{}", v[index]),
            Value::ShortArray(v) => write!(f, "{}", v[index]),
            Value::LongArray(v) => write!(f, "{}", v[index]),
            Value::FloatArray(v) => float(f, v[index].into(), precision),
            Value::DoubleArray(v) => float(f, v[index], precision),
            Value::EnumArray(v) => write!(f, "{}", v[index]),
        }
    }

    /// Writes the value as `caget` does: a scalar alone, an array as its
    /// length followed by the elements.
    fn fmt_with_precision(
        &self,
        f: &mut fmt::Formatter<'_>,
        precision: Option<usize>,
    ) -> fmt::Result {
        if !self.is_array() {
            return self.fmt_element(f, 0, precision);
        }
        write!(f, "{}", self.len())?;
        for index in 0..self.len() {
            f.write_str(" ")?;
            self.fmt_element(f, index, precision)?;
        }
        Ok(())
    }
}

impl fmt::Display for Value {
    /// A scalar prints alone; an array prints as `caget` prints one: its
    /// length, then the elements, separated by spaces.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_with_precision(f, None)
    }
}

macro_rules! value_from {
    ($($rust:ty => $variant:ident, $array:ident;)*) => {
        $(
            impl From<$rust> for Value {
                fn from(v: $rust) -> Value {
                    Value::$variant(v)
                }
            }
            impl From<Vec<$rust>> for Value {
                fn from(v: Vec<$rust>) -> Value {
                    Value::$array(v)
                }
            }
            impl From<&[$rust]> for Value {
                fn from(v: &[$rust]) -> Value {
                    Value::$array(v.to_vec())
                }
            }
        )*
    };
}

value_from! {
    u8 => Char, CharArray;
    i16 => Short, ShortArray;
    i32 => Long, LongArray;
    f32 => Float, FloatArray;
    f64 => Double, DoubleArray;
    u16 => Enum, EnumArray;
    String => String, StringArray;
}

/// How a 64-bit integer goes to CA, which has no 64-bit integer type, without
/// ever rounding: a `Long` when it fits 32 bits, a `Double` when the double
/// holds it exactly, otherwise its exact decimal digits as a `String`, which
/// the server converts exactly (e.g. into an `int64out` record).
enum Wide {
    Long(i32),
    Double(f64),
    Digits(String),
}

impl Wide {
    fn of(v: i128) -> Wide {
        if let Ok(long) = i32::try_from(v) {
            return Wide::Long(long);
        }
        let double = v as f64;
        // Exact when the conversion back gives the same integer (every i64
        // and u64 is far inside the range where `as` saturates).
        if double as i128 == v {
            Wide::Double(double)
        } else {
            Wide::Digits(v.to_string())
        }
    }

    fn scalar(v: i128) -> Value {
        match Wide::of(v) {
            Wide::Long(v) => Value::Long(v),
            Wide::Double(v) => Value::Double(v),
            Wide::Digits(v) => Value::String(v),
        }
    }

    /// The widest of the elements' forms decides the array's type, so that
    /// no element is rounded.
    fn array(items: impl Iterator<Item = i128> + Clone) -> Value {
        let forms: Vec<Wide> = items.clone().map(Wide::of).collect();
        if forms.iter().all(|f| matches!(f, Wide::Long(_))) {
            Value::LongArray(items.map(|v| v as i32).collect())
        } else if forms.iter().all(|f| !matches!(f, Wide::Digits(_))) {
            Value::DoubleArray(items.map(|v| v as f64).collect())
        } else {
            Value::StringArray(items.map(|v| v.to_string()).collect())
        }
    }
}

macro_rules! value_from_wide {
    ($($rust:ty),*) => {
        $(
            /// Exactly, never rounded: a `Long` when it fits 32 bits, a
            /// `Double` when exact, else the decimal digits as a `String`
            /// (the server converts them exactly).
            impl From<$rust> for Value {
                fn from(v: $rust) -> Value {
                    Wide::scalar(i128::from(v))
                }
            }
            /// Exactly, never rounded: a `LongArray` when every element
            /// fits 32 bits, a `DoubleArray` when every element is exact as
            /// a double, else a `StringArray` of decimal digits.
            impl From<Vec<$rust>> for Value {
                fn from(v: Vec<$rust>) -> Value {
                    Value::from(&v[..])
                }
            }
            /// As `From<Vec<_>>`.
            impl From<&[$rust]> for Value {
                fn from(v: &[$rust]) -> Value {
                    Wide::array(v.iter().map(|&x| i128::from(x)))
                }
            }
        )*
    };
}

value_from_wide!(i64, u64, u32);

/// `true` and `false` as the enum indexes 1 and 0 (a `bo`'s `ONAM` and
/// `ZNAM`; a numeric field gets 1 or 0).
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Enum(u16::from(v))
    }
}

/// As `From<bool>`, element by element.
impl From<Vec<bool>> for Value {
    fn from(v: Vec<bool>) -> Value {
        Value::from(&v[..])
    }
}

/// As `From<bool>`, element by element.
impl From<&[bool]> for Value {
    fn from(v: &[bool]) -> Value {
        Value::EnumArray(v.iter().map(|&b| u16::from(b)).collect())
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::String(v.to_string())
    }
}

impl From<&[&str]> for Value {
    fn from(v: &[&str]) -> Value {
        Value::StringArray(v.iter().map(|s| s.to_string()).collect())
    }
}

/// A moment as CA timestamps it, in the Unix epoch (libca's raw stamps count
/// from the EPICS epoch, 1990-01-01, and are converted on the way in).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01 00:00:00 UTC.
    pub secs: u64,
    /// Nanoseconds within the second.
    pub nsec: u32,
}

impl Timestamp {
    /// Converts an EPICS stamp (seconds past 1990-01-01 UTC, nanoseconds).
    pub fn from_epics(secs_past_epoch: u32, nsec: u32) -> Timestamp {
        Timestamp {
            secs: u64::from(secs_past_epoch) + u64::from(libca_sys::POSIX_TIME_AT_EPICS_EPOCH),
            nsec,
        }
    }

    /// Seconds since the Unix epoch, rounded to the microsecond (Python's
    /// `timestamp`).
    pub fn as_secs_f64(self) -> f64 {
        let micros = (u64::from(self.nsec) + 500) / 1000;
        self.secs as f64 + micros as f64 * 1e-6
    }

    /// Whether this is EPICS's zero stamp (0 s, 0 ns past 1990-01-01 UTC),
    /// which a record has until it is first processed.
    pub fn is_undefined(self) -> bool {
        self == Timestamp::from_epics(0, 0)
    }

    /// The same moment as a [`SystemTime`].
    pub fn to_system_time(self) -> SystemTime {
        UNIX_EPOCH + Duration::new(self.secs, self.nsec)
    }
}

impl fmt::Display for Timestamp {
    /// `YYYY-MM-DD hh:mm:ss.uuuuuu` in local time, as `camonitor` and
    /// `caget -a` print stamps (the microseconds rounded, never into the next
    /// second); `<undefined>` for the zero stamp of a record never processed
    /// (see [`is_undefined`](Self::is_undefined)), as `caget` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_undefined() {
            return f.write_str("<undefined>");
        }
        let micros = (self.nsec.saturating_add(500) / 1000).min(999_999);
        match local_time(self.secs) {
            Some(t) => write!(
                f,
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{micros:06}",
                t.year, t.month, t.day, t.hour, t.minute, t.second
            ),
            // Past what the C library's calendar holds (never a CA stamp).
            None => write!(f, "{}.{micros:06} s past 1970-01-01 UTC", self.secs),
        }
    }
}

/// The limits a `Ctrl` read returns for a numeric channel, as `f64` (exact
/// for every CA numeric type).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Limits {
    /// Upper display limit (`HOPR`).
    pub upper_disp_limit: f64,
    /// Lower display limit (`LOPR`).
    pub lower_disp_limit: f64,
    /// Upper alarm limit (`HIHI`).
    pub upper_alarm_limit: f64,
    /// Upper warning limit (`HIGH`).
    pub upper_warning_limit: f64,
    /// Lower warning limit (`LOW`).
    pub lower_warning_limit: f64,
    /// Lower alarm limit (`LOLO`).
    pub lower_alarm_limit: f64,
    /// Upper control limit (`DRVH`).
    pub upper_ctrl_limit: f64,
    /// Lower control limit (`DRVL`).
    pub lower_ctrl_limit: f64,
}

/// Everything that comes with a value besides the data. Which fields are
/// `Some` depends on the format and type that were requested.
///
/// What only GR, CTRL and STSACK replies carry (units, precision, limits,
/// enum strings, alarm acknowledgement) is kept apart, boxed, in
/// [`details`](Self::details), and read through [`units`](Self::units),
/// [`limits`](Self::limits) and the like: the `Meta` of the plain, STS and
/// TIME replies that most reads and monitors get then stays small, and a
/// monitor update moves cheaply on its way to its callback.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Meta {
    /// The PV name, shared with the channel it was read from (a clone is a
    /// reference count, not a copy).
    pub name: Arc<str>,
    /// The type of the data that was fetched (`None` only for an empty `Meta`).
    pub datatype: Option<FieldType>,
    /// The channel's element count (`.NELM`).
    pub element_count: usize,
    /// The format the data was fetched with.
    pub format: Format,
    /// Alarm status (an `epicsAlarmCondition`); `Time`, `Ctrl`, `StsackString`.
    pub status: Option<u16>,
    /// Alarm severity (0 none, 1 minor, 2 major, 3 invalid); `Time`, `Ctrl`, `StsackString`.
    pub severity: Option<u16>,
    /// The record's timestamp; `Time` (and `Ctrl` of a string channel).
    pub timestamp: Option<Timestamp>,
    /// What only `Ctrl` reads (GR and CTRL replies) and `StsackString`
    /// carry; `None` when the reply carried none of it.
    pub details: Option<Box<MetaDetails>>,
    /// How many monitor updates this value stands for (1 unless merged).
    pub update_count: u64,
}

/// The metadata that only `Ctrl` reads (GR and CTRL replies) and
/// `StsackString` carry: [`Meta::details`].
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct MetaDetails {
    /// Engineering units; `Ctrl` of numeric channels.
    pub units: Option<String>,
    /// Display precision; `Ctrl` of float and double channels.
    pub precision: Option<i16>,
    /// Display, alarm, warning and control limits; `Ctrl` of numeric channels.
    pub limits: Option<Limits>,
    /// State strings; `Ctrl` of enum channels.
    pub enums: Option<Vec<String>>,
    /// Whether transient alarms need acknowledging; `StsackString`.
    pub ackt: Option<u16>,
    /// The highest unacknowledged severity; `StsackString`.
    pub acks: Option<u16>,
}

impl Meta {
    /// Engineering units; `Ctrl` of numeric channels.
    pub fn units(&self) -> Option<&str> {
        self.details.as_ref()?.units.as_deref()
    }

    /// Display precision; `Ctrl` of float and double channels.
    pub fn precision(&self) -> Option<i16> {
        self.details.as_ref()?.precision
    }

    /// Display, alarm, warning and control limits; `Ctrl` of numeric
    /// channels.
    pub fn limits(&self) -> Option<&Limits> {
        self.details.as_ref()?.limits.as_ref()
    }

    /// State strings; `Ctrl` of enum channels.
    pub fn enums(&self) -> Option<&[String]> {
        self.details.as_ref()?.enums.as_deref()
    }

    /// Whether transient alarms need acknowledging; `StsackString`.
    pub fn ackt(&self) -> Option<u16> {
        self.details.as_ref()?.ackt
    }

    /// The highest unacknowledged severity; `StsackString`.
    pub fn acks(&self) -> Option<u16> {
        self.details.as_ref()?.acks
    }

    /// The details to set one of them, made empty if there were none.
    pub fn details_mut(&mut self) -> &mut MetaDetails {
        self.details.get_or_insert_with(Box::default)
    }
}

/// The name of an alarm severity (0 `NO_ALARM`, 1 `MINOR`, 2 `MAJOR`, 3
/// `INVALID`), from libCom's own table (`epicsAlarmSeverityStrings`), as EPICS
/// tools print it; `"UNKNOWN_SEVERITY"` for a value EPICS does not define.
///
/// ```
/// use cothread::catools::severity_name;
/// assert_eq!(severity_name(2), "MAJOR");
/// assert_eq!(severity_name(9), "UNKNOWN_SEVERITY");
/// ```
pub fn severity_name(severity: u16) -> &'static str {
    libca_sys::alarm_severity_name(severity)
        .and_then(|name| name.to_str().ok())
        .unwrap_or("UNKNOWN_SEVERITY")
}

/// The name of an alarm status (an `epicsAlarmCondition`, e.g. 3 `HIHI`, 17
/// `UDF`), from libCom's own table (`epicsAlarmConditionStrings`), as EPICS
/// tools print it; `"UNKNOWN_STATUS"` for a value EPICS does not define.
///
/// ```
/// use cothread::catools::status_name;
/// assert_eq!(status_name(3), "HIHI");
/// assert_eq!(status_name(999), "UNKNOWN_STATUS");
/// ```
pub fn status_name(status: u16) -> &'static str {
    libca_sys::alarm_condition_name(status)
        .and_then(|name| name.to_str().ok())
        .unwrap_or("UNKNOWN_STATUS")
}

/// A value with its PV's name and metadata: what `caget` and `camonitor`
/// deliver. It dereferences to the value, and is always `ok`.
#[derive(Clone, Debug, PartialEq)]
pub struct Augmented<T = Value> {
    /// The data.
    pub value: T,
    /// The name and metadata.
    pub meta: Meta,
}

impl<T> Augmented<T> {
    /// Always true: failures are [`CaError`] or
    /// [`CaNothing`](super::CaNothing) values.
    pub fn ok(&self) -> bool {
        true
    }

    /// The PV name.
    pub fn name(&self) -> &str {
        &self.meta.name
    }

    /// The data, without the metadata.
    pub fn into_value(self) -> T {
        self.value
    }

    /// Replaces this (undelivered) update by a newer one, which then stands
    /// for both: how a monitor without `all_updates` merges updates that
    /// arrive while its callback queue is busy.
    pub fn merge(&mut self, newer: Augmented<T>) {
        let count = self.meta.update_count + newer.meta.update_count;
        *self = newer;
        self.meta.update_count = count;
    }
}

impl Augmented<Value> {
    /// The same reading with the data converted to `T`.
    #[inline]
    pub fn convert<T: FromValue>(self) -> Result<Augmented<T>, TypeMismatch> {
        Ok(Augmented {
            value: T::from_value(self.value)?,
            meta: self.meta,
        })
    }
}

impl<T> Deref for Augmented<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl fmt::Display for Augmented<Value> {
    /// Prints as `caget` does: the name, then the value (floats with the
    /// channel's precision when it is known), then, when they were fetched,
    /// the timestamp and, when the severity is not NO_ALARM, the alarm
    /// status and severity, as `caget -a`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.meta.name)?;
        if let Some(stamp) = self.meta.timestamp {
            write!(f, "{stamp} ")?;
        }
        let precision = self
            .meta
            .precision()
            .and_then(|p| usize::try_from(p).ok())
            .filter(|p| *p <= 17);
        self.value.fmt_with_precision(f, precision)?;
        if let (Some(status), Some(severity)) = (self.meta.status, self.meta.severity) {
            if severity != 0 {
                write!(f, " {} {}", status_name(status), severity_name(severity))?;
            }
        }
        Ok(())
    }
}

/// A value was not of the kind the caller asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeMismatch {
    /// The Rust type asked for.
    pub expected: &'static str,
    /// The kind of value that came.
    pub found: &'static str,
}

impl fmt::Display for TypeMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, got a {} value", self.expected, self.found)
    }
}

impl std::error::Error for TypeMismatch {}

impl TypeMismatch {
    /// The CA error for `pv` (code `ECA_NOCONVERT`, detail from this mismatch).
    pub fn into_ca_error(self, pv: &str) -> CaError {
        CaError::new(pv, libca_sys::ECA_NOCONVERT, "convert value").with_detail(self.to_string())
    }
}

/// A Rust type that a read can deliver: `caget::<f64>`, `caget::<Vec<i32>>`,
/// `caget::<String>`, `caget::<Value>`, ...
///
/// [`requested_type`](Self::requested_type) is the DBR type to ask the server
/// for when the caller gives none (the server converts), and
/// [`from_value`](Self::from_value) takes what arrived. A scalar type accepts
/// only a scalar (a channel with element count 1); a `Vec` accepts an array
/// or a scalar (as one element).
pub trait FromValue: Sized {
    /// The type to request when the caller names none.
    fn requested_type() -> DataType;
    /// Converts what arrived, or says why it cannot.
    fn from_value(value: Value) -> Result<Self, TypeMismatch>;
    /// [`from_value`](Self::from_value) as a read may call it on libca's
    /// thread, where the reply arrives; `None` (the default, and the answer
    /// for any type outside this crate) makes reads convert on the caller's
    /// thread instead. Only this crate can make one, and only for a type
    /// that is `Send + 'static`.
    #[doc(hidden)]
    fn convert_on_arrival() -> Option<ConvertOnArrival<Self>> {
        None
    }
}

/// A type's conversion from [`Value`] that a read may run on the thread where
/// the reply arrives (libca's) and hand the result to the caller's: it is
/// made only for a `T` that is `Send + 'static`, so holding one is the
/// evidence that a `T` made there may be moved to another thread. Not part of
/// the public API: it is how a read of 1,000 PVs converts each value as its
/// reply comes in, rather than all of them after the last reply.
#[doc(hidden)]
pub struct ConvertOnArrival<T> {
    convert: fn(Value) -> Result<T, TypeMismatch>,
}

impl<T> Clone for ConvertOnArrival<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ConvertOnArrival<T> {}

impl<T> fmt::Debug for ConvertOnArrival<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ConvertOnArrival")
    }
}

impl<T: FromValue + Send + 'static> ConvertOnArrival<T> {
    /// `T::from_value`, for a `T` that may cross threads.
    pub(crate) fn new() -> ConvertOnArrival<T> {
        ConvertOnArrival {
            convert: T::from_value,
        }
    }
}

impl<T> ConvertOnArrival<T> {
    /// Converts `value` (on whichever thread holds it).
    pub(crate) fn convert(self, value: Value) -> Result<T, TypeMismatch> {
        (self.convert)(value)
    }
}

impl FromValue for Value {
    fn requested_type() -> DataType {
        DataType::Native
    }
    fn from_value(value: Value) -> Result<Value, TypeMismatch> {
        Ok(value)
    }
    fn convert_on_arrival() -> Option<ConvertOnArrival<Value>> {
        Some(ConvertOnArrival::new())
    }
}

fn mismatch<T>(expected: &'static str, value: &Value) -> Result<T, TypeMismatch> {
    Err(TypeMismatch {
        expected,
        found: value.kind_name(),
    })
}

/// Scalar numeric conversions: each type takes the CA types that fit it
/// exactly (the server converts when the default request type is used).
macro_rules! numeric_scalar {
    ($rust:ty, $datatype:ident, $name:literal, [$($variant:ident),*]) => {
        impl FromValue for $rust {
            fn requested_type() -> DataType {
                DataType::$datatype
            }
            #[inline]
            fn from_value(value: Value) -> Result<$rust, TypeMismatch> {
                let converted = match &value {
                    $(Value::$variant(v) => <$rust>::from(*v),)*
                    other => return mismatch($name, other),
                };
                // A scalar variant owns nothing to drop: forgetting it saves
                // a call of `Value`'s drop glue (this runs for every update).
                std::mem::forget(value);
                Ok(converted)
            }
            fn convert_on_arrival() -> Option<ConvertOnArrival<$rust>> {
                Some(ConvertOnArrival::new())
            }
        }
    };
}

numeric_scalar!(f64, Double, "f64", [Double, Float, Long, Short, Char, Enum]);
numeric_scalar!(f32, Float, "f32", [Float, Short, Char]);
numeric_scalar!(i32, Long, "i32", [Long, Short, Char, Enum]);
numeric_scalar!(i16, Short, "i16", [Short, Char]);
numeric_scalar!(u16, Enum, "u16", [Enum, Char]);
numeric_scalar!(u8, Char, "u8", [Char]);

impl FromValue for String {
    fn requested_type() -> DataType {
        DataType::String
    }
    fn from_value(value: Value) -> Result<String, TypeMismatch> {
        match value {
            Value::String(v) => Ok(v),
            other => mismatch("String", &other),
        }
    }
    fn convert_on_arrival() -> Option<ConvertOnArrival<String>> {
        Some(ConvertOnArrival::new())
    }
}

/// Array conversions: each `Vec` takes arrays (and scalars) of the CA types
/// that fit its element type exactly.
macro_rules! numeric_array {
    ($rust:ty, $datatype:ident, $name:literal, [$($scalar:ident / $array:ident),*]) => {
        impl FromValue for Vec<$rust> {
            fn requested_type() -> DataType {
                DataType::$datatype
            }
            fn from_value(value: Value) -> Result<Vec<$rust>, TypeMismatch> {
                match value {
                    $(
                        Value::$array(v) => Ok(v.into_iter().map(<$rust>::from).collect()),
                        Value::$scalar(v) => Ok(vec![<$rust>::from(v)]),
                    )*
                    other => mismatch($name, &other),
                }
            }
            fn convert_on_arrival() -> Option<ConvertOnArrival<Vec<$rust>>> {
                Some(ConvertOnArrival::new())
            }
        }
    };
}

numeric_array!(
    f64,
    Double,
    "Vec<f64>",
    [
        Double / DoubleArray,
        Float / FloatArray,
        Long / LongArray,
        Short / ShortArray,
        Char / CharArray,
        Enum / EnumArray
    ]
);
numeric_array!(
    f32,
    Float,
    "Vec<f32>",
    [Float / FloatArray, Short / ShortArray, Char / CharArray]
);
numeric_array!(
    i32,
    Long,
    "Vec<i32>",
    [
        Long / LongArray,
        Short / ShortArray,
        Char / CharArray,
        Enum / EnumArray
    ]
);
numeric_array!(
    i16,
    Short,
    "Vec<i16>",
    [Short / ShortArray, Char / CharArray]
);
numeric_array!(u16, Enum, "Vec<u16>", [Enum / EnumArray, Char / CharArray]);
numeric_array!(u8, Char, "Vec<u8>", [Char / CharArray]);

impl FromValue for Vec<String> {
    fn requested_type() -> DataType {
        DataType::String
    }
    fn from_value(value: Value) -> Result<Vec<String>, TypeMismatch> {
        match value {
            Value::StringArray(v) => Ok(v),
            Value::String(v) => Ok(vec![v]),
            other => mismatch("Vec<String>", &other),
        }
    }
    fn convert_on_arrival() -> Option<ConvertOnArrival<Vec<String>>> {
        Some(ConvertOnArrival::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_scalars_widen_but_never_narrow() {
        assert_eq!(f64::from_value(Value::Long(-7)), Ok(-7.0));
        assert_eq!(f64::from_value(Value::Float(0.5)), Ok(0.5));
        assert_eq!(i32::from_value(Value::Short(3)), Ok(3));
        let err = i32::from_value(Value::Double(1.5)).unwrap_err();
        assert_eq!(
            err,
            TypeMismatch {
                expected: "i32",
                found: "double"
            }
        );
        assert!(i16::from_value(Value::Long(1)).is_err());
    }

    #[test]
    fn scalar_types_reject_arrays_even_of_one_element() {
        let err = f64::from_value(Value::DoubleArray(vec![1.0])).unwrap_err();
        assert_eq!(err.to_string(), "expected f64, got a double array value");
    }

    #[test]
    fn vectors_take_arrays_and_scalars() {
        assert_eq!(
            Vec::<f64>::from_value(Value::LongArray(vec![1, 2])),
            Ok(vec![1.0, 2.0])
        );
        assert_eq!(Vec::<i32>::from_value(Value::Long(4)), Ok(vec![4]));
        assert!(Vec::<i32>::from_value(Value::DoubleArray(vec![1.0])).is_err());
        assert_eq!(
            Vec::<String>::from_value(Value::StringArray(vec!["a".into()])),
            Ok(vec!["a".to_string()])
        );
    }

    #[test]
    fn strings_convert_only_from_strings() {
        assert_eq!(
            String::from_value(Value::String("x".into())),
            Ok("x".into())
        );
        assert!(String::from_value(Value::Double(1.0)).is_err());
        assert_eq!(String::requested_type(), DataType::String);
        assert_eq!(Value::requested_type(), DataType::Native);
    }

    #[test]
    fn epics_epoch_stamps_become_unix_time() {
        let stamp = Timestamp::from_epics(0, 250_000_000);
        assert_eq!(stamp.secs, 631_152_000);
        assert!(!stamp.is_undefined());
        assert_eq!(Timestamp::from_epics(0, 0).to_string(), "<undefined>");
        let stamp = Timestamp {
            secs: 1_700_000_000,
            nsec: 123_456_789,
        };
        assert!(stamp.to_string().ends_with(":20.123457"), "{stamp}");
        assert_eq!(stamp.as_secs_f64(), 1_700_000_000.123457);
    }

    /// A monitor update's `Meta` is moved several times on its way to the
    /// callback: what only GR, CTRL and STSACK replies carry stays boxed.
    #[test]
    fn meta_keeps_the_rarely_used_fields_out_of_line() {
        assert!(
            std::mem::size_of::<Meta>() <= 96,
            "{}",
            std::mem::size_of::<Meta>()
        );
        let mut meta = Meta::default();
        assert_eq!(
            (meta.units(), meta.limits(), meta.enums()),
            (None, None, None)
        );
        meta.details_mut().precision = Some(3);
        assert_eq!((meta.precision(), meta.ackt()), (Some(3), None));
    }

    #[test]
    fn merged_updates_keep_the_newest_value_and_count_all() {
        let update = |value: i32| Augmented {
            value: Value::Long(value),
            meta: Meta {
                update_count: 1,
                ..Meta::default()
            },
        };
        let mut pending = update(1);
        pending.merge(update(2));
        pending.merge(update(3));
        assert_eq!(pending.value, Value::Long(3));
        assert_eq!(pending.meta.update_count, 3);
    }

    #[test]
    fn arrays_display_like_caget_with_their_length() {
        assert_eq!(Value::LongArray(vec![1, 2, 3]).to_string(), "3 1 2 3");
        assert_eq!(Value::Double(2.5).to_string(), "2.5");
        let reading = Augmented {
            value: Value::Double(3.5),
            meta: Meta {
                name: "X:ai".into(),
                status: Some(3),
                severity: Some(2),
                details: Some(Box::new(MetaDetails {
                    precision: Some(3),
                    ..MetaDetails::default()
                })),
                ..Meta::default()
            },
        };
        assert_eq!(reading.to_string(), "X:ai 3.500 HIHI MAJOR");
    }
}
