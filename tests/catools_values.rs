//! The public value, option and error types, as a user of the crate sees
//! them (no IOC needed).

use cothread::catools::{
    Augmented, Count, DataType, FromValue, Meta, Timestamp, Value, DBE_ALARM, DBE_VALUE,
};

#[test]
fn typed_reads_convert_from_dynamic_values() {
    cothread::scope(|| {
        let mut meta = Meta::default();
        meta.name = "X:wf".into();
        meta.element_count = 3;
        let reading = Augmented {
            value: Value::LongArray(vec![1, 2, 3]),
            meta,
        };
        let doubles = reading.clone().convert::<Vec<f64>>().unwrap();
        assert_eq!(*doubles, vec![1.0, 2.0, 3.0]);
        assert_eq!(doubles.name(), "X:wf");
        let error = reading.convert::<f64>().unwrap_err().into_ca_error("X:wf");
        assert_eq!(
        error.to_string(),
        "X:wf: No reasonable data conversion between client and server types (expected f64, got a long array value)"
    );
    })
}

#[test]
fn each_rust_type_names_the_dbr_type_it_requests() {
    cothread::scope(|| {
        assert_eq!(f64::requested_type(), DataType::Double);
        assert_eq!(i32::requested_type(), DataType::Long);
        assert_eq!(String::requested_type(), DataType::String);
        assert_eq!(Vec::<i16>::requested_type(), DataType::Short);
        assert_eq!(Value::requested_type(), DataType::Native);
    })
}

#[test]
fn put_values_come_from_rust_values() {
    cothread::scope(|| {
        assert_eq!(Value::from(1.5), Value::Double(1.5));
        assert_eq!(Value::from("Open"), Value::String("Open".into()));
        assert_eq!(Value::from(&[1i32, 2][..]), Value::LongArray(vec![1, 2]));
        assert_eq!(Value::from(vec![0u8, 1]).len(), 2);
    })
}

#[test]
fn options_are_reachable_from_the_public_path() {
    cothread::scope(|| {
        assert_eq!(Count::default(), Count::Current);
        assert_eq!((DBE_VALUE | DBE_ALARM).bits(), 1 | 4);
        assert_eq!(Timestamp::from_epics(1, 0).secs, 631_152_001);
    })
}

/// Set by the test below in the children it starts: the zone's expected text.
const LOCAL_TIME_CHILD: &str = "COTHREAD_TEST_LOCAL_TIME_EXPECT";

#[test]
fn timestamps_display_in_the_local_time_zone() {
    cothread::scope(|| {
        let stamp = Timestamp {
            secs: 1_700_000_000, // 2023-11-14 22:13:20 UTC
            nsec: 123_456_789,
        };
        if let Ok(expected) = std::env::var(LOCAL_TIME_CHILD) {
            // A child, whose TZ was set before anything read it.
            assert_eq!(stamp.to_string(), expected);
            return;
        }
        // POSIX TZ strings (no zone files needed); the offset is west of UTC.
        for (tz, expected) in [
            ("UTC0", "2023-11-14 22:13:20.123457"),
            ("XST-05:30", "2023-11-15 03:43:20.123457"),
            ("YST10", "2023-11-14 12:13:20.123457"),
        ] {
            let output = std::process::Command::new(std::env::current_exe().unwrap())
                .args([
                    "timestamps_display_in_the_local_time_zone",
                    "--exact",
                    "--test-threads=1",
                ])
                .env("TZ", tz)
                .env(LOCAL_TIME_CHILD, expected)
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert!(output.status.success(), "TZ={tz}: {output:?}");
            assert!(stdout.contains("1 passed"), "TZ={tz}: {stdout}");
        }
        assert_eq!(Timestamp::from_epics(0, 0).to_string(), "<undefined>");
        // Microseconds round, but never into the next second.
        let late = Timestamp {
            secs: 1_700_000_000,
            nsec: 999_999_900,
        };
        assert!(late.to_string().ends_with(":20.999999"), "{late}");
    })
}

#[test]
fn wide_integers_become_values_without_rounding() {
    cothread::scope(|| {
        assert_eq!(Value::from(5i64), Value::Long(5));
        assert_eq!(Value::from(1u64 << 40), Value::Double((1u64 << 40) as f64));
        assert_eq!(
            Value::from(9_007_199_254_740_993i64),
            Value::String("9007199254740993".into())
        );
        assert_eq!(
            Value::from(u64::MAX),
            Value::String("18446744073709551615".into())
        );
        assert_eq!(Value::from(vec![1i64, 2]), Value::LongArray(vec![1, 2]));
        assert_eq!(
            Value::from(vec![1i64, 1 << 40]),
            Value::DoubleArray(vec![1.0, (1u64 << 40) as f64])
        );
        assert_eq!(
            Value::from(&[1i64, i64::MAX][..]),
            Value::StringArray(vec!["1".into(), i64::MAX.to_string()])
        );
        assert_eq!(Value::from(true), Value::Enum(1));
        assert_eq!(Value::from(vec![false, true]), Value::EnumArray(vec![0, 1]));
    })
}
