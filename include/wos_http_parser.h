/* SPDX-License-Identifier: MIT */
/**
 * @file wos_http_parser.h
 * @brief Incremental, zero-copy HTTP/1.1 response parser with no heap.
 *
 * The parser works inside one caller-owned buffer. The transport asks
 * wos_http_parser_space() where to receive, receives there, and reports the
 * count with wos_http_parser_commit(); or it hands bytes it already has to
 * wos_http_parser_feed(), which copies them in. Pieces may have any size,
 * down to one byte, and the result never depends on where they split. Each
 * byte is examined a bounded number of times, so byte-by-byte feeding costs
 * linear work.
 *
 * What it accepts (RFC 9112; strict wherever leniency could let two parsers
 * disagree on where a response ends):
 * - Status line `HTTP/1.1 200 OK` or `HTTP/1.0 ...`; the reason may be
 *   empty. Lines end in CRLF; a bare CR or LF, a control byte, obs-fold, a
 *   header line without a colon or with whitespace before it is
 *   WOS_ERR_HTTP_MALFORMED.
 * - 1xx interim responses (100 Continue, 103 Early Hints, ...) are skipped
 *   entirely. 101 Switching Protocols is WOS_ERR_HTTP_MALFORMED: the client
 *   never asks to upgrade, and what follows a 101 is not HTTP.
 * - Bodies framed by Content-Length, by `Transfer-Encoding: chunked` (chunk
 *   extensions and trailers allowed and ignored; the body is de-chunked in
 *   place so it ends contiguous in the buffer) or by the end of the
 *   connection. 204 and 304 have no body.
 *
 * Buffer layout after completion: the header section of the final response,
 * then the body, then (after a possible gap left by chunk framing) the bytes
 * that belong to the next response, see wos_http_parser_leftover(). All
 * strings handed out are views into the buffer, valid until the buffer is
 * reused.
 *
 * Keep-alive: after WOS_OK, the next response starts with the leftover.
 * Re-initialise the parser on the same buffer and feed the leftover back:
 * @code
 *   wos_str lo = wos_http_parser_leftover(&p);
 *   wos_http_parser_init(&p, buf, cap, 0);
 *   st = wos_http_parser_feed(&p, lo.ptr, lo.len, &used); // may already be WOS_OK
 * @endcode
 * feed() moves the bytes to the start of the buffer; they fit, because they
 * were in it.
 *
 * Room the buffer needs: the final response's header section plus its body.
 * A chunked body also needs room for the longest chunk-size or trailer line
 * that follows its last data byte (at least 3 bytes for `0\r\n`); a body
 * framed by the connection close needs one spare byte, because a full
 * buffer cannot tell "closed" from "more to come".
 */
#ifndef WOS_HTTP_PARSER_H
#define WOS_HTTP_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wos_config.h"
#include "wos_status.h"
#include "wos_str.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief What the parser extracted from a response.
 *
 * Every field is final once a call returned WOS_OK. After
 * WOS_ERR_BUFFER_TOO_SMALL for a body, every field except `body` is final
 * too, so a caller can still report the status and X-Request-ID.
 */
typedef struct wos_http_response {
    int status;             /**< Status code, 100..599 (never a skipped 1xx). */
    wos_str content_type;   /**< Content-Type value, trimmed (the last one if repeated); ptr NULL when absent. */
    wos_str request_id;     /**< X-Request-ID value, trimmed (the last one if repeated); ptr NULL when absent. */
    wos_str body;           /**< The (de-chunked) body; ptr NULL until complete. */
    int64_t content_length; /**< Content-Length, or -1 when absent. */
    /** Seconds to wait before retrying, or -1 when absent or not computable:
     *  delta-seconds as sent (capped at 2^31-1), or an HTTP-date minus the
     *  response's Date, floored at 0. Not capped by WOS_RETRY_AFTER_CAP_S:
     *  applying that policy is the client's job. */
    int64_t retry_after_s;
    /** Unix seconds of an HTTP-date Retry-After when the response has no
     *  usable Date header to subtract it from, else -1. */
    int64_t retry_after_at;
    /** Date value, trimmed (the last one if repeated); ptr NULL when absent.
     *  Not parsed here (that costs most calls for nothing): read it with
     *  wos_time_parse_http_date() when needed. */
    wos_str date;
    /** Whether the connection may carry the next request: HTTP/1.1 unless
     *  `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`;
     *  never after a body framed by the connection close. */
    bool keep_alive;
} wos_http_response;

