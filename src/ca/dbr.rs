//! DBR buffers: which type to request, how to read one into owned Rust data,
//! and how to build one for a put.
//!
//! Everything here is safe code over byte slices. The one unsafe step, making
//! a slice of libca's buffer during a callback, is in `request.rs`; a buffer
//! is read with the field offsets of libca-sys's `#[repr(C)]` structs (which
//! bindgen checked against the C layout), so no pointer casts are needed.

use std::mem::offset_of;
use std::sync::Arc;

use libca_sys as sys;
use sys::chtype;

use crate::ca_types::{
    Augmented, CaError, CompactReading, Count, DataType, FieldType, Format, InlineMeta, Limits,
    Meta, MetaDetails, Timestamp, Value,
};

/// What a get or monitor asks for, as the caller says it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ReadRequest {
    /// The type to request (already resolved for `$` names).
    pub datatype: DataType,
    /// How much metadata.
    pub format: Format,
    /// How many elements.
    pub count: Count,
}

/// A read turned into libca's terms, plus what decoding its reply needs.
#[derive(Clone, Debug)]
pub(crate) struct ReadPlan {
    pub dbr_type: chtype,
    pub count: usize,
    pub datatype: DataType,
    pub format: Format,
    pub element_count: usize,
    /// Where the value starts in a reply of `dbr_type`, and each element's
    /// size: [`reply_size`](Self::reply_size) without the table lookups.
    value_offset: usize,
    element_size: usize,
    /// How a reply of `dbr_type` reads into a [`CompactReading`] with its
    /// metadata inline ([`inline_shape`]), worked out once rather than per
    /// update; `None` when it needs the whole [`Meta`].
    inline: Option<InlineShape>,
}

/// What [`decode_reading`] needs to read a plain, STS or TIME reply with
/// its metadata inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct InlineShape {
    /// 0 plain, 1 STS, 2 TIME ([`family_of`]).
    family: u8,
    /// The datatype the reading reports.
    datatype: FieldType,
}

impl ReadPlan {
    /// [`buffer_size`] of a reply of `dbr_type` with `count` elements, at the
    /// cost of a multiply when it is of the planned type (as libca's are).
    pub(crate) fn reply_size(&self, dbr_type: chtype, count: usize) -> Option<usize> {
        if dbr_type == self.dbr_type {
            Some(self.value_offset + count * self.element_size)
        } else {
            buffer_size(dbr_type, count)
        }
    }
}

/// Number of plain types: DBR_STRING..DBR_DOUBLE.
const PLAIN_TYPES: chtype = sys::LAST_TYPE + 1;

/// Works out the DBR type and count of a read of a channel with `native`
/// type and `element_count` elements.
pub(crate) fn plan_read(
    name: &str,
    native: FieldType,
    element_count: usize,
    request: ReadRequest,
) -> Result<ReadPlan, CaError> {
    let bad_type =
        |detail: &str| Err(CaError::new(name, sys::ECA_BADTYPE, "plan read").with_detail(detail));
    let mut count = request.count.for_channel(element_count);
    let base = match request.datatype {
        DataType::Native => native,
        DataType::String => FieldType::String,
        DataType::Char | DataType::CharStr | DataType::CharBytes | DataType::CharUnicode => {
            FieldType::Char
        }
        DataType::Short => FieldType::Short,
        DataType::Long => FieldType::Long,
        DataType::Float => FieldType::Float,
        DataType::Double => FieldType::Double,
        DataType::Enum => FieldType::Enum,
        DataType::EnumStr if native == FieldType::Enum => FieldType::String,
        DataType::EnumStr => native,
        DataType::StsackString | DataType::ClassName => FieldType::String,
        DataType::PutAckt | DataType::PutAcks => {
            return bad_type("DBR_PUT_ACKT and DBR_PUT_ACKS can only be written")
        }
    };
    let dbr_type = match (request.datatype, request.format) {
        (DataType::StsackString, _) => sys::DBR_STSACK_STRING,
        (DataType::ClassName, _) => {
            count = 1;
            sys::DBR_CLASS_NAME
        }
        (_, Format::Raw) => base.code() as chtype,
        (_, Format::Time) => base.code() as chtype + 2 * PLAIN_TYPES,
        // A string has no control data: CTRL of a string reads TIME.
        (_, Format::Ctrl) if base == FieldType::String => base.code() as chtype + 2 * PLAIN_TYPES,
        (_, Format::Ctrl) => base.code() as chtype + 4 * PLAIN_TYPES,
    };
    let largest = if count == 0 { element_count } else { count };
    let element_size = element_type(dbr_type).map_or(0, FieldType::element_size);
    let bytes = value_offset(dbr_type) + largest * base.element_size();
    if bytes > crate::ca::max_array_bytes() {
        return Err(
            CaError::new(name, sys::ECA_TOLARGE, "plan read").with_detail(format!(
                "{largest} elements of {} take {bytes} bytes, over EPICS_CA_MAX_ARRAY_BYTES={}",
                base.dbr_name(),
                crate::ca::max_array_bytes()
            )),
        );
    }
    let mut plan = ReadPlan {
        dbr_type,
        count,
        datatype: request.datatype,
        format: request.format,
        element_count,
        value_offset: value_offset(dbr_type),
        element_size,
        inline: None,
    };
    plan.inline = inline_shape(&plan, dbr_type);
    Ok(plan)
}

/// Works out a subscription's DBR type and count as [`plan_read`] does, except
/// that a plain request of the current length (count 0) of an array asks for
/// the `DBR_STS_*` form: libca drops an update that carries no bytes (cac's
/// `eventRespAction` takes a zero payload for the old cancel confirmation),
/// which is what a plain array of 0 elements is, so an array emptied by a put
/// would never be reported. The STS header gives every update bytes; the
/// reading is still decoded as plain (no alarm fields for [`Format::Raw`]).
pub(crate) fn plan_subscription(
    name: &str,
    native: FieldType,
    element_count: usize,
    request: ReadRequest,
) -> Result<ReadPlan, CaError> {
    let mut plan = plan_read(name, native, element_count, request)?;
    if plan.count == 0 && element_count > 1 && sys::dbr_type_is_plain(plan.dbr_type) {
        plan.dbr_type += PLAIN_TYPES;
        plan.value_offset = value_offset(plan.dbr_type);
        plan.inline = inline_shape(&plan, plan.dbr_type);
    }
    Ok(plan)
}

/// What a reply of `dbr_type` carries besides the value: 0 nothing, 1 alarm
/// (STS), 2 alarm and stamp (TIME), 3 GR, 4 CTRL, -1 one of the special
/// types. A [`Format::Raw`] plan reads an STS reply (see
/// [`plan_subscription`]) as plain.
fn family_of(plan: &ReadPlan, dbr_type: chtype) -> chtype {
    match dbr_type {
        t if sys::dbr_type_is_STS(t) && plan.format == Format::Raw => 0,
        t if (0..=sys::DBR_CTRL_DOUBLE).contains(&t) => t / PLAIN_TYPES,
        _ => -1,
    }
}

