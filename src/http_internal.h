/* SPDX-License-Identifier: MIT */
/* Shared between the HTTP response parser's files (http_parser.c drives the
 * state machine, http_fields.c gives lines their meaning). Internal. */
#ifndef WOS_HTTP_INTERNAL_H
#define WOS_HTTP_INTERNAL_H

#include "wos_http_parser.h"

/* Parser states. The line states come first so that `state_ <= WOS_HTTP_ST_TRAILER`
 * means "the next bytes form a CRLF-terminated line", and everything after
 * WOS_HTTP_ST_HEADER means "the final header section is parsed". */
enum {
    WOS_HTTP_ST_STATUS,     /* status line */
    WOS_HTTP_ST_HEADER,     /* header lines up to the blank line */
    WOS_HTTP_ST_CHUNK_SIZE, /* chunk-size [; extensions] */
    WOS_HTTP_ST_TRAILER,    /* trailer lines up to the blank line */
    WOS_HTTP_ST_CHUNK_END,  /* the CRLF after chunk data; left_ = bytes of it seen */
    WOS_HTTP_ST_CHUNK_DATA, /* left_ = chunk bytes to come */
    WOS_HTTP_ST_BODY,       /* left_ = Content-Length bytes to come, or SIZE_MAX with F_UNTIL_CLOSE */
    WOS_HTTP_ST_DONE
};

/* flags_ bits: what the headers of the current response said. */
#define WOS_HTTP_F_HTTP10    0x01u
#define WOS_HTTP_F_CHUNKED   0x02u
#define WOS_HTTP_F_CLOSE     0x04u
#define WOS_HTTP_F_KEEPALIVE 0x08u /* F_CLOSE << 1: http_fields.c shifts */
#define WOS_HTTP_F_UNTIL_CLOSE 0x10u /* the body ends when the peer closes */

/* Forget what earlier headers said (start, or after a 1xx response). */
void wos_http_reset_response(wos_http_parser *p);

/* Mark the response complete: the body is [body_, out_). */
void wos_http_finish(wos_http_parser *p);

/* Split a header line (CRLF excluded) into its name and OWS-trimmed value.
 * WOS_ERR_HTTP_MALFORMED: empty or non-token name, no colon, whitespace
 * before the colon, or a line starting with whitespace (obs-fold). */
wos_status wos_http_split_field(const char *s, size_t n, wos_str *name, wos_str *value);

/* Handle one complete line (CRLF excluded) in the current line state;
 * moves the state on. Errors as wos_http_parser_commit(). */
wos_status wos_http_line(wos_http_parser *p, const char *s, size_t n);

#endif
