/* SPDX-License-Identifier: MIT */
#include "wos_http_request.h"

#include <string.h>

#include "http_request.h"
#include "scan.h"
#include "wos_config.h"

/*
 * Output goes through a counting sink (sink.h): bytes land only while they
 * fit, the count always advances, so one pass both writes what fits and
 * learns the exact size needed. The count saturates at SIZE_MAX, which
 * then means "does not fit in size_t".
 */
typedef wos_sink sink;

/* The bytes of p[0..n) (counted only when p is NULL: already in place). */
static void put(sink *s, const char *p, size_t n)
{
    (void)wos_sink_put(s, p, n);
}

static void put1(sink *s, char c)
{
    if (s->len < s->cap) {
        s->buf[s->len] = c;
    }
    if (s->len != SIZE_MAX) {
        s->len++;
    }
}

/* Literals are written by their known length (sizeof), not searched for NUL. */
#define PUT_LIT(s, lit) put((s), (lit), sizeof(lit) - 1u)

static void put_dec(sink *s, size_t v)
{
    char t[20]; /* 2^64 - 1 has 20 digits */
    size_t n = sizeof t;
    do {
        t[--n] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0u);
    put(s, t + n, sizeof t - n);
}

/* RFC 3986 unreserved: the only bytes a segment or query part keeps as-is. */
static int unreserved(unsigned char c)
{
    unsigned char l = (unsigned char)(c | 0x20u); /* folds A-Z onto a-z only */
    return (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

static void put_hex(sink *s, unsigned d)
{
    put1(s, (char)(d < 10u ? '0' + d : 'A' - 10u + d));
}

/* lead, then p[0..n) percent-encoded. */
static void put_pct(sink *s, char lead, const char *p, size_t n)
{
    size_t i;
    put1(s, lead);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (unreserved(c)) {
            put1(s, (char)c);
        } else {
            put1(s, '%');
            put_hex(s, (unsigned)c >> 4);
            put_hex(s, c & 15u);
        }
    }
}

wos_status wos_http_put_segment(sink *s, const wos_str *g)
{
    if (g->ptr == NULL || g->len == 0u ||
        (g->len <= 2u && g->ptr[0] == '.' && g->ptr[g->len - 1u] == '.')) {
        return WOS_ERR_INVALID_ARG;
    }
    put_pct(s, '/', g->ptr, g->len);
    return WOS_OK;
}

/* The target: segments, then the query. */
static wos_status put_target(sink *s, const wos_http_request *r)
{
    size_t i;
    char sep = '?';
    if (r->segment_count == 0u) {
        put1(s, '/');
    }
    for (i = 0; i < r->segment_count; i++) {
        /* segments is read only when there are some: NULL then is refused */
        if (r->segments == NULL || wos_http_put_segment(s, &r->segments[i]) != WOS_OK) {
            return WOS_ERR_INVALID_ARG;
        }
    }
    for (i = 0; i < r->query_count; i++) {
        const wos_http_query *q = r->query != NULL ? &r->query[i] : NULL;
        const char *z = q != NULL ? q->name : NULL;
        if (z == NULL || *z == '\0') {
            return WOS_ERR_INVALID_ARG;
        }
        if (q->value.ptr == NULL) {
            continue;
        }
        put_pct(s, sep, z, strlen(z));
        sep = '&';
        put_pct(s, '=', q->value.ptr, q->value.len);
    }
    return WOS_OK;
}

/* A CR or LF would let a value start a new header (injection); NUL
 * truncates it in many stacks; no host, key or UUID holds another control
 * byte either. Empty values are always a caller bug here. */
bool wos_http_bad_value(wos_str v)
{
    return v.ptr == NULL || v.len == 0u || wos_scan_text(v.ptr, v.len) != v.len;
}

/* Length of the method, an upper-case token; 0 for anything else. */
static size_t method_len(const char *m)
{
    size_t n = 0;
    while (m != NULL && m[n] != '\0') {
        if (m[n] < 'A' || m[n] > 'Z') {
            return 0u;
        }
        n++;
    }
    return n;
}

wos_status wos_http_put_line(sink *s, const wos_http_request *r)
{
    size_t m = method_len(r->method);
    if (m == 0u) {
        return WOS_ERR_INVALID_ARG;
    }
    put(s, r->method, m);
    put1(s, ' ');
    return put_target(s, r);
}

/* The body of s->buf's request, whose head ends in "Content-Length: ".
 * It is written once, behind the room the longest possible length takes
 * (3 digits per byte of size_t, at least as many as SIZE_MAX has) and the
 * blank line, then moved down to close the gap. Only a body that fits the
 * buffer but not behind that room is written a second time, at its exact
 * place and with exactly its room: a callback that then writes more cannot
 * touch bytes past the request. */
static wos_status put_body(sink *s, const wos_http_request *req)
{
    size_t h = s->len, gap = 3u * sizeof(size_t) + 4u, room = 0u, blen = 0u, again = 0u;
    char *at = NULL;
    wos_status st;
    if (h < s->cap && gap < s->cap - h) {
        at = s->buf + h + gap;
        room = s->cap - h - gap;
    }
    st = req->body(at, room, req->body_arg, &blen);
    if (st != WOS_OK && st != WOS_ERR_BUFFER_TOO_SMALL) {
        return st;
    }
    put_dec(s, blen);
    PUT_LIT(s, "\r\n\r\n");
    if (st != WOS_OK) {
        at = NULL; /* counted only, unless written in place here */
        if (s->len <= s->cap && blen <= s->cap - s->len) {
            st = req->body(s->buf + s->len, blen, req->body_arg, &again);
            if (st != WOS_OK || again != blen) {
                return st == WOS_OK || st == WOS_ERR_BUFFER_TOO_SMALL ? WOS_ERR_STATE : st;
            }
        }
    }
    put(s, at, blen); /* moved down: s->len <= h + gap, never past the body */
    return WOS_OK;
}

/* The whole request: head, then the body when there is one. */
static wos_status put_request(sink *s, const wos_http_request *r, wos_http_line_fn line)
{
    wos_status st;
    size_t i;
    bool v6;
    if (wos_http_bad_value(r->host) || wos_http_bad_value(r->api_key) || r->port == 0u ||
        (r->idempotency_key.ptr != NULL && wos_http_bad_value(r->idempotency_key))) {
        return WOS_ERR_INVALID_ARG;
    }
    st = line(s, r);
    if (st != WOS_OK) {
        return st;
    }
    PUT_LIT(s, " HTTP/1.1\r\nHost: ");
    for (i = 0; i < r->host.len && r->host.ptr[i] != ':'; i++) {
    }
    v6 = i < r->host.len && r->host.ptr[0] != '['; /* an IPv6 address: bracketed */
    if (v6) {
        put1(s, '[');
    }
    put(s, r->host.ptr, r->host.len);
    if (v6) {
        put1(s, ']');
    }
    if (r->port != (r->tls ? 443u : 80u)) {
        put1(s, ':');
        put_dec(s, r->port);
    }
    PUT_LIT(s, "\r\nAuthorization: Bearer ");
    put(s, r->api_key.ptr, r->api_key.len);
    /* Each line from here on is ended by what follows it: a line's CRLF
     * starts the next literal. */
    PUT_LIT(s, "\r\nUser-Agent: wos-pipes-c/" WOS_VERSION
               "\r\nAccept: application/json\r\nConnection: keep-alive");
    if (r->idempotency_key.ptr != NULL) {
        PUT_LIT(s, "\r\nIdempotency-Key: ");
        put(s, r->idempotency_key.ptr, r->idempotency_key.len);
    }
    if (r->body == NULL) {
        PUT_LIT(s, "\r\n\r\n");
        return WOS_OK;
    }
    PUT_LIT(s, "\r\nContent-Type: application/json\r\nContent-Length: ");
    return put_body(s, r);
}

/* The checks of wos_http_write() and wos_http_target_write(): the sink
 * over buf, or WOS_ERR_INVALID_ARG. */
static wos_status open_sink(sink *s, const wos_http_request *req, char *buf, size_t cap,
                            size_t *out_len)
{
    if (out_len == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    *out_len = 0u;
    if (req == NULL || (buf == NULL && cap != 0u)) {
        return WOS_ERR_INVALID_ARG;
    }
    s->buf = buf;
    s->cap = cap;
    s->len = 0u;
    return WOS_OK;
}

/* The status of a write that went through (st), with the size it takes. */
static wos_status close_sink(const sink *s, wos_status st, size_t *out_len)
{
    if (st != WOS_OK) {
        return st;
    }
    if (s->len == SIZE_MAX) {
        return WOS_ERR_OVERFLOW;
    }
    *out_len = s->len;
    return s->len > s->cap ? WOS_ERR_BUFFER_TOO_SMALL : WOS_OK;
}

/* One code path for the whole request, the public call's and the Pipes
 * layer's, keeps the argument and size checks in a single copy (flash). */
wos_status wos_http_write(const wos_http_request *req, char *buf, size_t cap, size_t *out_len,
                          wos_http_line_fn line)
{
    sink s;
    wos_status st = open_sink(&s, req, buf, cap, out_len);
    if (st != WOS_OK) {
        return st;
    }
    return close_sink(&s, put_request(&s, req, line), out_len);
}

wos_status wos_http_target_write(const wos_http_request *req, char *buf, size_t cap,
                                 size_t *out_len)
{
    sink s;
    wos_status st = open_sink(&s, req, buf, cap, out_len);
    if (st != WOS_OK) {
        return st;
    }
    return close_sink(&s, put_target(&s, req), out_len);
}

wos_status wos_http_request_write(const wos_http_request *req, char *buf, size_t cap,
                                  size_t *out_len)
{
    return wos_http_write(req, buf, cap, out_len, wos_http_put_line);
}