/// The plain type whose elements a DBR type carries.
fn element_type(dbr_type: chtype) -> Option<FieldType> {
    match dbr_type {
        t if (0..=sys::DBR_CTRL_DOUBLE).contains(&t) => FieldType::from_code(t % PLAIN_TYPES),
        t if t == sys::DBR_STSACK_STRING || t == sys::DBR_CLASS_NAME => Some(FieldType::String),
        t if t == sys::DBR_PUT_ACKT || t == sys::DBR_PUT_ACKS => Some(FieldType::Enum),
        _ => None,
    }
}

/// Where the value starts in a buffer of `dbr_type` (0 for unknown types).
fn value_offset(dbr_type: chtype) -> usize {
    sys::dbr_value_offset_of(dbr_type).unwrap_or(0)
}

/// Bytes of a buffer of `dbr_type` with `count` elements, as libca lays it out
/// (header, then exactly `count` elements), or `None` for an unknown type.
pub(crate) fn buffer_size(dbr_type: chtype, count: usize) -> Option<usize> {
    let element = element_type(dbr_type)?;
    Some(value_offset(dbr_type) + count * element.element_size())
}

// ---- reading ---------------------------------------------------------------

fn bytes_at<const N: usize>(buffer: &[u8], offset: usize) -> [u8; N] {
    let mut out = [0; N];
    if let Some(slice) = buffer.get(offset..offset + N) {
        out.copy_from_slice(slice);
    }
    out
}

fn read_i16(b: &[u8], at: usize) -> i16 {
    i16::from_ne_bytes(bytes_at(b, at))
}
fn read_u16(b: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes(bytes_at(b, at))
}
fn read_i32(b: &[u8], at: usize) -> i32 {
    i32::from_ne_bytes(bytes_at(b, at))
}
fn read_u32(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(bytes_at(b, at))
}
fn read_f32(b: &[u8], at: usize) -> f32 {
    f32::from_ne_bytes(bytes_at(b, at))
}
fn read_f64(b: &[u8], at: usize) -> f64 {
    f64::from_ne_bytes(bytes_at(b, at))
}
fn read_u8(b: &[u8], at: usize) -> u8 {
    b.get(at).copied().unwrap_or(0)
}

/// A C string in a fixed field of `len` bytes: up to the first NUL, with
/// invalid UTF-8 replaced.
fn read_text(b: &[u8], at: usize, len: usize) -> String {
    let field = b.get(at..(at + len).min(b.len())).unwrap_or(&[]);
    let end = field.iter().position(|&c| c == 0).unwrap_or(field.len());
    String::from_utf8_lossy(&field[..end]).into_owned()
}

/// Reads the 8 (CTRL) or 6 (GR) limits of a numeric DBR struct.
macro_rules! limits {
    ($b:expr, $ty:ty, $read:ident, ctrl) => {
        Limits {
            upper_ctrl_limit: $read($b, offset_of!($ty, upper_ctrl_limit)).into(),
            lower_ctrl_limit: $read($b, offset_of!($ty, lower_ctrl_limit)).into(),
            ..limits!($b, $ty, $read, gr)
        }
    };
    ($b:expr, $ty:ty, $read:ident, gr) => {
        Limits {
            upper_disp_limit: $read($b, offset_of!($ty, upper_disp_limit)).into(),
            lower_disp_limit: $read($b, offset_of!($ty, lower_disp_limit)).into(),
            upper_alarm_limit: $read($b, offset_of!($ty, upper_alarm_limit)).into(),
            upper_warning_limit: $read($b, offset_of!($ty, upper_warning_limit)).into(),
            lower_warning_limit: $read($b, offset_of!($ty, lower_warning_limit)).into(),
            lower_alarm_limit: $read($b, offset_of!($ty, lower_alarm_limit)).into(),
            ..Limits::default()
        }
    };
}

/// Reads units, precision and limits of a GR (`ctrl == false`) or CTRL buffer
/// of a numeric type (the state strings of an enum one) into `meta`.
fn read_graphics(meta: &mut MetaDetails, b: &[u8], plain: FieldType, ctrl: bool) {
    use sys::*;
    let units = |at| Some(read_text(b, at, MAX_UNITS_SIZE as usize));
    match (plain, ctrl) {
        (FieldType::Short, true) => {
            meta.units = units(offset_of!(dbr_ctrl_short, units));
            meta.limits = Some(limits!(b, dbr_ctrl_short, read_i16, ctrl));
        }
        (FieldType::Short, false) => {
            meta.units = units(offset_of!(dbr_gr_short, units));
            meta.limits = Some(limits!(b, dbr_gr_short, read_i16, gr));
        }
        (FieldType::Float, true) => {
            meta.precision = Some(read_i16(b, offset_of!(dbr_ctrl_float, precision)));
            meta.units = units(offset_of!(dbr_ctrl_float, units));
            meta.limits = Some(limits!(b, dbr_ctrl_float, read_f32, ctrl));
        }
        (FieldType::Float, false) => {
            meta.precision = Some(read_i16(b, offset_of!(dbr_gr_float, precision)));
            meta.units = units(offset_of!(dbr_gr_float, units));
            meta.limits = Some(limits!(b, dbr_gr_float, read_f32, gr));
        }
        (FieldType::Char, true) => {
            meta.units = units(offset_of!(dbr_ctrl_char, units));
            meta.limits = Some(limits!(b, dbr_ctrl_char, read_u8, ctrl));
        }
        (FieldType::Char, false) => {
            meta.units = units(offset_of!(dbr_gr_char, units));
            meta.limits = Some(limits!(b, dbr_gr_char, read_u8, gr));
        }
        (FieldType::Long, true) => {
            meta.units = units(offset_of!(dbr_ctrl_long, units));
            meta.limits = Some(limits!(b, dbr_ctrl_long, read_i32, ctrl));
        }
        (FieldType::Long, false) => {
            meta.units = units(offset_of!(dbr_gr_long, units));
            meta.limits = Some(limits!(b, dbr_gr_long, read_i32, gr));
        }
        (FieldType::Double, true) => {
            meta.precision = Some(read_i16(b, offset_of!(dbr_ctrl_double, precision)));
            meta.units = units(offset_of!(dbr_ctrl_double, units));
            meta.limits = Some(limits!(b, dbr_ctrl_double, read_f64, ctrl));
        }
        (FieldType::Double, false) => {
            meta.precision = Some(read_i16(b, offset_of!(dbr_gr_double, precision)));
            meta.units = units(offset_of!(dbr_gr_double, units));
            meta.limits = Some(limits!(b, dbr_gr_double, read_f64, gr));
        }
        (FieldType::Enum, _) => {
            // dbr_gr_enum and dbr_ctrl_enum share their layout.
            let states =
                read_i16(b, offset_of!(dbr_ctrl_enum, no_str)).clamp(0, MAX_ENUM_STATES as i16);
            let first = offset_of!(dbr_ctrl_enum, strs);
            let size = MAX_ENUM_STRING_SIZE as usize;
            meta.enums = Some(
                (0..states as usize)
                    .map(|i| read_text(b, first + i * size, size))
                    .collect(),
            );
        }
        (FieldType::String, _) => {}
    }
}

