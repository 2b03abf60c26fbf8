//! camonitor, connect and cainfo against a real softIoc.

mod support;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{
    cainfo, camonitor, caput, Augmented, CaError, ChannelState, Connect, ErrorKind, EventMask,
    FieldType, Format, Monitor, Put, Subscription, Value,
};

/// Runs the scheduler until `done()` or 5 s.
fn wait_until(mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done() && Instant::now() < deadline {
        cothread::sleep(Duration::from_millis(5));
    }
}

type Log<T> = Rc<RefCell<Vec<T>>>;

fn recorder<T: 'static>() -> (Log<T>, impl FnMut(T) + 'static) {
    let log: Log<T> = Rc::default();
    let sink = Rc::clone(&log);
    (log, move |item| sink.borrow_mut().push(item))
}

#[test]
fn all_updates_delivers_every_value_in_order() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let (log, record) = recorder::<Result<i32, CaError>>();
        let scalar = ioc.pv("longout");
        let _sub = Monitor::new()
            .all_updates(true)
            .subscribe(&scalar, record)
            .unwrap();
        wait_until(|| !log.borrow().is_empty());
        for i in 100..120 {
            caput(&scalar, i).unwrap();
        }
        wait_until(|| log.borrow().len() >= 21);
        let seen: Vec<i32> = log
            .borrow()
            .iter()
            .skip(1)
            .map(|r| *r.as_ref().unwrap())
            .collect();
        assert_eq!(seen, (100..120).collect::<Vec<_>>());
    })
}

#[test]
fn merged_updates_count_what_they_stand_for() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        // ao clamps to its drive limits, -10..10: the values stay inside.
        let name = ioc.pv("ao");
        caput(&name, 0.0).unwrap();
        let (log, record) = recorder::<Result<Augmented<f64>, CaError>>();
        let _sub = camonitor(&name, record).unwrap();
        wait_until(|| !log.borrow().is_empty());
        // No suspension between the puts: the updates pile up while the
        // dispatcher cannot run, and are merged.
        let puts: u32 = 30;
        for i in 1..=puts {
            caput(&name, f64::from(i) * 0.25).unwrap();
        }
        wait_until(|| {
            log.borrow().last().map(|r| r.as_ref().unwrap().value) == Some(f64::from(puts) * 0.25)
        });
        let log = log.borrow();
        assert_eq!(log[0].as_ref().unwrap().name(), name);
        // The server may merge updates too (its queue per subscription is
        // short), so the counts add up to what reached this client, not to the
        // puts; what this client merged shows as counts above 1.
        let callbacks = log.len() - 1;
        let counted: u64 = log
            .iter()
            .skip(1)
            .map(|r| r.as_ref().unwrap().meta.update_count)
            .sum();
        assert!(
            counted > callbacks as u64,
            "{counted} updates in {callbacks} callbacks: none merged"
        );
        assert!(
            counted <= u64::from(puts),
            "{counted} updates for {puts} puts"
        );
    })
}

#[test]
fn time_format_carries_timestamp_and_alarm() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let (log, record) = recorder::<Result<Augmented, CaError>>();
        let _sub = Monitor::new()
            .format(Format::Time)
            .subscribe(&ioc.pv("ai"), record)
            .unwrap();
        wait_until(|| !log.borrow().is_empty());
        let first = log.borrow()[0].clone().unwrap();
        assert_eq!(first.value, Value::Double(3.5));
        assert!(first.meta.timestamp.is_some());
        assert_eq!(first.meta.severity, Some(0));
    })
}

#[test]
fn empty_event_mask_is_an_error_at_the_call() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let err = Monitor::new()
            .events(EventMask::from_bits(0))
            .subscribe(&ioc.pv("ai"), |_: Result<f64, CaError>| {})
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadMask);
    })
}

#[test]
fn closed_subscription_gets_no_more_updates() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("longout");
        let (log, record) = recorder::<Result<i32, CaError>>();
        let sub = camonitor(&name, record).unwrap();
        wait_until(|| !log.borrow().is_empty());
        sub.close();
        Put::new().wait(true).put(&name, 11).unwrap();
        cothread::sleep(Duration::from_millis(200));
        assert_eq!(log.borrow().len(), 1);
    })
}

#[test]
fn no_read_access_is_reported_once_with_notify_disconnect() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let (log, record) = recorder::<Result<f64, CaError>>();
        let _sub = Monitor::new()
            .notify_disconnect(true)
            .subscribe(&ioc.pv("noaccess"), record)
            .unwrap();
        wait_until(|| !log.borrow().is_empty());
        cothread::sleep(Duration::from_millis(200));
        let log = log.borrow();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].as_ref().unwrap_err().kind(), ErrorKind::NoReadAccess);
    })
}

#[test]
fn connect_timeout_reports_a_missing_pv_once() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let (log, record) = recorder::<Result<f64, CaError>>();
        let _sub = Monitor::new()
            .connect_timeout(Duration::from_millis(200))
            .subscribe(&ioc.pv("nobody-serves-this"), record)
            .unwrap();
        cothread::sleep(Duration::from_millis(600));
        let log = log.borrow();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].as_ref().unwrap_err().kind(), ErrorKind::Disconnected);
    })
}

