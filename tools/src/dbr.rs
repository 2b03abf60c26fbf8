//! The tools' own picture of Channel Access data: DBR request types by
//! number and name, the values and metadata of one reply, and the alarm and
//! field-type names the tools print.

/// Plain DBR types (the value only).
pub const DBR_STRING: u32 = 0;
/// DBR_SHORT (= DBR_INT).
pub const DBR_SHORT: u32 = 1;
/// DBR_FLOAT.
pub const DBR_FLOAT: u32 = 2;
/// DBR_ENUM.
pub const DBR_ENUM: u32 = 3;
/// DBR_CHAR.
pub const DBR_CHAR: u32 = 4;
/// DBR_LONG.
pub const DBR_LONG: u32 = 5;
/// DBR_DOUBLE.
pub const DBR_DOUBLE: u32 = 6;
/// First DBR_STS_ type.
pub const DBR_STS_STRING: u32 = 7;
/// First DBR_TIME_ type.
pub const DBR_TIME_STRING: u32 = 14;
/// First DBR_GR_ type.
pub const DBR_GR_STRING: u32 = 21;
/// First DBR_CTRL_ type.
pub const DBR_CTRL_STRING: u32 = 28;
/// DBR_PUT_ACKT (write only).
pub const DBR_PUT_ACKT: u32 = 35;
/// DBR_PUT_ACKS (write only).
pub const DBR_PUT_ACKS: u32 = 36;
/// Status, severity and the acknowledge state, value as a string.
pub const DBR_STSACK_STRING: u32 = 37;
/// The record type's name.
pub const DBR_CLASS_NAME: u32 = 38;

/// `dbr_text[]`: the names of DBR types 0 to 38.
pub const DBR_NAMES: [&str; 39] = [
    "DBR_STRING",
    "DBR_SHORT",
    "DBR_FLOAT",
    "DBR_ENUM",
    "DBR_CHAR",
    "DBR_LONG",
    "DBR_DOUBLE",
    "DBR_STS_STRING",
    "DBR_STS_SHORT",
    "DBR_STS_FLOAT",
    "DBR_STS_ENUM",
    "DBR_STS_CHAR",
    "DBR_STS_LONG",
    "DBR_STS_DOUBLE",
    "DBR_TIME_STRING",
    "DBR_TIME_SHORT",
    "DBR_TIME_FLOAT",
    "DBR_TIME_ENUM",
    "DBR_TIME_CHAR",
    "DBR_TIME_LONG",
    "DBR_TIME_DOUBLE",
    "DBR_GR_STRING",
    "DBR_GR_SHORT",
    "DBR_GR_FLOAT",
    "DBR_GR_ENUM",
    "DBR_GR_CHAR",
    "DBR_GR_LONG",
    "DBR_GR_DOUBLE",
    "DBR_CTRL_STRING",
    "DBR_CTRL_SHORT",
    "DBR_CTRL_FLOAT",
    "DBR_CTRL_ENUM",
    "DBR_CTRL_CHAR",
    "DBR_CTRL_LONG",
    "DBR_CTRL_DOUBLE",
    "DBR_PUT_ACKT",
    "DBR_PUT_ACKS",
    "DBR_STSACK_STRING",
    "DBR_CLASS_NAME",
];

/// `dbf_text[]`: field types 0 to 6, then DBF_NO_ACCESS.
const DBF_NAMES: [&str; 8] = [
    "DBF_STRING",
    "DBF_SHORT",
    "DBF_FLOAT",
    "DBF_ENUM",
    "DBF_CHAR",
    "DBF_LONG",
    "DBF_DOUBLE",
    "DBF_NO_ACCESS",
];

/// The name of DBR type `dbr_type` (`dbr_type_to_text`).
pub fn dbr_type_to_text(dbr_type: u32) -> &'static str {
    DBR_NAMES
        .get(dbr_type as usize)
        .copied()
        .unwrap_or("DBR_invalid")
}

