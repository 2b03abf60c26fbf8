//! [`CompactReading`]: a decoded reply or monitor update on its way from
//! libca's thread (where `ca` decodes it) to the thread that reads it (where
//! `catools` or `catools_async` hands it to the caller as an [`Augmented`]
//! value, without going back to `ca`).
#![forbid(unsafe_code)]

use std::sync::Arc;

use super::{Augmented, FieldType, Format, Meta, Timestamp, Value};

/// A decoded reply, compact on its way to its reader (64 bytes, one cache
/// line's worth, instead of an `Augmented<Value>`'s 112): the value, and
/// the metadata of a plain, STS or TIME reply inline and raw; the full
/// [`Meta`] of any other reply (GR, CTRL, STSACK, class name: limits, units,
/// enum strings) boxed. [`into_augmented`](Self::into_augmented) gives
/// exactly the `Augmented` that decoding the same buffer in full gives (a
/// test in `ca`'s DBR decoding checks it).
#[derive(Debug)]
pub(crate) struct CompactReading {
    pub value: Value,
    element_count: usize,
    /// The whole metadata, for the replies that carry more than the rest.
    full: Option<Box<Meta>>,
    /// The TIME stamp as libca sent it: seconds past the EPICS epoch, nsec.
    stamp: (u32, u32),
    status: u16,
    severity: u16,
    datatype: Option<FieldType>,
    format: Format,
    /// 0: plain (no alarm, no stamp); 1: STS (alarm); 2: TIME (alarm, stamp).
    family: u8,
}

/// The metadata of a plain, STS or TIME reply, which a [`CompactReading`]
/// keeps inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InlineMeta {
    /// A plain reply: the value alone.
    Plain,
    /// An STS reply: alarm status and severity.
    Alarm { status: u16, severity: u16 },
    /// A TIME reply: alarm status and severity, and the stamp as libca sent
    /// it (seconds past the EPICS epoch, nanoseconds).
    Time {
        status: u16,
        severity: u16,
        secs: u32,
        nsec: u32,
    },
}

impl CompactReading {
    /// A plain, STS or TIME reply of `datatype` data, from a channel of
    /// `element_count` elements read with `format`.
    #[inline]
    pub(crate) fn inline(
        value: Value,
        datatype: FieldType,
        element_count: usize,
        format: Format,
        meta: InlineMeta,
    ) -> CompactReading {
        let (family, status, severity, stamp) = match meta {
            InlineMeta::Plain => (0, 0, 0, (0, 0)),
            InlineMeta::Alarm { status, severity } => (1, status, severity, (0, 0)),
            InlineMeta::Time {
                status,
                severity,
                secs,
                nsec,
            } => (2, status, severity, (secs, nsec)),
        };
        CompactReading {
            value,
            element_count,
            full: None,
            stamp,
            status,
            severity,
            datatype: Some(datatype),
            format,
            family,
        }
    }

    /// Any other reply, with its whole metadata.
    pub(crate) fn with_meta(value: Value, meta: Meta) -> CompactReading {
        CompactReading {
            value,
            element_count: meta.element_count,
            format: meta.format,
            full: Some(Box::new(meta)),
            stamp: (0, 0),
            status: 0,
            severity: 0,
            datatype: None,
            family: 0,
        }
    }

    /// The value with its metadata, as the caller sees it: read from the
    /// channel called `name`, standing for `update_count` monitor updates
    /// (1 for a read). The metadata is built once, in place: this runs for
    /// every monitor update a caller keeps metadata for.
    #[inline]
    pub(crate) fn into_augmented(self, name: Arc<str>, update_count: u64) -> Augmented<Value> {
        let meta = match self.full {
            Some(meta) => Meta {
                name,
                update_count,
                ..*meta
            },
            None => Meta {
                name,
                datatype: self.datatype,
                element_count: self.element_count,
                format: self.format,
                status: (self.family >= 1).then_some(self.status),
                severity: (self.family >= 1).then_some(self.severity),
                timestamp: (self.family == 2)
                    .then(|| Timestamp::from_epics(self.stamp.0, self.stamp.1)),
                details: None,
                update_count,
            },
        };
        Augmented {
            value: self.value,
            meta,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ca_types::CaError;

    #[test]
    fn a_reading_and_its_update_fit_a_cache_line() {
        assert!(std::mem::size_of::<CompactReading>() <= 64);
        assert!(std::mem::size_of::<Result<CompactReading, Box<CaError>>>() <= 64);
    }

    #[test]
    fn inline_metadata_shows_only_what_the_reply_carried() {
        let reading = |meta| {
            CompactReading::inline(Value::Long(7), FieldType::Long, 1, Format::Time, meta)
                .into_augmented(Arc::default(), 1)
                .meta
        };
        let plain = reading(InlineMeta::Plain);
        assert_eq!((plain.status, plain.timestamp), (None, None));
        let sts = reading(InlineMeta::Alarm {
            status: 3,
            severity: 2,
        });
        assert_eq!(
            (sts.status, sts.severity, sts.timestamp),
            (Some(3), Some(2), None)
        );
        let time = reading(InlineMeta::Time {
            status: 0,
            severity: 0,
            secs: 0,
            nsec: 5,
        });
        assert_eq!(time.timestamp, Some(Timestamp::from_epics(0, 5)));
        assert_eq!((time.update_count, time.element_count), (1, 1));
    }
}
