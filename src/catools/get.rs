//! `caget`: one snapshot of one PV or of many, read in parallel.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Instant;

use super::handoff::{issue_each, schedule_flush, ReplySlot, Waiter};
use super::timeout::CaTimeout;
use super::{Augmented, CaError, Count, DataType, Format, FromValue, Meta, TypeMismatch, Value};
use crate::ca::{Batch, Channel, Converted, ReadRequest, Reply};
use crate::ca_types::CompactReading;
use crate::ca_types::ConvertOnArrival;

/// What a read can deliver: any [`FromValue`] type (just the data, e.g.
/// `f64`, `Vec<i32>`, `String`, [`Value`]) or an [`Augmented`] one (the data
/// with its name and metadata).
pub trait FromReading: Sized {
    /// The type to request when the caller names none.
    fn requested_type() -> DataType;
    /// Takes what arrived, or says why it cannot.
    fn from_reading(reading: Augmented<Value>) -> Result<Self, TypeMismatch>;
    /// Whether [`from_reading`](Self::from_reading) keeps the metadata, and so
    /// needs `meta.name` filled in (false: the reading arrives with an empty
    /// name, which saves an allocation per value).
    #[doc(hidden)]
    fn keeps_meta() -> bool {
        true
    }
    /// Takes a value that arrived without metadata; called only when
    /// [`keeps_meta`](Self::keeps_meta) is false (reads then decode the value
    /// alone, and carry no `Meta` from libca's thread to the caller).
    #[doc(hidden)]
    fn from_value_only(value: Value) -> Result<Self, TypeMismatch> {
        Self::from_reading(Augmented {
            value,
            meta: Meta::default(),
        })
    }
    /// [`from_value_only`](Self::from_value_only) as a read may run it on
    /// libca's thread as each reply arrives (see
    /// [`FromValue::convert_on_arrival`]); `None` converts on the caller's
    /// thread.
    #[doc(hidden)]
    fn convert_on_arrival() -> Option<ConvertOnArrival<Self>> {
        None
    }
}

/// Hands `reading` of `name`, which stands for `update_count` monitor
/// updates (1 for a read), to `T`: only its value when `T` keeps no
/// metadata; otherwise the whole reading, with the name (which decoding
/// leaves empty) and the count filled in. What every read and monitor of
/// both faces delivers goes through here.
#[inline]
pub(crate) fn convert_reading<T: FromReading>(
    name: &Arc<str>,
    reading: CompactReading,
    update_count: u64,
) -> Result<T, CaError> {
    if !T::keeps_meta() {
        return convert_value(name, reading.value);
    }
    let reading = reading.into_augmented(Arc::clone(name), update_count);
    T::from_reading(reading).map_err(|e| e.into_ca_error(name))
}

/// [`convert_reading`] of a monitor update as libca's callback left it (a
/// reading, or the error boxed): what a subscription's callback gets, on
/// either face and on either thread.
#[inline]
pub(crate) fn convert_update<T: FromReading>(
    name: &Arc<str>,
    update: Result<CompactReading, Box<CaError>>,
    update_count: u64,
) -> Result<T, CaError> {
    match update {
        Ok(reading) => convert_reading(name, reading, update_count),
        Err(err) => Err(*err),
    }
}

/// Hands `value` of `name`, read without metadata for a `T` that keeps none,
/// to `T`.
pub(crate) fn convert_value<T: FromReading>(name: &str, value: Value) -> Result<T, CaError> {
    T::from_value_only(value).map_err(|e| e.into_ca_error(name))
}

impl<T: FromValue> FromReading for T {
    fn requested_type() -> DataType {
        T::requested_type()
    }
    fn keeps_meta() -> bool {
        false
    }
    fn from_reading(reading: Augmented<Value>) -> Result<T, TypeMismatch> {
        T::from_value(reading.value)
    }
    fn from_value_only(value: Value) -> Result<T, TypeMismatch> {
        T::from_value(value)
    }
    fn convert_on_arrival() -> Option<ConvertOnArrival<T>> {
        T::convert_on_arrival()
    }
}

impl<T: FromValue> FromReading for Augmented<T> {
    fn requested_type() -> DataType {
        T::requested_type()
    }
    #[inline]
    fn from_reading(reading: Augmented<Value>) -> Result<Augmented<T>, TypeMismatch> {
        reading.convert()
    }
}

