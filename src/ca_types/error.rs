//! The one error type of the Channel Access layer, and the per-PV status value
//! (`ca_nothing` in Python) that `throw = false` calls return in place of it.
#![forbid(unsafe_code)]

use std::fmt;

/// What went wrong, for `match`ing on [`CaError::kind`] without comparing
/// raw `ECA_*` codes.
///
/// ```no_run
/// use std::time::Duration;
/// use cothread::catools::{ErrorKind, Get};
///
/// match Get::new().timeout(Duration::from_secs(1)).get::<f64>("SR:DCCT") {
///     Ok(current) => println!("{current} mA"),
///     Err(e) if e.kind() == ErrorKind::NotFound => println!("no IOC serves SR:DCCT"),
///     Err(e) if e.kind() == ErrorKind::Timeout => println!("SR:DCCT is slow to answer"),
///     Err(e) => println!("{e}"),
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// No server answered the search for the PV before the timeout: the name
    /// is wrong, or its IOC is not running or not reachable. The code stays
    /// `ECA_TIMEOUT`, as in Python's catools.
    NotFound,
    /// A wait expired (`ECA_TIMEOUT`) with the channel found: e.g. a read or
    /// a put with completion on a connected channel that took too long, or a
    /// channel that lost its server and did not get it back in time.
    Timeout,
    /// The channel lost (or never had) its server (`ECA_DISCONN`).
    Disconnected,
    /// The server refused to let this client read the PV (`ECA_NORDACCESS`).
    NoReadAccess,
    /// The server refused to let this client write the PV (`ECA_NOWTACCESS`).
    NoWriteAccess,
    /// A request type that does not fit the channel or the call (`ECA_BADTYPE`).
    BadType,
    /// An element count that does not fit the channel (`ECA_BADCOUNT`).
    BadCount,
    /// A string that CA cannot carry, e.g. over 39 bytes for DBR_STRING, or an
    /// empty or over-long PV name (`ECA_BADSTR`, `ECA_STRTOBIG`, `ECA_EMPTYSTR`).
    BadString,
    /// More bytes than `EPICS_CA_MAX_ARRAY_BYTES` allows (`ECA_TOLARGE`).
    TooLarge,
    /// A value that cannot become the requested type (`ECA_NOCONVERT`), on
    /// either side of the wire.
    NoConvert,
    /// An event mask of zero or with unknown bits (`ECA_BADMASK`).
    BadMask,
    /// The server could not read the PV (`ECA_GETFAIL`).
    GetFailed,
    /// The server could not write the PV (`ECA_PUTFAIL`).
    PutFailed,
    /// The channel was closed by this client while the request was pending
    /// (`ECA_CHANDESTROY`).
    ChannelClosed,
    /// The call runs callbacks on cothreads, and this thread may not start
    /// cothreads now: it is not the process's main thread, and runs no
    /// [`scope`](crate::scope). Its code is `ECA_NOTTHREADED`.
    NeedsScope,
    /// Any other code: see [`CaError::code`].
    Other,
}

impl ErrorKind {
    /// The kind of an `ECA_*` status code (never [`NotFound`](Self::NotFound),
    /// which is an `ECA_TIMEOUT` that only the caller of a wait can tell
    /// apart).
    pub fn of_code(code: i32) -> ErrorKind {
        use libca_sys::*;
        match code {
            ECA_TIMEOUT => ErrorKind::Timeout,
            ECA_DISCONN | ECA_DISCONNCHID => ErrorKind::Disconnected,
            ECA_NORDACCESS => ErrorKind::NoReadAccess,
            ECA_NOWTACCESS => ErrorKind::NoWriteAccess,
            ECA_BADTYPE => ErrorKind::BadType,
            ECA_BADCOUNT => ErrorKind::BadCount,
            ECA_BADSTR | ECA_STRTOBIG | ECA_EMPTYSTR => ErrorKind::BadString,
            ECA_TOLARGE => ErrorKind::TooLarge,
            ECA_NOCONVERT => ErrorKind::NoConvert,
            ECA_BADMASK => ErrorKind::BadMask,
            ECA_GETFAIL => ErrorKind::GetFailed,
            ECA_PUTFAIL => ErrorKind::PutFailed,
            ECA_CHANDESTROY => ErrorKind::ChannelClosed,
            _ => ErrorKind::Other,
        }
    }
}

/// libca's text for a status code (`ca_message`).
fn message(code: i32) -> &'static str {
    libca_sys::ca_message_text(code)
        .to_str()
        .unwrap_or("(unreadable CA message)")
}

