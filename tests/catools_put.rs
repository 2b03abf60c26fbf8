//! caput against a real softIoc: values read back, waiting for completion,
//! callbacks, access rights and values that do not fit.

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{caget, caput, DataType, ErrorKind, Put, Value};

#[test]
fn put_value_reads_back() {
    let ioc = support::shared_ioc();
    caput(&ioc.pv("ao"), 4.25).unwrap();
    // A put without wait is only queued: a wait-put behind it on the same
    // channel completes after it.
    Put::new().wait(true).put(&ioc.pv("ao"), 4.5).unwrap();
    assert_eq!(caget::<f64>(&ioc.pv("ao")).unwrap(), 4.5);
}

#[test]
fn string_put_reads_back() {
    let ioc = support::shared_ioc();
    Put::new()
        .wait(true)
        .put(&ioc.pv("stringout"), "written")
        .unwrap();
    assert_eq!(caget::<String>(&ioc.pv("stringout")).unwrap(), "written");
}

#[test]
fn wait_returns_after_processing_finishes() {
    let ioc = support::shared_ioc();
    let started = Instant::now();
    Put::new().wait(true).put(&ioc.pv("slow.A"), 3.0).unwrap();
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(900),
        "returned after {took:?}"
    );
    assert_eq!(caget::<f64>(&ioc.pv("slow:done")).unwrap(), 3.0);
}

#[test]
fn put_to_read_only_pv_is_refused() {
    let ioc = support::shared_ioc();
    let err = Put::new()
        .wait(true)
        .put(&ioc.pv("readonly"), 1.0)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NoWriteAccess, "{err}");
}

#[test]
fn long_string_put_keeps_every_character() {
    let ioc = support::shared_ioc();
    let text = "x".repeat(99) + "END";
    let name = format!("{}.VAL$", ioc.pv("lso"));
    Put::new().wait(true).put(&name, text.as_str()).unwrap();
    assert_eq!(caget::<String>(&name).unwrap(), text);
}

#[test]
fn over_long_dbr_string_is_an_error_before_sending() {
    let ioc = support::shared_ioc();
    let err = Put::new()
        .datatype(DataType::String)
        .put(&ioc.pv("stringout"), "y".repeat(40).as_str())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadString, "{err}");
}

#[test]
fn put_callback_reports_completion_later() {
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
}

#[test]
fn puts_to_connected_pvs_go_in_list_order() {
    let ioc = support::shared_ioc();
    let name = ioc.pv("longout");
    caget::<f64>(&name).unwrap();
    let names = vec![name.clone(); 50];
    let values: Vec<Value> = (1..=50).map(Value::Long).collect();
    Put::new().wait(true).put_list(&names, values).unwrap();
    assert_eq!(caget::<i32>(&name).unwrap(), 50);
}

#[test]
fn mismatched_value_count_is_an_error() {
    let ioc = support::shared_ioc();
    let err = Put::new()
        .put_list(&[ioc.pv("ao"), ioc.pv("ai")], vec![Value::Double(1.0)])
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BadCount, "{err}");
}

#[test]
fn repeated_value_goes_to_every_pv() {
    let ioc = support::shared_ioc();
    let names = [ioc.pv("wf:double.DESC"), ioc.pv("wf:long.DESC")];
    Put::new()
        .wait(true)
        .put_repeat(&names, "same text")
        .unwrap();
    let read: Vec<String> = cothread::catools::caget_list(&names).unwrap();
    assert_eq!(read, vec!["same text".to_string(), "same text".to_string()]);
}

#[test]
fn array_put_with_fewer_elements_sets_the_current_length() {
    let ioc = support::shared_ioc();
    let name = ioc.pv("wf:double");
    Put::new()
        .wait(true)
        .put(&name, vec![1.5, 2.5, 3.5])
        .unwrap();
    let read: Vec<f64> = caget(&name).unwrap();
    assert_eq!(read, vec![1.5, 2.5, 3.5]);
}
