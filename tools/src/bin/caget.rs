//! caget: read PVs and print their values, as EPICS base's caget does.

fn main() {
    cothread_tools::main_with(cothread_tools::caget::run)
}
