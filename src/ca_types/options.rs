//! The options of the CA calls: what to fetch (`DataType`, `Format`, `Count`),
//! which updates a monitor gets (`EventMask`), and the type of a channel's
//! field (`FieldType`).
#![forbid(unsafe_code)]

use std::ops::{BitOr, BitOrAssign};

/// How much metadata to fetch with a value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// The value alone (plain `DBR_*`).
    #[default]
    Raw,
    /// The value with timestamp, alarm status and severity (`DBR_TIME_*`).
    Time,
    /// The value with status, severity, units, precision, the display, alarm,
    /// warning and control limits, or an enum's state strings (`DBR_CTRL_*`).
    /// A string channel has no control data: it returns [`Format::Time`] data.
    Ctrl,
}

impl Format {
    /// The events a monitor of this format asks for when none are given:
    /// `Raw` -> VALUE, `Time` -> VALUE|ALARM, `Ctrl` -> VALUE|ALARM|PROPERTY.
    pub fn default_events(self) -> EventMask {
        match self {
            Format::Raw => EventMask::VALUE,
            Format::Time => EventMask::VALUE | EventMask::ALARM,
            Format::Ctrl => EventMask::VALUE | EventMask::ALARM | EventMask::PROPERTY,
        }
    }
}

/// The type to request from (or send to) the server.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DataType {
    /// The channel's native type (for a get), or the value's own type (for a put).
    #[default]
    Native,
    /// `DBR_STRING`: at most 39 bytes and a NUL.
    String,
    /// `DBR_CHAR`: unsigned bytes.
    Char,
    /// `DBR_SHORT`: 16-bit integers.
    Short,
    /// `DBR_LONG`: 32-bit integers.
    Long,
    /// `DBR_FLOAT`: 32-bit floats.
    Float,
    /// `DBR_DOUBLE`: 64-bit floats.
    Double,
    /// `DBR_ENUM`: the index of a state (see `enums` of a `Ctrl` read).
    Enum,
    /// A char array delivered as a string (UTF-8, invalid bytes replaced, up to
    /// the first NUL); how long strings (> 39 bytes) are read and written. The
    /// default for a PV name ending in `$`.
    CharStr,
    /// A char array delivered as its bytes up to the first NUL (string
    /// semantics, as Python's `DBR_CHAR_BYTES`); [`DataType::Char`] delivers
    /// every byte.
    CharBytes,
    /// A char array delivered as a string: the same as [`DataType::CharStr`] in
    /// Rust, where every string is Unicode.
    CharUnicode,
    /// For get and monitor: the native type, except that an enum channel
    /// delivers its state string.
    EnumStr,
    /// `DBR_STSACK_STRING`: the value as a string with status, severity and
    /// the alarm acknowledgement fields `ackt` and `acks` (format is ignored).
    StsackString,
    /// `DBR_CLASS_NAME`: the record type's name, as `.RTYP` (format is ignored).
    ClassName,
    /// `DBR_PUT_ACKT` (put only): set whether transient alarms need acknowledging.
    PutAckt,
    /// `DBR_PUT_ACKS` (put only): acknowledge alarms up to this severity.
    PutAcks,
}

impl DataType {
    /// The type to use for `name` when `explicit` was asked for (or not), and
    /// the requested Rust type prefers `preferred`: an explicit type wins;
    /// otherwise a name ending in `$` means [`DataType::CharStr`] when the Rust
    /// type takes a string or anything ([`DataType::String`] or
    /// [`DataType::Native`]); otherwise `preferred`.
    pub fn resolve(name: &str, explicit: Option<DataType>, preferred: DataType) -> DataType {
        match explicit {
            Some(datatype) => datatype,
            // The name is looked at last: most reads never need it.
            None if matches!(preferred, DataType::Native | DataType::String)
                && name.ends_with('$') =>
            {
                DataType::CharStr
            }
            None => preferred,
        }
    }

