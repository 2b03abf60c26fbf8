use std::sync::mpsc;

use super::*;
use crate::ca_types::{ErrorKind, EventMask};
use crate::diagnostics::Diagnostic;

#[test]
fn subscription_delivers_each_processing_of_stepper() {
    crate::scope(|| {
        let stepper = connect("stepper");
        let proc = connect("stepper.PROC");
        let (tx, rx) = mpsc::channel();
        let subscription = stepper
            .subscribe(
                ReadRequest {
                    format: Format::Time,
                    ..ReadRequest::default()
                },
                EventMask::VALUE,
                move |update| {
                    let _ = tx.send(update);
                },
            )
            .unwrap();
        flush_io().unwrap();
        let first = rx.recv_timeout(WAIT).expect("initial update").unwrap();
        let start = first.value.as_f64().expect("a number");
        assert!(first.meta.timestamp.is_some());
        for step in 1..=3 {
            put_wait(&proc, 1, DataType::Native).unwrap();
            let update = rx.recv_timeout(WAIT).expect("update after a put").unwrap();
            assert_eq!(update.value.as_f64(), Some(start + f64::from(step)));
        }
        drop(subscription);
        put_wait(&proc, 1, DataType::Native).unwrap();
        assert!(
            rx.recv_timeout(std::time::Duration::from_millis(300))
                .is_err(),
            "no update after the subscription was dropped"
        );
    })
}

#[test]
fn empty_event_mask_is_refused() {
    crate::scope(|| {
        let error = connect("ai")
            .subscribe(ReadRequest::default(), EventMask::from_bits(0), |_| {})
            .err()
            .expect("mask 0");
        assert_eq!(error.kind(), ErrorKind::BadMask);
    })
}

#[test]
fn panicking_update_closure_is_contained() {
    crate::scope(|| {
        let counter = connect("counter");
        let (tx, rx) = mpsc::channel();
        let mut calls = 0;
        let subscription = counter
            .subscribe(ReadRequest::default(), EventMask::VALUE, move |_| {
                calls += 1;
                let _ = tx.send(calls);
                if calls == 1 {
                    // Unwinds as a panic does, without the panic hook's report.
                    std::panic::resume_unwind(Box::new("a user callback that panics"));
                }
            })
            .unwrap();
        flush_io().unwrap();
        assert_eq!(rx.recv_timeout(WAIT), Ok(1));
        assert_eq!(
            rx.recv_timeout(WAIT),
            Ok(2),
            "libca went on calling after the panic"
        );
        drop(subscription);
        let contained = super::support::diagnostics::recorded()
            .into_iter()
            .any(|d| {
                matches!(d, Diagnostic::PanicContained { place: "subscription callback", message }
            if message == "a user callback that panics")
            });
        assert!(contained, "the contained panic is reported as a diagnostic");
    })
}

#[test]
fn subscription_without_read_access_is_refused() {
    crate::scope(|| {
        let error = connect("noaccess")
            .subscribe(ReadRequest::default(), EventMask::VALUE, |_| {})
            .err()
            .expect("no read access");
        assert_eq!(error.kind(), ErrorKind::NoReadAccess);
    })
}

#[test]
fn ctrl_subscription_delivers_metadata_and_arrays() {
    crate::scope(|| {
        let wf = connect("wf:double");
        put_wait(&wf, vec![0.5, 1.5], DataType::Native).unwrap();
        let (tx, rx) = mpsc::channel();
        let request = ReadRequest {
            format: Format::Ctrl,
            count: Count::Full,
            ..ReadRequest::default()
        };
        let _subscription = wf
            .subscribe(request, Format::Ctrl.default_events(), move |update| {
                let _ = tx.send(update);
            })
            .unwrap();
        flush_io().unwrap();
        let first = rx.recv_timeout(WAIT).unwrap().unwrap();
        assert_eq!(first.value.len(), 10);
        assert_eq!(first.meta.units(), Some("A"));
        assert_eq!(first.meta.precision(), Some(4));
    })
}
