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
 * The fraction is optional and ignored; the zone is `Z`, `+hh:mm` or
 * `-hh:mm` (`t`/`z` accepted in lower case). The result is UTC.
 * @param s    Text, not NUL-terminated; exactly len bytes are read.
 * @param len  Length of the text.
 * @param[out] out_unix_s Unix seconds; untouched on failure.
 * @return WOS_OK; WOS_ERR_INVALID_ARG (NULL pointer); WOS_ERR_INVALID_TIME
 *         (malformed text, or an impossible date or time such as month 13,
 *         February 30 or hour 24).
 */
wos_status wos_time_parse_rfc3339(const char *s, size_t len, int64_t *out_unix_s);

/**
 * @brief Parse an HTTP-date in IMF-fixdate form, e.g.
 * `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 section 5.6.7).
 * @param s    Text, not NUL-terminated.
 * @param len  Length of the text.
 * @param[out] out_unix_s Unix seconds; untouched on failure.
 * @return WOS_OK; WOS_ERR_INVALID_ARG (NULL pointer); WOS_ERR_INVALID_TIME
 *         (not IMF-fixdate, impossible date, or a weekday that does not
 *         match the date).
 */
wos_status wos_time_parse_http_date(const char *s, size_t len, int64_t *out_unix_s);

/**
 * @brief Unix seconds of a UTC civil date and time (proleptic Gregorian).
 * @return WOS_OK; WOS_ERR_INVALID_TIME when a field is out of range
 *         (year 0..9999, month 1..12, day valid for the month, hour 0..23,
 *         minute 0..59, second 0..60, 60 read as 59).
 */
wos_status wos_time_from_civil(int year, int month, int day, int hour, int minute, int second,
                               int64_t *out_unix_s);

#ifdef __cplusplus
}
#endif
#endif /* WOS_TIME_H */