/** Private: the type of the parser's small fields. Bytes on Arm, where
 *  Thumb loads and stores bytes as compactly as words; words on RISC-V,
 *  whose compressed instructions (RV32C) load and store only words, so a
 *  byte access costs 4 bytes of code where a word access costs 2. */
#if defined(__riscv)
typedef unsigned wos_http_small_;
#else
typedef uint8_t wos_http_small_;
#endif

/**
 * @brief Parser state. Allocate it anywhere (stack, static); the fields
 * ending in `_` are private except where noted.
 */
typedef struct wos_http_parser {
    /* The small fields and buf_ come first: small offsets give the
     * Cortex-M code 16-bit loads and stores (and no padding). */
    wos_http_small_ state_;  /**< Private: where the parser is. */
    wos_http_small_ flags_;  /**< Private: what the headers said. */
    wos_http_small_ err_;    /**< Private: sticky error (WOS_ERR_STATE once complete), 0 when none. */
    char *buf_;              /**< Private: the caller's buffer. */
    wos_http_response resp_; /**< Private: the response being parsed. */
    size_t cap_;             /**< Private: the capacity of buf_. */
    size_t len_;             /**< Private: bytes committed into it. */
    size_t pos_;             /**< Private: next byte to examine. */
    size_t line_;            /**< Private: start of the line being scanned. */
    size_t hdr_;             /**< Private: start of the current response's status line. */
    size_t body_;            /**< Private: first body byte. */
    size_t out_;             /**< Private: end of the body so far. */
    size_t left_;            /**< Private: body or chunk bytes to come; trailer bytes seen; size needed. */
    size_t max_hdr_;         /**< Private: header section limit. */
#ifdef WOS_TEST_WORK_COUNT
    /** Test builds only: bytes examined or moved so far. Proves the work
     *  is linear in the input however it is split. */
    size_t work_;
#endif
} wos_http_parser;

/**
 * @brief Start parsing a response into a caller-owned buffer.
 *
 * Nothing is written outside `buf[0..cap)`; the buffer must outlive every
 * view the parser hands out.
 * @param[out] p                The parser to (re)initialise.
 * @param[in,out] buf              Receive buffer; holds the header section and body.
 * @param[in] cap              Its size in bytes.
 * @param[in] max_header_bytes Limit of each response's status line plus
 *                         headers (including the blank line);
 *                         0 selects WOS_HTTP_MAX_HEADER_BYTES.
 * @return WOS_OK; WOS_ERR_INVALID_ARG when p or buf is NULL or cap is 0
 *         (then every later call on a non-NULL p returns that status too).
 */
WOS_NODISCARD wos_status wos_http_parser_init(wos_http_parser *p, char *buf, size_t cap, size_t max_header_bytes);

/**
 * @brief Where the transport should receive next, zero-copy.
 * @param[in,out] p            The parser.
 * @param[out] out_ptr First free byte of the buffer.
 * @param[out] out_len How many bytes may be received there (never 0 on WOS_OK).
 * @return WOS_OK; WOS_ERR_INVALID_ARG (NULL argument); WOS_ERR_STATE when the
 *         response is already complete; otherwise the sticky error of an
 *         earlier call (e.g. WOS_ERR_BUFFER_TOO_SMALL).
 */
WOS_NODISCARD wos_status wos_http_parser_space(wos_http_parser *p, char **out_ptr, size_t *out_len);

