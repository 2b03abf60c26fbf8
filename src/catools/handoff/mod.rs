//! The hand-off: how what libca reports on its own threads reaches the
//! thread that asked, and the user's code there. Both faces' plumbing is
//! here; the rest of `catools` (and `catools_async`) only asks and converts.
//!
//! # The path of a reply or an update
//!
//! libca runs with preemptive callbacks: it calls back on threads of its
//! own, at any moment, while the thread that asked (call it *T*) goes on
//! with other work. Each hop below names the thread that runs it.
//!
//! 1. **T, the asking cothread.** `caget`, `caput`, `connect`,
//!    `camonitor`, `watch` open (or find) a `ca::Channel`: a handle that is
//!    also a *lease*, keeping the channel from being cleared as idle while
//!    anything here may still hear from it. A request waits for the
//!    channel's connection ([`connected`]: at once if connected, otherwise
//!    issued from T's scheduler loop when the connection is reported), and
//!    libca queues it; [`schedule_flush`] sends everything queued with one
//!    `ca_flush_io` just before T's scheduler next blocks.
//! 2. **A libca thread, in a callback.** The trampoline of `ca` (which
//!    contains panics: none unwinds into libca) copies the reply or update
//!    out of libca's buffer, which is valid only during the callback, into
//!    owned data (a `CompactReading`, a `Value`), and hands it on without
//!    running any user code, holding each lock only for a store or a push:
//!    - a reply to one of a list of requests goes into its [`ReplySlot`] of
//!      a [`Collector`](reply::Collector) (or, for a prepared list's warm
//!      read and for the channels of a list read that are connected when it
//!      is made, a slot of a `ca::Batch`); the last reply in notifies T
//!      through T's scheduler's remote queue, with a closure that carries
//!      only the waiter's id;
//!    - an update of a subscription, a put's completion with a callback, a
//!      connection event of a watch go into the [`Inbox`](dispatch::Inbox)
//!      of its handler; the first item into an idle inbox puts the inbox's
//!      id on T's ready list, and the first id into an empty ready list
//!      queues one remote call on T's scheduler (unless a batch window is
//!      open: while T's callbacks get work faster than one burst per
//!      millisecond, T's loop looks at the list at the end of each window
//!      instead, see [`dispatch`]);
//!    - for the async face, a connection or reply goes into the request's
//!      [`TaskSlot`] and wakes the task's `Waker`, and the executor polls
//!      the future again on a thread of its own: no scheduler is involved,
//!      and the rest of this path is the executor's.
//!    - a connection that a subscription waits for is handed to T's
//!      scheduler by a remote call carrying the subscription's id.
//! 3. **T's scheduler loop** (no cothread; nothing here suspends). The
//!    remote queue is drained: a notification looks its id up in T's table
//!    of waiters and signals the waiter's event; a ready list's call starts
//!    T's dispatcher cothread unless it is running (as does a batch
//!    window's end, a timed call of the loop, if work came); a request or
//!    subscription whose channel has connected is issued (the subscription
//!    looked up by id in `monitor`'s table of live ones).
//! 4. **T, the asking cothread again**, resumed: it takes every result
//!    from its collector and converts them into what the caller asked for.
//!    **Or T's dispatcher cothread** ([`dispatch`]): it takes the ready ids,
//!    looks each handler up in T's table, and each handler takes what its
//!    inbox holds.
//! 5. **The user's callback**, run by its handler on the dispatcher
//!    cothread: one at a time, in order of arrival, so it may suspend (call
//!    `caget`, `sleep`) like any cothread code.
//!
//! A subscription made by `Monitor::subscribe_on_libca_thread` (the opt-in
//! of `monitor::direct`) skips hops 3 to 5 for its updates: its `Send`
//! callback runs in hop 2, on the libca thread, and only its start and its
//! clearing after a panic go through T's scheduler. A catools wait in such
//! a callback returns at once ([`Waiter::wait`]) instead of holding up the
//! thread its reply needs.
//!
//! # Invariants
//!
//! - Nothing `!Send` crosses a thread. What goes from a libca thread to T
//!   is data, a `Send` slot or inbox, and numeric ids; the waiters' events
//!   and the user's handlers stay in T's thread-local tables
//!   ([`IdTable`](crate::id_table::IdTable)), where an id whose owner has
//!   gone finds nothing, so a message that comes late does nothing.
//! - Late replies are dropped and counted, never stored, printed or
//!   panicked over: once a collector's owner has taken its results (in time
//!   or not), a reply that comes after finds no slot, and
//!   [`late_replies`](crate::diagnostics::late_replies) counts it (a
//!   `ca::Batch` does the same). The async face differs on purpose: a
//!   future that is dropped abandons its [`TaskSlot`], and what arrives
//!   later is dropped quietly, uncounted.
//! - Leases: every request in flight holds its channel's handle until its
//!   callback has run, a subscription or watch until it is closed, a
//!   collector's caller until the results are in. So libca never calls
//!   back for a channel that has been cleared.
//! - Bounded: an inbox holds at most its limit (one item for a monitor that
//!   merges updates; the [`Backlog`](super::Backlog), 10,000 updates by
//!   default, with `all_updates`); a full inbox merges its oldest item into
//!   the next, whose update count carries the total. Only a caller's
//!   explicit `Backlog::Unbounded` has no such bound (and a put callback's
//!   inbox, which never holds more than one item per PV of its put).
//! - Wake-ups are coalesced: one per collector (by its last reply), one per
//!   burst into an inbox, one per burst onto a ready list, one write of the
//!   scheduler's eventfd per burst of remote calls.
//! - A handler that panics is called no more, its panic is reported once,
//!   and what it belongs to is closed; the dispatcher and other handlers go
//!   on.
//!
//! # Modules
//!
//! - [`reply`]: [`Collector`](reply::Collector), [`ReplySlot`], the [`Waiter`] and `Notify`
//!   pair that wakes a waiting cothread, and [`schedule_flush`].
//! - [`connected`]: running a request once its channel is connected;
//!   [`request_each`] for a list of names; [`connect_all`].
//! - [`dispatch`]: T's dispatcher cothread, its handlers and their inboxes.
//! - [`task`]: the async face's [`TaskSlot`].

mod budget;
mod connected;
pub(crate) mod dispatch;
mod reply;
mod task;

pub(crate) use budget::UpdateBudget;
pub(crate) use connected::{connect_all, issue_each, request_each};
pub(crate) use reply::{schedule_flush, ReplySlot, Waiter};
pub(crate) use task::TaskSlot;
