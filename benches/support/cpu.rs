//! Process CPU time for the benchmarks (std has no portable way to read it).
//! The benchmarks' only unsafe code: one libc call.

/// CPU seconds (user + system) of this whole process, all its threads
/// (libca's included).
pub fn cpu_seconds() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a full rusage into the zeroed buffer we own;
    // RUSAGE_SELF is always valid, so it cannot fail.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
