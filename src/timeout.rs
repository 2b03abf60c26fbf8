//! [`Timeout`]: when to give up waiting, as a relative [`Duration`], an
//! absolute [`Instant`] or [`SystemTime`], or never.
//!
//! Owns only the type and its conversions. It sits below the scheduler
//! (which takes deadlines as `Option<Instant>`) so that every layer, the
//! scheduler's own `JoinHandle::wait` included, names timeouts the same way
//! without importing `time`, the layer of sleeps and timers above it.
#![forbid(unsafe_code)]

use std::time::{Duration, Instant, SystemTime};

/// When to give up waiting: never, or at an absolute deadline.
///
/// Every timeout parameter takes `impl Into<Timeout>`: a relative
/// [`Duration`] (fixed to a deadline at conversion time), an absolute
/// [`Instant`] or [`SystemTime`], `None::<Duration>`/`Option<Duration>`
/// (`None` = never), or [`Timeout::NEVER`].
///
/// ```
/// use std::time::{Duration, Instant};
/// use cothread::Timeout;
/// let t: Timeout = Duration::from_millis(10).into();
/// assert!(t.deadline().unwrap() > Instant::now() - Duration::from_secs(1));
/// assert_eq!(Timeout::from(None::<Duration>), Timeout::NEVER);
/// assert!(Timeout::NEVER.deadline().is_none());
/// ```
///
/// A zero duration is "already expired" and is handled without reading the
/// clock (reading it costs tens of nanoseconds on some virtual machines,
/// which matters for `yield_now(Duration::ZERO)` in a tight loop).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timeout {
    repr: Repr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Repr {
    Never,
    At(Instant),
    /// Expired from the start (a zero relative timeout, or a past time).
    Expired,
}

impl Timeout {
    /// No timeout: wait forever.
    pub const NEVER: Timeout = Timeout { repr: Repr::Never };

    /// A deadline `d` from now (never, if that overflows `Instant`).
    #[inline]
    pub fn after(d: Duration) -> Timeout {
        if d.is_zero() {
            return Timeout {
                repr: Repr::Expired,
            };
        }
        match Instant::now().checked_add(d) {
            Some(at) => Timeout { repr: Repr::At(at) },
            None => Timeout::NEVER,
        }
    }

    /// The absolute deadline, `None` for [`Timeout::NEVER`]. For a zero
    /// duration this is the time of this call (the deadline has passed).
    #[inline]
    pub fn deadline(&self) -> Option<Instant> {
        match self.repr {
            Repr::Never => None,
            Repr::At(at) => Some(at),
            Repr::Expired => Some(Instant::now()),
        }
    }

    /// Time left until the deadline (zero once passed; `None` if never).
    pub fn remaining(&self) -> Option<Duration> {
        match self.repr {
            Repr::Never => None,
            Repr::At(at) => Some(at.saturating_duration_since(Instant::now())),
            Repr::Expired => Some(Duration::ZERO),
        }
    }

    /// True once the deadline has passed.
    #[inline]
    pub fn is_expired(&self) -> bool {
        match self.repr {
            Repr::Never => false,
            Repr::At(at) => at <= Instant::now(),
            Repr::Expired => true,
        }
    }
}

impl From<Duration> for Timeout {
    #[inline]
    fn from(d: Duration) -> Timeout {
        Timeout::after(d)
    }
}

impl From<Instant> for Timeout {
    #[inline]
    fn from(deadline: Instant) -> Timeout {
        Timeout {
            repr: Repr::At(deadline),
        }
    }
}

impl From<Option<Duration>> for Timeout {
    #[inline]
    fn from(d: Option<Duration>) -> Timeout {
        d.map_or(Timeout::NEVER, Timeout::after)
    }
}

impl From<SystemTime> for Timeout {
    /// Converts wall-clock time to a monotonic deadline, as of now.
    fn from(t: SystemTime) -> Timeout {
        let now = SystemTime::now();
        match t.duration_since(now) {
            Ok(ahead) => Timeout::after(ahead),
            Err(_) => Timeout {
                repr: Repr::Expired,
            },
        }
    }
}
