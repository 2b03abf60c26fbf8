//! The fetch layer over the project's public `catools` API
//! (`cothread::catools`): no direct libca.
//!
//! How the tools' DBR requests map onto catools: a plain `DBR_x` is
//! [`Format::Raw`], `DBR_STS_x` and `DBR_TIME_x` are [`Format::Time`] (TIME
//! carries everything STS does), `DBR_GR_x` and `DBR_CTRL_x` are
//! [`Format::Ctrl`] (CTRL carries everything GR does; a string's GR and
//! CTRL are its STS), and `DBR_STSACK_STRING` and `DBR_CLASS_NAME` are their
//! own [`DataType`]s. The tools print only the fields of the type they asked
//! for, so the extra fields never show.
//!
//! catools has no CA priorities: the tools' `-p` is accepted and has no
//! effect on what they print.

use std::time::{Duration, Instant};

use cothread::catools::{
    Augmented, CaError as CatoolsError, CaTimeout, ChannelInfo as CatoolsInfo, Connect, Count,
    DataType, ErrorKind, EventMask, Format, Get, Monitor, Put, Value,
};
use cothread::{EventQueue, Timeout};

use crate::backend::{Backend, CaError, ChannelInfo, GetRequest, MonitorEvent, PutValue};
use crate::dbr::{Dbr, Stamp, Values, EPICS_EPOCH_OFFSET};

/// [`Backend`] over `cothread::catools`.
#[derive(Default)]
pub struct CatoolsBackend {
    /// The names of the last `connect`, which requests refer to by index.
    names: Vec<String>,
}

impl CatoolsBackend {
    /// A backend for this process.
    pub fn new() -> CatoolsBackend {
        CatoolsBackend::default()
    }
}

/// What the tools are (EPICS base's tools print the EPICS release they were
/// compiled with, which libca does not report), and libca's CA protocol
/// version.
pub fn versions() -> (String, String) {
    (
        format!("cothread {}", env!("CARGO_PKG_VERSION")),
        cothread::catools::protocol_version().to_string(),
    )
}

/// The end of a tool's timeout (seconds as `f64`), as libca's `ca_pend_io`
/// takes one: 0 waits forever (libca's old "odd ball" behaviour, which it
/// keeps), as does a timeout too long to represent (`None`); a negative or
/// NaN one does not wait at all.
fn deadline(seconds: f64) -> Option<Instant> {
    let now = Instant::now();
    if seconds == 0.0 {
        return None;
    }
    match Duration::try_from_secs_f64(seconds) {
        Ok(wait) => now.checked_add(wait),
        Err(_) if seconds > 0.0 => None,
        Err(_) => Some(now),
    }
}

/// [`deadline`] as catools takes it.
fn ca_timeout(seconds: f64) -> CaTimeout {
    deadline(seconds).map_or(CaTimeout::Never, CaTimeout::At)
}

/// The catools request of a DBR type (0 to 34, 37, 38).
fn request_of(dbr_type: u32) -> (DataType, Format) {
    use crate::dbr::{DBR_CLASS_NAME, DBR_STSACK_STRING};
    match dbr_type {
        DBR_STSACK_STRING => return (DataType::StsackString, Format::Raw),
        DBR_CLASS_NAME => return (DataType::ClassName, Format::Raw),
        _ => {}
    }
    let datatype = match dbr_type % 7 {
        0 => DataType::String,
        1 => DataType::Short,
        2 => DataType::Float,
        3 => DataType::Enum,
        4 => DataType::Char,
        5 => DataType::Long,
        _ => DataType::Double,
    };
    let format = match dbr_type / 7 {
        0 => Format::Raw,
        1 | 2 => Format::Time,
        _ => Format::Ctrl,
    };
    (datatype, format)
}

/// The tools' count (0: the server's current length) as a catools count.
fn count_of(count: usize) -> Count {
    if count == 0 {
        Count::Current
    } else {
        Count::AtMost(count)
    }
}

fn error_of(error: &CatoolsError) -> CaError {
    match error.kind() {
        ErrorKind::Timeout => CaError::Timeout,
        ErrorKind::Disconnected => CaError::Disconnected,
        ErrorKind::NoReadAccess => CaError::NoReadAccess,
        ErrorKind::NoWriteAccess => CaError::NoWriteAccess,
        ErrorKind::GetFailed => CaError::ReadFailed(error.code(), error.message().to_string()),
        _ => CaError::Other(error.message().to_string()),
    }
}

fn info_of(info: &CatoolsInfo) -> Option<ChannelInfo> {
    Some(ChannelInfo {
        dbf_type: info.datatype?.code() as u32,
        element_count: info.element_count,
        host: info.host.clone(),
        read_access: info.read,
        write_access: info.write,
    })
}

fn bytes(texts: Option<&Vec<String>>) -> Vec<Vec<u8>> {
    texts
        .map(|texts| texts.iter().map(|t| t.as_bytes().to_vec()).collect())
        .unwrap_or_default()
}

