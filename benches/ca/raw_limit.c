/*
 * raw_limit: the Channel Access benchmark's workloads in plain C over libca,
 * the limit that cothread (Rust or Python) adds its overhead to.
 * Run by benches/run-ca.sh; prints one line per measurement:
 *
 *     name value unit
 *
 * (lines starting with "#" are comments). The runner repeats the process and
 * keeps the best figure of every name. Environment:
 *
 *   BENCH_PREFIX           record prefix of benches/ca/bench.db (required)
 *   BENCH_PUTTER           path of the putter program (required)
 *   BENCH_REPEATS          timed repetitions of each warm workload (default 5)
 *   BENCH_MONITOR_SECONDS  how long the putter hammers $(P)mon (default 2)
 *   BENCH_MONITOR_RATES    paced rates (puts/s, comma-separated) of the extra
 *                          monitor windows (default 10000,100000)
 *   BENCH_ONLY             profiling aid: only these workloads (comma-separated
 *                          names as printed, without _rate/_cpu suffixes)
 *   EPICS_CA_*             where the IOC is (set by the runner)
 *
 * How libca is used, and why this is its fastest use:
 * - Preemptive-callback context. Replies are handled by libca's receive
 *   thread as they arrive and our callbacks run right there; the main thread
 *   sleeps on an epicsEvent until the last reply of a batch. A non-preemptive
 *   context runs the same callbacks only inside ca_pend_event/ca_pend_io on
 *   the main thread. Measured on the 2-core bench machine, 1,000 sequential
 *   gets: callback + epicsEvent, ca_array_get + ca_pend_io (either context)
 *   are all ~100 us per round trip, within noise of each other; only a
 *   busy-wait on a flag was faster (~55 us), and it burns a core the IOC
 *   needs, which no real client does. So: one scheme, the event one, for all.
 * - Everything of a batch is issued first and flushed once (one TCP write for
 *   1,000 requests), then waited for once: the round trips overlap.
 * - Cold caget issues each get from its channel's connection callback, so the
 *   gets of early channels travel while later names are still being searched.
 *   A connect phase then a get phase (two ca_pend_io) measured the same
 *   (~38-40 ms, the name search dominates), but this never loses.
 * - Get callbacks copy the data out (libca's buffer is valid only during the
 *   callback), as any real client must; for the 1,000,000-element waveform
 *   that memcpy is part of the measured time, as the copy into a numpy array
 *   or a Rust Vec is for cothread.
 * - Monitor callbacks count on libca's thread. The `monitor_handoff` windows
 *   do what cothread must (its callbacks run in the subscriber's thread, not
 *   libca's): libca's thread copies each update into a queue and wakes the
 *   consumer thread if it sleeps; the consumer takes all queued updates at
 *   once and counts them. That is the least a client that hands updates to
 *   another thread can cost, the reference for cothread's default path.
 */
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cadef.h>
#include <epicsAtomic.h>
#include <epicsEvent.h>

extern char **environ;

#define N_PVS 1000
#define CA_TIMEOUT 10.0 /* seconds: any single batch; far above any result */

