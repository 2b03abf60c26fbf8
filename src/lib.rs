//! cothread: cooperative threads and Channel Access for Rust.
