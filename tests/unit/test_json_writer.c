/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "wos_json_writer.h"

#define CAP 1024u
#define GUARD 32u
#define FILL 0xA5

/* A document is written by a builder; arg carries its data. */
typedef void (*build_fn)(wos_json_writer *w, const void *arg);

static wos_str view(const char *s, size_t n)
{
    wos_str v;
    v.ptr = s;
    v.len = n;
    return v;
}

static void assert_guard(const unsigned char *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        assert_int_equal(p[i], FILL);
    }
}

/* Write the document into a buffer of cap bytes followed by guard bytes. */
static wos_status run(build_fn f, const void *arg, unsigned char *mem, size_t cap, size_t *n)
{
    wos_json_writer w;
    memset(mem, FILL, cap + GUARD);
    wos_jw_init(&w, (char *)mem, cap);
    f(&w, arg);
    return wos_jw_finish(&w, n);
}

/*
 * The document must come out as exactly `want` (len bytes), and every
 * smaller buffer must give BUFFER_TOO_SMALL with the exact size, hold a
 * prefix of the output and leave the bytes after it untouched.
 */
static void expect_doc_n(build_fn f, const void *arg, const char *want, size_t len)
{
    static unsigned char mem[CAP + GUARD];
    wos_json_writer w;
    size_t n = 12345, cap;
    assert_true(len < CAP);

    assert_int_equal(run(f, arg, mem, CAP, &n), WOS_OK);
    assert_int_equal(n, len);
    assert_memory_equal(mem, want, len);
    assert_guard(mem + len, CAP + GUARD - len); /* no NUL terminator either */

    for (cap = 0; cap <= len; cap++) {
        n = 12345;
        assert_int_equal(run(f, arg, mem, cap, &n), cap < len ? WOS_ERR_BUFFER_TOO_SMALL : WOS_OK);
        assert_int_equal(n, len);
        assert_memory_equal(mem, want, cap);
        assert_guard(mem + cap, GUARD);
    }

    n = 12345;
    wos_jw_init(&w, NULL, 0);
    f(&w, arg);
    assert_int_equal(wos_jw_finish(&w, &n), len == 0 ? WOS_OK : WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(n, len);
}

static void expect_doc(build_fn f, const void *arg, const char *want)
{
    expect_doc_n(f, arg, want, strlen(want));
}

/* The document must fail with st whatever the buffer size; out_len is 0. */
static void expect_err(build_fn f, const void *arg, wos_status st)
{
    static unsigned char mem[CAP + GUARD];
    wos_json_writer w;
    size_t n, cap;
    for (cap = 0; cap < 64; cap++) {
        n = 12345;
        assert_int_equal(run(f, arg, mem, cap, &n), st);
        assert_int_equal(n, 0);
        assert_guard(mem + cap, GUARD);
    }
    n = 12345;
    wos_jw_init(&w, NULL, 0);
    f(&w, arg);
    assert_int_equal(wos_jw_finish(&w, &n), st);
    assert_int_equal(n, 0);
}

/* ---- builders ---- */

static void b_null(wos_json_writer *w, const void *a) { (void)a; wos_jw_null(w); }
static void b_true(wos_json_writer *w, const void *a) { (void)a; wos_jw_bool(w, true); }
static void b_false(wos_json_writer *w, const void *a) { (void)a; wos_jw_bool(w, false); }
static void b_int(wos_json_writer *w, const void *a) { wos_jw_int(w, *(const int64_t *)a); }
static void b_str(wos_json_writer *w, const void *a) { wos_jw_string(w, *(const wos_str *)a); }
static void b_cstr(wos_json_writer *w, const void *a) { wos_jw_string(w, wos_str_c((const char *)a)); }
static void b_nothing(wos_json_writer *w, const void *a) { (void)w; (void)a; }

static void b_empty_obj(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_object_end(w);
}

static void b_empty_arr(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_array_end(w);
}

/* A key built from a view, in an object: {<key>:1} */
static void b_key(wos_json_writer *w, const void *a)
{
    wos_jw_object_begin(w);
    wos_jw_key(w, *(const wos_str *)a);
    wos_jw_int(w, 1);
    wos_jw_object_end(w);
}

static void b_nested(wos_json_writer *w, const void *a)
{
    static const char raw[] = "x\"y";
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "a");
    wos_jw_array_begin(w);
    wos_jw_int(w, 1);
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "b");
    wos_jw_null(w);
    wos_jw_object_end(w);
    wos_jw_array_begin(w);
    wos_jw_array_end(w);
    wos_jw_string(w, wos_str_c("s"));
    wos_jw_bool(w, false);
    wos_jw_array_end(w);
    wos_jw_key_c(w, "c");
    wos_jw_object_begin(w);
    wos_jw_key(w, view("d", 1));
    wos_jw_string(w, view(raw, sizeof raw - 1));
    wos_jw_key_c(w, "");
    wos_jw_object_begin(w);
    wos_jw_object_end(w);
    wos_jw_object_end(w);
    wos_jw_key_c(w, "f");
    wos_jw_bool(w, true);
    wos_jw_key_c(w, "n");
    wos_jw_int(w, -42);
    wos_jw_object_end(w);
}

