//! `initialise` against the real libca and softIoc: the harness's
//! environment passes and leaves a working context; a bad one is a typed
//! error naming each variable, in a child process of its own (libca reads
//! the environment once per process).

mod support;

use std::process::Command;
use std::time::Duration;

use cothread::catools::{initialise, Get, InitialiseError};

/// Set by the test below in the child it starts: check, report, exit.
const BAD_ENVIRONMENT_CHILD: &str = "COTHREAD_TEST_BAD_ENVIRONMENT_CHILD";

#[test]
fn initialise_accepts_the_harness_environment_and_a_later_caget_works() {
    cothread::scope(|| {
        if std::env::var_os(BAD_ENVIRONMENT_CHILD).is_some() {
            return;
        }
        let ioc = support::shared_ioc();
        let info = initialise().unwrap();
        assert!(info.protocol_version.starts_with("4."), "{info:?}");
        let settings = &info.settings;
        assert_eq!(settings.server_port, ioc.port());
        assert!(!settings.auto_addr_list);
        let addresses: Vec<String> = settings.addr_list.iter().map(|a| a.to_string()).collect();
        assert_eq!(addresses, [format!("127.0.0.1:{}", ioc.port())]);
        // A second call finds the context made and attaches this thread again.
        assert_eq!(initialise().unwrap(), info);
        let value: f64 = Get::new()
            .timeout(Duration::from_secs(20))
            .get(&ioc.pv("ai"))
            .unwrap();
        assert!(value.is_finite());
    })
}

#[test]
fn a_bad_server_port_and_address_list_entry_are_a_typed_error_naming_each() {
    cothread::scope(|| {
        if std::env::var_os(BAD_ENVIRONMENT_CHILD).is_some() {
            // The child: libca has not read this environment yet.
            match initialise() {
                Err(InitialiseError::Environment(error)) => {
                    for variable in error.variables() {
                        println!("bad {} = {:?}", variable.name, variable.value);
                    }
                    println!("{error}");
                }
                other => panic!("expected an environment error, got {other:?}"),
            }
            return;
        }
        let output = Command::new(std::env::current_exe().unwrap())
            .args([
                "a_bad_server_port_and_address_list_entry_are_a_typed_error_naming_each",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(BAD_ENVIRONMENT_CHILD, "1")
            .env("EPICS_CA_SERVER_PORT", "80")
            .env("EPICS_CA_ADDR_LIST", "127.0.0.1 10.0.0.256:5064")
            .env("EPICS_CA_AUTO_ADDR_LIST", "NO")
            .env_remove("EPICS_CA_NAME_SERVERS")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{output:?}");
        assert!(
            stdout.contains("bad EPICS_CA_SERVER_PORT = \"80\""),
            "{stdout}"
        );
        assert!(
            stdout.contains("bad EPICS_CA_ADDR_LIST = \"127.0.0.1 10.0.0.256:5064\""),
            "{stdout}"
        );
        assert!(
            stdout.contains("\"10.0.0.256:5064\" has a part over 255"),
            "{stdout}"
        );
        // No context was created, so libca printed none of its own warnings.
        assert!(!stderr.contains("out of range"), "{stderr}");
        assert!(!stderr.contains("Bad internet address"), "{stderr}");
    })
}
