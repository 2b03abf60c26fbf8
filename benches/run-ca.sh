#!/usr/bin/env bash
# The side-by-side Channel Access benchmark: the same workloads on raw C libca
# (the limit), Rust cothread (benches/catools.rs, once it exists) and Python
# cothread 2.20.1, against ONE local softIoc, printed as a Markdown table.
#
#   benches/run-ca.sh
#
# Environment (all optional):
#   RUNS=3                   processes per client; every figure is the best of all
#   BENCH_REPEATS=5          timed repetitions of each warm workload per process
#   BENCH_MONITOR_SECONDS=2  how long the putter hammers the monitored PV
#   BENCH_MONITOR_RATES=10000,100000
#                            paced put rates (per second) of the extra
#                            all_updates monitor windows
#   BENCH_BATCH_WINDOW_US    Rust's batch window (catools::set_thread_batch_window)
#                            in microseconds, instead of the crate's default
#   EPICS_BASE               an EPICS base to use instead of .epics/base
#   COUNT=w1,w2,...          instead of the timed runs, count instructions with
#                            valgrind's callgrind (repeatable on a busy machine)
#                            per PV read or per update delivered of each named
#                            workload (e.g. caget_list_warm,monitor_all_10k),
#                            for raw C libca and Rust; BENCH_REPEATS=1 default
#   COUNT_KEEP=dir           with COUNT: also keep callgrind's output files in
#                            dir (for callgrind_annotate), named label.workload
#   AGAINST=path             instead of the timed runs, an A/B of monitor client
#                            CPU: RUNS rounds, each running raw C libca, this
#                            tree's Rust bench and the catools bench binary at
#                            path (e.g. a copy built from another commit), one
#                            after the other; best and median of each row
#   AGAINST_ONLY=w1,w2,...   with AGAINST: the Rust workloads (default: every
#                            monitor_all and monitor_direct window)
#
# Every client prints lines "name value unit" (and "#" comments); see
# benches/ca/README.md for the workloads and the contract a client keeps.
# Talks to 127.0.0.1 only; the IOC is stopped by its PID when this ends.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
here=benches/ca
out=target/ca-bench
runs=${RUNS:-3}
export BENCH_REPEATS=${BENCH_REPEATS:-5} BENCH_MONITOR_SECONDS=${BENCH_MONITOR_SECONDS:-2}
export BENCH_MONITOR_RATES=${BENCH_MONITOR_RATES-10000,100000}

say() { echo "run-ca: $*" >&2; }

# ---- set-up and build (not timed) ----
scripts/setup --python
base=${EPICS_BASE:-$root/.epics/base}
arch=${EPICS_HOST_ARCH:-$(ls "$base/bin" | head -n 1)}
lib="$base/lib/$arch"

# bench.db is committed; make sure nobody edited it apart from its generator.
if ! cmp -s <("$here/gen-bench-db.sh") "$here/bench.db"; then
    say "$here/bench.db differs from $here/gen-bench-db.sh's output: regenerate it"
    exit 1
fi

mkdir -p "$out"
# A real EPICS base keeps OS- and compiler-specific headers in subfolders; the
# PyPI one has them flat. -I of folders that do not exist is harmless.
os_class=$(case "$(uname -s)" in Darwin) echo Darwin ;; *) echo Linux ;; esac)
cflags=(-O2 -Wall -Wextra -I"$base/include" -I"$base/include/os/$os_class"
    -I"$base/include/compiler/gcc" -I"$base/include/compiler/clang")
for program in raw_limit putter; do
    cc "${cflags[@]}" "$here/$program.c" -o "$out/$program" \
        -L"$lib" -Wl,-rpath,"$lib" -lca -lCom
done

rust=no
if [ -f benches/catools.rs ]; then
    say "building the Rust client (cargo bench --bench catools --no-run)"
    cargo bench --quiet --bench catools --no-run
    rust=yes
fi

