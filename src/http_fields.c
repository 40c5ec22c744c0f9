/* SPDX-License-Identifier: MIT */
/* The meaning of each line of an HTTP/1.1 response: status line, header
 * fields, the end of the header section (which picks the body framing),
 * chunk-size lines and trailers. http_parser.c finds the lines. */
#include "http_internal.h"

#include <string.h>

#include "scan.h"
#include "wos_time.h"

/* Retry-After delta-seconds beyond this are absurd; cap, never overflow. */
#define RETRY_AFTER_MAX 0x7FFFFFFF

/* The words we act on, as length-prefixed lower-case names: the headers
 * we extract, in the order of the cases in on_field(), then the Connection
 * options (in the order of their flags) and the one coding we decode. */
static const char k_words[] = "\016content-length"
                              "\021transfer-encoding"
                              "\012connection"
                              "\014content-type"
                              "\013retry-after"
                              "\004date"
                              "\014x-request-id"
                              "\005close"
                              "\012keep-alive"
                              "\007chunked";
enum { W_CONTENT_LENGTH, W_TE, W_CONNECTION, W_CONTENT_TYPE, W_RETRY_AFTER, W_DATE, W_REQUEST_ID,
       W_CLOSE, W_KEEP_ALIVE, W_CHUNKED };

/* One bit per ASCII byte that may not appear in a field name: controls,
 * space, DEL and the RFC 9110 delimiters "(),/:;<=>?@[\]{}. */
static const uint32_t k_not_tchar[4] = {0xFFFFFFFFu, 0xFC009305u, 0x38000001u, 0xA8000000u};

static bool is_tchar(unsigned char c)
{
    return c < 0x80u && ((k_not_tchar[c >> 5] >> (c & 31u)) & 1u) == 0u;
}

static bool is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* s[0..n) without leading and trailing OWS, into v. */
static void trim(const char *s, size_t n, wos_str *v)
{
    while (n > 0u && is_ows(*s)) {
        s++;
        n--;
    }
    while (n > 0u && is_ows(s[n - 1u])) {
        n--;
    }
    v->ptr = s;
    v->len = n;
}

wos_status wos_http_split_field(const char *s, size_t n, wos_str *name, wos_str *value)
{
    size_t i = 0;
    while (i < n && is_tchar((unsigned char)s[i])) {
        i++;
    }
    if (i == 0u || i == n || s[i] != ':') {
        return WOS_ERR_HTTP_MALFORMED;
    }
    name->ptr = s;
    name->len = i;
    trim(s + i + 1u, n - i - 1u, value);
    return WOS_OK;
}

/* Index of the word in k_words that v is in any ASCII case, or -1. Views
 * go by pointer here: passing them by value costs copies on Cortex-M. */
static int word(const wos_str *v)
{
    const char *k = k_words;
    int i;
    for (i = 0; *k != '\0'; i++) {
        wos_str f;
        f.ptr = k + 1;
        f.len = (size_t)(unsigned char)*k;
        if (wos_str_ieq(*v, f)) {
            return i;
        }
        k += 1u + f.len;
    }
    return -1;
}

static void connection(wos_http_parser *p, const wos_str *v)
{
    size_t i = 0, j;
    while (i < v->len) {
        unsigned w;
        wos_str tok;
        for (j = i; j < v->len && v->ptr[j] != ','; j++) {
        }
        trim(v->ptr + i, j - i, &tok);
        w = (unsigned)(word(&tok) - W_CLOSE);
        if (w <= W_KEEP_ALIVE - W_CLOSE) {
            p->flags_ |= (uint8_t)(WOS_HTTP_F_CLOSE << w);
        }
        i = j + 1u;
    }
}

static wos_status on_field(wos_http_parser *p, const wos_str *name, const wos_str *v)
{
    wos_http_response *r = &p->resp_;
    int64_t *at = &r->date;
    uint64_t x;
    switch (word(name)) {
    case W_CONTENT_LENGTH: /* Identical repeats are harmless; differing ones are smuggling. */
        if (wos_scan_dec(v->ptr, v->len, &x) != 0 || x > INT64_MAX ||
            (r->content_length >= 0 && (uint64_t)r->content_length != x)) {
            return WOS_ERR_HTTP_FRAMING;
        }
        r->content_length = (int64_t)x;
        break;
    case W_TE: /* Only a single `chunked`: we decode nothing else. */
        if ((p->flags_ & WOS_HTTP_F_CHUNKED) != 0u || word(v) != W_CHUNKED) {
            return WOS_ERR_HTTP_FRAMING;
        }
        p->flags_ |= WOS_HTTP_F_CHUNKED;
        break;
    case W_CONNECTION: connection(p, v); break;
    case W_CONTENT_TYPE: r->content_type = *v; break;
    case W_REQUEST_ID: r->request_id = *v; break;
    case W_RETRY_AFTER: /* delta-seconds, else an HTTP-date */
        r->retry_after_s = -1;
        r->retry_after_at = -1;
        if (wos_scan_dec(v->ptr, v->len, &x) == 0) {
            r->retry_after_s = x > RETRY_AFTER_MAX ? RETRY_AFTER_MAX : (int64_t)x;
            break;
        }
        at = &r->retry_after_at; /* made relative once Date is known */
        /* fall through */
    case W_DATE: /* Unix seconds, clamped at 0 so that -1 stays "absent" */
        *at = -1;
        if (wos_time_parse_http_date(v->ptr, v->len, at) == WOS_OK && *at < 0) {
            *at = 0;
        }
        break;
    default: break;
    }
    return WOS_OK;
}