static void b_array_of_scalars(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_null(w);
    wos_jw_bool(w, true);
    wos_jw_int(w, INT64_MIN);
    wos_jw_string(w, view(NULL, 3));
    wos_jw_string(w, view("", 0));
    wos_jw_array_begin(w);
    wos_jw_array_begin(w);
    wos_jw_array_end(w);
    wos_jw_array_end(w);
    wos_jw_object_begin(w);
    wos_jw_object_end(w);
    wos_jw_array_end(w);
}

/* *(const unsigned *)a nested arrays */
static void b_deep(wos_json_writer *w, const void *a)
{
    unsigned i, d = *(const unsigned *)a;
    for (i = 0; i < d; i++) {
        wos_jw_array_begin(w);
    }
    for (i = 0; i < d; i++) {
        wos_jw_array_end(w);
    }
}

/* 64 levels alternating object/array: {"k":[{"k":[...]}]} */
static void b_deep_mixed(wos_json_writer *w, const void *a)
{
    unsigned i;
    (void)a;
    for (i = 0; i < 64; i++) {
        if (i % 2 == 0) {
            wos_jw_object_begin(w);
            wos_jw_key_c(w, "k");
        } else {
            wos_jw_array_begin(w);
        }
    }
    for (i = 64; i-- > 0;) {
        if (i % 2 == 0) {
            wos_jw_object_end(w);
        } else {
            wos_jw_array_end(w);
        }
    }
}

/* ---- values ---- */

static void every_value_type(void **state)
{
    static const int64_t zero = 0, one = 1, minus = -1, big = 1234567890123LL;
    static const wos_str absent = WOS_STR_NULL;
    static const wos_str empty = {"", 0};
    (void)state;
    expect_doc(b_null, NULL, "null");
    expect_doc(b_true, NULL, "true");
    expect_doc(b_false, NULL, "false");
    expect_doc(b_int, &zero, "0");
    expect_doc(b_int, &one, "1");
    expect_doc(b_int, &minus, "-1");
    expect_doc(b_int, &big, "1234567890123");
    expect_doc(b_cstr, "abc", "\"abc\"");
    expect_doc(b_str, &empty, "\"\"");
    expect_doc(b_str, &absent, "null");
    expect_doc(b_empty_obj, NULL, "{}");
    expect_doc(b_empty_arr, NULL, "[]");
}

static void int_limits(void **state)
{
    static const int64_t min = INT64_MIN, max = INT64_MAX;
    static const int64_t min1 = INT64_MIN + 1, max1 = INT64_MAX - 1;
    char want[32];
    int64_t p;
    (void)state;
    expect_doc(b_int, &min, "-9223372036854775808");
    expect_doc(b_int, &max, "9223372036854775807");
    expect_doc(b_int, &min1, "-9223372036854775807");
    expect_doc(b_int, &max1, "9223372036854775806");
    /* Every power of ten and its neighbours, against the C library. */
    for (p = 1; p <= INT64_MAX / 10; p *= 10) {
        int64_t v[4];
        size_t i;
        v[0] = p;
        v[1] = p - 1;
        v[2] = -p;
        v[3] = -(p * 10 - 1);
        for (i = 0; i < 4; i++) {
            snprintf(want, sizeof want, "%lld", (long long)v[i]);
            expect_doc(b_int, &v[i], want);
        }
    }
    /* Every power of two and its neighbours: the 16- and 32-bit limbs. */
    for (p = 1; p <= INT64_MAX / 2; p *= 2) {
        int64_t v[4];
        size_t i;
        v[0] = p;
        v[1] = p - 1;
        v[2] = p + 1;
        v[3] = -p;
        for (i = 0; i < 4; i++) {
            snprintf(want, sizeof want, "%lld", (long long)v[i]);
            expect_doc(b_int, &v[i], want);
        }
    }
}

