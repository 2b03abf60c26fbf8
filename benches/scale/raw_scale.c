/*
 * raw_scale: the facility-scale workloads in plain C over libca, the limit
 * that cothread (Rust or Python) adds its overhead to. Run by
 * benches/run-scale.sh; prints "name value unit" lines ("#" lines are
 * comments), as benches/scale/README.md describes. Environment:
 *
 *   SCALE_PREFIX    record prefix; IOC k serves $(SCALE_PREFIX)k:c:00000...
 *   SCALE_IOCS      number of IOCs (the runner's)
 *   SCALE_RECORDS   counters per IOC
 *   SCALE_SECONDS   the monitor window (default 10)
 *   SCALE_TIMEOUT   bound on any one phase, seconds (default 300)
 *   SCALE_IOC_PIDS  the IOCs' process IDs, SCALE_CLK_TCK their clock's ticks
 *                   per second: to report the IOCs' CPU in the monitor window
 *   EPICS_CA_*      where the IOCs are (set by the runner)
 *
 * libca is used as in benches/ca/raw_limit.c, its fastest use: a
 * preemptive-callback context, every request of a phase issued and flushed
 * before one wait, callbacks that do the least a real client must.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <cadef.h>
#include <epicsAtomic.h>
#include <epicsEvent.h>

#define CHECK(call)                                                                  \
    do {                                                                             \
        int status_ = (call);                                                        \
        if (status_ != ECA_NORMAL) {                                                 \
            fprintf(stderr, "raw_scale: %s: %s\n", #call, ca_message(status_));     \
            exit(1);                                                                 \
        }                                                                            \
    } while (0)

static void fail(const char *what)
{
    fprintf(stderr, "raw_scale: %s\n", what);
    exit(1);
}

/* ---- the channels and what their callbacks keep ---- */

struct channel {
    chid id;
    evid subscription;
    double last; /* the last monitored value; written by one circuit's thread */
    int seen;    /* the subscription's first update has arrived */
    int ioc;
};

/* Per IOC, so per circuit, so per libca receive thread: no two threads ever
 * write one of these, and each has its own cache line. */
struct counters {
    size_t updates;  /* monitor updates delivered */
    size_t produced; /* growth of the counters those updates carried */
    char pad[64 - 2 * sizeof(size_t)];
};

static struct channel *channels;
static struct counters *counters;
static size_t n_channels;
static int n_iocs;
static double phase_timeout;

/* ---- one phase's outstanding requests, completed from libca's threads ---- */

static epicsEventId phase_done;
static size_t phase_remaining;
static size_t phase_errors;
static int cold_phase; /* connection callbacks issue gets only while set */

static void phase_start(size_t requests)
{
    epicsAtomicSetSizeT(&phase_remaining, requests);
    epicsAtomicSetSizeT(&phase_errors, 0);
}

static void phase_complete_one(int status)
{
    if (status != ECA_NORMAL)
        epicsAtomicIncrSizeT(&phase_errors);
    if (epicsAtomicDecrSizeT(&phase_remaining) == 0)
        epicsEventMustTrigger(phase_done);
}

static void phase_wait(const char *what)
{
    if (epicsEventWaitWithTimeout(phase_done, phase_timeout) != epicsEventOK) {
        fprintf(stderr, "raw_scale: %s: %zu of %zu still outstanding after %.0f s\n", what,
                epicsAtomicGetSizeT(&phase_remaining), n_channels, phase_timeout);
        exit(1);
    }
    if (epicsAtomicGetSizeT(&phase_errors) != 0) {
        fprintf(stderr, "raw_scale: %s: %zu requests failed\n", what, phase_errors);
        exit(1);
    }
}

/* ---- callbacks ---- */

static void on_get(struct event_handler_args args)
{
    /* Copied out, as any real client must (the buffer is libca's). */
    if (args.status == ECA_NORMAL)
        channels[(size_t)args.usr].last = *(const double *)args.dbr;
    phase_complete_one(args.status);
}

