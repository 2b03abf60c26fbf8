//! Connection and access-rights events: watch some PVs and print each
//! connect (with the server, native type, element count and rights),
//! disconnect and change of access, until control-C or `--seconds N`.
//!
//! ```text
//! channel_events [PV...] [--seconds N]
//! ```
//!
//! The PVs default to `demo:ai demo:readonly demo:no-such-pv` (two records
//! of the local IOC that `scripts/with-ioc` starts, and a name no server
//! has, which tells nothing). Run it with
//! `scripts/run-example channel_events --seconds 3`, and stop the IOC or
//! change its access security meanwhile to see the other events.

use std::time::Duration;

use cothread::catools::{watch_list, ChannelEvent, Watch};

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
    if names.is_empty() {
        names = ["demo:ai", "demo:readonly", "demo:no-such-pv"]
            .map(String::from)
            .to_vec();
    }
    let watch: Watch = match watch_list(&names, print_event) {
        Ok(watch) => watch,
        Err(err) => {
            eprintln!("channel_events: {err}");
            std::process::exit(1);
        }
    };
    // The events arrive on this thread's dispatcher cothread while this one
    // waits.
    match seconds {
        Some(seconds) => cothread::sleep(Duration::from_secs_f64(seconds)),
        None => {
            let _ = cothread::wait_for_quit(true);
        }
    }
    drop(watch);
}

fn print_event(event: ChannelEvent, index: usize) {
    match event {
        ChannelEvent::Connected(info) => {
            let datatype = info.datatype.map_or("no type", |t| t.dbf_name());
            println!(
                "[{index}] {} connected to {}: {datatype} x {}, {}",
                info.name,
                info.host,
                info.element_count,
                cothread::catools::AccessRights::of(&info)
            );
        }
        other => println!("[{index}] {other}"),
    }
}

fn usage(problem: &str) -> ! {
    eprintln!("channel_events: {problem}\nusage: channel_events [PV...] [--seconds N]");
    std::process::exit(2);
}