static void nesting(void **state)
{
    static const unsigned d64 = 64;
    char want[2 * 64 + 1];
    (void)state;
    expect_doc(b_nested, NULL,
               "{\"a\":[1,{\"b\":null},[],\"s\",false],\"c\":{\"d\":\"x\\\"y\",\"\":{}},\"f\":true,\"n\":-42}");
    expect_doc(b_array_of_scalars, NULL, "[null,true,-9223372036854775808,null,\"\",[[]],{}]");
    memset(want, '[', 64);
    memset(want + 64, ']', 64);
    want[128] = '\0';
    expect_doc(b_deep, &d64, want);
}

static void nesting_mixed_64(void **state)
{
    char want[32 * 8 + 1];
    size_t i;
    (void)state;
    for (i = 0; i < 32; i++) {
        memcpy(want + 6 * i, "{\"k\":[", 6);
        memcpy(want + 6 * 32 + 2 * i, "]}", 2);
    }
    want[32 * 8] = '\0';
    expect_doc(b_deep_mixed, NULL, want);
}

/* ---- strings ---- */

/* RFC 8259 escaping as documented: short forms for b t n f r, else \u00xx. */
static size_t expected_escape(unsigned c, char *out)
{
    const char *s = NULL;
    switch (c) {
    case '"': s = "\\\""; break;
    case '\\': s = "\\\\"; break;
    case 0x08: s = "\\b"; break;
    case 0x09: s = "\\t"; break;
    case 0x0A: s = "\\n"; break;
    case 0x0C: s = "\\f"; break;
    case 0x0D: s = "\\r"; break;
    default: break;
    }
    if (s != NULL) {
        memcpy(out, s, 2);
        return 2;
    }
    if (c < 0x20) {
        snprintf(out, 7, "\\u%04x", c);
        return 6;
    }
    out[0] = (char)c;
    return 1;
}

static void escapes_every_ascii_byte(void **state)
{
    unsigned c;
    (void)state;
    for (c = 0; c < 0x80; c++) {
        char raw[3], want[32], wantk[32];
        size_t n = 0, nk;
        wos_str v;
        raw[0] = 'a';
        raw[1] = (char)c;
        raw[2] = 'b';
        v = view(raw, 3);
        want[n++] = '"';
        want[n++] = 'a';
        n += expected_escape(c, want + n);
        want[n++] = 'b';
        want[n++] = '"';
        expect_doc_n(b_str, &v, want, n);
        /* Keys are escaped the same way: {"a?b":1} */
        wantk[0] = '{';
        memcpy(wantk + 1, want, n);
        memcpy(wantk + 1 + n, ":1}", 3);
        nk = n + 4;
        expect_doc_n(b_key, &v, wantk, nk);
        /* The byte alone: escapes at the very start and end of a string. */
        v = view(raw + 1, 1);
        n = 0;
        want[n++] = '"';
        n += expected_escape(c, want + n);
        want[n++] = '"';
        expect_doc_n(b_str, &v, want, n);
    }
}

static void escapes_literal(void **state)
{
    static const char raw[] = "\x00\x01\x08\x09\x0a\x0b\x0c\x0d\x1f\"\\/\x7f";
    static const char esc[] = "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\\\"\\\\/\x7f\"";
    static const char raw2[] = "\n\n\"\"";
    wos_str v = view(raw, sizeof raw - 1);
    wos_str v2 = view(raw2, sizeof raw2 - 1);
    (void)state;
    expect_doc_n(b_str, &v, esc, sizeof esc - 1);
    expect_doc(b_str, &v2, "\"\\n\\n\\\"\\\"\"");
    expect_doc(b_cstr, "a/b", "\"a/b\"");
    expect_doc(b_cstr, "\x7f", "\"\x7f\"");
}

