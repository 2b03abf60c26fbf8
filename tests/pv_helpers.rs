//! The PV helpers (`cothread::pv`) against a real softIoc.
//!
//! Each test owns its records (extra records of this binary's IOC), so the
//! tests, which run in parallel threads, never see each other's puts.

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use cothread::catools::{caget, caput, ErrorKind, Format, Put};
use cothread::pv::{Pv, PvArray};
use support::{use_ioc_for_client, Ioc, IocOptions};

const WAIT: Duration = Duration::from_secs(5);

/// A longout and an ao for each test, named `<prefix>pv:<test>:long` and
/// `...:double`; the longout alarms (MINOR) above 800.
const TESTS: [&str; 12] = [
    "latest", "initial", "next", "update", "close", "drop", "caput", "array", "missing", "rows",
    "arrput", "arrupd",
];

fn ioc() -> &'static Ioc {
    static IOC: OnceLock<Ioc> = OnceLock::new();
    IOC.get_or_init(|| {
        let mut extra = String::new();
        for test in TESTS {
            extra.push_str(&format!(
                "record(longout, \"$(P)pv:{test}:long\") {{ field(HIGH, \"800\") field(HSV, \"MINOR\") }}\n\
                 record(ao, \"$(P)pv:{test}:double\") {{ field(PREC, \"2\") }}\n\
                 record(waveform, \"$(P)pv:{test}:wf\") {{ field(FTVL, \"DOUBLE\") field(NELM, \"4\") }}\n"
            ));
        }
        let ioc = Ioc::start_with(IocOptions {
            extra_records: extra,
            ..IocOptions::default()
        });
        use_ioc_for_client(&ioc);
        ioc
    })
}

fn pv(test: &str, kind: &str) -> String {
    assert!(TESTS.contains(&test), "no records for test {test}");
    ioc().pv(&format!("pv:{test}:{kind}"))
}

fn put_wait(name: &str, value: impl Into<cothread::catools::Value>) {
    Put::new().wait(true).put(name, value).unwrap();
}

