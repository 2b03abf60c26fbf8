//! Channels: one libca channel per PV name, shared by every request on that
//! name, with its connection state kept current by libca's callbacks; and
//! the clearing of channels that nobody has used for the idle period.
//!
//! A [`Channel`] handle is a lease: while any handle exists (held by a
//! caller waiting for a connection or a reply, by a request in flight at
//! libca, by an [`EventSubscription`](super::EventSubscription), and so by
//! every `camonitor` and `Pv`), its channel stays open. A channel that has had no
//! handle outside the table for [`idle_period`] is cleared
//! (`ca_clear_channel`, which also ends the search for a name never found)
//! by the process's sweeper thread; the next request on its name opens a new
//! one. The last connected channel of a server is the exception: it stays,
//! and keeps the server's circuit (see [`keep_last_of_each_server`]).
//! Sweeping runs on its own thread because neither libca's callback threads
//! (which must not clear channels) nor the schedulers' threads (which may
//! all be busy, or gone) are there to do it reliably.
//!
//! Invariants:
//! - `CHANNELS` holds one `Entry` per name; a handle is only ever made from
//!   the table (under its lock) or cloned from another handle. So when, under
//!   the lock, a `Shared` has no strong count but the table's and libca's
//!   ([`UNUSED`]), no handle exists anywhere and none can appear: the sweep
//!   then removes the entry, and only after that clears the channel. A
//!   channel's `chid` is therefore valid for as long as any handle exists.
//! - libca holds one strong count of each `Shared` (given as the channel's
//!   user pointer by `Arc::into_raw`), released only after
//!   `ca_clear_channel` has returned, after which libca makes no callback for
//!   the channel (it waits for one that is running).
//! - `Shared::state` is locked only briefly, and never while calling a
//!   closure: closures are taken out (waiters) or cloned (listeners) first.
//! - `Shared::order` is held by whoever tells listeners of the channel's
//!   state: libca's connection and access-rights callbacks, from before they
//!   change the state until the last listener has returned, and
//!   [`Channel::add_watcher`] while it registers a watcher and tells it the
//!   current state. So each listener hears the channel's changes in the
//!   order they happened, and a watcher's first event is never older than
//!   one that follows it. Only the listeners given to the channel run under
//!   it (they must not add or remove listeners); it is taken before `state`.
//! - `Shared::link` is the connection state, with the native type and
//!   count (see [`Link`]); it is stored only under the `state` lock, so a
//!   wait for connection that reads it under the lock decides in step with
//!   the waking of waiters, and the lock-free readers on the request path
//!   see the last state stored.
//! - Channels are cleared by [`sweep`] (and one that libca only half made,
//!   in `open_in`), never on libca's threads: `ca_clear_channel` waits for
//!   libca's running callbacks. Those never take the `CHANNELS` lock, but the
//!   sweep clears outside it anyway, so that opens are not held up.

use std::borrow::Borrow;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::ffi::{c_void, CStr, CString};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::num::NonZeroU64;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use libca_sys as sys;
use parking_lot::{Condvar, Mutex};

use super::context::{attach, flush_io, guarded};
use crate::ca_types::{CaError, ChannelInfo, ChannelState, FieldType};
use crate::id_table::new_id;

/// Longest PV name we accept, in bytes: the longest whose search request
/// libca can send. A search datagram is at most 1024 bytes (libca's
/// `MAX_UDP_SEND`) and holds a 16-byte version header, a 16-byte search
/// header and the name with its NUL padded to 8 bytes, leaving 991 bytes.
/// libca itself accepts names up to 1007 bytes, but one over 991 is never
/// sent, and (found against softIoc 7.0) stalls the search of every other
/// channel queued behind it: so such names are refused here.
pub(crate) const MAX_PV_NAME: usize = 991;

/// Called once when the channel connects (or at once if it is connected).
pub(crate) type ConnectCallback = Box<dyn FnOnce(Result<(), CaError>) + Send>;

/// Called on every connection or access-rights change, on libca's thread.
pub(crate) type ChannelListener = Arc<dyn Listen>;

/// What a [`ChannelListener`] is: any `Fn(&ChannelEvent)`, or a type of its
/// own, so that state its owner already shares with libca's threads (a
/// subscription's inbox, say) can listen without a closure of its own.
pub(crate) trait Listen: Send + Sync {
    /// Told of `event`, on libca's thread, under the channel's order lock
    /// (see the module's invariants: it must not add or remove listeners).
    fn changed(&self, event: &ChannelEvent);
}

impl<F: Fn(&ChannelEvent) + Send + Sync> Listen for F {
    fn changed(&self, event: &ChannelEvent) {
        self(event)
    }
}

/// A [`ChannelListener`] that is also given, with each
/// [`ChannelEvent::Connected`], the channel as it was at that moment (its
/// server, native type and count, and access rights); `None` with the other
/// events.
pub(crate) type ChannelWatcher = Arc<dyn Fn(&ChannelEvent, Option<&ChannelInfo>) + Send + Sync>;

