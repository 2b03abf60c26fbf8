//! What a dropped future or stream leaves behind, seen from inside: the
//! handles of its slot or buffer that libca's closures hold. (The public
//! behaviour is tested in tests/catools_async.rs.) Against the IOC of the
//! CA layer's tests, so that the process has one CA configuration.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use futures_core::Stream;

use super::{caget, camonitor, connect};
use crate::ca::tests::pv;

/// A waker that counts its wakes.
#[derive(Default)]
struct Counter(AtomicUsize);

impl Wake for Counter {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Runs `future` to completion on this thread, parking between polls.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        std::thread::park_timeout(Duration::from_secs(1));
    }
}

/// Polls until `probe` says true or 10 s pass.
fn eventually(probe: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !probe() {
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

#[test]
fn a_dropped_in_flight_get_frees_its_slot_when_the_late_reply_comes() {
    crate::scope(|| {
        let name = pv("ai");
        block_on(connect(&name)).expect("connect");
        let counter = Arc::new(Counter::default());
        let waker = Waker::from(Arc::clone(&counter));
        // Issue a get, and drop it while its reply is (very likely) in flight.
        let slot = loop {
            let mut get = caget::<f64>(&name);
            let slot = get.request.slot();
            if Pin::new(&mut get)
                .poll(&mut Context::from_waker(&waker))
                .is_pending()
            {
                drop(get);
                break slot;
            }
        };
        // (The get woke its own task once, to be sent on its next poll.)
        let woken = counter.0.load(Ordering::SeqCst);
        // Replies on a channel come in order: once a later get is answered,
        // the dropped one's reply has come too, and its closure has run.
        block_on(caget::<f64>(&name)).expect("a later get");
        assert!(eventually(|| slot.handles() == 1), "libca kept the slot");
        assert_eq!(
            counter.0.load(Ordering::SeqCst),
            woken,
            "the late reply woke"
        );
        drop(waker);
        assert_eq!(Arc::strong_count(&counter), 1, "a waker was kept");
    })
}

#[test]
fn a_get_dropped_after_its_first_poll_is_sent_and_frees_its_slot() {
    crate::scope(|| {
        let name = pv("ai");
        block_on(connect(&name)).expect("connect");
        let waker = Waker::from(Arc::new(Counter::default()));
        // The first poll issues the get into libca's queue; nothing has sent it
        // yet when the future is dropped (as by a zero timeout, or a join
        // whose other branch failed).
        let mut get = caget::<f64>(&name);
        let slot = get.request.slot();
        assert!(Pin::new(&mut get)
            .poll(&mut Context::from_waker(&waker))
            .is_pending());
        drop(get);
        // Before, the drop sent nothing: the request waited in libca, holding
        // the slot and a channel lease, until something else flushed.
        assert!(
            eventually(|| slot.handles() == 1),
            "the dropped get was never sent"
        );
    })
}

#[test]
fn a_dropped_connection_wait_is_withdrawn_at_once() {
    crate::scope(|| {
        // Every test reaches CA through the IOC first (it sets the environment
        // that the process's CA context reads once).
        pv("ai");
        let counter = Arc::new(Counter::default());
        let waker = Waker::from(Arc::clone(&counter));
        let mut wait = connect("CATOOLS-ASYNC:NEVER:FOUND");
        let slot = wait.request.slot();
        assert!(Pin::new(&mut wait)
            .poll(&mut Context::from_waker(&waker))
            .is_pending());
        assert_eq!(slot.handles(), 3, "future, test and the channel's wait");
        drop(wait);
        assert_eq!(slot.handles(), 1, "the channel kept the wait");
        drop(waker);
        assert_eq!(Arc::strong_count(&counter), 1, "a waker was kept");
    })
}

#[test]
fn a_dropped_stream_clears_its_subscription_and_listener() {
    crate::scope(|| {
        let mut updates = camonitor::<f64>(&pv("ai")).expect("camonitor");
        let handles = updates.buffer_handles();
        let first = block_on(std::future::poll_fn(|cx| {
            Pin::new(&mut updates).poll_next(cx)
        }));
        assert!(matches!(first, Some(Ok(_))), "{first:?}");
        // The stream, the listener and the subscription's closure.
        assert_eq!(handles(), 3);
        drop(updates);
        // Nothing of libca's side is left: the subscription is cleared (its
        // closure freed after ca_clear_subscription returned) and the listener
        // removed.
        assert_eq!(handles(), 0);
    })
}
