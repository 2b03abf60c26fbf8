//! File-descriptor polling: tasks blocked in `coselect`, and the poll step
//! of the scheduler loop (which also drains the remote queue's wake-up fd
//! and runs `before_poll` hooks).
//!
//! Invariants: a blocked task's fds and result slot live on the heap
//! ([`PollWait`]); the scheduler polls them together with the wake-up fd
//! and wakes each task at most once (its waker's generation). Each fd is
//! polled once however many tasks wait on it (its events merged), as
//! Python's cothread does: `poll(2)` refuses more entries than the
//! process's limit of open files, which a thousand cothreads waiting on one
//! queue's fd would otherwise pass.

use std::cell::RefCell;
use std::collections::HashMap;
use std::os::fd::RawFd;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use super::switch::block;
use super::task::{Wake, Waker};
use super::{current, sys, Scheduler};
use crate::error::Error;

/// A task blocked in `coselect`: its fds and where to put the result.
pub(super) struct PollWait {
    pub(super) fds: Vec<libc::pollfd>,
    pub(super) waker: Waker,
    pub(super) out: Rc<RefCell<Vec<(RawFd, i16)>>>,
}

impl Scheduler {
    /// Runs `before_poll` hooks, then polls all registered fds plus the
    /// wake-up fd, blocking until the next timer if `may_block` and nothing
    /// became ready meanwhile.
    pub(super) fn poll_step(&self, may_block: bool) {
        self.resumed_since_poll.set(0);
        // Most steps (each wake-up by another thread, say) have no hooks
        // and no fds of cothreads to poll: they skip that bookkeeping.
        if !self.before_poll.borrow().is_empty() {
            let hooks = std::mem::take(&mut *self.before_poll.borrow_mut());
            for hook in hooks {
                hook();
            }
        }
        let block =
            may_block && self.ready.borrow().is_empty() && self.yielders.borrow().is_empty();
        self.trim_stacks(block);
        let timeout = if block {
            self.next_deadline()
                .map_or(sys::PollTimeout::Forever, sys::PollTimeout::Until)
        } else {
            sys::PollTimeout::Zero
        };
        let mut fds = std::mem::take(&mut *self.pollfds.borrow_mut());
        fds.clear();
        fds.push(libc::pollfd {
            fd: self.remote.wake_fd(),
            events: libc::POLLIN,
            revents: 0,
        });
        let polling = !self.polls.borrow().is_empty();
        // Where each task's fd went in `fds`, in the order of `polls`.
        let mut places = Vec::new();
        if polling {
            let mut polls = self.polls.borrow_mut();
            polls.retain(|p| p.waker.is_live());
            let mut merged: HashMap<RawFd, usize> = HashMap::new();
            for p in polls.iter() {
                for f in &p.fds {
                    let place = *merged.entry(f.fd).or_insert_with(|| {
                        fds.push(libc::pollfd {
                            fd: f.fd,
                            events: 0,
                            revents: 0,
                        });
                        fds.len() - 1
                    });
                    fds[place].events |= f.events;
                    places.push(place);
                }
            }
        }
        if let Err(e) = sys::poll(&mut fds, timeout) {
            panic!("cothread: poll() failed in the scheduler: {e}");
        }
        if fds[0].revents != 0 {
            self.remote.run_pending(&self.spare_calls);
        }
        if polling {
            self.deliver_polls(&fds, &places);
        }
        *self.pollfds.borrow_mut() = fds;
    }

    /// Wakes the tasks whose fds (at `places` in `fds`, in the order of
    /// `polls`) became ready for what they asked; the others stay
    /// registered.
    fn deliver_polls(&self, fds: &[libc::pollfd], places: &[usize]) {
        let polls = std::mem::take(&mut *self.polls.borrow_mut());
        let mut rest = Vec::with_capacity(polls.len());
        let mut places = places.iter();
        for p in polls {
            let ready: Vec<(RawFd, i16)> = p
                .fds
                .iter()
                .zip(places.by_ref())
                .filter_map(|(f, &place)| {
                    // What this task asked for, and what is always told.
                    let wanted = f.events | libc::POLLERR | libc::POLLHUP | libc::POLLNVAL;
                    let revents = fds[place].revents & wanted;
                    (revents != 0).then_some((f.fd, revents))
                })
                .collect();
            if ready.is_empty() {
                rest.push(p);
            } else {
                *p.out.borrow_mut() = ready;
                p.waker.wake(Wake::Woken);
            }
        }
        self.polls.borrow_mut().extend(rest);
    }
}

/// Suspends the caller until one of `fds` is ready or `deadline` passes;
/// returns the ready `(fd, revents)` pairs (empty on timeout).
pub(crate) fn poll_wait(
    fds: &[(RawFd, i16)],
    deadline: Option<Instant>,
) -> Result<Vec<(RawFd, i16)>, Error> {
    let s = current();
    let out = Rc::new(RefCell::new(Vec::new()));
    let pollfds: Vec<libc::pollfd> = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    block(deadline, |waker| {
        s.polls.borrow_mut().push(PollWait {
            fds: pollfds,
            waker: waker.clone(),
            out: out.clone(),
        })
    })?;
    let ready = std::mem::take(&mut *out.borrow_mut());
    Ok(ready)
}

/// Non-blocking `poll(2)` of `fds` (for an already expired timeout).
pub(crate) fn poll_now(fds: &[(RawFd, i16)]) -> Result<Vec<(RawFd, i16)>, Error> {
    let mut pollfds: Vec<libc::pollfd> = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    sys::poll(&mut pollfds, sys::PollTimeout::Zero).map_err(|e| Error::Io(Arc::new(e)))?;
    Ok(pollfds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| (p.fd, p.revents))
        .collect())
}