/// A catools reading as the reply of `dbr_type` the tools asked for.
fn dbr_of(dbr_type: u32, reading: Augmented<Value>) -> Dbr {
    let meta = reading.meta;
    let values = match reading.value {
        Value::String(v) => Values::String(vec![v.into_bytes()]),
        Value::StringArray(v) => Values::String(v.into_iter().map(String::into_bytes).collect()),
        Value::Char(v) => Values::Char(vec![v]),
        Value::CharArray(v) => Values::Char(v),
        Value::Short(v) => Values::Short(vec![v]),
        Value::ShortArray(v) => Values::Short(v),
        Value::Long(v) => Values::Long(vec![v]),
        Value::LongArray(v) => Values::Long(v),
        Value::Float(v) => Values::Float(vec![v]),
        Value::FloatArray(v) => Values::Float(v),
        Value::Double(v) => Values::Double(vec![v]),
        Value::DoubleArray(v) => Values::Double(v),
        Value::Enum(v) => Values::Enum(vec![v]),
        Value::EnumArray(v) => Values::Enum(v),
        // `Value` may grow: the tools request only the types above.
        other => Values::String(vec![other.to_string().into_bytes()]),
    };
    let mut dbr = Dbr::new(dbr_type, values);
    dbr.status = meta.status.unwrap_or(0);
    dbr.severity = meta.severity.unwrap_or(0);
    if let Some(stamp) = meta.timestamp {
        dbr.stamp = Stamp {
            secs: (stamp.secs as i64 - EPICS_EPOCH_OFFSET).max(0) as u32,
            nsec: stamp.nsec,
        };
    }
    let details = meta.details.map(|details| *details).unwrap_or_default();
    dbr.units = details.units.map(String::into_bytes).unwrap_or_default();
    dbr.precision = details.precision.unwrap_or(0);
    if let Some(l) = details.limits {
        dbr.limits = [
            l.lower_disp_limit,
            l.upper_disp_limit,
            l.lower_alarm_limit,
            l.lower_warning_limit,
            l.upper_warning_limit,
            l.upper_alarm_limit,
            l.lower_ctrl_limit,
            l.upper_ctrl_limit,
        ];
    }
    dbr.enum_strings = bytes(details.enums.as_ref());
    dbr.ackt = details.ackt.unwrap_or(0);
    dbr.acks = details.acks.unwrap_or(0);
    dbr
}

/// What reaches the monitor loop from the connection cothreads and the
/// subscriptions.
enum Message {
    Connected(usize, ChannelInfo),
    Update(usize, Result<Augmented<Value>, CatoolsError>),
}

impl Backend for CatoolsBackend {
    fn connect(
        &mut self,
        names: &[String],
        _priority: u32,
        timeout: f64,
    ) -> Vec<Option<ChannelInfo>> {
        self.names = names.to_vec();
        Connect::new()
            .timeout(ca_timeout(timeout))
            .info_each(names)
            .iter()
            .map(|result| result.as_ref().ok().and_then(info_of))
            .collect()
    }

    fn get(
        &mut self,
        requests: &[GetRequest],
        _callback: bool,
        timeout: f64,
    ) -> Vec<Result<Dbr, CaError>> {
        // One cothread per read: every read is issued before any is waited
        // for, and all share one deadline.
        let deadline = ca_timeout(timeout);
        let reads: Vec<_> = requests
            .iter()
            .map(|request| {
                let name = self.names[request.channel].clone();
                let (datatype, format) = request_of(request.dbr_type);
                let get = Get::new()
                    .timeout(deadline)
                    .datatype(datatype)
                    .format(format)
                    .count(count_of(request.count));
                let dbr_type = request.dbr_type;
                cothread::spawn(move || {
                    get.get::<Augmented<Value>>(&name)
                        .map(|reading| dbr_of(dbr_type, reading))
                        .map_err(|e| error_of(&e))
                })
            })
            .collect();
        reads
            .iter()
            .map(|read| {
                read.wait(Timeout::NEVER)
                    .unwrap_or_else(|e| Err(CaError::Other(e.to_string())))
            })
            .collect()
    }

    fn put(
        &mut self,
        channel: usize,
        value: &PutValue,
        callback: bool,
        timeout: f64,
    ) -> Result<(), CaError> {
        let text = |bytes: &Vec<u8>| String::from_utf8_lossy(bytes).into_owned();
        let (datatype, value) = match value {
            PutValue::Strings(v) if v.len() == 1 => (DataType::String, Value::String(text(&v[0]))),
            PutValue::Strings(v) => (
                DataType::String,
                Value::StringArray(v.iter().map(text).collect()),
            ),
            PutValue::Doubles(v) if v.len() == 1 => (DataType::Double, Value::Double(v[0])),
            PutValue::Doubles(v) => (DataType::Double, Value::DoubleArray(v.clone())),
            PutValue::Chars(v) => (DataType::Char, Value::CharArray(v.clone())),
        };
        Put::new()
            .timeout(ca_timeout(timeout))
            .datatype(datatype)
            .wait(callback)
            .put(&self.names[channel], value)
            .map_err(|e| error_of(&e))
    }