/// The options of a read: `caget` with everything Python's catools takes.
///
/// ```no_run
/// use cothread::catools::{Augmented, Format, Get};
/// let reading: Augmented<f64> = Get::new().format(Format::Time).get("SR:DCCT")?;
/// println!("{} at {:?}", reading.value, reading.meta.timestamp);
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Get {
    timeout: CaTimeout,
    datatype: Option<DataType>,
    format: Format,
    count: Count,
}

impl Get {
    /// The defaults: 5 s timeout, the requested Rust type's natural DBR type,
    /// [`Format::Raw`], [`Count::Current`].
    pub fn new() -> Get {
        Get::default()
    }

    /// How long to wait for connection and data together.
    pub fn timeout(mut self, timeout: impl Into<CaTimeout>) -> Get {
        self.timeout = timeout.into();
        self
    }

    /// The DBR type to ask the server for (it converts).
    pub fn datatype(mut self, datatype: DataType) -> Get {
        self.datatype = Some(datatype);
        self
    }

    /// How much metadata to fetch.
    pub fn format(mut self, format: Format) -> Get {
        self.format = format;
        self
    }

    /// How many elements to fetch.
    pub fn count(mut self, count: Count) -> Get {
        self.count = count;
        self
    }

    /// Reads one PV.
    pub fn get<T: FromReading>(&self, pv: &str) -> Result<T, CaError> {
        self.get_each::<T, _>(&[pv])
            .pop()
            .expect("one result per name")
    }

    /// Reads many PVs in parallel; the first failure (in list order) is the
    /// error (Python's `throw=True`).
    pub fn get_list<T: FromReading, S: AsRef<str>>(&self, pvs: &[S]) -> Result<Vec<T>, CaError> {
        let names: Vec<&str> = pvs.iter().map(AsRef::as_ref).collect();
        if let Some(channels) = warm_list(&names) {
            if let Some(values) = self.get_connected(&channels, FirstError) {
                return values;
            }
        }
        FirstError.take(self.get_by_name(&names).into_iter())
    }

    /// Reads many PVs in parallel; each PV's own result (Python's
    /// `throw=False`).
    pub fn get_each<T: FromReading, S: AsRef<str>>(&self, pvs: &[S]) -> Vec<Result<T, CaError>> {
        let names: Vec<&str> = pvs.iter().map(AsRef::as_ref).collect();
        if let Some(channels) = warm_list(&names) {
            // A warm read: one batch, as for a prepared list.
            if let Some(results) = self.get_connected(&channels, EachResult) {
                return results;
            }
        }
        self.get_by_name(&names)
    }

    /// Reads `names` in parallel, each request issued as soon as its channel
    /// is connected (a cold read, or one with channels not yet connected).
    pub(super) fn get_by_name<T: FromReading>(&self, names: &[&str]) -> Vec<Result<T, CaError>> {
        let deadline = self.timeout.deadline();
        if !T::keeps_meta() {
            // The value alone, decoded without metadata.
            return read_many::<Value>(names, self.request_for::<T>(), deadline)
                .into_iter()
                .zip(names)
                .map(|(value, name)| value.and_then(|v| convert_value(name, v)))
                .collect();
        }
        read_many::<CompactReading>(names, self.request_for::<T>(), deadline)
            .into_iter()
            .zip(names)
            .map(|(reading, name)| reading.and_then(|r| convert_reading(&Arc::from(*name), r, 1)))
            .collect()
    }

    /// Reads a prepared list whose channels are all connected, with one
    /// batch of requests (no name lookup, one allocation), and hands `take`
    /// the results in list order; `None` when a channel is not connected
    /// (the caller then reads by name, which waits for it).
    pub(super) fn get_connected<T, U>(
        &self,
        channels: &Arc<[Channel]>,
        take: U,
    ) -> Option<U::Output>
    where
        T: FromReading,
        U: TakeResults<T>,
    {
        let (waiter, notify) = Waiter::new();
        let mut read = ConnectedRead::<T>::issue(self, channels, move || notify.notify())?;
        if !read.is_complete() {
            schedule_flush();
            waiter.wait(self.timeout.deadline());
        }
        Some(read.take(channels, take))
    }

    /// The read request for `T` on a PV name (also the async face's).
    pub(crate) fn request_for<T: FromReading>(&self) -> impl Fn(&str) -> ReadRequest + '_ {
        let preferred = T::requested_type();
        move |name| ReadRequest {
            datatype: DataType::resolve(name, self.datatype, preferred),
            format: self.format,
            count: self.count,
        }
    }
}

