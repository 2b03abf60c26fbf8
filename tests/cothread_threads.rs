//! The doors between OS threads and cothreads, and coselect on real fds.

use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use cothread::{coselect, spawn, Error, SchedulerHandle, ThreadedEventQueue, Timeout};

#[test]
fn poll_list_wakes_when_a_socket_becomes_readable() {
    cothread::scope(|| {
        let (mut tx, mut rx) = UnixStream::pair().unwrap();
        let fd = rx.as_raw_fd();
        let reader = spawn(move || {
            let ready =
                coselect::poll_list(&[(fd, coselect::POLLIN)], Duration::from_secs(5)).unwrap();
            let mut buf = [0u8; 5];
            rx.read_exact(&mut buf).unwrap();
            (ready, buf)
        });
        cothread::sleep(Duration::from_millis(5));
        assert!(
            !reader.is_finished(),
            "poll_list returned before data arrived"
        );
        tx.write_all(b"hello").unwrap();
        let (ready, buf) = reader.wait(Duration::from_secs(5)).unwrap();
        assert_eq!(ready, vec![(fd, coselect::POLLIN)]);
        assert_eq!(&buf, b"hello");
    })
}

#[test]
fn select_reports_readable_and_writable_fds_and_times_out() {
    cothread::scope(|| {
        let (mut tx, rx) = UnixStream::pair().unwrap();
        let (r, w) = (rx.as_raw_fd(), tx.as_raw_fd());
        let (rd, wr, ex) = coselect::select(&[r], &[w], &[], Duration::from_secs(1)).unwrap();
        assert!(rd.is_empty());
        assert_eq!(wr, vec![w]);
        assert!(ex.is_empty());
        let start = Instant::now();
        let (rd, _, _) = coselect::select(&[r], &[], &[], Duration::from_millis(20)).unwrap();
        assert!(rd.is_empty() && start.elapsed() >= Duration::from_millis(20));
        tx.write_all(b"x").unwrap();
        let mut poller = coselect::poll();
        poller.register(r, coselect::POLLIN);
        assert_eq!(
            poller.poll(Duration::from_secs(1)).unwrap(),
            vec![(r, coselect::POLLIN)]
        );
    })
}

#[test]
fn select_on_an_fd_that_is_not_open_is_an_error_not_a_timeout() {
    cothread::scope(|| {
        // Fds are numbered lowest first: this one is not open.
        let closed = 999_999;
        let start = Instant::now();
        let result = coselect::select(&[closed], &[], &[], None::<Duration>);
        // Before, it returned three empty lists at once, as a timeout would.
        match result {
            Err(Error::Io(err)) => assert!(err.to_string().contains("not open"), "{err}"),
            other => panic!("expected an error, got {other:?}"),
        }
        assert!(start.elapsed() < Duration::from_secs(5));
    })
}

#[test]
fn poll_list_suspends_only_the_caller() {
    cothread::scope(|| {
        let (_tx, rx) = UnixStream::pair().unwrap();
        let fd = rx.as_raw_fd();
        let blocked = spawn(move || {
            coselect::poll_list(&[(fd, coselect::POLLIN)], Duration::from_millis(100))
        });
        let busy = spawn(|| {
            for _ in 0..10 {
                cothread::sleep(Duration::from_millis(1));
            }
            "done"
        });
        assert_eq!(busy.wait(Duration::from_secs(5)).unwrap(), "done");
        assert!(!blocked.is_finished());
        assert!(blocked.wait(Timeout::NEVER).unwrap().unwrap().is_empty());
    })
}

