//! Connection and access-rights events: [`watch`] one PV or
//! [`watch_list`] many for connects, disconnects and changes of this
//! client's read and write access, delivered to a callback on the
//! dispatcher cothread of the thread that asked (as monitor updates are),
//! never on libca's threads.
//!
//! ```no_run
//! use cothread::catools::{watch, ChannelEvent};
//!
//! let watch = watch("SR:DCCT", |event| match event {
//!     ChannelEvent::Connected(info) => {
//!         println!("{} on {}: {:?}[{}]", info.name, info.host, info.datatype, info.element_count)
//!     }
//!     ChannelEvent::Disconnected { pv } => println!("{pv} lost its server"),
//!     ChannelEvent::AccessChanged { pv, access } => println!("{pv}: {access}"),
//!     _ => {}
//! })?;
//! cothread::sleep(std::time::Duration::from_secs(60));
//! drop(watch); // no more events; the channel may now be cleared when idle
//! # Ok::<(), cothread::catools::CaError>(())
//! ```
//!
//! The same events reach [`Monitor::on_connection`](super::Monitor::on_connection)
//! and [`Monitor::on_access`](super::Monitor::on_access), and keep
//! [`Pv::state`](crate::pv::Pv::state) current.
//!
//! Invariants:
//! - Each channel tells a watcher its events in order, the first one (the
//!   channel's state when the watch began, if connected) included (see
//!   `ca::Channel::add_watcher`). The watcher only pushes them, with the
//!   channel's index, into the watch's
//!   [`Inbox`](super::handoff::dispatch::Inbox); a [`Tracker`] per
//!   channel, on the dispatcher cothread, turns them into the public events.
//! - What a callback sees of one channel alternates `Connected`,
//!   `Disconnected`, `Connected`, ..., starting with `Connected`, with
//!   `AccessChanged` only while connected and only for a real change from the
//!   rights the last event told. If the callback falls so far behind that
//!   its inbox overflows ([`backlog`]), the oldest events are dropped and
//!   the tracker keeps this shape (a `Connected` after a lost `Disconnected`
//!   is preceded by one), so the last event still tells the channel's state.
//! - A watch holds a lease on each of its channels until it closes (by
//!   [`Watch::close`], drop, or a panic of its callback, which is reported
//!   once as a [`Diagnostic::CallbackPanicked`]); closing removes its
//!   watchers, its dispatcher handler (dropping undelivered events) and the
//!   leases.
#![forbid(unsafe_code)]

use std::any::Any;
use std::cell::RefCell;
use std::fmt;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::{Rc, Weak};
use std::sync::Arc;

use super::handoff::dispatch::{self, Delivery, Registration};
use super::monitor::{CloseReason, ReportedPanic};
use super::{CaError, ChannelInfo};
use crate::ca::{self, CallbackId, Channel};
use crate::diagnostics::{self, Diagnostic};

/// Whether this client may read and write a PV.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct AccessRights {
    /// May read (get, monitor).
    pub read: bool,
    /// May write (put).
    pub write: bool,
}

impl AccessRights {
    /// The rights a [`ChannelInfo`] tells.
    pub fn of(info: &ChannelInfo) -> AccessRights {
        AccessRights {
            read: info.read,
            write: info.write,
        }
    }
}

impl fmt::Display for AccessRights {
    /// As EPICS's `cainfo` prints them: `read, no write`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let no = |allowed: bool| if allowed { "" } else { "no " };
        write!(f, "{}read, {}write", no(self.read), no(self.write))
    }
}

/// A change of a channel's connection or of this client's access rights.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChannelEvent {
    /// The channel connected, for the first time or again: the channel as
    /// it was then (state [`Connected`](super::ChannelState::Connected)),
    /// with its server's `host:port`, native type and element count and this
    /// client's access rights.
    Connected(ChannelInfo),
    /// The channel lost its server; libca searches for it again, and a
    /// `Connected` follows when it is found.
    Disconnected {
        /// The PV name.
        pv: String,
    },
    /// While connected, the server changed this client's access rights
    /// (e.g. its access security configuration was reloaded).
    AccessChanged {
        /// The PV name.
        pv: String,
        /// The rights from now on.
        access: AccessRights,
    },
}

impl ChannelEvent {
    /// The PV the event is about.
    pub fn pv(&self) -> &str {
        match self {
            ChannelEvent::Connected(info) => &info.name,
            ChannelEvent::Disconnected { pv } | ChannelEvent::AccessChanged { pv, .. } => pv,
        }
    }
}