# ---- the IOC ----
port=$(python3 -c '
import socket
while True:
    t = socket.socket(); t.bind(("127.0.0.1", 0)); port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", port)); print(port); break
    except OSError:
        pass
')
prefix="bench$port:"
# 10,000,000 bytes: the 1,000,000-element double waveform (8 MB) plus headers,
# for the IOC and every client alike.
export EPICS_CA_ADDR_LIST=127.0.0.1 EPICS_CA_AUTO_ADDR_LIST=NO
export EPICS_CA_SERVER_PORT=$port EPICS_CA_MAX_ARRAY_BYTES=10000000
export BENCH_PREFIX=$prefix BENCH_PUTTER="$root/$out/putter"

log=$(mktemp)
results=$(mktemp -d)
EPICS_CAS_INTF_ADDR_LIST=127.0.0.1 EPICS_CAS_SERVER_PORT=$port \
EPICS_CAS_BEACON_ADDR_LIST=127.0.0.1 EPICS_CAS_AUTO_BEACON_ADDR_LIST=NO \
    "$base/bin/$arch/softIoc" -S -D "$base/dbd/softIoc.dbd" -m "P=$prefix" \
    -d "$here/bench.db" >"$log" 2>&1 &
ioc_pid=$!
stop_ioc() {
    kill "$ioc_pid" 2>/dev/null || true
    wait "$ioc_pid" 2>/dev/null || true
    rm -rf "$log" "$results"
}
trap stop_ioc EXIT INT TERM

for _ in $(seq 200); do
    grep -q "iocRun: All initialization complete" "$log" && break
    kill -0 "$ioc_pid" 2>/dev/null || { cat "$log" >&2; say "softIoc failed"; exit 1; }
    sleep 0.05
done
grep -q "iocRun: All initialization complete" "$log" || { cat "$log" >&2; say "softIoc did not start"; exit 1; }
say "softIoc (PID $ioc_pid) serves ${prefix}* on 127.0.0.1:$port"

# The waveform gets its content once, before any client reads it.
"$out/putter" --fill "${prefix}big"

# ---- the clients, each RUNS times, one after the other ----
run_client() { # label command...
    local label=$1
    shift
    for run in $(seq "$runs"); do
        say "$label: run $run of $runs"
        "$@" >"$results/run" || { say "$label failed (run $run)"; exit 1; }
        cat "$results/run" >>"$results/$label"
        grep '^#' "$results/run" >&2 || true # the clients' own notes
    done
}
# The Rust bench binary itself (under `cargo bench`, callgrind would count
# cargo, and an A/B would time cargo's start-up).
rust_binary() {
    cargo bench --quiet --bench catools --no-run --message-format=json |
        python3 -c 'import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if message.get("reason") == "compiler-artifact" and message.get("executable"):
        print(message["executable"])' | tail -n 1
}
if [ -n "${AGAINST:-}" ]; then
    windows() { # kind... -> ",kind_10k,..." for each paced rate
        local rate kind
        for rate in ${BENCH_MONITOR_RATES//,/ }; do
            for kind in "$@"; do printf ',%s_%sk' "$kind" $((rate / 1000)); done
        done
    }
    only=${AGAINST_ONLY:-monitor_all,monitor_direct$(windows monitor_all monitor_direct)}
    c_only=monitor_all,monitor_handoff$(windows monitor_all monitor_handoff)
    rust_bin=$(rust_binary)
    for round in $(seq "$runs"); do
        say "A/B round $round of $runs"
        BENCH_ONLY=$c_only "$out/raw_limit" | sed 's/^/c /' >>"$results/ab"
        BENCH_ONLY=$only "$rust_bin" | sed 's/^/this /' >>"$results/ab"
        BENCH_ONLY=$only "$AGAINST" | sed 's/^/against /' >>"$results/ab"
    done
    python3 - "$results/ab" "$runs" <<'EOF'
import collections, re, sys

figures = collections.defaultdict(list)
for line in open(sys.argv[1]):
    who, name, *rest = line.split()
    if "_cpu" in name and rest:
        figures[(who, name)].append(float(rest[0]))
print(f"Monitor client CPU in s/100k updates, {sys.argv[2]} interleaved rounds:")
print("best, as a ratio to raw C libca's best, and the median's ratio.")
print()
print("| row | raw C libca | C with a hand-off | this tree | AGAINST |")
print("| --- | ---: | ---: | ---: | ---: |")


def cell(values, c):
    """A build's best, and its best's and median's ratios to C's best `c`."""
    if not values:
        return "—"
    median = sorted(values)[len(values) // 2]
    return f"{min(values):.4g} ({min(values) / c:.2f}x; median {median / c:.2f}x)"


for name in sorted({name for who, name in figures if who == "this"}):
    c_name = re.sub("^monitor_direct(_value)?", "monitor_all", name)
    c = min(figures[("c", c_name)])
    handoff = figures.get(("c", c_name.replace("monitor_all", "monitor_handoff")))
    handoff = f"{min(handoff):.4g}" if handoff else "—"
    print(f"| {name} | {c:.4g} | {handoff} | {cell(figures[('this', name)], c)} "
          f"| {cell(figures.get(('against', name)), c)} |")
EOF
    exit 0
fi
if [ -n "${COUNT:-}" ]; then
    # Instructions per item: the whole process's count (every thread, libca's
    # included) of a run of one workload, less that of a run of none (which
    # only does the first, cold caget), divided by the items the workload
    # handled: 1,000 PVs x BENCH_REPEATS for a read, the updates delivered
    # for a monitor window (from the client's "# ... N updates" note).
    export BENCH_REPEATS=${COUNT_REPEATS:-1}
    instructions() { # file
        awk '/^(summary|totals):/ { print $2; exit }' "$1"
    }
    count() { # label workload command... -> instructions per item, or "—"
        local label=$1 workload=$2 file
        shift 2
        file="$results/$label.$workload"
        BENCH_ONLY=$workload valgrind --tool=callgrind --callgrind-out-file="$file" \
            "$@" >"$file.out" 2>/dev/null || { say "$label $workload failed under callgrind"; exit 1; }
        local base items
        base=$(instructions "$results/$label.none")
        case $workload in
        monitor_*) items=$(grep -m 1 -oE '[0-9]+ updates' "$file.out" | grep -oE '^[0-9]+') ;;
        *) items=$((1000 * BENCH_REPEATS)) ;;
        esac
        [ -n "$items" ] && [ "$items" -gt 0 ] || { echo "—"; return; }
        echo $((($(instructions "$file") - base) / items))
    }
    rust_bin=$(rust_binary)
    for label in c rust; do
        case $label in
        c) command=("$out/raw_limit") ;;
        rust) command=("$rust_bin") ;;
        esac
        BENCH_ONLY=none valgrind --tool=callgrind --callgrind-out-file="$results/$label.none" \
            "${command[@]}" >/dev/null 2>&1
    done
    echo "| workload | raw C libca | Rust cothread | Rust/C |"
    echo "| --- | ---: | ---: | ---: |"
    IFS=, read -r -a workloads <<<"$COUNT"
    for workload in "${workloads[@]}"; do
        # C's row for the same job: its all_updates callbacks run on libca's
        # thread already, and it has one warm list read.
        # C's hand-off rows are the reference of Rust's default all_updates.
        rust_workload=$workload
        case $workload in
        monitor_direct_value*) c_workload=${workload/monitor_direct_value/monitor_all} ;;
        monitor_direct*) c_workload=${workload/monitor_direct/monitor_all} ;;
        monitor_handoff*)
            c_workload=$workload
            rust_workload=${workload/monitor_handoff/monitor_all}
            ;;
        caget_channels_warm | caget_list_warm_async) c_workload=caget_list_warm ;;
        *) c_workload=$workload ;;
        esac
        c=$(count c "$c_workload" "$out/raw_limit")
        rust=$(count rust "$rust_workload" "$rust_bin")
        ratio=$(python3 -c "import sys; print(f'{int(sys.argv[2]) / int(sys.argv[1]):.2f}')" "$c" "$rust" 2>/dev/null || echo "—")
        echo "| $workload (instructions per item) | $c | $rust | $ratio |"
    done
    if [ -n "${COUNT_KEEP:-}" ]; then
        mkdir -p "$COUNT_KEEP"
        cp "$results"/{c,rust}.* "$COUNT_KEEP"/
        say "callgrind's files are in $COUNT_KEEP"
    fi
    exit 0
