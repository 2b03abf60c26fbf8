use std::time::{Duration, Instant};

use super::*;
use crate::ca_types::ErrorKind;
use crate::diagnostics::Diagnostic;

#[test]
fn written_double_reads_back() {
    crate::scope(|| {
        let ao = connect("ao");
        put_wait(&ao, 6.25, DataType::Native).unwrap();
        assert_eq!(get(&ao), Value::Double(6.25));
        put_wait(&ao, -2, DataType::Double).unwrap();
        assert_eq!(get(&ao), Value::Double(-2.0));
    })
}

#[test]
fn written_string_reads_back() {
    crate::scope(|| {
        let so = connect("stringout");
        put_wait(&so, "written", DataType::Native).unwrap();
        assert_eq!(get(&so), Value::String("written".into()));
    })
}

#[test]
fn over_long_dbr_string_is_refused_before_sending() {
    crate::scope(|| {
        let so = connect("stringout");
        put_wait(&so, "before", DataType::Native).unwrap();
        let long = "y".repeat(40);
        let error = put_wait(&so, long.as_str(), DataType::String).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadString);
        assert_eq!(error.call(), "encode put value");
        assert!(error.to_string().contains("at most 39 bytes"), "{error}");
        assert_eq!(get(&so), Value::String("before".into()));
        put_wait(&so, "y".repeat(39).as_str(), DataType::String).unwrap();
    })
}

#[test]
fn long_string_put_as_char_string_keeps_every_character() {
    crate::scope(|| {
        let lso = connect("lso.VAL$");
        // SIZV is 256: 255 characters and the NUL fill it exactly. Without the
        // NUL the record would terminate the string itself and lose the last.
        let text: String = (0..255)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        put_wait(&lso, text.as_str(), DataType::CharStr).unwrap();
        let back = get_with(&lso, DataType::CharStr, Format::Raw, Count::Current).unwrap();
        assert_eq!(back.value, Value::String(text));
        // A name ending in '$' with no datatype means the same.
        let datatype = DataType::resolve(&pv("lso.VAL$"), None, DataType::Native);
        put_wait(&lso, "short", datatype).unwrap();
        let back = get_with(&lso, DataType::CharStr, Format::Raw, Count::Current).unwrap();
        assert_eq!(back.value, Value::String("short".into()));
    })
}

#[test]
fn waveform_reads_honour_count() {
    crate::scope(|| {
        let wf = connect("wf:double");
        put_wait(&wf, vec![1.5, 2.5, 3.5, 4.5, 5.5], DataType::Native).unwrap();
        assert_eq!(get(&wf), Value::DoubleArray(vec![1.5, 2.5, 3.5, 4.5, 5.5]));
        let full = get_with(&wf, DataType::Native, Format::Raw, Count::Full).unwrap();
        assert_eq!(full.value.len(), 10);
        let three = get_with(&wf, DataType::Native, Format::Raw, Count::AtMost(3)).unwrap();
        assert_eq!(three.value, Value::DoubleArray(vec![1.5, 2.5, 3.5]));
        let one = get_with(&wf, DataType::Long, Format::Raw, Count::AtMost(1)).unwrap();
        assert_eq!(
            one.value,
            Value::LongArray(vec![1]),
            "an array PV stays an array"
        );
        let capped = get_with(&wf, DataType::Native, Format::Raw, Count::AtMost(50)).unwrap();
        assert_eq!(capped.value.len(), 10);
    })
}

#[test]
fn typed_waveforms_round_trip() {
    crate::scope(|| {
        let long = connect("wf:long");
        put_wait(&long, vec![-1i32, 0, 70000], DataType::Native).unwrap();
        assert_eq!(get(&long), Value::LongArray(vec![-1, 0, 70000]));
        let strings = connect("wf:string");
        put_wait(&strings, &["one", "two"][..], DataType::Native).unwrap();
        assert_eq!(
            get(&strings),
            Value::StringArray(vec!["one".into(), "two".into()])
        );
        let chars = connect("wf:uchar");
        put_wait(&chars, vec![0u8, 200, 255], DataType::Native).unwrap();
        let bytes = get_with(&chars, DataType::Char, Format::Raw, Count::Current).unwrap();
        assert_eq!(bytes.value, Value::CharArray(vec![0, 200, 255]));
        let float = connect("wf:float");
        put_wait(&float, vec![0.25f64, 8.0], DataType::Float).unwrap();
        assert_eq!(get(&float), Value::FloatArray(vec![0.25, 8.0]));
    })
}