/// `count` numbers of `N` bytes each at `at`, converted in one pass over the
/// buffer (which the compiler turns into a plain copy for a native-endian
/// load: this is the 8 MB of a 1,000,000-double waveform); elements past
/// the buffer's end read as 0, as single reads do.
fn read_array<T: Default + Clone, const N: usize>(
    b: &[u8],
    at: usize,
    count: usize,
    from_bytes: impl Fn([u8; N]) -> T,
) -> Vec<T> {
    let bytes = b.get(at..).unwrap_or(&[]);
    let bytes = &bytes[..bytes.len().min(count.saturating_mul(N))];
    let mut items = Vec::with_capacity(count);
    items.extend(
        bytes
            .chunks_exact(N)
            .map(|chunk| from_bytes(chunk.try_into().expect("chunks of N bytes"))),
    );
    items.resize(count, T::default());
    items
}

/// Reads `count` elements of `plain` at `at` into a scalar or array value.
fn read_values(b: &[u8], at: usize, plain: FieldType, count: usize, array: bool) -> Value {
    let size = plain.element_size();
    macro_rules! number {
        ($rust:ty, $scalar:ident, $array:ident) => {
            if array {
                Value::$array(read_array(b, at, count, <$rust>::from_ne_bytes))
            } else if count == 0 {
                Value::$scalar(<$rust>::default())
            } else {
                Value::$scalar(<$rust>::from_ne_bytes(bytes_at(b, at)))
            }
        };
    }
    match plain {
        FieldType::String => {
            let mut items = (0..count).map(|i| read_text(b, at + i * size, size));
            if array {
                Value::StringArray(items.collect())
            } else {
                Value::String(items.next().unwrap_or_default())
            }
        }
        FieldType::Short => number!(i16, Short, ShortArray),
        FieldType::Float => number!(f32, Float, FloatArray),
        FieldType::Enum => number!(u16, Enum, EnumArray),
        FieldType::Char => number!(u8, Char, CharArray),
        FieldType::Long => number!(i32, Long, LongArray),
        FieldType::Double => number!(f64, Double, DoubleArray),
    }
}

/// Reads a DBR buffer that libca delivered for `plan` (of `dbr_type` with
/// `count` elements, `buffer` holding at least [`buffer_size`] bytes) into an
/// owned value with its metadata. `meta.name` is left empty: this runs on
/// libca's thread for every reply and update, and most readers never look at
/// the name, so whoever hands the reading to a caller that keeps metadata
/// fills it in (see `FromReading::keeps_meta`).
pub(crate) fn decode(
    plan: &ReadPlan,
    dbr_type: chtype,
    count: usize,
    buffer: &[u8],
) -> Augmented<Value> {
    let plain = element_type(dbr_type).unwrap_or(FieldType::String);
    let mut meta = Meta {
        name: Arc::default(),
        datatype: Some(plain),
        element_count: plan.element_count,
        format: plan.format,
        update_count: 1,
        ..Meta::default()
    };
    let family = family_of(plan, dbr_type);
    if family >= 1 {
        // STS, TIME, GR and CTRL all start with status and severity.
        meta.status = Some(read_u16(buffer, offset_of!(sys::dbr_sts_string, status)));
        meta.severity = Some(read_u16(buffer, offset_of!(sys::dbr_sts_string, severity)));
    }
    match family {
        2 => {
            let at = offset_of!(sys::dbr_time_string, stamp);
            meta.timestamp = Some(Timestamp::from_epics(
                read_u32(buffer, at + offset_of!(sys::epicsTimeStamp, secPastEpoch)),
                read_u32(buffer, at + offset_of!(sys::epicsTimeStamp, nsec)),
            ));
        }
        3 | 4 => read_graphics(meta.details_mut(), buffer, plain, family == 4),
        _ => {}
    }
    if dbr_type == sys::DBR_STSACK_STRING {
        meta.status = Some(read_u16(buffer, offset_of!(sys::dbr_stsack_string, status)));
        meta.severity = Some(read_u16(
            buffer,
            offset_of!(sys::dbr_stsack_string, severity),
        ));
        let details = meta.details_mut();
        details.ackt = Some(read_u16(buffer, offset_of!(sys::dbr_stsack_string, ackt)));
        details.acks = Some(read_u16(buffer, offset_of!(sys::dbr_stsack_string, acks)));
    }
    if meta.details.as_deref() == Some(&MetaDetails::default()) {
        // A GR or CTRL reply of a string carries none of them.
        meta.details = None;
    }
    if plain == FieldType::Char
        && matches!(plan.datatype, DataType::CharStr | DataType::CharUnicode)
    {
        meta.datatype = Some(FieldType::String);
    }
    let value = decode_value(plan, dbr_type, count, buffer);
    Augmented { value, meta }
}

/// Reads a DBR buffer as [`decode`] does, into a [`CompactReading`]. Runs
/// on libca's thread for every monitor update: a reply of the planned type
/// uses the plan's [`InlineShape`] rather than working it out again.
#[inline]
pub(crate) fn decode_reading(
    plan: &ReadPlan,
    dbr_type: chtype,
    count: usize,
    buffer: &[u8],
) -> CompactReading {
    let shape = if dbr_type == plan.dbr_type {
        plan.inline
    } else {
        inline_shape(plan, dbr_type)
    };
    match shape {
        Some(shape) => decode_inline(plan, shape, dbr_type, count, buffer),
        None => decode_full(plan, dbr_type, count, buffer),
    }
}

/// How a reply of `dbr_type` to `plan` reads with its metadata inline, or
/// `None` for one that needs the whole [`Meta`] (GR, CTRL, the special
/// types).
fn inline_shape(plan: &ReadPlan, dbr_type: chtype) -> Option<InlineShape> {
    let family = family_of(plan, dbr_type);
    if !(0..=2).contains(&family) {
        return None;
    }
    let plain = element_type(dbr_type).unwrap_or(FieldType::String);
    let char_string = plain == FieldType::Char
        && matches!(plan.datatype, DataType::CharStr | DataType::CharUnicode);
    Some(InlineShape {
        family: family as u8,
        datatype: if char_string {
            FieldType::String
        } else {
            plain
        },
    })
}

