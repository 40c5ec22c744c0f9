/* SPDX-License-Identifier: MIT */
/**
 * @file time.c
 * @brief RFC 3339 and IMF-fixdate parsing on our own calendar arithmetic.
 *
 * Dates stay in 32-bit arithmetic with constant divisors (UDIV on
 * Cortex-M3/M4) and the only 64-bit step is one multiply-accumulate, so no
 * libgcc helper is linked on Cortex-M4. Flash is the constraint here: both
 * parsers read their fixed-width text through one template matcher into one
 * field array that civil() checks and converts.
 */
#include <string.h>

#include "wos_time.h"

/* civil()'s day number of 1970-01-01. */
#define EPOCH_DAY 865566

/* Slots of the field array. A digit '0'..'7' in a scan() template names
 * the slot its text goes to. F_OFF ends up as the signed UTC offset in
 * minutes; F_WDAY is 0 (no check) or the named weekday plus one, Sunday = 1. */
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
    uint32_t c;
    y += 400u - (m <= 2u);
    m = m > 2u ? m - 3u : m + 9u;
    c = y / 100u;
    return 365u * y + y / 4u - c + c / 4u + (153u * m + 2u) / 5u;
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
    *out = (int64_t)((int32_t)n - EPOCH_DAY) * 86400 +
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
 * Match the text from s to end against a template: '0'..'7' want a digit,
 * accumulated into that slot of f (zeroed by the caller); '?' takes any
 * byte; anything else must match exactly. Returns the end of the match,
 * or NULL when the text differs or runs out first.
 */
static const char *scan(const char *s, const char *end, const char *pat, int *f)
{
    for (; *pat != '\0'; pat++, s++) {
        uint32_t c, k = (uint32_t)(*pat - '0');
        if (s == end) {
            return NULL;
        }
        c = (uint32_t)(unsigned char)*s - '0';
        if (k < 8u) {
            if (c > 9u) {
                return NULL;
            }
            f[k] = f[k] * 10 + (int)c;
        } else if (*pat != '?' && *s != *pat) {
            return NULL;
        }
    }
    return s;
}

/* RFC 3339 after the seconds: an optional fraction, then the zone. */
static int rfc3339_tail(const char *p, const char *end, int *f)
{
    size_t i = 1;
    if (*p == '.') {
        while (i < (size_t)(end - p) && (uint32_t)(p[i] - '0') <= 9u) {
            i++;
        }
        if (i - 2u > 8u) {
            return 0; /* no digit, or finer than a nanosecond */
        }
        p += i;
    }
    /* 'Z' is the only other byte that | 0x20 turns into 'z'. */
    if (end - p == 1 && (*p | 0x20) == 'z') {
        return 1;
    }
    if (scan(p, end, "?66:77", f) != end || (*p != '+' && *p != '-') || f[F_OFF] > 23 ||
        f[F_OFF_M] > 59) {
        return 0;
    }
    /* Local time minus the offset is UTC; '+' and '-' are ',' -/+ 1. */
    f[F_OFF] = (',' - *p) * (f[F_OFF] * 60 + f[F_OFF_M]);
    return 1;
}

/* Both formats: the template fixes the layout, its first byte the format. */
static wos_status parse(const char *s, size_t len, int64_t *out, const char *pat)
{
    /* Weekdays first, so a month name's index is its number plus 6. */
    static const char names[] = "SunMonTueWedThuFriSatJanFebMarAprMayJunJulAugSepOctNovDec";
    int f[F_COUNT] = {0}, i;
    const char *p, *end;
    if (s == NULL || out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    end = s + len;
    p = scan(s, end, pat, f);
    if (p == NULL) {
        return WOS_ERR_INVALID_TIME;
    }
    if (*pat != '?') {
        /* 'T' is the only other byte that | 0x20 turns into 't'. */
        if ((s[10] | 0x20) != 't' || p == end || !rfc3339_tail(p, end, f)) {
            return WOS_ERR_INVALID_TIME;
        }
    } else {
        if (p != end) {
            return WOS_ERR_INVALID_TIME;
        }
        f[F_WDAY] = 9; /* no name matched: fails the weekday check */
        for (i = 0; i < 19; i++) {
            if (memcmp(names + 3 * i, s + (i < 7 ? 0 : 8), 3) == 0) {
                f[i < 7 ? F_WDAY : F_MON] = i < 7 ? i + 1 : i - 6;
            }
        }
    }
    return civil(f, out);
}

wos_status wos_time_parse_rfc3339(const char *s, size_t len, int64_t *out_unix_s)
{
    return parse(s, len, out_unix_s, "0000-11-22?33:44:55");
}

wos_status wos_time_parse_http_date(const char *s, size_t len, int64_t *out_unix_s)
{
    return parse(s, len, out_unix_s, "???, 22 ??? 0000 33:44:55 GMT");
}
