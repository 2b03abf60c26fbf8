//! camonitor: print every update of PVs until stopped, as EPICS base's
//! camonitor does.

fn main() {
    cothread_tools::main_with(cothread_tools::camonitor::run)
}
