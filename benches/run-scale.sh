#!/usr/bin/env bash
# The facility-scale Channel Access benchmark: SCALE_IOCS softIocs, each with
# SCALE_RECORDS counters processed 10 times a second (SCALE_SCAN), every IOC
# on its own port of 127.0.0.1; the same workloads on raw C libca (the
# limit), Rust cothread (benches/scale.rs) and Python cothread 2.20.1, each
# client a fresh process, printed as a Markdown table with ratios to C.
#
#   benches/run-scale.sh                         # 10 IOCs x 10,000 = 100,000 PVs
#   SCALE_IOCS=2 SCALE_RECORDS=500 benches/run-scale.sh   # a quick try
#   SCALE_NETNS=1 benches/run-scale.sh           # each IOC a host of its own
#
# With SCALE_NETNS=1 (root, and the `ip` tool) every IOC runs in a network
# namespace of its own, as a host of its own: its own address on a private
# bridge (10.231.0.10, .11, ...; the client's side is 10.231.0.1), on CA's
# default port 5064, and the clients search by broadcast to 10.231.0.255, so
# that each search reaches every IOC and each IOC answers for its own PVs,
# as on a facility's subnet. The script makes the namespaces, the bridge and
# its veth pairs, and removes them when it ends; it stops if 10.231.0.0/24
# is in use already.
#
# Environment (all optional):
#   SCALE_IOCS=10        IOCs (each a softIoc process on its own port)
#   SCALE_RECORDS=10000  counters per IOC (1..100,000)
#   SCALE_SCAN=".1 second"  how often every counter is processed (an EPICS
#                        periodic scan: ".1 second" offers 10 updates/s per PV)
#   SCALE_SECONDS=10     the monitor window
#   SCALE_TIMEOUT=300    bound on any one phase of a client, seconds
#   SCALE_CLIENTS="c rust python"   which clients, in this order
#   SCALE_MEMORY_GB=6    address-space limit of each client process (ulimit -v):
#                        a client that falls behind must not take the machine
#   RUNS=1               processes per client; every figure is the best of all
#   SCALE_NETNS=0        1: the IOCs in network namespaces (above)
#   EPICS_BASE           an EPICS base to use instead of .epics/base
#
# Workloads and the contract a client keeps: benches/scale/README.md.
# Talks to 127.0.0.1 only (with SCALE_NETNS=1, to its private bridge only).
# Every IOC is stopped by its PID when this ends, however it ends.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
here=benches/scale
out=target/scale-bench
runs=${RUNS:-1}
clients=${SCALE_CLIENTS:-c rust python}
export SCALE_IOCS=${SCALE_IOCS:-10} SCALE_RECORDS=${SCALE_RECORDS:-10000}
export SCALE_SECONDS=${SCALE_SECONDS:-10} SCALE_TIMEOUT=${SCALE_TIMEOUT:-300}
scan=${SCALE_SCAN:-.1 second}
# Updates per second each PV offers (exported: the Python client needs it).
export SCALE_HZ
SCALE_HZ=$(python3 -c "import sys; print(f'{1 / float(sys.argv[1].split()[0]):g}')" "$scan")
memory_kib=$((${SCALE_MEMORY_GB:-6} * 1024 * 1024))
channels=$((SCALE_IOCS * SCALE_RECORDS))

say() { echo "run-scale: $*" >&2; }

if ! [[ $SCALE_IOCS =~ ^[1-9][0-9]*$ ]] || [ "$SCALE_IOCS" -gt 100 ]; then
    say "SCALE_IOCS must be 1..100, not '$SCALE_IOCS'"
    exit 2
fi

# ---- file descriptors ----
# The client holds one TCP circuit per IOC plus a few sockets and files; each
# IOC one circuit per client. Raise the soft limit to the hard one if it is
# short (the client's libca and Python's imports want a few hundred).
need_fds=$((SCALE_IOCS + 256))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_fds" ]; then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_fds" ]; then
        say "need $need_fds file descriptors, the hard limit is $(ulimit -Hn)"
        exit 1
    fi
fi