static void utf8_passthrough(void **state)
{
    static const char *const ok[] = {
        "\xC2\x80", "\xC3\xA9", "\xDF\xBF",                       /* 2 bytes */
        "\xE0\xA0\x80", "\xE2\x82\xAC", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF", /* 3 */
        "\xF0\x90\x80\x80", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF",   /* 4 bytes */
        "caf\xC3\xA9 \xE2\x82\xAC\xF0\x9F\x98\x80!",
    };
    char want[64];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        wos_str v = wos_str_c(ok[i]);
        want[0] = '"';
        memcpy(want + 1, v.ptr, v.len);
        want[v.len + 1] = '"';
        expect_doc_n(b_str, &v, want, v.len + 2);
        want[0] = '{';
        want[1] = '"';
        memcpy(want + 2, v.ptr, v.len);
        memcpy(want + 2 + v.len, "\":1}", 4);
        expect_doc_n(b_key, &v, want, v.len + 6);
    }
    expect_doc(b_cstr, "\xC3\xA9\n\xE2\x82\xAC\t\xF0\x9F\x98\x80", "\"\xC3\xA9\\n\xE2\x82\xAC\\t\xF0\x9F\x98\x80\"");
}

#define BAD(s) { s, sizeof(s) - 1 }
static const struct { const char *s; size_t n; } bad_utf8[] = {
    BAD("\xC0\xAF"), BAD("\xC1\xBF"), BAD("\xE0\x80\xAF"), BAD("\xE0\x9F\xBF"),   /* overlong */
    BAD("\xF0\x80\x80\xAF"), BAD("\xF0\x8F\xBF\xBF"),
    BAD("\xED\xA0\x80"), BAD("\xED\xBF\xBF"), BAD("\xED\xA0\xBD\xED\xB8\x80"),  /* surrogates */
    BAD("\xC3"), BAD("\xE2\x82"), BAD("\xF0\x9F\x98"), BAD("\xE2\x82\x41"),       /* truncated */
    BAD("\xF0\x9F\x98\x22"),
    BAD("\x80"), BAD("\xBF"), BAD("\x80\x80"),                                    /* lone continuation */
    BAD("\xF4\x90\x80\x80"), BAD("\xF5\x80\x80\x80"), BAD("\xF8\x88\x80\x80\x80"), /* too big */
    BAD("\xFE"), BAD("\xFF"),
};

static void invalid_utf8_rejected(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
        char mixed[32];
        size_t n = bad_utf8[i].n;
        wos_str v = view(bad_utf8[i].s, n);
        expect_err(b_str, &v, WOS_ERR_INVALID_UTF8);
        expect_err(b_key, &v, WOS_ERR_INVALID_UTF8);
        /* After valid text and an escape, and followed by valid text. */
        memcpy(mixed, "ok\n\xC3\xA9", 5);
        memcpy(mixed + 5, v.ptr, n);
        memcpy(mixed + 5 + n, "ok", 2);
        v = view(mixed, n + 7);
        expect_err(b_str, &v, WOS_ERR_INVALID_UTF8);
        expect_err(b_key, &v, WOS_ERR_INVALID_UTF8);
    }
}

/* ---- misuse ---- */

static void m_value_no_key(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_int(w, 1);
    wos_jw_object_end(w);
}

static void m_string_no_key(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "a");
    wos_jw_string(w, wos_str_c("x"));
    wos_jw_string(w, wos_str_c("y")); /* second value for one key */
    wos_jw_object_end(w);
}

/* Each value kind in an object right after `{`, selected by *a. */
static void m_kind_no_key(wos_json_writer *w, const void *a)
{
    wos_jw_object_begin(w);
    switch (*(const int *)a) {
    case 0: wos_jw_null(w); break;
    case 1: wos_jw_bool(w, true); break;
    case 2: wos_jw_int(w, 0); break;
    case 3: wos_jw_string(w, wos_str_c("s")); break;
    case 4: wos_jw_string(w, view(NULL, 0)); break;
    case 5: wos_jw_object_begin(w); wos_jw_object_end(w); break;
    default: wos_jw_array_begin(w); wos_jw_array_end(w); break;
    }
    wos_jw_object_end(w);
}