#[test]
fn a_subscription_closed_by_its_own_callback_gets_no_more_of_its_batch() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("close:inside");
        caput(&name, 0).unwrap();
        let calls = Rc::new(Cell::new(0));
        let holder: Rc<RefCell<Option<Subscription>>> = Rc::default();
        let (count, handle) = (Rc::clone(&calls), Rc::clone(&holder));
        let subscription = Monitor::new()
            .all_updates(true)
            .subscribe(&name, move |_: Result<i32, CaError>| {
                count.set(count.get() + 1);
                match count.get() {
                    // The first update: more queue behind it meanwhile.
                    1 => cothread::sleep(Duration::from_millis(300)),
                    // The first of those, delivered with the rest in one batch.
                    2 => handle.borrow().as_ref().expect("the handle").close(),
                    _ => {}
                }
            })
            .unwrap();
        *holder.borrow_mut() = Some(subscription);
        wait_until(|| calls.get() >= 1);
        for value in 1..=5 {
            caput(&name, value).unwrap();
        }
        wait_until(|| calls.get() >= 2);
        cothread::sleep(Duration::from_millis(200));
        // Before, the rest of the batch was still delivered: 6 calls.
        assert_eq!(
            calls.get(),
            2,
            "callbacks ran after the subscription closed itself"
        );
    })
}

#[test]
fn a_panicking_callback_does_not_stop_the_others() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let _bad = camonitor(&ioc.pv("bi"), |_: Result<f64, CaError>| {
            panic!("callback failure on purpose")
        })
        .unwrap();
        let (log, record) = recorder::<Result<f64, CaError>>();
        let _good = camonitor(&ioc.pv("mbbi"), record).unwrap();
        wait_until(|| !log.borrow().is_empty());
        assert_eq!(log.borrow().len(), 1);
    })
}

#[test]
fn cainfo_describes_two_pvs() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let info = cainfo(&ioc.pv("ai")).unwrap();
        assert_eq!(info.state, ChannelState::Connected);
        assert_eq!(info.datatype, Some(FieldType::Double));
        assert_eq!(info.element_count, 1);
        assert!(info.read && info.write);
        assert!(
            info.host.ends_with(&format!(":{}", ioc.port())),
            "{}",
            info.host
        );
        let infos = Connect::new()
            .info_list(&[ioc.pv("wf:double"), ioc.pv("readonly")])
            .unwrap();
        assert_eq!(infos[0].element_count, 10);
        assert!(infos[1].read && !infos[1].write);
        assert!(info.to_string().contains("Native data type: DBF_DOUBLE"));
    })
}

#[test]
fn connect_without_wait_succeeds_at_once() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let started = Instant::now();
        Connect::new()
            .wait(false)
            .connect_list(&[ioc.pv("nothing-here")])
            .unwrap();
        assert!(started.elapsed() < Duration::from_millis(100));
        let err = Connect::new()
            .timeout(Duration::from_millis(200))
            .connect_list(&[ioc.pv("nothing-here")])
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    })
}

#[test]
fn monitor_delivers_the_requested_type_and_count() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let name = ioc.pv("wf:short");
        Put::new()
            .wait(true)
            .put(&name, vec![4i16, 5, 6, 7])
            .unwrap();
        let (log, record) = recorder::<Result<Vec<f64>, CaError>>();
        let _sub = Monitor::new()
            .datatype(cothread::catools::DataType::Double)
            .count(cothread::catools::Count::AtMost(2))
            .subscribe(&name, record)
            .unwrap();
        wait_until(|| !log.borrow().is_empty());
        assert_eq!(log.borrow()[0].as_ref().unwrap(), &vec![4.0, 5.0]);
        let (strings, record) = recorder::<Result<String, CaError>>();
        let _enum_sub = Monitor::new()
            .datatype(cothread::catools::DataType::EnumStr)
            .subscribe(&ioc.pv("mbbi"), record)
            .unwrap();
        wait_until(|| !strings.borrow().is_empty());
        assert_eq!(strings.borrow()[0].as_ref().unwrap(), "Two");
    })
}

#[test]
fn closing_a_subscription_closes_what_its_callback_owns() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        // The callback owns a Pv, whose own subscription ends with it.
        let pv: cothread::pv::Pv<f64> = cothread::pv::Pv::new(&ioc.pv("ai")).unwrap();
        let (log, mut record) = recorder::<bool>();
        let subscription = camonitor(&ioc.pv("counter"), move |_: Result<f64, CaError>| {
            record(pv.value().is_some())
        })
        .unwrap();
        wait_until(|| log.borrow().iter().any(|seen| *seen));
        subscription.close();
        drop(subscription);
        let calls = log.borrow().len();
        cothread::sleep(Duration::from_millis(300));
        assert_eq!(log.borrow().len(), calls, "no callback after close");
    })
}