# ---- set-up and build (not timed) ----
scripts/setup --python
base=${EPICS_BASE:-$root/.epics/base}
arch=${EPICS_HOST_ARCH:-$(ls "$base/bin" | head -n 1)}
lib="$base/lib/$arch"
mkdir -p "$out"
os_class=$(case "$(uname -s)" in Darwin) echo Darwin ;; *) echo Linux ;; esac)
cc -O2 -Wall -Wextra -I"$base/include" -I"$base/include/os/$os_class" \
    -I"$base/include/compiler/gcc" -I"$base/include/compiler/clang" \
    "$here/raw_scale.c" -o "$out/raw_scale" -L"$lib" -Wl,-rpath,"$lib" -lca -lCom
rust_bench=
case " $clients " in *" rust "*)
    say "building the Rust client (cargo bench --bench scale --no-run)"
    # Run directly, not through cargo: the limits and timeout(1) below then
    # apply to the client itself, and nothing of cargo's is in its figures.
    rust_bench=$(cargo bench --quiet --bench scale --no-run --message-format=json |
        python3 -c '
import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if (message.get("reason") == "compiler-artifact" and message["target"]["name"] == "scale"
            and message.get("executable")):
        print(message["executable"])')
    [ -x "$rust_bench" ] || { say "cannot find the built Rust client"; exit 1; } ;;
esac

# ---- the IOCs ----
work=$(mktemp -d)
ioc_pids=()
client_pid=
netns=${SCALE_NETNS:-0}
subnet=10.231.0
# Short names (interfaces take at most 15 characters), unique to this run.
tag=cts$$
namespaces=()
bridge=
remove_netns() {
    for ns in "${namespaces[@]}"; do
        ip netns delete "$ns" 2>/dev/null || true # its veth pair goes with it
    done
    if [ -n "$bridge" ]; then
        ip link delete "$bridge" 2>/dev/null || true
    fi
}
stop_iocs() {
    # A client still running (this script was interrupted) goes first.
    if [ -n "$client_pid" ]; then
        kill "$client_pid" 2>/dev/null || true
        wait "$client_pid" 2>/dev/null || true
    fi
    for pid in "${ioc_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${ioc_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    remove_netns
    rm -rf "$work"
}
trap stop_iocs EXIT
trap 'exit 130' INT TERM

# SCALE_IOCS distinct ports, each free for TCP and UDP on 127.0.0.1 now.
read -r -a ports <<<"$(python3 - "$SCALE_IOCS" <<'EOF'
import socket, sys
ports = []
while len(ports) < int(sys.argv[1]):
    t = socket.socket(); t.bind(("127.0.0.1", 0)); port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", port))
    except OSError:
        continue
    if port not in ports:
        ports.append(port)
print(" ".join(map(str, ports)))
EOF
)"
prefix="scale${ports[0]}-"
"$here/gen-scale-db.sh" "$SCALE_RECORDS" "$scan" >"$work/scale.db"

addr_list=()
if [ "$netns" = 1 ]; then
    [ "$(id -u)" = 0 ] && command -v ip >/dev/null ||
        { say "SCALE_NETNS=1 needs root and the ip tool"; exit 1; }
    if ip -4 -o addr show | grep -q " $subnet\."; then
        say "$subnet.0/24 is in use on this machine: not making the test hosts there"
        exit 1
    fi
    bridge=${tag}br
    ip link add "$bridge" type bridge
    ip addr add "$subnet.1/24" brd + dev "$bridge"
    ip link set "$bridge" up
    for k in $(seq 0 $((SCALE_IOCS - 1))); do
        ns=${tag}n$k
        ip netns add "$ns"
        namespaces+=("$ns")
        ip link add "${tag}h$k" type veth peer name "${tag}i$k"
        ip link set "${tag}i$k" netns "$ns"
        ip link set "${tag}h$k" master "$bridge" up
        ip -n "$ns" addr add "$subnet.$((10 + k))/24" brd + dev "${tag}i$k"
        ip -n "$ns" link set "${tag}i$k" up
        ip -n "$ns" link set lo up
    done
    addr_list=("$subnet.255")
