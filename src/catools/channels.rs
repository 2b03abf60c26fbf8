//! [`Channels`]: a prepared list of PVs whose channels are resolved once and
//! kept open for as long as the handle lives, so that a repeated read of the
//! whole list costs libca's requests and little else.
//!
//! Invariants:
//! - A `Channels` holds one channel handle (a lease, see `ca::Channel`) per
//!   name, in the order given: its channels are never cleared as idle while
//!   it lives, and every call on it reaches the same channels without a name
//!   lookup.
//! - A read when every channel is connected goes out as one `ca::Batch`
//!   (one allocation, no lookup); otherwise it goes the way of `caget` by
//!   name, which waits for the connections, and finds the same channels.

use std::sync::Arc;

use super::get::{EachResult, FirstError, FromReading, TakeResults};
use super::monitor::{Monitor, Subscription};
use super::put::Put;
use super::{CaError, Get, Value};
use crate::ca::Channel;

/// A prepared list of PVs: `caget` / `caput` / `camonitor` of the same names
/// again and again, without looking the names up each time.
///
/// Opening the list starts the connections (it does not wait for them); the
/// channels stay open, and keep their connections, until the handle is
/// dropped. Reads of a list whose channels are all connected go out as one
/// batch of requests; any call waits, up to its timeout, for channels that
/// are not connected yet.
///
/// ```no_run
/// use cothread::catools::{Channels, Get};
/// let bpms = Channels::new(&["SR:BPM1:X", "SR:BPM2:X", "SR:BPM3:X"])?;
/// let get = Get::new();
/// for _ in 0..10 {
///     let orbit: Vec<f64> = bpms.get(&get)?;
///     println!("{orbit:?}");
///     cothread::sleep(std::time::Duration::from_millis(100));
/// }
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
#[derive(Clone)]
pub struct Channels {
    channels: Arc<[Channel]>,
    /// The names as given (the channels' own names are the same).
    names: Arc<[Arc<str>]>,
}

impl Channels {
    /// Opens (or finds) the channel of each of `names`; fails, opening none,
    /// for the first name that cannot be a PV name (empty, too long, with a
    /// NUL) or that libca refuses.
    pub fn new<S: AsRef<str>>(names: &[S]) -> Result<Channels, CaError> {
        let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
        let channels = Channel::open_each(&names)
            .into_iter()
            .collect::<Result<Arc<[Channel]>, CaError>>()?;
        let names = channels.iter().map(|c| Arc::clone(c.name())).collect();
        Ok(Channels { channels, names })
    }

    /// How many PVs the list holds.
    pub fn len(&self) -> usize {
        self.channels.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.channels.is_empty()
    }

    /// The PV names, in order.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.names.iter().map(|name| &**name)
    }

    fn name_list(&self) -> Vec<&str> {
        self.names().collect()
    }

    /// Reads every PV with `options`, in parallel; the first failure (in list
    /// order) is the error, as [`Get::get_list`].
    pub fn get<T: FromReading>(&self, options: &Get) -> Result<Vec<T>, CaError> {
        match options.get_connected(&self.channels, FirstError) {
            Some(values) => values,
            None => FirstError.take(options.get_by_name(&self.name_list()).into_iter()),
        }
    }

    /// Reads every PV with `options`, in parallel; each PV's own result, as
    /// [`Get::get_each`].
    pub fn get_each<T: FromReading>(&self, options: &Get) -> Vec<Result<T, CaError>> {
        options
            .get_connected(&self.channels, EachResult)
            .unwrap_or_else(|| options.get_by_name(&self.name_list()))
    }

    /// Writes `values` (one per PV, in order) with `options`; the first
    /// failure is the error, as [`Put::put_list`].
    pub fn put(&self, options: &Put, values: Vec<Value>) -> Result<(), CaError> {
        options.put_list(&self.names, values)
    }

    /// Writes `values` (one per PV, in order) with `options`; each PV's own
    /// result, as [`Put::put_each`].
    pub fn put_each(&self, options: &Put, values: Vec<Value>) -> Vec<Result<(), CaError>> {
        options.put_each(&self.names, values)
    }

    /// Subscribes to every PV with `options` and one callback, called as
    /// `callback(update, index)`, as [`Monitor::subscribe_list`].
    pub fn subscribe<T, F>(
        &self,
        options: &Monitor,
        callback: F,
    ) -> Result<Vec<Subscription>, CaError>
    where
        T: FromReading + 'static,
        F: FnMut(Result<T, CaError>, usize) + 'static,
    {
        options.subscribe_list(&self.names, callback)
    }
}

impl std::fmt::Debug for Channels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Channels")
            .field("len", &self.len())
            .finish()
    }
}