    fn client_status(&mut self, level: u32) -> Result<(), CaError> {
        cothread::catools::client_status(level).map_err(|e| error_of(&e))
    }

    fn monitor(
        &mut self,
        names: &[String],
        _priority: u32,
        timeout: f64,
        mask: u32,
        on_event: &mut dyn FnMut(MonitorEvent) -> (u32, usize),
    ) {
        self.names = names.to_vec();
        let queue: EventQueue<Message> = EventQueue::new();
        // Each channel connects on a cothread of its own, however long it
        // takes; its subscription starts once it has.
        for (index, name) in names.iter().enumerate() {
            let (queue, name) = (queue.clone(), name.clone());
            cothread::spawn(move || {
                if let Ok(info) = Connect::new().timeout(CaTimeout::Never).info(&name) {
                    if let Some(info) = info_of(&info) {
                        queue.signal(Message::Connected(index, info));
                    }
                }
            });
        }
        let connect_deadline = deadline(timeout);
        let mut timed_out = false;
        let mut types = vec![0; names.len()];
        let mut subscriptions = Vec::new();
        loop {
            let wait = match connect_deadline {
                Some(deadline) if !timed_out => Timeout::from(deadline),
                _ => Timeout::NEVER,
            };
            match queue.wait(wait) {
                Ok(Message::Connected(index, info)) => {
                    let (dbr_type, count) = on_event(MonitorEvent::Connected(index, info));
                    let (datatype, format) = request_of(dbr_type);
                    let updates = queue.clone();
                    let subscription = Monitor::new()
                        .events(EventMask::from_bits(mask))
                        .datatype(datatype)
                        .format(format)
                        .count(count_of(count))
                        .all_updates(true)
                        .notify_disconnect(true)
                        .subscribe(&names[index], move |update| {
                            updates.signal(Message::Update(index, update));
                        });
                    match subscription {
                        Ok(subscription) => {
                            types[index] = dbr_type;
                            subscriptions.push(subscription);
                        }
                        Err(e) => {
                            on_event(MonitorEvent::Update(index, Err(error_of(&e))));
                        }
                    }
                }
                Ok(Message::Update(index, Ok(reading))) => {
                    let reply = dbr_of(types[index], reading);
                    on_event(MonitorEvent::Update(index, Ok(reply)));
                }
                Ok(Message::Update(index, Err(e))) if e.kind() == ErrorKind::Disconnected => {
                    on_event(MonitorEvent::Disconnected(index));
                }
                Ok(Message::Update(index, Err(e))) => {
                    on_event(MonitorEvent::Update(index, Err(error_of(&e))));
                }
                Err(cothread::Error::Timedout) => {
                    timed_out = true;
                    on_event(MonitorEvent::ConnectTimeout);
                }
                Err(_) => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cothread::catools::{Limits, Meta, Timestamp};

    #[test]
    fn each_dbr_family_maps_to_the_catools_request_that_covers_it() {
        assert_eq!(request_of(0), (DataType::String, Format::Raw));
        assert_eq!(request_of(6), (DataType::Double, Format::Raw));
        // STS_SHORT and TIME_SHORT: TIME carries status and severity too.
        assert_eq!(request_of(8), (DataType::Short, Format::Time));
        assert_eq!(request_of(15), (DataType::Short, Format::Time));
        // GR_ENUM and CTRL_LONG: CTRL carries everything GR does.
        assert_eq!(request_of(24), (DataType::Enum, Format::Ctrl));
        assert_eq!(request_of(33), (DataType::Long, Format::Ctrl));
        assert_eq!(request_of(37).0, DataType::StsackString);
        assert_eq!(request_of(38).0, DataType::ClassName);
        assert_eq!(count_of(0), Count::Current);
        assert_eq!(count_of(3), Count::AtMost(3));
    }

    #[test]
    fn readings_become_replies_in_epics_terms() {
        let mut meta = Meta::default();
        meta.status = Some(3);
        meta.severity = Some(2);
        meta.timestamp = Some(Timestamp::from_epics(1234, 5678));
        let details = meta.details_mut();
        details.units = Some("mm".into());
        details.precision = Some(3);
        details.limits = Some(Limits {
            lower_disp_limit: -1.0,
            upper_ctrl_limit: 8.0,
            ..Limits::default()
        });
        let reading = Augmented {
            value: Value::DoubleArray(vec![1.5, 2.5]),
            meta,
        };
        let dbr = dbr_of(34, reading);
        assert_eq!(dbr.values, Values::Double(vec![1.5, 2.5]));
        assert_eq!((dbr.status, dbr.severity, dbr.precision), (3, 2, 3));
        assert_eq!((dbr.stamp.secs, dbr.stamp.nsec), (1234, 5678));
        assert_eq!(dbr.units, b"mm");
        assert_eq!((dbr.limits[0], dbr.limits[7]), (-1.0, 8.0));
        let text = Augmented {
            value: Value::String("hello".into()),
            meta: Meta::default(),
        };
        assert_eq!(
            dbr_of(0, text).values,
            Values::String(vec![b"hello".to_vec()])
        );
    }
}
