/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "wos_time.h"

#define SENTINEL INT64_C(0x5A5A5A5A5A5A5A5A)

/* The out-parameter with guard bytes after it. */
struct out_slot {
    int64_t v;
    unsigned char guard[8];
};

static void slot_init(struct out_slot *o)
{
    o->v = SENTINEL;
    memset(o->guard, 0xA5, sizeof o->guard);
}

static void slot_guard_ok(const struct out_slot *o)
{
    size_t i;
    for (i = 0; i < sizeof o->guard; i++) {
        assert_int_equal(o->guard[i], 0xA5);
    }
}

typedef wos_status (*parse_fn)(const char *, size_t, int64_t *);

/* Parse exactly n bytes from a heap copy of exactly n bytes, so that ASan
 * catches any read past the end; checks the guard and that a failure leaves
 * the out-parameter untouched. */
static wos_status parse_n(parse_fn fn, const char *txt, size_t n, int64_t *out)
{
    struct out_slot o;
    wos_status st;
    char *copy = malloc(n ? n : 1u);
    assert_non_null(copy);
    memcpy(copy, txt, n);
    slot_init(&o);
    st = fn(copy, n, &o.v);
    free(copy);
    slot_guard_ok(&o);
    if (st != WOS_OK) {
        assert_true(o.v == SENTINEL);
    }
    *out = o.v;
    return st;
}

static wos_status parse(parse_fn fn, const char *txt, int64_t *out)
{
    return parse_n(fn, txt, strlen(txt), out);
}

#define EXPECT(fn, txt, want)                                                                  \
    do {                                                                                       \
        int64_t got_;                                                                          \
        assert_int_equal(parse(fn, (txt), &got_), WOS_OK);                                     \
        assert_true(got_ == (int64_t)(want));                                                  \
    } while (0)

#define REJECT(fn, txt)                                                                        \
    do {                                                                                       \
        int64_t got_;                                                                          \
        assert_int_equal(parse(fn, (txt), &got_), WOS_ERR_INVALID_TIME);                       \
    } while (0)

#define RFC wos_time_parse_rfc3339
#define HTTP wos_time_parse_http_date

static int64_t civil_ok(int y, int mo, int d, int h, int mi, int s)
{
    struct out_slot o;
    slot_init(&o);
    assert_int_equal(wos_time_from_civil(y, mo, d, h, mi, s, &o.v), WOS_OK);
    slot_guard_ok(&o);
    return o.v;
}

static void civil_bad(int y, int mo, int d, int h, int mi, int s)
{
    struct out_slot o;
    slot_init(&o);
    assert_int_equal(wos_time_from_civil(y, mo, d, h, mi, s, &o.v), WOS_ERR_INVALID_TIME);
    assert_true(o.v == SENTINEL);
    slot_guard_ok(&o);
}

/* Reference calendar for the brute-force checks, written the obvious way. */
static int ref_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int ref_mdays(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return len[m - 1] + (m == 2 && ref_leap(y));
}