/// The name of field type `dbf_type` (`dbf_type_to_text`).
pub fn dbf_type_to_text(dbf_type: u32) -> &'static str {
    DBF_NAMES
        .get(dbf_type as usize)
        .copied()
        .unwrap_or("DBF_invalid")
}

/// The DBR type named `text` exactly (`dbr_text_to_type`).
pub fn dbr_text_to_type(text: &str) -> Option<u32> {
    DBR_NAMES.iter().position(|n| *n == text).map(|i| i as u32)
}

/// The value type (0 to 6) of any DBR type.
pub fn base_type(dbr_type: u32) -> u32 {
    match dbr_type {
        DBR_STSACK_STRING | DBR_CLASS_NAME => DBR_STRING,
        DBR_PUT_ACKT | DBR_PUT_ACKS => DBR_SHORT,
        _ => dbr_type % 7,
    }
}

/// The DBR_TIME_ type of field type `dbf_type`.
pub fn time_type(dbf_type: u32) -> u32 {
    dbf_type + DBR_TIME_STRING
}

/// The DBR_TIME_ type the tools read a channel of field type `dbf_type`
/// as: an enum as its state string (as a number with `-n`), a float or
/// double as a string when `float_as_string` (`-s`), else its own type.
pub fn time_request_type(dbf_type: u32, enum_as_number: bool, float_as_string: bool) -> u32 {
    match dbf_type {
        DBR_ENUM if enum_as_number => DBR_TIME_STRING + DBR_SHORT,
        DBR_ENUM => DBR_TIME_STRING,
        DBR_FLOAT | DBR_DOUBLE if float_as_string => DBR_TIME_STRING,
        _ => time_type(dbf_type),
    }
}

/// Is this a DBR_GR_ type?
pub fn is_gr(dbr_type: u32) -> bool {
    (DBR_GR_STRING..DBR_CTRL_STRING).contains(&dbr_type)
}

/// Is this a DBR_CTRL_ type?
pub fn is_ctrl(dbr_type: u32) -> bool {
    (DBR_CTRL_STRING..DBR_PUT_ACKT).contains(&dbr_type)
}

/// An alarm status's name as the tools print it (`stat_to_str`): catools'
/// name, or `??` for a status EPICS does not define.
pub fn status_name(status: u16) -> &'static str {
    match cothread::catools::status_name(status) {
        "UNKNOWN_STATUS" => "??",
        name => name,
    }
}

/// An alarm severity's name as the tools print it (`sevr_to_str`): catools'
/// name, or `??` for a severity EPICS does not define.
pub fn severity_name(severity: u16) -> &'static str {
    match cothread::catools::severity_name(severity) {
        "UNKNOWN_SEVERITY" => "??",
        name => name,
    }
}

/// The values of one reply, in their wire type.
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    /// DBR_STRING: up to 40 bytes each, without the terminating NUL.
    String(Vec<Vec<u8>>),
    /// DBR_SHORT.
    Short(Vec<i16>),
    /// DBR_FLOAT.
    Float(Vec<f32>),
    /// DBR_ENUM.
    Enum(Vec<u16>),
    /// DBR_CHAR.
    Char(Vec<u8>),
    /// DBR_LONG.
    Long(Vec<i32>),
    /// DBR_DOUBLE.
    Double(Vec<f64>),
}

impl Values {
    /// How many elements.
    pub fn len(&self) -> usize {
        match self {
            Values::String(v) => v.len(),
            Values::Short(v) => v.len(),
            Values::Float(v) => v.len(),
            Values::Enum(v) => v.len(),
            Values::Char(v) => v.len(),
            Values::Long(v) => v.len(),
            Values::Double(v) => v.len(),
        }
    }

    /// No elements at all?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An EPICS time stamp: seconds since 1990-01-01 UTC and nanoseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// Seconds past the EPICS epoch.
    pub secs: u32,
    /// Nanoseconds.
    pub nsec: u32,
}

/// Seconds between the POSIX epoch and the EPICS epoch (1990-01-01).
pub const EPICS_EPOCH_OFFSET: i64 = 631_152_000;

