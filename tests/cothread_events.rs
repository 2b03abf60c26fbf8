//! Event, Pulse, EventQueue, RLock and wait_for_all, ported from the
//! behaviours Python cothread's own tests check.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::{spawn, wait_for_all, Error, Event, EventQueue, Pulse, RLock, Timeout};

#[derive(Debug)]
struct Oops;
impl std::fmt::Display for Oops {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "oops")
    }
}
impl std::error::Error for Oops {}

#[test]
fn signalled_event_returns_without_suspending() {
    cothread::scope(|| {
        let e = Event::new();
        e.signal(5);
        assert!(e.is_signalled());
        // An expired timeout still returns the value: no suspension needed.
        assert_eq!(e.wait(Duration::ZERO).unwrap(), 5);
        assert!(!e.is_signalled(), "auto-reset event kept its value");
    })
}

#[test]
fn event_wait_times_out() {
    cothread::scope(|| {
        let e = Event::<()>::new();
        let start = Instant::now();
        assert!(matches!(
            e.wait(Duration::from_millis(30)),
            Err(Error::Timedout)
        ));
        assert!(start.elapsed() >= Duration::from_millis(30));
        assert!(matches!(e.wait(Duration::ZERO), Err(Error::Timedout)));
    })
}

#[test]
fn waiters_wake_in_fifo_order_one_per_signal() {
    cothread::scope(|| {
        let e = Event::new();
        let log = Rc::new(RefCell::new(Vec::new()));
        let hs: Vec<_> = (0..5)
            .map(|i| {
                let (e, log) = (e.clone(), log.clone());
                spawn(move || {
                    let v: i32 = e.wait(Timeout::NEVER).unwrap();
                    log.borrow_mut().push((i, v));
                })
            })
            .collect();
        cothread::yield_now(Timeout::NEVER); // all five are now waiting
        for v in 0..5 {
            e.signal(100 + v);
            cothread::yield_now(Timeout::NEVER);
            assert_eq!(
                log.borrow().len(),
                v as usize + 1,
                "one signal woke more than one waiter"
            );
        }
        assert_eq!(
            *log.borrow(),
            (0..5).map(|i| (i, 100 + i)).collect::<Vec<_>>()
        );
        for h in hs {
            h.wait(Timeout::NEVER).unwrap();
        }
    })
}

#[test]
fn manual_reset_event_wakes_all_and_stays_signalled() {
    cothread::scope(|| {
        let e = Event::with_auto_reset(false);
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let e = e.clone();
                spawn(move || e.wait(Timeout::NEVER).unwrap())
            })
            .collect();
        cothread::yield_now(Timeout::NEVER);
        e.signal("go");
        for h in hs {
            assert_eq!(h.wait(Duration::from_secs(5)).unwrap(), "go");
        }
        assert!(e.is_signalled());
        e.reset();
        assert!(!e.is_signalled());
    })
}

#[test]
fn signal_exception_is_returned_by_wait() {
    cothread::scope(|| {
        let e = Event::<u8>::new();
        e.signal_exception(Oops);
        match e.wait(Timeout::NEVER) {
            Err(Error::Signalled(err)) => assert_eq!(err.to_string(), "oops"),
            other => panic!("expected the signalled error, got {other:?}"),
        }
    })
}

#[test]
fn timed_out_waiters_run_after_other_ready_work() {
    cothread::scope(|| {
        let log = Rc::new(RefCell::new(Vec::new()));
        let e = Event::<()>::new();
        let (l1, e1) = (log.clone(), e.clone());
        // A short timeout that expires while `busy` runs: the timed-out waiter
        // must still run only after `busy` (ready work) has run again.
        let timed = spawn(move || {
            let _ = e1.wait(Duration::from_millis(1));
            l1.borrow_mut().push("timed out");
        });
        let l2 = log.clone();
        let busy = spawn(move || {
            std::thread::sleep(Duration::from_millis(3)); // the timeout expires meanwhile
            l2.borrow_mut().push("busy 1");
            cothread::yield_now(Duration::ZERO);
            l2.borrow_mut().push("busy 2");
        });
        timed.wait(Timeout::NEVER).unwrap();
        busy.wait(Timeout::NEVER).unwrap();
        assert_eq!(*log.borrow(), vec!["busy 1", "busy 2", "timed out"]);
    })
}

