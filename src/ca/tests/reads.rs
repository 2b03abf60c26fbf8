use super::*;
use crate::ca_types::{ErrorKind, FieldType, Limits};

#[test]
fn native_reads_of_every_scalar_record_type() {
    crate::scope(|| {
        assert_eq!(get(&connect("ai")), Value::Double(3.5));
        assert_eq!(get(&connect("longin")), Value::Long(42));
        assert_eq!(get(&connect("stringin")), Value::String("hello".into()));
        assert_eq!(get(&connect("bi")), Value::Enum(1));
        assert_eq!(get(&connect("mbbi")), Value::Enum(2));
    })
}

#[test]
fn reads_convert_to_the_requested_type() {
    crate::scope(|| {
        let ai = connect("ai");
        let as_string = get_with(&ai, DataType::String, Format::Raw, Count::Current).unwrap();
        assert_eq!(as_string.value, Value::String("3.500".into()));
        let as_long = get_with(&ai, DataType::Long, Format::Raw, Count::Current).unwrap();
        assert_eq!(as_long.value, Value::Long(3));
        assert_eq!(as_long.meta.datatype, Some(FieldType::Long));
        let mbbi = connect("mbbi");
        let state = get_with(&mbbi, DataType::String, Format::Raw, Count::Current).unwrap();
        assert_eq!(state.value, Value::String("Two".into()));
    })
}

#[test]
fn ctrl_read_of_longout_has_all_eight_limits() {
    crate::scope(|| {
        let reading = get_with(
            &connect("longout"),
            DataType::Native,
            Format::Ctrl,
            Count::Current,
        )
        .unwrap();
        assert_eq!(reading.value, Value::Long(7));
        assert_eq!(reading.meta.units(), Some("steps"));
        assert_eq!(
            reading.meta.limits().copied(),
            Some(Limits {
                upper_disp_limit: 1000.0,
                lower_disp_limit: -1000.0,
                upper_alarm_limit: 900.0,
                upper_warning_limit: 800.0,
                lower_warning_limit: -800.0,
                lower_alarm_limit: -900.0,
                upper_ctrl_limit: 950.0,
                lower_ctrl_limit: -950.0,
            })
        );
        assert_eq!(reading.meta.severity, Some(0));
        assert_eq!(reading.meta.precision(), None);
    })
}

#[test]
fn ctrl_read_of_a_double_has_precision_and_units() {
    crate::scope(|| {
        let mut reading = get_with(
            &connect("ai"),
            DataType::Native,
            Format::Ctrl,
            Count::Current,
        )
        .unwrap();
        assert_eq!(reading.meta.precision(), Some(3));
        assert_eq!(reading.meta.units(), Some("mm"));
        let limits = reading.meta.limits().copied().unwrap();
        assert_eq!(
            (limits.upper_alarm_limit, limits.lower_warning_limit),
            (90.0, -80.0)
        );
        // Decoding leaves the name to catools, which fills it in only for callers
        // that keep the metadata.
        assert_eq!(&*reading.meta.name, "");
        reading.meta.name = pv("ai").into();
        assert_eq!(reading.to_string(), format!("{} 3.500", pv("ai")));
    })
}

#[test]
fn ctrl_read_of_an_enum_has_its_state_strings() {
    crate::scope(|| {
        let reading = get_with(
            &connect("mbbi"),
            DataType::Native,
            Format::Ctrl,
            Count::Current,
        )
        .unwrap();
        assert_eq!(reading.value, Value::Enum(2));
        assert_eq!(
            reading.meta.enums(),
            Some(
                &[
                    "Zero".to_string(),
                    "One".into(),
                    "Two".into(),
                    "Three".into()
                ][..]
            )
        );
        let enum_str = get_with(
            &connect("mbbi"),
            DataType::EnumStr,
            Format::Raw,
            Count::Current,
        )
        .unwrap();
        assert_eq!(enum_str.value, Value::String("Two".into()));
        let not_enum = get_with(
            &connect("ai"),
            DataType::EnumStr,
            Format::Raw,
            Count::Current,
        )
        .unwrap();
        assert_eq!(not_enum.value, Value::Double(3.5));
    })
}

