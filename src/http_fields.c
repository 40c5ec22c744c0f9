/* The meaning of each line of an HTTP/1.1 response: status line, header
 * fields, the end of the header section (which picks the body framing),
 * chunk-size lines and trailers. http_parser.c finds the lines. */
#include "http_internal.h"

#include <string.h>

#include "wos_time.h"

/* Retry-After delta-seconds beyond this are absurd; cap, never overflow. */
#define RETRY_AFTER_MAX 0x7FFFFFFF

/* Headers we extract, as length-prefixed lower-case names, in the order of
 * the cases in on_field(). */
static const char k_fields[] = "\016content-length"
                               "\021transfer-encoding"
                               "\012connection"
                               "\014content-type"
                               "\013retry-after"
                               "\004date"
                               "\014x-request-id";

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

static wos_str trim(const char *s, size_t n)
{
    wos_str v;
    while (n > 0u && is_ows(*s)) {
        s++;
        n--;
    }
    while (n > 0u && is_ows(s[n - 1u])) {
        n--;
    }
    v.ptr = s;
    v.len = n;
    return v;
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
    *value = trim(s + i + 1u, n - i - 1u);
    return WOS_OK;
}

/* A non-negative decimal. 0: ok; 1: above INT64_MAX (*out = INT64_MAX);
 * -1: empty or not all digits. */
static int parse_decimal(wos_str v, int64_t *out)
{
    int64_t x = 0;
    int big = 0;
    size_t i;
    if (v.len == 0u) {
        return -1;
    }
    for (i = 0; i < v.len; i++) {
        unsigned d = (unsigned)(unsigned char)v.ptr[i] - (unsigned)'0';
        if (d > 9u) {
            return -1;
        }
        if (x > INT64_MAX / 10 || (x == INT64_MAX / 10 && d > (unsigned)(INT64_MAX % 10))) {
            big = 1;
        } else {
            x = x * 10 + (int64_t)d;
        }
    }
    *out = big ? INT64_MAX : x;
    return big;
}

/* Unix seconds of an IMF-fixdate, clamped at 0 so that -1 stays "absent". */
static int64_t http_date(wos_str v)
{
    int64_t t;
    if (wos_time_parse_http_date(v.ptr, v.len, &t) != WOS_OK) {
        return -1;
    }
    return t < 0 ? 0 : t;
}

static void retry_after(wos_http_response *r, wos_str v)
{
    int64_t x;
    r->retry_after_s = -1;
    r->retry_after_at = -1;
    if (parse_decimal(v, &x) >= 0) {
        r->retry_after_s = x > RETRY_AFTER_MAX ? RETRY_AFTER_MAX : x;
    } else {
        r->retry_after_at = http_date(v); /* made relative once Date is known */
    }
}

static void connection(wos_http_parser *p, wos_str v)
{
    static const wos_str k_close = WOS_STR_LIT("close");
    static const wos_str k_keep = WOS_STR_LIT("keep-alive");
    size_t i = 0, j;
    while (i < v.len) {
        wos_str tok;
        for (j = i; j < v.len && v.ptr[j] != ','; j++) {
        }
        tok = trim(v.ptr + i, j - i);
        if (wos_str_ieq(tok, k_close)) {
            p->flags_ |= WOS_HTTP_F_CLOSE;
        } else if (wos_str_ieq(tok, k_keep)) {
            p->flags_ |= WOS_HTTP_F_KEEPALIVE;
        }
        i = j + 1u;
    }
}

static int field_index(wos_str name)
{
    const char *k = k_fields;
    int i;
    for (i = 0; *k != '\0'; i++) {
        wos_str f;
        f.ptr = k + 1;
        f.len = (size_t)(unsigned char)*k;
        if (wos_str_ieq(name, f)) {
            return i;
        }
        k += 1u + f.len;
    }
    return -1;
}

static wos_status on_field(wos_http_parser *p, wos_str name, wos_str v)
{
    static const wos_str k_chunked = WOS_STR_LIT("chunked");
    wos_http_response *r = &p->resp_;
    int64_t x = 0;
    switch (field_index(name)) {
    case 0: /* Identical repeats are harmless; differing ones are smuggling. */
        if (parse_decimal(v, &x) != 0 || (r->content_length >= 0 && r->content_length != x)) {
            return WOS_ERR_HTTP_FRAMING;
        }
        r->content_length = x;
        break;
    case 1: /* Only a single `chunked`: we decode nothing else. */
        if ((p->flags_ & WOS_HTTP_F_CHUNKED) != 0u || !wos_str_ieq(v, k_chunked)) {
            return WOS_ERR_HTTP_FRAMING;
        }
        p->flags_ |= WOS_HTTP_F_CHUNKED;
        break;
    case 2: connection(p, v); break;
    case 3: r->content_type = v; break;
    case 4: retry_after(r, v); break;
    case 5: r->date = http_date(v); break;
    case 6: r->request_id = v; break;
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

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

/* chunk-size [BWS ; extensions]: extensions are ignored. */
static wos_status chunk_size(wos_http_parser *p, const char *s, size_t n)
{
    uint64_t v = 0;
    size_t i = 0;
    int d;
    for (; i < n && (d = hex_digit(s[i])) >= 0; i++) {
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
    if (v == 0u) {
        p->state_ = WOS_HTTP_ST_TRAILER;
        p->left_ = 0;
    } else if (v > (uint64_t)(p->cap_ - p->out_)) {
        p->left_ = 0; /* size needed unknown */
        return WOS_ERR_BUFFER_TOO_SMALL;
    } else {
        p->state_ = WOS_HTTP_ST_CHUNK_DATA;
        p->left_ = (size_t)v;
    }
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
        st = on_field(p, name, value);
    }
    return st;
}
