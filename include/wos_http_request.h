/* SPDX-License-Identifier: MIT */
/**
 * @file wos_http_request.h
 * @brief HTTP/1.1 request writer: one whole request (head and body) into
 * one caller buffer, with an exact Content-Length and no body copy.
 *
 * The body callback runs once, into the buffer behind the head and the
 * room the longest possible Content-Length takes (3 digits per byte of
 * size_t, at least SIZE_MAX's, whatever the buffer's size), plus the blank
 * line; the body is then moved
 * down next to its actual length. Only a body that fits the buffer but not
 * behind that room is written a second time, at its exact place. The
 * callback must therefore write the same bytes every time and have no side
 * effects. The writer knows nothing of the body's format (the Pipes layer
 * writes JSON bodies).
 */
#ifndef WOS_HTTP_REQUEST_H
#define WOS_HTTP_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wos_status.h"
#include "wos_str.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief One query parameter, written as `name=value` (both percent-encoded). */
typedef struct wos_http_query {
    const char *name; /**< NUL-terminated, non-empty. */
    wos_str value;    /**< `ptr == NULL`: the parameter is omitted; empty: `name=`. */
} wos_http_query;

/**
 * @brief Writes the body (sent as application/json). Called once per
 * request, or twice when the buffer leaves the body just its own room;
 * must produce identical output every time.
 * @param[out] buf Where to write; nothing may be written past buf + cap.
 * @param[in] cap Room at buf (may be 0).
 * @param[in] arg The request's body_arg, passed through unchanged.
 * @param[out] out_len The body's whole length, also when it does not fit.
 * @return WOS_OK (it fits); WOS_ERR_BUFFER_TOO_SMALL (it does not:
 *         out_len is the room needed); any other status is passed on.
 */
typedef wos_status (*wos_http_body_fn)(char *buf, size_t cap, const void *arg, size_t *out_len);

/** @brief Everything needed to write one request. Nothing is copied or kept. */
typedef struct wos_http_request {
    const char *method;          /**< Upper-case token: "GET", "POST", "PUT", "DELETE". */
    const wos_str *segments;     /**< Path `/seg1/seg2...`; each encoded as one segment. */
    size_t segment_count;        /**< 0 gives the path `/`. */
    const wos_http_query *query; /**< May be NULL when query_count is 0. */
    size_t query_count;          /**< Parameters in order; omitted ones leave no `&`. */
    wos_str host;                /**< Host: "api.workos.com", or an IPv6 address "::1" (bracketed when written) or "[::1]". */
    uint16_t port;               /**< 1..65535; appended to Host unless 443 with tls / 80 without. */
    bool tls;                    /**< Scheme is https (true) or http (false). */
    wos_str api_key;             /**< Sent as `Authorization: Bearer <api_key>`. */
    wos_str idempotency_key;     /**< `ptr == NULL`: no Idempotency-Key header. */
    wos_http_body_fn body;       /**< NULL: no body and no Content-* headers. */
    const void *body_arg;        /**< Passed to body. */
} wos_http_request;

/**
 * @brief Write a whole HTTP/1.1 request: request line, headers, blank line
 * and the JSON body, in that order.
 *
 * Headers, in order: Host, Authorization, User-Agent, Accept,
 * Connection: keep-alive, Idempotency-Key (when set), and with a body
 * Content-Type and Content-Length. On any failure the buffer's contents are
 * unspecified, but nothing is ever written at or past `buf + cap`.
 *
 * @param[in] req     The request.
 * @param[out] buf     Output buffer; may be NULL when cap is 0 (measure only).
 * @param[in] cap     Size of buf in bytes.
 * @param[out] out_len Receives the request length on WOS_OK, the exact size
 *                needed on WOS_ERR_BUFFER_TOO_SMALL, 0 otherwise.
 * @return WOS_OK: the request is in buf[0 .. *out_len).
 * @return WOS_ERR_BUFFER_TOO_SMALL: cap < *out_len, the size needed.
 * @return WOS_ERR_INVALID_ARG: a NULL pointer; a method that is not A-Z;
 *         an empty, `.` or `..` path segment; an empty or NULL query name;
 *         an empty host, api key or (set) idempotency key; a control byte
 *         (CR, LF, NUL, tab, ...) or DEL in the host, api key or
 *         idempotency key; port 0.
 * @return Any other status of the body callback (the Pipes layer's JSON
 *         bodies give WOS_ERR_INVALID_UTF8, WOS_ERR_STATE, ...), passed
 *         through; WOS_ERR_STATE also when the body callback, called a
 *         second time, wrote a different length.
 * @return WOS_ERR_OVERFLOW: the request length does not fit in size_t.
 */
WOS_NODISCARD wos_status wos_http_request_write(const wos_http_request *req, char *buf, size_t cap,
                                  size_t *out_len);

/**
 * @brief Write only the request target (`/seg1/seg2?name=value&...`), for
 * callers that run their own HTTP stack. Uses req's segments and query;
 * every other field is ignored.
 *
 * @param[in] req     The request.
 * @param[out] buf     Output buffer; may be NULL when cap is 0 (measure only).
 * @param[in] cap     Size of buf in bytes.
 * @param[out] out_len Receives the target length on WOS_OK, the exact size
 *                needed on WOS_ERR_BUFFER_TOO_SMALL, 0 otherwise.
 * @return WOS_OK: the target is in buf[0 .. *out_len), not NUL-terminated.
 * @return WOS_ERR_BUFFER_TOO_SMALL: cap < *out_len, the size needed.
 * @return WOS_ERR_INVALID_ARG: a NULL pointer; an empty, `.` or `..`
 *         segment; an empty or NULL query name.
 * @return WOS_ERR_OVERFLOW: the target length does not fit in size_t.
 */
WOS_NODISCARD wos_status wos_http_target_write(const wos_http_request *req, char *buf, size_t cap,
                                 size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif /* WOS_HTTP_REQUEST_H */