/// [`decode_reading`] of a plain, STS or TIME reply of `shape`.
#[inline]
fn decode_inline(
    plan: &ReadPlan,
    shape: InlineShape,
    dbr_type: chtype,
    count: usize,
    buffer: &[u8],
) -> CompactReading {
    // STS and TIME start with status and severity; TIME has the stamp next.
    let alarm = || {
        (
            read_u16(buffer, offset_of!(sys::dbr_sts_string, status)),
            read_u16(buffer, offset_of!(sys::dbr_sts_string, severity)),
        )
    };
    let meta = match shape.family {
        0 => InlineMeta::Plain,
        1 => {
            let (status, severity) = alarm();
            InlineMeta::Alarm { status, severity }
        }
        _ => {
            let (status, severity) = alarm();
            let at = offset_of!(sys::dbr_time_string, stamp);
            InlineMeta::Time {
                status,
                severity,
                secs: read_u32(buffer, at + offset_of!(sys::epicsTimeStamp, secPastEpoch)),
                nsec: read_u32(buffer, at + offset_of!(sys::epicsTimeStamp, nsec)),
            }
        }
    };
    CompactReading::inline(
        decode_value(plan, dbr_type, count, buffer),
        shape.datatype,
        plan.element_count,
        plan.format,
        meta,
    )
}

/// [`decode_reading`] of a reply whose metadata needs the whole [`Meta`].
#[inline(never)]
fn decode_full(plan: &ReadPlan, dbr_type: chtype, count: usize, buffer: &[u8]) -> CompactReading {
    let Augmented { value, meta } = decode(plan, dbr_type, count, buffer);
    CompactReading::with_meta(value, meta)
}

/// Reads only the value of a DBR buffer, as [`decode`] does, without any of
/// its metadata: what a reader that keeps none of it needs (no `Meta` is
/// built or moved per reply).
#[inline]
pub(crate) fn decode_value(
    plan: &ReadPlan,
    dbr_type: chtype,
    count: usize,
    buffer: &[u8],
) -> Value {
    // The commonest reply first: one double of the planned type (plain, STS
    // or TIME; no other element is 8 bytes), as the general path reads it,
    // without its lookups (and inlined into the decoders).
    if dbr_type == plan.dbr_type && plan.element_size == 8 && count == 1 && plan.element_count <= 1
    {
        let at = plan.value_offset;
        if let Some(bytes) = buffer.get(at..at + 8) {
            return Value::Double(f64::from_ne_bytes(
                bytes.try_into().expect("a slice of 8 bytes"),
            ));
        }
    }
    decode_any_value(plan, dbr_type, count, buffer)
}

/// [`decode_value`] of any reply.
#[inline(never)]
fn decode_any_value(plan: &ReadPlan, dbr_type: chtype, count: usize, buffer: &[u8]) -> Value {
    let plain = element_type(dbr_type).unwrap_or(FieldType::String);
    let at = value_offset(dbr_type);
    match plan.datatype {
        DataType::CharStr | DataType::CharUnicode if plain == FieldType::Char => {
            let bytes = buffer.get(at..at + count).unwrap_or(&[]);
            Value::String(read_text(bytes, 0, bytes.len()))
        }
        DataType::CharBytes if plain == FieldType::Char => {
            // String semantics, as Python's DBR_CHAR_BYTES: up to the first
            // NUL (every byte is DataType::Char's).
            let bytes = buffer.get(at..at + count).unwrap_or(&[]);
            let end = bytes.iter().position(|&c| c == 0).unwrap_or(bytes.len());
            Value::CharArray(bytes[..end].to_vec())
        }
        DataType::ClassName => Value::String(read_text(buffer, at, sys::MAX_STRING_SIZE as usize)),
        _ => read_values(buffer, at, plain, count, plan.element_count > 1),
    }
}

// ---- writing ---------------------------------------------------------------

/// A put's payload, ready for `ca_array_put`: `count` elements of `dbr_type`
/// in 8-byte aligned storage (libca may read it as the C type): inline up to
/// [`INLINE_PUT_WORDS`] words (any scalar, one DBR_STRING), so that the put
/// of a scalar allocates nothing.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EncodedPut {
    pub dbr_type: chtype,
    pub count: usize,
    words: PutWords,
    len: usize,
}

/// The words of an [`EncodedPut`] (the inline ones zero past its bytes).
#[derive(Clone, Debug, PartialEq)]
enum PutWords {
    Inline([u64; INLINE_PUT_WORDS]),
    Heap(Vec<u64>),
}

/// How many words an [`EncodedPut`] holds without an allocation: 40 bytes.
const INLINE_PUT_WORDS: usize = 5;

impl EncodedPut {
    fn new(dbr_type: chtype, count: usize, bytes: &[u8]) -> EncodedPut {
        let word = |chunk: &[u8]| {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            u64::from_ne_bytes(word)
        };
        let words = if bytes.len() <= INLINE_PUT_WORDS * 8 {
            let mut words = [0; INLINE_PUT_WORDS];
            for (word_of, chunk) in words.iter_mut().zip(bytes.chunks(8)) {
                *word_of = word(chunk);
            }
            PutWords::Inline(words)
        } else {
            PutWords::Heap(bytes.chunks(8).map(word).collect())
        };
        EncodedPut {
            dbr_type,
            count,
            words,
            len: bytes.len(),
        }
    }

    fn words(&self) -> &[u64] {
        match &self.words {
            PutWords::Inline(words) => words,
            PutWords::Heap(words) => words,
        }
    }

    /// The payload's bytes.
    #[cfg(test)]
    pub fn bytes(&self) -> Vec<u8> {
        let mut bytes: Vec<u8> = self.words().iter().flat_map(|w| w.to_ne_bytes()).collect();
        bytes.truncate(self.len);
        bytes
    }

    /// The payload for libca, valid while `self` lives (and stays where it
    /// is).
    pub fn as_ptr(&self) -> *const std::ffi::c_void {
        self.words().as_ptr().cast()
    }
}

/// At most one number's bytes, for the put of a scalar (no allocation).
#[derive(Default)]
struct ScalarBytes {
    bytes: [u8; 8],
    len: usize,
}

impl Extend<u8> for ScalarBytes {
    fn extend<I: IntoIterator<Item = u8>>(&mut self, bytes: I) {
        for byte in bytes {
            self.bytes[self.len] = byte;
            self.len += 1;
        }
    }
}

/// The number of a numeric scalar value (none for strings and arrays).
fn scalar_number(value: &Value) -> Option<Number> {
    Some(match *value {
        Value::Char(v) => Number::Int(v.into()),
        Value::Short(v) => Number::Int(v.into()),
        Value::Long(v) => Number::Int(v.into()),
        Value::Enum(v) => Number::Int(v.into()),
        Value::Float(v) => Number::Real(v.into()),
        Value::Double(v) => Number::Real(v),
        _ => return None,
    })
}

/// A number on its way to a DBR type: integers stay exact.
#[derive(Clone, Copy, Debug)]
enum Number {
    /// Wide enough for every `i64` and `u64` written as text.
    Int(i128),
    Real(f64),
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Int(v) => write!(f, "{v}"),
            Number::Real(v) => write!(f, "{v}"),
        }
    }
}

/// The elements of a put value, before conversion.
enum Elements {
    Numbers(Vec<Number>),
    Strings(Vec<String>),
}

