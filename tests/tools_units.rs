//! The unit tests of the command-line tools' shared code (examples/ca_tools):
//! printf-exact number formatting, escaping, getopt, and the EPICS layouts.

#[path = "../examples/ca_tools/mod.rs"]
#[allow(unused)]
mod ca_tools;
