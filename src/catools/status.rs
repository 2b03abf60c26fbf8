//! libca's own report on the Channel Access client, as EPICS base's
//! `cainfo -s <level>` prints it: the one view into libca's internals
//! (circuits, channels, timers) that catools offers. The text and its layout
//! are libca's, not ours.

use std::io::Write;

use super::CaError;

/// Prints libca's report on this process's Channel Access client
/// (`ca_client_status`) to standard output, at interest `level`: 1 gives the
/// context's summary, each level up adds detail (the circuits with their
/// channels, hash tables, timers, threads). Like `cainfo -s`, it is for a
/// person looking at a running client; the text is libca's and may change
/// with its release.
///
/// Whatever this process has printed to Rust's standard output comes first:
/// it is flushed before libca prints, and libca's report is flushed after.
/// The first CA call of the process creates the CA context (see the
/// [module docs](super#environment)); an error is a failure to create it or
/// to attach this thread to it.
///
/// ```
/// cothread::catools::client_status(1)?; // "ca_client_context at 0x... "
/// # Ok::<(), cothread::catools::CaError>(())
/// ```
pub fn client_status(level: u32) -> Result<(), CaError> {
    // A failed flush is the caller's stdout failing; libca's report would
    // fail the same way, and it has no error to give back either.
    let _ = std::io::stdout().flush();
    crate::ca::client_status(level)
}