/// A change a [`ChannelListener`] hears about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ChannelEvent {
    /// The channel connected (first time or again).
    Connected,
    /// The channel lost its server.
    Disconnected,
    /// The server changed this client's rights.
    AccessRights { read: bool, write: bool },
}

impl ChannelEvent {
    /// Whether this may start a subscription not started yet: a
    /// connection, or the server's grant of read access (to one that could
    /// not start without it).
    pub(crate) fn may_start_subscription(&self) -> bool {
        matches!(
            self,
            ChannelEvent::Connected | ChannelEvent::AccessRights { read: true, .. }
        )
    }
}

/// Identifies a pending connection wait or a listener, for removal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct CallbackId(NonZeroU64);

/// A registered listener: a plain one, or a watcher that wants the
/// connection's details (read from libca only when one is registered).
#[derive(Clone)]
enum Listener {
    Plain(ChannelListener),
    Watcher(ChannelWatcher),
}

/// A closure registered with a channel: a connection wait (run once, when
/// the channel connects, and then dropped) or a listener (kept until
/// removed).
enum Callback {
    Wait(ConnectCallback),
    Listen(Listener),
}

/// What `Shared::state` guards: the waits and listeners, in the order they
/// were registered, each with its id (from [`new_id`], so a `State` needs no
/// counter of its own). One vector for both kinds, not one each: at 10^5
/// channels every word of `Shared` is 0.8 MB, and most channels have only
/// one closure at a time (a read's wait, then a subscription's listener).
#[derive(Default)]
struct State {
    callbacks: Vec<(u64, Callback)>,
}

struct Shared {
    name: Arc<str>,
    /// Whether the channel is connected, and the native type and element
    /// count, read from libca when the channel connects (no valid type while disconnected or
    /// when libca reports none): every request needs them, and asking libca
    /// costs two locks of its context mutex; packed for lock-free reads.
    link: AtomicU64,
    /// Set once, right after ca_create_channel, before the channel is shared.
    chid: AtomicPtr<sys::oldChannelNotify>,
    /// Which server the channel is connected to, as [`server_of`] numbers
    /// it; 0 while disconnected. Stored before `link` says connected.
    /// (Kept here in what was padding: asking libca takes its mutex twice.)
    server: AtomicU32,
    /// Orders the telling of listeners (see the module's invariants).
    order: Mutex<()>,
    state: Mutex<State>,
}

/// A handle to the process's channel for one PV name. Cheap to clone.
#[derive(Clone)]
pub(crate) struct Channel {
    shared: Arc<Shared>,
}

/// Every open channel of the process by name. Looked up once per PV of every
/// call, so it hashes with [`NameHasher`] rather than SipHash: names come
/// from the program, not from an adversary.
static CHANNELS: Mutex<Option<Table>> = Mutex::new(None);

/// A set of entries found by their channel's name (which each entry's
/// channel holds: a map would store it a second time, 16 bytes more per
/// channel in every bucket).
type Table = HashSet<Entry, NameHash>;

/// The table's own handle of a channel, and since when the sweep has seen
/// no other. Equal, hashed and borrowed as its channel's name.
struct Entry {
    channel: Channel,
    /// When a sweep first found the channel unused since it was last opened
    /// (`None`: in use, or opened since). A `Cell`, as a set hands out its
    /// entries shared; only ever touched under the `CHANNELS` lock.
    idle_since: IdleSince,
}

/// An entry's [`Entry::idle_since`]: an `Option<Instant>` in 8 bytes rather
/// than 16 (the table has a bucket per channel, and then some): the
/// nanoseconds since the table's [`epoch`], plus one, or 0 for `None`.
/// 584 years of nanoseconds fit a `u64`.
struct IdleSince(Cell<u64>);

impl IdleSince {
    const NONE: u64 = 0;

    fn none() -> IdleSince {
        IdleSince(Cell::new(IdleSince::NONE))
    }

    fn set(&self, since: Option<Instant>) {
        let nanos = since.map_or(IdleSince::NONE, |since| {
            let nanos = since.saturating_duration_since(epoch()).as_nanos();
            u64::try_from(nanos).unwrap_or(u64::MAX - 1) + 1
        });
        self.0.set(nanos);
    }

    fn get(&self) -> Option<Instant> {
        match self.0.get() {
            IdleSince::NONE => None,
            nanos => Some(epoch() + Duration::from_nanos(nanos - 1)),
        }
    }
}

/// The instant [`IdleSince`] counts from: the first time it is asked for,
/// which is before any entry is marked (the sweep asks before it reads the
/// clock).
fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

impl Entry {
    /// Whether the channel has had no handle outside the table since a
    /// sweep at least `period` before `now` marked it. Under the `CHANNELS`
    /// lock an unused channel stays unused, so this answers the same
    /// throughout one sweep.
    fn is_expired(&self, now: Instant, period: Duration) -> bool {
        Arc::strong_count(&self.channel.shared) == UNUSED
            && self
                .idle_since
                .get()
                .is_some_and(|since| now.duration_since(since) >= period)
    }
}

impl Borrow<str> for Entry {
    fn borrow(&self) -> &str {
        &self.channel.shared.name
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.channel.shared.name == other.channel.shared.name
    }
}

