/* SPDX-License-Identifier: MIT */
/* Shared between the HTTP response parser's files: http_parser.c owns the
 * state machine and calls the header line functions of http_fields.c,
 * which return what a line says and change no parser state. Internal. */
#ifndef WOS_HTTP_INTERNAL_H
#define WOS_HTTP_INTERNAL_H

#include "wos_http_parser.h"

/* Parser states. The line states come first so that `state_ <= WOS_HTTP_ST_TRAILER`
 * means "the next bytes form a CRLF-terminated line", and everything after
 * WOS_HTTP_ST_HEADER means "the final header section is parsed". */
enum {
    WOS_HTTP_ST_HEADER,     /* status line (while resp_.status is 0), header lines up to the blank line */
    WOS_HTTP_ST_CHUNK_SIZE, /* chunk-size [; extensions] */
    WOS_HTTP_ST_CHUNK_END,  /* the CRLF after chunk data: an empty line, its CR checked first */
    WOS_HTTP_ST_TRAILER,    /* trailer lines up to the blank line */
    WOS_HTTP_ST_BODY,       /* left_ = bytes to come of the chunk (F_CHUNKED) or of the Content-Length
                             * body, or SIZE_MAX with F_UNTIL_CLOSE */
    WOS_HTTP_ST_DONE
};

/* flags_ bits: what the headers of the current response said. */
#define WOS_HTTP_F_HTTP10    0x01u
#define WOS_HTTP_F_CHUNKED   0x02u
#define WOS_HTTP_F_CLOSE     0x04u
#define WOS_HTTP_F_KEEPALIVE 0x08u
#define WOS_HTTP_F_UNTIL_CLOSE 0x10u /* the body ends when the peer closes */

/* Keeps a static function called from two places out of line, where
 * inlining it twice costs flash for nothing (GCC and Clang). */
#if defined(__GNUC__)
#define WOS_HTTP_NOINLINE __attribute__((noinline))
#else
#define WOS_HTTP_NOINLINE
#endif

/* Out of line only in builds for size (GCC's -Os defines __OPTIMIZE_SIZE__)
 * on Arm, where inlining a big static function into a loop costs more flash
 * than the call; at -O2 the call costs time, and RV32 code is smaller
 * inlined. */
#if defined(__GNUC__) && defined(__OPTIMIZE_SIZE__) && !defined(__riscv)
#define WOS_HTTP_OS_NOINLINE __attribute__((noinline))
#else
#define WOS_HTTP_OS_NOINLINE
#endif

/* Count bytes examined or moved, in test builds only (see work_). */
#ifdef WOS_TEST_WORK_COUNT
#define WOS_HTTP_WORK(p, n) ((p)->work_ += (n))
#else
#define WOS_HTTP_WORK(p, n) ((void)0)
#endif

/* Check that a header line is a field: a token name right before a colon.
 * s is the line in the parser's buffer, where a CR always ends it (scanned
 * lines only): the check reads up to that CR, no further, so it needs no
 * length. WOS_ERR_HTTP_MALFORMED: empty or non-token name, no colon,
 * whitespace before the colon, or a line starting with whitespace
 * (obs-fold). */
WOS_NODISCARD wos_status wos_http_check_field(const char *s);

/* Split a header line (CRLF excluded, s[n] its CR) into its name and
 * OWS-trimmed value; errors as wos_http_check_field(). */
WOS_NODISCARD wos_status wos_http_split_field(const char *s, size_t n, wos_str *name, wos_str *value);

/* One header field line (CRLF excluded, s[n] its CR): what it says about
 * the response goes into r and the WOS_HTTP_F_* flags. Errors as
 * wos_http_parser_commit(). */
WOS_NODISCARD wos_status wos_http_header(const char *s, size_t n, wos_http_response *r,
                                         wos_http_small_ *flags);

#endif