/// Runs the scheduler until `done()` or 5 s.
fn wait_until(mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !done() && Instant::now() < deadline {
        cothread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn pv_holds_the_latest_monitored_value() {
    cothread::scope(|| {
        let name = pv("latest", "long");
        put_wait(&name, 5);
        let pv: Pv<i32> = Pv::new(&name).unwrap();
        pv.sync(WAIT).unwrap();
        assert_eq!(pv.get().unwrap().value, 5);
        put_wait(&name, 6);
        wait_until(|| pv.value() == Some(6));
        assert_eq!(pv.get().unwrap().value, 6);
        assert_eq!(pv.get().unwrap().name(), name);
    })
}

#[test]
fn initial_value_stands_until_the_first_update() {
    cothread::scope(|| {
        let name = pv("initial", "long");
        put_wait(&name, 9);
        let pv = Pv::<i32>::options().initial_value(-1).open(&name).unwrap();
        // Opening never suspends, so no update can have arrived yet.
        assert_eq!(pv.get().unwrap().value, -1);
        pv.sync(WAIT).unwrap();
        assert_eq!(pv.get().unwrap().value, 9);
    })
}

#[test]
fn get_waits_for_the_first_update_until_the_initial_timeout() {
    cothread::scope(|| {
        let name = pv("initial", "double");
        put_wait(&name, 1.5);
        let pv = Pv::<f64>::options()
            .initial_timeout(WAIT)
            .open(&name)
            .unwrap();
        assert_eq!(pv.get().unwrap().value, 1.5, "get waited for the value");

        let missing = Pv::<f64>::options()
            .initial_timeout(Duration::from_millis(200))
            .open(&ioc().pv("pv:nobody-serves-this"))
            .unwrap();
        let started = Instant::now();
        assert_eq!(missing.get().unwrap_err().kind(), ErrorKind::Timeout);
        assert!(started.elapsed() >= Duration::from_millis(150));
        assert!(started.elapsed() < Duration::from_secs(2));
    })
}

#[test]
fn get_without_value_or_initial_timeout_fails_at_once() {
    cothread::scope(|| {
        let missing: Pv<f64> = Pv::new(&ioc().pv("pv:nobody-serves-this-either")).unwrap();
        let started = Instant::now();
        assert_eq!(missing.get().unwrap_err().kind(), ErrorKind::Disconnected);
        assert!(started.elapsed() < Duration::from_millis(100));
        assert_eq!(missing.value(), None);
        let err = missing.sync(Duration::from_millis(50)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);
    })
}

#[test]
fn get_next_after_reset_waits_for_a_newer_update() {
    cothread::scope(|| {
        let name = pv("next", "long");
        put_wait(&name, 1);
        let pv: Pv<i32> = Pv::new(&name).unwrap();
        // The first update is pending for get_next without reset.
        assert_eq!(pv.get_next(WAIT, false).unwrap().value, 1);
        // Nothing new: a wait times out.
        let err = pv.get_next(Duration::from_millis(100), false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);

        caput(&name, 2).unwrap();
        wait_until(|| pv.value() == Some(2));
        // An update came since the last get_next: returned at once...
        assert_eq!(pv.get_next(Duration::ZERO, false).unwrap().value, 2);
        caput(&name, 3).unwrap();
        wait_until(|| pv.value() == Some(3));
        // ...unless reset asks for a newer one.
        let err = pv.get_next(Duration::from_millis(100), true).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);
        let writer = {
            let name = name.clone();
            cothread::spawn(move || {
                cothread::sleep(Duration::from_millis(50));
                caput(&name, 4).unwrap();
            })
        };
        assert_eq!(pv.get_next(WAIT, true).unwrap().value, 4);
        writer.wait(cothread::Timeout::NEVER).unwrap();
    })
}

#[test]
fn on_update_sees_each_update_after_it_is_stored() {
    cothread::scope(|| {
        let name = pv("update", "long");
        put_wait(&name, 10);
        let seen: Rc<RefCell<Vec<i32>>> = Rc::default();
        let log = Rc::clone(&seen);
        let pv = Pv::<i32>::options()
            .all_updates(true)
            .on_update(move |update| log.borrow_mut().push(update.as_ref().unwrap().value))
            .open(&name)
            .unwrap();
        pv.sync(WAIT).unwrap();
        put_wait(&name, 11);
        put_wait(&name, 12);
        wait_until(|| seen.borrow().len() >= 3);
        assert_eq!(*seen.borrow(), vec![10, 11, 12]);
        assert_eq!(pv.value(), Some(12));
    })
}

#[test]
fn closed_pv_keeps_its_last_value() {
    cothread::scope(|| {
        let name = pv("close", "long");
        put_wait(&name, 20);
        let pv: Pv<i32> = Pv::new(&name).unwrap();
        pv.sync(WAIT).unwrap();
        pv.close();
        put_wait(&name, 21);
        cothread::sleep(Duration::from_millis(200));
        assert_eq!(pv.value(), Some(20));
        assert_eq!(pv.caget().unwrap().value, 21, "caget still reads afresh");
    })
}

#[test]
fn dropping_a_pv_ends_its_subscription() {
    cothread::scope(|| {
        let name = pv("drop", "long");
        let calls = Rc::new(RefCell::new(0));
        let count = Rc::clone(&calls);
        let pv = Pv::<i32>::options()
            .on_update(move |_| *count.borrow_mut() += 1)
            .open(&name)
            .unwrap();
        pv.sync(WAIT).unwrap();
        assert_eq!(*calls.borrow(), 1);
        drop(pv);
        put_wait(&name, 30);
        cothread::sleep(Duration::from_millis(200));
        assert_eq!(*calls.borrow(), 1);
    })
}

#[test]
fn caput_wait_returns_after_processing_finishes() {
    cothread::scope(|| {
        // slow.A takes a second to process, then writes slow:done.
        let pv = Pv::<f64>::options()
            .caput_wait(true)
            .open(&ioc().pv("slow.A"))
            .unwrap();
        let started = Instant::now();
        pv.caput(3.0).unwrap();
        assert!(started.elapsed() >= Duration::from_millis(900));
        assert_eq!(caget::<f64>(&ioc().pv("slow:done")).unwrap(), 3.0);
    })
}

#[test]
fn caget_reads_afresh_with_the_pv_format() {
    cothread::scope(|| {
        let name = pv("caput", "double");
        let pv = Pv::<f64>::options()
            .format(Format::Time)
            .open(&name)
            .unwrap();
        pv.caput(7.25).unwrap();
        let fresh = pv.caget().unwrap();
        assert_eq!(fresh.value, 7.25);
        assert!(fresh.meta.timestamp.is_some(), "caget with the PV's format");
        wait_until(|| pv.value() == Some(7.25));
        assert!(pv.get().unwrap().meta.timestamp.is_some());
    })
}

#[test]
fn pv_array_holds_latest_values_and_alarms_of_many_pvs() {
    cothread::scope(|| {
        let names = [pv("array", "long"), pv("array", "double")];
        put_wait(&names[0], 850); // above HIGH: MINOR alarm
        put_wait(&names[1], 2.5);
        let array: PvArray<f64> = PvArray::new(&names, 1).unwrap();
        assert_eq!(array.shape(), (2, 1));
        wait_until(|| array.seen().iter().all(|s| *s));
        assert_eq!(array.get(), vec![850.0, 2.5]);
        assert!(array.all_ok());
        assert_eq!(array.severity(), vec![1, 0]);
        assert_eq!(array.status()[0], 4, "HIGH");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs_f64();
        for stamp in array.timestamp() {
            assert!((now - stamp).abs() < 60.0, "stamp {stamp} vs now {now}");
        }
        put_wait(&names[1], 3.5);
        wait_until(|| array.get()[1] == 3.5);
        assert_eq!(array.get(), vec![850.0, 3.5]);
    })
}

#[test]
fn pv_array_sync_fills_in_and_reports_a_missing_pv() {
    cothread::scope(|| {
        let names = [
            pv("missing", "double"),
            ioc().pv("pv:nobody-serves-this-array"),
        ];
        put_wait(&names[0], 4.5);
        let array: PvArray<f64> = PvArray::new(&names, 1).unwrap();
        let err = array.sync(Duration::from_millis(300)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert_eq!(err.pv(), names[1]);
        assert_eq!(array.ok(), vec![true, false]);
        assert!(!array.all_ok());
        assert_eq!(array.get()[0], 4.5);
    })
}

#[test]
fn pv_array_with_count_keeps_one_row_per_pv() {
    cothread::scope(|| {
        let names = [pv("rows", "wf"), pv("rows", "double")];
        put_wait(&names[0], vec![1.0, 2.0, 3.0, 4.0]);
        put_wait(&names[1], 9.0);
        let array: PvArray<f64> = PvArray::new(&names, 3).unwrap();
        array.sync(WAIT).unwrap();
        assert_eq!(array.shape(), (2, 3));
        // A scalar fills the first element of its row; the rest stay default.
        assert_eq!(array.get(), vec![1.0, 2.0, 3.0, 9.0, 0.0, 0.0]);
    })
}

#[test]
fn pv_array_caput_writes_value_i_to_pv_i() {
    cothread::scope(|| {
        let names = [pv("arrput", "long"), pv("arrput", "double")];
        let array = PvArray::<f64>::with_options(&names, 1, true, |_, _| {}).unwrap();
        array.caput(vec![31.0, 32.5]).unwrap();
        // caput_wait: both records have processed when caput returns.
        assert_eq!(caget::<f64>(&names[0]).unwrap(), 31.0);
        assert_eq!(caget::<f64>(&names[1]).unwrap(), 32.5);
        array.caput_repeat(5.0).unwrap();
        let fresh = array.caget(WAIT);
        assert_eq!(fresh[0].as_ref().unwrap().value, vec![5.0]);
        assert_eq!(fresh[1].as_ref().unwrap().value, vec![5.0]);
    })
}

#[test]
fn pv_array_on_update_gets_the_index_and_close_stops_updates() {
    cothread::scope(|| {
        let names = [pv("arrupd", "long"), pv("arrupd", "double")];
        let seen: Rc<RefCell<Vec<(usize, f64)>>> = Rc::default();
        let log = Rc::clone(&seen);
        let array = PvArray::<f64>::with_options(&names, 1, false, move |index, update| {
            log.borrow_mut()
                .push((index, update.as_ref().unwrap().value[0]))
        })
        .unwrap();
        wait_until(|| seen.borrow().len() >= 2);
        put_wait(&names[1], 6.5);
        wait_until(|| seen.borrow().len() >= 3);
        assert_eq!(seen.borrow().last(), Some(&(1, 6.5)));
        array.close();
        put_wait(&names[0], 7.0);
        cothread::sleep(Duration::from_millis(200));
        assert_eq!(seen.borrow().len(), 3);
        assert_eq!(array.get()[0], 0.0);
    })
}
