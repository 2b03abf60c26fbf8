//! Where Python's cothread.catools was right and we follow it, and where we
//! do better without differing needlessly, against a real softIoc of this
//! binary's own (with an `int64out` and a record nothing ever processes).

mod support;

use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use cothread::catools::{
    caget, caput, connect, Augmented, ChannelState, Connect, Count, DataType, ErrorKind, Format,
    Get, Monitor, Put, Value,
};
use cothread::EventQueue;
use support::{Ioc, IocOptions};

/// Records this binary adds to tests/db/test.db.
const EXTRA_RECORDS: &str = r#"
record(int64out, "$(P)int64") {
}
# Passive, no PINI, and no test writes it: never processed.
record(ao, "$(P)never") {
}
"#;

fn ioc() -> &'static Ioc {
    static IOC: OnceLock<Ioc> = OnceLock::new();
    IOC.get_or_init(|| {
        let ioc = Ioc::start_with(IocOptions {
            extra_records: EXTRA_RECORDS.to_string(),
            ..IocOptions::default()
        });
        support::use_ioc_for_client(&ioc);
        ioc
    })
}

fn put_wait(pv: &str, value: impl Into<Value>) {
    Put::new().wait(true).put(pv, value).unwrap();
}

#[test]
fn char_bytes_stop_at_the_first_nul_and_char_keeps_every_byte() {
    cothread::scope(|| {
        let pv = ioc().pv("wf:uchar");
        put_wait(&pv, vec![b'a', b'b', 0, b'c', 200]);
        let bytes: Vec<u8> = Get::new().datatype(DataType::CharBytes).get(&pv).unwrap();
        assert_eq!(bytes, b"ab");
        let raw: Vec<u8> = Get::new().datatype(DataType::Char).get(&pv).unwrap();
        assert_eq!(raw, [b'a', b'b', 0, b'c', 200]);
    })
}

#[test]
fn an_empty_array_is_written_and_monitors_deliver_it_empty() {
    cothread::scope(|| {
        let pv = ioc().pv("wf:double");
        put_wait(&pv, vec![1.0, 2.0, 3.0]);
        let updates = EventQueue::new();
        let sink = updates.clone();
        let _subscription = Monitor::new()
            .count(Count::Current)
            .subscribe(&pv, move |update: Result<Value, _>| {
                sink.signal(update);
            })
            .unwrap();
        let first = updates.wait(Duration::from_secs(10)).unwrap().unwrap();
        assert_eq!(first, Value::DoubleArray(vec![1.0, 2.0, 3.0]));

        put_wait(&pv, Vec::<f64>::new());
        let nord: i32 = caget(&format!("{pv}.NORD")).unwrap();
        assert_eq!(nord, 0);
        let value: Value = caget(&pv).unwrap();
        assert_eq!(value, Value::DoubleArray(vec![]));
        // A plain update of no elements carries no bytes, which libca drops: the
        // subscription asks for a header to come with it.
        let emptied = updates.wait(Duration::from_secs(10)).unwrap().unwrap();
        assert_eq!(emptied, Value::DoubleArray(vec![]));

        // The full length is what the server pads to (zeros), as in Python.
        let full: Vec<f64> = Get::new().count(Count::Full).get(&pv).unwrap();
        assert_eq!(full, vec![0.0; 10]);
    })
}

#[test]
fn info_without_wait_describes_a_channel_that_never_connected() {
    cothread::scope(|| {
        let started = Instant::now();
        let info = Connect::new()
            .wait(false)
            .info(&ioc().pv("no-server-has-this"))
            .unwrap();
        assert!(started.elapsed() < Duration::from_secs(1));
        assert_eq!(info.state, ChannelState::NeverConnected);
        assert_eq!(info.host, "<disconnected>");
        assert_eq!(info.element_count, 0);
        assert_eq!(info.datatype, None);
        assert!(!info.read && !info.write);

        // A connected channel is described as it is.
        let ai = ioc().pv("ai");
        connect(&ai).unwrap();
        let info = Connect::new().wait(false).info(&ai).unwrap();
        assert_eq!(info.state, ChannelState::Connected);
        assert!(info.read);
    })
}

#[test]
fn wide_integers_and_booleans_are_written_without_rounding() {
    cothread::scope(|| {
        let pv = ioc().pv("int64");
        // 2^53 + 1, which a double (Python's DBR_DOUBLE put) rounds to ...992.
        put_wait(&pv, 9_007_199_254_740_993i64);
        let text: String = caget(&pv).unwrap();
        assert_eq!(text, "9007199254740993");
        put_wait(&pv, -(1i64 << 53));
        assert_eq!(caget::<String>(&pv).unwrap(), "-9007199254740992");
        put_wait(&pv, i64::MAX);
        assert_eq!(caget::<String>(&pv).unwrap(), i64::MAX.to_string());
        put_wait(&pv, 7u64);
        assert_eq!(caget::<f64>(&pv).unwrap(), 7.0);

        // An explicit DBR_DOUBLE that would round is refused, not rounded.
        let error = Put::new()
            .datatype(DataType::Double)
            .put(&pv, 9_007_199_254_740_993i64)
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NoConvert, "{error}");

        let bo = ioc().pv("bo");
        put_wait(&bo, true);
        assert_eq!(caget::<String>(&bo).unwrap(), "Open");
        put_wait(&bo, false);
        assert_eq!(caget::<String>(&bo).unwrap(), "Closed");
    })
}