    /// Whether the type requests a char array delivered as a string or bytes.
    pub fn is_char_string(self) -> bool {
        matches!(
            self,
            DataType::CharStr | DataType::CharBytes | DataType::CharUnicode
        )
    }
}

/// How many elements to fetch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Count {
    /// The server's current length, e.g. a waveform's `.NORD` (count 0 on the wire).
    #[default]
    Current,
    /// Always the channel's full element count (`.NELM`).
    Full,
    /// At most this many (never more than the element count).
    AtMost(usize),
}

impl Count {
    /// The Python convention: 0 is [`Count::Current`], negative is
    /// [`Count::Full`], positive `n` is [`Count::AtMost`]`(n)`.
    pub fn from_python(count: i64) -> Count {
        match count {
            0 => Count::Current,
            n if n < 0 => Count::Full,
            n => Count::AtMost(n as usize),
        }
    }

    /// The count to send to libca for a channel of `element_count` elements
    /// (0 asks the server for its current length).
    pub fn for_channel(self, element_count: usize) -> usize {
        match self {
            Count::Current => 0,
            Count::Full => element_count,
            Count::AtMost(n) => n.min(element_count),
        }
    }
}

/// The events a monitor is told about (`DBE_*` of caeventmask.h).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventMask(u32);

impl EventMask {
    /// `DBE_VALUE`: the value changed by more than the record's monitor deadband.
    pub const VALUE: EventMask = EventMask(libca_sys::DBE_VALUE);
    /// `DBE_LOG`: the value changed by more than the archive deadband.
    pub const LOG: EventMask = EventMask(libca_sys::DBE_LOG);
    /// `DBE_ALARM`: the alarm status or severity changed.
    pub const ALARM: EventMask = EventMask(libca_sys::DBE_ALARM);
    /// `DBE_PROPERTY`: a property (units, limits, enum strings) changed.
    pub const PROPERTY: EventMask = EventMask(libca_sys::DBE_PROPERTY);

    /// Every bit CA knows.
    const ALL: u32 =
        libca_sys::DBE_VALUE | libca_sys::DBE_LOG | libca_sys::DBE_ALARM | libca_sys::DBE_PROPERTY;

    /// A mask from raw `DBE_*` bits; the CA calls reject zero and unknown bits.
    pub const fn from_bits(bits: u32) -> EventMask {
        EventMask(bits)
    }

    /// The raw `DBE_*` bits.
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Whether this mask selects at least one event and nothing CA does not know.
    pub const fn is_valid(self) -> bool {
        self.0 != 0 && self.0 & !Self::ALL == 0
    }
}

impl BitOr for EventMask {
    type Output = EventMask;
    fn bitor(self, other: EventMask) -> EventMask {
        EventMask(self.0 | other.0)
    }
}

impl BitOrAssign for EventMask {
    fn bitor_assign(&mut self, other: EventMask) {
        self.0 |= other.0;
    }
}

/// A channel's native field type (`DBF_*`), also the type of fetched data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldType {
    /// `DBF_STRING`
    String,
    /// `DBF_SHORT` (also known as `DBF_INT`)
    Short,
    /// `DBF_FLOAT`
    Float,
    /// `DBF_ENUM`
    Enum,
    /// `DBF_CHAR`
    Char,
    /// `DBF_LONG`
    Long,
    /// `DBF_DOUBLE`
    Double,
}

impl FieldType {
    /// The type of a `DBF_*` (or plain `DBR_*`) code, `None` for anything else.
    pub fn from_code(code: i64) -> Option<FieldType> {
        Some(match code {
            0 => FieldType::String,
            1 => FieldType::Short,
            2 => FieldType::Float,
            3 => FieldType::Enum,
            4 => FieldType::Char,
            5 => FieldType::Long,
            6 => FieldType::Double,
            _ => return None,
        })
    }

    /// The `DBF_*` code, equal to the plain `DBR_*` code.
    pub fn code(self) -> i64 {
        self as i64
    }

