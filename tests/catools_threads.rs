//! Channel Access from several OS threads at once: each thread has its own
//! scheduler, all share the process's one libca context.

mod support;

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use cothread::catools::{caget, camonitor, CaError, Get, Put};

#[test]
fn every_os_thread_can_use_catools() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let threads: Vec<_> = (0..4)
            .map(|n| {
                let ai = ioc.pv("ai");
                let longout = ioc.pv("longout");
                std::thread::spawn(move || {
                    cothread::scope(|| {
                        let value: f64 = caget(&ai).unwrap();
                        // Each thread's monitor callbacks run on its own dispatcher.
                        let updates = Rc::new(Cell::new(0));
                        let seen = Rc::clone(&updates);
                        let _monitor = camonitor(&longout, move |update: Result<i32, CaError>| {
                            update.unwrap();
                            seen.set(seen.get() + 1);
                        })
                        .unwrap();
                        let deadline = Instant::now() + Duration::from_secs(5);
                        while updates.get() == 0 && Instant::now() < deadline {
                            cothread::sleep(Duration::from_millis(5));
                        }
                        (n, value, updates.get())
                    })
                })
            })
            .collect();
        for thread in threads {
            let (n, value, updates) = thread.join().expect("thread finished without panic");
            assert_eq!(value, 3.5, "thread {n}");
            assert!(updates >= 1, "thread {n} saw no monitor update");
        }
    })
}

#[test]
fn a_slow_caget_suspends_only_its_own_cothread() {
    cothread::scope(|| {
        let ioc = support::shared_ioc();
        let missing = ioc.pv("not-served");
        let ticks = Rc::new(Cell::new(0));
        let counter = Rc::clone(&ticks);
        let ticker = cothread::spawn(move || {
            for _ in 0..20 {
                counter.set(counter.get() + 1);
                cothread::sleep(Duration::from_millis(10));
            }
        });
        let started = Instant::now();
        let result = Get::new()
            .timeout(Duration::from_millis(300))
            .get::<f64>(&missing);
        assert!(result.is_err());
        assert!(started.elapsed() >= Duration::from_millis(290));
        // While the caget waited, the other cothread kept running.
        assert!(ticks.get() >= 10, "ticker ran {} times", ticks.get());
        ticker.wait(cothread::Timeout::NEVER).unwrap();
        // And a put with wait on one thread leaves others free too.
        Put::new().wait(true).put(&ioc.pv("ao"), 1.0).unwrap();
    })
}
