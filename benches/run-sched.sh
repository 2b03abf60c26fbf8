#!/bin/sh
# Runs the scheduler benchmarks side by side: benches/sched.rs (Rust) and
# benches/sched_cothread.py (Python cothread 2.20.1), and prints a Markdown
# table. Usage: benches/run-sched.sh   (from anywhere in the repository)
# SCHED_BENCH_BIN=path runs that already built benches/sched.rs binary
# instead of building the working tree's (to interleave runs of two builds).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
pydir="$root/.pybench"            # git-ignored
cd "$root"

# Python cothread, installed once into the git-ignored folder.
if ! PYTHONPATH="$pydir" python3 -c 'import cothread, sys; sys.exit(cothread.__version__ != "2.20.1")' 2>/dev/null; then
    python3 -m pip install --quiet --target "$pydir" cothread==2.20.1
fi

rust=$(mktemp) py=$(mktemp)
trap 'rm -f "$rust" "$py"' EXIT
if [ -n "${SCHED_BENCH_BIN:-}" ]; then
    "$SCHED_BENCH_BIN" --bench > "$rust"
else
    cargo bench --quiet --bench sched > "$rust"
fi
PYTHONPATH="$pydir" python3 benches/sched_cothread.py > "$py"

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr), $(rustc --version | cut -d' ' -f1-2), Python $(python3 -c 'import platform; print(platform.python_version())')"
echo
awk '
    FNR == NR { rust[$1] = $2; unit[$1] = $3; order[++n] = $1; next }
    { py[$1] = $2 }
    END {
        print "| workload | unit | Rust cothread | Python cothread | Rust vs Python |"
        print "|---|---|---:|---:|---:|"
        for (i = 1; i <= n; i++) {
            k = order[i]
            p = (k in py) ? py[k] : ""
            if (k == "bare_corosensei_resume_suspend") p = py["bare_coroutine_resume_suspend"]
            # Python cothread runs every cothread on its shared stack.
            if (k == "yield_switches") p = py["yield_switches_shared_stack"]
            if (k == "event_round_trips") p = py["event_round_trips_shared_stack"]
            # Python has no stack pool: its one run is a first run too.
            if (k == "spawn_block_wake_join_first_run") p = py["spawn_block_wake_join_per_cothread"]
            ratio = ""
            if (p != "" && p + 0 > 0 && rust[k] + 0 > 0) {
                # Higher is better for M/s; lower is better for time, memory, CPU.
                if (unit[k] == "M/s") ratio = sprintf("%.0fx faster", rust[k] / p)
                else ratio = sprintf("%.1fx less", p / rust[k])
            }
            printf "| %s | %s | %s | %s | %s |\n", k, unit[k], rust[k], (p == "" ? "-" : p), ratio
        }
    }' "$rust" "$py"