fi

run_client c "$out/raw_limit"
run_client python env PYTHONPATH="$root/.epics/py" python3 "$here/cothread_peer.py"
if [ "$rust" = yes ]; then
    run_client rust cargo bench --quiet --bench catools
else
    say "rust: not built yet (benches/catools.rs does not exist); its column stays empty"
fi

# ---- the table ----
echo
echo "Channel Access benchmark: best of $runs processes x $BENCH_REPEATS repetitions" \
    "(monitor: best of $runs x ${BENCH_MONITOR_SECONDS} s); $(nproc) cores; ratios > 1: the first is slower"
echo
python3 - "$results" "$rust" <<'EOF'
import os, sys

sys.path.insert(0, "benches")
from bench_table import best, cell, ratio  # noqa: E402

results, rust_built = sys.argv[1], sys.argv[2] == "yes"
# name -> (table label); the order is the table's.
WORKLOADS = [
    ("caget_list_cold", "caget 1,000 PVs, cold (connect + get)"),
    ("caget_list_warm", "caget 1,000 PVs, warm"),
    ("caget_list_warm_async", "caget 1,000 PVs, warm, Rust async face (C, Python: their warm row)"),
    ("caget_channels_warm", "caget 1,000 PVs, warm, prepared list (`Channels`)"),
    ("caget_sequential", "1,000 sequential cagets, one PV"),
    ("caput_list_wait", "caput 1,000 PVs, wait=True"),
    ("caget_waveform_1M", "caget 1,000,000-double waveform"),
    ("monitor_all_rate", "camonitor all_updates: rate"),
    ("monitor_all_cpu", "camonitor all_updates: client CPU"),
    ("monitor_merged_rate", "camonitor merged (default): rate"),
    ("monitor_merged_cpu", "camonitor merged (default): client CPU"),
]


