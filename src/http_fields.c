/* SPDX-License-Identifier: MIT */
/* The meaning of the header field lines of an HTTP/1.1 response (and of
 * trailer lines): functions of a line that return what it says; the parser
 * (http_parser.c) alone moves its state machine. */
#include "http_internal.h"

#include <string.h>

#include "scan.h"
#include "wos_time.h"

/* Retry-After delta-seconds beyond this are absurd; cap, never overflow. */
#define RETRY_AFTER_MAX 0x7FFFFFFF

/* The words we act on: the names of the headers we extract, those most
 * responses carry first (they are tried in this order), then the
 * Connection options and the one coding we decode. Lower case; compared
 * in any ASCII case. One block of text without separators (no NULs: 10 B
 * less); a struct with one member per word, never instantiated, gives each
 * word's offset and length. The names are walked with a table of lengths
 * (40 B less than a table of pointers), an option is compared as its
 * member of the block. */
#define WOS_HTTP_NAMES(X)                                                                      \
    X(W_CONTENT_LENGTH, "content-length") X(W_CONTENT_TYPE, "content-type") X(W_DATE, "date")     \
    X(W_REQUEST_ID, "x-request-id") X(W_CONNECTION, "connection") X(W_TE, "transfer-encoding")    \
    X(W_RETRY_AFTER, "retry-after")
#define WOS_HTTP_OPTIONS(X) X(W_CLOSE, "close") X(W_KEEP_ALIVE, "keep-alive") X(W_CHUNKED, "chunked")
#define WOS_HTTP_W_ENUM(id, text) id,
#define WOS_HTTP_W_MEMBER(id, text) char id[sizeof text - 1u];
#define WOS_HTTP_W_TEXT(id, text) text
#define WOS_HTTP_W_LEN(id, text) [id] = sizeof text - 1u,
enum { WOS_HTTP_NAMES(WOS_HTTP_W_ENUM) W_NAMES };
struct wos_http_words {
    WOS_HTTP_NAMES(WOS_HTTP_W_MEMBER)
    WOS_HTTP_OPTIONS(WOS_HTTP_W_MEMBER)
};
static const char k_text[] = WOS_HTTP_NAMES(WOS_HTTP_W_TEXT) WOS_HTTP_OPTIONS(WOS_HTTP_W_TEXT);
/* The names' lengths: name i + 1 starts k_len[i] bytes after name i, as
 * the struct has no padding (checked: it lays out k_text's words). */
static const uint8_t k_len[W_NAMES] = {WOS_HTTP_NAMES(WOS_HTTP_W_LEN)};
typedef char wos_http_words_packed[sizeof(struct wos_http_words) == sizeof k_text - 1u ? 1 : -1];

/* One bit per printable ASCII byte (0x20..0x7F, from bit 0 of word 0)
 * that may not appear in a field name: space, DEL and the RFC 9110
 * delimiters "(),/:;<=>?@[\]{}. Bytes below 0x20 or above 0x7F wrap
 * past the table and are never tchars. */
static const uint32_t k_not_tchar[3] = {0xFC009305u, 0x38000001u, 0xA8000000u};

static bool is_tchar(unsigned char c)
{
    unsigned d = (unsigned)c - 0x20u;
    return d < 0x60u && ((k_not_tchar[d >> 5] >> (d & 31u)) & 1u) == 0u;
}

static bool is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* [s, e) without leading and trailing OWS, into v. By pointers: the
 * callers have the end at hand, and the code is smaller. */
static void trim(const char *s, const char *e, wos_str *v)
{
    while (s < e && is_ows(*s)) {
        s++;
    }
    while (e > s && is_ows(e[-1])) {
        e--;
    }
    v->ptr = s;
    v->len = (size_t)(e - s);
}

wos_status wos_http_check_field(const char *s)
{
    size_t i = 0;
    /* The line's CR, no tchar, ends the name at the latest: no bound. */
    while (is_tchar((unsigned char)s[i])) {
        i++;
    }
    return i == 0u || s[i] != ':' ? WOS_ERR_HTTP_MALFORMED : WOS_OK;
}

wos_status wos_http_split_field(const char *s, size_t n, wos_str *name, wos_str *value)
{
    size_t i = 0;
    if (wos_http_check_field(s) != WOS_OK) {
        return WOS_ERR_HTTP_MALFORMED;
    }
    while (s[i] != ':') { /* the first colon ends the name: no tchar is one */
        i++;
    }
    name->ptr = s;
    name->len = i;
    trim(s + i + 1u, s + n, value);
    return WOS_OK;
}

