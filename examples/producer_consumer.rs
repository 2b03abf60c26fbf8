//! The seed document's EventQueue producer/consumer, plus a Timer.
//!
//! A consumer cothread iterates over an `EventQueue` until it is closed;
//! the main cothread produces ten values, one every 100 ms, while a
//! retriggering `Timer` reports progress every 250 ms on its own cothread.
//!
//! Run with `cargo run --example producer_consumer`.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use cothread::{EventQueue, Timeout, Timer};

fn main() {
    let queue = EventQueue::new();
    let consumed = Rc::new(Cell::new(0));

    let consumer = {
        let (queue, consumed) = (queue.clone(), consumed.clone());
        cothread::spawn(move || {
            for x in queue {
                println!("consumed {x}");
                consumed.set(consumed.get() + 1);
            }
        })
    };

    let progress = {
        let consumed = consumed.clone();
        Timer::with_options(Duration::from_millis(250), true, false, move || {
            println!("timer: {} consumed so far", consumed.get());
        })
    };

    for i in 0..10 {
        queue.signal(i);
        cothread::sleep(Duration::from_millis(100));
    }
    queue.close();
    consumer.wait(Timeout::NEVER).expect("consumer failed");
    progress.cancel();
    println!("done: {} values consumed", consumed.get());
}