impl fmt::Display for ChannelEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChannelEvent::Connected(info) => write!(
                f,
                "{} connected to {} ({})",
                info.name,
                info.host,
                AccessRights::of(info)
            ),
            ChannelEvent::Disconnected { pv } => write!(f, "{pv} disconnected"),
            ChannelEvent::AccessChanged { pv, access } => write!(f, "{pv} access: {access}"),
        }
    }
}

/// What crosses from libca's thread: one channel's event, as it told it.
enum Raw {
    Connected(ChannelInfo),
    Disconnected,
    Access(AccessRights),
}

/// How many undelivered events a watch of `channels` PVs keeps: four per PV
/// (two reconnections), and at least 64.
fn backlog(channels: usize) -> usize {
    channels.saturating_mul(4).max(64)
}

/// One channel's state as its watch's callback has been told it.
#[derive(Default)]
struct Tracker {
    /// The rights told while connected; `None` while not connected.
    access: Option<AccessRights>,
}

impl Tracker {
    /// The public events that `raw` makes (none, one, or after lost events
    /// two), keeping the shape the module's invariants promise.
    fn accept(&mut self, pv: &str, raw: Raw, mut tell: impl FnMut(ChannelEvent)) {
        match raw {
            Raw::Connected(info) => {
                if self.access.is_some() {
                    // Only after an overflow: a disconnect was lost.
                    tell(ChannelEvent::Disconnected { pv: pv.to_string() });
                }
                self.access = Some(AccessRights::of(&info));
                tell(ChannelEvent::Connected(info));
            }
            Raw::Disconnected => {
                if self.access.take().is_some() {
                    tell(ChannelEvent::Disconnected { pv: pv.to_string() });
                }
            }
            Raw::Access(access) => {
                // Rights told before the connection are in its details.
                if let Some(told) = &mut self.access {
                    if *told != access {
                        *told = access;
                        tell(ChannelEvent::AccessChanged {
                            pv: pv.to_string(),
                            access,
                        });
                    }
                }
            }
        }
    }
}

/// The machinery of a watch of some channels, shared by [`Watch`] and the
/// event options of `Monitor` (and so `Pv`).
pub(crate) struct Watcher {
    names: Vec<String>,
    /// Each channel (its lease) and its watcher's id; emptied on close.
    channels: RefCell<Vec<(Channel, CallbackId)>>,
    registration: RefCell<Option<Registration>>,
    closed: RefCell<Option<CloseReason>>,
}

impl Watcher {
    /// Watches `channels`: `callback(event, index)` runs on this thread's
    /// dispatcher cothread with each event of `channels[index]`, from the
    /// current state on. If `callback` panics, the watcher closes (with
    /// [`CloseReason::CallbackPanicked`]), the panic is reported once as a
    /// `CallbackPanicked` of `label` (unless it is a [`ReportedPanic`]), and
    /// then `on_panic` runs with its message.
    pub(crate) fn start<F, P>(
        channels: Vec<Channel>,
        label: &'static str,
        mut callback: F,
        on_panic: P,
    ) -> Rc<Watcher>
    where
        F: FnMut(ChannelEvent, usize) + 'static,
        P: FnOnce(String) + 'static,
    {
        let names: Vec<String> = channels.iter().map(|c| c.name().to_string()).collect();
        let watcher = Rc::new_cyclic(|this: &Weak<Watcher>| {
            let mut trackers: Vec<Tracker> = channels.iter().map(|_| Tracker::default()).collect();
            let pvs = names.clone();
            let me = Weak::clone(this);
            let handler = move |(index, raw): (usize, Raw), _count: u64| {
                let pv = &pvs[index];
                // One raw event may make two (after lost ones): the second
                // is not told once the first has closed the watch.
                let open = || me.upgrade().is_some_and(|w| w.closed.borrow().is_none());
                trackers[index].accept(pv, raw, |event| {
                    if open() {
                        callback(event, index);
                    }
                });
            };
            let this = Weak::clone(this);
            let pvs = names.clone();
            let panicked = move |panic: Box<dyn Any + Send>| {
                let message = match panic.downcast::<ReportedPanic>() {
                    Ok(reported) => reported.0,
                    Err(panic) => {
                        let message = crate::error::take_panic_message(panic);
                        // A watch of many PVs names them all.
                        diagnostics::report(Diagnostic::CallbackPanicked {
                            callback: label,
                            pv: pvs.join(" "),
                            message: message.clone(),
                        });
                        message
                    }
                };
                if let Some(watcher) = this.upgrade() {
                    watcher.close(CloseReason::CallbackPanicked(message.clone()));
                }
                on_panic(message);
            };
            let delivery = Delivery::All {
                limit: backlog(channels.len()),
            };
            let (inbox, registration) = dispatch::register(delivery, handler, panicked);
            let watched = channels
                .into_iter()
                .enumerate()
                .map(|(index, channel)| {
                    let inbox = Arc::clone(&inbox);
                    let id = channel.add_watcher(Arc::new(
                        move |event: &ca::ChannelEvent, info: Option<&ChannelInfo>| {
                            let raw = match (event, info) {
                                (ca::ChannelEvent::Connected, Some(info)) => {
                                    Raw::Connected(info.clone())
                                }
                                // A watcher is always given the details.
                                (ca::ChannelEvent::Connected, None) => return,
                                (ca::ChannelEvent::Disconnected, _) => Raw::Disconnected,
                                (ca::ChannelEvent::AccessRights { read, write }, _) => {
                                    Raw::Access(AccessRights {
                                        read: *read,
                                        write: *write,
                                    })
                                }
                            };
                            inbox.push((index, raw));
                        },
                    ));
                    (channel, id)
                })
                .collect();
            Watcher {
                names,
                channels: RefCell::new(watched),
                registration: RefCell::new(Some(registration)),
                closed: RefCell::new(None),
            }
        });
        watcher
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.closed.borrow().is_some()
    }