/* Whether s[0..n) is the word w (n bytes) in any ASCII case. The words
 * hold lower-case letters and '-' only, so a byte matches when it equals
 * the word's byte with the case bit set: besides the capital, only CR also
 * turns into '-' so, and no line holds one. */
static bool same(const char *s, const char *w, size_t n)
{
    size_t j = 0;
    while (j < n && (s[j] | 0x20) == w[j]) {
        j++;
    }
    return j == n;
}

/* Whether v is the word w in any ASCII case. Views go by pointer here:
 * passing them by value costs copies on Cortex-M. */
#define IS(v, id) is(v, k_text + offsetof(struct wos_http_words, id), sizeof((struct wos_http_words *)0)->id)
WOS_HTTP_NOINLINE static bool is(const wos_str *v, const char *w, size_t n)
{
    return v->len == n && same(v->ptr, w, n);
}

static void connection(wos_http_small_ *flags, const wos_str *v)
{
    const char *a = v->ptr, *e = a + v->len, *b;
    /* Walked by pointer (8 B less on M4 than by index); b + 1 past e still
     * points into the buffer, at the line's CR or LF. */
    for (; a < e; a = b + 1) {
        wos_str tok;
        for (b = a; b < e && *b != ','; b++) {
        }
        trim(a, b, &tok);
        *flags |= IS(&tok, W_CLOSE)        ? WOS_HTTP_F_CLOSE
                  : IS(&tok, W_KEEP_ALIVE) ? WOS_HTTP_F_KEEPALIVE
                                           : 0u;
    }
}

typedef char wos_http_retry_adjacent[offsetof(wos_http_response, retry_after_at) -
                                             offsetof(wos_http_response, retry_after_s) ==
                                         sizeof(int64_t)
                                     ? 1
                                     : -1];

static wos_status on_field(wos_http_response *r, wos_http_small_ *flags, int name, const wos_str *v)
{
    uint64_t x;
    switch (name) {
    case W_CONTENT_LENGTH: /* Identical repeats are harmless; differing ones are smuggling. */
        if (wos_scan_dec(v->ptr, v->len, &x) != 0 || x > INT64_MAX ||
            (r->content_length >= 0 && (uint64_t)r->content_length != x)) {
            return WOS_ERR_HTTP_FRAMING;
        }
        r->content_length = (int64_t)x;
        break;
    case W_TE: /* Only a single `chunked`: we decode nothing else. */
        if ((*flags & WOS_HTTP_F_CHUNKED) != 0u || !IS(v, W_CHUNKED)) {
            return WOS_ERR_HTTP_FRAMING;
        }
        *flags |= WOS_HTTP_F_CHUNKED;
        break;
    case W_CONNECTION: connection(flags, v); break;
    case W_CONTENT_TYPE: r->content_type = *v; break;
    case W_REQUEST_ID: r->request_id = *v; break;
    case W_RETRY_AFTER: /* delta-seconds, else an HTTP-date */
        /* retry_after_s and retry_after_at: -1 (two's complement), in one
         * call, as they are adjacent (checked below): 4 B less on M4. */
        memset(&r->retry_after_s, 0xFF, 2u * sizeof(int64_t));
        if (wos_scan_dec(v->ptr, v->len, &x) == 0) {
            r->retry_after_s = x > RETRY_AFTER_MAX ? RETRY_AFTER_MAX : (int64_t)x;
            break;
        }
        /* An HTTP-date, made relative once Date is known; Unix seconds,
         * clamped at 0 so that -1 stays "absent". */
        if (wos_time_parse_http_date(v->ptr, v->len, &r->retry_after_at) == WOS_OK &&
            r->retry_after_at < 0) {
            r->retry_after_at = 0;
        }
        break;
    case W_DATE: r->date = *v; break;
    default: break;
    }
    return WOS_OK;
}

wos_status wos_http_header(const char *s, size_t n, wos_http_response *r, wos_http_small_ *flags)
{
    wos_str value;
    const char *w = k_text; /* name i */
    size_t l;
    int i;
    /* The names we act on are tried first, each with its colon (the length
     * first: few names pass): a name that is one of them holds only tchars,
     * so it needs no other check. Any other name is checked, then ignored. */
    for (i = 0; i < W_NAMES; w += k_len[i++]) {
        l = k_len[i];
        if (l < n && s[l] == ':' && same(s, w, l)) {
            trim(s + l + 1u, s + n, &value);
            return on_field(r, flags, i, &value);
        }
    }
    return wos_http_check_field(s);
}
