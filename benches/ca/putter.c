/*
 * putter: the load generator of the Channel Access benchmark (benches/run-ca.sh).
 *
 *   putter PV SECONDS [RATE]
 *                       hammer PV (a DOUBLE scalar) for the monitor benchmark:
 *                       as fast as libca accepts, or RATE puts per second
 *   putter --fill PV    fill PV (a DOUBLE waveform) with all NELM elements, once
 *
 * Hammer mode talks to the client being measured over its stdin/stdout, so
 * that the measured window holds only the putting, never this process's
 * start-up (CA context, name search, connect):
 *   1. connect, then print "ready" on stdout;
 *   2. wait for one line ("go") on stdin;
 *   3. put 1, 2, 3, ... without callback, as fast as libca accepts them (or,
 *      with RATE, RATE/1000 of them every millisecond, each batch flushed at
 *      once: a paced source such as a fast-scanning record), for SECONDS;
 *   4. put the sentinel -1 with put-callback and wait for its completion, so
 *      the client's monitor is guaranteed to end on -1 (the server may merge
 *      intermediate updates for a slow client, but always sends the latest);
 *   5. report the number of puts on stderr, as a "#" comment line.
 *
 * Kept in C and separate from every client so that all clients face the same
 * load, and the load's CPU time is not charged to the client.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cadef.h>
#include <epicsEvent.h>

#define CHECK(call)                                                                  \
    do {                                                                             \
        int status_ = (call);                                                        \
        if (status_ != ECA_NORMAL) {                                                 \
            fprintf(stderr, "putter: %s: %s\n", #call, ca_message(status_));        \
            exit(1);                                                                 \
        }                                                                            \
    } while (0)

/* Timeout for connecting and for the final put's completion, in seconds. */
#define CA_TIMEOUT 10.0

static epicsEventId put_done;
static int put_status = ECA_NORMAL;

static void on_put_done(struct event_handler_args args)
{
    put_status = args.status;
    epicsEventMustTrigger(put_done);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Put with callback and wait for the server to report completion. */
static void put_and_wait(chid channel, unsigned long count, const double *values)
{
    CHECK(ca_array_put_callback(DBR_DOUBLE, count, channel, values, on_put_done, NULL));
    CHECK(ca_flush_io());
    if (epicsEventWaitWithTimeout(put_done, CA_TIMEOUT) != epicsEventOK) {
        fprintf(stderr, "putter: put to %s did not complete\n", ca_name(channel));
        exit(1);
    }
    CHECK(put_status);
}

static chid connect_to(const char *name)
{
    chid channel;
    CHECK(ca_create_channel(name, NULL, NULL, CA_PRIORITY_DEFAULT, &channel));
    CHECK(ca_pend_io(CA_TIMEOUT));
    return channel;
}

static void fill(const char *name)
{
    chid channel = connect_to(name);
    unsigned long count = ca_element_count(channel);
    double *values = malloc(count * sizeof *values);
    if (values == NULL) {
        fprintf(stderr, "putter: out of memory\n");
        exit(1);
    }
    /* Every element different, so a client that drops or reorders data would
     * be visible in a check, and nothing compresses or caches trivially. */
    for (unsigned long i = 0; i < count; i++)
        values[i] = i * 0.25 + 1.0 / (i + 1);
    put_and_wait(channel, count, values);
    free(values);
    fprintf(stderr, "# putter: filled %s with %lu doubles\n", name, count);
}

/* Sleeps until `when` (a now() time); returns at once if it has passed. */
static void sleep_until(double when)
{
    struct timespec ts;
    ts.tv_sec = (time_t)when;
    ts.tv_nsec = (long)((when - ts.tv_sec) * 1e9);
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}

static void hammer(const char *name, double seconds, double rate)
{
    chid channel = connect_to(name);
    char line[64];
    printf("ready\n");
    fflush(stdout);
    if (fgets(line, sizeof line, stdin) == NULL) {
        fprintf(stderr, "putter: no \"go\" from the client\n");
        exit(1);
    }

    double start = now(), end = start + seconds;
    unsigned long puts = 0;
    double value = 1.0;
    /* Plain ca_put (no callback): the fastest a client can put. libca queues
     * the requests and sends them in large TCP writes; when the server falls
     * behind, libca's flow control blocks us here, which is the rate limit we
     * want. A flush every 64 puts keeps the IOC busy without a syscall per put;
     * the clock is read once per batch for the same reason. */
    if (rate > 0) {
        /* Paced: every millisecond, the puts due by then, in one flush. */
        for (double tick = start; tick < end; tick += 1e-3) {
            sleep_until(tick);
            unsigned long due = (unsigned long)((tick - start) * rate + 0.5);
            for (; puts < due; puts++) {
                CHECK(ca_put(DBR_DOUBLE, channel, &value));
                value += 1.0;
            }
            CHECK(ca_flush_io());
        }
    }
    while (rate <= 0 && now() < end) {
        for (int i = 0; i < 64; i++) {
            CHECK(ca_put(DBR_DOUBLE, channel, &value));
            value += 1.0;
            puts++;
        }
        CHECK(ca_flush_io());
    }
    double sentinel = -1.0;
    put_and_wait(channel, 1, &sentinel);
    puts++;
    fprintf(stderr, "# putter: %lu puts to %s in %.3f s\n", puts, name, now() - start);
}

int main(int argc, char **argv)
{
    if (argc != 3 && !(argc == 4 && strcmp(argv[1], "--fill") != 0)) {
        fprintf(stderr, "usage: putter PV SECONDS [RATE] | putter --fill PV\n");
        return 2;
    }
    put_done = epicsEventMustCreate(epicsEventEmpty);
    /* Preemptive callbacks: the put-callback completion arrives on libca's
     * own thread while main waits on an event, with no ca_pend_event polling. */
    CHECK(ca_context_create(ca_enable_preemptive_callback));
    if (strcmp(argv[1], "--fill") == 0) {
        fill(argv[2]);
    } else {
        char *rest;
        errno = 0;
        double seconds = strtod(argv[2], &rest);
        if (errno != 0 || *rest != '\0' || seconds <= 0) {
            fprintf(stderr, "putter: SECONDS must be a positive number, not '%s'\n", argv[2]);
            return 2;
        }
        double rate = 0;
        if (argc == 4) {
            errno = 0;
            rate = strtod(argv[3], &rest);
            if (errno != 0 || *rest != '\0' || rate <= 0) {
                fprintf(stderr, "putter: RATE must be a positive number, not '%s'\n", argv[3]);
                return 2;
            }
        }
        hammer(argv[1], seconds, rate);
    }
    ca_context_destroy();
    return 0;
}
