/* SPDX-License-Identifier: MIT */
/*
 * The counting output (wos_sink.h) of the request writer and the JSON
 * writer, and the JSON string writer, shared by the JSON writer and the
 * hand-written token body (which thus links no JSON state machine).
 * Internal.
 */
#ifndef WOS_SINK_INTERNAL_H
#define WOS_SINK_INTERNAL_H

#include <stdbool.h>

#include "wos_sink.h"
#include "wos_status.h"

/* What fits of p[0..n) is copied as one block (nothing when p is NULL:
 * the bytes are already in place); the count always advances. false: it
 * passed SIZE_MAX, where it now stays. */
bool wos_sink_put(wos_sink *s, const void *p, size_t n);

/* How wos_sink_esc() ends a JSON string (quoted, RFC 8259 escapes): with
 * nothing more, or for a key with its colon. */
enum { WOS_ESC_JSON = 1, WOS_ESC_JSON_KEY = 2 };

/* s[0..len) as a JSON string, ended as how says. WOS_ERR_INVALID_UTF8
 * (the bytes must be UTF-8; the output stops there), WOS_ERR_OVERFLOW (the
 * count passed SIZE_MAX), whichever came first; else WOS_OK. */
wos_status wos_sink_esc(wos_sink *s, const char *str, size_t len, unsigned how);

#endif
