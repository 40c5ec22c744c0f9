/**
 * @file time.c
 * @brief RFC 3339 and IMF-fixdate parsing on our own calendar arithmetic.
 *
 * Dates stay in 32-bit unsigned arithmetic with constant divisors, so
 * Cortex-M needs no libgcc division helper; only the final scale to seconds
 * is 64-bit, and that is one multiply. Both parsers read fixed-width text
 * through one template matcher into one field array that civil() checks
 * and converts, which keeps the object small.
 */
#include <string.h>

#include "wos_time.h"

/* civil()'s day number of 1970-01-01. */
#define EPOCH_DAY 865566u

/* Slots of the field array. scan() fills '0'..'7' of a template into the
 * slot of that number; F_OFF ends up as the signed UTC offset in minutes,
 * F_WDAY as 0 (no check) or the expected weekday plus one, Sunday = 1. */
enum { F_YEAR, F_MON, F_DAY, F_HOUR, F_MIN, F_SEC, F_OFF, F_OFF_M, F_WDAY, F_COUNT };

/*
 * Day number of the first of month m (1..13) of year y: Hinnant's
 * days-from-civil with March as the first month, so the leap day ends the
 * year and month 13 is January of the next. The year is shifted up one
 * 400-year era so that January and February of year 0 stay positive; an
 * era is 146097 days, a whole number of weeks, which keeps weekdays right.
 */
static uint32_t month_start(uint32_t y, uint32_t m)
{
    y += 400u - (m <= 2u);
    m = m > 2u ? m - 3u : m + 9u;
    return 365u * y + y / 4u - y / 100u + y / 400u + (153u * m + 2u) / 5u;
}

/*
 * Check the fields and store their Unix seconds; *out is untouched on error.
 * The month's length is the distance to the next month's start, which
 * gets February of leap years right without a leap-year test.
 */
static wos_status civil(const int *f, int64_t *out)
{
    uint32_t y = (uint32_t)f[F_YEAR], m = (uint32_t)f[F_MON], n;
    int sec = f[F_SEC];
    /* Negative fields wrap to huge unsigned values and fail these tests. */
    if (y > 9999u || m - 1u > 11u || (uint32_t)f[F_HOUR] > 23u || (uint32_t)f[F_MIN] > 59u ||
        (uint32_t)sec > 60u) {
        return WOS_ERR_INVALID_TIME;
    }
    n = month_start(y, m);
    if ((uint32_t)f[F_DAY] - 1u >= month_start(y, m + 1u) - n) {
        return WOS_ERR_INVALID_TIME;
    }
    n += (uint32_t)f[F_DAY];
    /* (n + 2) % 7 is the weekday, Sunday = 0. */
    if (f[F_WDAY] != 0 && (n + 2u) % 7u + 1u != (uint32_t)f[F_WDAY]) {
        return WOS_ERR_INVALID_TIME;
    }
    sec -= sec == 60; /* a leap second is read as the second before it */
    *out = (int64_t)(int32_t)(n - EPOCH_DAY) * 86400 +
           ((f[F_HOUR] * 60 + f[F_MIN] - f[F_OFF]) * 60 + sec);
    return WOS_OK;
}

wos_status wos_time_from_civil(int year, int month, int day, int hour, int minute, int second,
                               int64_t *out_unix_s)
{
    int f[F_COUNT] = {year, month, day, hour, minute, second};
    if (out_unix_s == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    return civil(f, out_unix_s);
}

/*
 * Match s against a template the caller has checked fits: '0'..'7' want a
 * digit, accumulated into that slot of f (zeroed by the caller); '?' takes
 * any byte; anything else must match exactly.
 */
static int scan(const char *s, const char *pat, int *f)
{
    for (; *pat != '\0'; pat++, s++) {
        uint32_t c = (uint32_t)(unsigned char)*s - '0', k = (uint32_t)(*pat - '0');
        if (k < 8u) {
            if (c > 9u) {
                return 0;
            }
            f[k] = f[k] * 10 + (int)c;
        } else if (*pat != '?' && *s != *pat) {
            return 0;
        }
    }
    return 1;
}

wos_status wos_time_parse_rfc3339(const char *s, size_t len, int64_t *out_unix_s)
{
    const char *p, *q, *end;
    int f[F_COUNT] = {0};
    if (s == NULL || out_unix_s == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    /* 'T' and 'Z' are the only other bytes that | 0x20 turns into 't', 'z'. */
    if (len < 20u || !scan(s, "0000-11-22?33:44:55", f) || (s[10] | 0x20) != 't') {
        return WOS_ERR_INVALID_TIME;
    }
    end = s + len;
    p = s + 19;
    if (*p == '.') {
        q = p;
        do {
            p++;
        } while (p < end && (uint32_t)(*p - '0') <= 9u);
        if ((size_t)(p - q - 2) > 8u) {
            return WOS_ERR_INVALID_TIME; /* no digit, or finer than a nanosecond */
        }
    }
    if (end - p != 1 || (*p | 0x20) != 'z') {
        if (end - p != 6 || (*p != '+' && *p != '-') || !scan(p, "?66:77", f) ||
            f[F_OFF] > 23 || f[F_OFF_M] > 59) {
            return WOS_ERR_INVALID_TIME;
        }
        /* '+' and '-' are ',' - 1 and ',' + 1: local minus this is UTC. */
        f[F_OFF] = (',' - *p) * (f[F_OFF] * 60 + f[F_OFF_M]);
    }
    return civil(f, out_unix_s);
}

wos_status wos_time_parse_http_date(const char *s, size_t len, int64_t *out_unix_s)
{
    /* Weekdays first, so a month name's index is its number plus 6. */
    static const char names[] = "SunMonTueWedThuFriSatJanFebMarAprMayJunJulAugSepOctNovDec";
    int f[F_COUNT] = {0}, i;
    if (s == NULL || out_unix_s == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (len != 29u || !scan(s, "???, 22 ??? 0000 33:44:55 GMT", f)) {
        return WOS_ERR_INVALID_TIME;
    }
    f[F_WDAY] = 9; /* no name matched: fails the weekday check */
    for (i = 0; i < 19; i++) {
        if (memcmp(names + 3 * i, s, 3) == 0) {
            f[F_WDAY] = i + 1;
        }
        if (memcmp(names + 3 * i, s + 8, 3) == 0) {
            f[F_MON] = i - 6;
        }
    }
    return civil(f, out_unix_s);
}
