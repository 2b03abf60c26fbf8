//! What requests, listeners and subscriptions see when the IOC goes away
//! and comes back.

use std::sync::{mpsc, Arc};
use std::time::Duration;

use super::*;
use crate::ca::ChannelEvent;
use crate::ca_types::{ChannelState, ErrorKind, EventMask};

/// How long libca may take to find a restarted IOC again.
const RECONNECT: Duration = Duration::from_secs(30);

/// Waits for the next event equal to `wanted`, skipping others.
fn wait_for(events: &mpsc::Receiver<ChannelEvent>, wanted: &ChannelEvent, within: Duration) {
    let deadline = std::time::Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok(event) if &event == wanted => return,
            Ok(_) => {}
            Err(_) => panic!("no {wanted:?} within {within:?}"),
        }
    }
}

#[test]
fn ioc_restart_disconnects_then_reconnects_and_subscriptions_resume() {
    crate::scope(|| {
        let mut ioc = restartable_ioc();
        let stepper = connect_name(&ioc.pv("stepper"));
        let slow = connect_name(&ioc.pv("slow.PROC"));
        let (event_tx, events) = mpsc::channel();
        let event_tx = std::sync::Mutex::new(event_tx);
        let listener = stepper.add_listener(Arc::new(move |event: &ChannelEvent| {
            let _ = event_tx.lock().unwrap().send(event.clone());
        }));
        let (update_tx, updates) = mpsc::channel();
        let subscription = stepper
            .subscribe(ReadRequest::default(), EventMask::VALUE, move |update| {
                let _ = update_tx.send(update);
            })
            .unwrap();
        let (put_tx, put_done) = mpsc::channel();
        slow.put_callback(&Value::Long(1), DataType::Native, move |result| {
            let _ = put_tx.send(result);
        })
        .unwrap();
        flush_io().unwrap();
        updates.recv_timeout(WAIT).expect("initial update").unwrap();

        // The put is still processing (1 s) when the IOC dies.
        ioc.stop();
        wait_for(&events, &ChannelEvent::Disconnected, WAIT);
        let put = put_done
            .recv_timeout(WAIT)
            .expect("pending put is completed");
        assert_eq!(put.unwrap_err().kind(), ErrorKind::Disconnected);
        assert_eq!(stepper.info().state, ChannelState::PreviouslyConnected);
        let get = stepper.get(ReadRequest::default(), |_| {});
        assert_eq!(get.unwrap_err().kind(), ErrorKind::Disconnected);

        ioc.restart();
        wait_for(&events, &ChannelEvent::Connected, RECONNECT);
        let update = updates
            .recv_timeout(WAIT)
            .expect("the subscription resumes by itself");
        assert_eq!(
            update.unwrap().value.as_f64(),
            Some(0.0),
            "a fresh IOC's stepper"
        );
        assert_eq!(stepper.info().state, ChannelState::Connected);
        stepper.remove_listener(listener);
        drop(subscription);
    })
}
