"""The facility-scale workloads on Python cothread.catools 2.20.1.

Run by benches/run-scale.sh (PYTHONPATH=.epics/py); the same workloads,
order, environment and output lines ("name value unit", "#" comments) as
raw_scale.c, which describes them (contract: benches/scale/README.md). Each
workload is what a cothread user writes for the job: one catools call per
step, no tuning.
"""

import os
import resource
import sys
import time

import cothread
from cothread import catools

PREFIX = os.environ.get("SCALE_PREFIX", "")
IOCS = int(os.environ.get("SCALE_IOCS") or 0)
RECORDS = int(os.environ.get("SCALE_RECORDS") or 0)
SECONDS = float(os.environ.get("SCALE_SECONDS") or 10)
TIMEOUT = float(os.environ.get("SCALE_TIMEOUT") or 300)
# Merged by default: with all_updates, cothread queues every update without
# bound while it falls behind (at 100,000 updates/s offered it grew past
# 20 GB in minutes).
ALL_UPDATES = int(os.environ.get("SCALE_PYTHON_ALL_UPDATES") or 0) != 0
# Above this offered rate the monitor phase is skipped: Python's callbacks
# run on libca's receive threads under the GIL, and once they need more than
# the machine has, those threads and the main thread fight over the GIL and
# libca's locks and nothing progresses (at 100,000 updates/s offered over 4
# circuits the subscribing main thread got 2 CPU s in 2 minutes). Python
# handles ~40,000 updates/s on this machine.
MAX_OFFERED = float(os.environ.get("SCALE_PYTHON_MAX_OFFERED") or 20000)
if not PREFIX or IOCS < 1 or RECORDS < 1:
    sys.exit("cothread_scale: set SCALE_PREFIX, SCALE_IOCS, SCALE_RECORDS"
             " (benches/run-scale.sh does)")
NAMES = [f"{PREFIX}{k}:c:{i:05d}" for k in range(IOCS) for i in range(RECORDS)]


def report(name, value, unit):
    print(f"{name} {value:.6g} {unit}", flush=True)


def rss_bytes():
    """VmRSS of /proc/self/status, as every client of the benchmark reads it."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024.0
    sys.exit("cothread_scale: no VmRSS in /proc/self/status")


def iocs_cpu_seconds():
    """CPU seconds (user + system) the IOCs have used so far: fields 14 and 15
    of /proc/PID/stat of every PID in SCALE_IOC_PIDS (0 if it is not set)."""
    ticks = 0
    for pid in os.environ.get("SCALE_IOC_PIDS", "").split():
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()  # from field 3 on
        ticks += int(fields[14 - 3]) + int(fields[15 - 3])
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_seconds():
    """CPU seconds (user + system) of this process, libca's threads included."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    # ---- cold: every name to a value (the first CA traffic) ----
    # Importing catools has loaded libca and created the context already, so
    # unlike C's and Rust's, this baseline includes them.
    rss_start = rss_bytes()
    start = time.perf_counter()
    values = catools.caget(NAMES, timeout=TIMEOUT)
    report("connect_get_cold", (time.perf_counter() - start) * 1e3, "ms")
    assert len(values) == len(NAMES)
    rss_connected = rss_bytes()
    report("rss_per_channel", (rss_connected - rss_start) / len(NAMES), "bytes")

    offered = len(NAMES) * float(os.environ.get("SCALE_HZ") or 10)
    if offered > MAX_OFFERED:
        print(f"# monitor skipped: {offered:.0f} updates/s offered, more than Python keeps up"
              f" with (SCALE_PYTHON_MAX_OFFERED={MAX_OFFERED:.0f})", flush=True)
        return

    # ---- subscribe to everything, until every first update is in ----
    last = [None] * len(NAMES)
    counts = {"first": 0, "callbacks": 0, "updates": 0, "produced": 0}
    all_first = cothread.Event()

    def on_update(value, index):
        previous, last[index] = last[index], value
        if previous is None:
            counts["first"] += 1
            if counts["first"] == len(NAMES):
                all_first.Signal()
            return
        counts["callbacks"] += 1
        counts["updates"] += value.update_count
        counts["produced"] += int(value - previous)

    start = time.perf_counter()
    subscriptions = catools.camonitor(NAMES, on_update, all_updates=ALL_UPDATES)
    all_first.Wait(TIMEOUT)
    report("subscribe_all", (time.perf_counter() - start) * 1e3, "ms")
    report("rss_per_subscription", (rss_bytes() - rss_connected) / len(NAMES), "bytes")
    # Kept until now, as C keeps its values in its channels' array: freed
    # earlier, their memory would be reused by the subscriptions and hide
    # part of their cost.
    del values

    # ---- the monitor window, after a second to drain the first burst ----
    cothread.Sleep(1)
    before = dict(counts)
    start, cpu_start, iocs_cpu_start = time.perf_counter(), cpu_seconds(), iocs_cpu_seconds()
    cothread.Sleep(SECONDS)
    elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
    iocs_cpu = iocs_cpu_seconds() - iocs_cpu_start
    callbacks, updates, produced = (
        counts[key] - before[key] for key in ("callbacks", "updates", "produced"))
    print(f"# monitor (all_updates={ALL_UPDATES}): {callbacks} callbacks for {updates}"
          f" updates of {produced} produced in {elapsed:.3f} s, {cpu:.3f} CPU s", flush=True)
    report("monitor_iocs_cpu", iocs_cpu / elapsed, "cores")
    report("monitor_produced", produced / elapsed, "updates/s")
    report("monitor_rate", updates / elapsed, "updates/s")
    report("monitor_cpu", cpu / updates * 1e5 if updates else 0, "s/100k")

    # ---- clear everything; the runner times from here to the exit ----
    # (catools clears the channels and destroys the context at exit.)
    print(f"teardown_start {time.time():.6f} epoch_s", flush=True)
    start = time.perf_counter()
    for subscription in subscriptions:
        subscription.close()
    report("unsubscribe_all", (time.perf_counter() - start) * 1e3, "ms")


if __name__ == "__main__":
    main()