/**
 * @brief Parse n bytes just received at the pointer wos_http_parser_space()
 * returned.
 * @param[in,out] p The parser.
 * @param[in] n Bytes received; at most the room space() reported.
 * @return WOS_OK: the response is complete (bytes past its end are the
 *         leftover); WOS_ERR_NEED_MORE: receive more;
 *         WOS_ERR_HTTP_MALFORMED: bad status line or header line;
 *         WOS_ERR_HTTP_HEADERS_TOO_LARGE: a header section or the trailer
 *         section exceeds the limit;
 *         WOS_ERR_HTTP_FRAMING: conflicting Content-Length values,
 *         Content-Length with Transfer-Encoding, a Transfer-Encoding other
 *         than `chunked`, a bad or overflowing Content-Length or chunk size,
 *         no CRLF after chunk data;
 *         WOS_ERR_BUFFER_TOO_SMALL: the response does not fit, see
 *         wos_http_parser_needed();
 *         WOS_ERR_INVALID_ARG: p is NULL or n exceeds the room (state kept);
 *         WOS_ERR_STATE: the response was already complete.
 *         Every error but INVALID_ARG and STATE is sticky: later calls
 *         return it again.
 */
WOS_NODISCARD wos_status wos_http_parser_commit(wos_http_parser *p, size_t n);

/**
 * @brief Copying convenience: copy bytes in and parse them.
 *
 * `data` may lie inside the parser's own buffer when it fits the room
 * space() reports (it is moved, not copied), so the leftover of the previous
 * response can be fed straight back after wos_http_parser_init().
 * @param[in,out] p             The parser.
 * @param[in] data          Bytes received; may be NULL when len is 0.
 * @param[in] len           Their count.
 * @param[out] out_used Bytes of data that belong to this response; on
 *                      WOS_OK the rest belong to the next one. On an error,
 *                      the bytes copied in so far.
 * @return As wos_http_parser_commit(); WOS_ERR_INVALID_ARG for a NULL
 *         pointer.
 */
WOS_NODISCARD wos_status wos_http_parser_feed(wos_http_parser *p, const char *data, size_t len, size_t *out_used);

/**
 * @brief Tell the parser the peer closed the connection.
 * @param[in,out] p The parser.
 * @return WOS_OK: a body framed by the close is now complete (or the
 *         response was already complete); WOS_ERR_CLOSED: the connection
 *         closed before the end of the headers, of a Content-Length body or
 *         of a chunked body (sticky); WOS_ERR_INVALID_ARG: p is NULL;
 *         otherwise the sticky error of an earlier call.
 */
WOS_NODISCARD wos_status wos_http_parser_eof(wos_http_parser *p);

/**
 * @brief The response parsed so far.
 * @param[in] p The parser.
 * @return The response, final once a call returned WOS_OK (see
 *         wos_http_response); NULL when p is NULL.
 */
const wos_http_response *wos_http_parser_response(const wos_http_parser *p);

/**
 * @brief After completion: bytes already in the buffer that belong to the
 * next response on the connection.
 * @param[in] p The parser.
 * @return A view of them (len 0 when none); the absent view when p is NULL
 *         or the response is not complete.
 */
wos_str wos_http_parser_leftover(const wos_http_parser *p);

/**
 * @brief After WOS_ERR_BUFFER_TOO_SMALL: the buffer size that would hold
 * the response.
 * @param[in] p The parser.
 * @return Total bytes needed (header section plus body, saturated at
 *         SIZE_MAX) when the body has a Content-Length; 0 when unknown
 *         (header section, chunked or close-framed body), when there was no
 *         such error, or when p is NULL.
 */
size_t wos_http_parser_needed(const wos_http_parser *p);

/**
 * @brief Look up a header of the current response by name.
 *
 * Valid once the header section is parsed (after WOS_OK, or after
 * WOS_ERR_BUFFER_TOO_SMALL for a body). With repeated headers the first one
 * is returned.
 * @param[in] p              The parser.
 * @param[in] name           Header name, NUL-terminated, any ASCII case.
 * @param[out] out_value The value with surrounding whitespace trimmed, a
 *                       view into the buffer; untouched on failure.
 * @return WOS_OK; WOS_ERR_NOT_FOUND; WOS_ERR_STATE when the header section
 *         is not parsed yet; WOS_ERR_INVALID_ARG for a NULL pointer.
 */
WOS_NODISCARD wos_status wos_http_parser_header(const wos_http_parser *p, const char *name, wos_str *out_value);

#ifdef __cplusplus
}
#endif
#endif /* WOS_HTTP_PARSER_H */
