/* SPDX-License-Identifier: MIT */
/*
 * The request writer (wos_http_request.h) as the Pipes layer calls it: the
 * method and target are written by a function the caller passes, so a
 * firmware whose only request line is fixed (a token-only one) links no
 * generic method, segment or query code.
 * Internal.
 */
#ifndef WOS_HTTP_REQUEST_INTERNAL_H
#define WOS_HTTP_REQUEST_INTERNAL_H

#include "sink.h"
#include "wos_http_request.h"

/* Writes the start of r's request line, the method, a space and the
 * target (without the " HTTP/1.1" that follows); WOS_ERR_INVALID_ARG when
 * a part of r it reads is refused. */
typedef wos_status (*wos_http_line_fn)(wos_sink *s, const wos_http_request *r);

/* The line writer of wos_http_request_write(): r's method, segments and query. */
wos_status wos_http_put_line(wos_sink *s, const wos_http_request *r);

/* '/' and seg percent-encoded; WOS_ERR_INVALID_ARG (nothing written) when
 * seg is NULL, empty, "." or "..", which would change the path the server
 * resolves. */
wos_status wos_http_put_segment(wos_sink *s, const wos_str *seg);

/* A header value we refuse: NULL, empty, or holding a control byte
 * (CR or LF would start a new header). The client checks its API key with
 * it once, at wos_client_init(), as the writer does on every request. */
bool wos_http_bad_value(wos_str v);

/* wos_http_request_write(), with the request line's start written by
 * line: a caller whose request line is fixed passes its own and links no
 * generic target code. */
WOS_NODISCARD wos_status wos_http_write(const wos_http_request *req, char *buf, size_t cap,
                                        size_t *out_len, wos_http_line_fn line);

#endif
