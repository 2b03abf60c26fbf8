/* What a wake-up of a sleeping thread costs in CPU, by how it is woken:
 *
 *   timer    the thread sleeps in poll() with a 1 ms timeout and nothing
 *            else to wake it: the timer's expiry wakes it;
 *   eventfd  the thread sleeps in poll() on an eventfd, without a timeout;
 *            another thread writes the eventfd once a millisecond;
 *   both     as eventfd, with a 10 ms timeout armed on every poll (one that
 *            never expires: the write comes first).
 *
 * The figure is the waiting thread's own CPU time (RUSAGE_THREAD, user +
 * system) per wake-up. A batch window of the crate's dispatcher ends with
 * the first kind; a push into an idle thread's inbox wakes it with the
 * second. On a KVM guest the first costs several times the second.
 *
 *   cc -O2 benches/wake_cost.c -o target/wake_cost -lpthread && target/wake_cost
 */
#define _GNU_SOURCE
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define WAKES 3000

static int wake_fd;

static double thread_cpu_seconds(void)
{
    struct rusage usage;
    getrusage(RUSAGE_THREAD, &usage);
    return (double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6 +
           (double)usage.ru_stime.tv_sec + usage.ru_stime.tv_usec * 1e-6;
}

static void *writer(void *unused)
{
    (void)unused;
    for (int i = 0; i < WAKES; i++) {
        struct timespec one_ms = {0, 1000000};
        nanosleep(&one_ms, NULL);
        uint64_t one = 1;
        if (write(wake_fd, &one, sizeof one) != sizeof one) {
            perror("write");
            exit(1);
        }
    }
    return NULL;
}

/* Waits for WAKES eventfd writes, polling with `timeout_ms`; returns the CPU
 * per wake-up in microseconds. */
static double eventfd_wakes(int timeout_ms)
{
    pthread_t thread;
    double start = thread_cpu_seconds();
    if (pthread_create(&thread, NULL, writer, NULL) != 0) {
        perror("pthread_create");
        exit(1);
    }
    int woken = 0;
    while (woken < WAKES) {
        struct pollfd fd = {wake_fd, POLLIN, 0};
        poll(&fd, 1, timeout_ms);
        uint64_t count;
        if (read(wake_fd, &count, sizeof count) == sizeof count) {
            woken += (int)count;
        }
    }
    double cpu = thread_cpu_seconds() - start;
    pthread_join(thread, NULL);
    return cpu / woken * 1e6;
}

static double timer_wakes(void)
{
    double start = thread_cpu_seconds();
    for (int i = 0; i < WAKES; i++) {
        poll(NULL, 0, 1);
    }
    return (thread_cpu_seconds() - start) / WAKES * 1e6;
}

int main(void)
{
    wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wake_fd < 0) {
        perror("eventfd");
        return 1;
    }
    printf("wake_by_timer %.2f us\n", timer_wakes());
    printf("wake_by_eventfd %.2f us\n", eventfd_wakes(-1));
    printf("wake_by_eventfd_with_timeout_armed %.2f us\n", eventfd_wakes(10));
    return 0;
}