impl Eq for Entry {}

impl Hash for Entry {
    /// As the name's own `str` hash, so that a lookup by `&str` finds it.
    fn hash<H: Hasher>(&self, state: &mut H) {
        str::hash(&self.channel.shared.name, state);
    }
}

/// The strong counts of a `Shared` that no handle holds: the table's and
/// libca's.
const UNUSED: usize = 2;

type NameHash = BuildHasherDefault<NameHasher>;

/// The Fx hash (rustc's): a multiply and rotate per 8 bytes of the name.
#[derive(Default)]
struct NameHasher(u64);

impl NameHasher {
    fn add(&mut self, word: u64) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        // The last 0-7 bytes, little-endian, without a copy through memory
        // (a call to `memcpy` cost more than the rest of the hash).
        let tail = chunks
            .remainder()
            .iter()
            .rev()
            .fold(0, |word, &byte| word << 8 | u64::from(byte));
        self.add(tail);
    }

    /// The end marker `str`'s hash writes after the bytes: one more word,
    /// not another pass of [`write`](Self::write).
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Channel {
    /// The channel for `name`, created (and its connection started) on first
    /// use. Fails for an empty name, one over [`MAX_PV_NAME`] bytes or with a
    /// NUL, or when libca refuses the channel.
    pub(crate) fn open(name: &str) -> Result<Channel, CaError> {
        let mut channels = CHANNELS.lock();
        Channel::open_in(channels.get_or_insert_with(Table::default), name)
    }

    /// [`open`](Self::open) for each of `names`, taking the table's lock once
    /// for the whole list.
    // An entry's hash and equality are its channel's name, which never
    // changes; what its channel's interior mutability changes is not hashed.
    #[allow(clippy::mutable_key_type)]
    pub(crate) fn open_each(names: &[&str]) -> Vec<Result<Channel, CaError>> {
        let mut channels = CHANNELS.lock();
        let channels = channels.get_or_insert_with(Table::default);
        names
            .iter()
            .map(|name| Channel::open_in(channels, name))
            .collect()
    }

    /// The channels of `names`, in order, if every one is open and connected
    /// now (a warm read); `None` otherwise, having opened nothing. One lock
    /// of the table for the whole list.
    // An entry's hash and equality are its channel's name, which never
    // changes; what its channel's interior mutability changes is not hashed.
    #[allow(clippy::mutable_key_type)]
    pub(crate) fn find_connected(names: &[&str]) -> Option<Arc<[Channel]>> {
        let channels = CHANNELS.lock();
        let channels = channels.as_ref()?;
        let mut found = Vec::with_capacity(names.len());
        for name in names {
            let entry = channels.get(*name)?;
            if !entry.channel.is_connected() {
                return None;
            }
            entry.idle_since.set(None);
            found.push(entry.channel.clone());
        }
        Some(found.into())
    }

    // An entry's hash and equality are its channel's name, which never
    // changes; what its channel's interior mutability changes is not hashed.
    #[allow(clippy::mutable_key_type)]
    fn open_in(channels: &mut Table, name: &str) -> Result<Channel, CaError> {
        check_name(name)?;
        if let Some(entry) = channels.get(name) {
            entry.idle_since.set(None);
            return Ok(entry.channel.clone());
        }
        attach()?;
        start_sweeper();
        let shared = Arc::new(Shared {
            name: Arc::from(name),
            chid: AtomicPtr::new(std::ptr::null_mut()),
            link: AtomicU64::new(Link::DOWN),
            server: AtomicU32::new(0),
            order: Mutex::new(()),
            state: Mutex::new(State::default()),
        });
        let c_name = CString::new(name).expect("check_name refused NULs");
        let user = Arc::into_raw(Arc::clone(&shared))
            .cast_mut()
            .cast::<c_void>();
        let mut chid: sys::chid = std::ptr::null_mut();
        // SAFETY: c_name lives for the call (libca copies it); `user` is a
        // strong count of `shared` that libca keeps until the channel is
        // cleared (see `clear`); the handlers read it back as
        // `*const Shared`; `chid` receives the id.
        let status = unsafe {
            sys::ca_create_channel(
                c_name.as_ptr(),
                Some(on_connection),
                user,
                sys::CA_PRIORITY_DEFAULT as sys::capri,
                &mut chid,
            )
        };
        if status != sys::ECA_NORMAL {
            // SAFETY: libca refused the channel and holds no copy of `user`,
            // which came from Arc::into_raw above.
            drop(unsafe { Arc::from_raw(user.cast::<Shared>()) });
            return Err(CaError::new(name, status, "ca_create_channel"));
        }
        shared.chid.store(chid, Ordering::Release);
        let channel = Channel { shared };
        // SAFETY: chid is the channel just created; the handler reads the
        // same user pointer as the connection handler.
        let status = unsafe { sys::ca_replace_access_rights_event(chid, Some(on_access_rights)) };
        if status != sys::ECA_NORMAL {
            // libca fails this only for an invalid chid, which ours is not.
            // `channel` is the one handle, never shared: clear it at once.
            channel.clear();
            return Err(CaError::new(name, status, "ca_replace_access_rights_event"));
        }
        channels.insert(Entry {
            channel: channel.clone(),
            idle_since: IdleSince::none(),
        });
        Ok(channel)
    }

    /// Clears the libca channel (`ca_clear_channel`) and then releases
    /// libca's count of the `Shared`. Called with the one handle left: the
    /// entry is out of the table (or was never in it), so no request can be
    /// made on the channel any more.
    fn clear(self) {
        debug_assert_eq!(Arc::strong_count(&self.shared), UNUSED);
        if attach().is_err() {
            // Without the context nothing can be cleared: keep libca's count
            // (the channel stays open) rather than free what it may call.
            return;
        }
        let chid = self.chid();
        // SAFETY: chid is a live channel of the context (cleared only here,
        // once, as its last handle goes); no other handle exists, so nothing
        // of ours uses it during or after the call.
        unsafe { sys::ca_clear_channel(chid) };
        // SAFETY: libca has returned from ca_clear_channel, so it makes no
        // further call with the user pointer, which was `Arc::into_raw` of
        // this `Shared` in `open_in`: this releases that one count.
        unsafe { Arc::decrement_strong_count(Arc::as_ptr(&self.shared)) };
    }

    /// The PV name.
    pub(crate) fn name(&self) -> &Arc<str> {
        &self.shared.name
    }

    /// The libca channel id, for the request functions.
    pub(super) fn chid(&self) -> sys::chid {
        self.shared.chid.load(Ordering::Acquire)
    }

    /// The error a caller reports when it gave up waiting for the connection
    /// (`ECA_TIMEOUT`): of kind `NotFound` when no server has ever answered,
    /// `Timeout` when the channel lost its server.
    pub(crate) fn timeout_error(&self) -> CaError {
        // SAFETY: chid is a live channel; ca_state reads its cached state.
        let state = unsafe { sys::ca_state(self.chid()) };
        if state == sys::cs_never_conn {
            CaError::not_found(&*self.shared.name, "connect")
        } else {
            CaError::new(&*self.shared.name, sys::ECA_TIMEOUT, "connect")
        }
    }

    /// Whether the channel is connected now.
    pub(crate) fn is_connected(&self) -> bool {
        Link::is_connected(self.shared.link.load(Ordering::Acquire))
    }

    /// Calls `done(Ok(()))` once the channel is connected: at once, on this
    /// thread, if it already is (and returns `None`), otherwise later on
    /// libca's thread (and returns an id for [`cancel_wait`](Self::cancel_wait),
    /// which a caller that stops waiting must call so the closure is freed).
    pub(crate) fn on_connect(&self, done: ConnectCallback) -> Option<CallbackId> {
        let mut state = self.shared.state.lock();
        // Decided under the lock, under which alone `link` is stored.
        if self.is_connected() {
            drop(state);
            done(Ok(()));
            return None;
        }
        Some(state.push(Callback::Wait(done)))
    }

    /// Forgets a connection wait; true if it was still pending (its closure
    /// is dropped uncalled), false if it has run.
    pub(crate) fn cancel_wait(&self, id: CallbackId) -> bool {
        let removed = self.shared.state.lock().remove(id);
        // Dropped here, after the lock: a closure's drop may do anything.
        removed.is_some()
    }

    /// Adds a listener for every connection and access-rights change, until
    /// [`remove_listener`](Self::remove_listener).
    pub(crate) fn add_listener(&self, listener: ChannelListener) -> CallbackId {
        self.shared
            .state
            .lock()
            .push(Callback::Listen(Listener::Plain(listener)))
    }

    /// Adds a watcher for every connection and access-rights change, until
    /// [`remove_listener`](Self::remove_listener); if the channel is
    /// connected, first tells it so (on this thread, before this returns),
    /// with the channel as it is now. Every later change reaches it after
    /// that first event, in order.
    pub(crate) fn add_watcher(&self, watcher: ChannelWatcher) -> CallbackId {
        let _order = self.shared.order.lock();
        let mut state = self.shared.state.lock();
        let id = state.push(Callback::Listen(Listener::Watcher(Arc::clone(&watcher))));
        let connected = self.is_connected();
        drop(state);
        if connected {
            let info = self.shared.info_of(self.chid());
            guarded("channel watcher", || {
                watcher(&ChannelEvent::Connected, Some(&info));
            });
        }
        id
    }

    /// Removes a listener added by [`add_listener`](Self::add_listener) or
    /// [`add_watcher`](Self::add_watcher).
    pub(crate) fn remove_listener(&self, id: CallbackId) {
        let removed = self.shared.state.lock().remove(id);
        drop(removed);
    }

    /// The native type and element count, when connected.
    pub(crate) fn native(&self) -> Option<(FieldType, usize)> {
        Link::native(self.link())
    }

    /// The connection state and native type and count as one word: equal
    /// words mean equal [`native`](Self::native) answers (for comparing
    /// channels without decoding it).
    pub(super) fn link(&self) -> u64 {
        self.shared.link.load(Ordering::Acquire)
    }

    /// [`native`](Self::native) of a word read by [`link`](Self::link).
    pub(super) fn native_of(link: u64) -> Option<(FieldType, usize)> {
        Link::native(link)
    }

    /// What `cainfo` reports.
    pub(crate) fn info(&self) -> ChannelInfo {
        self.shared.info_of(self.chid())
    }

    /// Which server this channel is connected to, as a number: channels
    /// with the same one share a circuit; 0 while it is not connected. Read
    /// without asking libca (see [`server_of`]).
    pub(crate) fn server_id(&self) -> u32 {
        self.shared.server.load(Ordering::Relaxed)
    }

    /// Whether this client may read / write the PV now.
    pub(crate) fn access(&self) -> (bool, bool) {
        let chid = self.chid();
        // SAFETY: chid is a live channel; these read its cached rights.
        unsafe {
            (
                sys::ca_read_access(chid) != 0,
                sys::ca_write_access(chid) != 0,
            )
        }
    }
}

