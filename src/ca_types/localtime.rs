//! The local calendar time of an instant (libc's `localtime_r`): how EPICS's
//! tools show CA timestamps, in the zone that `TZ` (or the system) sets.
//!
//! The C library reads the zone once, at its first use in the process;
//! a program that changes `TZ` later is not followed (as with EPICS's tools).

/// An instant's date and time of day in the local zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LocalTime {
    pub year: i32,
    /// 1..=12
    pub month: u8,
    /// 1..=31
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    /// 0..=60 (60 only in a leap second)
    pub second: u8,
}

/// The local date and time of `unix_secs` seconds past 1970-01-01 UTC, or
/// `None` when the C library cannot represent it.
pub(crate) fn local_time(unix_secs: u64) -> Option<LocalTime> {
    let time = libc::time_t::try_from(unix_secs).ok()?;
    // SAFETY: `tm` is plain data, for which all zeros is a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are to live locals for the call; localtime_r is
    // the reentrant form (it writes only `tm`). It reads the zone from the
    // environment on first use, as every libc time function does: the rule
    // that no thread may change the environment while another reads it is
    // `std::env::set_var`'s.
    let filled = unsafe { libc::localtime_r(&time, &mut tm) };
    if filled.is_null() {
        return None;
    }
    let small = |v: libc::c_int| u8::try_from(v).ok();
    Some(LocalTime {
        year: tm.tm_year.checked_add(1900)?,
        month: small(tm.tm_mon + 1)?,
        day: small(tm.tm_mday)?,
        hour: small(tm.tm_hour)?,
        minute: small(tm.tm_min)?,
        second: small(tm.tm_sec)?,
    })
}