#define CHECK(call)                                                                  \
    do {                                                                             \
        int status_ = (call);                                                        \
        if (status_ != ECA_NORMAL) {                                                 \
            fprintf(stderr, "raw_limit: %s: %s\n", #call, ca_message(status_));     \
            exit(1);                                                                 \
        }                                                                            \
    } while (0)

static void fail(const char *what)
{
    fprintf(stderr, "raw_limit: %s\n", what);
    exit(1);
}

/* ---- one batch of outstanding requests, completed from libca's threads ---- */

static epicsEventId batch_done;
static int batch_remaining;          /* requests of the batch not yet complete */
static int batch_errors;             /* callbacks that reported a CA error */

static void batch_start(int requests)
{
    epicsAtomicSetIntT(&batch_remaining, requests);
    epicsAtomicSetIntT(&batch_errors, 0);
}

/* Called once per completed request, on a libca thread. */
static void batch_complete_one(int status)
{
    if (status != ECA_NORMAL)
        epicsAtomicIncrIntT(&batch_errors);
    if (epicsAtomicDecrIntT(&batch_remaining) == 0)
        epicsEventMustTrigger(batch_done);
}

static void batch_wait(const char *what)
{
    if (epicsEventWaitWithTimeout(batch_done, CA_TIMEOUT) != epicsEventOK) {
        fprintf(stderr, "raw_limit: %s: %d requests still outstanding after %.0f s\n", what,
                epicsAtomicGetIntT(&batch_remaining), CA_TIMEOUT);
        exit(1);
    }
    if (epicsAtomicGetIntT(&batch_errors) != 0) {
        fprintf(stderr, "raw_limit: %s: %d requests failed\n", what, batch_errors);
        exit(1);
    }
}

/* ---- callbacks ---- */

static chid channels[N_PVS];
static double values[N_PVS];          /* what the last caget of the list read */

/* args.usr carries the index into values[] of a scalar get. */
static void on_get_scalar(struct event_handler_args args)
{
    if (args.status == ECA_NORMAL)
        values[(size_t)args.usr] = *(const double *)args.dbr;
    batch_complete_one(args.status);
}

static void on_connect_then_get(struct connection_handler_args args)
{
    if (args.op != CA_OP_CONN_UP)
        return; /* a disconnect during the benchmark shows as a timeout */
    int status = ca_array_get_callback(DBR_DOUBLE, 1, args.chid, on_get_scalar,
                                       ca_puser(args.chid));
    if (status != ECA_NORMAL)
        batch_complete_one(status);
}

static void on_put_done(struct event_handler_args args)
{
    batch_complete_one(args.status);
}

static double *waveform;               /* copy of the last waveform read */
static unsigned long waveform_count;

static void on_get_waveform(struct event_handler_args args)
{
    if (args.status == ECA_NORMAL) {
        waveform_count = args.count;
        memcpy(waveform, args.dbr, args.count * sizeof(double));
    }
    batch_complete_one(args.status);
}

/* ---- measuring ---- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* CPU seconds (user + system) of this whole process, all threads included:
 * libca's receive threads are where a monitor's cost mostly lands. */
static double cpu_seconds(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6 + usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec * 1e-6;
}

static void report(const char *name, double value, const char *unit)
{
    printf("%s %.6g %s\n", name, value, unit);
    fflush(stdout);
}

static const char *required_env(const char *name)
{
    const char *value = getenv(name);
    if (value == NULL || *value == '\0') {
        fprintf(stderr, "raw_limit: set %s (benches/run-ca.sh does)\n", name);
        exit(2);
    }
    return value;
}

static int env_int(const char *name, int fallback)
{
    const char *text = getenv(name);
    return text && *text ? atoi(text) : fallback;
}

static double env_double(const char *name, double fallback)
{
    const char *text = getenv(name);
    return text && *text ? atof(text) : fallback;
}

/* ---- workloads ---- */

/* 1,000 names to values: create, connect, get, all overlapped. */
static void caget_list_cold(const char *prefix)
{
    char name[128];
    double start = now();
    batch_start(N_PVS);
    for (size_t i = 0; i < N_PVS; i++) {
        snprintf(name, sizeof name, "%spv:%04zu", prefix, i);
        CHECK(ca_create_channel(name, on_connect_then_get, (void *)i, CA_PRIORITY_DEFAULT,
                                &channels[i]));
    }
    CHECK(ca_flush_io());
    batch_wait("caget_list_cold");
    report("caget_list_cold", (now() - start) * 1e3, "ms");
    /* The connection handler must not issue gets any more: the channels stay
     * connected for the warm workloads, and nothing here expects a reconnect. */
}

static void caget_list_warm(int repeats)
{
    for (int r = 0; r < repeats; r++) {
        double start = now();
        batch_start(N_PVS);
        for (size_t i = 0; i < N_PVS; i++)
            CHECK(ca_array_get_callback(DBR_DOUBLE, 1, channels[i], on_get_scalar, (void *)i));
        CHECK(ca_flush_io());
        batch_wait("caget_list_warm");
        report("caget_list_warm", (now() - start) * 1e3, "ms");
    }
}

/* One round trip at a time: the latency of a single caget. */
static void caget_sequential(int repeats)
{
    for (int r = 0; r < repeats; r++) {
        double start = now();
        for (int i = 0; i < N_PVS; i++) {
            batch_start(1);
            CHECK(ca_array_get_callback(DBR_DOUBLE, 1, channels[0], on_get_scalar, (void *)0));
            CHECK(ca_flush_io());
            batch_wait("caget_sequential");
        }
        report("caget_sequential", (now() - start) * 1e3, "ms");
    }
}

static void caput_list_wait(int repeats)
{
    static double put_values[N_PVS];
    for (int r = 0; r < repeats; r++) {
        for (int i = 0; i < N_PVS; i++)
            put_values[i] = r * N_PVS + i + 0.5;
        double start = now();
        batch_start(N_PVS);
        /* libca copies the value into its send buffer before returning. */
        for (int i = 0; i < N_PVS; i++)
            CHECK(ca_array_put_callback(DBR_DOUBLE, 1, channels[i], &put_values[i], on_put_done,
                                        NULL));
        CHECK(ca_flush_io());
        batch_wait("caput_list_wait");
        report("caput_list_wait", (now() - start) * 1e3, "ms");
    }
}

static void caget_waveform(const char *prefix, int repeats)
{
    char name[128];
    chid channel;
    snprintf(name, sizeof name, "%sbig", prefix);
    CHECK(ca_create_channel(name, NULL, NULL, CA_PRIORITY_DEFAULT, &channel));
    CHECK(ca_pend_io(CA_TIMEOUT));
    unsigned long nelm = ca_element_count(channel);
    waveform = malloc(nelm * sizeof *waveform);
    if (waveform == NULL)
        fail("out of memory");
    /* repeats + 1: the first get is a warm-up (it also grows libca's receive
     * buffer to the array's size), not timed. */
    for (int r = 0; r <= repeats; r++) {
        double start = now();
        batch_start(1);
        /* count 0: the server's current length (NORD), as cothread asks. */
        CHECK(ca_array_get_callback(DBR_DOUBLE, 0, channel, on_get_waveform, NULL));
        CHECK(ca_flush_io());
        batch_wait("caget_waveform");
        double elapsed = now() - start;
        if (waveform_count != nelm || waveform[nelm - 1] != (nelm - 1) * 0.25 + 1.0 / nelm)
            fail("the waveform is not what `putter --fill` wrote (did the runner fill it?)");
        if (r > 0)
            report("caget_waveform_1M", elapsed * 1e3, "ms");
    }
    CHECK(ca_clear_channel(channel));
    free(waveform);
}

/* ---- monitor ---- */

static epicsEventId monitor_event;
static int monitor_updates;          /* callbacks since the counter was reset */
static int monitor_seen_first;       /* the initial update arrived */

/* The plain counting callback: the least any monitor client can do. */
static void on_monitor(struct event_handler_args args)
{
    if (args.status != ECA_NORMAL)
        return;
    epicsAtomicIncrIntT(&monitor_updates);
    double value = *(const double *)args.dbr;
    if (!epicsAtomicGetIntT(&monitor_seen_first)) {
        epicsAtomicSetIntT(&monitor_seen_first, 1);
        epicsEventMustTrigger(monitor_event);
    } else if (value == -1.0) {
        epicsEventMustTrigger(monitor_event); /* the putter's sentinel: done */
    }
}

/* The hand-off: a queue from libca's thread to one consumer thread. */
#define HANDOFF_CAPACITY (1 << 20) /* more than a saturating window delivers */
static pthread_mutex_t handoff_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t handoff_wake = PTHREAD_COND_INITIALIZER;
static double handoff_queue[HANDOFF_CAPACITY];
static size_t handoff_head, handoff_length; /* under handoff_lock */
static int handoff_sleeping, handoff_stop;  /* under handoff_lock */
static int handoff_lost;                    /* updates that found the queue full */

/* On libca's thread: queue the update; wake the consumer only if it sleeps. */
static void on_monitor_handoff(struct event_handler_args args)
{
    if (args.status != ECA_NORMAL)
        return;
    double value = *(const double *)args.dbr;
    pthread_mutex_lock(&handoff_lock);
    if (handoff_length == HANDOFF_CAPACITY) {
        handoff_lost++;
    } else {
        handoff_queue[(handoff_head + handoff_length++) % HANDOFF_CAPACITY] = value;
    }
    int wake = handoff_sleeping;
    handoff_sleeping = 0;
    pthread_mutex_unlock(&handoff_lock);
    if (wake)
        pthread_cond_signal(&handoff_wake);
}

/* The consumer thread: takes every queued update at once, then counts them
 * as on_monitor does on libca's thread. */
static void *handoff_consumer(void *unused)
{
    (void)unused;
    double taken[1024];
    for (;;) {
        pthread_mutex_lock(&handoff_lock);
        while (handoff_length == 0 && !handoff_stop) {
            handoff_sleeping = 1;
            pthread_cond_wait(&handoff_wake, &handoff_lock);
        }
        if (handoff_length == 0) { /* stopped */
            pthread_mutex_unlock(&handoff_lock);
            return NULL;
        }
        size_t n = handoff_length < 1024 ? handoff_length : 1024;
        for (size_t i = 0; i < n; i++)
            taken[i] = handoff_queue[(handoff_head + i) % HANDOFF_CAPACITY];
        handoff_head = (handoff_head + n) % HANDOFF_CAPACITY;
        handoff_length -= n;
        pthread_mutex_unlock(&handoff_lock);
        for (size_t i = 0; i < n; i++) {
            epicsAtomicIncrIntT(&monitor_updates);
            if (!epicsAtomicGetIntT(&monitor_seen_first)) {
                epicsAtomicSetIntT(&monitor_seen_first, 1);
                epicsEventMustTrigger(monitor_event);
            } else if (taken[i] == -1.0) {
                epicsEventMustTrigger(monitor_event);
            }
        }
    }
}

/* One monitor window; `rate` > 0 paces the putter (rows named with `suffix`);
 * `handoff`: the updates are counted on a consumer thread, not libca's. */
static void monitor(const char *prefix, const char *putter, double seconds, double rate,
                    const char *suffix, int handoff)
{
    char name[128], seconds_text[32], rate_text[32], row[64];
    chid channel;
    evid subscription;
    snprintf(name, sizeof name, "%smon", prefix);
    snprintf(seconds_text, sizeof seconds_text, "%g", seconds);
    snprintf(rate_text, sizeof rate_text, "%g", rate);
    CHECK(ca_create_channel(name, NULL, NULL, CA_PRIORITY_DEFAULT, &channel));
    CHECK(ca_pend_io(CA_TIMEOUT));
    pthread_t consumer;
    if (handoff) {
        handoff_stop = 0;
        epicsAtomicSetIntT(&monitor_seen_first, 0);
        if (pthread_create(&consumer, NULL, handoff_consumer, NULL) != 0)
            fail("cannot start the consumer thread");
    }
    CHECK(ca_create_subscription(DBR_DOUBLE, 1, channel, DBE_VALUE,
                                 handoff ? on_monitor_handoff : on_monitor, NULL, &subscription));
    CHECK(ca_flush_io());
    if (epicsEventWaitWithTimeout(monitor_event, CA_TIMEOUT) != epicsEventOK)
        fail("no initial monitor update");

    /* The putter, with its stdin and stdout as pipes to us (see putter.c). */
    int to_putter[2], from_putter[2];
    if (pipe(to_putter) != 0 || pipe(from_putter) != 0)
        fail("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_putter[0], 0);
    posix_spawn_file_actions_adddup2(&actions, from_putter[1], 1);
    posix_spawn_file_actions_addclose(&actions, to_putter[1]);
    posix_spawn_file_actions_addclose(&actions, from_putter[0]);
    char *argv[] = {(char *)putter, name, seconds_text, rate > 0 ? rate_text : NULL, NULL};
    pid_t pid;
    if (posix_spawn(&pid, putter, &actions, NULL, argv, environ) != 0)
        fail("cannot start the putter");
    posix_spawn_file_actions_destroy(&actions);
    close(to_putter[0]);
    close(from_putter[1]);
    char ready[16];
    FILE *from = fdopen(from_putter[0], "r");
    if (from == NULL || fgets(ready, sizeof ready, from) == NULL || strcmp(ready, "ready\n") != 0)
        fail("the putter did not get ready");

    epicsAtomicSetIntT(&monitor_updates, 0);
    double start = now(), cpu_start = cpu_seconds();
    if (write(to_putter[1], "go\n", 3) != 3)
        fail("cannot tell the putter to go");
    if (epicsEventWaitWithTimeout(monitor_event, seconds + CA_TIMEOUT) != epicsEventOK)
        fail("the putter's final value never arrived");
    double elapsed = now() - start, cpu = cpu_seconds() - cpu_start;
    int updates = epicsAtomicGetIntT(&monitor_updates);

    int status;
    close(to_putter[1]);
    fclose(from);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("the putter failed");
    const char *kind = handoff ? "handoff" : "all";
    printf("# monitor_%s%s: %d updates in %.3f s, %.3f CPU s\n", kind, suffix, updates,
           elapsed, cpu);
    snprintf(row, sizeof row, "monitor_%s_rate%s", kind, suffix);
    report(row, updates / elapsed, "updates/s");
    snprintf(row, sizeof row, "monitor_%s_cpu%s", kind, suffix);
    report(row, cpu / updates * 1e5, "s/100k");
    CHECK(ca_clear_subscription(subscription));
    CHECK(ca_clear_channel(channel));
    if (handoff) {
        pthread_mutex_lock(&handoff_lock);
        handoff_stop = 1;
        pthread_mutex_unlock(&handoff_lock);
        pthread_cond_signal(&handoff_wake);
        pthread_join(consumer, NULL);
        if (handoff_lost > 0)
            fail("the hand-off queue overflowed: the consumer fell behind");
    }
}

/* Whether BENCH_ONLY (unset: everything) names `workload`. */
static int selected(const char *workload)
{
    const char *only = getenv("BENCH_ONLY");
    if (only == NULL || *only == '\0')
        return 1;
    size_t length = strlen(workload);
    for (const char *p = only; *p != '\0';) {
        size_t n = strcspn(p, ",");
        if (n == length && strncmp(p, workload, n) == 0)
            return 1;
        p += n + (p[n] == ',');
    }
    return 0;
}

int main(void)
{
    const char *prefix = required_env("BENCH_PREFIX");
    const char *putter = required_env("BENCH_PUTTER");
    int repeats = env_int("BENCH_REPEATS", 5);
    double seconds = env_double("BENCH_MONITOR_SECONDS", 2.0);
    if (repeats < 1 || seconds <= 0)
        fail("BENCH_REPEATS and BENCH_MONITOR_SECONDS must be positive");

    batch_done = epicsEventMustCreate(epicsEventEmpty);
    monitor_event = epicsEventMustCreate(epicsEventEmpty);
    /* The context exists before the clock starts, as in cothread, which
     * creates it when catools is imported. */
    CHECK(ca_context_create(ca_enable_preemptive_callback));

    caget_list_cold(prefix); /* first: nothing is connected yet */
    if (selected("caget_list_warm"))
        caget_list_warm(repeats);
    if (selected("caget_sequential"))
        caget_sequential(repeats);
    if (selected("caput_list_wait"))
        caput_list_wait(repeats);
    if (selected("caget_waveform_1M"))
        caget_waveform(prefix, repeats);
    if (selected("monitor_all"))
        monitor(prefix, putter, seconds, 0, "", 0);
    if (selected("monitor_handoff"))
        monitor(prefix, putter, seconds, 0, "", 1);
    /* The paced windows: C has no merging layer, so only all_updates. */
    const char *rates = getenv("BENCH_MONITOR_RATES");
    if (rates == NULL)
        rates = "10000,100000";
    for (const char *p = rates; *p != '\0';) {
        char *rest;
        double rate = strtod(p, &rest);
        if (rest == p || rate <= 0)
            fail("BENCH_MONITOR_RATES must be positive numbers separated by commas");
        char suffix[32], workload[48];
        snprintf(suffix, sizeof suffix, "_%gk", rate / 1000);
        snprintf(workload, sizeof workload, "monitor_all%s", suffix);
        if (selected(workload))
            monitor(prefix, putter, seconds, rate, suffix, 0);
        snprintf(workload, sizeof workload, "monitor_handoff%s", suffix);
        if (selected(workload))
            monitor(prefix, putter, seconds, rate, suffix, 1);
        p = rest + (*rest == ',');
    }

    ca_context_destroy();
    return 0;
}
