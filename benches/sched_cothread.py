#!/usr/bin/env python3
"""Python cothread side of benches/run-sched.sh: the workloads of
benches/sched.rs on cothread 2.20.1. Prints one `name value unit` line per
figure, with the same names as the Rust bench."""

import os
import resource
import sys
import threading
import time

import cothread
from cothread import _coroutine


def report(name, value, unit):
    print(f"{name} {value:.3f} {unit}", flush=True)


def best_of_3(f, higher_is_better=True):
    """Best of three runs, as in the Rust bench (the VM is noisy)."""
    runs = [f(), f(), f()]
    return max(runs) if higher_is_better else min(runs)


def peak_rss_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def live_cothreads(n):
    base = peak_rss_kib()
    go = cothread.Event(auto_reset=False)
    start = time.perf_counter()
    tasks = [cothread.Spawn(go.Wait) for _ in range(n)]
    cothread.Yield()
    peak = peak_rss_kib()
    go.Signal()
    for t in tasks:
        t.Wait()
    per = (time.perf_counter() - start) / n
    report("spawn_block_wake_join_per_cothread", per * 1e6, "us")
    report("live_100k_peak_rss", peak / 1024.0, "MiB")
    report("live_100k_rss_per_cothread", (peak - base) * 1024.0 / n, "bytes")


def yield_ping_pong(n):
    def body():
        for _ in range(n):
            cothread.Yield()
    start = time.perf_counter()
    a, b = cothread.Spawn(body), cothread.Spawn(body)
    a.Wait()
    b.Wait()
    return 2 * n / (time.perf_counter() - start)


def event_round_trips(n):
    ping, pong = cothread.Event(), cothread.Event()

    def echo():
        for _ in range(n):
            pong.Signal(ping.Wait() + 1)

    def driver():
        v = 0
        for _ in range(n):
            ping.Signal(v)
            v = pong.Wait()
        return v

    e = cothread.Spawn(echo)
    start = time.perf_counter()
    d = cothread.Spawn(driver, raise_on_wait=True)
    assert d.Wait() == n
    e.Wait()
    return n / (time.perf_counter() - start)


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def sleepers_cpu(n):
    cpu0 = cpu_seconds()
    end = time.monotonic() + 1.0

    def body():
        while time.monotonic() < end:
            cothread.Sleep(0.01)
    tasks = [cothread.Spawn(body) for _ in range(n)]
    for t in tasks:
        t.Wait()
    return cpu_seconds() - cpu0


def threaded_queue(n):
    q = cothread.ThreadedEventQueue()

    def producer():
        for i in range(n):
            q.Signal(i)
    start = time.perf_counter()
    t = threading.Thread(target=producer)
    t.start()
    for _ in range(n):
        q.Wait()
    t.join()
    return n / (time.perf_counter() - start)


def callbacks(n):
    """One OS thread queues n cothread.Callback()s onto the main thread; the
    main cothread waits until the last one has run. Returns callbacks per
    second and the CPU time per callback in ns, both threads together, as
    in the Rust bench."""
    done = cothread.Event()
    delivered = [0]

    def action():
        delivered[0] += 1
        if delivered[0] == n:
            done.Signal()

    def producer():
        for _ in range(n):
            cothread.Callback(action)
    cpu_start = time.process_time()
    start = time.perf_counter()
    t = threading.Thread(target=producer)
    t.start()
    done.Wait()
    rate = n / (time.perf_counter() - start)
    t.join()
    cpu_ns = (time.process_time() - cpu_start) * 1e9 / n
    return rate, cpu_ns


def report_callbacks(n):
    """Reports callbacks(n), best of three runs of each figure."""
    runs = [callbacks(n), callbacks(n), callbacks(n)]
    report("callbacks_from_a_thread", max(r[0] for r in runs) / 1e6, "M/s")
    report("callbacks_cpu_both_threads", min(r[1] for r in runs), "ns")


def bare_switch(n):
    main = _coroutine.get_current()

    def body(_):
        while True:
            _coroutine.switch(main, None)
    co = _coroutine.create(main, body, 0)
    start = time.perf_counter()
    for _ in range(n):
        _coroutine.switch(co, None)
    return (time.perf_counter() - start) / n * 1e9


def main():
    live_cothreads(100_000)
    report("yield_switches_shared_stack",
           best_of_3(lambda: yield_ping_pong(200_000)) / 1e6, "M/s")
    report("event_round_trips_shared_stack",
           best_of_3(lambda: event_round_trips(100_000)) / 1e6, "M/s")
    report("sleepers_10k_10ms_cpu_for_1s", sleepers_cpu(10_000), "s")
    report("threaded_queue_items",
           best_of_3(lambda: threaded_queue(100_000)) / 1e6, "M/s")
    report_callbacks(200_000)
    report("bare_coroutine_resume_suspend",
           best_of_3(lambda: bare_switch(1_000_000), False), "ns")


if __name__ == "__main__":
    main()
