use std::sync::{mpsc, Arc};
use std::time::Duration;

use super::*;
use crate::ca::ChannelEvent;
use crate::catools::{ChannelState, ErrorKind, FieldType};

#[test]
fn channels_are_shared_by_name() {
    let first = connect("ai");
    let again = Channel::open(&pv("ai")).unwrap();
    assert!(Arc::ptr_eq(first.name(), again.name()));
    assert!(again.is_connected());
}

#[test]
fn info_describes_a_connected_channel() {
    let channel = connect("wf:double");
    let info = channel.info();
    assert_eq!(info.state, ChannelState::Connected);
    assert_eq!(info.datatype, Some(FieldType::Double));
    assert_eq!(info.element_count, 10);
    assert!(info.read && info.write);
    let port = ioc().port();
    assert!(
        info.host.ends_with(&format!(":{port}")),
        "host {}",
        info.host
    );
    let text = info.to_string();
    assert!(text.contains("State:            connected"), "{text}");
    assert!(text.contains("Native data type: DBF_DOUBLE"), "{text}");
}

#[test]
fn info_shows_missing_write_access() {
    let info = connect("readonly").info();
    assert!(info.read);
    assert!(!info.write);
    assert!(info.to_string().contains("read, no write"));
}

#[test]
fn missing_pv_never_connects_and_its_wait_can_be_cancelled() {
    let channel = Channel::open(&pv("no-such-record")).unwrap();
    let (tx, rx) = mpsc::channel();
    let id = channel
        .on_connect(Box::new(move |result| {
            let _ = tx.send(result);
        }))
        .expect("not connected, so the wait is pending");
    assert!(rx.recv_timeout(Duration::from_millis(500)).is_err());
    assert!(channel.cancel_wait(id), "the wait was still pending");
    assert_eq!(channel.info().state, ChannelState::NeverConnected);
    assert_eq!(channel.info().datatype, None);
    let error = channel.timeout_error();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(error.code(), libca_sys::ECA_TIMEOUT);
    assert_eq!(
        error.to_string(),
        format!(
            "{}: PV not found (no server answered the search)",
            pv("no-such-record")
        )
    );
    let get = channel.get(ReadRequest::default(), |_| {
        panic!("no reply without a connection")
    });
    assert_eq!(get.unwrap_err().kind(), ErrorKind::Disconnected);
}

#[test]
fn bad_pv_names_are_refused_before_libca_sees_them() {
    let empty = Channel::open("").err().expect("empty name");
    assert_eq!(empty.kind(), ErrorKind::BadString);
    let prefix = ioc().prefix();
    let longest = format!(
        "{prefix}{}",
        "x".repeat(crate::ca::MAX_PV_NAME - prefix.len())
    );
    // A name of MAX_PV_NAME bytes is searched for (and the searches behind
    // it still go out, which a longer name would block).
    Channel::open(&longest).expect("libca takes a name of MAX_PV_NAME bytes");
    let restartable = restartable_ioc();
    connect_name(&restartable.pv("wf:enum")); // no other test opens this one
    drop(restartable);
    let long = format!("{longest}x");
    let error = Channel::open(&long).err().expect("over-long name");
    assert_eq!(error.kind(), ErrorKind::BadString);
    assert!(error.to_string().contains("at most 991 bytes"), "{error}");
}

#[test]
fn listeners_hear_connection_and_access_rights() {
    // A record of the restartable IOC that no other test opens: the
    // listener is in place long before the search reply can arrive.
    // Holding it keeps the restart test from stopping it meanwhile.
    let ioc = restartable_ioc();
    let name = ioc.pv("noaccess");
    let channel = Channel::open(&name).unwrap();
    let (tx, rx) = mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let id = channel.add_listener(Arc::new(move |event: &ChannelEvent| {
        let _ = tx.lock().unwrap().send(event.clone());
    }));
    let mut seen = Vec::new();
    while seen.len() < 2 {
        seen.push(
            rx.recv_timeout(WAIT)
                .expect("connection and access rights events"),
        );
    }
    assert!(seen.contains(&ChannelEvent::Connected), "{seen:?}");
    assert!(
        seen.contains(&ChannelEvent::AccessRights {
            read: false,
            write: false
        }),
        "{seen:?}"
    );
    assert_eq!(channel.access(), (false, false));
    channel.remove_listener(id);
}

#[test]
fn every_record_reports_its_native_type_and_element_count() {
    let expected = [
        ("ai", FieldType::Double, 1),
        ("ao", FieldType::Double, 1),
        ("bi", FieldType::Enum, 1),
        ("bo", FieldType::Enum, 1),
        ("mbbi", FieldType::Enum, 1),
        ("mbbo", FieldType::Enum, 1),
        ("longin", FieldType::Long, 1),
        ("longout", FieldType::Long, 1),
        ("stringin", FieldType::String, 1),
        ("stringout", FieldType::String, 1),
        ("lsi", FieldType::String, 1),
        ("lsi.VAL$", FieldType::Char, 256),
        ("wf:double", FieldType::Double, 10),
        ("wf:long", FieldType::Long, 8),
        ("wf:short", FieldType::Short, 8),
        ("wf:float", FieldType::Float, 8),
        ("wf:char", FieldType::Char, 64),
        ("wf:uchar", FieldType::Char, 64),
        ("wf:string", FieldType::String, 4),
        ("wf:enum", FieldType::Enum, 4),
        ("counter", FieldType::Double, 1),
    ];
    for (record, field_type, count) in expected {
        let channel = connect(record);
        assert_eq!(channel.native(), Some((field_type, count)), "{record}");
        let reading = get_with(&channel, DataType::Native, Format::Time, Count::Full).unwrap();
        assert_eq!(reading.value.field_type(), field_type, "{record}");
        assert_eq!(reading.value.is_array(), count > 1, "{record}");
        assert_eq!(reading.value.len(), count, "{record}");
    }
}