fi
for k in $(seq 0 $((SCALE_IOCS - 1))); do
    # -S: no IOC shell; the IOC runs until stop_iocs kills it.
    if [ "$netns" = 1 ]; then
        # A host of its own: every address it has is its own, and the port
        # is CA's default. `ip netns exec` becomes the IOC (same PID).
        ip netns exec "${tag}n$k" env -u EPICS_CA_SERVER_PORT -u EPICS_CAS_SERVER_PORT \
            -u EPICS_CAS_INTF_ADDR_LIST -u EPICS_CAS_BEACON_ADDR_LIST -u EPICS_CAS_AUTO_BEACON_ADDR_LIST \
            EPICS_CA_ADDR_LIST="$subnet.255" EPICS_CA_AUTO_ADDR_LIST=NO \
            "$base/bin/$arch/softIoc" -S -D "$base/dbd/softIoc.dbd" -m "P=$prefix$k:" \
            -d "$work/scale.db" >"$work/ioc$k.log" 2>&1 &
    else
        port=${ports[$k]}
        addr_list+=("127.0.0.1:$port")
        EPICS_CA_ADDR_LIST=127.0.0.1 EPICS_CA_AUTO_ADDR_LIST=NO \
        EPICS_CAS_INTF_ADDR_LIST=127.0.0.1 EPICS_CAS_SERVER_PORT=$port \
        EPICS_CAS_BEACON_ADDR_LIST=127.0.0.1 EPICS_CAS_AUTO_BEACON_ADDR_LIST=NO \
            "$base/bin/$arch/softIoc" -S -D "$base/dbd/softIoc.dbd" -m "P=$prefix$k:" \
            -d "$work/scale.db" >"$work/ioc$k.log" 2>&1 &
    fi
    ioc_pids+=($!)
done
for k in $(seq 0 $((SCALE_IOCS - 1))); do
    for _ in $(seq 1200); do # up to 60 s: big databases on a loaded machine
        grep -q "iocRun: All initialization complete" "$work/ioc$k.log" && break
        kill -0 "${ioc_pids[$k]}" 2>/dev/null || { cat "$work/ioc$k.log" >&2; say "softIoc $k failed"; exit 1; }
        sleep 0.05
    done
    grep -q "iocRun: All initialization complete" "$work/ioc$k.log" ||
        { cat "$work/ioc$k.log" >&2; say "softIoc $k did not start"; exit 1; }
done
if [ "$netns" = 1 ]; then
    where="hosts $subnet.10 to $subnet.$((9 + SCALE_IOCS)) (network namespaces), port 5064"
else
    where="127.0.0.1 ports ${ports[*]}"
fi
say "$SCALE_IOCS softIocs (PIDs ${ioc_pids[*]}) serve ${prefix}K:c:NNNNN," \
    "$SCALE_RECORDS counters each, on $where"

export EPICS_CA_ADDR_LIST="${addr_list[*]}" EPICS_CA_AUTO_ADDR_LIST=NO
if [ "$netns" = 1 ]; then
    # The clients' searches go out as broadcasts, and the replies come back
    # from CA's default port.
    unset EPICS_CA_SERVER_PORT
fi
export SCALE_PREFIX=$prefix SCALE_IOC_PIDS="${ioc_pids[*]}" SCALE_CLK_TCK=$(getconf CLK_TCK)

# CPU seconds (user + system) all the IOCs have used so far.
iocs_cpu() {
    local ticks=0 pid fields
    for pid in "${ioc_pids[@]}"; do
        # Fields 14 and 15 of /proc/PID/stat (after the ")" of the name: 12 and 13).
        read -r -a fields <<<"$(sed 's/.*) //' "/proc/$pid/stat")"
        ticks=$((ticks + fields[11] + fields[12]))
    done
    python3 -c "import os, sys; print(f'{int(sys.argv[1]) / os.sysconf(\"SC_CLK_TCK\"):.1f}')" "$ticks"
}

