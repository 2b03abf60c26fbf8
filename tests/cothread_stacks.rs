//! The life cycle of cothread stacks across a thread's life: what is given
//! back when a thread's scheduler drops, and what must not be.
//!
//! One test only, so no other test of this binary maps or unmaps stacks
//! while it inspects `/proc/self/maps`.

use std::cell::Cell;
use std::rc::Rc;

use cothread::{spawn, Event, Timeout};

/// True if `addr` lies in one of this process's mappings.
fn mapped(addr: usize) -> bool {
    std::fs::read_to_string("/proc/self/maps")
        .unwrap()
        .lines()
        .filter_map(|line| {
            let range = line.split_whitespace().next()?;
            let (lo, hi) = range.split_once('-')?;
            Some((
                usize::from_str_radix(lo, 16).ok()?,
                usize::from_str_radix(hi, 16).ok()?,
            ))
        })
        .any(|(lo, hi)| (lo..hi).contains(&addr))
}

/// A point on the running cothread's stack: its stack pointer. (Not a
/// local's address: AddressSanitizer may move locals to a "fake stack" on
/// the heap.)
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
fn stack_address() -> usize {
    let sp: usize;
    // SAFETY: copies the stack pointer into a register; touches no memory.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    // SAFETY: as above.
    #[cfg(target_arch = "aarch64")]
    unsafe {
        std::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    sp
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
fn stack_address() -> usize {
    let local = 0u8;
    std::hint::black_box(&local) as *const u8 as usize
}

#[test]
fn stacks_are_unmapped_with_their_scheduler_unless_a_cothread_is_still_suspended() {
    cothread::scope(|| {
        // A thread whose cothread is still suspended when it exits: the
        // cothread is abandoned, and its stack stays mapped (something may
        // still borrow from it).
        let abandoned = std::thread::spawn(|| {
            // SAFETY: the abandoned cothread borrows no thread-local.
            unsafe { cothread::allow_without_scope() };
            let at = Rc::new(Cell::new(0));
            let a = at.clone();
            let never = Event::<()>::new();
            let _h = spawn(move || {
                a.set(stack_address());
                never.wait(Timeout::NEVER).unwrap();
            });
            cothread::yield_now(Timeout::NEVER);
            at.get()
        })
        .join()
        .unwrap();
        assert_ne!(abandoned, 0);
        assert!(
            mapped(abandoned),
            "the stack of a suspended, abandoned cothread was unmapped"
        );

        // A thread whose cothreads all finished: their stacks went back to the
        // pool, and the pool's memory is unmapped when the scheduler drops.
        let finished = std::thread::spawn(|| {
            cothread::scope(|| {
                let handles: Vec<_> = (0..100).map(|_| spawn(stack_address)).collect();
                handles
                    .into_iter()
                    .map(|h| h.wait(Timeout::NEVER).unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .join()
        .unwrap();
        for addr in finished {
            assert!(
                !mapped(addr),
                "a finished cothread's stack outlived its thread's scheduler"
            );
        }
    })
}