fn elements(value: &Value) -> Elements {
    use Number::{Int, Real};
    let ints = |v: Vec<i128>| Elements::Numbers(v.into_iter().map(Int).collect());
    match value {
        Value::String(s) => Elements::Strings(vec![s.clone()]),
        Value::StringArray(v) => Elements::Strings(v.clone()),
        Value::Char(_)
        | Value::Short(_)
        | Value::Long(_)
        | Value::Enum(_)
        | Value::Float(_)
        | Value::Double(_) => Elements::Numbers(scalar_number(value).into_iter().collect()),
        Value::CharArray(v) => ints(v.iter().map(|&x| x.into()).collect()),
        Value::ShortArray(v) => ints(v.iter().map(|&x| x.into()).collect()),
        Value::LongArray(v) => ints(v.iter().map(|&x| x.into()).collect()),
        Value::EnumArray(v) => ints(v.iter().map(|&x| x.into()).collect()),
        Value::FloatArray(v) => Elements::Numbers(v.iter().map(|&x| Real(x.into())).collect()),
        Value::DoubleArray(v) => Elements::Numbers(v.iter().map(|&x| Real(x)).collect()),
    }
}

/// Builds the payload of a put of `value` as `datatype` to a channel of
/// `element_count` elements, checking before anything is sent that it fits:
/// DBR_STRING elements under 40 bytes, no more elements than the channel
/// has, integers in range, at most `EPICS_CA_MAX_ARRAY_BYTES`.
///
/// [`DataType::Native`] sends the value's own type (the server converts);
/// the char-string types send a string as a char array with its terminating
/// NUL when the channel has room for it.
pub(crate) fn encode_put(
    name: &str,
    value: &Value,
    datatype: DataType,
    element_count: usize,
) -> Result<EncodedPut, CaError> {
    let fail = |code, detail: String| {
        Err(CaError::new(name, code, "encode put value").with_detail(detail))
    };
    let (dbr_type, plain) = match datatype {
        DataType::Native => (value.field_type().code() as chtype, value.field_type()),
        DataType::String | DataType::EnumStr => (sys::DBR_STRING, FieldType::String),
        DataType::Char => (sys::DBR_CHAR, FieldType::Char),
        DataType::Short => (sys::DBR_SHORT, FieldType::Short),
        DataType::Long => (sys::DBR_LONG, FieldType::Long),
        DataType::Float => (sys::DBR_FLOAT, FieldType::Float),
        DataType::Double => (sys::DBR_DOUBLE, FieldType::Double),
        DataType::Enum => (sys::DBR_ENUM, FieldType::Enum),
        DataType::CharStr | DataType::CharBytes | DataType::CharUnicode => {
            return encode_char_string(name, value, element_count)
        }
        DataType::PutAckt | DataType::PutAcks => {
            let (dbr_type, max) = if datatype == DataType::PutAckt {
                (sys::DBR_PUT_ACKT, 1)
            } else {
                (sys::DBR_PUT_ACKS, 3)
            };
            return match (value.is_array(), value.as_f64()) {
                (false, Some(v)) if v.fract() == 0.0 && (0.0..=f64::from(max)).contains(&v) => {
                    Ok(EncodedPut::new(dbr_type, 1, &(v as u16).to_ne_bytes()))
                }
                _ => fail(
                    sys::ECA_BADTYPE,
                    format!(
                        "{} takes one integer 0..={max}, not {value}",
                        sys::dbr_type_to_text(dbr_type).to_string_lossy()
                    ),
                ),
            };
        }
        DataType::StsackString | DataType::ClassName => {
            return fail(sys::ECA_BADTYPE, format!("{datatype:?} can only be read"))
        }
    };
    // A numeric scalar to a numeric type: its bytes without a buffer.
    if let Some(number) =
        scalar_number(value).filter(|_| element_count >= 1 && plain != FieldType::String)
    {
        let mut bytes = ScalarBytes::default();
        push_number(name, number, plain, &mut bytes)?;
        return Ok(EncodedPut::new(dbr_type, 1, &bytes.bytes[..bytes.len]));
    }
    let items = elements(value);
    let count = match &items {
        Elements::Numbers(v) => v.len(),
        Elements::Strings(v) => v.len(),
    };
    // An empty array is written as it is (count 0: libca and the server
    // accept it from protocol 4.13, and a waveform's NORD becomes 0).
    if count > element_count {
        return fail(
            sys::ECA_BADCOUNT,
            format!("{count} elements written to a channel of {element_count}"),
        );
    }
    let size = count * plain.element_size();
    if size > crate::ca::max_array_bytes() {
        return fail(
            sys::ECA_TOLARGE,
            format!(
                "{size} bytes, over EPICS_CA_MAX_ARRAY_BYTES={}",
                crate::ca::max_array_bytes()
            ),
        );
    }
    let mut bytes = Vec::with_capacity(size);
    match (items, plain) {
        (Elements::Strings(strings), FieldType::String) => {
            for s in strings {
                push_dbr_string(name, &s, &mut bytes)?;
            }
        }
        (Elements::Numbers(numbers), FieldType::String) => {
            for n in numbers {
                push_dbr_string(name, &n.to_string(), &mut bytes)?;
            }
        }
        (Elements::Strings(strings), _) => {
            for s in strings {
                let Some(number) = parse_number(&s) else {
                    return fail(
                        sys::ECA_NOCONVERT,
                        format!("{s:?} is not a number for {}", plain.dbr_name()),
                    );
                };
                push_number(name, number, plain, &mut bytes)?;
            }
        }
        (Elements::Numbers(numbers), _) => {
            for n in numbers {
                push_number(name, n, plain, &mut bytes)?;
            }
        }
    }
    Ok(EncodedPut::new(dbr_type, count, &bytes))
}

fn parse_number(text: &str) -> Option<Number> {
    let text = text.trim();
    text.parse::<i128>()
        .map(Number::Int)
        .or_else(|_| text.parse::<f64>().map(Number::Real))
        .ok()
}

/// Appends one 40-byte DBR_STRING, refusing strings that do not fit with
/// their NUL (libca would refuse them too, with less to say).
fn push_dbr_string(name: &str, s: &str, bytes: &mut Vec<u8>) -> Result<(), CaError> {
    let size = sys::MAX_STRING_SIZE as usize;
    if s.len() >= size || s.contains('\0') {
        let why = if s.contains('\0') {
            "contains a NUL".to_string()
        } else {
            format!("has {} bytes", s.len())
        };
        return Err(CaError::new(name, sys::ECA_BADSTR, "encode put value").with_detail(format!(
            "a DBR_STRING holds at most {} bytes and this string {why}; write long strings as a char array (DataType::CharStr, or a PV name ending in '$')",
            size - 1
        )));
    }
    bytes.extend_from_slice(s.as_bytes());
    bytes.resize(bytes.len() + size - s.len(), 0);
    Ok(())
}