#[test]
fn too_many_elements_are_refused_before_sending() {
    crate::scope(|| {
        let wf = connect("wf:long");
        let error = put_wait(&wf, vec![0i32; 9], DataType::Native).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadCount);
    })
}

#[test]
fn values_out_of_the_types_range_are_refused() {
    crate::scope(|| {
        let error = put_wait(&connect("wf:short"), vec![70000i32], DataType::Short).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NoConvert);
        assert!(
            error.to_string().contains("70000 does not fit DBR_SHORT"),
            "{error}"
        );
    })
}

#[test]
fn enums_are_written_by_index_or_state_string() {
    crate::scope(|| {
        let bo = connect("bo");
        put_wait(&bo, "Open", DataType::Native).unwrap();
        assert_eq!(get(&bo), Value::Enum(1));
        put_wait(&bo, 0u16, DataType::Native).unwrap();
        assert_eq!(get(&bo), Value::Enum(0));
        let error = put_wait(&bo, "Ajar", DataType::Native).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::PutFailed, "{error}");
    })
}

#[test]
fn write_to_readonly_is_no_write_access() {
    crate::scope(|| {
        let readonly = connect("readonly");
        let error = readonly
            .put(&Value::Double(1.0), DataType::Native)
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NoWriteAccess);
        assert_eq!(error.code(), libca_sys::ECA_NOWTACCESS);
        assert_eq!(error.call(), "ca_array_put");
        let error = put_wait(&readonly, 1.0, DataType::Native).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NoWriteAccess);
    })
}

#[test]
fn plain_put_is_sent_on_flush() {
    crate::scope(|| {
        let ao = connect("ao");
        ao.put(&Value::Double(9.5), DataType::Native).unwrap();
        flush_io().unwrap();
        // A get sent after the put on the same circuit is answered after it.
        assert_eq!(get(&ao), Value::Double(9.5));
    })
}

#[test]
fn put_callback_completes_after_processing() {
    crate::scope(|| {
        let slow = connect("slow.PROC");
        let started = Instant::now();
        put_wait(&slow, 1, DataType::Native).unwrap();
        assert!(
            started.elapsed() >= Duration::from_millis(900),
            "completion came after {:?}, before the 1 s processing",
            started.elapsed()
        );
    })
}

#[test]
fn alarm_acknowledge_types_are_written() {
    crate::scope(|| {
        let ai = connect("ai");
        put_wait(&ai, 0, DataType::PutAckt).unwrap();
        let stsack = get_with(&ai, DataType::StsackString, Format::Raw, Count::Current).unwrap();
        assert_eq!(stsack.meta.ackt(), Some(0));
        put_wait(&ai, 1, DataType::PutAckt).unwrap();
        let stsack = get_with(&ai, DataType::StsackString, Format::Raw, Count::Current).unwrap();
        assert_eq!(stsack.meta.ackt(), Some(1));
        put_wait(&ai, 2, DataType::PutAcks).unwrap();
        let error = put_wait(&ai, 7, DataType::PutAcks).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadType);
    })
}

#[test]
fn rejected_plain_put_is_reported_as_a_diagnostic() {
    crate::scope(|| {
        let bo = connect("bo");
        let name = bo.name().to_string();
        bo.put(&Value::from("Ajar"), DataType::Native).unwrap();
        flush_io().unwrap();
        let diagnostic = super::support::diagnostics::wait_for(
            |d| matches!(d, Diagnostic::PutRejected(error) if error.pv() == name),
            WAIT,
        )
        .expect("the server's rejection as a diagnostic");
        let Diagnostic::PutRejected(error) = diagnostic else {
            unreachable!()
        };
        assert_eq!(error.kind(), ErrorKind::PutFailed, "{error}");
        assert_eq!(error.call(), "put");
    })
}
