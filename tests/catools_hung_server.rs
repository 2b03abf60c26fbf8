//! A list read across two IOCs, one of which has hung: its process stopped
//! (SIGSTOP) with its TCP circuit still open, so the kernel takes the
//! requests and nothing ever answers. The other server's reads must not wait
//! for it. This binary has its own two IOCs: libca reads the address list
//! once, at the first CA call.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use cothread::catools::{caget, ErrorKind, Get};
use support::{client_environment, Ioc};

/// Stops the IOC's process (SIGSTOP): its circuits stay open and the
/// kernel keeps taking requests, but nothing answers. The harness ends it
/// with SIGKILL, which a stopped process obeys too.
fn hang(ioc: &Ioc) {
    let pid = ioc.pid().expect("the IOC runs").to_string();
    let status = Command::new("kill").args(["-STOP", &pid]).status();
    assert!(
        status.is_ok_and(|status| status.success()),
        "kill -STOP {pid}"
    );
}

#[test]
fn a_hung_server_holds_up_none_of_the_other_servers_reads() {
    cothread::scope(|| {
        let good = Ioc::start();
        let hung = Ioc::start();
        for (name, value) in client_environment(good.port()) {
            std::env::set_var(name, value);
        }
        std::env::set_var(
            "EPICS_CA_ADDR_LIST",
            format!("127.0.0.1:{} 127.0.0.1:{}", good.port(), hung.port()),
        );
        let (good_pv, hung_pv) = (good.pv("ai"), hung.pv("longin"));
        // Both channels connected before the one server hangs.
        assert_eq!(caget::<f64>(&good_pv).unwrap(), 3.5);
        assert_eq!(caget::<f64>(&hung_pv).unwrap(), 42.0);
        hang(&hung);

        // The hung server's names first: 20,000 reads of it, then 20,000 of
        // the good one, and an empty name, which keeps the list off the warm
        // path (a list of connected channels only) so that the reads go out as
        // a list read by name sends them.
        let mut names: Vec<&str> = vec![hung_pv.as_str(); 20_000];
        names.extend(std::iter::repeat_n(good_pv.as_str(), 20_000));
        names.push("");
        let timeout = Duration::from_secs(3);
        let started = Instant::now();
        let results = Get::new().timeout(timeout).get_each::<f64, _>(&names);
        let took = started.elapsed();
        // The warm path too: every channel connected, one batch.
        let warm = Get::new()
            .timeout(timeout)
            .get_each::<f64, _>(&names[..names.len() - 1]);
        assert_eq!(
            warm.iter().filter(|result| result.is_ok()).count(),
            20_000,
            "a warm read gets every answer of the answering server"
        );

        assert_eq!(results.len(), names.len());
        let (hung_results, rest) = results.split_at(20_000);
        let (good_results, last) = rest.split_at(20_000);
        assert!(
            hung_results.iter().all(|result| result
                .as_ref()
                .is_err_and(|err| err.kind() == ErrorKind::Timeout)),
            "every read of the hung server times out"
        );
        let failed = good_results.iter().filter(|result| result.is_err()).count();
        assert_eq!(
            failed,
            0,
            "{failed} reads of the answering server failed: {:?}",
            good_results.iter().find(|result| result.is_err())
        );
        assert!(good_results
            .iter()
            .all(|result| result.as_ref().ok() == Some(&3.5)));
        assert_eq!(last[0].as_ref().unwrap_err().kind(), ErrorKind::BadString);
        assert!(
            took < timeout + Duration::from_secs(5),
            "the read took {took:?} with a {timeout:?} timeout"
        );
    })
}
