//! Cooperative `select` and `poll` on raw file descriptors: they suspend
//! only the calling cothread; the scheduler polls all registered fds at once.
//!
//! ```
//! use std::{io::Write, os::fd::AsRawFd, os::unix::net::UnixStream, time::Duration};
//! use cothread::coselect;
//! let (mut a, b) = UnixStream::pair().unwrap();
//! let fd = b.as_raw_fd();
//! let reader = cothread::spawn(move || coselect::poll_list(&[(fd, coselect::POLLIN)], None::<Duration>));
//! a.write_all(b"x").unwrap();
//! let ready = reader.wait(cothread::Timeout::NEVER).unwrap().unwrap();
//! assert_eq!(ready, vec![(fd, coselect::POLLIN)]);
//! # drop(b);
//! ```
#![forbid(unsafe_code)]

use std::collections::BTreeMap;
use std::os::fd::RawFd;

use crate::error::Error;
use crate::sched;
use crate::timeout::Timeout;

/// Data to read.
pub const POLLIN: i16 = libc::POLLIN;
/// Writing will not block.
pub const POLLOUT: i16 = libc::POLLOUT;
/// Urgent data to read.
pub const POLLPRI: i16 = libc::POLLPRI;
/// Error condition (always reported).
pub const POLLERR: i16 = libc::POLLERR;
/// Hang up (always reported).
pub const POLLHUP: i16 = libc::POLLHUP;
/// Invalid descriptor (always reported).
pub const POLLNVAL: i16 = libc::POLLNVAL;

/// Suspends until at least one `(fd, mask)` pair is ready (or reports
/// POLLERR/POLLHUP/POLLNVAL), or until `timeout`; returns the ready
/// `(fd, revents)` pairs, empty on timeout. Suspends even if an fd is
/// already ready, unless the timeout has already expired (then it just
/// polls).
pub fn poll_list(
    events: &[(RawFd, i16)],
    timeout: impl Into<Timeout>,
) -> Result<Vec<(RawFd, i16)>, Error> {
    let timeout = timeout.into();
    if timeout.is_expired() {
        return sched::poll_now(events);
    }
    sched::poll_wait(events, timeout.deadline())
}

/// The ready `(read, write, except)` fds returned by [`select`].
pub type Selected = (Vec<RawFd>, Vec<RawFd>, Vec<RawFd>);

/// Cooperative `select(2)`: returns the subsets of `read`, `write` and
/// `except` fds that are ready (all empty on timeout). An fd that is not
/// open is an error ([`Error::Io`], `EBADF`), as for `select(2)` itself
/// (Python's cothread raises `SelectError`), not a timeout.
pub fn select(
    read: &[RawFd],
    write: &[RawFd],
    except: &[RawFd],
    timeout: impl Into<Timeout>,
) -> Result<Selected, Error> {
    let mut masks: BTreeMap<RawFd, i16> = BTreeMap::new();
    for &fd in read {
        *masks.entry(fd).or_default() |= POLLIN;
    }
    for &fd in write {
        *masks.entry(fd).or_default() |= POLLOUT;
    }
    for &fd in except {
        *masks.entry(fd).or_default() |= POLLPRI;
    }
    let list: Vec<(RawFd, i16)> = masks.into_iter().collect();
    let ready = poll_list(&list, timeout)?;
    if let Some(&(fd, _)) = ready.iter().find(|&&(_, events)| events & POLLNVAL != 0) {
        let err = std::io::Error::from_raw_os_error(libc::EBADF);
        return Err(Error::Io(std::sync::Arc::new(std::io::Error::new(
            err.kind(),
            format!("select: fd {fd} is not open ({err})"),
        ))));
    }
    let pick = |fds: &[RawFd], mask: i16| -> Vec<RawFd> {
        fds.iter()
            .copied()
            .filter(|fd| ready.iter().any(|&(r, ev)| r == *fd && ev & mask != 0))
            .collect()
    };
    Ok((
        pick(read, POLLIN | POLLHUP | POLLERR),
        pick(write, POLLOUT | POLLERR),
        pick(except, POLLPRI),
    ))
}

/// A cooperative poll object, like Python's `select.poll()`.
#[derive(Clone, Debug, Default)]
pub struct Poll {
    fds: BTreeMap<RawFd, i16>,
}

impl Poll {
    /// An empty poll set.
    pub fn new() -> Poll {
        Poll::default()
    }

    /// Watches `fd` for `mask` (replacing any earlier mask).
    pub fn register(&mut self, fd: RawFd, mask: i16) {
        self.fds.insert(fd, mask);
    }

    /// Changes the mask of a registered fd.
    pub fn modify(&mut self, fd: RawFd, mask: i16) {
        self.register(fd, mask);
    }

    /// Stops watching `fd`.
    pub fn unregister(&mut self, fd: RawFd) {
        self.fds.remove(&fd);
    }

    /// Suspends until a registered fd is ready or `timeout`; returns the
    /// ready `(fd, revents)` pairs.
    pub fn poll(&self, timeout: impl Into<Timeout>) -> Result<Vec<(RawFd, i16)>, Error> {
        let list: Vec<(RawFd, i16)> = self.fds.iter().map(|(&fd, &m)| (fd, m)).collect();
        poll_list(&list, timeout)
    }
}

/// Python-style alias: a new [`Poll`] object.
pub fn poll() -> Poll {
    Poll::new()
}
