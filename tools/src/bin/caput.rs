//! caput: write PVs and print their values before and after, as EPICS base's
//! caput does.

fn main() {
    cothread_tools::main_with(cothread_tools::caput::run)
}
