/* SPDX-License-Identifier: MIT */
/**
 * @file wos_status.h
 * @brief Status codes returned by every wos-pipes-c function.
 *
 * Zero is success; every failure has its own code so that a caller can act
 * on it without parsing text. wos_status_str() names each code; the text
 * never contains request data, so it is safe to log.
 */
#ifndef WOS_STATUS_H
#define WOS_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Result of a wos-pipes-c call. 0 is success. */
typedef enum wos_status {
    WOS_OK = 0,                   /**< Success. */
    WOS_ERR_INVALID_ARG,          /**< A NULL pointer, out-of-range value or forbidden byte (CR/LF/NUL in a header, `.`/`..` path segment). */
    WOS_ERR_BUFFER_TOO_SMALL,     /**< A caller buffer is too small; the call reports the size it needs. */
    WOS_ERR_NEED_MORE,            /**< Input ends before the item is complete; feed more bytes. */
    WOS_ERR_HTTP_MALFORMED,       /**< A status line, header line or chunk is not valid HTTP/1.1. */
    WOS_ERR_HTTP_HEADERS_TOO_LARGE, /**< The header section exceeds the configured limit. */
    WOS_ERR_HTTP_FRAMING,         /**< The body framing is ambiguous or broken: conflicting Content-Length, Content-Length with Transfer-Encoding, bad or overflowing chunk size. */
    WOS_ERR_JSON_MALFORMED,       /**< The text is not valid JSON (RFC 8259). */
    WOS_ERR_JSON_TOO_DEEP,        /**< JSON nesting exceeds WOS_JSON_MAX_DEPTH. */
    WOS_ERR_JSON_TOKENS,          /**< The token array is too small; the call reports the count it needs. */
    WOS_ERR_JSON_SHAPE,           /**< Valid JSON, but not the shape expected (wrong type, missing member). */
    WOS_ERR_NOT_FOUND,            /**< A looked-up member or item does not exist. */
    WOS_ERR_INVALID_UTF8,         /**< Bytes that are not valid UTF-8, a lone surrogate or a \\u0000 escape. */
    WOS_ERR_OVERFLOW,             /**< A number does not fit its type. */
    WOS_ERR_INVALID_TIME,         /**< A timestamp is malformed or names an impossible date or time. */
    WOS_ERR_HTTP_STATUS,          /**< The server answered with a non-2xx status; see the error result. */
    WOS_ERR_NETWORK,              /**< Name resolution, connect, send or receive failed. */
    WOS_ERR_TLS,                  /**< The TLS handshake or record layer failed. */
    WOS_ERR_CERT_REJECTED,        /**< The server certificate failed verification (chain, hostname or validity). */
    WOS_ERR_TIMEOUT,              /**< A deadline expired (or the operation would block past it). */
    WOS_ERR_CLOSED,               /**< The peer closed the connection. */
    WOS_ERR_STATE,                /**< The call is not valid in the object's current state. */
    WOS_ERR_CREATE_UNCONFIRMED,   /**< A create resent after an attempt that may have succeeded (its answer lost, or a 5xx) was answered 409: the first attempt probably created it; get it to confirm. */
    WOS_ERR_CLOCK_NOT_SET,        /**< The device's wall clock is not set, so a certificate's dates cannot be checked. */
    WOS_STATUS_COUNT_             /**< Number of codes; not a status. */
} wos_status;

/**
 * @brief Marks a function whose status must be used: the compiler warns
 * (an error under -Werror) when a caller drops it. GCC does not accept a
 * (void) cast as use; keep the status in a variable instead.
 */
#ifndef WOS_NODISCARD
#if defined(__GNUC__) || defined(__clang__)
#define WOS_NODISCARD __attribute__((warn_unused_result))
#else
#define WOS_NODISCARD
#endif
#endif

/**
 * @brief Name a status code.
 * @param[in] status Any value; unknown values give "unknown status".
 * @return A static, NUL-terminated, never-NULL string with no request data.
 */
const char *wos_status_str(wos_status status);

#ifdef __cplusplus
}
#endif
#endif /* WOS_STATUS_H */