/// How long a channel may go without a handle before it is cleared, by
/// default: long enough that a script polling a PV every few seconds keeps
/// its channel, short enough that a process reading names as they come
/// (a gateway, a tool reading user-typed names) holds only recent ones.
pub(crate) const DEFAULT_IDLE_PERIOD: Duration = Duration::from_secs(60);

/// The idle period in nanoseconds; `u64::MAX`: never clear.
static IDLE_PERIOD_NANOS: AtomicU64 = AtomicU64::new(DEFAULT_IDLE_PERIOD.as_nanos() as u64);

/// Whether the sweeper thread runs (set under the `CHANNELS` lock).
static SWEEPER_STARTED: AtomicBool = AtomicBool::new(false);

/// Wakes the sweeper early, when the idle period changes.
static SWEEPER_WAKE: (Mutex<()>, Condvar) = (Mutex::new(()), Condvar::new());

/// The shortest and longest pause between two sweeps. A channel is cleared
/// between one idle period and that plus two pauses (at most one and a half
/// idle periods) after its last handle went.
const SWEEP_PAUSE: (Duration, Duration) = (Duration::from_millis(10), Duration::from_secs(5));

/// How long an unused channel stays open; `None`: for the process's life.
pub(crate) fn idle_period() -> Option<Duration> {
    match IDLE_PERIOD_NANOS.load(Ordering::Relaxed) {
        u64::MAX => None,
        nanos => Some(Duration::from_nanos(nanos)),
    }
}

