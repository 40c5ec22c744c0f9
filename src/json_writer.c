/* SPDX-License-Identifier: MIT */
#include "wos_json_writer.h"

#include <string.h>

#include "utf8.h"

/*
 * State of the innermost level, in `flags`: nothing yet, a value written
 * (the next one needs a comma), or a key written (its value is due). When a
 * container ends its parent resumes as "a value written", so one byte of
 * state suffices. The kind of level is top (depth 0), array or object.
 */
#define F_VALUE 1u
#define F_KEY   2u

/* Operations checked by step(); OP_VALUE == F_VALUE and OP_KEY == F_KEY. */
#define OP_VALUE 1u
#define OP_KEY   2u
#define OP_END   4u
/* Kinds of level: bit 0 of `kinds` for containers, K_TOP at depth 0. */
#define K_ARRAY  0u
#define K_OBJECT 1u
#define K_TOP    2u

static void fail(wos_json_writer *w, wos_status s)
{
    if (w->err == WOS_OK) {
        w->err = s;
    }
}

/*
 * Copy what fits, count everything: len stays the exact size needed.
 * memmove keeps the copy defined should a caller pass a string that lies in
 * its own output buffer (the output is then garbage, but nothing breaks).
 */
static void put(wos_json_writer *w, const void *s, size_t n)
{
    size_t len = w->len;
    if (len < w->cap) {
        memmove(w->buf + len, s, n < w->cap - len ? n : w->cap - len);
    }
    if (n > SIZE_MAX - len) {
        fail(w, WOS_ERR_OVERFLOW);
    } else {
        w->len = len + n;
    }
}

/*
 * Check that op may come next and write what separates it from the
 * previous item: a comma before a value or key, the bracket for an end.
 * For OP_KEY and OP_END, kind is the kind of container they belong in.
 */
static bool step(wos_json_writer *w, unsigned op, unsigned kind)
{
    unsigned cur, f;
    bool ok;
    if (w == NULL || w->err != WOS_OK) {
        return false;
    }
    f = w->flags;
    cur = (unsigned)(w->kinds & 1u) | (w->depth == 0u ? K_TOP : 0u);
    if (op == OP_VALUE) {
        /* a key is due in an object; the top level takes a single value */
        ok = cur == K_OBJECT ? f == F_KEY : (cur == K_ARRAY || f == 0u);
    } else {
        ok = cur == kind && f != F_KEY;
    }
    if (!ok) {
        w->err = WOS_ERR_STATE;
        return false;
    }
    if (op == OP_END) {
        put(w, &"]}"[kind], 1u);
        w->kinds >>= 1;
        w->depth--;
        op = F_VALUE;
    } else if (f == F_VALUE) {
        put(w, ",", 1u);
    }
    w->flags = (uint8_t)op;
    return true;
}

static bool pre_value(wos_json_writer *w)
{
    return step(w, OP_VALUE, 0u);
}

/* A number or literal: n bytes of s. */
static void scalar(wos_json_writer *w, const char *s, size_t n)
{
    if (pre_value(w)) {
        put(w, s, n);
    }
}

/* One byte that RFC 8259 requires escaped: `"`, `\` or a control char. */
static void escape(wos_json_writer *w, unsigned c)
{
    static const char short_forms[] = "btn\0fr"; /* 0x08..0x0D, none for 0x0B */
    char e[6];
    size_t n = 2u;
    e[0] = '\\';
    e[1] = (char)c;
    if (c < 0x20u) {
        if (c - 8u < 6u && short_forms[c - 8u] != '\0') {
            e[1] = short_forms[c - 8u];
        } else {
            e[1] = 'u';
            e[2] = '0';
            e[3] = '0';
            e[4] = (char)('0' + (c >> 4));
            c &= 0xFu;
            e[5] = (char)(c < 10u ? '0' + c : 'a' - 10u + c);
            n = 6u;
        }
    }
    put(w, e, n);
}

/*
 * Quoted and escaped, after step() set w->flags: then the `:` of a key
 * (F_KEY) or nothing more (F_VALUE). Runs of printable ASCII that need no
 * escape are copied as one block; other bytes go one UTF-8 sequence at a
 * time, each validated, then copied as is or escaped.
 */
