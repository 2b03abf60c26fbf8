//! What the Channel Access benchmark clients share with each other: their
//! settings from the environment and their output lines ("name value unit",
//! read by `benches/bench_table.py`).

use std::time::Instant;

/// `name` from the environment, or `fallback` when unset or unparsable.
pub fn env_or<T: std::str::FromStr>(name: &str, fallback: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(fallback)
}

/// Prints one figure.
pub fn report(name: &str, value: f64, unit: &str) {
    println!("{name} {value:.6} {unit}");
}

/// Milliseconds since `start`.
pub fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1e3
}