/// Sets [`idle_period`]; takes effect at the sweeper's next round, which it
/// starts at once.
pub(crate) fn set_idle_period(period: Option<Duration>) {
    let nanos = period.map_or(u64::MAX, |period| {
        u64::try_from(period.as_nanos()).unwrap_or(u64::MAX)
    });
    IDLE_PERIOD_NANOS.store(nanos, Ordering::Relaxed);
    let _guard = SWEEPER_WAKE.0.lock();
    SWEEPER_WAKE.1.notify_all();
}

/// Starts the sweeper thread if it is not running. Called under the
/// `CHANNELS` lock, so at most one starts; if the thread cannot be made, the
/// next new channel tries again (channels then stay open meanwhile).
fn start_sweeper() {
    if SWEEPER_STARTED.load(Ordering::Relaxed) {
        return;
    }
    let started = std::thread::Builder::new()
        .name("cothread-ca-sweeper".into())
        .spawn(run_sweeper)
        .is_ok();
    SWEEPER_STARTED.store(started, Ordering::Relaxed);
}

/// The sweeper thread: a sweep every quarter of the idle period (within
/// [`SWEEP_PAUSE`]), for the life of the process.
fn run_sweeper() {
    loop {
        let pause = idle_period().map_or(SWEEP_PAUSE.1, |period| {
            (period / 4).clamp(SWEEP_PAUSE.0, SWEEP_PAUSE.1)
        });
        {
            let mut guard = SWEEPER_WAKE.0.lock();
            SWEEPER_WAKE.1.wait_for(&mut guard, pause);
        }
        if let Some(period) = idle_period() {
            sweep(period);
        }
    }
}

/// Clears every channel that has had no handle outside the table since a
/// sweep at least `period` ago (and since its last open), except the last
/// connected channel of each server (see [`keep_last_of_each_server`]);
/// returns their names.
/// A channel found unused for the first time is only marked.
pub(crate) fn sweep(period: Duration) -> Vec<Arc<str>> {
    epoch();
    let now = Instant::now();
    let idle: Vec<Channel> = {
        let mut channels = CHANNELS.lock();
        let Some(channels) = channels.as_mut() else {
            return Vec::new();
        };
        let mut expired = Vec::new();
        let mut connected_expired = false;
        for entry in channels.iter() {
            if Arc::strong_count(&entry.channel.shared) > UNUSED {
                entry.idle_since.set(None);
                continue;
            }
            if entry.idle_since.get().is_none() {
                entry.idle_since.set(Some(now));
            }
            if entry.is_expired(now, period) {
                expired.push(Arc::clone(entry.channel.name()));
                connected_expired |= entry.channel.is_connected();
            }
        }
        if connected_expired {
            keep_last_of_each_server(channels, &mut expired, now, period);
        }
        // Pairs with the release of each dropped handle's count: whatever a
        // handle's holder did with the channel happens before it is cleared.
        std::sync::atomic::fence(Ordering::Acquire);
        expired
            .iter()
            .filter_map(|name| channels.take(&**name))
            .map(|entry| entry.channel)
            .collect()
    };
    let cleared: Vec<Arc<str>> = idle
        .into_iter()
        .map(|channel| {
            let name = Arc::clone(channel.name());
            channel.clear();
            name
        })
        .collect();
    if !cleared.is_empty() {
        // libca only queues the clear requests: without a flush, the
        // servers hold the channels until something else is sent on their
        // circuits. A failure here is one `clear` met first (no context),
        // which then cleared nothing.
        let _ = flush_io();
    }
    cleared
}

