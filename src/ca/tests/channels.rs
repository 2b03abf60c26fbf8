use std::sync::{mpsc, Arc};
use std::time::Duration;

use super::*;
use crate::ca::ChannelEvent;
use crate::ca_types::{ChannelState, ErrorKind, EventMask, FieldType};

#[test]
fn channels_are_shared_by_name() {
    crate::scope(|| {
        let first = connect("ai");
        let again = Channel::open(&pv("ai")).unwrap();
        assert!(Arc::ptr_eq(first.name(), again.name()));
        assert!(again.is_connected());
    })
}

#[test]
fn info_describes_a_connected_channel() {
    crate::scope(|| {
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
    })
}

#[test]
fn info_shows_missing_write_access() {
    crate::scope(|| {
        let info = connect("readonly").info();
        assert!(info.read);
        assert!(!info.write);
        assert!(info.to_string().contains("read, no write"));
    })
}

#[test]
fn missing_pv_never_connects_and_its_wait_can_be_cancelled() {
    crate::scope(|| {
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
    })
}

#[test]
fn bad_pv_names_are_refused_before_libca_sees_them() {
    crate::scope(|| {
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
    })
}

#[test]
fn channels_of_one_server_share_its_number_and_others_differ() {
    crate::scope(|| {
        let first = connect("ai");
        let second = connect("bo");
        let other = {
            let ioc = restartable_ioc();
            connect_name(&ioc.pv("ai"))
        };
        let missing = Channel::open(&pv("no-such-record")).unwrap();
        assert_ne!(first.server_id(), 0);
        assert_eq!(first.server_id(), second.server_id());
        assert_ne!(first.server_id(), other.server_id());
        assert_eq!(missing.server_id(), 0, "not connected: no server");
    })
}

#[test]
fn a_watcher_of_a_connected_channel_hears_it_first_with_its_details() {
    crate::scope(|| {
        let channel = connect("wf:long");
        let (tx, rx) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let id = channel.add_watcher(Arc::new(move |event: &ChannelEvent, info: Option<&_>| {
            let _ = tx.lock().unwrap().send((event.clone(), info.cloned()));
        }));
        // Told before add_watcher returned, on this thread.
        let (event, info) = rx.try_recv().expect("the current state, at once");
        assert_eq!(event, ChannelEvent::Connected);
        let info: crate::ca_types::ChannelInfo = info.expect("a connection's details");
        assert_eq!(info, channel.info());
        assert_eq!(info.datatype, Some(FieldType::Long));
        assert_eq!(info.element_count, 8);
        channel.remove_listener(id);
    })
}

#[test]
fn listeners_hear_connection_and_access_rights() {
    crate::scope(|| {
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
    })
}

#[test]
fn every_record_reports_its_native_type_and_element_count() {
    crate::scope(|| {
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
    })
}

// The tests below sweep with a zero idle period: every channel of the
// process that no handle holds is cleared, including other tests' (which
// then open theirs again: that it is unnoticeable is the point), except the
// last connected channel of each server. They take turns, so that one's
// sweeps do not clear what another counts.

/// A test's turn to sweep, or to count what sweeps leave; with a channel of
/// the shared IOC held for the turn, so that the channels the test counts
/// are never the server's last (which a sweep keeps).
pub(super) struct SweepTurn {
    _turn: std::sync::MutexGuard<'static, ()>,
    _anchor: Channel,
}

/// Waits for this test's turn to sweep.
pub(super) fn sweeping() -> SweepTurn {
    static SWEEPING: Mutex<()> = Mutex::new(());
    let turn = SWEEPING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    SweepTurn {
        _turn: turn,
        _anchor: connect("ai"),
    }
}

#[test]
fn an_unused_channel_is_cleared_and_opens_again_on_use() {
    crate::scope(|| {
        let _turn = sweeping();
        let name = pv("ao.EGU"); // no other test opens this name
        let channel = connect_name(&name);
        let units = get(&channel);
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(crate::ca::open_channels(&name), 1, "held, so kept");
        assert!(channel.is_connected());
        drop(channel);
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(crate::ca::open_channels(&name), 0, "unused, so cleared");
        let again = connect_name(&name);
        assert_eq!(get(&again), units);
    })
}

#[test]
fn a_channel_unused_for_less_than_the_period_is_kept() {
    crate::scope(|| {
        let _turn = sweeping();
        let name = pv("ao.DESC");
        drop(connect_name(&name));
        // The first sweep that finds it unused only starts its idle time.
        crate::ca::sweep(Duration::from_secs(3600));
        crate::ca::sweep(Duration::from_secs(3600));
        assert_eq!(crate::ca::open_channels(&name), 1);
    })
}

#[test]
fn a_live_subscription_keeps_its_channel() {
    crate::scope(|| {
        let _turn = sweeping();
        let name = pv("counter.VAL");
        let channel = connect_name(&name);
        let (tx, rx) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let subscription = channel
            .subscribe(ReadRequest::default(), EventMask::VALUE, move |update| {
                let _ = tx.lock().unwrap().send(update);
            })
            .expect("subscribe");
        flush_io().expect("flush");
        drop(channel);
        rx.recv_timeout(WAIT)
            .expect("first update")
            .expect("a value");
        crate::ca::sweep(Duration::ZERO);
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(crate::ca::open_channels(&name), 1, "subscribed, so kept");
        // Updates go on after the sweeps (the counter counts every 0.1 s).
        while rx.try_recv().is_ok() {}
        for _ in 0..2 {
            rx.recv_timeout(WAIT)
                .expect("updates after the sweeps")
                .expect("a value");
        }
        drop(subscription);
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(
            crate::ca::open_channels(&name),
            0,
            "unsubscribed, so cleared"
        );
    })
}