static void on_connect(struct connection_handler_args args)
{
    if (args.op != CA_OP_CONN_UP || !epicsAtomicGetIntT(&cold_phase))
        return; /* a disconnect during the benchmark shows as a timeout */
    int status = ca_array_get_callback(DBR_DOUBLE, 1, args.chid, on_get, ca_puser(args.chid));
    if (status != ECA_NORMAL)
        phase_complete_one(status);
}

static void on_update(struct event_handler_args args)
{
    if (args.status != ECA_NORMAL)
        return;
    struct channel *channel = &channels[(size_t)args.usr];
    double value = *(const double *)args.dbr;
    if (!channel->seen) {
        channel->seen = 1;
        channel->last = value;
        phase_complete_one(ECA_NORMAL);
        return;
    }
    struct counters *mine = &counters[channel->ioc];
    epicsAtomicSetSizeT(&mine->updates, mine->updates + 1);
    epicsAtomicSetSizeT(&mine->produced, mine->produced + (size_t)(value - channel->last));
    channel->last = value;
}

/* ---- measuring ---- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double wall_clock(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return tv.tv_sec + tv.tv_usec * 1e-6;
}

/* CPU seconds (user + system) of the whole process, libca's threads included. */
static double cpu_seconds(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6 + usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec * 1e-6;
}

/* Resident set size in bytes: VmRSS of /proc/self/status, as every client reads it. */
static double rss_bytes(void)
{
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    if (status == NULL)
        fail("cannot read /proc/self/status");
    while (fgets(line, sizeof line, status) != NULL)
        if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
            break;
    fclose(status);
    if (kib < 0)
        fail("no VmRSS in /proc/self/status");
    return kib * 1024.0;
}

/* CPU seconds (user + system) the IOCs have used so far: fields 14 and 15 of
 * /proc/PID/stat of every PID in SCALE_IOC_PIDS; 0 if that is not set. */
static double iocs_cpu_seconds(void)
{
    const char *pids = getenv("SCALE_IOC_PIDS");
    double ticks_per_second = atof(getenv("SCALE_CLK_TCK") ? getenv("SCALE_CLK_TCK") : "100");
    double ticks = 0;
    char path[64], line[1024];
    while (pids != NULL && *pids != '\0') {
        char *end;
        long pid = strtol(pids, &end, 10);
        if (end == pids)
            break;
        pids = end;
        snprintf(path, sizeof path, "/proc/%ld/stat", pid);
        FILE *stat = fopen(path, "r");
        if (stat == NULL)
            fail("cannot read an IOC's /proc/PID/stat");
        char *fields = fgets(line, sizeof line, stat) ? strrchr(line, ')') : NULL;
        unsigned long utime, stime;
        if (fields == NULL ||
            sscanf(fields, ") %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime,
                   &stime) != 2)
            fail("cannot parse an IOC's /proc/PID/stat");
        fclose(stat);
        ticks += (double)utime + (double)stime;
    }
    return ticks / ticks_per_second;
}

static void report(const char *name, double value, const char *unit)
{
    printf("%s %.6g %s\n", name, value, unit);
    fflush(stdout);
}

static long env_long(const char *name, long fallback)
{
    const char *text = getenv(name);
    return text && *text ? atol(text) : fallback;
}

static void sum_counters(size_t *updates, size_t *produced)
{
    *updates = *produced = 0;
    for (int k = 0; k < n_iocs; k++) {
        *updates += epicsAtomicGetSizeT(&counters[k].updates);
        *produced += epicsAtomicGetSizeT(&counters[k].produced);
    }
}