/// The number [`Channel::server_id`] gives the server of a connected
/// channel: the address of the circuit's host name inside libca (one buffer
/// per circuit, never read here), folded to 32 bits, never 0. Two circuits
/// alive at once have different addresses, which fold alike only if they
/// lie in different 4 GB-aligned regions; the sweep would then take two
/// servers for one (see [`keep_last_of_each_server`]), nothing worse.
fn server_of(chid: sys::chid) -> u32 {
    // SAFETY: chid is a live channel (a callback of it runs, and a clear
    // waits for that); libca returns a pointer into the channel's circuit
    // (or to a constant string), which is not dereferenced: only its
    // address is used.
    let address = unsafe { sys::ca_host_name(chid) } as usize as u64;
    let folded = (address ^ (address >> 32)) as u32;
    folded.max(1)
}

/// Takes out of `expired` (names of channels about to be cleared) the last
/// connected channel of each server that would otherwise lose every
/// channel, so that it stays open, and with it the server's circuit.
///
/// Clearing a circuit's last channel makes libca shut the circuit down, and
/// libca installs a channel whose search is answered meanwhile on the dying
/// circuit (`cac::findOrCreateVirtCircuit` hands back a circuit that is no
/// longer alive): the channel is lost with it and searched for again only
/// after libca's ten-second disconnect governor. A read of any new name on
/// that server at that moment would stall and time out, so the sweep never
/// clears the last channel of a connected server. That holds at most one
/// channel per server this process talks to. A sweep looks at it again a
/// period later, and clears it once another channel of the server is open,
/// or once the server has gone (a disconnected channel has no circuit to
/// close).
///
/// Servers are told apart by [`Channel::server_id`], which libca's
/// connection callback stored, so the scan of the table (only when a
/// connected channel is due) asks libca nothing.
// An entry's hash and equality are its channel's name, which never
// changes; what its channel's interior mutability changes is not hashed.
#[allow(clippy::mutable_key_type)]
fn keep_last_of_each_server(
    channels: &Table,
    expired: &mut Vec<Arc<str>>,
    now: Instant,
    period: Duration,
) {
    // Per server: `None` once a channel of it stays; until then the
    // expired channel it would keep.
    let mut servers: HashMap<u32, Option<&Entry>> = HashMap::new();
    for entry in channels.iter().filter(|entry| entry.channel.is_connected()) {
        let stays = !entry.is_expired(now, period);
        let kept = servers
            .entry(entry.channel.server_id())
            .or_insert(Some(entry));
        if stays {
            *kept = None;
        }
    }
    let kept: HashSet<&str> = servers
        .into_values()
        .flatten()
        .map(|entry| {
            // Its idle time starts again: the table is scanned for it once
            // a period, not on every sweep.
            entry.idle_since.set(Some(now));
            &**entry.channel.name()
        })
        .collect();
    expired.retain(|name| !kept.contains(&**name));
}

/// How many channels the table holds whose name starts with `prefix`.
#[cfg(test)]
pub(crate) fn open_channels(prefix: &str) -> usize {
    CHANNELS.lock().as_ref().map_or(0, |channels| {
        channels
            .iter()
            .filter(|entry| entry.channel.name().starts_with(prefix))
            .count()
    })
}

/// A channel's connection state and native type and count in one word, read
/// by every request without the `state` lock: bit 63 connected, bits 56..63
/// the field type's code + 1 (0: none), bits 0..56 the element count.
struct Link;

impl Link {
    const DOWN: u64 = 0;
    const CONNECTED: u64 = 1 << 63;
    const COUNT_BITS: u32 = 56;

    fn pack(connected: bool, native: Option<(FieldType, usize)>) -> u64 {
        if !connected {
            return Link::DOWN;
        }
        match native {
            // A count that does not fit (never, in CA: it is 32 bits) reads
            // as no valid type, as libca's own failures do.
            Some((field_type, count)) if (count as u64) < 1 << Link::COUNT_BITS => {
                Link::CONNECTED
                    | ((field_type.code() as u64 + 1) << Link::COUNT_BITS)
                    | count as u64
            }
            _ => Link::CONNECTED,
        }
    }

    fn is_connected(link: u64) -> bool {
        link & Link::CONNECTED != 0
    }

