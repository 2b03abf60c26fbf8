//! The Channel Access environment as libca will read it, checked before the
//! context is created: [`initialise`], [`check_environment`], the settings
//! libca will use ([`CaSettings`]) and the variables it would misread
//! ([`EnvironmentError`]).
//!
//! libca (EPICS base 7) reads its `EPICS_CA_*` variables once, when the
//! process's context is created, and meets a bad value with a line on
//! standard error and a default, or with no word at all. The checks follow
//! libca's own parsing (the table is in [`check_environment`]'s docs).
//!
//! Invariant: checking reads the environment and resolves host names, and
//! touches nothing else; only [`initialise`] creates the context, and only
//! once every variable has passed.

use std::fmt;
use std::net::{Ipv4Addr, SocketAddrV4, ToSocketAddrs};
use std::time::Duration;

use super::CaError;

/// `EPICS_CA_SERVER_PORT` when unset.
const DEFAULT_SERVER_PORT: u16 = 5064;
/// `EPICS_CA_REPEATER_PORT` when unset.
const DEFAULT_REPEATER_PORT: u16 = 5065;
/// The smallest port libca takes from the environment is one above this
/// (`IPPORT_USERRESERVED` in `envGetInetPortConfigParam`).
const USER_RESERVED_PORT: i64 = 5000;
/// `EPICS_CA_CONN_TMO` when unset, in seconds.
const DEFAULT_CONNECTION_TIMEOUT: f64 = 30.0;
/// `EPICS_CA_MAX_SEARCH_PERIOD` when unset, in seconds.
const DEFAULT_MAX_SEARCH_PERIOD: f64 = 300.0;
/// libca's floor for `EPICS_CA_MAX_SEARCH_PERIOD`, in seconds.
const MIN_MAX_SEARCH_PERIOD: f64 = 60.0;
/// libca's smallest receive buffer (`MAX_TCP`), and
/// `EPICS_CA_MAX_ARRAY_BYTES` when unset.
const MIN_ARRAY_BYTES: u64 = 16384;
/// What libca adds to `EPICS_CA_MAX_ARRAY_BYTES` before comparing it with
/// `MAX_TCP`: an extended CA header (16 + 2 * 4 bytes).
const ARRAY_HEADER_BYTES: u64 = 24;

/// The Channel Access settings libca uses, from the environment or libca's
/// defaults: what [`check_environment`] found and [`initialise`] reports.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CaSettings {
    /// `EPICS_CA_ADDR_LIST`, resolved, each with its port (the server port
    /// when the entry names none).
    pub addr_list: Vec<SocketAddrV4>,
    /// `EPICS_CA_AUTO_ADDR_LIST`: whether libca also searches every
    /// interface's broadcast address (default true).
    pub auto_addr_list: bool,
    /// `EPICS_CA_NAME_SERVERS`, resolved: servers asked over TCP.
    pub name_servers: Vec<SocketAddrV4>,
    /// `EPICS_CA_SERVER_PORT` (default 5064).
    pub server_port: u16,
    /// `EPICS_CA_REPEATER_PORT` (default 5065).
    pub repeater_port: u16,
    /// `EPICS_CA_CONN_TMO`: how long a silent server keeps its channels
    /// before libca checks on it (default 30 s).
    pub connection_timeout: Duration,
    /// `EPICS_CA_MAX_SEARCH_PERIOD`: the longest interval between searches
    /// for an unanswered PV (default 300 s).
    pub max_search_period: Duration,
    /// `EPICS_CA_MAX_ARRAY_BYTES` as libca uses it (default 16384).
    pub max_array_bytes: u64,
    /// `EPICS_CA_AUTO_ARRAY_BYTES`: whether libca sizes its buffers to each
    /// array rather than to `max_array_bytes` up front (default true).
    pub auto_array_bytes: bool,
    /// `EPICS_CA_MCAST_TTL`: the time to live of multicast searches
    /// (default 1).
    pub multicast_ttl: u8,
}

/// One environment variable that libca would misread.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BadVariable {
    /// The variable, e.g. `"EPICS_CA_SERVER_PORT"`.
    pub name: &'static str,
    /// Its value.
    pub value: String,
    /// What is wrong with it, and what libca would do instead.
    pub problem: String,
}

impl fmt::Display for BadVariable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={:?}: {}", self.name, self.value, self.problem)
    }
}