/// Reads one PV with the default options: `caget::<f64>("PV")`,
/// `caget::<Augmented>("PV")` (native type, with name and metadata), ...
/// A PV that no server answers within 5 s fails with
/// [`ErrorKind::NotFound`](super::ErrorKind::NotFound).
///
/// ```no_run
/// use cothread::catools::{caget, Augmented};
/// let current: f64 = caget("SR:DCCT")?;
/// let orbit: Vec<f64> = caget("SR:BPM:X")?;
/// let reading: Augmented = caget("SR:DCCT")?;
/// println!("{current} {} {reading}", orbit.len());
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
pub fn caget<T: FromReading>(pv: &str) -> Result<T, CaError> {
    Get::new().get(pv)
}

/// Reads many PVs in parallel with the default options; the first failure is
/// the error. [`Get::get_each`] gives each PV its own result instead.
///
/// ```no_run
/// use cothread::catools::caget_list;
/// let currents: Vec<f64> = caget_list(&["SR:DCCT", "BR:DCCT"])?;
/// assert_eq!(currents.len(), 2);
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
pub fn caget_list<T: FromReading, S: AsRef<str>>(pvs: &[S]) -> Result<Vec<T>, CaError> {
    Get::new().get_list(pvs)
}

/// The channels of a list of names (one name too: a single `caget` of a
/// connected PV is a batch of one) if all are open and connected.
fn warm_list(names: &[&str]) -> Option<Arc<[Channel]>> {
    Channel::find_connected(names)
}

/// What a list read makes of its results, taken in list order. A trait
/// rather than a closure so that the loop over the results, which runs once
/// per PV after the last reply is in, is compiled for the batch's own
/// iterator (no call through a vtable per PV).
pub(crate) trait TakeResults<T> {
    /// What the caller gets.
    type Output;
    /// Takes every result.
    fn take(self, results: impl Iterator<Item = Result<T, CaError>>) -> Self::Output;
}

/// The values, or the first error in list order (the list forms'
/// `throw=True`). The values' vector is allocated once, at the number of
/// results. (`collect` on a `Vec`'s `into_iter` would reuse the results'
/// buffer in place: for 100,000 `f64`s it kept 88 bytes each, the size of a
/// `Result` with its `CaError`, for as long as the caller keeps the values.)
#[derive(Default)]
pub(crate) struct FirstError;

impl<T> TakeResults<T> for FirstError {
    type Output = Result<Vec<T>, CaError>;
    fn take(self, results: impl Iterator<Item = Result<T, CaError>>) -> Self::Output {
        let mut values = Vec::with_capacity(results.size_hint().0);
        for result in results {
            values.push(result?);
        }
        Ok(values)
    }
}

/// Each PV's own result (the list forms' `throw=False`).
#[derive(Default)]
pub(crate) struct EachResult;

impl<T> TakeResults<T> for EachResult {
    type Output = Vec<Result<T, CaError>>;
    fn take(self, results: impl Iterator<Item = Result<T, CaError>>) -> Self::Output {
        results.collect()
    }
}

/// A read of a list whose channels were all connected when it was issued:
/// one [`Batch`], decoded the way `T` wants its replies (whole readings;
/// values converted to `T` on libca's thread as they arrive; or values, for
/// a type that must be converted on the caller's thread). Both faces' warm
/// list reads.
pub(crate) enum ConnectedRead<T> {
    Readings(Batch<CompactReading>),
    Converted(Batch<Converted<T>>),
    Values(Batch<Value>),
}

impl<T: FromReading> ConnectedRead<T> {
    /// Queues the reads of `channels` with `options` (they go out with the
    /// next flush); `done` runs once, on whichever thread completes the
    /// last. `None`, with nothing queued, when a channel is not connected.
    pub(crate) fn issue(
        options: &Get,
        channels: &Arc<[Channel]>,
        done: impl Fn() + Send + Sync + 'static,
    ) -> Option<ConnectedRead<T>> {
        if !channels.iter().all(Channel::is_connected) {
            return None;
        }
        let request_for = options.request_for::<T>();
        let requests = channels.iter().map(|channel| request_for(channel.name()));
        Some(if T::keeps_meta() {
            ConnectedRead::Readings(Batch::read(channels, requests, (), done))
        } else if let Some(convert) = T::convert_on_arrival() {
            // Each value converted as its reply arrives, on libca's thread,
            // while the others are still coming: after the last reply only
            // the results are moved into place.
            ConnectedRead::Converted(Batch::read(channels, requests, convert, done))
        } else {
            ConnectedRead::Values(Batch::read(channels, requests, (), done))
        })
    }