impl Stamp {
    /// The time now.
    pub fn now() -> Stamp {
        let since = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Stamp {
            secs: (since.as_secs() as i64 - EPICS_EPOCH_OFFSET).max(0) as u32,
            nsec: since.subsec_nanos(),
        }
    }

    /// `self - earlier` in seconds.
    pub fn diff(&self, earlier: &Stamp) -> f64 {
        (self.secs as f64 - earlier.secs as f64) + (self.nsec as f64 - earlier.nsec as f64) / 1e9
    }
}

/// One reply: the DBR type it came as, the values, and whatever metadata
/// that type carries (the rest left at defaults).
#[derive(Clone, Debug, PartialEq)]
pub struct Dbr {
    /// The DBR type (0 to 38).
    pub dbr_type: u32,
    /// The values.
    pub values: Values,
    /// Alarm status (STS and up).
    pub status: u16,
    /// Alarm severity (STS and up).
    pub severity: u16,
    /// Time stamp (TIME types).
    pub stamp: Stamp,
    /// Engineering units (GR/CTRL of numbers).
    pub units: Vec<u8>,
    /// Display precision (GR/CTRL of FLOAT and DOUBLE).
    pub precision: i16,
    /// Display low/high, alarm low, warning low/high, alarm high, control
    /// low/high (GR/CTRL of numbers), in the type's own precision.
    pub limits: [f64; 8],
    /// Enum state strings (GR/CTRL_ENUM).
    pub enum_strings: Vec<Vec<u8>>,
    /// Acknowledge transient alarms (STSACK_STRING).
    pub ackt: u16,
    /// Severity to acknowledge (STSACK_STRING).
    pub acks: u16,
}

impl Dbr {
    /// A reply of `dbr_type` with `values` and default metadata.
    pub fn new(dbr_type: u32, values: Values) -> Dbr {
        Dbr {
            dbr_type,
            values,
            status: 0,
            severity: 0,
            stamp: Stamp::default(),
            units: Vec::new(),
            precision: 0,
            limits: [0.0; 8],
            enum_strings: Vec::new(),
            ackt: 0,
            acks: 0,
        }
    }

    /// What the C tools print for a read that never filled its buffer: a
    /// reply of `dbr_type` with `count` elements and everything zero (their
    /// buffer is `calloc`ed), which prints as zeros, empty strings and an
    /// `<undefined>` stamp.
    pub fn zeroed(dbr_type: u32, count: usize) -> Dbr {
        let values = match base_type(dbr_type) {
            DBR_STRING => Values::String(vec![Vec::new(); count]),
            DBR_SHORT => Values::Short(vec![0; count]),
            DBR_FLOAT => Values::Float(vec![0.0; count]),
            DBR_ENUM => Values::Enum(vec![0; count]),
            DBR_CHAR => Values::Char(vec![0; count]),
            DBR_LONG => Values::Long(vec![0; count]),
            _ => Values::Double(vec![0.0; count]),
        };
        Dbr::new(dbr_type, values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zeroed_reply_has_the_requested_type_and_count() {
        let dbr = Dbr::zeroed(DBR_TIME_STRING + DBR_DOUBLE, 3);
        assert_eq!(dbr.values, Values::Double(vec![0.0; 3]));
        assert_eq!(dbr.dbr_type, 20);
        assert_eq!(dbr.stamp, Stamp::default());
        let strings = Dbr::zeroed(DBR_CTRL_STRING, 2);
        assert_eq!(strings.values, Values::String(vec![Vec::new(), Vec::new()]));
        assert_eq!(Dbr::zeroed(DBR_CHAR, 1).values, Values::Char(vec![0]));
    }

    #[test]
    fn alarm_names_are_catools_with_the_tools_fallback() {
        assert_eq!(status_name(0), "NO_ALARM");
        assert_eq!(status_name(17), "UDF");
        assert_eq!(status_name(21), "WRITE_ACCESS");
        assert_eq!(status_name(22), "??");
        assert_eq!(severity_name(3), "INVALID");
        assert_eq!(severity_name(4), "??");
    }
}
