//! `Channels`, the prepared PV list, against a real softIoc: reads in list
//! order on first use (connecting) and warm (one batch), each PV's own
//! result, metadata and names, puts and subscriptions through the list, and
//! a warm read that times out leaving its late replies counted, not stored;
//! and a plain `caget` of a warm list, which takes the same batch path.

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{
    caget, Augmented, CaError, Channels, DataType, ErrorKind, Format, FromValue, Get, Monitor, Put,
    TypeMismatch, Value,
};
use cothread::diagnostics;

/// Generous: the machine may be loaded.
const WAIT: Duration = Duration::from_secs(10);

#[test]
fn a_new_list_reads_in_list_order_then_again_warm() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let channels = Channels::new(&[ioc.pv("ai"), ioc.pv("longin"), ioc.pv("ai")]).unwrap();
        assert_eq!(channels.len(), 3);
        let get = Get::new().timeout(WAIT);
        // First use waits for the connections (by name); later ones are warm.
        for _ in 0..3 {
            let values: Vec<f64> = channels.get(&get).unwrap();
            assert_eq!(values, vec![3.5, 42.0, 3.5]);
        }
    })
}

#[test]
fn names_are_kept_in_order() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("longin"), ioc.pv("ai")];
        let channels = Channels::new(&names).unwrap();
        assert!(channels.names().eq(names.iter().map(String::as_str)));
        assert!(!channels.is_empty());
    })
}

#[test]
fn a_bad_name_refuses_the_whole_list() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let err = Channels::new(&[ioc.pv("ai"), String::new()]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadString, "{err}");
    })
}

#[test]
fn get_each_gives_each_pv_its_own_result_when_warm() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let channels = Channels::new(&[ioc.pv("ai"), ioc.pv("stringin")]).unwrap();
        let get = Get::new().timeout(WAIT);
        let _: Vec<Result<Value, CaError>> = channels.get_each(&get); // connects
        let results: Vec<Result<f64, CaError>> = channels.get_each(&get);
        assert_eq!(results[0], Ok(3.5));
        let err = results[1].as_ref().unwrap_err();
        assert_eq!(err.pv(), ioc.pv("stringin"), "{err}");
        // The throwing form stops at that error.
        let err = channels.get::<f64>(&get).unwrap_err();
        assert_eq!(err.pv(), ioc.pv("stringin"), "{err}");
    })
}

#[test]
fn a_warm_value_that_does_not_fit_the_type_is_its_pvs_error() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("ai"), ioc.pv("longin")];
        let channels = Channels::new(&names).unwrap();
        let get = Get::new().timeout(WAIT);
        let _: Vec<f64> = channels.get(&get).unwrap(); // connects
                                                       // Asked for as text, the values arrive as strings, which f64 refuses and
                                                       // String and Value take.
        let as_text = get.datatype(DataType::String);
        let results: Vec<Result<f64, CaError>> = channels.get_each(&as_text);
        for (result, name) in results.iter().zip(&names) {
            let err = result.as_ref().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::NoConvert, "{err}");
            assert_eq!(err.pv(), name, "{err}");
        }
        let err = channels.get::<f64>(&as_text).unwrap_err();
        assert_eq!(err.pv(), names[0], "{err}");
        let texts: Vec<String> = channels.get(&as_text).unwrap();
        assert_eq!(texts[1], "42");
        let values: Vec<Value> = channels.get(&as_text).unwrap();
        assert_eq!(values[1], Value::String("42".into()));
    })
}

/// A reader's own type, and one that must stay on its thread (`Rc`): reads
/// convert it on the caller's thread, never on libca's.
#[derive(Debug, PartialEq)]
struct Shared(Rc<f64>);

impl FromValue for Shared {
    fn requested_type() -> DataType {
        DataType::Double
    }
    fn from_value(value: Value) -> Result<Shared, TypeMismatch> {
        f64::from_value(value).map(|v| Shared(Rc::new(v)))
    }
}

#[test]
fn a_warm_list_reads_into_a_users_own_type_that_stays_on_its_thread() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let channels = Channels::new(&[ioc.pv("ai"), ioc.pv("longin")]).unwrap();
        let get = Get::new().timeout(WAIT);
        for _ in 0..2 {
            // cold (connecting), then warm (one batch)
            let values: Vec<Shared> = channels.get(&get).unwrap();
            assert_eq!(values, vec![Shared(Rc::new(3.5)), Shared(Rc::new(42.0))]);
        }
    })
}

#[test]
fn warm_augmented_readings_carry_names_and_metadata() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("ai"), ioc.pv("longin")];
        let channels = Channels::new(&names).unwrap();
        let get = Get::new().timeout(WAIT).format(Format::Time);
        for _ in 0..2 {
            let readings: Vec<Augmented<f64>> = channels.get(&get).unwrap();
            let got: Vec<&str> = readings.iter().map(Augmented::name).collect();
            assert_eq!(got, names);
            assert!(readings.iter().all(|r| r.meta.timestamp.is_some()));
            assert_eq!(readings[1].value, 42.0);
        }
    })
}

