//! `caput`: write one PV or many, optionally waiting for the server to finish
//! processing, or with a callback for the completion.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use super::get::batch_results;
use super::handoff::dispatch::{self, Delivery};
use super::handoff::{request_each, schedule_flush, ReplySlot, Waiter};
use super::timeout::CaTimeout;
use super::{CaError, DataType, Value};
use crate::ca::{Batch, Channel, Written};
use crate::diagnostics::{self, Diagnostic};

/// Where the completions of a put with a callback go.
type CallbackInbox = std::sync::Arc<dispatch::Inbox<(usize, Result<(), CaError>)>>;

/// The options of a write: `caput` with everything Python's catools takes.
///
/// Ordering: when every PV of a call is already connected, the puts are
/// issued strictly in list order, and a call without `wait` to connected PVs
/// does not suspend at all.
///
/// Channel Access has no completion for a plain put, so a put the server
/// rejects looks like success: use [`wait`](Self::wait) or a callback to
/// learn the outcome.
///
/// ```no_run
/// use cothread::catools::Put;
/// // Returns once the record has finished processing.
/// Put::new().wait(true).put("BL:MOTOR:VAL", 12.5)?;
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Put {
    timeout: CaTimeout,
    datatype: Option<DataType>,
    wait: bool,
}

/// What each PV's put does once its channel is connected.
#[derive(Clone, Copy)]
enum Completion {
    /// Done once queued.
    Queued,
    /// Done when the server reports completion.
    Wait,
}

impl Put {
    /// The defaults: 5 s timeout, the value's own type, no wait.
    pub fn new() -> Put {
        Put::default()
    }

    /// How long to wait for connection (and, with `wait`, completion).
    pub fn timeout(mut self, timeout: impl Into<CaTimeout>) -> Put {
        self.timeout = timeout.into();
        self
    }

    /// The DBR type to send; the value is converted to it first (a string
    /// over 39 bytes for [`DataType::String`] is an error, not cut short).
    pub fn datatype(mut self, datatype: DataType) -> Put {
        self.datatype = Some(datatype);
        self
    }

    /// Whether to return only after the server reports that processing has
    /// finished (put with callback).
    pub fn wait(mut self, wait: bool) -> Put {
        self.wait = wait;
        self
    }

    /// The DBR type to send to `pv` (also the async face's).
    pub(crate) fn datatype_for(&self, pv: &str) -> DataType {
        DataType::resolve(pv, self.datatype, DataType::Native)
    }

    /// Whether the put waits for completion (also the async face's).
    pub(crate) fn waits(&self) -> bool {
        self.wait
    }

    /// Writes one PV.
    pub fn put(&self, pv: &str, value: impl Into<Value>) -> Result<(), CaError> {
        self.put_each(&[pv], vec![value.into()])
            .pop()
            .expect("one result per name")
    }

    /// Writes `values[i]` to `pvs[i]`; the first failure is the error.
    pub fn put_list<S: AsRef<str>>(&self, pvs: &[S], values: Vec<Value>) -> Result<(), CaError> {
        self.put_each(pvs, values).into_iter().collect()
    }

    /// Writes the same value to every PV; the first failure is the error.
    pub fn put_repeat<S: AsRef<str>>(
        &self,
        pvs: &[S],
        value: impl Into<Value>,
    ) -> Result<(), CaError> {
        let value = value.into();
        self.put_list(pvs, vec![value; pvs.len()])
    }

    /// Writes `values[i]` to `pvs[i]`; each PV's own result. A length
    /// mismatch fails every PV with `ECA_BADCOUNT`.
    pub fn put_each<S: AsRef<str>>(
        &self,
        pvs: &[S],
        values: Vec<Value>,
    ) -> Vec<Result<(), CaError>> {
        let completion = if self.wait {
            Completion::Wait
        } else {
            Completion::Queued
        };
        self.run(pvs, values, completion, None)
    }

