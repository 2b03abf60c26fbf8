//! The fetch layer over the project's public `catools` API.
//!
//! NOT WIRED YET: `cothread::catools` (caget, caput, camonitor, cainfo) has
//! not landed on `main`; until it does, every operation reports that it is
//! unavailable and the programs fail with a message saying so. The tools'
//! parsing and formatting above this layer are complete and unit-tested.

use super::backend::{Backend, CaError, ChannelInfo, GetRequest, MonitorEvent, PutValue};
use super::dbr::Dbr;

const UNAVAILABLE: &str = "cothread::catools is not available in this build yet";

/// [`Backend`] over `cothread::catools`.
pub struct CatoolsBackend;

impl CatoolsBackend {
    /// A backend for this process.
    pub fn new() -> CatoolsBackend {
        CatoolsBackend
    }
}

/// The EPICS version and CA protocol version of the libca in use.
pub fn versions() -> (String, String) {
    ("(unknown)".to_string(), "(unknown)".to_string())
}

impl Backend for CatoolsBackend {
    fn connect(
        &mut self,
        names: &[String],
        _priority: u32,
        _timeout: f64,
    ) -> Vec<Option<ChannelInfo>> {
        eprintln!("{UNAVAILABLE}");
        names.iter().map(|_| None).collect()
    }

    fn get(
        &mut self,
        requests: &[GetRequest],
        _callback: bool,
        _timeout: f64,
    ) -> Vec<Result<Dbr, CaError>> {
        requests
            .iter()
            .map(|_| Err(CaError::Other(UNAVAILABLE.to_string())))
            .collect()
    }

    fn put(
        &mut self,
        _channel: usize,
        _value: &PutValue,
        _callback: bool,
        _timeout: f64,
    ) -> Result<(), CaError> {
        Err(CaError::Other(UNAVAILABLE.to_string()))
    }

    fn monitor(
        &mut self,
        _names: &[String],
        _priority: u32,
        _timeout: f64,
        _mask: u32,
        on_event: &mut dyn FnMut(MonitorEvent) -> (u32, usize),
    ) {
        eprintln!("{UNAVAILABLE}");
        on_event(MonitorEvent::ConnectTimeout);
    }
}