    /// Whether every read has completed.
    pub(crate) fn is_complete(&self) -> bool {
        match self {
            ConnectedRead::Readings(batch) => batch.is_complete(),
            ConnectedRead::Converted(batch) => batch.is_complete(),
            ConnectedRead::Values(batch) => batch.is_complete(),
        }
    }

    /// Hands `take` the results in list order (`channels` as issued); a read
    /// not completed yet is the timeout error, and its late reply is
    /// dropped.
    pub(crate) fn take<U: TakeResults<T>>(&mut self, channels: &[Channel], take: U) -> U::Output {
        match self {
            ConnectedRead::Readings(batch) => {
                take.take(batch_results(batch, channels, |r, name| {
                    convert_reading(name, r, 1)
                }))
            }
            ConnectedRead::Converted(batch) => {
                take.take(batch_results(batch, channels, |converted, name| {
                    converted
                        .into_result()
                        .map_err(|mismatch| mismatch.into_ca_error(name))
                }))
            }
            ConnectedRead::Values(batch) => {
                take.take(batch_results(batch, channels, |value, name| {
                    convert_value(name, value)
                }))
            }
        }
    }
}

/// The results of `batch` in list order, each reply converted by `convert`
/// (given the PV name); a result still missing is the timeout error.
pub(super) fn batch_results<'a, R: Reply, T>(
    batch: &'a mut Batch<R>,
    channels: &'a [Channel],
    mut convert: impl FnMut(R, &Arc<str>) -> Result<T, CaError> + 'a,
) -> impl Iterator<Item = Result<T, CaError>> + 'a {
    batch
        .results()
        .zip(channels)
        .map(move |(result, channel)| match result {
            Some(Ok(reply)) => convert(reply, channel.name()),
            Some(Err(err)) => Err(*err),
            None => Err(CaError::completion_timeout(&**channel.name())),
        })
}

/// How many reads [`read_many`] sends as one [`Batch`]: each batch's buffer
/// is given up as soon as it is done and its results are in place.
const BATCH_WINDOW: usize = 2048;

/// How many of one list read's batches [`read_many`] keeps in flight to one
/// server (2 x 2,048 reads); that server's next batch goes out when one of
/// its batches is done. libca keeps what every read in flight needs, about
/// 90 bytes, in free lists it never gives back: without a bound a read of
/// 10^5 names would leave some 9 MB there for the life of the process. The
/// bound is per server so that a server that does not answer holds up only
/// its own reads.
const BATCHES_PER_SERVER: usize = 2;