    /// Writes one PV and returns once the put is started; `callback` gets the
    /// server's completion later, on the cothread that runs all monitor and
    /// put callbacks. With [`wait`](Self::wait) the call also waits for it.
    /// A panic in `callback` is contained and reported as a
    /// [`Diagnostic::CallbackPanicked`](crate::diagnostics::Diagnostic::CallbackPanicked).
    pub fn put_with_callback(
        &self,
        pv: &str,
        value: impl Into<Value>,
        callback: impl FnOnce(Result<(), CaError>) + 'static,
    ) -> Result<(), CaError> {
        let mut callback = Some(callback);
        self.put_list_with_callback(&[pv], vec![value.into()], move |_, result| {
            if let Some(callback) = callback.take() {
                callback(result);
            }
        })
        .pop()
        .expect("one result per name")
    }

    /// Writes many PVs with a callback per completion (`callback(index,
    /// result)`), as [`put_with_callback`](Self::put_with_callback). After a
    /// panic in `callback` (reported once), it hears of no further completion.
    pub fn put_list_with_callback<S: AsRef<str>>(
        &self,
        pvs: &[S],
        values: Vec<Value>,
        callback: impl FnMut(usize, Result<(), CaError>) + 'static,
    ) -> Vec<Result<(), CaError>> {
        if !crate::sched::may_spawn() {
            return pvs
                .iter()
                .map(|pv| super::may_run_callbacks(pv.as_ref(), "caput callback"))
                .collect();
        }
        let remaining = Rc::new(RefCell::new(pvs.len()));
        let registration = Rc::new(RefCell::new(None));
        let keep = Rc::clone(&registration);
        let mut callback = callback;
        // Which PV's completion the callback is handling, for a panic report.
        let current = Rc::new(Cell::new(0));
        let calling = Rc::clone(&current);
        let names: Vec<String> = pvs.iter().map(|pv| pv.as_ref().to_string()).collect();
        let unregister = Rc::clone(&registration);
        let on_panic = move |panic: Box<dyn std::any::Any + Send>| {
            let pv = names.get(current.get()).cloned().unwrap_or_default();
            diagnostics::report(Diagnostic::CallbackPanicked {
                callback: "caput callback",
                pv,
                message: crate::error::take_panic_message(panic),
            });
            // A callback that panicked hears of no further completion.
            unregister.borrow_mut().take();
        };
        let handler = move |(index, result), _| {
            calling.set(index);
            callback(index, result);
            let mut left = remaining.borrow_mut();
            *left -= 1;
            if *left == 0 {
                // Every completion delivered: unregister (this closure stays
                // alive until it returns).
                keep.borrow_mut().take();
            }
        };
        let (inbox, handle) = dispatch::register(Delivery::UNBOUNDED, handler, on_panic);
        *registration.borrow_mut() = Some(handle);
        let completion = if self.wait {
            Completion::Wait
        } else {
            Completion::Queued
        };
        let results = self.run(pvs, values, completion, Some(inbox));
        // PVs whose put never started get no callback.
        let never_started = results.iter().filter(|r| r.is_err()).count();
        if never_started == pvs.len() {
            registration.borrow_mut().take();
        }
        results
    }