/* A finished container leaves its parent object with no key pending. */
static void m_value_after_container_in_object(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "a");
    wos_jw_array_begin(w);
    wos_jw_array_end(w);
    wos_jw_int(w, 1);
    wos_jw_object_end(w);
}

static void m_key_top(wos_json_writer *w, const void *a) { (void)a; wos_jw_key_c(w, "a"); wos_jw_int(w, 1); }

static void m_key_in_array(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_key_c(w, "a");
    wos_jw_int(w, 1);
    wos_jw_array_end(w);
}

static void m_key_in_array_in_object(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "a");
    wos_jw_array_begin(w);
    wos_jw_key_c(w, "b");
}

static void m_key_after_top_object(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_object_end(w);
    wos_jw_key_c(w, "a");
}

static void m_two_keys(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "a");
    wos_jw_key_c(w, "b");
    wos_jw_int(w, 1);
    wos_jw_object_end(w);
}

static void m_end_with_pending_key(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "a");
    wos_jw_object_end(w);
}

static void m_array_closed_by_object_end(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_object_end(w);
}

static void m_object_closed_by_array_end(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_array_end(w);
}

static void m_inner_mismatch(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_object_begin(w);
    wos_jw_array_end(w);
    wos_jw_array_end(w);
}

static void m_object_end_top(wos_json_writer *w, const void *a) { (void)a; wos_jw_object_end(w); }
static void m_array_end_top(wos_json_writer *w, const void *a) { (void)a; wos_jw_array_end(w); }

static void m_extra_end(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_array_end(w);
    wos_jw_array_end(w);
}

static void m_unclosed_object(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "a");
    wos_jw_int(w, 1);
}

static void m_unclosed_array(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_array_begin(w);
    wos_jw_array_end(w);
}

static void m_unclosed_key(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, "a");
}

static void m_two_scalars(wos_json_writer *w, const void *a) { (void)a; wos_jw_int(w, 1); wos_jw_int(w, 2); }

static void m_two_objects(wos_json_writer *w, const void *a)
{
    (void)a;
    b_empty_obj(w, NULL);
    b_empty_obj(w, NULL);
}

static void m_value_after_array(wos_json_writer *w, const void *a)
{
    (void)a;
    b_empty_arr(w, NULL);
    wos_jw_string(w, view(NULL, 0));
}

static void m_too_deep_mixed(wos_json_writer *w, const void *a)
{
    unsigned i;
    (void)a;
    for (i = 0; i < 64; i++) {
        wos_jw_object_begin(w);
        wos_jw_key_c(w, "k");
    }
    wos_jw_array_begin(w);
    wos_jw_array_end(w);
    for (i = 0; i < 64; i++) {
        wos_jw_object_end(w);
    }
}

static void misuse_is_state(void **state)
{
    static const unsigned d65 = 65, d200 = 200;
    int k;
    (void)state;
    expect_err(m_value_no_key, NULL, WOS_ERR_STATE);
    expect_err(m_string_no_key, NULL, WOS_ERR_STATE);
    for (k = 0; k <= 6; k++) {
        expect_err(m_kind_no_key, &k, WOS_ERR_STATE);
    }
    expect_err(m_value_after_container_in_object, NULL, WOS_ERR_STATE);
    expect_err(m_key_top, NULL, WOS_ERR_STATE);
    expect_err(m_key_in_array, NULL, WOS_ERR_STATE);
    expect_err(m_key_in_array_in_object, NULL, WOS_ERR_STATE);
    expect_err(m_key_after_top_object, NULL, WOS_ERR_STATE);
    expect_err(m_two_keys, NULL, WOS_ERR_STATE);
    expect_err(m_end_with_pending_key, NULL, WOS_ERR_STATE);
    expect_err(m_array_closed_by_object_end, NULL, WOS_ERR_STATE);
    expect_err(m_object_closed_by_array_end, NULL, WOS_ERR_STATE);
    expect_err(m_inner_mismatch, NULL, WOS_ERR_STATE);
    expect_err(m_object_end_top, NULL, WOS_ERR_STATE);
    expect_err(m_array_end_top, NULL, WOS_ERR_STATE);
    expect_err(m_extra_end, NULL, WOS_ERR_STATE);
    expect_err(m_unclosed_object, NULL, WOS_ERR_STATE);
    expect_err(m_unclosed_array, NULL, WOS_ERR_STATE);
    expect_err(m_unclosed_key, NULL, WOS_ERR_STATE);
    expect_err(b_nothing, NULL, WOS_ERR_STATE);
    expect_err(m_two_scalars, NULL, WOS_ERR_STATE);
    expect_err(m_two_objects, NULL, WOS_ERR_STATE);
    expect_err(m_value_after_array, NULL, WOS_ERR_STATE);
    expect_err(b_deep, &d65, WOS_ERR_STATE);
    expect_err(b_deep, &d200, WOS_ERR_STATE); /* depth is a uint8_t: must not wrap */
    expect_err(m_too_deep_mixed, NULL, WOS_ERR_STATE);
}

