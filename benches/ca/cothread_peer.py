"""The Channel Access benchmark's workloads on Python cothread.catools 2.20.1.

Run by benches/run-ca.sh (PYTHONPATH=.epics/py); the same workloads, order,
environment and output lines ("name value unit", "#" comments) as
raw_limit.c, which describes them. Each workload is what a cothread user
writes for the job: one catools call per step, no tuning.
"""

import os
import resource
import subprocess
import sys
import time

import cothread
from cothread import catools

N_PVS = 1000
TIMEOUT = 10.0  # seconds for any single call; far above any result


def required_env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"cothread_peer: set {name} (benches/run-ca.sh does)")
    return value


PREFIX = required_env("BENCH_PREFIX")
PUTTER = required_env("BENCH_PUTTER")
REPEATS = int(os.environ.get("BENCH_REPEATS") or 5)
MONITOR_SECONDS = float(os.environ.get("BENCH_MONITOR_SECONDS") or 2)
NAMES = [f"{PREFIX}pv:{i:04d}" for i in range(N_PVS)]


def report(name, value, unit):
    print(f"{name} {value:.6g} {unit}", flush=True)


def cpu_seconds():
    """CPU seconds (user + system) of this process, libca's threads included."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_ms(action):
    start = time.perf_counter()
    result = action()
    return (time.perf_counter() - start) * 1e3, result


def caget_list_cold():
    # First CA traffic of the process: name search, connect and get of all
    # 1,000 overlap inside the one call.
    elapsed, values = timed_ms(lambda: catools.caget(NAMES, timeout=TIMEOUT))
    assert len(values) == N_PVS
    report("caget_list_cold", elapsed, "ms")


def caget_list_warm():
    for _ in range(REPEATS):
        elapsed, _values = timed_ms(lambda: catools.caget(NAMES, timeout=TIMEOUT))
        report("caget_list_warm", elapsed, "ms")


def caget_sequential():
    name = NAMES[0]
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(N_PVS):
            catools.caget(name, timeout=TIMEOUT)
        report("caget_sequential", (time.perf_counter() - start) * 1e3, "ms")


def caput_list_wait():
    for r in range(REPEATS):
        values = [r * N_PVS + i + 0.5 for i in range(N_PVS)]
        elapsed, _ = timed_ms(
            lambda: catools.caput(NAMES, values, wait=True, timeout=TIMEOUT))
        report("caput_list_wait", elapsed, "ms")


def caget_waveform():
    name = PREFIX + "big"
    # repeats + 1: the first get (which also connects) is a warm-up.
    for r in range(REPEATS + 1):
        elapsed, value = timed_ms(lambda: catools.caget(name, timeout=TIMEOUT))
        n = len(value)
        if n != 1_000_000 or value[-1] != (n - 1) * 0.25 + 1.0 / n:
            sys.exit("cothread_peer: the waveform is not what `putter --fill` wrote")
        if r > 0:
            report("caget_waveform_1M", elapsed, "ms")


def monitor(all_updates, rate=None):
    """Counts updates of $(P)mon while the putter hammers it (see putter.c),
    as fast as it can or paced at `rate` puts per second."""
    name = PREFIX + "mon"
    kind = "all" if all_updates else "merged"
    suffix = "" if rate is None else f"_{rate / 1000:g}k"
    counts = {"callbacks": 0, "updates": 0, "seen_first": False}
    first, last = cothread.Event(), cothread.Event()

    def on_update(value):
        # The plain counting callback; update_count is 1 with all_updates and
        # the number of merged updates otherwise.
        counts["callbacks"] += 1
        counts["updates"] += value.update_count
        if not counts["seen_first"]:
            counts["seen_first"] = True
            first.Signal()
        elif value == -1.0:
            last.Signal()

    subscription = catools.camonitor(name, on_update, all_updates=all_updates)
    first.Wait(TIMEOUT)
    putter = subprocess.Popen(
        [PUTTER, name, str(MONITOR_SECONDS)] + ([] if rate is None else [f"{rate:g}"]),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    # A blocking read is fine here: nothing else needs the scheduler yet.
    if putter.stdout.readline() != "ready\n":
        sys.exit("cothread_peer: the putter did not get ready")

    counts["callbacks"] = counts["updates"] = 0
    start, cpu_start = time.perf_counter(), cpu_seconds()
    putter.stdin.write("go\n")
    putter.stdin.flush()
    # Python falls behind the putter: it may need several times the putting
    # window to drain what was sent. The bound only stops a hang.
    last.Wait(MONITOR_SECONDS * 30 + TIMEOUT)
    elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start

    subscription.close()
    putter.stdin.close()
    if putter.wait() != 0:
        sys.exit("cothread_peer: the putter failed")
    updates = counts["updates"]
    print(f"# monitor {kind}{suffix}: {counts['callbacks']} callbacks for {updates} updates"
          f" in {elapsed:.3f} s, {cpu:.3f} CPU s", flush=True)
    report(f"monitor_{kind}_rate{suffix}", updates / elapsed, "updates/s")
    report(f"monitor_{kind}_cpu{suffix}", cpu / updates * 1e5, "s/100k")


def main():
    caget_list_cold()  # first: nothing is connected yet
    caget_list_warm()
    caget_sequential()
    caput_list_wait()
    caget_waveform()
    monitor(all_updates=True)
    monitor(all_updates=False)
    rates = os.environ.get("BENCH_MONITOR_RATES", "10000,100000")
    for rate in filter(None, rates.split(",")):
        monitor(all_updates=True, rate=float(rate))


if __name__ == "__main__":
    main()
