//! [`SendFn`]: a `FnOnce() + Send` closure that crosses threads without a
//! heap allocation when it is small, for the scheduler's remote queue and
//! the callback inbox built on the same idea above it.
//!
//! A closure of at most [`INLINE_WORDS`] words (and no stricter alignment
//! than a word) is stored in the `SendFn` itself; a larger one is boxed
//! and the box is stored instead. Either way the `SendFn` holds one value
//! of a known type `F`, with one function instantiated for that `F` that
//! either moves it out and calls it or drops it in place. Three words of
//! closure and that function make 32 bytes: two `SendFn`s per cache line,
//! which is what crosses from one core to the other per call.
//!
//! Invariants: `data` holds an initialised `F` from `new` until exactly one
//! of `call` (which moves it out) or `drop` (which drops it in place) runs;
//! `call` forgets the `SendFn` before running the closure, so a panicking
//! closure is never dropped a second time. Moving a `SendFn` moves the
//! closure's bytes, as any Rust move does.

use std::mem::{ManuallyDrop, MaybeUninit};

/// Words of closure stored inline; larger closures are boxed.
const INLINE_WORDS: usize = 3;

type Data = [MaybeUninit<usize>; INLINE_WORDS];

/// A `FnOnce() + Send + 'static` closure, stored inline when it fits.
pub(crate) struct SendFn {
    data: Data,
    /// Calls or drops the `F` in `data`.
    run: unsafe fn(*mut Data, Action),
}

/// What `SendFn::run` does with the closure.
#[derive(Clone, Copy)]
enum Action {
    /// Move it out and call it.
    Call,
    /// Drop it in place.
    Drop,
}

// SAFETY: a `SendFn` only ever holds an `F: Send` (or a `Box` of one, also
// `Send`), and it gives no shared access to it: `&SendFn` exposes nothing.
unsafe impl Send for SendFn {}

/// Calls, or drops, the `F` that `data` holds.
///
/// # Safety
/// `data` must point to an initialised `F` that is not used again.
unsafe fn run<F: FnOnce()>(data: *mut Data, action: Action) {
    let f = data.cast::<F>();
    match action {
        Action::Call => {
            // SAFETY: per the contract, `data` holds an initialised `F`,
            // suitably aligned (checked by `SendFn::new`), that nobody
            // reads again: moving it out leaves nothing behind to drop.
            let f = unsafe { f.read() };
            f();
        }
        // SAFETY: as above.
        Action::Drop => unsafe { f.drop_in_place() },
    }
}

impl SendFn {
    /// Wraps `f`, inline if it fits in [`INLINE_WORDS`] words.
    #[inline]
    pub(crate) fn new<F: FnOnce() + Send + 'static>(f: F) -> SendFn {
        if Self::fits::<F>() {
            Self::inline(f)
        } else {
            // A `Box<F>` is one pointer: it always fits.
            Self::inline(Box::new(f))
        }
    }

    const fn fits<F>() -> bool {
        size_of::<F>() <= size_of::<Data>() && align_of::<F>() <= align_of::<Data>()
    }

    #[inline]
    fn inline<F: FnOnce() + Send + 'static>(f: F) -> SendFn {
        assert!(Self::fits::<F>(), "closure too large to store inline");
        let mut data: Data = [MaybeUninit::uninit(); INLINE_WORDS];
        // SAFETY: `data` is large and aligned enough for `F` (asserted
        // above, a constant per `F`), and writing does not read the
        // uninitialised bytes.
        unsafe { (&raw mut data).cast::<F>().write(f) };
        SendFn {
            data,
            run: run::<F>,
        }
    }

    /// Calls the closure.
    #[inline]
    pub(crate) fn call(self) {
        let mut this = ManuallyDrop::new(self);
        // SAFETY: `data` holds the initialised `F` that `run` was made for
        // (module invariant); `this` is never dropped, so the `F` moved out
        // here is not used again, even if it panics.
        unsafe { (this.run)(&raw mut this.data, Action::Call) };
    }
}

impl Drop for SendFn {
    fn drop(&mut self) {
        // SAFETY: not called (`call` forgets `self`), so `data` still holds
        // the `F` that `run` was made for; it is not used after this.
        unsafe { (self.run)(&raw mut self.data, Action::Drop) };
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use super::SendFn;

    #[test]
    fn a_send_fn_is_half_a_cache_line() {
        assert_eq!(size_of::<SendFn>(), 32);
    }

    /// Counts drops of what a closure captured.
    struct Tally(Arc<AtomicUsize>);
    impl Drop for Tally {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn small_and_large_closures_run_once_and_drop_once() {
        let ran = Arc::new(AtomicUsize::new(0));
        let dropped = Arc::new(AtomicUsize::new(0));
        let small = {
            let (ran, tally) = (ran.clone(), Tally(dropped.clone()));
            SendFn::new(move || {
                let _keep = &tally;
                ran.fetch_add(1, Ordering::SeqCst);
            })
        };
        let large = {
            let (ran, tally, big) = (ran.clone(), Tally(dropped.clone()), [7u64; 32]);
            SendFn::new(move || {
                let _keep = &tally;
                ran.fetch_add(big.iter().sum::<u64>() as usize, Ordering::SeqCst);
            })
        };
        let moved = vec![small, large]; // moving them moves the closures
        for f in moved {
            f.call();
        }
        assert_eq!(ran.load(Ordering::SeqCst), 1 + 7 * 32);
        assert_eq!(dropped.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn an_uncalled_closure_is_dropped_once() {
        let dropped = Arc::new(AtomicUsize::new(0));
        let tally = Tally(dropped.clone());
        let big = [0u8; 100];
        drop(SendFn::new(move || drop((tally, big))));
        let tally = Tally(dropped.clone());
        drop(SendFn::new(move || drop(tally)));
        assert_eq!(dropped.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_panicking_closure_is_dropped_once() {
        let dropped = Arc::new(AtomicUsize::new(0));
        let tally = Tally(dropped.clone());
        let f = SendFn::new(move || {
            let _keep = tally;
            panic!("boom");
        });
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f.call()));
        assert!(result.is_err());
        assert_eq!(dropped.load(Ordering::SeqCst), 1);
    }
}