/// The `EPICS_CA_*` variables libca would misread: every one of them, so
/// that one run tells the user all there is to fix.
///
/// It displays as one line naming each variable, its value and what is
/// wrong; its `Debug` form is the same line (what `main` prints for an
/// `Err`).
#[derive(Clone, PartialEq, Eq)]
pub struct EnvironmentError {
    variables: Vec<BadVariable>,
}

impl EnvironmentError {
    /// Every bad variable (never empty), in a fixed order: the ports first,
    /// then the address lists, then the rest.
    pub fn variables(&self) -> &[BadVariable] {
        &self.variables
    }
}

impl fmt::Display for EnvironmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("bad Channel Access environment: ")?;
        for (index, variable) in self.variables.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{variable}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for EnvironmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            f.debug_struct("EnvironmentError")
                .field("variables", &self.variables)
                .finish()
        } else {
            fmt::Display::fmt(self, f)
        }
    }
}

impl std::error::Error for EnvironmentError {}

/// Why [`initialise`] failed.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InitialiseError {
    /// libca would misread the environment; no context was created.
    Environment(EnvironmentError),
    /// libca could not create the context (or this thread could not attach).
    Context(CaError),
}

impl fmt::Display for InitialiseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InitialiseError::Environment(error) => fmt::Display::fmt(error, f),
            InitialiseError::Context(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl fmt::Debug for InitialiseError {
    /// The [`Display`](fmt::Display) sentence; with `{:#?}`, the variant.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !f.alternate() {
            return fmt::Display::fmt(self, f);
        }
        match self {
            InitialiseError::Environment(error) => {
                f.debug_tuple("Environment").field(error).finish()
            }
            InitialiseError::Context(error) => f.debug_tuple("Context").field(error).finish(),
        }
    }
}

impl std::error::Error for InitialiseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InitialiseError::Environment(error) => Some(error),
            InitialiseError::Context(error) => Some(error),
        }
    }
}

impl From<EnvironmentError> for InitialiseError {
    fn from(error: EnvironmentError) -> InitialiseError {
        InitialiseError::Environment(error)
    }
}

impl From<CaError> for InitialiseError {
    fn from(error: CaError) -> InitialiseError {
        InitialiseError::Context(error)
    }
}

/// What [`initialise`] set up.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ContextInfo {
    /// The CA protocol version of the libca in use, e.g. `"4.13"`.
    pub protocol_version: &'static str,
    /// The settings libca read from the environment.
    pub settings: CaSettings,
}

/// Checks the Channel Access environment and creates the process's CA
/// context now, rather than at the first CA call: a bad `EPICS_CA_*`
/// variable is an error here, naming every variable libca would misread,
/// instead of a warning on standard error (or nothing) and a default later.
///
/// Call it early in `main`, once the environment is as it will stay. If the
/// environment is bad, nothing is created, and a later call may try again.
/// Once the context exists (made by this or by any CA call), libca has read
/// the environment and will not read it again: a later call checks the
/// environment as it is then, and attaches the calling thread. Resolving the
/// host names in the address lists may take as long as the system's
/// resolver does.
///
/// ```no_run
/// use cothread::catools::{caget, initialise, InitialiseError};
///
/// fn main() -> Result<(), Box<dyn std::error::Error>> {
///     match initialise() {
///         Ok(info) => println!(
///             "CA {} searching {:?}",
///             info.protocol_version, info.settings.addr_list
///         ),
///         // e.g. "bad Channel Access environment: EPICS_CA_SERVER_PORT="
///         // "\"80\": not from 5001 to 65535 (libca would use 5064)"
///         Err(InitialiseError::Environment(bad)) => {
///             for variable in bad.variables() {
///                 eprintln!("{}: {}", variable.name, variable.problem);
///             }
///             std::process::exit(2);
///         }
///         Err(other) => return Err(other.into()),
///     }
///     println!("{}", caget::<f64>("SR:DCCT")?);
///     Ok(())
/// }
/// ```
pub fn initialise() -> Result<ContextInfo, InitialiseError> {
    let settings = check_environment()?;
    crate::ca::attach()?;
    Ok(ContextInfo {
        protocol_version: crate::ca::protocol_version(),
        settings,
    })
}

