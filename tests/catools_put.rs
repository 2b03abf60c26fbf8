//! caput against a real softIoc: values read back, waiting for completion,
//! callbacks, access rights and values that do not fit.

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{caget, caput, DataType, ErrorKind, Put, Value};

#[test]
fn put_value_reads_back() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        caput(&ioc.pv("ao"), 4.25).unwrap();
        // A put without wait is only queued: a wait-put behind it on the same
        // channel completes after it.
        Put::new().wait(true).put(&ioc.pv("ao"), 4.5).unwrap();
        assert_eq!(caget::<f64>(&ioc.pv("ao")).unwrap(), 4.5);
    })
}

#[test]
fn string_put_reads_back() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        Put::new()
            .wait(true)
            .put(&ioc.pv("stringout"), "written")
            .unwrap();
        assert_eq!(caget::<String>(&ioc.pv("stringout")).unwrap(), "written");
    })
}

#[test]
fn wait_returns_after_processing_finishes() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let started = Instant::now();
        Put::new().wait(true).put(&ioc.pv("slow.A"), 3.0).unwrap();
        let took = started.elapsed();
        assert!(
            took >= Duration::from_millis(900),
            "returned after {took:?}"
        );
        assert_eq!(caget::<f64>(&ioc.pv("slow:done")).unwrap(), 3.0);
    })
}

#[test]
fn put_to_read_only_pv_is_refused() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let err = Put::new()
            .wait(true)
            .put(&ioc.pv("readonly"), 1.0)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NoWriteAccess, "{err}");
    })
}

#[test]
fn long_string_put_keeps_every_character() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let text = "x".repeat(99) + "END";
        let name = format!("{}.VAL$", ioc.pv("lso"));
        Put::new().wait(true).put(&name, text.as_str()).unwrap();
        assert_eq!(caget::<String>(&name).unwrap(), text);
    })
}

#[test]
fn over_long_dbr_string_is_an_error_before_sending() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let err = Put::new()
            .datatype(DataType::String)
            .put(&ioc.pv("stringout"), "y".repeat(40).as_str())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadString, "{err}");
    })
}

#[test]
fn put_callback_reports_completion_later() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let outcome = Rc::new(RefCell::new(None));
        let seen = Rc::clone(&outcome);
        Put::new()
            .put_with_callback(&ioc.pv("ao"), 2.0, move |result| {
                *seen.borrow_mut() = Some(result)
            })
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        while outcome.borrow().is_none() && Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(5));
        }
        assert_eq!(outcome.borrow_mut().take(), Some(Ok(())));
    })
}

#[test]
fn puts_to_connected_pvs_go_in_list_order() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("longout");
        caget::<f64>(&name).unwrap();
        let names = vec![name.clone(); 50];
        let values: Vec<Value> = (1..=50).map(Value::Long).collect();
        Put::new().wait(true).put_list(&names, values).unwrap();
        assert_eq!(caget::<i32>(&name).unwrap(), 50);
    })
}

#[test]
fn mismatched_value_count_is_an_error() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let err = Put::new()
            .put_list(&[ioc.pv("ao"), ioc.pv("ai")], vec![Value::Double(1.0)])
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadCount, "{err}");
    })
}

#[test]
fn repeated_value_goes_to_every_pv() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("wf:double.DESC"), ioc.pv("wf:long.DESC")];
        Put::new()
            .wait(true)
            .put_repeat(&names, "same text")
            .unwrap();
        let read: Vec<String> = cothread::catools::caget_list(&names).unwrap();
        assert_eq!(read, vec!["same text".to_string(), "same text".to_string()]);
    })
}

#[test]
fn array_put_with_fewer_elements_sets_the_current_length() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("wf:double");
        Put::new()
            .wait(true)
            .put(&name, vec![1.5, 2.5, 3.5])
            .unwrap();
        let read: Vec<f64> = caget(&name).unwrap();
        assert_eq!(read, vec![1.5, 2.5, 3.5]);
    })
}

#[test]
fn a_warm_list_of_puts_gives_each_pv_its_own_result() {
    cothread::scope(|| {
        // Every channel connected first: the puts go out as one batch.
        let ioc = support::shared_ioc();
        let names = [
            ioc.pv("put:ao"),
            ioc.pv("readonly"),
            ioc.pv("stringout"),
            ioc.pv("put:long"),
        ];
        let _: Vec<Value> = cothread::catools::caget_list(&names).unwrap();
        let values = vec![
            Value::Double(2.25),
            Value::Double(1.0),
            Value::String("y".repeat(60)),
            Value::Long(77),
        ];
        let results = Put::new().wait(true).put_each(&names, values);
        assert_eq!(results[0], Ok(()));
        let err = results[1].as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NoWriteAccess, "{err}");
        assert_eq!(err.pv(), names[1]);
        let err = results[2].as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadString, "{err}");
        assert_eq!(results[3], Ok(()));
        assert_eq!(caget::<f64>(&names[0]).unwrap(), 2.25);
        assert_eq!(caget::<i32>(&names[3]).unwrap(), 77);
        // Without wait, the same list is queued at once, each PV on its own.
        let values = vec![
            Value::Double(2.5),
            Value::Double(1.0),
            Value::String("z".repeat(60)),
            Value::Long(78),
        ];
        let results = Put::new().put_each(&names, values);
        assert_eq!(results[0], Ok(()));
        assert_eq!(
            results[2].as_ref().unwrap_err().kind(),
            ErrorKind::BadString
        );
        assert_eq!(results[3], Ok(()));
        Put::new().wait(true).put(&names[0], 2.75).unwrap();
        assert_eq!(caget::<i32>(&names[3]).unwrap(), 78);
    })
}

#[test]
fn a_warm_put_that_outlasts_its_timeout_fails_alone() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("put:slow.A"), ioc.pv("put:timeout")];
        let _: Vec<Value> = cothread::catools::caget_list(&names).unwrap();
        let results = Put::new()
            .wait(true)
            .timeout(Duration::from_millis(300))
            .put_each(&names, vec![Value::Double(4.0), Value::Double(3.25)]);
        let err = results[0].as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
        assert_eq!(results[1], Ok(()));
        assert_eq!(caget::<f64>(&names[1]).unwrap(), 3.25);
    })
}