    /// Stops the events (once; the first reason stays) and releases the
    /// channels' leases.
    pub(crate) fn close(&self, reason: CloseReason) {
        if self.is_closed() {
            return;
        }
        *self.closed.borrow_mut() = Some(reason);
        let channels = std::mem::take(&mut *self.channels.borrow_mut());
        for (channel, id) in &channels {
            channel.remove_listener(*id);
        }
        drop(channels);
        // Dropped outside the borrow: the handler may own other watches.
        let registration = self.registration.borrow_mut().take();
        drop(registration);
    }
}

/// Runs a user's event `callback` for `pv`; if it panics, reports the panic
/// once as a `CallbackPanicked` of `label` and re-raises it as already
/// reported, so that what it belongs to closes without a second report.
/// A panic that is a [`ReportedPanic`] already (a `Pv`'s callback, say)
/// passes through unreported.
pub(crate) fn run_reported(label: &'static str, pv: &str, callback: impl FnOnce()) {
    if let Err(panic) = catch_unwind(AssertUnwindSafe(callback)) {
        if panic.is::<ReportedPanic>() {
            resume_unwind(panic);
        }
        let message = crate::error::take_panic_message(panic);
        diagnostics::report(Diagnostic::CallbackPanicked {
            callback: label,
            pv: pv.to_string(),
            message: message.clone(),
        });
        resume_unwind(Box::new(ReportedPanic(message)));
    }
}

/// Watches one PV's connection and access rights: `callback` gets a
/// [`ChannelEvent`] for each change, on the cothread that runs all monitor
/// callbacks of this thread, until the returned [`Watch`] is closed or
/// dropped. If the channel is connected already, the first event says so at
/// once; a PV that no server answers gives no event at all.
///
/// Never suspends. Fails only for a name libca cannot search for (empty,
/// too long, with a NUL). If `callback` panics, the watch closes: the panic
/// is reported once through [`diagnostics`](crate::diagnostics), and
/// [`Watch::close_reason`] says so.
///
/// ```no_run
/// use std::time::Duration;
/// use cothread::catools::{watch, ChannelEvent};
/// let watch = watch("SR:DCCT", |event: ChannelEvent| println!("{event}"))?;
/// cothread::sleep(Duration::from_secs(10));
/// watch.close();
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
///
/// Discarding the watch is caught by the compiler:
///
/// ```compile_fail
/// #![deny(unused_must_use)]
/// fn main() -> Result<(), cothread::catools::CaError> {
///     cothread::catools::watch("SR:DCCT", |_| {})?;
///     Ok(())
/// }
/// ```
pub fn watch<F>(pv: &str, mut callback: F) -> Result<Watch, CaError>
where
    F: FnMut(ChannelEvent) + 'static,
{
    watch_list(&[pv], move |event, _| callback(event))
}