#[test]
fn ctrl_read_of_a_string_returns_time_data() {
    crate::scope(|| {
        let reading = get_with(
            &connect("stringin"),
            DataType::Native,
            Format::Ctrl,
            Count::Current,
        )
        .unwrap();
        assert_eq!(reading.value, Value::String("hello".into()));
        assert!(reading.meta.timestamp.is_some());
        assert_eq!(reading.meta.units(), None);
        assert_eq!(
            reading.meta.details, None,
            "a TIME reply carries no details"
        );
    })
}

#[test]
fn time_read_stamps_in_the_unix_epoch() {
    crate::scope(|| {
        let reading = get_with(
            &connect("counter"),
            DataType::Native,
            Format::Time,
            Count::Current,
        )
        .unwrap();
        let stamp = reading.meta.timestamp.expect("TIME data has a stamp");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs_f64();
        assert!(
            (stamp.as_secs_f64() - now).abs() < 5.0,
            "stamp {stamp} vs now {now}"
        );
        assert!(stamp.nsec < 1_000_000_000);
        assert_eq!(reading.meta.severity, Some(0));
        assert_eq!(reading.meta.limits(), None);
    })
}

#[test]
fn stsack_and_class_name_reads() {
    crate::scope(|| {
        let ai = connect("ai");
        let stsack = get_with(&ai, DataType::StsackString, Format::Raw, Count::Current).unwrap();
        assert_eq!(stsack.value, Value::String("3.500".into()));
        assert!(stsack.meta.ackt().is_some() && stsack.meta.acks().is_some());
        let class = get_with(&ai, DataType::ClassName, Format::Time, Count::Current).unwrap();
        assert_eq!(class.value, Value::String("ai".into()));
    })
}

#[test]
fn long_string_reads_as_char_string() {
    crate::scope(|| {
        let reading = get_with(
            &connect("lsi.VAL$"),
            DataType::CharStr,
            Format::Raw,
            Count::Current,
        )
        .unwrap();
        assert_eq!(
            reading.value,
            Value::String(
                "a long string that is well over forty characters, the limit of DBR_STRING".into()
            )
        );
        assert_eq!(reading.meta.datatype, Some(FieldType::String));
    })
}

#[test]
fn empty_waveform_reads_as_an_empty_array() {
    crate::scope(|| {
        // wf:short is never written by any test: its current length is 0.
        let reading = get_with(
            &connect("wf:short"),
            DataType::Native,
            Format::Time,
            Count::Current,
        )
        .unwrap();
        assert_eq!(reading.value, Value::ShortArray(vec![]));
        assert_eq!(reading.meta.element_count, 8);
    })
}

#[test]
fn no_read_access_is_refused() {
    crate::scope(|| {
        let channel = connect("noaccess");
        let error = get_with(&channel, DataType::Native, Format::Raw, Count::Current).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NoReadAccess);
        assert_eq!(
            error.to_string(),
            format!("{}: Read access denied", pv("noaccess"))
        );
    })
}

#[test]
fn put_only_types_cannot_be_read() {
    crate::scope(|| {
        let error = get_with(
            &connect("ai"),
            DataType::PutAckt,
            Format::Raw,
            Count::Current,
        )
        .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadType);
    })
}

#[test]
fn abandoned_get_completes_harmlessly() {
    crate::scope(|| {
        let ai = connect("ai");
        for _ in 0..20 {
            let (tx, rx) = std::sync::mpsc::channel::<Result<Augmented<Value>, CaError>>();
            ai.get(ReadRequest::default(), move |result| {
                let _ = tx.send(result);
            })
            .unwrap();
            drop(rx); // the caller timed out and went away
        }
        flush_io().unwrap();
        // The late callbacks found their closures intact; the channel still works.
        assert_eq!(get(&ai), Value::Double(3.5));
    })
}

#[test]
fn native_waveform_reads_keep_their_element_type() {
    crate::scope(|| {
        let chars = connect("wf:char");
        put_wait(&chars, vec![1u8, 2, 3], DataType::Native).unwrap();
        assert_eq!(get(&chars), Value::CharArray(vec![1, 2, 3]));
        let reading = get_with(&chars, DataType::Native, Format::Ctrl, Count::Current).unwrap();
        assert_eq!(reading.meta.datatype, Some(FieldType::Char));
        assert!(reading.meta.limits().is_some());
    })
}