#[test]
fn puts_through_the_list_reach_each_pv() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let names = [ioc.pv("stringout.DESC"), ioc.pv("lso.DESC")];
        let channels = Channels::new(&names).unwrap();
        let put = Put::new().wait(true).timeout(WAIT);
        let values = vec![Value::from("first"), Value::from("second")];
        channels.put(&put, values).unwrap();
        let got: Vec<String> = channels.get(&Get::new().timeout(WAIT)).unwrap();
        assert_eq!(got, vec!["first", "second"]);
        let results = channels.put_each(&put, vec![Value::from("a"), Value::from("b")]);
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert_eq!(caget::<String>(&names[1]).unwrap(), "b");
    })
}

#[test]
fn subscriptions_through_the_list_know_their_index() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let channels = Channels::new(&[ioc.pv("ai"), ioc.pv("longin")]).unwrap();
        let seen = Rc::new(RefCell::new(Vec::new()));
        let log = Rc::clone(&seen);
        let subscriptions = channels
            .subscribe(
                &Monitor::new(),
                move |update: Result<f64, CaError>, index| {
                    log.borrow_mut().push((index, update.unwrap()));
                },
            )
            .unwrap();
        let deadline = Instant::now() + WAIT;
        while seen.borrow().len() < 2 && Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(10));
        }
        let mut got = seen.borrow().clone();
        got.sort_by_key(|a| a.0);
        assert_eq!(got, vec![(0, 3.5), (1, 42.0)]);
        drop(subscriptions);
    })
}

#[test]
fn a_warm_read_that_times_out_counts_its_late_replies() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let channels = Channels::new(&[ioc.pv("ai"), ioc.pv("longin")]).unwrap();
        channels.get::<f64>(&Get::new().timeout(WAIT)).unwrap(); // connected
                                                                 // A zero timeout still lets a reply in that is already there when the
                                                                 // caller looks (the IOC is local and fast), so read until some did time
                                                                 // out; every one that did must have its reply counted as late.
        let mut timed_out = 0;
        for _ in 0..50 {
            let before = diagnostics::late_replies();
            let results = channels.get_each::<f64>(&Get::new().timeout(Duration::ZERO));
            let missed = results.iter().filter(|result| result.is_err()).count() as u64;
            for result in &results {
                if let Err(err) = result {
                    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
                }
            }
            let deadline = Instant::now() + WAIT;
            while diagnostics::late_replies() < before + missed && Instant::now() < deadline {
                cothread::sleep(Duration::from_millis(10));
            }
            assert!(
                diagnostics::late_replies() >= before + missed,
                "{missed} timed out, late replies {before} -> {}",
                diagnostics::late_replies()
            );
            timed_out += missed;
            if timed_out >= 2 {
                break;
            }
        }
        assert!(timed_out >= 2, "no zero-timeout read of the list timed out");
        // And the list reads on as before.
        let values: Vec<f64> = channels.get(&Get::new().timeout(WAIT)).unwrap();
        assert_eq!(values, vec![3.5, 42.0]);
    })
}

#[test]
fn a_plain_caget_list_reads_the_same_cold_and_warm() {
    cothread::scope(|| {
        // A list whose channels are all connected goes out as one batch too.
        let ioc = support::shared_ioc();
        let names = [ioc.pv("longin"), ioc.pv("ai"), ioc.pv("stringin")];
        let get = Get::new().timeout(WAIT);
        let cold: Vec<Value> = get.get_list(&names).unwrap();
        let warm: Vec<Value> = get.get_list(&names).unwrap();
        assert_eq!(cold, warm);
        assert_eq!(warm[1], Value::Double(3.5));
        let each: Vec<Result<f64, CaError>> = get.get_each(&names);
        assert_eq!(each[0], Ok(42.0));
        assert_eq!(each[2].as_ref().unwrap_err().pv(), ioc.pv("stringin"));
    })
}

#[test]
fn an_empty_list_reads_nothing_at_once() {
    cothread::scope(|| {
        let channels = Channels::new::<&str>(&[]).unwrap();
        assert!(channels.is_empty());
        let values: Vec<f64> = channels.get(&Get::new()).unwrap();
        assert!(values.is_empty());
    })
}

#[test]
fn warm_reads_from_many_threads_some_abandoned_all_stay_correct() {
    cothread::scope(|| {
        // Batches given up at once race their replies; the rest must be whole.
        let ioc = support::shared_ioc();
        let names: Vec<String> = (0..50)
            .map(|i| ioc.pv(if i % 2 == 0 { "ai" } else { "longin" }))
            .collect();
        let threads: Vec<_> = (0..4)
            .map(|thread| {
                let names = names.clone();
                std::thread::spawn(move || {
                    let channels = Channels::new(&names).unwrap();
                    channels.get::<f64>(&Get::new().timeout(WAIT)).unwrap();
                    for round in 0..100 {
                        let timeout = if (round + thread) % 3 == 0 {
                            Duration::ZERO
                        } else {
                            WAIT
                        };
                        for (i, result) in channels
                            .get_each::<f64>(&Get::new().timeout(timeout))
                            .into_iter()
                            .enumerate()
                        {
                            match result {
                                Ok(value) => assert_eq!(value, if i % 2 == 0 { 3.5 } else { 42.0 }),
                                Err(err) => {
                                    assert_eq!(timeout, Duration::ZERO, "{err}");
                                    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
                                }
                            }
                        }
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
    })
}