/* The first error is kept; later calls neither write nor count. */
static void m_state_then_utf8(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_object_end(w);
    wos_jw_string(w, view("\xFF", 1));
    wos_jw_array_end(w);
}

static void m_utf8_then_state(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_string(w, view("\xFF", 1));
    wos_jw_object_end(w);
    wos_jw_key(w, view(NULL, 0));
}

static void m_null_key_then_state(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key(w, view(NULL, 1));
    wos_jw_array_end(w);
}

static void m_long_then_state(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_array_begin(w);
    wos_jw_string(w, wos_str_c("a long string that will not fit in a small buffer"));
    wos_jw_int(w, INT64_MIN);
    wos_jw_array_end(w);
    wos_jw_array_end(w); /* one too many */
}

static void first_error_wins(void **state)
{
    (void)state;
    expect_err(m_state_then_utf8, NULL, WOS_ERR_STATE);
    expect_err(m_utf8_then_state, NULL, WOS_ERR_INVALID_UTF8);
    expect_err(m_null_key_then_state, NULL, WOS_ERR_INVALID_ARG);
    /* A too-small buffer does not hide a later misuse (expect_err tries caps 0..63). */
    expect_err(m_long_then_state, NULL, WOS_ERR_STATE);
}

static void nothing_written_after_error(void **state)
{
    unsigned char mem[64 + GUARD];
    wos_json_writer w;
    size_t n = 99;
    (void)state;
    memset(mem, FILL, sizeof mem);
    wos_jw_init(&w, (char *)mem, 64);
    wos_jw_array_begin(&w);
    wos_jw_int(&w, 7);
    wos_jw_object_end(&w); /* misuse */
    wos_jw_array_end(&w);
    wos_jw_null(&w);
    wos_jw_string(&w, wos_str_c("more"));
    assert_int_equal(wos_jw_finish(&w, &n), WOS_ERR_STATE);
    assert_int_equal(n, 0);
    assert_memory_equal(mem, "[7", 2);
    assert_guard(mem + 2, sizeof mem - 2);
}

/* ---- NULL arguments ---- */

static void b_null_key(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key(w, view(NULL, 0));
    wos_jw_int(w, 1);
    wos_jw_object_end(w);
}

static void b_null_key_c(wos_json_writer *w, const void *a)
{
    (void)a;
    wos_jw_object_begin(w);
    wos_jw_key_c(w, NULL);
    wos_jw_int(w, 1);
    wos_jw_object_end(w);
}

