/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for both timestamp parsers of wos_time.h. The input,
 * copied into an exact-size buffer, goes to wos_time_parse_rfc3339() and
 * wos_time_parse_http_date(). Each result is compared with an independent
 * reference written here from the header's description (a strict
 * template reader and Hinnant's days-from-civil), so the fuzzer finds wrong
 * answers as well as crashes; a failed parse must leave the output alone.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "walk.h"
#include "wos_time.h"

#define UNTOUCHED INT64_C(0x5A5A5A5A5A5A5A5A)

static int64_t days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int month_days(int y, int m)
{
    static const int k_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : k_days[m - 1];
}

/* n decimal digits at s, or -1 when any is not a digit. */
static int digits(const char *s, size_t n)
{
    int v = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Unix seconds of checked civil fields, or 0 with *ok = 0. */
static int64_t civil(int y, int mo, int d, int h, int mi, int s, int *ok)
{
    *ok = y >= 0 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= month_days(y, mo) &&
          h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
    if (!*ok) {
        return 0;
    }
    if (s == 60) {
        s = 59;
    }
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/* The reference RFC 3339 reader: returns 1 with *out, or 0 for invalid text. */
static int ref_rfc3339(const char *s, size_t len, int64_t *out)
{
    int f[6], ok, off = 0;
    size_t i = 19, k;
    if (len < 20u || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
        s[13] != ':' || s[16] != ':') {
        return 0;
    }
    f[0] = digits(s, 4);
    f[1] = digits(s + 5, 2);
    f[2] = digits(s + 8, 2);
    f[3] = digits(s + 11, 2);
    f[4] = digits(s + 14, 2);
    f[5] = digits(s + 17, 2);
    for (k = 0; k < 6; k++) {
        if (f[k] < 0) {
            return 0;
        }
    }
    if (s[i] == '.') {
        for (k = i + 1; k < len && s[k] >= '0' && s[k] <= '9'; k++) {
        }
        if (k == i + 1 || k - i - 1 > 9u) {
            return 0;
        }
        i = k;
    }
    if (len - i == 1u && (s[i] == 'Z' || s[i] == 'z')) {
        off = 0;
    } else if (len - i == 6u && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
        int oh = digits(s + i + 1, 2), om = digits(s + i + 4, 2);
        if (oh < 0 || om < 0 || oh > 23 || om > 59) {
            return 0;
        }
        off = (s[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
        return 0;
    }
    *out = civil(f[0], f[1], f[2], f[3], f[4], f[5], &ok) - off;
    return ok;
}

static int name_index(const char *s, const char *names, int count)
{
    int i;
    for (i = 0; i < count; i++) {
        if (memcmp(s, names + 3 * i, 3) == 0) {
            return i;
        }
    }
    return -1;
}

/* The reference IMF-fixdate reader: "Sun, 06 Nov 1994 08:49:37 GMT", weekday checked. */
static int ref_http_date(const char *s, size_t len, int64_t *out)
{
    int wd, mo, d, y, h, mi, sec, ok;
    int64_t t;
    if (len != 29u || memcmp(s + 3, ", ", 2) != 0 || s[7] != ' ' || s[11] != ' ' ||
        s[16] != ' ' || s[19] != ':' || s[22] != ':' || memcmp(s + 25, " GMT", 4) != 0) {
        return 0;
    }
    wd = name_index(s, "SunMonTueWedThuFriSat", 7);
    mo = name_index(s + 8, "JanFebMarAprMayJunJulAugSepOctNovDec", 12) + 1;
    d = digits(s + 5, 2);
    y = digits(s + 12, 4);
    h = digits(s + 17, 2);
    mi = digits(s + 20, 2);
    sec = digits(s + 23, 2);
    if (wd < 0 || mo < 1 || d < 0 || y < 0 || h < 0 || mi < 0 || sec < 0) {
        return 0;
    }
    t = civil(y, mo, d, h, mi, sec, &ok);
    if (!ok || ((days_from_civil(y, mo, d) + 4) % 7 + 7) % 7 != wd) {
        return 0;
    }
    *out = t;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_dup(data, size);
    const char *text = s != NULL ? s : "";
    int64_t got = UNTOUCHED, want = 0;
    wos_status st;

    st = wos_time_parse_rfc3339(text, size, &got);
    if (ref_rfc3339(text, size, &want)) {
        FUZZ_CHECK(st == WOS_OK && got == want);
    } else {
        FUZZ_CHECK(st == WOS_ERR_INVALID_TIME && got == UNTOUCHED);
    }

    got = UNTOUCHED;
    st = wos_time_parse_http_date(text, size, &got);
    if (ref_http_date(text, size, &want)) {
        FUZZ_CHECK(st == WOS_OK && got == want);
    } else {
        FUZZ_CHECK(st == WOS_ERR_INVALID_TIME && got == UNTOUCHED);
    }

    FUZZ_CHECK(wos_time_parse_rfc3339(text, size, NULL) == WOS_ERR_INVALID_ARG);
    FUZZ_CHECK(wos_time_parse_http_date(NULL, size, &got) == WOS_ERR_INVALID_ARG || size == 0u);
    free(s);
    return 0;
}
