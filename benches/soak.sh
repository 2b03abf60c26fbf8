#!/usr/bin/env bash
# The soak test: a long-running Channel Access client under churn (thread
# churn, IOC restarts, name churn; see benches/soak.rs), sampled for open fds,
# threads and RSS, against its own softIoc on 127.0.0.1 (started on a free
# port, ended by PID). Prints a Markdown table and a verdict per phase and
# figure ("flat" or "GROWING"); fails if the subscriptions
# stopped updating. Not part of the test suite: it takes a few minutes.
#
#   benches/soak.sh
#
# Environment (all optional):
#   SOAK_SUBSCRIPTIONS=400  live subscriptions on the main thread throughout
#   SOAK_THREADS=1000       short-lived threads, each with one camonitor
#   SOAK_RESTARTS=20        IOC restarts on the same port
#   SOAK_NAME_ROUNDS=5      rounds of 2,000 never-found names read once each
#   SOAK_KEEP_CHANNELS=1    the control of the name rounds: never clear channels
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup
cargo bench --quiet --bench soak --no-run
echo "soak: $(nproc) cores, $(uname -sr), commit $(git rev-parse --short HEAD)" >&2
SOAK=1 cargo bench --quiet --bench soak