static const char *const ref_wday[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const ref_mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* ---- wos_time_from_civil ------------------------------------------------ */

static void civil_reference_points(void **state)
{
    (void)state;
    /* Values from the API seed pages and from the Unix epoch definition. */
    assert_true(civil_ok(1970, 1, 1, 0, 0, 0) == 0);
    assert_true(civil_ok(2026, 1, 15, 12, 0, 0) == INT64_C(1768478400));
    assert_true(civil_ok(2025, 12, 31, 23, 59, 59) == INT64_C(1767225599));
    assert_true(civil_ok(1994, 11, 6, 8, 49, 37) == INT64_C(784111777)); /* RFC 9110 */
    assert_true(civil_ok(1969, 12, 31, 23, 59, 59) == -1);
    assert_true(civil_ok(1900, 1, 1, 0, 0, 0) == INT64_C(-2208988800)); /* NTP era 0 */
    assert_true(civil_ok(2038, 1, 19, 3, 14, 8) == INT64_C(2147483648)); /* 2^31 */
    assert_true(civil_ok(9999, 12, 31, 23, 59, 59) == INT64_C(253402300799));
    assert_true(civil_ok(0, 1, 1, 0, 0, 0) == INT64_C(-62167219200));
}

static void civil_leap_days(void **state)
{
    (void)state;
    assert_true(civil_ok(2000, 3, 1, 0, 0, 0) - civil_ok(2000, 2, 29, 0, 0, 0) == 86400);
    assert_true(civil_ok(2024, 3, 1, 0, 0, 0) - civil_ok(2024, 2, 29, 0, 0, 0) == 86400);
    (void)civil_ok(0, 2, 29, 0, 0, 0);   /* year 0 is a leap year (divisible by 400) */
    (void)civil_ok(1600, 2, 29, 0, 0, 0);
    civil_bad(1900, 2, 29, 0, 0, 0);
    civil_bad(2023, 2, 29, 0, 0, 0);
    civil_bad(2100, 2, 29, 0, 0, 0);
    civil_bad(2024, 2, 30, 0, 0, 0);
    civil_bad(2000, 2, 30, 0, 0, 0);
}

static void civil_leap_second(void **state)
{
    (void)state;
    assert_true(civil_ok(2016, 12, 31, 23, 59, 60) == civil_ok(2016, 12, 31, 23, 59, 59));
    assert_true(civil_ok(1969, 12, 31, 23, 59, 60) == -1);
}

static void civil_rejects(void **state)
{
    (void)state;
    civil_bad(2024, 0, 1, 0, 0, 0);
    civil_bad(2024, 13, 1, 0, 0, 0);
    civil_bad(2024, -1, 1, 0, 0, 0);
    civil_bad(2024, 1, 0, 0, 0, 0);
    civil_bad(2024, 1, 32, 0, 0, 0);
    civil_bad(2024, 1, -1, 0, 0, 0);
    civil_bad(2024, 4, 31, 0, 0, 0);
    civil_bad(2024, 6, 31, 0, 0, 0);
    civil_bad(2024, 9, 31, 0, 0, 0);
    civil_bad(2024, 11, 31, 0, 0, 0);
    civil_bad(2024, 1, 1, 24, 0, 0);
    civil_bad(2024, 1, 1, -1, 0, 0);
    civil_bad(2024, 1, 1, 0, 60, 0);
    civil_bad(2024, 1, 1, 0, -1, 0);
    civil_bad(2024, 1, 1, 0, 0, 61);
    civil_bad(2024, 1, 1, 0, 0, -1);
    civil_bad(-1, 12, 31, 0, 0, 0);
    civil_bad(10000, 1, 1, 0, 0, 0);
    civil_bad(INT32_MIN, 1, 1, 0, 0, 0);
    civil_bad(2024, INT32_MAX, 1, 0, 0, 0);
    assert_int_equal(wos_time_from_civil(2024, 1, 1, 0, 0, 0, NULL), WOS_ERR_INVALID_ARG);
}

/* Count every day from 1969-01-01 to 2100-12-31 with the reference calendar
 * and compare, with a time of day that changes from day to day; the day past
 * each month's end must be rejected. */
static void civil_brute_force_days(void **state)
{
    int64_t day = -365; /* 1969-01-01 */
    int y, m, d;
    (void)state;
    for (y = 1969; y <= 2100; y++) {
        for (m = 1; m <= 12; m++) {
            int len = ref_mdays(y, m);
            for (d = 1; d <= len; d++, day++) {
                int tod = (int)((day * 7919) % 86400);
                if (tod < 0) {
                    tod += 86400;
                }
                assert_true(civil_ok(y, m, d, tod / 3600, tod / 60 % 60, tod % 60) ==
                            day * 86400 + tod);
            }
            civil_bad(y, m, len + 1, 0, 0, 0);
        }
    }
    assert_true(day == civil_ok(2101, 1, 1, 0, 0, 0) / 86400);
}

/* Over the whole range 0..9999: year lengths and February 29 follow the
 * Gregorian rule. */
static void civil_every_year(void **state)
{
    int y;
    (void)state;
    for (y = 0; y < 9999; y++) {
        int64_t len = civil_ok(y + 1, 1, 1, 0, 0, 0) - civil_ok(y, 1, 1, 0, 0, 0);
        assert_true(len == (365 + ref_leap(y)) * INT64_C(86400));
        if (ref_leap(y)) {
            (void)civil_ok(y, 2, 29, 12, 0, 0);
        } else {
            civil_bad(y, 2, 29, 12, 0, 0);
        }
    }
}

/* ---- wos_time_parse_rfc3339 -------------------------------------------- */

static void rfc_seeds_and_edges(void **state)
{
    (void)state;
    EXPECT(RFC, "2026-01-15T12:00:00.000Z", 1768478400);
    EXPECT(RFC, "2025-12-31T23:59:59.000Z", 1767225599);
    EXPECT(RFC, "1970-01-01T00:00:00Z", 0);
    EXPECT(RFC, "1969-12-31T23:59:59Z", -1);
    EXPECT(RFC, "9999-12-31T23:59:59Z", INT64_C(253402300799));
    EXPECT(RFC, "0000-01-01T00:00:00Z", INT64_C(-62167219200));
    EXPECT(RFC, "2016-12-31T23:59:60Z", civil_ok(2016, 12, 31, 23, 59, 59));
    EXPECT(RFC, "2026-01-15t12:00:00z", 1768478400);
    EXPECT(RFC, "2026-01-15T12:00:00z", 1768478400);
    EXPECT(RFC, "2026-01-15t12:00:00Z", 1768478400);
}

static void rfc_leap_days(void **state)
{
    (void)state;
    EXPECT(RFC, "2000-02-29T00:00:00Z", civil_ok(2000, 2, 29, 0, 0, 0));
    EXPECT(RFC, "2024-02-29T00:00:00Z", civil_ok(2024, 2, 29, 0, 0, 0));
    REJECT(RFC, "1900-02-29T00:00:00Z");
    REJECT(RFC, "2023-02-29T00:00:00Z");
    REJECT(RFC, "2100-02-29T00:00:00Z");
    REJECT(RFC, "2024-02-30T00:00:00Z");
}

static void rfc_offsets(void **state)
{
    const int64_t noon = 1768478400; /* 2026-01-15T12:00:00Z */
    (void)state;
    EXPECT(RFC, "2026-01-15T13:00:00+01:00", noon);
    EXPECT(RFC, "2026-01-15T11:00:00-01:00", noon);
    EXPECT(RFC, "2026-01-15T17:30:00+05:30", noon);
    EXPECT(RFC, "2026-01-15T06:30:00-05:30", noon);
    EXPECT(RFC, "2026-01-15T12:00:00+00:00", noon);
    EXPECT(RFC, "2026-01-15T12:00:00-00:00", noon);
    EXPECT(RFC, "2026-01-16T11:59:00+23:59", noon);
    EXPECT(RFC, "2026-01-14T12:01:00-23:59", noon);
    EXPECT(RFC, "2026-01-15T13:00:00.123+01:00", noon);
    /* An offset may carry the instant outside years 0..9999. */
    EXPECT(RFC, "0000-01-01T00:00:00+01:00", INT64_C(-62167219200) - 3600);
    EXPECT(RFC, "9999-12-31T23:59:59-01:00", INT64_C(253402300799) + 3600);
    REJECT(RFC, "2026-01-15T12:00:00+24:00");
    REJECT(RFC, "2026-01-15T12:00:00-24:00");
    REJECT(RFC, "2026-01-15T12:00:00+00:60");
    REJECT(RFC, "2026-01-15T12:00:00+99:99");
    REJECT(RFC, "2026-01-15T12:00:00+1:00");
    REJECT(RFC, "2026-01-15T12:00:00+01:0");
    REJECT(RFC, "2026-01-15T12:00:00+0100");
    REJECT(RFC, "2026-01-15T12:00:00+01-00");
    REJECT(RFC, "2026-01-15T12:00:00+01:000");
    REJECT(RFC, "2026-01-15T12:00:00 01:00");
    REJECT(RFC, "2026-01-15T12:00:00*01:00");
    REJECT(RFC, "2026-01-15T12:00:00,01:00");
    REJECT(RFC, "2026-01-15T12:00:00+-1:00");
    REJECT(RFC, "2026-01-15T12:00:00++1:00");
    REJECT(RFC, "2026-01-15T12:00:00+01:+0");
    REJECT(RFC, "2026-01-15T12:00:00+0a:00");
    REJECT(RFC, "2026-01-15T12:00:00Z+01:00");
    REJECT(RFC, "2026-01-15T12:00:00+01:00Z");
    REJECT(RFC, "2026-01-15T12:00:00");
    REJECT(RFC, "2026-01-15T12:00:00UTC");
    REJECT(RFC, "2026-01-15T12:00:00GMT");
    REJECT(RFC, "2026-01-15T12:00:00X");
}

/* Fractions of 1..9 digits are ignored (truncated, never rounded up); ten
 * or more digits are rejected. */
static void rfc_fractions(void **state)
{
    static const char digits[] = "9999999999";
    char buf[64];
    int n;
    (void)state;
    for (n = 1; n <= 10; n++) {
        int64_t got;
        snprintf(buf, sizeof buf, "2026-01-15T12:00:00.%.*sZ", n, digits);
        if (n <= 9) {
            assert_int_equal(parse(RFC, buf, &got), WOS_OK);
            assert_true(got == 1768478400);
        } else {
            assert_int_equal(parse(RFC, buf, &got), WOS_ERR_INVALID_TIME);
        }
        snprintf(buf, sizeof buf, "2026-01-15T13:00:00.%.*s+01:00", n, "0123456789");
        if (n <= 9) {
            assert_int_equal(parse(RFC, buf, &got), WOS_OK);
            assert_true(got == 1768478400);
        } else {
            assert_int_equal(parse(RFC, buf, &got), WOS_ERR_INVALID_TIME);
        }
    }
    EXPECT(RFC, "2025-12-31T23:59:59.999999999Z", 1767225599);
    REJECT(RFC, "2026-01-15T12:00:00.Z");
    REJECT(RFC, "2026-01-15T12:00:00.+01:00");
    REJECT(RFC, "2026-01-15T12:00:00.");
    REJECT(RFC, "2026-01-15T12:00:00..5Z");
    REJECT(RFC, "2026-01-15T12:00:00.5.5Z");
    REJECT(RFC, "2026-01-15T12:00:00.1aZ");
    REJECT(RFC, "2026-01-15T12:00:00.a1Z");
    REJECT(RFC, "2026-01-15T12:00:00.-1Z");
    REJECT(RFC, "2026-01-15T12:00:00,5Z");
    REJECT(RFC, "2026-01-15T12:00:00.5");
}

static void rfc_rejects(void **state)
{
    static const char *const bad[] = {
        /* impossible dates and times */
        "2026-00-15T12:00:00Z", "2026-13-15T12:00:00Z", "2026-01-00T12:00:00Z",
        "2026-01-32T12:00:00Z", "2026-04-31T12:00:00Z", "2026-02-30T12:00:00Z",
        "2026-01-15T24:00:00Z", "2026-01-15T12:60:00Z", "2026-01-15T12:00:61Z",
        "2026-01-15T99:99:99Z",
        /* missing fields */
        "2026-01-15", "2026-01-15T12:00Z", "2026-01-15T12Z", "2026-01T12:00:00Z",
        "2026-01-15T12:00:00", "T12:00:00Z", "", "Z",
        /* wrong widths */
        "26-01-15T12:00:00Z", "02026-01-15T12:00:00Z", "2026-1-15T12:00:00Z",
        "2026-01-5T12:00:00Z", "2026-01-15T2:00:00Z", "2026-01-15T12:0:00Z",
        "2026-01-15T12:00:0Z", "2026-01-15T12:00:000Z",
        /* wrong separators */
        "2026/01/15T12:00:00Z", "2026-01/15T12:00:00Z", "20260115T120000Z",
        "2026-01-15T12-00-00Z", "2026-01-15T12:00-00Z", "2026-01-15T12.00.00Z",
        "2026-01-15 12:00:00Z", "2026-01-15_12:00:00Z", "2026-01-15X12:00:00Z",
        "2026-01-15T12:00:00 Z", "2026-01-15TT12:00:00Z",
        /* trailing bytes */
        "2026-01-15T12:00:00Z ", "2026-01-15T12:00:00ZZ", "2026-01-15T12:00:00Z\n",
        "2026-01-15T12:00:00+01:00 ", " 2026-01-15T12:00:00Z",
        /* signs and non-digits in numbers */
        "+026-01-15T12:00:00Z", "-026-01-15T12:00:00Z", "2026-+1-15T12:00:00Z",
        "2026--1-15T12:00:00Z", "2026-01-+5T12:00:00Z", "2026-01-15T+2:00:00Z",
        "2026-01-15T12:-0:00Z", "2026-01-15T12:00:+0Z", "2026-0a-15T12:00:00Z",
        "2O26-01-15T12:00:00Z", "2026-01-15T12:00:0xZ", "2026-01-15T1 :00:00Z",
        "2026-01-15T12:00:00\xFFZ", "\xB2\xB0\xB2\xB6-01-15T12:00:00Z",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t got;
        assert_int_equal(parse(RFC, bad[i], &got), WOS_ERR_INVALID_TIME);
    }
    {   /* an embedded NUL inside the counted length */
        int64_t got;
        assert_int_equal(parse_n(RFC, "2026-01-15T12:00:00Z\0", 21, &got), WOS_ERR_INVALID_TIME);
        assert_int_equal(parse_n(RFC, "2026-01-15T12:00:00\0Z", 21, &got), WOS_ERR_INVALID_TIME);
        assert_int_equal(parse_n(RFC, "2026-01-15\0" "12:00:00Z", 20, &got), WOS_ERR_INVALID_TIME);
    }
}

static void check_prefixes(parse_fn fn, const char *full)
{
    size_t n, len = strlen(full);
    int64_t got;
    assert_int_equal(parse(fn, full, &got), WOS_OK);
    for (n = 0; n < len; n++) {
        assert_int_equal(parse_n(fn, full, n, &got), WOS_ERR_INVALID_TIME);
    }
}

static void rfc_every_truncation(void **state)
{
    (void)state;
    check_prefixes(RFC, "2026-01-15T12:00:00.000Z");
    check_prefixes(RFC, "2025-12-31T23:59:59.000Z");
    check_prefixes(RFC, "2026-01-15T12:00:00Z");
    check_prefixes(RFC, "2026-01-15T12:00:00.123456789Z");
    check_prefixes(RFC, "2026-01-15T12:00:00+01:00");
    check_prefixes(RFC, "2026-01-15T12:00:00.5-05:30");
}

static void null_arguments(void **state)
{
    int64_t out = SENTINEL;
    (void)state;
    assert_int_equal(RFC(NULL, 20, &out), WOS_ERR_INVALID_ARG);
    assert_int_equal(RFC(NULL, 0, &out), WOS_ERR_INVALID_ARG);
    assert_int_equal(RFC("2026-01-15T12:00:00Z", 20, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(HTTP(NULL, 29, &out), WOS_ERR_INVALID_ARG);
    assert_int_equal(HTTP("Sun, 06 Nov 1994 08:49:37 GMT", 29, NULL), WOS_ERR_INVALID_ARG);
    assert_true(out == SENTINEL);
}

/* ---- wos_time_parse_http_date ------------------------------------------ */

static void http_rfc9110_example(void **state)
{
    int64_t rfc;
    (void)state;
    EXPECT(HTTP, "Sun, 06 Nov 1994 08:49:37 GMT", 784111777);
    assert_int_equal(parse(RFC, "1994-11-06T08:49:37Z", &rfc), WOS_OK);
    EXPECT(HTTP, "Sun, 06 Nov 1994 08:49:37 GMT", rfc);
    EXPECT(HTTP, "Thu, 15 Jan 2026 12:00:00 GMT", 1768478400);
    EXPECT(HTTP, "Thu, 01 Jan 1970 00:00:00 GMT", 0);
    EXPECT(HTTP, "Wed, 31 Dec 1969 23:59:59 GMT", -1);
    EXPECT(HTTP, "Fri, 31 Dec 9999 23:59:59 GMT", INT64_C(253402300799));
    EXPECT(HTTP, "Sat, 01 Jan 0000 00:00:00 GMT", INT64_C(-62167219200));
    EXPECT(HTTP, "Sat, 31 Dec 2016 23:59:60 GMT", civil_ok(2016, 12, 31, 23, 59, 59));
    EXPECT(HTTP, "Tue, 29 Feb 2000 00:00:00 GMT", civil_ok(2000, 2, 29, 0, 0, 0));
}

static void http_wrong_weekday(void **state)
{
    char buf[32];
    int w;
    (void)state;
    for (w = 1; w < 7; w++) { /* 1994-11-06 is a Sunday (w = 0) */
        snprintf(buf, sizeof buf, "%s, 06 Nov 1994 08:49:37 GMT", ref_wday[w]);
        REJECT(HTTP, buf);
    }
}

static void http_other_forms(void **state)
{
    static const char *const bad[] = {
        /* obsolete forms RFC 9110 recipients may accept; we do not */
        "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
        "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun, 06-Nov-1994 08:49:37 GMT",
        /* near misses of IMF-fixdate */
        "sun, 06 Nov 1994 08:49:37 GMT", "SUN, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 nov 1994 08:49:37 GMT", "Sun, 06 NOV 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 gmt", "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 Nov 1994 08:49:37 +0000", "Sun, 06 Nov 1994 08:49:37 GMT ",
        "Sun, 06 Nov 1994 08:49:37", "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun,  6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun 06 Nov 1994 08:49:37 GMT ", "Sun,06 Nov 1994 08:49:37 GMT ",
        "Sun, 06 Nov 1994 8:49:37 GMT ", "Sun, 06 Nov 1994 08-49-37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMTX", " Sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994T08:49:37 GMT", "Sun, 06 Nov +994 08:49:37 GMT",
        "Sun, +6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:3x GMT",
        "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Xyz 1994 08:49:37 GMT",
        "Nov, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Sun 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT\r\n", "",
        /* impossible dates and times, with each weekday tried below */
    };
    static const char *const impossible[] = {
        "%s, 31 Apr 2024 00:00:00 GMT", "%s, 29 Feb 2023 00:00:00 GMT",
        "%s, 29 Feb 1900 00:00:00 GMT", "%s, 30 Feb 2024 00:00:00 GMT",
        "%s, 00 Jan 2024 00:00:00 GMT", "%s, 32 Jan 2024 00:00:00 GMT",
        "%s, 01 Jan 2024 24:00:00 GMT", "%s, 01 Jan 2024 00:60:00 GMT",
        "%s, 01 Jan 2024 00:00:61 GMT",
    };
    char buf[40];
    size_t i;
    int w;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        REJECT(HTTP, bad[i]);
    }
    for (i = 0; i < sizeof impossible / sizeof impossible[0]; i++) {
        for (w = 0; w < 7; w++) {
            snprintf(buf, sizeof buf, impossible[i], ref_wday[w]);
            REJECT(HTTP, buf);
        }
    }
}

static void http_every_truncation(void **state)
{
    (void)state;
    check_prefixes(HTTP, "Sun, 06 Nov 1994 08:49:37 GMT");
    check_prefixes(HTTP, "Thu, 15 Jan 2026 12:00:00 GMT");
}

/* Every day from 1969-01-01 to 2100-12-31 through both parsers, the
 * weekday counted alongside; every other weekday must be rejected. */
static void parsers_brute_force_days(void **state)
{
    int64_t day = -365; /* 1969-01-01, a Wednesday */
    int y, m, d, wday = 3, w;
    char buf[40];
    (void)state;
    for (y = 1969; y <= 2100; y++) {
        for (m = 1; m <= 12; m++) {
            for (d = 1; d <= ref_mdays(y, m); d++, day++, wday = (wday + 1) % 7) {
                int tod = (int)((day * 7919) % 86400);
                int64_t want, got;
                if (tod < 0) {
                    tod += 86400;
                }
                want = day * 86400 + tod;
                snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, tod / 3600,
                         tod / 60 % 60, tod % 60);
                assert_int_equal(parse(RFC, buf, &got), WOS_OK);
                assert_true(got == want);
                for (w = 0; w < 7; w++) {
                    snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", ref_wday[w], d,
                             ref_mon[m - 1], y, tod / 3600, tod / 60 % 60, tod % 60);
                    assert_int_equal(parse(HTTP, buf, &got),
                                     w == wday ? WOS_OK : WOS_ERR_INVALID_TIME);
                    if (w == wday) {
                        assert_true(got == want);
                    }
                }
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(civil_reference_points),
        cmocka_unit_test(civil_leap_days),
        cmocka_unit_test(civil_leap_second),
        cmocka_unit_test(civil_rejects),
        cmocka_unit_test(civil_brute_force_days),
        cmocka_unit_test(civil_every_year),
        cmocka_unit_test(rfc_seeds_and_edges),
        cmocka_unit_test(rfc_leap_days),
        cmocka_unit_test(rfc_offsets),
        cmocka_unit_test(rfc_fractions),
        cmocka_unit_test(rfc_rejects),
        cmocka_unit_test(rfc_every_truncation),
        cmocka_unit_test(null_arguments),
        cmocka_unit_test(http_rfc9110_example),
        cmocka_unit_test(http_wrong_weekday),
        cmocka_unit_test(http_other_forms),
        cmocka_unit_test(http_every_truncation),
        cmocka_unit_test(parsers_brute_force_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