def paced(key, label):
    """The paced windows' rows (BENCH_MONITOR_RATES) of one monitor kind."""
    rows = []
    for rate in filter(None, os.environ.get("BENCH_MONITOR_RATES", "").split(",")):
        k = f"{float(rate) / 1000:g}k"
        rows += [
            (f"{key}_rate_{k}", f"{label}, paced {k}/s: rate"),
            (f"{key}_cpu_{k}", f"{label}, paced {k}/s: client CPU"),
        ]
    return rows


WORKLOADS += paced("monitor_all", "camonitor all_updates")
# The same windows against C handing every update to a consumer thread, as
# cothread must (its callbacks run in the subscriber's thread, not libca's):
# the Rust and Python cells are their all_updates figures.
WORKLOADS += [
    ("monitor_handoff_rate", "camonitor all_updates vs C with a hand-off thread: rate"),
    ("monitor_handoff_cpu", "camonitor all_updates vs C with a hand-off thread: client CPU"),
]
WORKLOADS += paced("monitor_handoff", "camonitor all_updates vs C with a hand-off thread")
# The same windows with Rust's callback on libca's thread
# (`subscribe_on_libca_thread`), against C's all_updates figures: C's
# callback runs there too.
WORKLOADS += [
    ("monitor_direct_rate", "camonitor on libca's thread: rate"),
    ("monitor_direct_cpu", "camonitor on libca's thread: client CPU"),
]
WORKLOADS += paced("monitor_direct", "camonitor on libca's thread")
# The same with a callback of the value alone (`Result<f64, _>`): no name or
# metadata is built, as C's callback reads only its DBR_DOUBLE.
WORKLOADS += [
    ("monitor_direct_value_rate", "camonitor on libca's thread, value only: rate"),
    ("monitor_direct_value_cpu", "camonitor on libca's thread, value only: client CPU"),
]
WORKLOADS += paced("monitor_direct_value", "camonitor on libca's thread, value only")
# Rows only the Rust client prints, compared with the other clients' figure
# for the same work done their way: a prepared list and the async face's
# warm list read against C's cached chids and Python's warm caget of the list.
SAME_WORK = {
    "caget_list_warm_async": "caget_list_warm",
    "caget_channels_warm": "caget_list_warm",
}

c, rust, python = (best(results, who, "run-ca") for who in ("c", "rust", "python"))
for figures in (c, python):
    for row, same in SAME_WORK.items():
        if row not in figures and same in figures:
            figures[row] = figures[same]
# C's callback always runs on libca's thread: its all_updates figures are the
# reference of the direct rows (Python has no such mode: its cells stay empty).
for name in list(c):
    if name.startswith("monitor_all_"):
        c.setdefault(name.replace("monitor_all_", "monitor_direct_", 1), c[name])
        c.setdefault(name.replace("monitor_all_", "monitor_direct_value_", 1), c[name])
# Rust's and Python's callbacks run in the subscriber's thread already: their
# all_updates figures are the hand-off rows' other cells.
for figures in (rust, python):
    for name in list(figures):
        if name.startswith("monitor_all_"):
            figures.setdefault(name.replace("monitor_all_", "monitor_handoff_", 1), figures[name])

rust_header = "Rust cothread" if rust_built else "Rust cothread (not built yet)"
print(f"| workload | raw C libca | {rust_header} | Python cothread | Rust/C ratio | Python/Rust ratio |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for name, label in WORKLOADS:
    print(f"| {label} | {cell(c, name)} | {cell(rust, name)} | {cell(python, name)} "
          f"| {ratio(rust, c, name)} | {ratio(python, rust, name)} |")
print()
print("Times: one batch (1,000 PVs, 1,000 sequential gets, one waveform get); lower is better.")
print("Monitor rate: updates that reached the client per second while the putter hammered")
print("the PV (higher is better); CPU: the client's user+system seconds per 100,000 of them.")
print("Merged rows count the updates libca delivered, folded into fewer callbacks; C has no")
print("merging layer, so its all_updates row is the reference for both. Paced rows: the putter")
print("puts rate/1000 values every millisecond. The prepared-list row compares Rust's")
print("`Channels::get` with C's and Python's warm list read (C already keeps its chids).")
print("Rows \"on libca's thread\": Rust's `Monitor::subscribe_on_libca_thread` (every update,")
print("callback on libca's thread) against C's all_updates figures, which are the same job;")
print("\"value only\": the callback takes the bare `f64`, as C's reads only its DBR_DOUBLE, and")
print("the other rows an `Augmented<f64>` (the value with its PV name and metadata).")
print("Rows \"vs C with a hand-off thread\": Rust's and Python's all_updates (callbacks in the")
print("subscriber's thread) against C whose libca callback queues each update for a consumer")
print("thread, woken when it sleeps: the least a hand-off to another thread costs.")
EOF