int main(void)
{
    const char *prefix = getenv("SCALE_PREFIX");
    n_iocs = (int)env_long("SCALE_IOCS", 0);
    long records = env_long("SCALE_RECORDS", 0);
    double seconds = env_long("SCALE_SECONDS", 10);
    phase_timeout = env_long("SCALE_TIMEOUT", 300);
    if (prefix == NULL || n_iocs < 1 || records < 1 || seconds <= 0 || phase_timeout <= 0)
        fail("set SCALE_PREFIX, SCALE_IOCS, SCALE_RECORDS (benches/run-scale.sh does)");
    n_channels = (size_t)n_iocs * (size_t)records;
    channels = calloc(n_channels, sizeof *channels);
    if (posix_memalign((void **)&counters, 64, n_iocs * sizeof *counters) != 0 ||
        channels == NULL)
        fail("out of memory");
    memset(counters, 0, n_iocs * sizeof *counters);
    for (size_t i = 0; i < n_channels; i++)
        channels[i].ioc = (int)(i / (size_t)records);
    phase_done = epicsEventMustCreate(epicsEventEmpty);

    /* Memory: from before the CA context exists (the Rust client makes its
     * context in its first call) to every channel connected. The channel
     * array above is touched already, so it is in the baseline. */
    double rss_start = rss_bytes();
    CHECK(ca_context_create(ca_enable_preemptive_callback));

    /* ---- cold: every name to a value, connects and gets overlapped ---- */
    char name[128];
    epicsAtomicSetIntT(&cold_phase, 1);
    double start = now();
    phase_start(n_channels);
    for (size_t i = 0; i < n_channels; i++) {
        snprintf(name, sizeof name, "%s%d:c:%05zu", prefix, channels[i].ioc,
                 i % (size_t)records);
        CHECK(ca_create_channel(name, on_connect, (void *)i, CA_PRIORITY_DEFAULT,
                                &channels[i].id));
    }
    CHECK(ca_flush_io());
    phase_wait("connect_get_cold");
    report("connect_get_cold", (now() - start) * 1e3, "ms");
    epicsAtomicSetIntT(&cold_phase, 0);
    double rss_connected = rss_bytes();
    report("rss_per_channel", (rss_connected - rss_start) / n_channels, "bytes");

    /* ---- subscribe to everything, until every first update is in ---- */
    start = now();
    phase_start(n_channels);
    for (size_t i = 0; i < n_channels; i++)
        CHECK(ca_create_subscription(DBR_DOUBLE, 1, channels[i].id, DBE_VALUE, on_update,
                                     (void *)i, &channels[i].subscription));
    CHECK(ca_flush_io());
    phase_wait("subscribe_all");
    report("subscribe_all", (now() - start) * 1e3, "ms");
    report("rss_per_subscription", (rss_bytes() - rss_connected) / n_channels, "bytes");

    /* ---- the monitor window, after a second to drain the first burst ---- */
    sleep(1);
    size_t updates_start, produced_start, updates_end, produced_end;
    sum_counters(&updates_start, &produced_start);
    double cpu_start = cpu_seconds(), iocs_cpu_start = iocs_cpu_seconds();
    start = now();
    struct timespec window = {(time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9)};
    while (nanosleep(&window, &window) != 0)
        ;
    double elapsed = now() - start, cpu = cpu_seconds() - cpu_start;
    double iocs_cpu = iocs_cpu_seconds() - iocs_cpu_start;
    sum_counters(&updates_end, &produced_end);
    double updates = (double)(updates_end - updates_start);
    double produced = (double)(produced_end - produced_start);
    printf("# monitor: %.0f updates of %.0f produced in %.3f s, %.3f CPU s\n", updates, produced,
           elapsed, cpu);
    report("monitor_iocs_cpu", iocs_cpu / elapsed, "cores");
    report("monitor_produced", produced / elapsed, "updates/s");
    report("monitor_rate", updates / elapsed, "updates/s");
    report("monitor_cpu", updates > 0 ? cpu / updates * 1e5 : 0, "s/100k");

    /* ---- clear everything; the runner times from here to the exit ---- */
    printf("teardown_start %.6f epoch_s\n", wall_clock());
    fflush(stdout);
    start = now();
    for (size_t i = 0; i < n_channels; i++)
        CHECK(ca_clear_subscription(channels[i].subscription));
    CHECK(ca_flush_io());
    report("unsubscribe_all", (now() - start) * 1e3, "ms");
    start = now();
    for (size_t i = 0; i < n_channels; i++)
        CHECK(ca_clear_channel(channels[i].id));
    ca_context_destroy();
    report("clear_channels", (now() - start) * 1e3, "ms");
    free(channels);
    free(counters);
    return 0;
}