/// Checks the Channel Access environment of this process as libca would
/// read it, without creating anything: the settings libca would use, or
/// every variable it would misread. See [`initialise`].
///
/// libca (EPICS base 7) reads its `EPICS_CA_*` variables once, when the
/// process's context is created, and meets a bad value with a line on
/// standard error and a default, or with no word at all (an
/// `EPICS_CA_AUTO_ADDR_LIST` of `No` is read as YES; an address-list entry
/// it cannot parse or resolve is dropped). The checks here follow libca's
/// own parsing, so that what libca accepts quietly passes and what libca
/// would complain about or read otherwise than written is an error:
///
/// | variable | libca reads | an error here |
/// |---|---|---|
/// | `EPICS_CA_ADDR_LIST`, `EPICS_CA_NAME_SERVERS` | blank-separated `host[:port]`; a host is a dotted IPv4 address, a 32-bit number or a name that resolves | an entry that does not parse or resolve, or a port over 65535 |
/// | `EPICS_CA_AUTO_ADDR_LIST` | NO if the text contains `no` or `NO`, otherwise YES | anything but `YES` or `NO` in any case, and `No`/`nO` (which libca reads as YES) |
/// | `EPICS_CA_AUTO_ARRAY_BYTES` | YES if the text is `yes` in any case, otherwise NO | anything but `YES` or `NO` in any case |
/// | `EPICS_CA_SERVER_PORT`, `EPICS_CA_REPEATER_PORT` | an integer (C's `%ld`: leading digits) from 5001 to 65535 | no integer, or outside 5001..=65535 (libca uses its default) |
/// | `EPICS_CA_CONN_TMO` | a real number (the whole text) | not a number, or not a positive finite one |
/// | `EPICS_CA_MAX_SEARCH_PERIOD` | a real number, at least 60 s | not a number, not finite, or under 60 (libca uses 60) |
/// | `EPICS_CA_MAX_ARRAY_BYTES` | a non-negative integer, raised to 16384 with the protocol header counted | no integer, negative, or so small that libca raises it |
/// | `EPICS_CA_MCAST_TTL` | an integer the kernel takes as a multicast TTL | no integer, or outside -1..=255 |
///
/// An unset variable is never an error (libca's default applies). A set but
/// empty one is libca's "not set" too, without the default: for the ports,
/// `EPICS_CA_CONN_TMO` and `EPICS_CA_MAX_ARRAY_BYTES` libca then warns, so
/// that is an error here; for the others it is not. `EPICS_CA_BEACON_PERIOD`
/// is read by servers, not by libca's client, and is not checked.
///
/// ```
/// # std::env::remove_var("EPICS_CA_SERVER_PORT");
/// let settings = cothread::catools::check_environment()?;
/// assert!(settings.server_port > 5000);
/// # Ok::<(), cothread::catools::EnvironmentError>(())
/// ```
pub fn check_environment() -> Result<CaSettings, EnvironmentError> {
    check(|name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()))
}

/// The check, reading each variable through `get` (the environment, or a
/// test's table).
fn check(get: impl Fn(&str) -> Option<String>) -> Result<CaSettings, EnvironmentError> {
    let mut bad = Vec::new();
    let mut read = |name: &'static str, parse: &dyn Fn(&str) -> Result<(), String>| {
        if let Some(value) = get(name) {
            if let Err(problem) = parse(&value) {
                bad.push(BadVariable {
                    name,
                    value,
                    problem,
                });
            }
        }
    };
    // Each variable's parse stores its value here when it passes.
    let settings = std::cell::RefCell::new(CaSettings {
        addr_list: Vec::new(),
        auto_addr_list: true,
        name_servers: Vec::new(),
        server_port: DEFAULT_SERVER_PORT,
        repeater_port: DEFAULT_REPEATER_PORT,
        connection_timeout: Duration::from_secs_f64(DEFAULT_CONNECTION_TIMEOUT),
        max_search_period: Duration::from_secs_f64(DEFAULT_MAX_SEARCH_PERIOD),
        max_array_bytes: MIN_ARRAY_BYTES,
        auto_array_bytes: true,
        multicast_ttl: 1,
    });
    // The ports first: the address lists use the server port as default.
    read("EPICS_CA_SERVER_PORT", &|v| {
        settings.borrow_mut().server_port = port(v, DEFAULT_SERVER_PORT)?;
        Ok(())
    });
    read("EPICS_CA_REPEATER_PORT", &|v| {
        settings.borrow_mut().repeater_port = port(v, DEFAULT_REPEATER_PORT)?;
        Ok(())
    });
    let server_port = settings.borrow().server_port;
    read("EPICS_CA_ADDR_LIST", &|v| {
        settings.borrow_mut().addr_list = address_list(v, server_port)?;
        Ok(())
    });
    read("EPICS_CA_AUTO_ADDR_LIST", &|v| {
        settings.borrow_mut().auto_addr_list = auto_addr_list(v)?;
        Ok(())
    });
    read("EPICS_CA_NAME_SERVERS", &|v| {
        settings.borrow_mut().name_servers = address_list(v, server_port)?;
        Ok(())
    });
    read("EPICS_CA_CONN_TMO", &|v| {
        settings.borrow_mut().connection_timeout = connection_timeout(v)?;
        Ok(())
    });
    read("EPICS_CA_MAX_SEARCH_PERIOD", &|v| {
        settings.borrow_mut().max_search_period = max_search_period(v)?;
        Ok(())
    });
    read("EPICS_CA_MAX_ARRAY_BYTES", &|v| {
        settings.borrow_mut().max_array_bytes = max_array_bytes(v)?;
        Ok(())
    });
    read("EPICS_CA_AUTO_ARRAY_BYTES", &|v| {
        settings.borrow_mut().auto_array_bytes = yes_or_no(v)?;
        Ok(())
    });
    read("EPICS_CA_MCAST_TTL", &|v| {
        settings.borrow_mut().multicast_ttl = multicast_ttl(v)?;
        Ok(())
    });
    if bad.is_empty() {
        Ok(settings.into_inner())
    } else {
        Err(EnvironmentError { variables: bad })
    }
}