/// Reads `names` in parallel: the gets of the channels connected now are
/// sent in [`Batch`]es of [`BATCH_WINDOW`], at most [`BATCHES_PER_SERVER`]
/// of them in flight to any one server (a list of more than that many reads
/// is grouped by server first); the others' gets as their connections
/// arrive. No read waits for another server's: a slow or hung server must
/// not hold up the reads of the others. `R` is what each reply is decoded
/// into: the whole reading, or only its value.
///
/// A batch keeps its reads' pending state in one allocation, where a read
/// that waits for its connection boxes its own: for a cold read of 10^5
/// names, whose channels mostly connect while the list is being opened, a
/// few buffers instead of 10^5 small blocks that, freed among the channels'
/// own, would stay in the heap's high-water mark.
fn read_many<R: Reply<Context = ()> + 'static>(
    names: &[&str],
    request_for: impl Fn(&str) -> ReadRequest,
    deadline: Option<Instant>,
) -> Vec<Result<R, CaError>> {
    let opened = Channel::open_each(names);
    // The names whose channel could not be opened, or is not connected yet,
    // go the way of a read by name, which reports the one and waits for the
    // other; their reads are issued first, and awaited last.
    let mut connected = Vec::with_capacity(names.len());
    let mut waiting = Vec::new();
    for (index, opened) in opened.iter().enumerate() {
        match opened {
            Ok(channel) if channel.is_connected() => connected.push(index),
            _ => waiting.push(index),
        }
    }
    let waiting_names: Vec<&str> = waiting.iter().map(|&index| names[index]).collect();
    let by_name = (!waiting.is_empty()).then(|| {
        let reads = waiting_names.iter().map(|name| {
            let request = request_for(name);
            move |channel: &Channel, slot: ReplySlot<Result<R, CaError>>| {
                channel.read(request, move |reading| slot.fill(reading));
            }
        });
        // The channels opened above, not looked up again.
        let waiting_opened = waiting.iter().map(|&index| opened[index].clone()).collect();
        issue_each(waiting_opened, reads)
    });
    let channel_of = |index: usize| opened[index].as_ref().expect("a connected channel");
    let mut queues: Vec<VecDeque<Vec<usize>>> = by_server(connected, channel_of)
        .into_iter()
        .map(|places| places.chunks(BATCH_WINDOW).map(<[usize]>::to_vec).collect())
        .collect();
    let mut results: Vec<Option<Result<R, CaError>>> = (0..names.len()).map(|_| None).collect();
    let (waiter, notify) = Waiter::new();
    let notify = Arc::new(notify);
    let send = |server: usize, places: Vec<usize>| {
        let channels: Arc<[Channel]> = places.iter().map(|&i| channel_of(i).clone()).collect();
        let requests = channels.iter().map(|channel| request_for(channel.name()));
        let notify = Arc::clone(&notify);
        let batch = Batch::<R>::read(&channels, requests, (), move || notify.notify());
        schedule_flush();
        Window {
            server,
            places,
            channels,
            batch,
        }
    };
    // A server has at most BATCHES_PER_SERVER batches in flight: its next
    // goes out only when one of them is done.
    let mut in_flight = Vec::new();
    for (server, queue) in queues.iter_mut().enumerate() {
        for places in queue.drain(..BATCHES_PER_SERVER.min(queue.len())) {
            in_flight.push(send(server, places));
        }
    }
    while can_wait(deadline) && !in_flight.is_empty() {
        let mut progressed = false;
        let mut index = 0;
        while index < in_flight.len() {
            if !in_flight[index].batch.is_complete() {
                index += 1;
                continue;
            }
            let server = in_flight.swap_remove(index).take(&mut results);
            progressed = true;
            if let Some(places) = queues[server].pop_front() {
                in_flight.push(send(server, places));
            }
        }
        if !progressed {
            waiter.wait(deadline);
        }
    }
    for window in in_flight {
        window.take(&mut results);
    }
    if let Some(by_name) = by_name {
        for (index, result) in waiting
            .into_iter()
            .zip(by_name.wait(&waiting_names, deadline))
        {
            results[index] = Some(result);
        }
    }
    // A batch never sent (the deadline passed first) has the timeout error.
    let results = results
        .into_iter()
        .zip(names)
        .map(|(result, name)| result.unwrap_or_else(|| Err(CaError::completion_timeout(*name))))
        .collect();
    // Freed last, after the batches' buffers: with glibc's malloc, freeing
    // a block this large (88 bytes per name) first would raise its
    // threshold for serving large blocks by `mmap`, and later large buffers
    // would come from the heap, whose high-water mark keeps them once freed.
    drop(opened);
    results
}

/// Whether a list read may still wait for replies: its deadline has not
/// passed, and it is not running inside a callback on libca's thread (where
/// no reply can arrive: the thread that would deliver it is the caller).
fn can_wait(deadline: Option<Instant>) -> bool {
    !crate::catools::monitor::in_libca_callback()
        && deadline.is_none_or(|deadline| Instant::now() < deadline)
}

/// The places of `connected` (indices of names whose channel
/// `channel_of` gives) grouped by server, each group in list order: one
/// group when the list is too short for [`BATCHES_PER_SERVER`] to matter.
fn by_server<'a>(
    connected: Vec<usize>,
    channel_of: impl Fn(usize) -> &'a Channel,
) -> Vec<Vec<usize>> {
    if connected.len() <= BATCH_WINDOW * BATCHES_PER_SERVER {
        return vec![connected];
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<u32, usize> = HashMap::new();
    for place in connected {
        let group = *group_of
            .entry(channel_of(place).server_id())
            .or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
        groups[group].push(place);
    }
    groups
}

/// One batch of [`read_many`]: the server it goes to (an index of the
/// read's groups), the places of its names in the list, its channels and
/// its reads.
struct Window<R: Reply> {
    server: usize,
    places: Vec<usize>,
    channels: Arc<[Channel]>,
    batch: Batch<R>,
}

impl<R: Reply> Window<R> {
    /// Puts each result in its place (a read not completed: the timeout
    /// error) and gives the batch's buffer up, for the next batches to
    /// reuse; the batch's server.
    fn take(mut self, results: &mut [Option<Result<R, CaError>>]) -> usize {
        let replies = batch_results(&mut self.batch, &self.channels, |reply, _| Ok(reply));
        for (result, &place) in replies.zip(&self.places) {
            results[place] = Some(result);
        }
        self.server
    }
}