    fn native(link: u64) -> Option<(FieldType, usize)> {
        let code = (link & !Link::CONNECTED) >> Link::COUNT_BITS;
        if !Link::is_connected(link) || code == 0 {
            return None;
        }
        let field_type = FieldType::from_code(code as i64 - 1)?;
        Some((field_type, (link & ((1 << Link::COUNT_BITS) - 1)) as usize))
    }
}

fn check_name(name: &str) -> Result<(), CaError> {
    let bad =
        |code, detail: &str| Err(CaError::new(name, code, "ca_create_channel").with_detail(detail));
    if name.is_empty() {
        bad(sys::ECA_EMPTYSTR, "the PV name is empty")
    } else if name.len() > MAX_PV_NAME {
        bad(
            sys::ECA_STRTOBIG,
            &format!(
                "a PV name has at most {MAX_PV_NAME} bytes, this one {}",
                name.len()
            ),
        )
    } else if name.contains('\0') {
        bad(sys::ECA_BADSTR, "the PV name contains a NUL")
    } else {
        Ok(())
    }
}

impl State {
    /// Registers `callback`; its id.
    fn push(&mut self, callback: Callback) -> CallbackId {
        if self.callbacks.capacity() == 0 {
            // Room for one (a read's wait, or a subscription's listener),
            // not the four a first push makes: at 10^5 channels that is 96
            // bytes each (and for waits, freed at the connection but left in
            // the heap's high-water mark).
            self.callbacks.reserve_exact(1);
        }
        let id = new_id();
        self.callbacks.push((id, callback));
        CallbackId(NonZeroU64::new(id).expect("new_id gives no 0"))
    }

    /// Removes the wait or listener `id`, if it is still registered, and
    /// hands it back, to be dropped once the lock is released. The last one
    /// out frees the vector: a channel with nothing registered holds none.
    fn remove(&mut self, id: CallbackId) -> Option<Callback> {
        let index = self
            .callbacks
            .iter()
            .position(|(each, _)| *each == id.0.get())?;
        let (_, callback) = self.callbacks.remove(index);
        if self.callbacks.is_empty() {
            self.callbacks = Vec::new();
        }
        Some(callback)
    }

    /// Takes every connection wait out, in order, leaving the listeners in
    /// theirs.
    fn take_waits(&mut self) -> Vec<ConnectCallback> {
        let is_wait = |(_, callback): &(u64, Callback)| matches!(callback, Callback::Wait(_));
        let mut waits = Vec::new();
        let count = self.callbacks.iter().filter(|each| is_wait(each)).count();
        if count == 0 {
            return waits;
        }
        waits.reserve_exact(count);
        let listeners = self.callbacks.len() - count;
        let callbacks = std::mem::replace(&mut self.callbacks, Vec::with_capacity(listeners));
        for (id, callback) in callbacks {
            match callback {
                Callback::Wait(wait) => waits.push(wait),
                listen => self.callbacks.push((id, listen)),
            }
        }
        waits
    }

    /// The listeners, to call once the lock is released.
    fn listeners(&self) -> Vec<Listener> {
        self.callbacks
            .iter()
            .filter_map(|(_, callback)| match callback {
                Callback::Listen(listener) => Some(listener.clone()),
                Callback::Wait(_) => None,
            })
            .collect()
    }
}

impl Shared {
    /// What `cainfo` reports, for `chid` (this channel's, as in
    /// [`read_native`](Self::read_native)).
    fn info_of(&self, chid: sys::chid) -> ChannelInfo {
        let mut host = [0 as std::ffi::c_char; 256];
        // SAFETY: chid is a live channel (a handle of it exists, or a
        // callback of it runs, and a clear waits for that);
        // ca_get_host_name writes at most `host.len()` bytes including the
        // NUL into the buffer.
        let (state, read, write) = unsafe {
            sys::ca_get_host_name(chid, host.as_mut_ptr(), host.len() as u32);
            (
                sys::ca_state(chid),
                sys::ca_read_access(chid),
                sys::ca_write_access(chid),
            )
        };
        host[host.len() - 1] = 0;
        // SAFETY: the buffer is NUL-terminated (forced above).
        let host = unsafe { CStr::from_ptr(host.as_ptr()) }
            .to_string_lossy()
            .into_owned();
        let state = match state {
            sys::cs_never_conn => ChannelState::NeverConnected,
            sys::cs_prev_conn => ChannelState::PreviouslyConnected,
            sys::cs_conn => ChannelState::Connected,
            _ => ChannelState::Closed,
        };
        let native = Link::native(self.link.load(Ordering::Acquire));
        ChannelInfo {
            name: self.name.to_string(),
            state,
            host,
            read: read != 0,
            write: write != 0,
            element_count: native.map_or(0, |(_, count)| count),
            datatype: native.map(|(field_type, _)| field_type),
        }
    }

    /// The native type and element count of `chid` (this channel's, as libca
    /// passed it to a callback: `self.chid` may not be stored yet).
    fn read_native(chid: sys::chid) -> Option<(FieldType, usize)> {
        // SAFETY: chid is a live channel (a callback of it runs, and a
        // clear waits for that); these read fields
        // libca keeps for the channel, and report TYPENOTCONN / 0 when it is
        // not connected.
        let (field_type, count) =
            unsafe { (sys::ca_field_type(chid), sys::ca_element_count(chid)) };
        let field_type = FieldType::from_code(field_type.into())?;
        Some((field_type, usize::try_from(count).ok()?))
    }

