/* SPDX-License-Identifier: MIT */
/* Grammar check: everything jsmn wrongly accepts is rejected, valid edge
 * cases pass, nesting depth is bounded, and token counts are exact. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_config.h"
#include "wos_json.h"

#define GUARD 0x5A
#define MAXTOK 160
#define GUARD_TOK 4

static char g_buf[1024];
static jsmntok_t g_tok[MAXTOK + GUARD_TOK];

static void fill_guard_tokens(void) { memset(g_tok, GUARD, sizeof g_tok); }

static void assert_tokens_untouched(unsigned from)
{
    const unsigned char *p = (const unsigned char *)&g_tok[from];
    size_t i, n = (MAXTOK + GUARD_TOK - from) * sizeof g_tok[0];
    for (i = 0; i < n; i++) {
        assert_int_equal(p[i], GUARD);
    }
}

/* Copy text into g_buf with guard bytes after it, validate and parse with
 * cap tokens; both must agree; guards must hold. Returns the status. */
static wos_status check(const char *text, size_t len, unsigned cap, unsigned *need)
{
    wos_json doc;
    unsigned vneed = 777, pneed = 777;
    wos_status v, p;
    size_t i;
    assert_true(len + 16 <= sizeof g_buf);
    memset(g_buf, GUARD, sizeof g_buf);
    memcpy(g_buf, text, len);
    fill_guard_tokens();
    v = wos_json_validate(g_buf, len, &vneed);
    p = wos_json_parse(&doc, g_buf, len, g_tok, cap, &pneed);
    if (v == WOS_OK) {
        assert_true(p == WOS_OK || p == WOS_ERR_JSON_TOKENS);
        assert_int_equal(pneed, vneed);
        assert_int_equal(doc.count, p == WOS_OK ? vneed : 0);
        assert_tokens_untouched(p == WOS_OK ? vneed : 0);
        if (need != NULL) {
            *need = vneed;
        }
        v = p;
    } else {
        assert_int_equal(p, v);
        assert_int_equal(vneed, 777); /* not written on failure */
        assert_int_equal(pneed, 0);
        assert_int_equal(doc.count, 0);
        assert_tokens_untouched(0);
    }
    for (i = len; i < sizeof g_buf; i++) {
        assert_int_equal((unsigned char)g_buf[i], GUARD);
    }
    assert_memory_equal(g_buf, text, len);
    return v;
}

static wos_status check_s(const char *text, unsigned *need) { return check(text, strlen(text), MAXTOK, need); }

static void rejects_what_jsmn_accepts(void **state)
{
    static const char *const bad[] = {
        "{\"a\"}", "[1 2]", "[tru]", "[1,]", "{\"a\":1,}", "{} {}", "1 2", "01", "1.", ".5", "-", "+1", "1e",
        "\"\\x\"", "\"a\001b\"", "\"\x1f\"", "\"tab\there\"", "{\"a\" 1}", "{1:2}", "[", "]", "{", "}", "", " \t\r\n",
        "[1,,2]", "[,1]", "{,}", "{\"a\":}", "{\"a\"::1}", "{\"a\":1 \"b\":2}", "[}", "{]", "[1]]", "[[1]", "tru",
        "truee", "nul", "nulll", "fals", "falsey", "True", "NULL", "-01", "00", "1.e5", "1e+", "1e-", "-a", "0x1",
        "1.5.5", "\"abc", "\"\\u12\"", "\"\\u12G4\"", "\"\\", "\"\\u", "\"a\"b", "'a'", "[1;2]", "{\"a\":1}x",
        "{\"a\":[}]}", "[1]\v", "\xEF\xBB\xBF{}", "1 ,", "[1 ,]", "{\"a\":1,,\"b\":2}", "[-]", "[--1]", "[1e5e5]",
        "{\"a\":{\"b\":1}]}", "{[]:1}", "{{}:1}", "{\"a\":1:2}", "[1:2]", "{\"a\",1}", "[\"a\":1]", "{\"a\":1 ,}",
        "[true false]", "[null,]", "{\"a\":1}}", "[]]", "[][]", "\"a\" \"b\"", "1,", ",1", ":", "[\"a\",]",
        "-1.", "-.1", "1.2e", "1E+-2", "[1]x", "\xC3\xA9", "[\xC3\xA9]", "[Infinity]", "[NaN]", "{\"a\":-}",
        "[01]", "{\"a\":01}", "[1.]", "[.1]", "[+1]", "\"\\U0041\"", "\"\\'\"", "\"\\0\"",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (check_s(bad[i], NULL) != WOS_ERR_JSON_MALFORMED) {
            fail_msg("accepted or misjudged: %s", bad[i]);
        }
    }
}