#[test]
fn threaded_event_queue_carries_items_from_an_os_thread() {
    cothread::scope(|| {
        let q = ThreadedEventQueue::new().unwrap();
        let tx = q.clone();
        let producer = std::thread::spawn(move || {
            for i in 0..1000u32 {
                tx.signal(i);
                if i % 100 == 0 {
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
            tx.close();
        });
        // A concurrently running cothread proves the wait is cooperative.
        let ticker = spawn(|| {
            let mut ticks = 0;
            while ticks < 3 {
                cothread::sleep(Duration::from_millis(1));
                ticks += 1;
            }
            ticks
        });
        let mut got = Vec::new();
        loop {
            match q.wait(Duration::from_secs(5)) {
                Ok(v) => got.push(v),
                Err(Error::QueueClosed) => break,
                Err(e) => panic!("unexpected {e}"),
            }
        }
        producer.join().unwrap();
        assert_eq!(got, (0..1000).collect::<Vec<_>>());
        assert_eq!(ticker.wait(Duration::from_secs(5)).unwrap(), 3);
    })
}

#[test]
fn threaded_event_queue_carries_items_to_an_os_thread() {
    cothread::scope(|| {
        let q = ThreadedEventQueue::<String>::new().unwrap();
        let rx = q.clone();
        let consumer = std::thread::spawn(move || rx.wait(Duration::from_secs(5)));
        cothread::sleep(Duration::from_millis(5));
        q.signal("to the thread".to_owned());
        assert_eq!(consumer.join().unwrap().unwrap(), "to the thread");
        assert!(matches!(
            q.wait(Duration::from_millis(5)),
            Err(Error::Timedout)
        ));
    })
}

#[test]
fn wait_descriptor_is_readable_only_while_data_is_queued() {
    cothread::scope(|| {
        let q = ThreadedEventQueue::new().unwrap();
        let fd = q.wait_descriptor();
        assert!(
            coselect::poll_list(&[(fd, coselect::POLLIN)], Duration::ZERO)
                .unwrap()
                .is_empty()
        );
        q.signal(1);
        assert_eq!(
            coselect::poll_list(&[(fd, coselect::POLLIN)], Duration::ZERO)
                .unwrap()
                .len(),
            1
        );
        q.wait(Timeout::NEVER).unwrap();
        assert!(
            coselect::poll_list(&[(fd, coselect::POLLIN)], Duration::ZERO)
                .unwrap()
                .is_empty()
        );
    })
}

#[test]
fn callback_result_runs_on_the_scheduler_thread_from_an_os_thread() {
    cothread::scope(|| {
        let handle = SchedulerHandle::current();
        let here = std::thread::current().id();
        let worker = std::thread::spawn(move || {
            let r = handle.callback_result(
                move || std::thread::current().id() == here,
                Duration::from_secs(5),
            );
            let p = handle.callback_result(
                || -> u8 { panic!("callback failed") },
                Duration::from_secs(5),
            );
            (r, p)
        });
        while !worker.is_finished() {
            cothread::sleep(Duration::from_millis(1));
        }
        let (r, p) = worker.join().unwrap();
        assert!(r.unwrap(), "callback ran on the wrong thread");
        assert!(matches!(p, Err(Error::Panicked(m)) if m == "callback failed"));
    })
}

#[test]
fn callbacks_may_suspend_and_run_in_order() {
    cothread::scope(|| {
        let handle = SchedulerHandle::current();
        let q = ThreadedEventQueue::new().unwrap();
        let tx = q.clone();
        std::thread::spawn(move || {
            for i in 0..3 {
                let tx = tx.clone();
                handle
                    .callback(move || {
                        cothread::sleep(Duration::from_millis(1)); // callbacks run on a cothread
                        tx.signal(i);
                    })
                    .unwrap();
            }
        })
        .join()
        .unwrap();
        let got: Vec<i32> = (0..3)
            .map(|_| q.wait(Duration::from_secs(5)).unwrap())
            .collect();
        assert_eq!(got, vec![0, 1, 2]);
    })
}

#[test]
fn callback_result_times_out_when_the_scheduler_is_busy() {
    cothread::scope(|| {
        let handle = SchedulerHandle::current();
        // Nothing on this thread suspends while the worker waits.
        let r = std::thread::spawn(move || handle.callback_result(|| 1, Duration::from_millis(20)))
            .join()
            .unwrap();
        assert!(matches!(r, Err(Error::Timedout)));
    })
}

#[test]
fn callbacks_to_a_finished_thread_report_scheduler_gone() {
    cothread::scope(|| {
        let handle = std::thread::spawn(SchedulerHandle::current).join().unwrap();
        assert!(matches!(handle.callback(|| ()), Err(Error::SchedulerGone)));
        assert!(matches!(
            handle.callback_result(|| 1, Duration::from_secs(1)),
            Err(Error::SchedulerGone)
        ));
    })
}

thread_local! {
    /// What callbacks delivered to this test thread recorded.
    static DELIVERED: std::cell::RefCell<Vec<(usize, usize)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Waits cooperatively (callbacks run meanwhile) until `done`, for at most
/// a generous deadline on a loaded machine.
fn wait_until(done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() && Instant::now() < deadline {
        cothread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn callbacks_from_several_threads_all_run_in_each_threads_order() {
    cothread::scope(|| {
        const THREADS: usize = 4;
        // Enough for many chunks of the queue and more than it keeps for reuse.
        const EACH: usize = 5000;
        let handle = SchedulerHandle::current();
        let producers: Vec<_> = (0..THREADS)
            .map(|t| {
                let handle = handle.clone();
                std::thread::spawn(move || {
                    for i in 0..EACH {
                        if i % 7 == 0 {
                            // Too large to store inline: boxed on the way.
                            let padding = [i as u64; 16];
                            handle
                                .callback(move || {
                                    let i = padding.iter().sum::<u64>() as usize / 16;
                                    DELIVERED.with(|d| d.borrow_mut().push((t, i)));
                                })
                                .unwrap();
                        } else {
                            handle
                                .callback(move || DELIVERED.with(|d| d.borrow_mut().push((t, i))))
                                .unwrap();
                        }
                    }
                })
            })
            .collect();
        wait_until(|| DELIVERED.with(|d| d.borrow().len()) == THREADS * EACH);
        for p in producers {
            p.join().unwrap();
        }
        let delivered = DELIVERED.with(|d| std::mem::take(&mut *d.borrow_mut()));
        assert_eq!(delivered.len(), THREADS * EACH, "callbacks lost");
        for t in 0..THREADS {
            let order: Vec<usize> = delivered
                .iter()
                .filter(|(from, _)| *from == t)
                .map(|&(_, i)| i)
                .collect();
            assert_eq!(
                order,
                (0..EACH).collect::<Vec<_>>(),
                "thread {t} out of order"
            );
        }
    })
}

#[test]
fn a_panicking_callback_does_not_stop_later_ones() {
    cothread::scope(|| {
        let handle = SchedulerHandle::current();
        let q = ThreadedEventQueue::new().unwrap();
        let tx = q.clone();
        std::thread::spawn(move || {
            handle.callback(|| panic!("callback failed")).unwrap();
            handle
                .callback(move || {
                    tx.signal("after");
                })
                .unwrap();
        })
        .join()
        .unwrap();
        assert_eq!(q.wait(Duration::from_secs(30)).unwrap(), "after");
    })
}

/// A panic payload whose own drop panics.
struct PanicsWhenDropped;

impl Drop for PanicsWhenDropped {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            panic!("the panic payload's drop panicked");
        }
    }
}

#[test]
fn a_callback_whose_panic_payload_panics_when_dropped_does_not_stop_later_ones() {
    cothread::scope(|| {
        let handle = SchedulerHandle::current();
        let q = ThreadedEventQueue::new().unwrap();
        let tx = q.clone();
        let caller = std::thread::spawn(move || {
            handle
                .callback(|| std::panic::panic_any(PanicsWhenDropped))
                .unwrap();
            let result = handle.callback_result(
                || std::panic::panic_any(PanicsWhenDropped),
                Duration::from_secs(30),
            );
            handle
                .callback(move || {
                    tx.signal("after");
                })
                .unwrap();
            result
        });
        // Before the payload's disposal was contained, its second panic ended
        // the thread's callback cothread, and every later callback queued for
        // it forever.
        assert_eq!(q.wait(Duration::from_secs(30)).unwrap(), "after");
        let result = caller.join().unwrap();
        assert!(matches!(result, Err(Error::Panicked(_))), "{result:?}");
    })
}

#[test]
fn a_callback_result_that_panics_after_its_caller_timed_out_is_reported() {
    cothread::scope(|| {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&seen);
        cothread::diagnostics::set_hook(move |d| {
            if let cothread::diagnostics::Diagnostic::CothreadPanicked { what, message } = d {
                if message == "panicked after the caller gave up" {
                    sink.lock().unwrap().push(*what);
                }
            }
        });
        let handle = SchedulerHandle::current();
        let caller = std::thread::spawn(move || {
            handle.callback_result(
                || {
                    cothread::sleep(Duration::from_millis(200));
                    std::panic::resume_unwind(Box::new("panicked after the caller gave up"))
                },
                Duration::from_millis(20),
            )
        });
        // This thread's scheduler runs the callback meanwhile.
        let deadline = Instant::now() + Duration::from_secs(10);
        while seen.lock().unwrap().is_empty() && Instant::now() < deadline {
            cothread::sleep(Duration::from_millis(10));
        }
        assert!(matches!(caller.join().unwrap(), Err(Error::Timedout)));
        // Before, nobody heard of it: the caller had gone with its timeout.
        assert_eq!(*seen.lock().unwrap(), ["callback"]);
        cothread::diagnostics::reset_hook();
    })
}

#[test]
fn callbacks_queued_to_a_thread_that_exits_are_dropped_not_leaked() {
    cothread::scope(|| {
        let (handle_tx, handle_rx) = std::sync::mpsc::channel();
        let (exit_tx, exit_rx) = std::sync::mpsc::channel::<()>();
        // A thread with a scheduler that never runs its callbacks.
        let owner = std::thread::spawn(move || {
            handle_tx.send(SchedulerHandle::current()).unwrap();
            exit_rx.recv().unwrap();
        });
        let handle = handle_rx.recv().unwrap();
        let witness = std::sync::Arc::new(());
        for _ in 0..3 {
            let w = witness.clone();
            handle.callback(move || drop(w)).unwrap();
        }
        assert_eq!(std::sync::Arc::strong_count(&witness), 4);
        exit_tx.send(()).unwrap();
        owner.join().unwrap();
        assert_eq!(
            std::sync::Arc::strong_count(&witness),
            1,
            "queued callbacks outlived their thread"
        );
        assert!(matches!(handle.callback(|| ()), Err(Error::SchedulerGone)));
    })
}

#[test]
fn a_long_burst_of_callbacks_lets_other_cothreads_run() {
    cothread::scope(|| {
        const BURST: usize = 3000;
        let delivered = || DELIVERED.with(|d| d.borrow().len());
        let handle = SchedulerHandle::current();
        // The whole burst is queued before this thread next suspends.
        std::thread::spawn(move || {
            for i in 0..BURST {
                handle
                    .callback(move || DELIVERED.with(|d| d.borrow_mut().push((0, i))))
                    .unwrap();
            }
        })
        .join()
        .unwrap();
        // Another cothread notes how far delivery had got each time it ran.
        let watcher = spawn(move || {
            let mut seen = Vec::new();
            let deadline = Instant::now() + Duration::from_secs(30);
            while delivered() < BURST && Instant::now() < deadline {
                seen.push(delivered());
                cothread::yield_now(Duration::ZERO);
            }
            seen
        });
        let seen = watcher.wait(Timeout::NEVER).unwrap();
        DELIVERED.with(|d| d.borrow_mut().clear());
        assert!(
            seen.iter().any(|&n| 0 < n && n < BURST),
            "no other cothread ran while the burst was delivered: {seen:?}"
        );
    })
}
