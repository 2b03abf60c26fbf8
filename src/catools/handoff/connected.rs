//! Running a request on a channel as soon as it is connected, whichever
//! thread learns of the connection, and waiting for channels to connect.

use std::time::Instant;

use super::reply::{schedule_flush, Collector, ReplySlot};
use crate::ca::{CallbackId, Channel};
use crate::ca_types::CaError;
use crate::sched;

/// Connection waits still registered with their channels; cancelled on drop
/// so that an abandoned call leaves no closure behind in the channel.
#[derive(Default)]
pub(crate) struct ConnectWaits {
    waits: Vec<(Channel, CallbackId)>,
}

impl Drop for ConnectWaits {
    fn drop(&mut self) {
        for (channel, id) in self.waits.drain(..) {
            channel.cancel_wait(id);
        }
    }
}

impl ConnectWaits {
    /// Runs `issue(channel, slot)` on this thread once `channel` is
    /// connected: now, if it is; otherwise from the scheduler loop, handed
    /// over by libca's connection callback. `issue` must fill `slot` (with
    /// its request's completion, or an error).
    pub(crate) fn when_connected<T, F>(
        &mut self,
        channel: &Channel,
        slot: ReplySlot<Result<T, CaError>>,
        issue: F,
    ) where
        T: Send + 'static,
        F: FnOnce(&Channel, ReplySlot<Result<T, CaError>>) + Send + 'static,
    {
        if channel.is_connected() {
            issue(channel, slot);
            return;
        }
        let remote = sched::remote_handle();
        let target = channel.clone();
        let id = channel.on_connect(Box::new(move |connected| match connected {
            Ok(()) => {
                let _ = remote.call(move || {
                    issue(&target, slot);
                    schedule_flush();
                });
            }
            Err(err) => slot.fill(Err(err)),
        }));
        if let Some(id) = id {
            self.waits.push((channel.clone(), id));
        }
    }
}

/// For each name in turn, opens (or finds) its channel and runs its request
/// from `requests` as soon as the channel is connected; all requests go out
/// in one flush. Waits until every result is in or `deadline` passes; a
/// result still missing then is the timeout error. When every channel is
/// already connected, the requests are issued in list order before this
/// suspends (and it does not suspend if they complete at once).
pub(crate) fn request_each<T, F>(
    names: &[&str],
    deadline: Option<Instant>,
    requests: impl IntoIterator<Item = F>,
) -> Vec<Result<T, CaError>>
where
    T: Send + 'static,
    F: FnOnce(&Channel, ReplySlot<Result<T, CaError>>) + Send + 'static,
{
    issue_each(Channel::open_each(names), requests).wait(names, deadline)
}

/// The requests of [`issue_each`], issued (or waiting for their channels'
/// connections) and not yet awaited.
pub(crate) struct IssuedEach<T> {
    collector: Collector<Result<T, CaError>>,
    waits: ConnectWaits,
    /// The channel handles, held until the results are in: they keep the
    /// channels from being cleared as idle meanwhile (a request in flight
    /// holds its own, too).
    channels: Vec<Option<Channel>>,
}

/// The first half of [`request_each`]: issues each request on its channel
/// of `opened` (`Channel::open_each` of the names, or why a name could not
/// be opened) as soon as that channel is connected, without waiting;
/// [`IssuedEach::wait`] is the second half.
pub(crate) fn issue_each<T, F>(
    opened: Vec<Result<Channel, CaError>>,
    requests: impl IntoIterator<Item = F>,
) -> IssuedEach<T>
where
    T: Send + 'static,
    F: FnOnce(&Channel, ReplySlot<Result<T, CaError>>) + Send + 'static,
{
    let collector = Collector::new(opened.len());
    let mut waits = ConnectWaits::default();
    let mut channels = Vec::with_capacity(opened.len());
    for (index, (opened, request)) in opened.into_iter().zip(requests).enumerate() {
        match opened {
            Ok(channel) => {
                waits.when_connected(&channel, collector.slot(index), request);
                channels.push(Some(channel));
            }
            Err(err) => {
                collector.fill_now(index, Err(err));
                channels.push(None);
            }
        }
    }
    schedule_flush();
    IssuedEach {
        collector,
        waits,
        channels,
    }
}

impl<T: Send + 'static> IssuedEach<T> {
    /// Waits until every result is in or `deadline` passes; one result per
    /// name (`names` as given to [`issue_each`]), a missing one the timeout
    /// error.
    pub(crate) fn wait(self, names: &[&str], deadline: Option<Instant>) -> Vec<Result<T, CaError>> {
        let results = self.collector.wait(deadline);
        drop(self.waits);
        results
            .into_iter()
            .zip(self.channels)
            .zip(names)
            .map(|((result, channel), name)| match result {
                Some(result) => result,
                None => Err(timeout_error(name, channel.as_ref())),
            })
            .collect()
    }
}

/// Opens (or finds) the channels of `names` and waits until each is
/// connected or `deadline` passes; one result per name.
pub(crate) fn connect_all(
    names: &[&str],
    deadline: Option<Instant>,
) -> Vec<Result<Channel, CaError>> {
    let connected = names.iter().map(|_| {
        |channel: &Channel, slot: ReplySlot<Result<Channel, CaError>>| {
            slot.fill(Ok(channel.clone()))
        }
    });
    request_each(names, deadline, connected)
}

/// The error of a request that did not complete in time: the connection's
/// timeout when the channel never connected, the request's otherwise.
fn timeout_error(name: &str, channel: Option<&Channel>) -> CaError {
    match channel {
        Some(channel) if !channel.is_connected() => channel.timeout_error(),
        _ => CaError::completion_timeout(name),
    }
}