    /// Bytes of one element on the wire.
    pub fn element_size(self) -> usize {
        match self {
            FieldType::String => libca_sys::MAX_STRING_SIZE as usize,
            FieldType::Short | FieldType::Enum => 2,
            FieldType::Float | FieldType::Long => 4,
            FieldType::Char => 1,
            FieldType::Double => 8,
        }
    }

    /// The name EPICS tools print, e.g. `"DBF_DOUBLE"`.
    pub fn dbf_name(self) -> &'static str {
        match self {
            FieldType::String => "DBF_STRING",
            FieldType::Short => "DBF_SHORT",
            FieldType::Float => "DBF_FLOAT",
            FieldType::Enum => "DBF_ENUM",
            FieldType::Char => "DBF_CHAR",
            FieldType::Long => "DBF_LONG",
            FieldType::Double => "DBF_DOUBLE",
        }
    }

    /// The plain request type's name, e.g. `"DBR_DOUBLE"`.
    pub fn dbr_name(self) -> &'static str {
        match self {
            FieldType::String => "DBR_STRING",
            FieldType::Short => "DBR_SHORT",
            FieldType::Float => "DBR_FLOAT",
            FieldType::Enum => "DBR_ENUM",
            FieldType::Char => "DBR_CHAR",
            FieldType::Long => "DBR_LONG",
            FieldType::Double => "DBR_DOUBLE",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollar_names_read_as_char_strings_unless_a_type_is_given() {
        let resolve = DataType::resolve;
        assert_eq!(
            resolve("X:lsi.VAL$", None, DataType::Native),
            DataType::CharStr
        );
        assert_eq!(
            resolve("X:lsi.VAL$", None, DataType::String),
            DataType::CharStr
        );
        assert_eq!(
            resolve("X:lsi.VAL$", Some(DataType::CharBytes), DataType::Native),
            DataType::CharBytes
        );
        assert_eq!(
            resolve("X:wf.VAL$", None, DataType::Double),
            DataType::Double
        );
        assert_eq!(resolve("X:ai", None, DataType::Native), DataType::Native);
        assert_eq!(
            resolve("X:ai", Some(DataType::Long), DataType::Double),
            DataType::Long
        );
    }

    #[test]
    fn count_follows_the_python_convention() {
        assert_eq!(Count::from_python(0), Count::Current);
        assert_eq!(Count::from_python(-5), Count::Full);
        assert_eq!(Count::from_python(3), Count::AtMost(3));
        assert_eq!(Count::Current.for_channel(10), 0);
        assert_eq!(Count::Full.for_channel(10), 10);
        assert_eq!(Count::AtMost(3).for_channel(10), 3);
        assert_eq!(Count::AtMost(30).for_channel(10), 10);
    }

    #[test]
    fn default_events_grow_with_the_format() {
        assert_eq!(Format::Raw.default_events(), EventMask::VALUE);
        assert_eq!(
            Format::Time.default_events(),
            EventMask::VALUE | EventMask::ALARM
        );
        assert_eq!(
            Format::Ctrl.default_events().bits(),
            libca_sys::DBE_VALUE | libca_sys::DBE_ALARM | libca_sys::DBE_PROPERTY
        );
    }

    #[test]
    fn event_masks_must_be_non_empty_and_known() {
        assert!(EventMask::LOG.is_valid());
        assert!(!EventMask::from_bits(0).is_valid());
        assert!(!EventMask::from_bits(0x100).is_valid());
    }

    #[test]
    fn field_types_round_trip_their_codes() {
        for code in 0..=6 {
            let field_type = FieldType::from_code(code).unwrap();
            assert_eq!(field_type.code(), code);
            assert_eq!(field_type.dbf_name()[4..], field_type.dbr_name()[4..]);
        }
        assert_eq!(FieldType::from_code(7), None);
        assert_eq!(FieldType::from_code(-1), None);
    }
}
