/* SPDX-License-Identifier: MIT */
/**
 * @file wos_time.h
 * @brief Timestamp parsing with our own calendar code (no libc time).
 */
#ifndef WOS_TIME_H
#define WOS_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "wos_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Parse an RFC 3339 timestamp such as `2026-01-15T12:00:00.000Z`.
 *
 * Exactly `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+hh:mm|-hh:mm)`, nothing before
 * or after it. `t` and `z` are accepted in lower case. The fraction, 1 to
 * 9 digits, is ignored: the result is truncated to the second, never
 * rounded up; 10 or more digits are rejected (nanoseconds are the finest
 * any producer emits). Second 60 (a leap second) is read as 59. The offset
 * (hours 0..23, minutes 0..59; `-00:00` is UTC) is applied, so
 * `13:00:00+01:00` is 12:00 UTC; it may carry the result just outside
 * years 0..9999.
 * @param[in] s    Text, not NUL-terminated; exactly len bytes are read.
 * @param[in] len  Length of the text.
 * @param[out] out_unix_s Unix seconds (negative before 1970); untouched on
 *             failure.
 * @return WOS_OK; WOS_ERR_INVALID_ARG (NULL pointer); WOS_ERR_INVALID_TIME
 *         (malformed text: a missing or extra field, another separator, a
 *         space for `T`, a sign or non-digit in a number, an empty or
 *         too long fraction, trailing bytes; or an impossible date or time
 *         such as month 13, February 30 or hour 24).
 */
WOS_NODISCARD wos_status wos_time_parse_rfc3339(const char *s, size_t len, int64_t *out_unix_s);

/**
 * @brief Parse an HTTP-date in IMF-fixdate form, e.g.
 * `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 section 5.6.7).
 *
 * Exactly 29 bytes: case-sensitive day and month names, a 2-digit day, a
 * 4-digit year and `GMT`. The day name must be the weekday of the date.
 * Second 60 is read as 59. The obsolete RFC 850 form
 * (`Sunday, 06-Nov-94 08:49:37 GMT`) and the asctime form
 * (`Sun Nov  6 08:49:37 1994`) are rejected with WOS_ERR_INVALID_TIME:
 * RFC 9110 requires senders to generate IMF-fixdate, and accepting the old
 * forms would mean guessing the century of a 2-digit year.
 * @param[in] s    Text, not NUL-terminated; exactly len bytes are read.
 * @param[in] len  Length of the text.
 * @param[out] out_unix_s Unix seconds; untouched on failure.
 * @return WOS_OK; WOS_ERR_INVALID_ARG (NULL pointer); WOS_ERR_INVALID_TIME
 *         (not IMF-fixdate, an obsolete form, an impossible date, or a
 *         weekday that does not match the date).
 */
WOS_NODISCARD wos_status wos_time_parse_http_date(const char *s, size_t len, int64_t *out_unix_s);

/**
 * @brief Unix seconds of a UTC civil date and time (proleptic Gregorian).
 *
 * Leap years follow the Gregorian rule at every year, so 2000 and year 0
 * are leap years, 1900 and 2100 are not.
 * @param[in] year   0..9999.
 * @param[in] month  1..12.
 * @param[in] day    1..length of the month.
 * @param[in] hour   0..23.
 * @param[in] minute 0..59.
 * @param[in] second 0..60.
 * @param[out] out_unix_s Unix seconds (negative before 1970); untouched on
 *             failure.
 * @return WOS_OK; WOS_ERR_INVALID_ARG (out_unix_s is NULL);
 *         WOS_ERR_INVALID_TIME when a field is out of range
 *         (year 0..9999, month 1..12, day valid for the month, hour 0..23,
 *         minute 0..59, second 0..60, 60 read as 59).
 */
WOS_NODISCARD wos_status wos_time_from_civil(int year, int month, int day, int hour, int minute, int second,
                               int64_t *out_unix_s);

#ifdef __cplusplus
}
#endif
#endif /* WOS_TIME_H */