/// An integer as libca's `envGetLongConfigParam` reads it.
fn integer(text: &str) -> Result<i64, String> {
    if text.is_empty() {
        return Err("empty".to_string());
    }
    crate::ca::scan_long(text).ok_or_else(|| "not an integer".to_string())
}

/// A real number as libca's `envGetDoubleConfigParam` reads it: the whole
/// text, blanks around it allowed.
fn real(text: &str) -> Result<f64, String> {
    if text.is_empty() {
        return Err("empty".to_string());
    }
    let number = text
        .trim()
        .parse::<f64>()
        .map_err(|_| "not a number".to_string())?;
    if number.is_finite() {
        Ok(number)
    } else {
        Err("not a finite number".to_string())
    }
}

/// A port as libca's `envGetInetPortConfigParam` reads it.
fn port(text: &str, default: u16) -> Result<u16, String> {
    let number =
        integer(text).map_err(|problem| format!("{problem} (libca would use {default})"))?;
    if number <= USER_RESERVED_PORT || number > i64::from(u16::MAX) {
        return Err(format!(
            "not from {} to 65535 (libca would use {default})",
            USER_RESERVED_PORT + 1
        ));
    }
    Ok(number as u16)
}

fn connection_timeout(text: &str) -> Result<Duration, String> {
    let fallback = format!("(libca would use {DEFAULT_CONNECTION_TIMEOUT})");
    let seconds = real(text).map_err(|problem| format!("{problem} {fallback}"))?;
    if seconds <= 0.0 {
        return Err("not a positive number of seconds".to_string());
    }
    Ok(Duration::from_secs_f64(seconds))
}

fn max_search_period(text: &str) -> Result<Duration, String> {
    if text.is_empty() {
        // libca: not set, so its default, without a word.
        return Ok(Duration::from_secs_f64(DEFAULT_MAX_SEARCH_PERIOD));
    }
    let seconds = real(text)
        .map_err(|problem| format!("{problem} (libca would use {DEFAULT_MAX_SEARCH_PERIOD})"))?;
    if seconds < MIN_MAX_SEARCH_PERIOD {
        return Err(format!(
            "under libca's minimum of {MIN_MAX_SEARCH_PERIOD} seconds (libca would use it)"
        ));
    }
    Ok(Duration::from_secs_f64(seconds))
}

fn max_array_bytes(text: &str) -> Result<u64, String> {
    let number = integer(text)
        .map_err(|problem| format!("{problem} (libca would use {MIN_ARRAY_BYTES})"))?;
    let Ok(bytes) = u64::try_from(number) else {
        return Err(format!("negative (libca would use {MIN_ARRAY_BYTES})"));
    };
    if bytes + ARRAY_HEADER_BYTES < MIN_ARRAY_BYTES {
        return Err(format!(
            "under libca's minimum of {} (libca would raise it)",
            MIN_ARRAY_BYTES - ARRAY_HEADER_BYTES
        ));
    }
    Ok(bytes)
}

