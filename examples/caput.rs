//! caput, as EPICS base's caput, on cothread's catools: see ca_tools/ and the
//! README's "Command-line tools" section.

#[path = "ca_tools/mod.rs"]
mod ca_tools;

fn main() {
    ca_tools::main_with(ca_tools::caput::run)
}