    fn connection_changed(&self, chid: sys::chid, connected: bool) {
        // Read before locking: libca's calls take its own mutex.
        let (native, server) = if connected {
            (Shared::read_native(chid), server_of(chid))
        } else {
            (None, 0)
        };
        let _order = self.order.lock();
        let mut state = self.state.lock();
        self.server.store(server, Ordering::Relaxed);
        self.link
            .store(Link::pack(connected, native), Ordering::Release);
        let waiters = if connected {
            state.take_waits()
        } else {
            Vec::new()
        };
        let listeners = state.listeners();
        drop(state);
        for waiter in waiters {
            guarded("connection callback", || waiter(Ok(())));
        }
        let event = if connected {
            ChannelEvent::Connected
        } else {
            ChannelEvent::Disconnected
        };
        self.notify(chid, &listeners, &event);
    }

    /// The server changed this client's rights (on libca's thread).
    fn access_changed(&self, chid: sys::chid, read: bool, write: bool) {
        let _order = self.order.lock();
        let listeners = self.state.lock().listeners();
        self.notify(
            chid,
            &listeners,
            &ChannelEvent::AccessRights { read, write },
        );
    }

    /// Tells `listeners` of `event`; called under the `order` lock. The
    /// details of a connection are read (once) only if a watcher wants them.
    fn notify(&self, chid: sys::chid, listeners: &[Listener], event: &ChannelEvent) {
        let wants_info = *event == ChannelEvent::Connected
            && listeners
                .iter()
                .any(|listener| matches!(listener, Listener::Watcher(_)));
        let info = wants_info.then(|| self.info_of(chid));
        for listener in listeners {
            match listener {
                Listener::Plain(listener) => {
                    guarded("channel listener", || listener.changed(event));
                }
                Listener::Watcher(watcher) => {
                    guarded("channel watcher", || watcher(event, info.as_ref()))
                }
            }
        }
    }
}

/// The `Shared` of a channel whose callback is running.
///
/// # Safety
/// `chid` must be a channel created by [`Channel::open`], passed by libca to
/// one of its callbacks.
unsafe fn shared_of<'a>(chid: sys::chid) -> &'a Shared {
    // SAFETY: Channel::open gave libca `Arc::into_raw` of a Shared as the
    // channel's user pointer, and that count is released only after
    // ca_clear_channel has returned, after which libca calls nothing for the
    // channel: so the Shared outlives every callback.
    unsafe { &*sys::ca_puser(chid).cast::<Shared>() }
}

/// The PV name of a channel that libca passed to a callback.
///
/// # Safety
/// As [`shared_of`].
pub(super) unsafe fn name_of<'a>(chid: sys::chid) -> &'a str {
    // SAFETY: the caller's promise; the Shared (and its name) lives as long
    // as libca may call back for the channel.
    unsafe { &shared_of(chid).name }
}

/// libca's connection callback (on libca's thread).
unsafe extern "C" fn on_connection(args: sys::connection_handler_args) {
    guarded("connection handler", || {
        // SAFETY: libca calls this only for channels made by Channel::open.
        let shared = unsafe { shared_of(args.chid) };
        shared.connection_changed(
            args.chid,
            args.op == sys::CA_OP_CONN_UP as std::os::raw::c_long,
        );
    });
}

/// libca's access-rights callback (on libca's thread).
unsafe extern "C" fn on_access_rights(args: sys::access_rights_handler_args) {
    guarded("access rights handler", || {
        // SAFETY: installed only on channels made by Channel::open.
        let shared = unsafe { shared_of(args.chid) };
        shared.access_changed(
            args.chid,
            args.ar.read_access() != 0,
            args.ar.write_access() != 0,
        );
    });
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::{epoch, Entry, IdleSince, Shared};

    /// One allocation per channel for as long as the channel is open: 10^5
    /// channels hold 10^5 of them. With the `Arc`'s two counts (16 bytes)
    /// and malloc's 8-byte header, 72 bytes of `Shared` fill a 96-byte heap
    /// chunk; 8 bytes more would take the next size, 112.
    #[test]
    fn a_channels_shared_state_fits_a_96_byte_heap_chunk() {
        assert!(size_of::<Shared>() <= 72, "{} bytes", size_of::<Shared>());
    }

    /// The table's bucket per channel: its handle and the idle mark.
    #[test]
    fn a_table_entry_is_two_words() {
        assert_eq!(size_of::<Entry>(), 16);
    }

    #[test]
    fn an_idle_mark_gives_back_the_instant_it_was_set_to() {
        let mark = IdleSince::none();
        assert_eq!(mark.get(), None);
        epoch(); // as the sweep does before it reads the clock
        let now = Instant::now();
        mark.set(Some(now));
        assert_eq!(mark.get(), Some(now));
        mark.set(None);
        assert_eq!(mark.get(), None);
    }
}
