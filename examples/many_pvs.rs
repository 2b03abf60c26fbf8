//! Many PVs at once: one `caget` of a list, read in parallel, then the PV
//! helpers: a [`Pv`] that follows a counter and a [`PvArray`] of three PVs.
//!
//! ```text
//! many_pvs [PREFIX]
//! ```
//!
//! PREFIX defaults to `demo:`, the records of the local IOC that
//! `scripts/with-ioc` starts. Run it with `scripts/run-example many_pvs`.

use std::time::{Duration, Instant};

use cothread::catools::{Augmented, CaError, Get};
use cothread::pv::{Pv, PvArray};

const RECORDS: [&str; 10] = [
    "ai",
    "ao",
    "bi",
    "mbbi",
    "longin",
    "longout",
    "stringin",
    "lsi.VAL$",
    "wf:double",
    "counter",
];

fn main() {
    let prefix = std::env::args().nth(1).unwrap_or_else(|| "demo:".into());
    if let Err(err) = run(&prefix) {
        eprintln!("many_pvs: {err}");
        std::process::exit(1);
    }
}

fn run(prefix: &str) -> Result<(), CaError> {
    // One call for the whole list: the connections and reads overlap, so ten
    // PVs cost about one round trip, not ten.
    let names: Vec<String> = RECORDS.iter().map(|r| format!("{prefix}{r}")).collect();
    let started = Instant::now();
    let readings = Get::new().get_list::<Augmented, _>(&names)?;
    println!("caget of {} PVs in {:?}:", names.len(), started.elapsed());
    for reading in &readings {
        println!("  {reading}");
    }

    // get_each (Python's throw=False): each PV its own result, so one PV
    // nobody serves does not spoil the others.
    let names = [format!("{prefix}ai"), format!("{prefix}no-such-record")];
    let each = Get::new()
        .timeout(Duration::from_millis(500))
        .get_each::<f64, _>(&names);
    for (name, result) in names.iter().zip(each) {
        match result {
            Ok(value) => println!("  {name} = {value}"),
            Err(err) => println!("  {err}"),
        }
    }

    // A Pv always holds the latest value; get_next waits for a fresh one.
    let counter: Pv<f64> = Pv::new(&format!("{prefix}counter"))?;
    counter.sync(Duration::from_secs(5))?;
    println!("counter is at {}", counter.get()?.value);
    for _ in 0..3 {
        let next = counter.get_next(Duration::from_secs(5), true)?;
        println!("counter moved to {}", next.value);
    }

    // A PvArray: the latest values of many PVs as one array, with alarms.
    let array: PvArray<f64> = PvArray::new(
        &[
            format!("{prefix}ai"),
            format!("{prefix}ao"),
            format!("{prefix}longin"),
        ],
        1,
    )?;
    array.sync(Duration::from_secs(5))?;
    println!(
        "array {:?}: values {:?}, severities {:?}, all ok: {}",
        array.names(),
        array.get(),
        array.severity(),
        array.all_ok()
    );
    Ok(())
}
