//! libca's exception report, as its default exception handler prints it on
//! standard error, for the one exception the tools meet: a plain read
//! (`ca_array_get`, which the C tools use outside `-c`) that the server
//! answered with a failure status. The C tools install no exception handler,
//! so libca prints this block, and the tools go on to print the read's
//! buffer, still all zeros.
//!
//! catools reads with callbacks, which get such a failure as their status
//! instead (no exception): the tools write the block themselves, from the
//! failure's status and their own request.

use crate::dbr::{dbr_type_to_text, Stamp, EPICS_EPOCH_OFFSET};
use crate::output::local_time;
use std::io::Write;

/// Where libca reports a failed plain read from (`getCopy::exception`), as
/// an EPICS base built by its own makefiles names it (they compile from
/// `O.<arch>/`, so `__FILE__` is `../getCopy.cpp`); the same in EPICS 7.0.
const GET_COPY_SOURCE: (&str, u32) = ("../getCopy.cpp", 91);

/// The context libca gives a read that the server answered with a failure
/// status (`cac::readNotifyRespAction`).
const READ_FAILED: &str = "read failed";

/// `CA_OP_GET`.
const OP_GET: u32 = 0;

/// The severity words of `ca_client_context::vSignal`, by the severity bits
/// of an ECA status code (`CA_EXTRACT_SEVERITY`).
const SEVERITIES: [&str; 8] = [
    "Warning", "Success", "Error", "Info", "Fatal", "Fatal", "Fatal", "Fatal",
];

/// Writes libca's report of a plain read of `dbr_type` and `count` elements
/// of `channel` that failed with ECA status `code` (`message` its
/// `ca_message` text), stamped `now`.
pub fn write_read_failure(
    err: &mut dyn Write,
    code: i32,
    message: &str,
    channel: &str,
    dbr_type: u32,
    count: usize,
    now: Stamp,
) {
    let severity = SEVERITIES[(code & 7) as usize];
    let (file, line) = GET_COPY_SOURCE;
    let _ = write!(
        err,
        "CA.Client.Exception...............................................\n\
         \x20   {severity}: \"{message}\"\n\
         \x20   Context: \"op={OP_GET}, channel={channel}, type={}, count={count}, ctx=\"{READ_FAILED}\"\"\n\
         \x20   Source File: {file} line {line}\n\
         \x20   Current Time: {}\n\
         ..................................................................\n",
        dbr_type_to_text(dbr_type),
        current_time_text(now)
    );
}

/// `epicsTime::strftime(.., "%a %b %d %Y %H:%M:%S.%f")` in local time, with
/// the C locale's names, as libca stamps its reports.
fn current_time_text(now: Stamp) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some(tm) = local_time(now.secs as i64 + EPICS_EPOCH_OFFSET) else {
        return "<undefined>".to_string();
    };
    format!(
        "{} {} {:02} {:04} {:02}:{:02}:{:02}.{:09}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_year + 1900,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        now.nsec
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_read_reports_like_libca() {
        let mut err = Vec::new();
        // ECA_GETFAIL: message 36, severity bits 0 (a warning).
        write_read_failure(
            &mut err,
            36 << 3,
            "Channel read request failed",
            "X:wf",
            14,
            4,
            Stamp::now(),
        );
        let text = String::from_utf8(err).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 6, "{text}");
        assert_eq!(lines[0].len(), 66);
        assert_eq!(lines[1], "    Warning: \"Channel read request failed\"");
        assert_eq!(
            lines[2],
            "    Context: \"op=0, channel=X:wf, type=DBR_TIME_STRING, count=4, ctx=\"read failed\"\""
        );
        assert_eq!(lines[3], "    Source File: ../getCopy.cpp line 91");
        // "Fri Nov 27 2026 09:05:56.804556695"
        let time = lines[4].strip_prefix("    Current Time: ").unwrap();
        assert_eq!(time.len(), 34, "{time}");
        assert_eq!(&time[24..25], ".");
        assert_eq!(lines[5], ".".repeat(66));
    }
}
