/* SPDX-License-Identifier: MIT */
/*
 * Stand-in for the Zephyr runtime under examples/zephyr/src/main.c on a
 * host: sntp_simple() reads the host clock, and clock_settime() (called by
 * the sample) is replaced by one that checks the time it is given is that
 * clock's, since a host process may not set it.
 */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

#include <zephyr/net/sntp.h>

int sntp_simple(const char *server, uint32_t timeout, struct sntp_time *ts)
{
    struct timespec now;
    (void)server;
    (void)timeout;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0) {
        return -1;
    }
    ts->seconds = (uint64_t)now.tv_sec;
    ts->fraction = 0;
    return 0;
}

int standin_clock_settime(clockid_t id, const struct timespec *ts)
{
    struct timespec now;
    if (id != CLOCK_REALTIME || clock_gettime(CLOCK_REALTIME, &now) != 0) {
        return -1;
    }
    return ts->tv_sec <= now.tv_sec && now.tv_sec - ts->tv_sec < 5 ? 0 : -1;
}