static void null_arguments(void **state)
{
    wos_json_writer w;
    char buf[8];
    size_t n = 99;
    (void)state;
    expect_err(b_null_key, NULL, WOS_ERR_INVALID_ARG);
    expect_err(b_null_key_c, NULL, WOS_ERR_INVALID_ARG);

    assert_int_equal(wos_jw_finish(NULL, &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(n, 0);
    wos_jw_init(&w, buf, sizeof buf);
    wos_jw_null(&w);
    assert_int_equal(wos_jw_finish(&w, NULL), WOS_ERR_INVALID_ARG);

    /* NULL buffer with a capacity: nothing is written through it. */
    n = 99;
    wos_jw_init(&w, NULL, 16);
    wos_jw_null(&w);
    assert_int_equal(wos_jw_finish(&w, &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(n, 0);

    /* A NULL writer is ignored by every call. */
    wos_jw_init(NULL, buf, sizeof buf);
    wos_jw_object_begin(NULL);
    wos_jw_key(NULL, wos_str_c("a"));
    wos_jw_key_c(NULL, "a");
    wos_jw_string(NULL, wos_str_c("a"));
    wos_jw_string(NULL, view(NULL, 0));
    wos_jw_int(NULL, 1);
    wos_jw_bool(NULL, true);
    wos_jw_null(NULL);
    wos_jw_array_begin(NULL);
    wos_jw_array_end(NULL);
    wos_jw_object_end(NULL);
}

/* ---- size arithmetic ---- */

/*
 * The size counter must not wrap. Reaching it honestly would need a
 * multi-gigabyte string, so the test sets the private counter directly.
 */
static void size_counter_does_not_wrap(void **state)
{
    wos_json_writer w;
    size_t n = 99;
    (void)state;
    wos_jw_init(&w, NULL, 0);
    w.out.len = SIZE_MAX - 4;
    wos_jw_null(&w); /* exactly SIZE_MAX */
    assert_int_equal(wos_jw_finish(&w, &n), WOS_ERR_BUFFER_TOO_SMALL);
    assert_true(n == SIZE_MAX);

    wos_jw_init(&w, NULL, 0);
    w.out.len = SIZE_MAX - 3;
    wos_jw_null(&w); /* one past */
    assert_int_equal(wos_jw_finish(&w, &n), WOS_ERR_OVERFLOW);
    assert_int_equal(n, 0);
}

/* A string or key whose bytes pass SIZE_MAX is an overflow too, and it is
 * reported first when a byte after it is not UTF-8 (the first error). */
static void size_counter_does_not_wrap_in_strings(void **state)
{
    static const char bad[] = "abc\xFF";
    wos_json_writer w;
    size_t n = 99;
    (void)state;
    wos_jw_init(&w, NULL, 0);
    w.out.len = SIZE_MAX - 4;
    wos_jw_string(&w, (wos_str)WOS_STR_LIT("abc")); /* "abc" is 5 bytes */
    assert_int_equal(wos_jw_finish(&w, &n), WOS_ERR_OVERFLOW);
    assert_int_equal(n, 0);

    wos_jw_init(&w, NULL, 0);
    w.out.len = SIZE_MAX - 2;
    wos_jw_string(&w, (wos_str){bad, sizeof bad - 1u}); /* past SIZE_MAX, then \xFF */
    assert_int_equal(wos_jw_finish(&w, &n), WOS_ERR_OVERFLOW);

    wos_jw_init(&w, NULL, 0);
    wos_jw_object_begin(&w);
    w.out.len = SIZE_MAX - 5;
    wos_jw_key_c(&w, "ab"); /* "ab": is 5 bytes: fits; the value passes */
    wos_jw_null(&w);
    assert_int_equal(wos_jw_finish(&w, &n), WOS_ERR_OVERFLOW);

    wos_jw_init(&w, NULL, 0);
    wos_jw_string(&w, (wos_str){bad, sizeof bad - 1u}); /* no overflow: the UTF-8 error */
    assert_int_equal(wos_jw_finish(&w, &n), WOS_ERR_INVALID_UTF8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_value_type),
        cmocka_unit_test(int_limits),
        cmocka_unit_test(nesting),
        cmocka_unit_test(nesting_mixed_64),
        cmocka_unit_test(escapes_every_ascii_byte),
        cmocka_unit_test(escapes_literal),
        cmocka_unit_test(utf8_passthrough),
        cmocka_unit_test(invalid_utf8_rejected),
        cmocka_unit_test(misuse_is_state),
        cmocka_unit_test(first_error_wins),
        cmocka_unit_test(nothing_written_after_error),
        cmocka_unit_test(null_arguments),
        cmocka_unit_test(size_counter_does_not_wrap),
        cmocka_unit_test(size_counter_does_not_wrap_in_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