#[test]
fn a_put_in_flight_keeps_its_channel() {
    crate::scope(|| {
        let _turn = sweeping();
        let name = pv("slow.A"); // processing takes a second
        let channel = connect_name(&name);
        let (tx, rx) = mpsc::channel();
        channel
            .put_callback(&Value::from(1), DataType::Native, move |result| {
                let _ = tx.send(result);
            })
            .expect("put queued");
        flush_io().expect("flush");
        drop(channel);
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(crate::ca::open_channels(&name), 1, "in flight, so kept");
        rx.recv_timeout(WAIT)
            .expect("put callback")
            .expect("the put completed");
        // The request lets go of the channel once its callback has returned.
        let deadline = std::time::Instant::now() + WAIT;
        while crate::ca::open_channels(&name) > 0 && std::time::Instant::now() < deadline {
            crate::ca::sweep(Duration::ZERO);
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(crate::ca::open_channels(&name), 0, "done, so cleared");
    })
}

#[test]
fn never_found_names_are_cleared_so_the_table_stays_bounded() {
    crate::scope(|| {
        let _turn = sweeping();
        let prefix = pv("never-found:");
        let names: Vec<String> = (0..1000).map(|i| format!("{prefix}{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let channels: Vec<Channel> = Channel::open_each(&names)
            .into_iter()
            .map(|opened| opened.expect("open"))
            .collect();
        assert!(channels.iter().all(|channel| !channel.is_connected()));
        assert_eq!(crate::ca::open_channels(&prefix), 1000);
        drop(channels);
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(crate::ca::open_channels(&prefix), 0);
    })
}

#[test]
fn the_last_channel_of_a_server_stays_until_the_server_goes() {
    crate::scope(|| {
        let _turn = sweeping();
        let mut ioc = restartable_ioc();
        let prefix = ioc.pv("");
        let first = connect_name(&ioc.pv("ai.DESC"));
        let second = connect_name(&ioc.pv("ai.EGU"));
        drop(first);
        drop(second);
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(
            crate::ca::open_channels(&prefix),
            1,
            "all but the server's last cleared"
        );
        crate::ca::sweep(Duration::ZERO);
        assert_eq!(crate::ca::open_channels(&prefix), 1, "the last one stays");
        // Once another channel of the server is open, the kept one goes (a
        // period after it was kept).
        let period = Duration::from_millis(50);
        let third = connect_name(&ioc.pv("ai.LOPR"));
        std::thread::sleep(period);
        crate::ca::sweep(period);
        assert_eq!(
            crate::ca::open_channels(&prefix),
            1,
            "the kept one cleared, the one in use open"
        );
        assert!(third.is_connected());
        drop(third);
        ioc.stop();
        let deadline = std::time::Instant::now() + WAIT;
        while crate::ca::open_channels(&prefix) > 0 && std::time::Instant::now() < deadline {
            crate::ca::sweep(Duration::ZERO);
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(
            crate::ca::open_channels(&prefix),
            0,
            "the server went, so its last channel went too"
        );
        ioc.restart();
    })
}

#[test]
fn a_read_racing_sweeps_never_fails() {
    crate::scope(|| {
        // On the restartable IOC, whose circuit only this test uses meanwhile:
        // sweeps must never close it (by clearing its last channel) while a
        // read's search is answered, which libca would lose for ten seconds.
        let _turn = sweeping();
        let ioc = restartable_ioc();
        let names: Arc<[String]> = vec![ioc.pv("ai.HOPR"), ioc.pv("ai.LOPR")].into();
        let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let sweeper = {
            let done = Arc::clone(&done);
            let names = Arc::clone(&names);
            std::thread::spawn(move || {
                let mut cleared = 0;
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    let swept = crate::ca::sweep(Duration::ZERO);
                    cleared += swept
                        .iter()
                        .filter(|n| names.contains(&n.to_string()))
                        .count();
                    std::thread::sleep(Duration::from_millis(1));
                }
                cleared
            })
        };
        let readers: Vec<_> = (0..2)
            .map(|reader| {
                let names = Arc::clone(&names);
                std::thread::spawn(move || {
                    for i in 0..40 {
                        let name = &names[(reader + i) % names.len()];
                        crate::catools::caget::<f64>(name).expect("a read racing a sweep");
                        // Gaps of 0 to 3 ms, so that sweeps find channels
                        // unused at times, and reads find them cleared.
                        std::thread::sleep(Duration::from_millis(i as u64 % 4));
                    }
                })
            })
            .collect();
        for reader in readers {
            reader.join().unwrap();
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let cleared = sweeper.join().unwrap();
        assert!(cleared > 0, "the sweeps cleared channels between reads");
        drop(ioc);
    })
}