fn multicast_ttl(text: &str) -> Result<u8, String> {
    if text.is_empty() {
        // libca: not set, so a TTL of 1, without a word.
        return Ok(1);
    }
    match integer(text)? {
        // The kernel takes -1 as "the default", which is 1.
        -1 => Ok(1),
        ttl @ 0..=255 => Ok(ttl as u8),
        _ => Err("not from 0 to 255 (the kernel would refuse it)".to_string()),
    }
}

/// `EPICS_CA_AUTO_ADDR_LIST`: libca reads NO when the text contains `no` or
/// `NO`, and YES otherwise, so `No` means YES to it.
fn auto_addr_list(text: &str) -> Result<bool, String> {
    let libca_reads_yes = !(text.contains("no") || text.contains("NO"));
    let meant = yes_or_no(text)?;
    if meant == libca_reads_yes {
        Ok(meant)
    } else {
        Err("libca reads only \"no\" or \"NO\" as NO, and this as YES: write NO".to_string())
    }
}

/// `YES` or `NO` in any case (blanks around allowed); an empty value is
/// libca's "not set", which is YES for both variables that use this.
fn yes_or_no(text: &str) -> Result<bool, String> {
    let word = text.trim();
    if word.is_empty() || word.eq_ignore_ascii_case("yes") {
        Ok(true)
    } else if word.eq_ignore_ascii_case("no") {
        Ok(false)
    } else {
        Err("neither YES nor NO".to_string())
    }
}

/// A blank-separated list of `host[:port]`, as libca's
/// `addAddrToChannelAccessAddressList` reads it; every entry that libca
/// would drop is named.
fn address_list(text: &str, default_port: u16) -> Result<Vec<SocketAddrV4>, String> {
    let mut addresses = Vec::new();
    let mut problems = Vec::new();
    for entry in text.split_ascii_whitespace() {
        match address(entry, default_port) {
            Ok(found) => addresses.push(found),
            Err(problem) => problems.push(format!("{entry:?} {problem}")),
        }
    }
    if problems.is_empty() {
        Ok(addresses)
    } else {
        Err(format!("{} (libca would skip it)", problems.join(", ")))
    }
}

/// One `host[:port]` entry, as libCom's `aToIPAddr` reads it.
fn address(entry: &str, default_port: u16) -> Result<SocketAddrV4, String> {
    let (host, port) = match entry.split_once(':') {
        Some((host, port)) => {
            let number = port
                .parse::<u32>()
                .ok()
                .filter(|&n| port.bytes().all(|b| b.is_ascii_digit()) && n <= 0xffff)
                .ok_or_else(|| format!("has a bad port {port:?}"))?;
            (host, number as u16)
        }
        None => (entry, default_port),
    };
    if host.is_empty() {
        return Err("names no host".to_string());
    }
    if let Some(ip) = dotted_quad(host) {
        return ip.map(|ip| SocketAddrV4::new(ip, port));
    }
    if host.bytes().all(|b| b.is_ascii_digit()) {
        // A raw 32-bit address, as `aToIPAddr` takes it.
        return host
            .parse::<u32>()
            .map(|raw| SocketAddrV4::new(Ipv4Addr::from(raw), port))
            .map_err(|_| "is a number too large for an IPv4 address".to_string());
    }
    let resolved = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("does not resolve ({e})"))?
        .find_map(|found| match found {
            std::net::SocketAddr::V4(v4) => Some(v4),
            std::net::SocketAddr::V6(_) => None,
        });
    resolved.ok_or_else(|| "has no IPv4 address".to_string())
}

