//! Running a request on a channel as soon as it is connected, whichever
//! thread learns of the connection, and waiting for channels to connect.

use std::time::Instant;

use super::handoff::{schedule_flush, Collector, Slot};
use super::CaError;
use crate::ca::{CallbackId, Channel};
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
        slot: Slot<Result<T, CaError>>,
        issue: F,
    ) where
        T: Send + 'static,
        F: FnOnce(&Channel, Slot<Result<T, CaError>>) + Send + 'static,
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

/// Opens (or finds) the channels of `names` and waits until each is
/// connected or `deadline` passes; one result per name.
pub(crate) fn connect_all(
    names: &[&str],
    deadline: Option<Instant>,
) -> Vec<Result<Channel, CaError>> {
    let collector = Collector::new(names.len());
    let mut waits = ConnectWaits::default();
    let mut channels = Vec::with_capacity(names.len());
    for (index, name) in names.iter().enumerate() {
        match Channel::open(name) {
            Ok(channel) => {
                waits.when_connected(&channel, collector.slot(index), |_, slot| slot.fill(Ok(())));
                channels.push(Some(channel));
            }
            Err(err) => {
                collector.fill_now(index, Err(err));
                channels.push(None);
            }
        }
    }
    let results = collector.wait(deadline);
    drop(waits);
    results
        .into_iter()
        .zip(channels)
        .map(|(result, channel)| match (result, channel) {
            (Some(Ok(())), Some(channel)) => Ok(channel),
            (Some(Err(err)), _) => Err(err),
            (None, Some(channel)) => Err(channel.timeout_error()),
            (_, None) => unreachable!("a name whose channel failed to open has its error"),
        })
        .collect()
}
