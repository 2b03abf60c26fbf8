//! sleep, sleep_until, yield_now, Timer and Timeout.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use cothread::{spawn, Timeout, Timer};

#[test]
fn sleep_waits_at_least_the_delay() {
    cothread::scope(|| {
        let start = Instant::now();
        cothread::sleep(Duration::from_millis(20));
        assert!(start.elapsed() >= Duration::from_millis(20));
    })
}

#[test]
fn sleep_zero_and_expired_sleep_until_still_suspend() {
    cothread::scope(|| {
        let ran = Rc::new(Cell::new(0));
        let r = ran.clone();
        spawn(move || r.set(r.get() + 1));
        cothread::sleep(Duration::ZERO);
        assert_eq!(ran.get(), 1, "sleep(0) did not let the ready cothread run");
        let r = ran.clone();
        spawn(move || r.set(r.get() + 1));
        cothread::sleep_until(Instant::now() - Duration::from_millis(5));
        assert_eq!(ran.get(), 2, "expired sleep_until did not suspend");
    })
}

#[test]
fn sleep_until_accepts_system_time() {
    cothread::scope(|| {
        let start = Instant::now();
        cothread::sleep_until(SystemTime::now() + Duration::from_millis(15));
        assert!(start.elapsed() >= Duration::from_millis(14));
    })
}

#[test]
fn sleepers_wake_in_deadline_order() {
    cothread::scope(|| {
        let log = Rc::new(RefCell::new(Vec::new()));
        let hs: Vec<_> = [30u64, 10, 20]
            .into_iter()
            .map(|ms| {
                let log = log.clone();
                spawn(move || {
                    cothread::sleep(Duration::from_millis(ms));
                    log.borrow_mut().push(ms);
                })
            })
            .collect();
        for h in hs {
            h.wait(Timeout::NEVER).unwrap();
        }
        assert_eq!(*log.borrow(), vec![10, 20, 30]);
    })
}

#[test]
fn yield_lets_every_other_ready_cothread_run_first() {
    cothread::scope(|| {
        let log = Rc::new(RefCell::new(Vec::new()));
        let (a, b) = (log.clone(), log.clone());
        let h1 = spawn(move || {
            for i in 0..3 {
                a.borrow_mut().push(("a", i));
                cothread::yield_now(Duration::ZERO);
            }
        });
        let h2 = spawn(move || {
            for i in 0..3 {
                b.borrow_mut().push(("b", i));
                cothread::yield_now(Duration::ZERO);
            }
        });
        h1.wait(Timeout::NEVER).unwrap();
        h2.wait(Timeout::NEVER).unwrap();
        assert_eq!(
            *log.borrow(),
            vec![("a", 0), ("b", 0), ("a", 1), ("b", 1), ("a", 2), ("b", 2)]
        );
    })
}

#[test]
fn one_shot_timer_fires_once() {
    cothread::scope(|| {
        let fired = Rc::new(Cell::new(0));
        let f = fired.clone();
        let t = Timer::new(Duration::from_millis(10), move || f.set(f.get() + 1));
        assert!(t.is_pending());
        cothread::sleep(Duration::from_millis(60));
        assert_eq!(fired.get(), 1);
        assert!(!t.is_pending());
    })
}

#[test]
fn a_delay_too_large_for_the_clock_arms_a_timer_that_never_fires() {
    cothread::scope(|| {
        let fired = Rc::new(Cell::new(false));
        let f = fired.clone();
        let t = Timer::new(Duration::MAX, move || f.set(true));
        assert!(t.is_pending());
        t.reset(Duration::from_secs(u64::MAX), true);
        cothread::sleep(Duration::from_millis(30));
        assert!(!fired.get());
        assert!(t.is_pending());
        t.cancel();
        assert!(!t.is_pending());
    })
}

#[test]
fn cancelled_timer_never_fires() {
    cothread::scope(|| {
        let fired = Rc::new(Cell::new(false));
        let f = fired.clone();
        let t = Timer::new(Duration::from_millis(10), move || f.set(true));
        t.cancel();
        cothread::sleep(Duration::from_millis(40));
        assert!(!fired.get());
    })
}

#[test]
fn retriggering_timer_waits_for_its_callback_to_return() {
    cothread::scope(|| {
        let calls = Rc::new(RefCell::new(Vec::<Instant>::new()));
        let c = calls.clone();
        let start = Instant::now();
        let t = Timer::with_options(Duration::from_millis(5), true, false, move || {
            c.borrow_mut().push(Instant::now());
            // The callback runs on its own cothread and may suspend; the timer
            // must not retrigger meanwhile.
            cothread::sleep(Duration::from_millis(20));
        });
        cothread::sleep(Duration::from_millis(120));
        t.cancel();
        let calls = calls.borrow();
        assert!(
            calls.len() >= 2,
            "retriggering timer fired {} times",
            calls.len()
        );
        assert!(
            calls.len() <= 5,
            "retriggered while its callback was running"
        );
        for pair in calls.windows(2) {
            assert!(
                pair[1] - pair[0] >= Duration::from_millis(25),
                "retriggered too early"
            );
        }
        assert!(calls[0] - start >= Duration::from_millis(5));
    })
}

#[test]
fn reset_rearms_a_fired_timer() {
    cothread::scope(|| {
        let fired = Rc::new(Cell::new(0));
        let f = fired.clone();
        let t = Timer::with_options(Duration::from_millis(5), false, true, move || {
            f.set(f.get() + 1)
        });
        cothread::sleep(Duration::from_millis(30));
        assert_eq!(fired.get(), 1);
        t.reset(Duration::from_millis(5), false);
        cothread::sleep(Duration::from_millis(30));
        assert_eq!(fired.get(), 2);
    })
}

#[test]
fn timeout_conversions_fix_relative_durations() {
    cothread::scope(|| {
        let before = Instant::now();
        let t: Timeout = Duration::from_millis(100).into();
        let d = t.deadline().unwrap();
        assert!(d >= before + Duration::from_millis(100));
        std::thread::sleep(Duration::from_millis(2));
        assert_eq!(
            t.deadline().unwrap(),
            d,
            "a converted Timeout must not move"
        );
        assert_eq!(Timeout::from(None::<Duration>), Timeout::NEVER);
        assert!(Timeout::from(Some(Duration::ZERO)).is_expired());
        let at = Instant::now() + Duration::from_secs(1);
        assert_eq!(Timeout::from(at).deadline(), Some(at));
        assert_eq!(Timeout::from(Duration::MAX), Timeout::NEVER);
    })
}