/// `a.b.c.d` with four decimal parts (leading zeros are decimal, as C's
/// `%u` reads them): the address, or an error if a part is over 255, as
/// libCom's `aToIPAddr` decides without a name lookup; `None` for a host
/// of any other form.
fn dotted_quad(host: &str) -> Option<Result<Ipv4Addr, String>> {
    let parts: Vec<&str> = host.split('.').collect();
    let numeric = |part: &&str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 4 || !parts.iter().all(numeric) {
        return None;
    }
    let mut octets = [0u8; 4];
    for (octet, part) in octets.iter_mut().zip(&parts) {
        match part.parse::<u8>() {
            Ok(value) => *octet = value,
            Err(_) => return Some(Err(format!("has a part over 255 ({part})"))),
        }
    }
    Some(Ok(Ipv4Addr::from(octets)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_with(vars: &[(&str, &str)]) -> Result<CaSettings, EnvironmentError> {
        check(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    fn bad_names(vars: &[(&str, &str)]) -> Vec<&'static str> {
        check_with(vars)
            .unwrap_err()
            .variables()
            .iter()
            .map(|v| v.name)
            .collect()
    }

    #[test]
    fn an_empty_environment_gives_libcas_defaults() {
        let settings = check_with(&[]).unwrap();
        assert_eq!(settings.server_port, 5064);
        assert_eq!(settings.repeater_port, 5065);
        assert!(settings.auto_addr_list && settings.auto_array_bytes);
        assert!(settings.addr_list.is_empty() && settings.name_servers.is_empty());
        assert_eq!(settings.connection_timeout, Duration::from_secs(30));
        assert_eq!(settings.max_search_period, Duration::from_secs(300));
        assert_eq!(settings.max_array_bytes, 16384);
        assert_eq!(settings.multicast_ttl, 1);
    }

    #[test]
    fn good_values_are_read_as_libca_reads_them() {
        let settings = check_with(&[
            (
                "EPICS_CA_ADDR_LIST",
                " 127.0.0.1  10.0.0.255:5070 2130706433 localhost:6000 ",
            ),
            ("EPICS_CA_AUTO_ADDR_LIST", "no"),
            ("EPICS_CA_SERVER_PORT", " 6064"),
            ("EPICS_CA_REPEATER_PORT", "6065x"),
            ("EPICS_CA_CONN_TMO", " 2.5 "),
            ("EPICS_CA_MAX_SEARCH_PERIOD", "60"),
            ("EPICS_CA_MAX_ARRAY_BYTES", "16360"),
            ("EPICS_CA_AUTO_ARRAY_BYTES", "Yes"),
            ("EPICS_CA_NAME_SERVERS", "127.0.0.1:5075"),
            ("EPICS_CA_MCAST_TTL", "0"),
        ])
        .unwrap();
        let local = Ipv4Addr::LOCALHOST;
        assert_eq!(
            settings.addr_list[..3],
            [
                SocketAddrV4::new(local, 6064),
                SocketAddrV4::new(Ipv4Addr::new(10, 0, 0, 255), 5070),
                SocketAddrV4::new(local, 6064),
            ]
        );
        assert_eq!(settings.addr_list[3].port(), 6000);
        assert!(!settings.auto_addr_list);
        assert_eq!((settings.server_port, settings.repeater_port), (6064, 6065));
        assert_eq!(settings.connection_timeout, Duration::from_millis(2500));
        assert_eq!(settings.max_search_period, Duration::from_secs(60));
        assert_eq!(settings.max_array_bytes, 16360);
        assert!(settings.auto_array_bytes);
        assert_eq!(settings.name_servers, [SocketAddrV4::new(local, 5075)]);
        assert_eq!(settings.multicast_ttl, 0);
    }

    #[test]
    fn empty_values_are_errors_only_where_libca_warns() {
        let lists = [
            ("EPICS_CA_ADDR_LIST", ""),
            ("EPICS_CA_AUTO_ADDR_LIST", ""),
            ("EPICS_CA_NAME_SERVERS", ""),
            ("EPICS_CA_MAX_SEARCH_PERIOD", ""),
            ("EPICS_CA_AUTO_ARRAY_BYTES", ""),
            ("EPICS_CA_MCAST_TTL", ""),
        ];
        assert!(check_with(&lists).is_ok());
        assert_eq!(
            bad_names(&[
                ("EPICS_CA_SERVER_PORT", ""),
                ("EPICS_CA_REPEATER_PORT", ""),
                ("EPICS_CA_CONN_TMO", ""),
                ("EPICS_CA_MAX_ARRAY_BYTES", ""),
            ]),
            [
                "EPICS_CA_SERVER_PORT",
                "EPICS_CA_REPEATER_PORT",
                "EPICS_CA_CONN_TMO",
                "EPICS_CA_MAX_ARRAY_BYTES",
            ]
        );
    }

    #[test]
    fn ports_outside_libcas_range_are_errors() {
        for value in ["5000", "0", "-1", "65536", "99999999999999999999", "abc"] {
            let error = check_with(&[("EPICS_CA_SERVER_PORT", value)]).unwrap_err();
            let bad = &error.variables()[0];
            assert_eq!(
                (bad.name, bad.value.as_str()),
                ("EPICS_CA_SERVER_PORT", value)
            );
            assert!(bad.problem.contains("libca would use 5064"), "{bad}");
        }
        assert!(check_with(&[("EPICS_CA_REPEATER_PORT", "5001")]).is_ok());
        assert!(check_with(&[("EPICS_CA_REPEATER_PORT", "65535")]).is_ok());
    }

    #[test]
    fn every_bad_variable_is_listed_at_once() {
        let error = check_with(&[
            ("EPICS_CA_SERVER_PORT", "80"),
            (
                "EPICS_CA_ADDR_LIST",
                "127.0.0.1 10.0.0.300 host.invalid 1.2.3.4:port",
            ),
            ("EPICS_CA_AUTO_ADDR_LIST", "No"),
            ("EPICS_CA_CONN_TMO", "-1"),
            ("EPICS_CA_MAX_SEARCH_PERIOD", "10"),
            ("EPICS_CA_MAX_ARRAY_BYTES", "-5"),
            ("EPICS_CA_AUTO_ARRAY_BYTES", "true"),
            ("EPICS_CA_NAME_SERVERS", ":5064"),
            ("EPICS_CA_MCAST_TTL", "300"),
        ])
        .unwrap_err();
        let names: Vec<_> = error.variables().iter().map(|v| v.name).collect();
        assert_eq!(names.len(), 9, "{error}");
        let addr_list = &error.variables()[1];
        assert_eq!(addr_list.name, "EPICS_CA_ADDR_LIST");
        for entry in ["10.0.0.300", "host.invalid", "1.2.3.4:port"] {
            assert!(addr_list.problem.contains(entry), "{addr_list}");
        }
        assert!(!addr_list.problem.contains("\"127.0.0.1\""), "{addr_list}");
        let text = error.to_string();
        assert!(text.starts_with("bad Channel Access environment: EPICS_CA_SERVER_PORT=\"80\""));
        assert_eq!(format!("{error:?}"), text);
    }

    #[test]
    fn auto_addr_list_is_an_error_where_libca_reads_it_otherwise_than_written() {
        for (value, meant) in [
            ("YES", true),
            ("yes", true),
            ("Yes", true),
            ("NO", false),
            ("no", false),
        ] {
            let settings = check_with(&[("EPICS_CA_AUTO_ADDR_LIST", value)]).unwrap();
            assert_eq!(settings.auto_addr_list, meant, "{value}");
        }
        for value in ["No", "nO", "off", "false", "none"] {
            assert_eq!(
                bad_names(&[("EPICS_CA_AUTO_ADDR_LIST", value)]),
                ["EPICS_CA_AUTO_ADDR_LIST"],
                "{value}"
            );
        }
    }

    #[test]
    fn numbers_below_libcas_floors_are_errors() {
        assert!(check_with(&[("EPICS_CA_MAX_SEARCH_PERIOD", "59.9")]).is_err());
        assert!(check_with(&[("EPICS_CA_MAX_SEARCH_PERIOD", "inf")]).is_err());
        assert!(check_with(&[("EPICS_CA_MAX_ARRAY_BYTES", "16359")]).is_err());
        assert!(check_with(&[("EPICS_CA_MAX_ARRAY_BYTES", "100000000")]).is_ok());
        assert!(check_with(&[("EPICS_CA_CONN_TMO", "0")]).is_err());
        assert!(check_with(&[("EPICS_CA_CONN_TMO", "30s")]).is_err());
        assert!(check_with(&[("EPICS_CA_MCAST_TTL", "-1")]).is_ok());
        assert!(check_with(&[("EPICS_CA_MCAST_TTL", "256")]).is_err());
    }

    #[test]
    fn addresses_parse_as_libcom_reads_them() {
        assert_eq!(
            address("010.0.0.1", 5064),
            Ok(SocketAddrV4::new(Ipv4Addr::new(10, 0, 0, 1), 5064))
        );
        assert!(address("10.0.0.300", 5064).is_err_and(|p| p.contains("over 255")));
        assert!(address("4294967296", 5064).is_err());
        assert!(address("1.2.3.4:65536", 5064).is_err());
        assert!(address("1.2.3.4:", 5064).is_err());
        assert!(address(":5064", 5064).is_err());
    }
}
