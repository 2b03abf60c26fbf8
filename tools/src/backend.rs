//! The thin layer between the tools and Channel Access: what the tools ask
//! of it, in their own terms. The tools' logic and formatting sit on this
//! trait only; the implementation over the project's public `catools` API
//! is the crate's private `catools_backend` module, and tests may supply
//! their own.

use crate::dbr::Dbr;

/// What the tools know of a connected channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelInfo {
    /// The native field type (0 to 6).
    pub dbf_type: u32,
    /// The native element count.
    pub element_count: usize,
    /// The server, as `host:port`.
    pub host: String,
    /// Read access.
    pub read_access: bool,
    /// Write access.
    pub write_access: bool,
}

/// Why an operation on one channel failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaError {
    /// The channel is not connected.
    Disconnected,
    /// No read access (ECA_NORDACCESS).
    NoReadAccess,
    /// No write access (ECA_NOWTACCESS).
    NoWriteAccess,
    /// The timeout expired.
    Timeout,
    /// The server answered a read with a failure status (ECA_GETFAIL, e.g.
    /// a value that does not convert to the requested type): the status
    /// code and its `ca_message` text.
    ReadFailed(i32, String),
    /// Any other CA status, by its `ca_message` text.
    Other(String),
}

impl CaError {
    /// The text `ca_message` gives for this status.
    pub fn message(&self) -> String {
        match self {
            CaError::Disconnected => "Virtual circuit disconnect".to_string(),
            CaError::NoReadAccess => "Read access denied".to_string(),
            CaError::NoWriteAccess => "Write access denied".to_string(),
            CaError::Timeout => "User specified timeout on IO operation expired".to_string(),
            CaError::ReadFailed(_, message) | CaError::Other(message) => message.clone(),
        }
    }
}

/// One read: which channel, as which DBR type, how many elements (0: the
/// server's current count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GetRequest {
    /// Index of the channel in the names given to `connect`.
    pub channel: usize,
    /// The DBR type to ask for.
    pub dbr_type: u32,
    /// Elements to ask for (0: all the server has).
    pub count: usize,
}

/// A value to write, in the DBR type caput chose.
#[derive(Clone, Debug, PartialEq)]
pub enum PutValue {
    /// DBR_STRING elements (at most 39 bytes each).
    Strings(Vec<Vec<u8>>),
    /// DBR_DOUBLE elements.
    Doubles(Vec<f64>),
    /// DBR_CHAR elements (a long string, with its NUL).
    Chars(Vec<u8>),
}

/// What a monitor reports.
#[derive(Clone, Debug)]
pub enum MonitorEvent {
    /// A channel connected; the tool answers with the DBR type and count to
    /// subscribe with (only the first connection subscribes).
    Connected(usize, ChannelInfo),
    /// An update of a channel's subscription.
    Update(usize, Result<Dbr, CaError>),
    /// A channel lost its connection.
    Disconnected(usize),
    /// The connection timeout after start-up has passed.
    ConnectTimeout,
}

/// Channel Access as the four tools use it.
pub trait Backend {
    /// Connects to `names` with `priority`, waiting up to `timeout` seconds
    /// for all of them; `None` for each that did not connect.
    fn connect(
        &mut self,
        names: &[String],
        priority: u32,
        timeout: f64,
    ) -> Vec<Option<ChannelInfo>>;

    /// Reads the channels of `requests` (all issued before any is waited
    /// for), waiting up to `timeout` seconds; `callback` asks for reads with
    /// completion callbacks (caget `-c`).
    fn get(
        &mut self,
        requests: &[GetRequest],
        callback: bool,
        timeout: f64,
    ) -> Vec<Result<Dbr, CaError>>;

    /// Writes `value` to a channel; `callback` waits for the record's
    /// processing to complete (caput `-c`).
    fn put(
        &mut self,
        channel: usize,
        value: &PutValue,
        callback: bool,
        timeout: f64,
    ) -> Result<(), CaError>;

    /// Prints libca's report on the client at interest `level`
    /// (`ca_client_status`, what `cainfo -s` prints) to standard output.
    fn client_status(&mut self, level: u32) -> Result<(), CaError>;

    /// Connects to `names` and monitors them with event `mask` until the
    /// process ends, reporting through `on_event`; the answer to
    /// [`MonitorEvent::Connected`] is the DBR type and count to subscribe
    /// with (ignored for other events).
    fn monitor(
        &mut self,
        names: &[String],
        priority: u32,
        timeout: f64,
        mask: u32,
        on_event: &mut dyn FnMut(MonitorEvent) -> (u32, usize),
    );
}