#[test]
fn pulse_wakes_only_current_waiters() {
    cothread::scope(|| {
        let p = Pulse::new();
        p.signal(1); // nobody waiting: lost
        let q = p.clone();
        let h = spawn(move || q.wait(Duration::from_secs(5)));
        cothread::yield_now(Timeout::NEVER);
        p.signal(2);
        assert_eq!(h.wait(Timeout::NEVER).unwrap().unwrap(), 2);
        assert!(matches!(
            p.wait(Duration::from_millis(5)),
            Err(Error::Timedout)
        ));
    })
}

#[test]
fn event_queue_delivers_in_order_and_iteration_ends_on_close() {
    cothread::scope(|| {
        let q = EventQueue::new();
        let consumer = {
            let q = q.clone();
            spawn(move || q.iter().collect::<Vec<i32>>())
        };
        for i in 0..10 {
            assert!(q.signal(i));
            if i % 3 == 0 {
                cothread::sleep(Duration::from_millis(1));
            }
        }
        q.close();
        assert!(!q.signal(99), "signal accepted after close");
        assert_eq!(
            consumer.wait(Timeout::NEVER).unwrap(),
            (0..10).collect::<Vec<_>>()
        );
        assert!(matches!(q.wait(Timeout::NEVER), Err(Error::QueueClosed)));
    })
}

#[test]
fn event_queue_len_max_length_and_timeout() {
    cothread::scope(|| {
        let q = EventQueue::with_max_length(2);
        assert!(q.signal('a'));
        assert!(q.signal('b'));
        assert!(!q.signal('c'), "queue exceeded max_length");
        assert_eq!(q.len(), 2);
        assert_eq!(q.wait(Timeout::NEVER).unwrap(), 'a');
        assert_eq!(q.wait(Timeout::NEVER).unwrap(), 'b');
        assert!(q.is_empty());
        assert!(matches!(
            q.wait(Duration::from_millis(5)),
            Err(Error::Timedout)
        ));
    })
}

#[test]
fn rlock_is_reentrant_and_excludes_other_cothreads() {
    cothread::scope(|| {
        let lock = RLock::new();
        let log = Rc::new(RefCell::new(Vec::new()));
        let g1 = lock.acquire(Timeout::NEVER).unwrap();
        let g2 = lock.acquire(Timeout::NEVER).unwrap();
        let other = {
            let (lock, log) = (lock.clone(), log.clone());
            spawn(move || {
                let _g = lock.acquire(Timeout::NEVER).unwrap();
                log.borrow_mut().push("other");
            })
        };
        cothread::sleep(Duration::from_millis(2));
        assert!(
            log.borrow().is_empty(),
            "another cothread entered a held lock"
        );
        drop(g2);
        cothread::sleep(Duration::from_millis(2));
        assert!(
            log.borrow().is_empty(),
            "lock released before the outer guard dropped"
        );
        drop(g1);
        other.wait(Duration::from_secs(5)).unwrap();
        assert_eq!(*log.borrow(), vec!["other"]);
    })
}

#[test]
fn wait_for_all_collects_results_and_times_out() {
    cothread::scope(|| {
        let events: Vec<Event<u32>> = (0..3).map(|_| Event::new()).collect();
        for (i, e) in events.iter().enumerate() {
            let e = e.clone();
            spawn(move || {
                cothread::sleep(Duration::from_millis(i as u64));
                e.signal(i as u32);
            });
        }
        assert_eq!(
            wait_for_all(&events, Duration::from_secs(5)).unwrap(),
            vec![0, 1, 2]
        );
        let never = vec![Event::<u32>::new()];
        assert!(matches!(
            wait_for_all(&never, Duration::from_millis(5)),
            Err(Error::Timedout)
        ));
    })
}

#[test]
fn handles_are_waitable_together() {
    cothread::scope(|| {
        let hs: Vec<_> = (0..4).map(|i| spawn(move || i * i)).collect();
        assert_eq!(wait_for_all(&hs, Timeout::NEVER).unwrap(), vec![0, 1, 4, 9]);
    })
}
