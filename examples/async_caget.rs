//! Channel Access from a tokio program, with no cothread thread: the async
//! face of catools (`cothread::catools_async`).
//!
//! Reads three PVs concurrently, then the same three as one list, writes a
//! setpoint and waits for the record to process, describes a channel, and follows a counter as a stream for a
//! few updates; a PV that nobody serves fails with the cothread face's
//! `NotFound` error after a tokio timer.
//!
//! ```text
//! async_caget [PREFIX]
//! ```
//!
//! The records are `PREFIX` + `ai`, `ao`, `counter` (default prefix `demo:`,
//! the local IOC that `scripts/with-ioc` starts). Run it with
//! `scripts/run-example async_caget`.

use std::time::Duration;

use cothread::catools::{Augmented, CaError, Format, Get, Put};
use cothread::catools_async::{caget, caget_list, caget_with, cainfo, camonitor, caput_with};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), CaError> {
    let prefix = std::env::args().nth(1).unwrap_or_else(|| "demo:".into());
    let [ai, ao, counter] = ["ai", "ao", "counter"].map(|name| format!("{prefix}{name}"));

    // Three reads in flight at once, each its own future.
    let stamped = Get::new().format(Format::Time);
    let (ai_value, ao_value, count) = tokio::join!(
        caget::<f64>(&ai),
        caget_with::<Augmented<f64>>(&stamped, &ao),
        caget::<f64>(&counter),
    );
    let ao_value = ao_value?;
    println!("{ai} = {}", ai_value?);
    match ao_value.meta.timestamp {
        Some(stamp) => println!("{ao} = {} at {stamp}", ao_value.value),
        None => println!("{ao} = {}", ao_value.value),
    }
    println!("{counter} = {}", count?);

    // The same PVs as one list: one future, one batch once connected.
    let values: Vec<f64> = caget_list(&[&ai, &ao, &counter]).await?;
    println!("[{ai}, {ao}, {counter}] = {values:?}");

    // A put that returns once the record has processed.
    caput_with(&Put::new().wait(true), &ao, 2.5).await?;
    println!("{ao} now = {}", caget::<f64>(&ao).await?);

    println!("{}", cainfo(&ai).await?);

    // A subscription as a stream; dropping it clears the subscription.
    let mut updates = camonitor::<f64>(&counter)?;
    for _ in 0..3 {
        match tokio::time::timeout(Duration::from_secs(5), updates.next()).await {
            Ok(Some(update)) => println!("{counter} -> {}", update?),
            Ok(None) | Err(_) => println!("{counter}: no update within 5 s"),
        }
    }
    drop(updates);

    // No server serves this name: give up after a tokio timer, with the
    // same error the cothread face gives at its timeout.
    let missing = format!("{prefix}no:such:pv");
    let error = caget::<f64>(&missing)
        .with_timeout(tokio::time::sleep(Duration::from_millis(500)))
        .await
        .unwrap_err();
    println!("{error}");
    Ok(())
}
