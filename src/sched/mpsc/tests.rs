//! Properties of the lock-free queue, each checked with real threads (and
//! small enough to run under Miri and valgrind).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::{Mpsc, Popped, Pushed, CHUNK, KEPT_CHUNKS};

/// Items per producer: enough to cross many chunks natively, few under Miri.
fn scaled(n: usize) -> usize {
    if cfg!(miri) {
        (n / 100).max(CHUNK + 3)
    } else {
        n
    }
}

/// Counts drops of the values it is part of.
struct Tally {
    drops: Arc<AtomicUsize>,
}

impl Drop for Tally {
    fn drop(&mut self) {
        self.drops.fetch_add(1, Ordering::SeqCst);
    }
}

/// Pops everything available, ignoring Idle/Pending, until `want` items or
/// the deadline.
fn drain_polling<T>(queue: &Mpsc<T>, want: usize, deadline: Duration) -> Vec<T> {
    let until = Instant::now() + deadline;
    let mut all = Vec::new();
    let mut batch = Vec::new();
    while all.len() < want {
        assert!(Instant::now() < until, "only {} of {want} items", all.len());
        match queue.pop_batch(&mut batch, CHUNK) {
            Popped::Items => all.append(&mut batch),
            Popped::Pending | Popped::Idle => std::thread::yield_now(),
            Popped::Closed => panic!("closed"),
        }
    }
    all
}

#[test]
fn items_of_many_producers_arrive_once_each_in_each_producers_order() {
    let producers = 4;
    let per = scaled(50_000);
    let queue = Arc::new(Mpsc::<(usize, usize)>::new());
    let threads: Vec<_> = (0..producers)
        .map(|p| {
            let queue = queue.clone();
            std::thread::spawn(move || {
                for i in 0..per {
                    assert!(!matches!(queue.push((p, i)), Pushed::Closed(_)));
                }
            })
        })
        .collect();
    let got = drain_polling(&queue, producers * per, Duration::from_secs(120));
    for t in threads {
        t.join().unwrap();
    }
    let mut next = vec![0; producers];
    for (p, i) in got {
        assert_eq!(i, next[p], "producer {p}'s items out of order or repeated");
        next[p] += 1;
    }
    assert!(next.iter().all(|&n| n == per));
    goes_idle(&queue);
}

/// Asserts that a drained queue's consumer, looking again and again, is
/// told to wait (`Pending`) for a few microseconds at most, then `Idle`.
fn goes_idle<T>(queue: &Mpsc<T>) {
    let until = Instant::now() + Duration::from_secs(10);
    let mut batch = Vec::new();
    loop {
        match queue.pop_batch(&mut batch, CHUNK) {
            Popped::Idle => return,
            Popped::Pending => assert!(Instant::now() < until, "never went idle"),
            other => panic!("{other:?} from a drained queue"),
        }
    }
}

#[test]
fn close_drops_queued_items_once_and_refuses_later_pushes() {
    let drops = Arc::new(AtomicUsize::new(0));
    let queue = Mpsc::new();
    let queued = 2 * CHUNK + 5;
    for _ in 0..queued {
        let pushed = queue.push(Tally {
            drops: drops.clone(),
        });
        assert!(!matches!(pushed, Pushed::Closed(_)));
    }
    let mut batch = Vec::new();
    assert_eq!(queue.pop_batch(&mut batch, 10), Popped::Items);
    assert_eq!(batch.len(), 10);
    queue.close();
    assert_eq!(drops.load(Ordering::SeqCst), queued - 10);
    drop(batch);
    assert_eq!(drops.load(Ordering::SeqCst), queued);
    match queue.push(Tally {
        drops: drops.clone(),
    }) {
        Pushed::Closed(back) => drop(back),
        _ => panic!("a closed queue accepted a push"),
    }
    assert_eq!(drops.load(Ordering::SeqCst), queued + 1);
    let mut batch = Vec::new();
    assert_eq!(queue.pop_batch(&mut batch, 10), Popped::Closed);
    queue.close();
    drop(queue);
    assert_eq!(drops.load(Ordering::SeqCst), queued + 1);
}

#[test]
fn dropping_the_queue_drops_what_it_holds_once() {
    let drops = Arc::new(AtomicUsize::new(0));
    let queue = Mpsc::new();
    for _ in 0..CHUNK + 1 {
        let _ = queue.push(Tally {
            drops: drops.clone(),
        });
    }
    drop(queue);
    assert_eq!(drops.load(Ordering::SeqCst), CHUNK + 1);
}