static wos_status status_line(wos_http_parser *p, const char *s, size_t n)
{
    int code = 0;
    size_t i;
    if (n < 12u || memcmp(s, "HTTP/1.", 7) != 0 || (s[7] != '0' && s[7] != '1') || s[8] != ' ' ||
        (n > 12u && s[12] != ' ')) {
        return WOS_ERR_HTTP_MALFORMED;
    }
    for (i = 9; i < 12u; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - (unsigned)'0';
        if (d > 9u) {
            return WOS_ERR_HTTP_MALFORMED;
        }
        code = code * 10 + (int)d;
    }
    if (code < 100 || code > 599 || code == 101) { /* we never ask to switch protocols */
        return WOS_ERR_HTTP_MALFORMED;
    }
    p->resp_.status = code;
    if (s[7] == '0') {
        p->flags_ |= WOS_HTTP_F_HTTP10;
    }
    p->state_ = WOS_HTTP_ST_HEADER;
    return WOS_OK;
}

/* The body must fit after the header section; the buffer may still hold
 * skipped 1xx responses, which are dropped before the body arrives. */
static wos_status cl_body(wos_http_parser *p)
{
    uint64_t need = (uint64_t)(p->body_ - p->hdr_) + (uint64_t)p->resp_.content_length;
    p->state_ = WOS_HTTP_ST_BODY;
    if (need > (uint64_t)p->cap_) {
        p->left_ = (uint64_t)(size_t)need == need ? (size_t)need : SIZE_MAX;
        return WOS_ERR_BUFFER_TOO_SMALL;
    }
    p->left_ = (size_t)p->resp_.content_length;
    if (p->left_ == 0u) {
        wos_http_finish(p);
    }
    return WOS_OK;
}

static wos_status headers_done(wos_http_parser *p)
{
    wos_http_response *r = &p->resp_;
    unsigned f = p->flags_;
    if ((f & WOS_HTTP_F_CHUNKED) != 0u && r->content_length >= 0) {
        return WOS_ERR_HTTP_FRAMING;
    }
    if (r->status < 200) { /* interim: the real one follows */
        wos_http_reset_response(p);
        p->hdr_ = p->pos_;
        p->state_ = WOS_HTTP_ST_STATUS;
        return WOS_OK;
    }
    if (r->retry_after_at >= 0 && r->date >= 0) {
        int64_t d = r->retry_after_at - r->date;
        r->retry_after_s = d > 0 ? d : 0;
        r->retry_after_at = -1;
    }
    r->keep_alive = (f & WOS_HTTP_F_CLOSE) == 0u &&
                    ((f & WOS_HTTP_F_HTTP10) == 0u || (f & WOS_HTTP_F_KEEPALIVE) != 0u);
    p->body_ = p->out_ = p->pos_;
    if (r->status == 204 || r->status == 304) {
        wos_http_finish(p);
    } else if ((f & WOS_HTTP_F_CHUNKED) != 0u) {
        p->state_ = WOS_HTTP_ST_CHUNK_SIZE;
    } else if (r->content_length >= 0) {
        return cl_body(p);
    } else {
        r->keep_alive = false; /* only the close tells where the body ends */
        p->state_ = WOS_HTTP_ST_BODY;
        p->flags_ |= WOS_HTTP_F_UNTIL_CLOSE;
        p->left_ = SIZE_MAX; /* more than any buffer holds: never reaches 0 */
    }
    return WOS_OK;
}

/* chunk-size [BWS ; extensions]: extensions are ignored. */
static wos_status chunk_size(wos_http_parser *p, const char *s, size_t n)
{
    uint64_t v = 0;
    size_t i = 0;
    int d;
    for (; i < n && (d = wos_scan_hex(s[i])) >= 0; i++) {
        if ((v >> 60) != 0u) {
            return WOS_ERR_HTTP_FRAMING;
        }
        v = (v << 4) | (uint64_t)d;
    }
    while (i > 0u && i < n && is_ows(s[i])) {
        i++;
    }
    if (i == 0u || (i < n && s[i] != ';')) {
        return WOS_ERR_HTTP_FRAMING;
    }
    p->left_ = 0; /* too big: the size needed is unknown */
    /* Room after the final response's headers: skipped 1xx bytes before
     * hdr_ are dropped before the data lands, as for Content-Length. */
    if (v > (uint64_t)(p->cap_ - (p->out_ - p->hdr_))) {
        return WOS_ERR_BUFFER_TOO_SMALL;
    }
    p->state_ = v == 0u ? WOS_HTTP_ST_TRAILER : WOS_HTTP_ST_CHUNK_DATA;
    p->left_ = (size_t)v;
    return WOS_OK;
}

wos_status wos_http_line(wos_http_parser *p, const char *s, size_t n)
{
    wos_str name, value;
    wos_status st;
    switch (p->state_) {
    case WOS_HTTP_ST_STATUS:
        return status_line(p, s, n);
    case WOS_HTTP_ST_CHUNK_SIZE:
        return chunk_size(p, s, n);
    default:
        break;
    }
    if (n == 0u) {
        if (p->state_ == WOS_HTTP_ST_HEADER) {
            return headers_done(p);
        }
        wos_http_finish(p);
        return WOS_OK;
    }
    st = wos_http_split_field(s, n, &name, &value);
    if (st == WOS_OK && p->state_ == WOS_HTTP_ST_HEADER) {
        st = on_field(p, &name, &value);
    }
    return st;
}
