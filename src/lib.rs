//! cothread: cooperative threads and Channel Access for Rust.
//!
//! (Crate documentation is written as the modules land.)

mod ca;
pub mod catools;
