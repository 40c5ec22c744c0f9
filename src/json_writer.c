/* SPDX-License-Identifier: MIT */
#include "wos_json_writer.h"

#include <string.h>

#include "sink.h"

/*
 * State of the innermost level, in `flags`: nothing yet, a value written
 * (the next one needs a comma), or a key written (its value is due). When a
 * container ends its parent resumes as "a value written", so one byte of
 * state suffices. The kind of level is top (depth 0), array or object.
 */
#define F_VALUE 1u
#define F_KEY   2u

/*
 * What step() is asked to write (op): a value (as is, or OP_STR: quoted and
 * escaped), a key, the begin or end of a container (OP_OBJ: an object,
 * else an array). OP_VALUE == F_VALUE and OP_KEY == F_KEY.
 */
#define OP_VALUE 1u
#define OP_KEY   2u
#define OP_END   4u
#define OP_BEGIN 8u
#define OP_STR   16u
#define OP_OBJ   32u
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

/* Copy what fits, count everything: out.len stays the exact size needed. */
static void raw(wos_json_writer *w, const void *s, size_t n)
{
    if (!wos_sink_put(&w->out, s, n)) {
        fail(w, WOS_ERR_OVERFLOW);
    }
}

/*
 * Check that op may come next, write what separates it from the previous
 * item (a comma before a value, key or begin), then the item: s[0..n) for
 * a value, the bracket of a begin or end (a key's or a string's: quoted()).
 * Every call of the writer is one call of this, so their checks and
 * writes are in one place.
 */
static bool step(wos_json_writer *w, unsigned op, const char *s, size_t n)
{
    unsigned kind = (op & OP_OBJ) != 0u ? K_OBJECT : K_ARRAY, cur, f;
    bool ok;
    if (w == NULL || w->err != WOS_OK) {
        return false;
    }
    if ((op & OP_KEY) != 0u && s == NULL) {
        w->err = WOS_ERR_INVALID_ARG;
        return false;
    }
    f = w->flags;
    cur = (unsigned)(w->kinds & 1u) | (w->depth == 0u ? K_TOP : 0u);
    if ((op & (OP_KEY | OP_END)) != 0u) {
        ok = cur == kind && f != F_KEY;
    } else {
        /* a key is due in an object; the top level takes a single value */
        ok = (cur == K_OBJECT ? f == F_KEY : (cur == K_ARRAY || f == 0u)) &&
             ((op & OP_BEGIN) == 0u || w->depth < WOS_JW_MAX_DEPTH);
    }
    if (!ok) {
        w->err = WOS_ERR_STATE;
        return false;
    }
    if ((op & OP_END) != 0u) {
        s = &"]}"[kind];
        w->kinds >>= 1;
        w->depth--;
        f = F_VALUE;
    } else {
        if (f == F_VALUE) {
            raw(w, ",", 1u);
        }
        f = op & (OP_VALUE | OP_KEY);
        if ((op & OP_BEGIN) != 0u) {
            s = &"[{"[kind];
            w->kinds = (w->kinds << 1) | kind;
            w->depth++;
        }
    }
    if ((op & (OP_KEY | OP_STR)) == 0u) { /* those: quoted() */
        raw(w, s, n); /* a bracket: n is 1 */
    }
    w->flags = (uint8_t)f;
    return true;
}

/* After step() let a key or string value by: the string quoted and
 * escaped (sink.c), then a key's `:` (how F_KEY). Called by those two
 * calls themselves, not by step(): the string writer's frame then does
 * not stack on step()'s (on the request writer's deepest chain). */
static void quoted(wos_json_writer *w, wos_str s, unsigned how)
{
    wos_status st = wos_sink_esc(&w->out, s.ptr, s.len, how);
    if (st != WOS_OK) {
        fail(w, st);
    }
}

void wos_jw_init(wos_json_writer *w, char *buf, size_t cap)
{
    if (w == NULL) {
        return;
    }
    memset(w, 0, sizeof *w);
    w->out.buf = buf;
    w->out.cap = cap;
    if (buf == NULL && cap != 0u) {
        w->err = WOS_ERR_INVALID_ARG;
    }
}

void wos_jw_object_begin(wos_json_writer *w) { (void)step(w, OP_BEGIN | OP_OBJ, NULL, 1u); }
void wos_jw_object_end(wos_json_writer *w) { (void)step(w, OP_END | OP_OBJ, NULL, 1u); }
void wos_jw_array_begin(wos_json_writer *w) { (void)step(w, OP_BEGIN, NULL, 1u); }
void wos_jw_array_end(wos_json_writer *w) { (void)step(w, OP_END, NULL, 1u); }

void wos_jw_key(wos_json_writer *w, wos_str key)
{
    if (step(w, OP_KEY | OP_OBJ, key.ptr, key.len)) {
        quoted(w, key, F_KEY);
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
    } else if (step(w, OP_VALUE | OP_STR, s.ptr, s.len)) {
        quoted(w, s, F_VALUE);
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
    (void)step(w, OP_VALUE, d + i, sizeof d - i);
}

void wos_jw_bool(wos_json_writer *w, bool v)
{
    (void)step(w, OP_VALUE, &"falsetrue"[5u * v], 5u - v);
}

void wos_jw_null(wos_json_writer *w)
{
    (void)step(w, OP_VALUE, "null", 4u);
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
        n = w->out.len;
        st = n > w->out.cap ? WOS_ERR_BUFFER_TOO_SMALL : WOS_OK;
    }
    if (out_len != NULL) {
        *out_len = n;
    }
    return st;
}
