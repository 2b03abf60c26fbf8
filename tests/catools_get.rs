//! caget against a real softIoc: typed and dynamic reads, formats, lists in
//! parallel, and the errors of PVs that cannot be read.

mod support;

use std::time::{Duration, Instant};

use cothread::catools::{
    caget, caget_list, Augmented, CaError, Count, DataType, ErrorKind, Format, Get, Value,
};

#[test]
fn caget_reads_a_double_as_f64() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let value: f64 = caget(&ioc.pv("ai")).unwrap();
        assert_eq!(value, 3.5);
    })
}

#[test]
fn caget_reads_native_type_with_metadata() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let reading: Augmented = Get::new()
            .format(Format::Ctrl)
            .get(&ioc.pv("longout"))
            .unwrap();
        assert_eq!(reading.value, Value::Long(7));
        assert_eq!(reading.name(), ioc.pv("longout"));
        assert_eq!(reading.meta.units(), Some("steps"));
        let limits = reading
            .meta
            .limits()
            .copied()
            .expect("CTRL read has limits");
        assert_eq!(limits.upper_disp_limit, 1000.0);
        assert_eq!(limits.lower_ctrl_limit, -950.0);
    })
}

#[test]
fn caget_of_a_string_record() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let value: String = caget(&ioc.pv("stringin")).unwrap();
        assert_eq!(value, "hello");
    })
}

#[test]
fn augmented_list_readings_carry_their_names() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("ai"), ioc.pv("longin")];
        let readings: Vec<Augmented<f64>> = caget_list(&names).unwrap();
        let got: Vec<&str> = readings.iter().map(Augmented::name).collect();
        assert_eq!(got, names);
    })
}

#[test]
fn caget_list_reads_in_list_order() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("ai"), ioc.pv("longin"), ioc.pv("ai")];
        let values: Vec<f64> = caget_list(&names).unwrap();
        assert_eq!(values, vec![3.5, 42.0, 3.5]);
    })
}

#[test]
fn a_cold_caget_list_returns_values_without_spare_capacity() {
    cothread::scope(|| {
        // Names no other test of this file reads, so the read is a cold one
        // (by name, waiting for the connections).
        let ioc = support::shared_ioc();
        let names = [ioc.pv("bi"), ioc.pv("bo"), ioc.pv("mbbi")];
        let values: Vec<f64> = caget_list(&names).unwrap();
        assert_eq!(values.len(), names.len());
        // The values' own buffer, not the larger results' buffer reused.
        assert_eq!(values.capacity(), values.len());
    })
}

#[test]
fn missing_pv_is_not_found_within_the_timeout_with_libcas_code() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let started = Instant::now();
        let err: CaError = Get::new()
            .timeout(Duration::from_millis(300))
            .get::<f64>(&ioc.pv("missing"))
            .unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert_eq!(err.code(), libca_sys::ECA_TIMEOUT);
        assert_eq!(
            err.message(),
            "User specified timeout on IO operation expired"
        );
        assert!(err.to_string().contains("PV not found"), "{err}");
    })
}

#[test]
fn throw_false_gives_each_pv_its_own_result() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("ai"), ioc.pv("missing2"), ioc.pv("longin")];
        let results = Get::new()
            .timeout(Duration::from_millis(300))
            .get_each::<f64, _>(&names);
        assert_eq!(results[0].as_ref().unwrap(), &3.5);
        assert!(results[1].is_err());
        assert_eq!(results[2].as_ref().unwrap(), &42.0);
    })
}

#[test]
fn a_list_of_connected_new_missing_and_bad_names_gives_each_its_own_result_in_order() {
    cothread::scope(|| {
        // The connected channels' reads go out as one batch, the others wait for
        // their connections (or fail): each result must still land at its name.
        let ioc = support::shared_ioc();
        let _: Vec<f64> = caget_list(&[ioc.pv("ai"), ioc.pv("longin")]).unwrap();
        let names = [
            ioc.pv("ai"),
            String::new(),
            ioc.pv("ao"),
            ioc.pv("missing3"),
            ioc.pv("longin"),
            ioc.pv("mbbo"),
        ];
        let results = Get::new()
            .timeout(Duration::from_secs(2))
            .get_each::<Augmented<f64>, _>(&names);
        assert_eq!(results.len(), names.len());
        let reading = |index: usize| results[index].as_ref().unwrap();
        assert_eq!((reading(0).value, reading(0).name()), (3.5, &*names[0]));
        assert_eq!(
            results[1].as_ref().unwrap_err().kind(),
            ErrorKind::BadString
        );
        assert_eq!((reading(2).value, reading(2).name()), (1.25, &*names[2]));
        assert_eq!(results[3].as_ref().unwrap_err().kind(), ErrorKind::NotFound);
        assert_eq!((reading(4).value, reading(4).name()), (42.0, &*names[4]));
        assert_eq!(reading(5).name(), names[5]);
    })
}

#[test]
fn a_list_of_many_batches_reads_every_name_in_order() {
    cothread::scope(|| {
        // 20,000 reads of two connected channels: ten of the batches a list
        // read sends its connected channels' reads in, each taken as it is
        // done, no more than two of them in flight to the one server (the
        // next goes when one is done). The empty name at the end keeps the list
        // off the warm path (all channels connected), which reads it as one
        // batch.
        let ioc = support::shared_ioc();
        let pair = [ioc.pv("ai"), ioc.pv("longin")];
        let _: Vec<f64> = caget_list(&pair).unwrap();
        let mut names: Vec<&str> = (0..20_000).map(|i| pair[i % 2].as_str()).collect();
        names.push("");
        let mut results = Get::new()
            .timeout(Duration::from_secs(30))
            .get_each::<f64, _>(&names);
        let last = results.pop().expect("one result per name");
        assert_eq!(last.unwrap_err().kind(), ErrorKind::BadString);
        let misplaced = results
            .into_iter()
            .enumerate()
            .filter(|(i, result)| result.as_ref().ok() != Some(&[3.5, 42.0][i % 2]))
            .count();
        assert_eq!(misplaced, 0, "reads without their value in place");
    })
}

#[test]
fn long_string_reads_through_dollar_name() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let value: String = caget(&format!("{}.VAL$", ioc.pv("lsi"))).unwrap();
        assert!(
            value.starts_with("a long string that is well over forty characters"),
            "{value}"
        );
        // The same field asked for explicitly as a char array read as a string.
        let value: String = Get::new()
            .datatype(DataType::CharStr)
            .count(Count::Full)
            .get(&format!("{}.VAL$", ioc.pv("lsi")))
            .unwrap();
        assert!(value.ends_with("the limit of DBR_STRING"), "{value}");
    })
}

#[test]
fn empty_and_over_long_names_are_errors_not_hangs() {
    cothread::scope(|| {
        let started = Instant::now();
        let err = caget::<f64>("").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadString, "{err}");
        let err = caget::<f64>(&"x".repeat(5000)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadString, "{err}");
        assert!(started.elapsed() < Duration::from_secs(1));
    })
}

#[test]
fn asking_for_the_wrong_rust_type_is_a_clear_error() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let err = caget::<Vec<String>>(&ioc.pv("wf:double")).map(drop);
        // The server converts doubles to strings, so that works; a scalar type for
        // an array channel does not.
        assert!(err.is_ok());
        let err = caget::<f64>(&ioc.pv("wf:double")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NoConvert, "{err}");
    })
}