/// A Channel Access failure for one PV.
///
/// It keeps the PV name, the `ECA_*` code, libca's text for that code
/// (`ca_message`), the operation that failed (a libca function such as
/// `"ca_array_get_callback"`, or a check this layer makes before calling
/// libca, such as `"encode put value"`), and, for checks of our own, a detail
/// saying what exactly was wrong.
///
/// It displays as `"<pv>: <libca message>"` (just the message for the few
/// failures that concern no PV, such as creating the context), followed by
/// `" (<detail>)"` when there is a detail; a PV that no server answered
/// displays as `"<pv>: PV not found (no server answered the search)"`.
/// Its `Debug` form is the same sentence, so that a `main` returning
/// `Result<(), CaError>` ends with a readable line; `{:#?}` shows every
/// field.
///
/// ```no_run
/// use cothread::catools::{caget, CaError, ErrorKind};
///
/// fn main() -> Result<(), CaError> {
///     match caget::<f64>("SR:DCCT") {
///         Ok(current) => println!("{current}"),
///         Err(e) if e.kind() == ErrorKind::NoReadAccess => eprintln!("{e}"),
///         // e.g. "Error: SR:DCCT: PV not found (no server answered the search)"
///         Err(e) => return Err(e),
///     }
///     Ok(())
/// }
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CaError {
    pv: String,
    code: i32,
    kind: ErrorKind,
    message: &'static str,
    call: &'static str,
    detail: Option<String>,
}

impl CaError {
    /// An error for `pv` with status `code`, raised by `call`.
    pub(crate) fn new(pv: impl Into<String>, code: i32, call: &'static str) -> CaError {
        CaError {
            pv: pv.into(),
            code,
            kind: ErrorKind::of_code(code),
            message: message(code),
            call,
            detail: None,
        }
    }

    /// The error for `pv` when no server answered its search before the
    /// caller stopped waiting for the connection (`ECA_TIMEOUT`, of kind
    /// [`ErrorKind::NotFound`]).
    pub(crate) fn not_found(pv: impl Into<String>, call: &'static str) -> CaError {
        CaError {
            kind: ErrorKind::NotFound,
            ..CaError::new(pv, libca_sys::ECA_TIMEOUT, call)
        }
    }

    /// The error for `pv` when its request (a read, a put with completion)
    /// was issued but its reply had not come when the caller stopped
    /// waiting (`ECA_TIMEOUT`).
    pub(crate) fn completion_timeout(pv: impl Into<String>) -> CaError {
        CaError::new(pv, libca_sys::ECA_TIMEOUT, "wait for completion")
    }

    /// The error for a call on `pv` that runs its callbacks on cothreads,
    /// made where this thread may not start any ([`ErrorKind::NeedsScope`]).
    pub(crate) fn needs_scope(pv: impl Into<String>, call: &'static str) -> CaError {
        CaError {
            kind: ErrorKind::NeedsScope,
            ..CaError::new(pv, libca_sys::ECA_NOTTHREADED, call)
        }
    }

    /// Adds a description of what exactly was wrong (for checks of our own).
    pub(crate) fn with_detail(mut self, detail: impl Into<String>) -> CaError {
        self.detail = Some(detail.into());
        self
    }

    /// The PV the failure concerns.
    pub fn pv(&self) -> &str {
        &self.pv
    }

    /// The `ECA_*` status code (`ECA_TIMEOUT` for [`ErrorKind::NotFound`]).
    pub fn code(&self) -> i32 {
        self.code
    }

    /// libca's text for [`code`](Self::code), e.g. "User specified timeout on IO
    /// operation expired".
    pub fn message(&self) -> &'static str {
        self.message
    }

    /// The libca function (or our own check) that failed.
    pub fn call(&self) -> &'static str {
        self.call
    }

    /// What exactly was wrong, for failures found before calling libca.
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// The kind of failure, for matching.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for CaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pv.is_empty() {
            // Context-wide failures (e.g. creating the CA context) name no PV.
            f.write_str(self.message)?;
        } else if self.kind == ErrorKind::NotFound {
            write!(
                f,
                "{}: PV not found (no server answered the search)",
                self.pv
            )?;
        } else if self.kind == ErrorKind::NeedsScope {
            write!(
                f,
                "{}: {} runs callbacks on cothreads, which a thread other than the main \
                 one starts only inside cothread::scope",
                self.pv, self.call
            )?;
        } else {
            write!(f, "{}: {}", self.pv, self.message)?;
        }
        if let Some(detail) = &self.detail {
            write!(f, " ({detail})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for CaError {
    /// The [`Display`](fmt::Display) sentence (what `main` prints for an
    /// `Err`); with `{:#?}`, every field.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !f.alternate() {
            return fmt::Display::fmt(self, f);
        }
        f.debug_struct("CaError")
            .field("pv", &self.pv)
            .field("code", &self.code)
            .field("kind", &self.kind)
            .field("message", &self.message)
            .field("call", &self.call)
            .field("detail", &self.detail)
            .finish()
    }
}