    fn run<S: AsRef<str>>(
        &self,
        pvs: &[S],
        values: Vec<Value>,
        completion: Completion,
        callback: Option<CallbackInbox>,
    ) -> Vec<Result<(), CaError>> {
        let names: Vec<&str> = pvs.iter().map(AsRef::as_ref).collect();
        if values.len() != names.len() {
            return names
                .iter()
                .map(|name| {
                    Err(
                        CaError::new(*name, libca_sys::ECA_BADCOUNT, "caput").with_detail(format!(
                            "{} values for {} PVs",
                            values.len(),
                            names.len()
                        )),
                    )
                })
                .collect();
        }
        if callback.is_none() {
            if let Some(channels) = Channel::find_connected(&names) {
                // Every channel open and connected: no lookup, and (waiting
                // for completion) one batch.
                let datatypes = names
                    .iter()
                    .map(|name| DataType::resolve(name, self.datatype, DataType::Native));
                return match completion {
                    Completion::Wait => self.write_connected(&channels, &values, datatypes),
                    Completion::Queued => {
                        let puts = channels.iter().zip(&values).zip(datatypes);
                        let results = puts
                            .map(|((channel, value), datatype)| channel.put(value, datatype))
                            .collect();
                        schedule_flush();
                        results
                    }
                };
            }
        }
        let puts = names
            .iter()
            .zip(values)
            .enumerate()
            .map(|(index, (name, value))| {
                let datatype = DataType::resolve(name, self.datatype, DataType::Native);
                let callback = callback.clone();
                move |channel: &Channel, slot: ReplySlot<Result<(), CaError>>| {
                    issue(channel, &value, datatype, completion, index, callback, slot);
                }
            });
        request_each(&names, self.timeout.deadline(), puts)
    }

    /// Writes `values` to `channels` (all connected when looked up) as one
    /// batch of puts with completion, and waits for them all or the
    /// timeout.
    fn write_connected(
        &self,
        channels: &Arc<[Channel]>,
        values: &[Value],
        datatypes: impl Iterator<Item = DataType>,
    ) -> Vec<Result<(), CaError>> {
        let (waiter, notify) = Waiter::new();
        let mut batch = Batch::write(channels, values.iter().zip(datatypes), move || {
            notify.notify()
        });
        if !batch.is_complete() {
            schedule_flush();
            waiter.wait(self.timeout.deadline());
        }
        batch_results(&mut batch, channels, |Written, _| Ok(())).collect()
    }
}

/// Sends one put on a connected channel and arranges its completion.
fn issue(
    channel: &Channel,
    value: &Value,
    datatype: DataType,
    completion: Completion,
    index: usize,
    callback: Option<CallbackInbox>,
    slot: ReplySlot<Result<(), CaError>>,
) {
    match completion {
        Completion::Queued => {
            let queued = match callback {
                None => channel.put(value, datatype),
                Some(inbox) => channel.put_callback(value, datatype, move |result| {
                    inbox.push((index, result));
                }),
            };
            slot.fill(queued);
        }
        Completion::Wait => match callback {
            None => channel.put_then(value, datatype, move |result| slot.fill(result)),
            Some(inbox) => {
                // A put that cannot start reports only here: the callback
                // hears of puts that started.
                let spare = slot.spare();
                let done = move |result: Result<(), CaError>| {
                    inbox.push((index, result.clone()));
                    slot.fill(result);
                };
                if let Err(err) = channel.put_callback(value, datatype, done) {
                    spare.fill(Err(err));
                }
            }
        },
    }
}

/// Writes one PV with the default options (no wait: the put is queued, and
/// the server's verdict is not known; [`Put::wait`] waits for it). Integers
/// of 64 bits are never rounded on the way (see `impl From<i64> for Value`),
/// and an empty array is written as such.
///
/// ```no_run
/// use cothread::catools::caput;
/// caput("BL:MOTOR:VAL", 12.5)?;
/// caput("BL:SHUTTER", "Open")?;
/// caput("BL:WAVEFORM", vec![1.0, 2.0, 3.0])?;
/// caput("BL:COUNTER64", 9_007_199_254_740_993i64)?;
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
pub fn caput(pv: &str, value: impl Into<Value>) -> Result<(), CaError> {
    Put::new().put(pv, value)
}

/// Writes `values[i]` to `pvs[i]` with the default options; the first failure
/// is the error. [`Put::put_repeat`] writes one value to every PV.
///
/// ```no_run
/// use cothread::catools::{caput_list, Value};
/// caput_list(&["BL:X", "BL:Y"], vec![Value::from(1.5), Value::from(-2)])?;
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
pub fn caput_list<S: AsRef<str>>(pvs: &[S], values: Vec<Value>) -> Result<(), CaError> {
    Put::new().put_list(pvs, values)
}