static void put_str(wos_json_writer *w, const char *s, size_t len)
{
    const uint8_t *p = (const uint8_t *)s;
    const uint8_t *end = p + len;
    put(w, "\"", 1u);
    while (p < end) {
        size_t n = wos_json_plain(p, (size_t)(end - p));
        if (n != 0u) {
            put(w, p, n);
            p += n;
            continue;
        }
        n = wos_utf8_seq_len(p, (size_t)(end - p));
        if (n == 0u) {
            fail(w, WOS_ERR_INVALID_UTF8);
            return;
        }
        if (*p < 0x20u || *p == '"' || *p == '\\') {
            escape(w, *p);
        } else {
            put(w, p, n);
        }
        p += n;
    }
    put(w, "\":", w->flags); /* F_VALUE == 1, F_KEY == 2: the bytes due */
}

static void begin(wos_json_writer *w, unsigned kind)
{
    if (!pre_value(w)) {
        return;
    }
    if (w->depth >= WOS_JW_MAX_DEPTH) {
        w->err = WOS_ERR_STATE;
        return;
    }
    put(w, &"[{"[kind], 1u);
    w->kinds = (w->kinds << 1) | kind;
    w->depth++;
    w->flags = 0u;
}

void wos_jw_init(wos_json_writer *w, char *buf, size_t cap)
{
    if (w == NULL) {
        return;
    }
    memset(w, 0, sizeof *w);
    w->buf = buf;
    w->cap = cap;
    if (buf == NULL && cap != 0u) {
        w->err = WOS_ERR_INVALID_ARG;
    }
}

void wos_jw_object_begin(wos_json_writer *w) { begin(w, K_OBJECT); }
void wos_jw_object_end(wos_json_writer *w) { (void)step(w, OP_END, K_OBJECT); }
void wos_jw_array_begin(wos_json_writer *w) { begin(w, K_ARRAY); }
void wos_jw_array_end(wos_json_writer *w) { (void)step(w, OP_END, K_ARRAY); }

void wos_jw_key(wos_json_writer *w, wos_str key)
{
    if (w != NULL && key.ptr == NULL) {
        fail(w, WOS_ERR_INVALID_ARG);
    }
    if (step(w, OP_KEY, K_OBJECT)) {
        put_str(w, key.ptr, key.len);
    }
}

void wos_jw_key_c(wos_json_writer *w, const char *key)
{
    wos_jw_key(w, wos_str_c(key));
}

void wos_jw_string(wos_json_writer *w, wos_str s)
{
    if (s.ptr == NULL) {
        wos_jw_null(w);
    } else if (pre_value(w)) {
        put_str(w, s.ptr, s.len);
    }
}

void wos_jw_int(wos_json_writer *w, int64_t v)
{
    char d[20]; /* "-9223372036854775808" */
    size_t i = sizeof d;
    /* Negate in unsigned arithmetic: INT64_MIN has no positive int64. */
    uint64_t u = v < 0 ? 0u - (uint64_t)v : (uint64_t)v;
    uint32_t hi = (uint32_t)(u >> 32), lo = (uint32_t)u, m, q;
    /*
     * u / 10 as long division in 32-bit steps (hi, then lo's two halves, each
     * with the remainder, < 10, of the step before on top), so no 64-bit
     * division: that is a 700-byte libgcc routine on Cortex-M.
     */
    do {
        m = (hi % 10u) << 16 | lo >> 16;
        hi /= 10u;
        q = m / 10u;
        m = (m % 10u) << 16 | (lo & 0xFFFFu);
        lo = q << 16 | m / 10u;
        d[--i] = (char)('0' + m % 10u);
    } while ((hi | lo) != 0u);
    if (v < 0) {
        d[--i] = '-';
    }
    scalar(w, d + i, sizeof d - i);
}

void wos_jw_bool(wos_json_writer *w, bool v)
{
    scalar(w, &"falsetrue"[5u * v], 5u - v);
}

void wos_jw_null(wos_json_writer *w)
{
    scalar(w, "null", 4u);
}

wos_status wos_jw_finish(const wos_json_writer *w, size_t *out_len)
{
    wos_status st;
    size_t n = 0u;
    if (w == NULL || out_len == NULL) {
        st = WOS_ERR_INVALID_ARG;
    } else if (w->err != WOS_OK) {
        st = w->err;
    } else if (w->depth != 0u || (w->flags & F_VALUE) == 0u) {
        st = WOS_ERR_STATE;
    } else {
        n = w->len;
        st = n > w->cap ? WOS_ERR_BUFFER_TOO_SMALL : WOS_OK;
    }
    if (out_len != NULL) {
        *out_len = n;
    }
    return st;
}
