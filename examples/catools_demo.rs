//! The catools program of the cothread documentation: put to one PV, print
//! another, then monitor a third until control-C.
//!
//! ```text
//! catools_demo [PUT_PV [GET_PV [MONITOR_PV]]] [--seconds N]
//! ```
//!
//! The PVs default to `demo:ao demo:ai demo:counter`, records of the local
//! IOC that `scripts/with-ioc` starts; `--seconds N` quits after N seconds
//! instead of waiting for control-C. Run it with
//! `scripts/run-example catools_demo --seconds 3`.

use std::time::Duration;

use cothread::catools::{caget, caput, Augmented, CaError, Format, Monitor};

fn main() {
    let mut names = vec![];
    let mut seconds = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--seconds" {
            let value = args.next().and_then(|n| n.parse::<f64>().ok());
            seconds = Some(value.unwrap_or_else(|| usage("--seconds takes a number")));
        } else if arg.starts_with('-') {
            usage(&format!("unknown option {arg}"));
        } else {
            names.push(arg);
        }
    }
    if names.len() > 3 {
        usage("at most three PV names");
    }
    let defaults = ["demo:ao", "demo:ai", "demo:counter"];
    names.extend(defaults[names.len()..].iter().map(|s| s.to_string()));
    if let Err(err) = run(&names[0], &names[1], &names[2], seconds) {
        eprintln!("catools_demo: {err}");
        std::process::exit(1);
    }
}

fn run(put_pv: &str, get_pv: &str, monitor_pv: &str, seconds: Option<f64>) -> Result<(), CaError> {
    // caput('PV1', 1234): waits only for the connection, not for processing.
    caput(put_pv, 4.5)?;
    println!("put 4.5 to {put_pv}");

    // print caget('PV2'): the value with its name (and metadata, if fetched).
    let value: Augmented = caget(get_pv)?;
    println!("{value}");

    // camonitor('PV3', callback): updates arrive on the dispatcher cothread
    // while this one waits below.
    let subscription = Monitor::new()
        .format(Format::Time)
        .notify_disconnect(true)
        .subscribe(
            monitor_pv,
            |update: Result<Augmented, CaError>| match update {
                Ok(value) => println!("{value}"),
                Err(err) => println!("{err}"),
            },
        )?;

    let _timer = seconds
        .map(|seconds| cothread::Timer::new(Duration::from_secs_f64(seconds), cothread::quit));
    cothread::wait_for_quit(true).expect("wait for quit");
    subscription.close();
    Ok(())
}

fn usage(problem: &str) -> ! {
    eprintln!("catools_demo: {problem}");
    eprintln!("usage: catools_demo [PUT_PV [GET_PV [MONITOR_PV]]] [--seconds N]");
    std::process::exit(2);
}
