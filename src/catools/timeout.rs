//! How long a CA call may wait: a relative interval (fixed when the call
//! starts, so one set of options serves many calls), an absolute deadline, or
//! no limit.

use std::time::{Duration, Instant};

use crate::Timeout;

/// The `timeout` of `caget`, `caput` and `connect`: relative (the default, 5
/// seconds, as in Python's catools), an absolute deadline, or none.
///
/// A zero interval times out at once whenever any wait is needed; an
/// interval past what the clock can reach waits as long as it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaTimeout {
    /// This long after the call starts.
    After(Duration),
    /// At this moment.
    At(Instant),
    /// Wait as long as it takes.
    Never,
}

impl CaTimeout {
    /// Five seconds: the default of every call that waits.
    pub const DEFAULT: CaTimeout = CaTimeout::After(Duration::from_secs(5));

    /// The deadline for a call starting now (`None`: no deadline). An
    /// interval too long to add to the clock (such as `Duration::MAX`) means
    /// no deadline, as in the scheduler's `Timeout`.
    pub fn deadline(self) -> Option<Instant> {
        match self {
            CaTimeout::After(interval) => Instant::now().checked_add(interval),
            CaTimeout::At(deadline) => Some(deadline),
            CaTimeout::Never => None,
        }
    }
}

impl Default for CaTimeout {
    fn default() -> Self {
        CaTimeout::DEFAULT
    }
}

impl From<Duration> for CaTimeout {
    fn from(interval: Duration) -> Self {
        CaTimeout::After(interval)
    }
}

impl From<Instant> for CaTimeout {
    fn from(deadline: Instant) -> Self {
        CaTimeout::At(deadline)
    }
}

impl From<Option<Duration>> for CaTimeout {
    fn from(interval: Option<Duration>) -> Self {
        interval.map_or(CaTimeout::Never, CaTimeout::After)
    }
}

impl From<Timeout> for CaTimeout {
    fn from(timeout: Timeout) -> Self {
        timeout.deadline().map_or(CaTimeout::Never, CaTimeout::At)
    }
}

/// The scheduler's timeout for a deadline.
pub(crate) fn until(deadline: Option<Instant>) -> Timeout {
    deadline.map_or(Timeout::NEVER, Timeout::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_interval_saturates_to_no_deadline() {
        assert_eq!(CaTimeout::After(Duration::MAX).deadline(), None);
        assert_eq!(
            CaTimeout::After(Duration::from_secs(u64::MAX)).deadline(),
            None
        );
        assert!(CaTimeout::After(Duration::from_secs(1))
            .deadline()
            .is_some());
    }
}