# ---- the clients, each RUNS times, one after the other ----
results="$work/results"
mkdir -p "$results"
run_client() { # label command...
    local label=$1 cpu_before end start_line
    shift
    for run in $(seq "$runs"); do
        say "$label: run $run of $runs"
        cpu_before=$(iocs_cpu)
        # In a subshell: the limits bind the client only. timeout(1) ends the
        # client it started, should every phase's own bound fail to (and
        # passes on the TERM that stop_iocs sends it). In the background, so
        # that an interrupt is handled at once, not when the client is done.
        (
            ulimit -v "$memory_kib"
            exec timeout -s KILL $((SCALE_TIMEOUT * 4 + SCALE_SECONDS + 60)) "$@"
        ) >"$results/run" &
        client_pid=$!
        wait "$client_pid" || {
            cat "$results/run" >&2
            say "$label failed (run $run)"
            exit 1
        }
        client_pid=
        end=$EPOCHREALTIME
        grep '^#' "$results/run" >&2 || true # the clients' own notes
        say "$label: the IOCs used $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" \
            "$cpu_before" "$(iocs_cpu)") CPU s during this run"
        # teardown_start is a wall-clock mark; the time to exit is ours to take.
        start_line=$(grep '^teardown_start ' "$results/run" || true)
        grep -v '^teardown_start ' "$results/run" >>"$results/$label" || true
        if [ -n "$start_line" ]; then
            python3 -c "import sys; print(f'teardown_to_exit {(float(sys.argv[2]) - float(sys.argv[1])) * 1e3:.6g} ms')" \
                "$(echo "$start_line" | cut -d' ' -f2)" "$end" >>"$results/$label"
        fi
    done
}
for client in $clients; do
    case $client in
    c) run_client c "$out/raw_scale" ;;
    rust) run_client rust "$rust_bench" ;;
    python) run_client python env PYTHONPATH="$root/.epics/py" python3 "$here/cothread_scale.py" ;;
    *) say "unknown client '$client' (c, rust, python)"; exit 2 ;;
    esac
done

# ---- the table ----
echo
echo "Facility-scale Channel Access benchmark: $SCALE_IOCS IOCs x $SCALE_RECORDS counters" \
    "= $channels PVs at $SCALE_HZ Hz each ($(python3 -c "print(f'{$channels * $SCALE_HZ:,.0f}')") updates/s offered), monitor window" \
    "${SCALE_SECONDS} s; best of $runs process(es); $(nproc) cores shared by IOCs and client;" \
    "ratios > 1: the first is slower"
echo
python3 - "$results" "$channels" <<'EOF'
import os, sys

sys.path.insert(0, "benches")
from bench_table import best, cell, ratio  # noqa: E402

results, channels = sys.argv[1], int(sys.argv[2])
n = f"{channels:,}"
# (name, label, ratio?) in the table's order.
WORKLOADS = [
    ("connect_get_cold", f"connect + get {n} PVs, cold", True),
    ("rss_per_channel", "client memory per connected channel", True),
    ("subscribe_all", f"subscribe to {n} PVs (to every first update)", True),
    ("rss_per_subscription", "client memory per subscription", True),
    ("monitor_iocs_cpu", "monitor: the IOCs' CPU (all of them)", False),
    ("monitor_produced", "monitor: updates the IOCs produced", False),
    ("monitor_rate", "monitor: updates delivered to the client", True),
    ("monitor_cpu", "monitor: client CPU", True),
    ("unsubscribe_all", f"close {n} subscriptions", True),
    ("clear_channels", f"clear {n} channels + destroy the context", True),
    ("teardown_to_exit", "everything cleared, process gone", True),
]

c, rust, python = (best(results, who, "run-scale") for who in ("c", "rust", "python"))

print("| workload | raw C libca | Rust cothread | Python cothread | Rust/C ratio | Python/C ratio |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for name, label, ratios in WORKLOADS:
    rust_ratio = ratio(rust, c, name) if ratios else "—"
    python_ratio = ratio(python, c, name) if ratios else "—"
    print(f"| {label} | {cell(c, name)} | {cell(rust, name)} | {cell(python, name)} "
          f"| {rust_ratio} | {python_ratio} |")
print()
print("Times: lower is better. Memory: growth of the client's resident set over the phase,")
print("per channel. Monitor: 'produced' is the growth of the counters the client saw (what")
print("the IOCs managed to process, against the nominal offer above); 'delivered' the updates")
print("that reached the client's callbacks per second; CPU the client's user+system seconds")
print("per 100,000 of them. Rust keeps its channels for the life of the process (as Python's")
print("catools does until exit), so only C clears them before exiting.")
EOF