static void rejects_nul_bytes_anywhere(void **state)
{
    (void)state;
    assert_int_equal(check("[1,\0]", 5, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(check("\"a\0b\"", 5, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(check("{}\0", 3, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(check("\0{}", 3, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
}

static void rejects_invalid_utf8_in_strings(void **state)
{
    static const char *const bad[] = {
        "\"\xC3\"", "\"\xC3\x28\"", "\"\xED\xA0\x80\"", "\"\xC0\xAF\"", "\"\xFF\"", "\"\xF4\x90\x80\x80\"",
        "\"\x80\"", "[\"ok\",\"\xE2\x82\"]", "{\"k\xFE\":1}", "\"\xC3",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (check_s(bad[i], NULL) != WOS_ERR_INVALID_UTF8) {
            fail_msg("not rejected as UTF-8: case %u", (unsigned)i);
        }
    }
}

struct good { const char *text; unsigned tokens; };

static void accepts_valid_edge_cases(void **state)
{
    static const struct good good[] = {
        {"-0", 1}, {"1e-5", 1}, {"0.5E+3", 1}, {"0", 1}, {"-1.25e10", 1}, {"1E5", 1}, {"123", 1}, {"0e0", 1},
        {"-0.0e-0", 1}, {"[]", 1}, {"{}", 1}, {"[[]]", 2}, {"[{}]", 2}, {"{\"a\":{}}", 3},
        {"{\"a\":[[],{}]}", 5}, {" \t\r\n{ \t\"a\" \n:\r [ 1 , 2 ] , \"b\" : null } \n", 7},
        {"\"str\"", 1}, {"true", 1}, {"false", 1}, {"null", 1}, {" 1 ", 1}, {"\"\"", 1}, {"  \"\" ", 1},
        {"\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00 \\uABCD\"", 1},
        {"\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F\"", 1}, {"\"\\u0000\"", 1}, {"\"\\ud800\"", 1},
        {"[true,false,null,0,-1,\"x\",[],{}]", 9}, {"{\"a\":{\"b\":1},\"c\":2}", 7}, {"{\"\":\"\"}", 3},
        {"[1,[2,[3,[4]]]]", 8}, {"{\"a\":[1,2],\"b\":3}", 7}, {"[{\"a\":1},{\"b\":2}]", 7},
    };
    size_t i;
    unsigned need;
    (void)state;
    for (i = 0; i < sizeof good / sizeof good[0]; i++) {
        need = 0;
        if (check_s(good[i].text, &need) != WOS_OK) {
            fail_msg("rejected: %s", good[i].text);
        }
        assert_int_equal(need, good[i].tokens);
    }
}

/* Reads stop at len: a valid prefix of a longer buffer is judged alone. */
static void honours_length(void **state)
{
    unsigned need;
    (void)state;
    assert_int_equal(check("[1]", 2, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(check("true", 3, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(check("\"ab\"", 3, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(check("\"\\u0041\"", 6, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(check("1.5", 2, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
    assert_int_equal(check("12", 1, MAXTOK, &need), WOS_OK);
    assert_int_equal(need, 1);
    assert_int_equal(check("[1]x", 3, MAXTOK, &need), WOS_OK);
    assert_int_equal(need, 2);
}

/* Build a text nested depth levels deep; level d is an object when is_obj(d). */
static size_t nest(char *out, unsigned depth, int (*is_obj)(unsigned))
{
    size_t n = 0;
    unsigned d;
    for (d = 0; d < depth; d++) {
        if (is_obj(d)) {
            memcpy(out + n, "{\"k\":", 5);
            n += 5;
        } else {
            out[n++] = '[';
        }
    }
    out[n++] = '7';
    for (d = depth; d-- > 0;) {
        out[n++] = is_obj(d) ? '}' : ']';
    }
    return n;
}

static int all_arrays(unsigned d) { (void)d; return 0; }
static int all_objects(unsigned d) { (void)d; return 1; }
static int mixed(unsigned d) { return d % 3 == 1 || d == 9 || d == 31; }

static void depth_limit_is_exact(void **state)
{
    static int (*const kinds[])(unsigned) = {all_arrays, all_objects, mixed};
    char text[WOS_JSON_MAX_DEPTH * 6 + 16];
    size_t k, n;
    unsigned need, per_level;
    (void)state;
    for (k = 0; k < 3; k++) {
        n = nest(text, WOS_JSON_MAX_DEPTH, kinds[k]);
        assert_int_equal(check(text, n, MAXTOK, &need), WOS_OK);
        per_level = 0;
        for (unsigned d = 0; d < WOS_JSON_MAX_DEPTH; d++) {
            per_level += kinds[k](d) ? 2u : 1u;
        }
        assert_int_equal(need, per_level + 1u);
        n = nest(text, WOS_JSON_MAX_DEPTH + 1, kinds[k]);
        assert_int_equal(check(text, n, MAXTOK, NULL), WOS_ERR_JSON_TOO_DEEP);
    }
    /* Unclosed and too deep: the depth is what is reported. */
    memset(text, '[', WOS_JSON_MAX_DEPTH + 1);
    assert_int_equal(check(text, WOS_JSON_MAX_DEPTH + 1, MAXTOK, NULL), WOS_ERR_JSON_TOO_DEEP);
    assert_int_equal(check(text, WOS_JSON_MAX_DEPTH, MAXTOK, NULL), WOS_ERR_JSON_MALFORMED);
}

/* Each level's closer must match its opener: swap any one and it fails. */
static void closers_must_match_at_every_level(void **state)
{
    char text[WOS_JSON_MAX_DEPTH * 6 + 16];
    size_t n, i, closers;
    (void)state;
    n = nest(text, WOS_JSON_MAX_DEPTH, mixed);
    closers = n - WOS_JSON_MAX_DEPTH;
    for (i = closers; i < n; i++) {
        char saved = text[i];
        text[i] = saved == '}' ? ']' : '}';
        if (check(text, n, MAXTOK, NULL) != WOS_ERR_JSON_MALFORMED) {
            fail_msg("swapped closer at %u accepted", (unsigned)i);
        }
        text[i] = saved;
    }
    assert_int_equal(check(text, n, MAXTOK, NULL), WOS_OK);
}

static void token_count_exact_for_every_cap(void **state)
{
    static const char *const texts[] = {
        "{\"a\":[1,2,{\"b\":null}],\"c\":\"d\"}", "[[],[[]],{}]", "7", "\"s\"", "{\"k\":{\"k\":{\"k\":[true]}}}",
    };
    size_t t;
    unsigned cap, need, full;
    (void)state;
    for (t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        assert_int_equal(check_s(texts[t], &full), WOS_OK);
        for (cap = 0; cap <= full + 2; cap++) {
            need = 0;
            assert_int_equal(check(texts[t], strlen(texts[t]), cap, &need), cap < full ? WOS_ERR_JSON_TOKENS : WOS_OK);
            assert_int_equal(need, full);
        }
    }
}

static void bad_arguments(void **state)
{
    wos_json doc;
    char js[] = "[1]";
    unsigned need = 5;
    (void)state;
    assert_int_equal(wos_json_parse(NULL, js, 3, g_tok, MAXTOK, &need), WOS_ERR_INVALID_ARG);
    assert_int_equal(need, 0);
    assert_int_equal(wos_json_parse(&doc, NULL, 3, g_tok, MAXTOK, &need), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_json_parse(&doc, js, 3, NULL, 1, &need), WOS_ERR_INVALID_ARG);
    assert_int_equal(doc.count, 0);
    /* A NULL array with cap 0 is a size query. */
    assert_int_equal(wos_json_parse(&doc, js, 3, NULL, 0, &need), WOS_ERR_JSON_TOKENS);
    assert_int_equal(need, 2);
    assert_int_equal(wos_json_parse(&doc, js, 3, g_tok, MAXTOK, NULL), WOS_OK);
    if ((size_t)-1 > (size_t)INT_MAX) {
        assert_int_equal(wos_json_parse(&doc, js, (size_t)INT_MAX + 1u, g_tok, MAXTOK, &need), WOS_ERR_INVALID_ARG);
    }
    assert_int_equal(wos_json_validate(NULL, 1, &need), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_json_validate(NULL, 0, &need), WOS_ERR_JSON_MALFORMED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rejects_what_jsmn_accepts),
        cmocka_unit_test(rejects_nul_bytes_anywhere),
        cmocka_unit_test(rejects_invalid_utf8_in_strings),
        cmocka_unit_test(accepts_valid_edge_cases),
        cmocka_unit_test(honours_length),
        cmocka_unit_test(depth_limit_is_exact),
        cmocka_unit_test(closers_must_match_at_every_level),
        cmocka_unit_test(token_count_exact_for_every_cap),
        cmocka_unit_test(bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