/// Watches many PVs with one callback, called as `callback(event, index)`
/// with the PV's index in `pvs`; otherwise as [`watch`]. The first name that
/// cannot be searched for is the error (and nothing is watched).
///
/// ```no_run
/// use cothread::catools::{watch_list, ChannelEvent};
/// let pvs = ["SR:DCCT", "SR:ENERGY"];
/// let _watch = watch_list(&pvs, move |event: ChannelEvent, index| {
///     if let ChannelEvent::Disconnected { .. } = event {
///         println!("lost {}", pvs[index]);
///     }
/// })?;
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
pub fn watch_list<S, F>(pvs: &[S], callback: F) -> Result<Watch, CaError>
where
    S: AsRef<str>,
    F: FnMut(ChannelEvent, usize) + 'static,
{
    let first = pvs.first().map_or("", AsRef::as_ref);
    super::may_run_callbacks(first, "watch")?;
    let names: Vec<&str> = pvs.iter().map(AsRef::as_ref).collect();
    let channels = Channel::open_each(&names)
        .into_iter()
        .collect::<Result<Vec<Channel>, CaError>>()?;
    let watcher = Watcher::start(channels, "watch", callback, |_| {});
    Ok(Watch { watcher })
}

/// A live watch of connection and access-rights events: they reach its
/// callback until [`close`](Self::close) or drop, or until the callback
/// panics ([`close_reason`](Self::close_reason)). While it lives, its
/// channels stay open (they are not cleared as idle).
///
/// A watch belongs to the thread that made it:
///
/// ```compile_fail
/// let w: cothread::catools::Watch = todo!();
/// std::thread::spawn(move || drop(w));
/// ```
#[must_use = "dropping a Watch ends its events: bind it"]
pub struct Watch {
    watcher: Rc<Watcher>,
}

impl Watch {
    /// The PV names, in the order of the callback's index.
    pub fn names(&self) -> &[String] {
        &self.watcher.names
    }

    /// Ends the watch: no callback runs for it after this returns.
    pub fn close(&self) {
        self.watcher.close(CloseReason::Closed);
    }

    /// Whether the watch has ended (see [`close_reason`](Self::close_reason)).
    pub fn is_closed(&self) -> bool {
        self.watcher.is_closed()
    }

    /// Why the watch ended, or `None` while it runs.
    pub fn close_reason(&self) -> Option<CloseReason> {
        self.watcher.closed.borrow().clone()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.close();
    }
}

impl fmt::Debug for Watch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Watch")
            .field("names", &self.names())
            .field("closed", &self.is_closed())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catools::ChannelState;

    fn info(host: &str, read: bool, write: bool) -> ChannelInfo {
        ChannelInfo {
            name: "PV".into(),
            state: ChannelState::Connected,
            host: host.into(),
            read,
            write,
            element_count: 1,
            datatype: None,
        }
    }

    fn told(raws: Vec<Raw>) -> Vec<ChannelEvent> {
        let mut tracker = Tracker::default();
        let mut events = Vec::new();
        for raw in raws {
            tracker.accept("PV", raw, |event| events.push(event));
        }
        events
    }

    #[test]
    fn access_is_told_only_while_connected_and_only_when_it_changes() {
        crate::scope(|| {
            let events = told(vec![
                Raw::Access(AccessRights {
                    read: true,
                    write: false,
                }),
                Raw::Connected(info("a:1", true, false)),
                Raw::Access(AccessRights {
                    read: true,
                    write: false,
                }),
                Raw::Access(AccessRights {
                    read: true,
                    write: true,
                }),
                Raw::Disconnected,
                Raw::Access(AccessRights::default()),
            ]);
            assert_eq!(
                events,
                vec![
                    ChannelEvent::Connected(info("a:1", true, false)),
                    ChannelEvent::AccessChanged {
                        pv: "PV".into(),
                        access: AccessRights {
                            read: true,
                            write: true
                        }
                    },
                    ChannelEvent::Disconnected { pv: "PV".into() },
                ]
            );
        })
    }

    #[test]
    fn connections_alternate_even_when_events_were_lost() {
        crate::scope(|| {
            // As after an overflow dropped a Disconnected and a Connected.
            let events = told(vec![
                Raw::Disconnected,
                Raw::Connected(info("a:1", true, true)),
                Raw::Connected(info("b:2", true, true)),
            ]);
            assert_eq!(
                events,
                vec![
                    ChannelEvent::Connected(info("a:1", true, true)),
                    ChannelEvent::Disconnected { pv: "PV".into() },
                    ChannelEvent::Connected(info("b:2", true, true)),
                ]
            );
        })
    }

    #[test]
    fn access_rights_print_as_cainfo_does() {
        crate::scope(|| {
            let rights = AccessRights {
                read: true,
                write: false,
            };
            assert_eq!(rights.to_string(), "read, no write");
        })
    }
}
