//! cainfo: print what Channel Access knows of PVs, as EPICS base's cainfo
//! does.

fn main() {
    cothread_tools::main_with(cothread_tools::cainfo::run)
}