/// Appends one number as `plain`, refusing values the type cannot hold.
fn push_number(
    name: &str,
    n: Number,
    plain: FieldType,
    bytes: &mut impl Extend<u8>,
) -> Result<(), CaError> {
    let out_of_range = || {
        Err(CaError::new(name, sys::ECA_NOCONVERT, "encode put value")
            .with_detail(format!("{n} does not fit {}", plain.dbr_name())))
    };
    let inexact = || {
        Err(
            CaError::new(name, sys::ECA_NOCONVERT, "encode put value").with_detail(format!(
                "{n} is not exact as {}; write it as a string to send its exact digits",
                plain.dbr_name()
            )),
        )
    };
    let int = match n {
        Number::Int(v) => Some(v),
        Number::Real(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => Some(v as i128),
        Number::Real(_) => None,
    };
    match plain {
        // An integer goes to a float type only when the type holds it
        // exactly: never rounded silently (write it as a string instead,
        // which the server converts exactly for an integer field).
        FieldType::Double => match n {
            Number::Int(v) if v as f64 as i128 != v => return inexact(),
            Number::Int(v) => bytes.extend((v as f64).to_ne_bytes()),
            Number::Real(v) => bytes.extend(v.to_ne_bytes()),
        },
        FieldType::Float => {
            let v = match n {
                Number::Int(v) if v as f32 as i128 != v => return inexact(),
                Number::Int(v) => v as f64,
                Number::Real(v) => v,
            };
            if v.is_finite() && v.abs() > f64::from(f32::MAX) {
                return out_of_range();
            }
            bytes.extend((v as f32).to_ne_bytes());
        }
        FieldType::Long => match int.and_then(|v| i32::try_from(v).ok()) {
            Some(v) => bytes.extend(v.to_ne_bytes()),
            None => return out_of_range(),
        },
        FieldType::Short => match int.and_then(|v| i16::try_from(v).ok()) {
            Some(v) => bytes.extend(v.to_ne_bytes()),
            None => return out_of_range(),
        },
        FieldType::Enum => match int.and_then(|v| u16::try_from(v).ok()) {
            Some(v) => bytes.extend(v.to_ne_bytes()),
            None => return out_of_range(),
        },
        // CA chars are bytes; a signed CHAR field reads -1 as 255.
        FieldType::Char => match int.filter(|v| (-128..=255).contains(v)) {
            Some(v) => bytes.extend([v as u8]),
            None => return out_of_range(),
        },
        FieldType::String => unreachable!("strings are encoded by push_dbr_string"),
    }
    Ok(())
}

/// A string (or bytes) as a DBR_CHAR array, with its terminating NUL when
/// the channel has room for it.
fn encode_char_string(
    name: &str,
    value: &Value,
    element_count: usize,
) -> Result<EncodedPut, CaError> {
    let mut bytes = match value {
        Value::String(s) => s.as_bytes().to_vec(),
        Value::CharArray(b) => b.clone(),
        other if !other.is_array() => other.to_string().into_bytes(),
        other => {
            return Err(
                CaError::new(name, sys::ECA_BADTYPE, "encode put value").with_detail(format!(
                    "a {} cannot be written as a char string",
                    other.kind_name()
                )),
            )
        }
    };
    if bytes.len() > element_count {
        return Err(
            CaError::new(name, sys::ECA_BADCOUNT, "encode put value").with_detail(format!(
                "{} bytes do not fit the channel's {element_count} chars",
                bytes.len()
            )),
        );
    }
    if bytes.len() > crate::ca::max_array_bytes() {
        return Err(
            CaError::new(name, sys::ECA_TOLARGE, "encode put value").with_detail(format!(
                "{} bytes, over EPICS_CA_MAX_ARRAY_BYTES",
                bytes.len()
            )),
        );
    }
    if bytes.len() < element_count && bytes.last() != Some(&0) {
        bytes.push(0);
    }
    Ok(EncodedPut::new(sys::DBR_CHAR, bytes.len(), &bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ca_types::ErrorKind;
    use std::sync::Arc;

    fn plan(datatype: DataType, format: Format, element_count: usize) -> ReadPlan {
        let name: Arc<str> = Arc::from("X:pv");
        let request = ReadRequest {
            datatype,
            format,
            count: Count::Current,
        };
        plan_read(&name, FieldType::Double, element_count, request).unwrap()
    }

    #[test]
    fn read_types_follow_format_and_datatype() {
        let name: Arc<str> = Arc::from("X:pv");
        let code = |native, datatype, format| {
            let request = ReadRequest {
                datatype,
                format,
                count: Count::Current,
            };
            plan_read(&name, native, 1, request).unwrap().dbr_type
        };
        assert_eq!(
            code(FieldType::Double, DataType::Native, Format::Raw),
            sys::DBR_DOUBLE
        );
        assert_eq!(
            code(FieldType::Double, DataType::Native, Format::Time),
            sys::DBR_TIME_DOUBLE
        );
        assert_eq!(
            code(FieldType::Long, DataType::Native, Format::Ctrl),
            sys::DBR_CTRL_LONG
        );
        assert_eq!(
            code(FieldType::String, DataType::Native, Format::Ctrl),
            sys::DBR_TIME_STRING
        );
        assert_eq!(
            code(FieldType::Enum, DataType::EnumStr, Format::Time),
            sys::DBR_TIME_STRING
        );
        assert_eq!(
            code(FieldType::Short, DataType::EnumStr, Format::Raw),
            sys::DBR_SHORT
        );
        assert_eq!(
            code(FieldType::String, DataType::CharStr, Format::Raw),
            sys::DBR_CHAR
        );
        assert_eq!(
            code(FieldType::Double, DataType::StsackString, Format::Ctrl),
            sys::DBR_STSACK_STRING
        );
        assert_eq!(
            code(FieldType::Double, DataType::ClassName, Format::Time),
            sys::DBR_CLASS_NAME
        );
    }

    #[test]
    fn raw_subscriptions_of_the_current_length_carry_a_header() {
        let name: Arc<str> = Arc::from("X:wf");
        let plan = |element_count, count, format| {
            let request = ReadRequest {
                count,
                format,
                ..ReadRequest::default()
            };
            plan_subscription(&name, FieldType::Double, element_count, request)
                .unwrap()
                .dbr_type
        };
        assert_eq!(plan(10, Count::Current, Format::Raw), sys::DBR_STS_DOUBLE);
        assert_eq!(plan(10, Count::Full, Format::Raw), sys::DBR_DOUBLE);
        assert_eq!(plan(1, Count::Current, Format::Raw), sys::DBR_DOUBLE);
        assert_eq!(plan(10, Count::Current, Format::Time), sys::DBR_TIME_DOUBLE);
        // The STS reply decodes as the plain one would: no alarm fields.
        let request = ReadRequest::default();
        let sts = plan_subscription(&name, FieldType::Double, 10, request).unwrap();
        let mut buffer = vec![0u8; 16];
        buffer[0..2].copy_from_slice(&3u16.to_ne_bytes());
        buffer[8..16].copy_from_slice(&2.5f64.to_ne_bytes());
        let reading = decode(&sts, sys::DBR_STS_DOUBLE, 1, &buffer);
        assert_eq!(reading.value, Value::DoubleArray(vec![2.5]));
        assert_eq!(reading.meta.status, None);
        assert_eq!(
            decode_reading(&sts, sys::DBR_STS_DOUBLE, 1, &buffer).into_augmented(Arc::default(), 1),
            reading
        );
    }

    #[test]
    fn count_is_capped_by_the_element_count() {
        let name: Arc<str> = Arc::from("X:wf");
        let count = |count| {
            let request = ReadRequest {
                count,
                ..ReadRequest::default()
            };
            plan_read(&name, FieldType::Long, 8, request).unwrap().count
        };
        assert_eq!(count(Count::Current), 0);
        assert_eq!(count(Count::Full), 8);
        assert_eq!(count(Count::AtMost(3)), 3);
        assert_eq!(count(Count::AtMost(30)), 8);
        assert_eq!(Count::from_python(-1), Count::Full);
    }

    #[test]
    fn reads_over_max_array_bytes_are_refused() {
        let name: Arc<str> = Arc::from("X:huge");
        let request = ReadRequest {
            count: Count::Full,
            ..ReadRequest::default()
        };
        let error = plan_read(&name, FieldType::Double, 100_000_000, request).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn compact_readings_convert_to_what_decode_gives() {
        // A buffer big enough for any scalar DBR type, with recognisable bytes.
        let buffer: Vec<u8> = (0..=255u8).cycle().take(1024).collect();
        let cases = [
            (DataType::Native, Format::Raw, sys::DBR_DOUBLE, 1),
            // A double of the planned type decodes by the plan's offset.
            (DataType::Native, Format::Time, sys::DBR_TIME_DOUBLE, 1),
            (DataType::Native, Format::Time, sys::DBR_TIME_LONG, 4),
            (DataType::Native, Format::Ctrl, sys::DBR_CTRL_DOUBLE, 1),
            (DataType::Native, Format::Ctrl, sys::DBR_CTRL_ENUM, 1),
            (DataType::CharStr, Format::Time, sys::DBR_TIME_CHAR, 8),
            (DataType::String, Format::Raw, sys::DBR_STRING, 1),
            (
                DataType::StsackString,
                Format::Raw,
                sys::DBR_STSACK_STRING,
                1,
            ),
        ];
        for (datatype, format, dbr_type, count) in cases {
            let plan = plan(datatype, format, count);
            assert_eq!(
                decode_reading(&plan, dbr_type, count, &buffer).into_augmented(Arc::default(), 1),
                decode(&plan, dbr_type, count, &buffer),
                "{datatype:?} {format:?} {dbr_type}"
            );
            assert_eq!(
                decode_value(&plan, dbr_type, count, &buffer),
                decode(&plan, dbr_type, count, &buffer).value
            );
        }
    }

    #[test]
    fn time_double_buffer_decodes_with_stamp_and_alarm() {
        // dbr_time_double: status, severity, stamp (secs, nsec), pad, value.
        let mut buffer = vec![0u8; 24];
        buffer[0..2].copy_from_slice(&3i16.to_ne_bytes());
        buffer[2..4].copy_from_slice(&2i16.to_ne_bytes());
        buffer[4..8].copy_from_slice(&10u32.to_ne_bytes());
        buffer[8..12].copy_from_slice(&500u32.to_ne_bytes());
        buffer[16..24].copy_from_slice(&1.25f64.to_ne_bytes());
        assert_eq!(buffer_size(sys::DBR_TIME_DOUBLE, 1), Some(24));
        let reading = decode(
            &plan(DataType::Native, Format::Time, 1),
            sys::DBR_TIME_DOUBLE,
            1,
            &buffer,
        );
        assert_eq!(reading.value, Value::Double(1.25));
        assert_eq!(reading.meta.status, Some(3));
        assert_eq!(reading.meta.severity, Some(2));
        assert_eq!(
            reading.meta.timestamp,
            Some(Timestamp {
                secs: 631_152_010,
                nsec: 500
            })
        );
    }

    #[test]
    fn element_count_not_reply_length_decides_array() {
        let buffer = 4.0f64.to_ne_bytes();
        let scalar = decode(
            &plan(DataType::Native, Format::Raw, 1),
            sys::DBR_DOUBLE,
            1,
            &buffer,
        );
        assert_eq!(scalar.value, Value::Double(4.0));
        let array = decode(
            &plan(DataType::Native, Format::Raw, 10),
            sys::DBR_DOUBLE,
            1,
            &buffer,
        );
        assert_eq!(array.value, Value::DoubleArray(vec![4.0]));
    }

    #[test]
    fn char_strings_stop_at_the_nul_and_replace_bad_utf8() {
        let buffer = [b'o', b'k', 0xff, 0, b'x'];
        let reading = decode(
            &plan(DataType::CharStr, Format::Raw, 5),
            sys::DBR_CHAR,
            5,
            &buffer,
        );
        assert_eq!(reading.value, Value::String("ok\u{fffd}".into()));
        let bytes = decode(
            &plan(DataType::CharBytes, Format::Raw, 5),
            sys::DBR_CHAR,
            5,
            &buffer,
        );
        assert_eq!(bytes.value, Value::CharArray(vec![b'o', b'k', 0xff]));
        let raw = decode(
            &plan(DataType::Char, Format::Raw, 5),
            sys::DBR_CHAR,
            5,
            &buffer,
        );
        assert_eq!(raw.value, Value::CharArray(buffer.to_vec()));
    }

    #[test]
    fn dbr_string_over_39_bytes_is_refused() {
        let ok = encode_put("X:s", &Value::from("a".repeat(39)), DataType::String, 1).unwrap();
        assert_eq!((ok.dbr_type, ok.count), (sys::DBR_STRING, 1));
        assert_eq!(ok.bytes().len(), 40);
        assert_eq!(ok.bytes()[39], 0);
        let error =
            encode_put("X:s", &Value::from("a".repeat(40)), DataType::String, 1).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadString);
        let error = encode_put("X:s", &Value::from("a\0b"), DataType::Native, 1).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadString);
    }

    #[test]
    fn char_string_put_sends_the_nul_when_it_fits() {
        let fits = encode_put("X:l$", &Value::from("abc"), DataType::CharStr, 10).unwrap();
        assert_eq!((fits.dbr_type, fits.count), (sys::DBR_CHAR, 4));
        assert_eq!(fits.bytes(), b"abc\0");
        let exact = encode_put("X:l$", &Value::from("abc"), DataType::CharStr, 3).unwrap();
        assert_eq!(exact.bytes(), b"abc");
        let error = encode_put("X:l$", &Value::from("abcd"), DataType::CharStr, 3).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadCount);
    }

    #[test]
    fn a_scalar_encodes_as_a_one_element_array_does() {
        // Scalars take a path of their own (no buffer); arrays the general
        // one, inline up to 40 bytes and on the heap beyond.
        let scalars = [
            Value::Char(200),
            Value::Short(-7),
            Value::Long(70_000),
            Value::Enum(3),
            Value::Float(0.5),
            Value::Double(-2.25),
        ];
        let types = [
            DataType::Native,
            DataType::Char,
            DataType::Short,
            DataType::Long,
            DataType::Enum,
            DataType::Float,
            DataType::Double,
        ];
        for scalar in &scalars {
            let array = match scalar {
                Value::Char(v) => Value::CharArray(vec![*v; 2]),
                Value::Short(v) => Value::ShortArray(vec![*v; 2]),
                Value::Long(v) => Value::LongArray(vec![*v; 2]),
                Value::Enum(v) => Value::EnumArray(vec![*v; 2]),
                Value::Float(v) => Value::FloatArray(vec![*v; 2]),
                Value::Double(v) => Value::DoubleArray(vec![*v; 2]),
                _ => unreachable!(),
            };
            for datatype in types {
                let one = encode_put("X:n", scalar, datatype, 1);
                let two = encode_put("X:n", &array, datatype, 2);
                match (one, two) {
                    (Ok(one), Ok(two)) => {
                        assert_eq!((one.dbr_type, one.count), (two.dbr_type, 1));
                        assert_eq!(
                            one.bytes().repeat(2),
                            two.bytes(),
                            "{scalar:?} {datatype:?}"
                        );
                    }
                    (Err(one), Err(two)) => assert_eq!(one.code(), two.code()),
                    (one, two) => panic!("{scalar:?} as {datatype:?}: {one:?} but {two:?}"),
                }
            }
        }
        let six: Vec<f64> = (0..6).map(f64::from).collect();
        let heap = encode_put("X:w", &Value::from(six.clone()), DataType::Double, 6).unwrap();
        let expected: Vec<u8> = six.iter().flat_map(|v| v.to_ne_bytes()).collect();
        assert_eq!(heap.bytes(), expected);
    }

    #[test]
    fn numbers_are_converted_with_range_checks() {
        let put = encode_put("X:n", &Value::from(vec![1.0f64, -2.0]), DataType::Long, 4).unwrap();
        assert_eq!(put.dbr_type, sys::DBR_LONG);
        assert_eq!(
            put.bytes(),
            [1i32.to_ne_bytes(), (-2i32).to_ne_bytes()].concat()
        );
        let fraction = encode_put("X:n", &Value::from(1.5f64), DataType::Long, 1).unwrap_err();
        assert_eq!(fraction.kind(), ErrorKind::NoConvert);
        let big = encode_put("X:n", &Value::from(40_000i32), DataType::Short, 1).unwrap_err();
        assert_eq!(big.kind(), ErrorKind::NoConvert);
        let parsed = encode_put("X:n", &Value::from(" 7 "), DataType::Short, 1).unwrap();
        assert_eq!(parsed.bytes(), 7i16.to_ne_bytes());
        let text = encode_put("X:n", &Value::from("seven"), DataType::Double, 1).unwrap_err();
        assert_eq!(text.kind(), ErrorKind::NoConvert);
        let as_string = encode_put("X:n", &Value::from(2.5f64), DataType::String, 1).unwrap();
        assert_eq!(&as_string.bytes()[..4], b"2.5\0");
    }

    #[test]
    fn wide_integers_are_never_rounded() {
        // 2^53 + 1: the first integer a double cannot hold.
        let odd = 9_007_199_254_740_993i64;
        let put = encode_put("X:i", &Value::from(odd), DataType::Native, 1).unwrap();
        assert_eq!(put.dbr_type, sys::DBR_STRING);
        assert_eq!(&put.bytes()[..17], b"9007199254740993\0");
        let exact = encode_put("X:i", &Value::from(1i64 << 53), DataType::Native, 1).unwrap();
        assert_eq!(exact.dbr_type, sys::DBR_DOUBLE);
        assert_eq!(exact.bytes(), 9_007_199_254_740_992f64.to_ne_bytes());
        let small = encode_put("X:i", &Value::from(-5i64), DataType::Native, 1).unwrap();
        assert_eq!(small.bytes(), (-5i32).to_ne_bytes());
        let error = encode_put("X:i", &Value::from(odd), DataType::Double, 1).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NoConvert);
        assert!(
            error.to_string().contains("not exact as DBR_DOUBLE"),
            "{error}"
        );
        let max = encode_put("X:i", &Value::from(u64::MAX), DataType::Double, 1).unwrap_err();
        assert_eq!(max.kind(), ErrorKind::NoConvert);
        let float = encode_put("X:i", &Value::from(16_777_217i32), DataType::Float, 1);
        assert_eq!(float.unwrap_err().kind(), ErrorKind::NoConvert);
        let flag = encode_put("X:b", &Value::from(true), DataType::Native, 1).unwrap();
        assert_eq!(
            (flag.dbr_type, flag.bytes()),
            (sys::DBR_ENUM, 1u16.to_ne_bytes().to_vec())
        );
    }

    #[test]
    fn native_put_sends_the_values_own_type() {
        let put = encode_put("X:n", &Value::from(vec![1i16, 2, 3]), DataType::Native, 3).unwrap();
        assert_eq!((put.dbr_type, put.count), (sys::DBR_SHORT, 3));
        let enum_index = encode_put("X:e", &Value::Enum(2), DataType::Native, 1).unwrap();
        assert_eq!(enum_index.dbr_type, sys::DBR_ENUM);
    }

    #[test]
    fn element_counts_are_checked_before_sending() {
        let over =
            encode_put("X:wf", &Value::from(vec![0i32; 5]), DataType::Native, 4).unwrap_err();
        assert_eq!(over.kind(), ErrorKind::BadCount);
        let empty =
            encode_put("X:wf", &Value::from(Vec::<i32>::new()), DataType::Native, 4).unwrap();
        assert_eq!((empty.dbr_type, empty.count), (sys::DBR_LONG, 0));
        let huge = vec![0f64; 2_000_000];
        let error =
            encode_put("X:wf", &Value::from(huge), DataType::Native, 3_000_000).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn alarm_acknowledgements_take_small_integers() {
        let ackt = encode_put("X:a", &Value::from(1i32), DataType::PutAckt, 1).unwrap();
        assert_eq!(
            (ackt.dbr_type, ackt.bytes()),
            (sys::DBR_PUT_ACKT, 1u16.to_ne_bytes().to_vec())
        );
        assert!(encode_put("X:a", &Value::from(2i32), DataType::PutAckt, 1).is_err());
        assert!(encode_put("X:a", &Value::from(3i32), DataType::PutAcks, 1).is_ok());
        assert!(encode_put("X:a", &Value::from(1i32), DataType::ClassName, 1).is_err());
    }
}
