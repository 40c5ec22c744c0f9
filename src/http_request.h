/* SPDX-License-Identifier: MIT */
/*
 * The request writer (wos_http_request.h) as the Pipes layer calls it: the
 * query string is written by a function the caller passes, so a firmware
 * whose operations send no query (a token-only one) links no query code.
 * Internal.
 */
#ifndef WOS_HTTP_REQUEST_INTERNAL_H
#define WOS_HTTP_REQUEST_INTERNAL_H

#include "sink.h"
#include "wos_http_request.h"

/* Writes r's query ("?name=value&..."); WOS_ERR_INVALID_ARG for a NULL or
 * empty name, or a NULL query with a count. */
typedef wos_status (*wos_http_query_fn)(wos_sink *s, const wos_http_request *r);

/* The query writer of wos_http_request_write(). */
wos_status wos_http_put_query(wos_sink *s, const wos_http_request *r);

/* wos_http_request_write() (whole != 0) or wos_http_target_write(), with
 * the query written by q (NULL: r's query is not read). */
WOS_NODISCARD wos_status wos_http_write(const wos_http_request *req, char *buf, size_t cap,
                                        size_t *out_len, wos_http_query_fn q, int whole);

#endif