impl std::error::Error for CaError {}

/// The outcome of a CA operation on one PV that carries no data: Python's
/// `ca_nothing`.
///
/// It is the success value of `caput` (`ok() == true`, code `ECA_NORMAL`),
/// the value a monitor delivers on a disconnect, and, for calls made with
/// `throw = false`, the value that stands in a failing PV's slot. Like the
/// Python original its truth is [`ok`](Self::ok), and it displays as
/// `"<pv>: <libca message>"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaNothing {
    name: String,
    error: Option<CaError>,
}

impl CaNothing {
    /// Success (`ECA_NORMAL`) for `name`.
    pub fn success(name: impl Into<String>) -> CaNothing {
        CaNothing {
            name: name.into(),
            error: None,
        }
    }

    /// Whether the operation succeeded.
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }

    /// The PV name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The `ECA_*` code: `ECA_NORMAL` on success.
    pub fn errorcode(&self) -> i32 {
        self.error
            .as_ref()
            .map_or(libca_sys::ECA_NORMAL, CaError::code)
    }

    /// The failure, if it is one.
    pub fn error(&self) -> Option<&CaError> {
        self.error.as_ref()
    }

    /// `Ok(())` on success, the error otherwise: back to `?`-style handling.
    pub fn into_result(self) -> Result<(), CaError> {
        match self.error {
            None => Ok(()),
            Some(error) => Err(error),
        }
    }
}

impl From<CaError> for CaNothing {
    fn from(error: CaError) -> CaNothing {
        CaNothing {
            name: error.pv.clone(),
            error: Some(error),
        }
    }
}

impl fmt::Display for CaNothing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.error {
            Some(error) => error.fmt(f),
            None => write!(f, "{}: {}", self.name, message(libca_sys::ECA_NORMAL)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_displays_pv_and_libca_message() {
        let error = CaError::new("X:ai", libca_sys::ECA_TIMEOUT, "ca_create_channel");
        assert_eq!(
            error.to_string(),
            "X:ai: User specified timeout on IO operation expired"
        );
        assert_eq!(error.kind(), ErrorKind::Timeout);
        assert_eq!(error.call(), "ca_create_channel");
        let detailed = error.with_detail("waited 0.5 s");
        assert!(detailed.to_string().ends_with("expired (waited 0.5 s)"));
    }

    #[test]
    fn not_found_is_its_own_kind_with_the_timeout_code() {
        let error = CaError::not_found("X:missing", "connect");
        assert_eq!(error.kind(), ErrorKind::NotFound);
        assert_eq!(error.code(), libca_sys::ECA_TIMEOUT);
        assert_eq!(
            error.to_string(),
            "X:missing: PV not found (no server answered the search)"
        );
        assert_eq!(
            ErrorKind::of_code(libca_sys::ECA_TIMEOUT),
            ErrorKind::Timeout
        );
    }

    #[test]
    fn debug_is_the_sentence_and_alternate_debug_every_field() {
        let error = CaError::new("X:ai", libca_sys::ECA_NORDACCESS, "ca_array_get_callback");
        assert_eq!(format!("{error:?}"), "X:ai: Read access denied");
        let full = format!("{error:#?}");
        assert!(full.contains("call: \"ca_array_get_callback\""), "{full}");
        assert!(full.contains("kind: NoReadAccess"), "{full}");
    }

    #[test]
    fn nothing_is_ok_only_for_success() {
        let done = CaNothing::success("X:ao");
        assert!(done.ok());
        assert_eq!(done.errorcode(), libca_sys::ECA_NORMAL);
        assert_eq!(done.to_string(), "X:ao: Normal successful completion");
        let failed = CaNothing::from(CaError::new(
            "X:ro",
            libca_sys::ECA_NOWTACCESS,
            "ca_array_put",
        ));
        assert!(!failed.ok());
        assert_eq!(failed.name(), "X:ro");
        assert_eq!(failed.errorcode(), libca_sys::ECA_NOWTACCESS);
        assert_eq!(failed.to_string(), "X:ro: Write access denied");
        assert_eq!(
            failed.into_result().unwrap_err().kind(),
            ErrorKind::NoWriteAccess
        );
    }
}
