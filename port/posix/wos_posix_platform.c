/* SPDX-License-Identifier: MIT */
/* POSIX platform: monotonic and wall clocks, entropy, sleep. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

#include "wos_posix.h"

/* 2020-01-01T00:00:00Z: anything earlier is an unset clock, not a real date. */
#define WOS_POSIX_EARLIEST_WALL_S 1577836800

uint64_t wos_posix_now_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
        return 0; /* cannot happen for CLOCK_MONOTONIC on a POSIX system */
    }
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static uint64_t posix_now_ms(void *ctx)
{
    (void)ctx;
    return wos_posix_now_ms();
}

static wos_status posix_wall_clock_s(void *ctx, int64_t *out_unix_s)
{
    struct timespec ts;
    (void)ctx;
    if (out_unix_s == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0 || ts.tv_sec < WOS_POSIX_EARLIEST_WALL_S) {
        return WOS_ERR_STATE;
    }
    *out_unix_s = (int64_t)ts.tv_sec;
    return WOS_OK;
}

/* Read all of len bytes from /dev/urandom; used when getrandom is missing. */
static wos_status urandom_fill(uint8_t *buf, size_t len)
{
    size_t done = 0;
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0) {
        return WOS_ERR_STATE;
    }
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    while (done < len) {
        ssize_t n = read(fd, buf + done, len - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    (void)close(fd);
    return done == len ? WOS_OK : WOS_ERR_STATE;
}

static wos_status posix_random(void *ctx, uint8_t *buf, size_t len)
{
    (void)ctx;
    if (buf == NULL && len != 0) {
        return WOS_ERR_INVALID_ARG;
    }
#if defined(__linux__)
    {
        size_t done = 0;
        while (done < len) {
            ssize_t n = getrandom(buf + done, len - done, 0);
            if (n > 0) {
                done += (size_t)n;
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else {
                /* ENOSYS on old kernels: finish from the device instead. */
                return urandom_fill(buf + done, len - done);
            }
        }
        return WOS_OK;
    }
#else
    return urandom_fill(buf, len);
#endif
}

static void posix_sleep_until(void *ctx, uint64_t deadline_ms)
{
    (void)ctx;
    for (;;) {
        struct timespec ts;
        uint64_t now = wos_posix_now_ms();
        uint64_t left;
        if (now >= deadline_ms) {
            return;
        }
        left = deadline_ms - now;
        /* Sleep at most a day per round so the seconds always fit time_t. */
        if (left > 86400000u) {
            left = 86400000u;
        }
        ts.tv_sec = (time_t)(left / 1000u);
        ts.tv_nsec = (long)((left % 1000u) * 1000000u);
        (void)nanosleep(&ts, NULL); /* EINTR: the loop sleeps the rest */
    }
}

wos_platform wos_posix_platform(void)
{
    wos_platform p;
    p.ctx = NULL;
    p.now_ms = posix_now_ms;
    p.wall_clock_s = posix_wall_clock_s;
    p.random = posix_random;
    p.sleep_until = posix_sleep_until;
    return p;
}