#[test]
fn pushes_racing_close_are_each_consumed_or_dropped_exactly_once() {
    for round in 0..if cfg!(miri) { 2 } else { 50 } {
        let producers = 3;
        let per = scaled(3_000);
        let drops = Arc::new(AtomicUsize::new(0));
        let refused = Arc::new(AtomicUsize::new(0));
        let queue = Arc::new(Mpsc::new());
        let start = Arc::new(Barrier::new(producers + 2));
        let threads: Vec<_> = (0..producers)
            .map(|_| {
                let (queue, drops, refused, start) =
                    (queue.clone(), drops.clone(), refused.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    for _ in 0..per {
                        let tally = Tally {
                            drops: drops.clone(),
                        };
                        if let Pushed::Closed(back) = queue.push(tally) {
                            refused.fetch_add(1, Ordering::SeqCst);
                            drop(back);
                        }
                    }
                })
            })
            .collect();
        let consumer = {
            let (queue, start) = (queue.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                let mut consumed = 0;
                let mut batch = Vec::new();
                loop {
                    match queue.pop_batch(&mut batch, 64) {
                        Popped::Items => consumed += batch.drain(..).count(),
                        Popped::Pending | Popped::Idle => std::thread::yield_now(),
                        Popped::Closed => return consumed,
                    }
                }
            })
        };
        start.wait();
        // Close somewhere in the middle of the pushes (varies by round).
        for _ in 0..round * 100 {
            std::hint::spin_loop();
        }
        std::thread::yield_now();
        queue.close();
        for t in threads {
            t.join().unwrap();
        }
        let consumed = consumer.join().unwrap();
        let total = producers * per;
        assert_eq!(drops.load(Ordering::SeqCst), total, "round {round}");
        assert!(consumed + refused.load(Ordering::SeqCst) <= total);
    }
}

/// A wake-up permit: the consumer sleeps on it, a `MustWake` push gives it.
#[derive(Default)]
struct Permit {
    given: Mutex<bool>,
    cond: Condvar,
}

#[test]
fn a_wake_is_never_lost_and_comes_once_per_idle_period() {
    let producers = 3;
    let per = scaled(30_000);
    let queue = Arc::new(Mpsc::<usize>::new());
    let permit = Arc::new(Permit::default());
    let wakes = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..producers)
        .map(|p| {
            let (queue, permit, wakes) = (queue.clone(), permit.clone(), wakes.clone());
            std::thread::spawn(move || {
                for i in 0..per {
                    if let Pushed::MustWake = queue.push(i) {
                        wakes.fetch_add(1, Ordering::SeqCst);
                        *permit.given.lock().unwrap() = true;
                        permit.cond.notify_one();
                    }
                    // Bursts and gaps, so the consumer goes idle often.
                    if (i + p) % 97 == 0 {
                        std::thread::yield_now();
                    }
                }
            })
        })
        .collect();
    // The queue starts idle: its first push wakes the consumer.
    let mut idle_periods = 1;
    let mut received = 0;
    let mut batch = Vec::new();
    while received < producers * per {
        match queue.pop_batch(&mut batch, CHUNK) {
            Popped::Items => received += batch.drain(..).count(),
            Popped::Pending => std::thread::yield_now(),
            Popped::Idle => {
                idle_periods += 1;
                let given = permit.given.lock().unwrap();
                let (mut given, timeout) = permit
                    .cond
                    .wait_timeout_while(given, Duration::from_secs(60), |g| !*g)
                    .unwrap();
                assert!(
                    !timeout.timed_out(),
                    "wake lost: idle with {received} of {} received",
                    producers * per
                );
                *given = false;
            }
            Popped::Closed => panic!("closed"),
        }
    }
    for t in threads {
        t.join().unwrap();
    }
    let wakes = wakes.load(Ordering::SeqCst);
    assert!(wakes >= 1);
    // At most one wake per idle period (a period may be counted twice when
    // a stale permit ends a wait early, never the other way round).
    assert!(
        wakes <= idle_periods,
        "{wakes} wakes for {idle_periods} idle periods"
    );
}

#[test]
fn a_warm_queue_allocates_nothing_and_keeps_a_bounded_number_of_chunks() {
    let queue = Mpsc::<usize>::new();
    // A backlog of many chunks, then drained.
    let backlog = if cfg!(miri) { 8 } else { 3 * KEPT_CHUNKS };
    for i in 0..backlog * CHUNK {
        let _ = queue.push(i);
    }
    let got = drain_polling(&queue, backlog * CHUNK, Duration::from_secs(60));
    assert!(got.iter().copied().eq(0..backlog * CHUNK));
    goes_idle(&queue);
    let (held, allocated) = queue.chunks();
    assert!(allocated > backlog / 2, "the backlog needed new chunks");
    // The consumer's chunk, spares and retired chunks not yet reusable.
    assert!(held <= KEPT_CHUNKS + 2, "holds {held} chunks after a drain");
    // Bursts well within the kept chunks reuse them (a burst's chunks are
    // reusable once it is drained).
    for _ in 0..3 {
        let burst = (KEPT_CHUNKS / 2).min(backlog / 2) * CHUNK;
        for i in 0..burst {
            let _ = queue.push(i);
        }
        drain_polling(&queue, burst, Duration::from_secs(60));
        goes_idle(&queue);
    }
    let (held_after, allocated_after) = queue.chunks();
    assert!(held_after <= KEPT_CHUNKS + 2);
    assert_eq!(allocated_after, allocated, "a warm queue allocated");
}
