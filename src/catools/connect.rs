//! `connect` and `cainfo`: establish channels, and describe them.

use super::handoff::connect_all;
use super::timeout::CaTimeout;
use super::{CaError, ChannelInfo};
use crate::ca::Channel;

/// The options of `connect` / `cainfo`.
///
/// ```no_run
/// use cothread::catools::Connect;
/// for info in Connect::new().info_list(&["SR:DCCT", "SR:ENERGY"])? {
///     println!("{info}");
/// }
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Connect {
    timeout: CaTimeout,
    wait: bool,
}

impl Default for Connect {
    fn default() -> Self {
        Connect {
            timeout: CaTimeout::DEFAULT,
            wait: true,
        }
    }
}

impl Connect {
    /// The defaults: wait, for at most 5 s.
    pub fn new() -> Connect {
        Connect::default()
    }

    /// How long to wait for the connections.
    pub fn timeout(mut self, timeout: impl Into<CaTimeout>) -> Connect {
        self.timeout = timeout.into();
        self
    }

    /// Whether to wait for the connections (`false`: start them and succeed
    /// at once, as Python's `connect(wait=False)`).
    pub fn wait(mut self, wait: bool) -> Connect {
        self.wait = wait;
        self
    }

    /// Whether the call waits for the connections (also the async face's).
    pub(crate) fn waits(&self) -> bool {
        self.wait
    }

    /// Connects many PVs in parallel; each PV's own result.
    pub fn connect_each<S: AsRef<str>>(&self, pvs: &[S]) -> Vec<Result<(), CaError>> {
        let names: Vec<&str> = pvs.iter().map(AsRef::as_ref).collect();
        if !self.wait {
            return Channel::open_each(&names)
                .into_iter()
                .map(|opened| opened.map(drop))
                .collect();
        }
        connect_all(&names, self.timeout.deadline())
            .into_iter()
            .map(|result| result.map(drop))
            .collect()
    }

    /// Connects many PVs in parallel; the first failure is the error.
    pub fn connect_list<S: AsRef<str>>(&self, pvs: &[S]) -> Result<(), CaError> {
        self.connect_each(pvs).into_iter().collect()
    }

    /// Connects and describes many PVs; each PV's own result. Without
    /// [`wait`](Self::wait) it describes each channel as it is now, connected
    /// or not (as Python's `connect(wait=False, cainfo=True)`): a channel
    /// that never connected reads as [`ChannelState::NeverConnected`], host
    /// `"<disconnected>"`, element count 0, no access.
    ///
    /// ```no_run
    /// use cothread::catools::{ChannelState, Connect};
    /// let info = Connect::new().wait(false).info("SR:DCCT")?;
    /// if info.state == ChannelState::NeverConnected {
    ///     println!("{} is still searching", info.name);
    /// }
    /// # Ok::<(), cothread::catools::CaError>(())
    /// ```
    ///
    /// [`ChannelState::NeverConnected`]: super::ChannelState::NeverConnected
    pub fn info_each<S: AsRef<str>>(&self, pvs: &[S]) -> Vec<Result<ChannelInfo, CaError>> {
        let names: Vec<&str> = pvs.iter().map(AsRef::as_ref).collect();
        if !self.wait {
            return Channel::open_each(&names)
                .into_iter()
                .map(|opened| opened.map(|channel| channel.info()))
                .collect();
        }
        connect_all(&names, self.timeout.deadline())
            .into_iter()
            .map(|result| result.map(|channel| channel.info()))
            .collect()
    }

    /// Connects and describes many PVs; the first failure is the error.
    pub fn info_list<S: AsRef<str>>(&self, pvs: &[S]) -> Result<Vec<ChannelInfo>, CaError> {
        self.info_each(pvs).into_iter().collect()
    }

    /// Connects and describes one PV.
    pub fn info(&self, pv: &str) -> Result<ChannelInfo, CaError> {
        self.info_each(&[pv]).pop().expect("one result per name")
    }
}

/// Connects one PV, waiting up to 5 s: later calls on it then start at once.
/// A PV that no server answers fails with [`ErrorKind::NotFound`].
///
/// ```no_run
/// use cothread::catools::{caget, connect};
/// connect("SR:DCCT")?;
/// let current: f64 = caget("SR:DCCT")?;
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
///
/// [`ErrorKind::NotFound`]: super::ErrorKind::NotFound
pub fn connect(pv: &str) -> Result<(), CaError> {
    Connect::new().connect_list(&[pv])
}

/// Connects and describes one PV, waiting up to 5 s: `connect(..., cainfo=True)`.
/// The description prints like EPICS's `cainfo` tool.
///
/// ```no_run
/// use cothread::catools::cainfo;
/// let info = cainfo("SR:DCCT")?;
/// println!("{info}");
/// assert!(info.read, "{} is not readable", info.name);
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
pub fn cainfo(pv: &str) -> Result<ChannelInfo, CaError> {
    Connect::new().info(pv)
}