#[test]
fn a_pv_no_server_answers_is_not_found_not_a_timeout() {
    cothread::scope(|| {
        let missing = ioc().pv("nobody-serves-this");
        let error = Get::new()
            .timeout(Duration::from_millis(300))
            .get::<f64>(&missing)
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NotFound);
        assert_eq!(error.code(), libca_sys::ECA_TIMEOUT, "Python's errorcode");
        let sentence = format!("{missing}: PV not found (no server answered the search)");
        assert_eq!(error.to_string(), sentence);
        // What `main() -> Result<(), CaError>` prints after "Error: ".
        assert_eq!(format!("{error:?}"), sentence);
        let error = Connect::new()
            .timeout(Duration::from_millis(300))
            .connect_list(&[&missing])
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NotFound);
    })
}

#[test]
fn a_connected_channel_that_is_slow_times_out() {
    cothread::scope(|| {
        // slow processes for a second: a put that waits 0.3 s for it times out.
        let slow = format!("{}.A", ioc().pv("slow"));
        connect(&slow).unwrap();
        let error = Put::new()
            .wait(true)
            .timeout(Duration::from_millis(300))
            .put(&slow, 1.0)
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
        assert_eq!(
            format!("{error:?}"),
            format!("{slow}: User specified timeout on IO operation expired")
        );
    })
}

/// What EPICS base's own `caget -a` prints for `pv`.
fn epics_caget_wide(pv: &str) -> String {
    let output = Command::new(support::epics_tool("caget"))
        .arg("-a")
        .arg(pv)
        .envs(support::client_environment(ioc().port()))
        .output()
        .expect("run EPICS's caget");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn timestamps_display_as_epics_caget_prints_them() {
    cothread::scope(|| {
        let ao = ioc().pv("ao");
        put_wait(&ao, 2.5);
        let reading: Augmented = Get::new().format(Format::Time).get(&ao).unwrap();
        let stamp = reading.meta.timestamp.expect("a TIME read has a stamp");
        assert!(!stamp.is_undefined());
        // Same process environment, so the same time zone as EPICS's tool.
        let epics = epics_caget_wide(&ao);
        assert!(
            epics.contains(&format!(" {stamp} ")),
            "ours {stamp}, EPICS's: {epics}"
        );
        assert!(reading.to_string().contains(&stamp.to_string()));

        let never = ioc().pv("never");
        let reading: Augmented = Get::new().format(Format::Time).get(&never).unwrap();
        let stamp = reading.meta.timestamp.unwrap();
        assert!(stamp.is_undefined());
        assert_eq!(stamp.to_string(), "<undefined>");
        assert!(epics_caget_wide(&never).contains(" <undefined> "));
        assert_eq!(
            reading.to_string(),
            format!("{never} <undefined> 0 UDF INVALID")
        );
    })
}

/// Set by the test below in the child it starts: run the monitor only.
const NO_ACCESS_CHILD: &str = "COTHREAD_TEST_NO_ACCESS_CHILD";

#[test]
fn the_no_read_access_diagnostic_names_the_pv_once() {
    cothread::scope(|| {
        if let Ok(name) = std::env::var(NO_ACCESS_CHILD) {
            // The child: its CA environment points at the parent's IOC.
            connect(&name).unwrap();
            // Without notify_disconnect the refusal goes to standard error.
            let _subscription = Monitor::new()
                .subscribe(&name, |_: Result<Value, _>| {})
                .unwrap();
            cothread::sleep(Duration::from_millis(200));
            return;
        }
        let name = ioc().pv("noaccess");
        let output = Command::new(std::env::current_exe().unwrap())
            .args([
                "the_no_read_access_diagnostic_names_the_pv_once",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(NO_ACCESS_CHILD, &name)
            .envs(support::client_environment(ioc().port()))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{output:?}");
        let line = stderr
            .lines()
            .find(|line| line.contains("Read access denied"))
            .unwrap_or_else(|| panic!("no diagnostic in: {stderr}"));
        assert_eq!(line.matches(name.as_str()).count(), 1, "{line}");
        assert!(
            line.ends_with(&format!(
                "camonitor did not start: {name}: Read access denied"
            )),
            "{line}"
        );
    })
}

#[test]
fn caput_takes_every_rust_integer_width() {
    cothread::scope(|| {
        let longout = ioc().pv("longout");
        caput(&longout, 12i64).unwrap();
        put_wait(&longout, 13u32);
        assert_eq!(caget::<i32>(&longout).unwrap(), 13);
    })
}
