/* SPDX-License-Identifier: MIT */
/* Decoding of the get-access-token reply (src/pipes_token.c): the seed
 * examples, escapes, sizes, shapes, statuses and duplicate members. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "wos_pipes.h"
#include "seed_fixtures.h"

static char g_body[16384];
static jsmntok_t g_tok[512];

static wos_pipes_reply reply(int status, const char *json)
{
    return reply_in(g_body, sizeof g_body, g_tok, 512, status, json);
}

/* /work/shared/api/examples/token-active.json */
static const char k_token_active[] =
    "{\n  \"active\": true,\n  \"access_token\": {\n    \"object\": \"access_token\",\n"
    "    \"access_token\": \"gho_16C7e42F292c6912E7710c838347Ae178B4a\",\n"
    "    \"expires_at\": \"2025-12-31T23:59:59.000Z\",\n"
    "    \"scopes\": [\n      \"repo\",\n      \"user:email\"\n    ],\n    \"missing_scopes\": []\n  }\n}\n";

static void seed_token_active(void **state)
{
    wos_pipes_reply r = reply(200, k_token_active);
    wos_access_token t;
    wos_str s;
    (void)state;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
    assert_true(t.active);
    expect_str(t.access_token, "gho_16C7e42F292c6912E7710c838347Ae178B4a");
    assert_true(t.expires);
    assert_int_equal(t.expires_at.unix_s, 1767225599);
    expect_str(t.expires_at.text, "2025-12-31T23:59:59.000Z");
    assert_int_equal(t.scopes.count, 2);
    expect_item(&t.scopes, 0, "repo");
    expect_item(&t.scopes, 1, "user:email");
    assert_int_equal(wos_strings_get(&t.scopes, 2, &s), WOS_ERR_NOT_FOUND);
    assert_int_equal(t.missing_scopes.count, 0);
    assert_false(wos_view_null(&t.missing_scopes)); /* an empty array, not null */
    assert_false(wos_view_absent(&t.missing_scopes));
    assert_int_equal(t.reason, WOS_TOKEN_ACTIVE);
}

/* /work/shared/api/examples/token-active-no-expiry.json */
static void seed_token_no_expiry_missing_scope(void **state)
{
    wos_pipes_reply r = reply(200,
        "{\"active\": true, \"access_token\": {\"object\": \"access_token\","
        " \"access_token\": \"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy\","
        " \"expires_at\": null, \"scopes\": [\"chat:write\", \"channels:read\"],"
        " \"missing_scopes\": [\"users:read\"]}}");
    wos_access_token t;
    (void)state;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
    assert_true(t.active);
    assert_false(t.expires);
    assert_null(t.expires_at.text.ptr);
    expect_str(t.access_token, "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy");
    assert_int_equal(t.missing_scopes.count, 1);
    expect_item(&t.missing_scopes, 0, "users:read");
}

static void seed_token_inactive(void **state)
{
    static const struct { const char *json; wos_token_reason reason; const char *raw; } k[] = {
        {"{\"active\": false, \"error\": \"not_installed\"}", WOS_TOKEN_NOT_INSTALLED, "not_installed"},
        {"{\"active\": false, \"error\": \"needs_reauthorization\"}", WOS_TOKEN_NEEDS_REAUTHORIZATION,
         "needs_reauthorization"},
        {"{\"error\": \"revoked_by_user\", \"active\": false, \"hint\": {\"a\": [1]}}",
         WOS_TOKEN_REASON_UNKNOWN, "revoked_by_user"},
        /* The lengths of the known reasons, other text: unknown. */
        {"{\"active\": false, \"error\": \"not_installee\"}", WOS_TOKEN_REASON_UNKNOWN, "not_installee"},
        {"{\"active\": false, \"error\": \"needs_reauthorizatioN\"}", WOS_TOKEN_REASON_UNKNOWN,
         "needs_reauthorizatioN"},
        {"{\"active\": false, \"error\": \"\"}", WOS_TOKEN_REASON_UNKNOWN, ""},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof k / sizeof k[0]; i++) {
        wos_pipes_reply r = reply(200, k[i].json);
        wos_access_token t;
        assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
        assert_false(t.active);
        assert_int_equal(t.reason, k[i].reason);
        expect_str(t.error, k[i].raw);
        assert_null(t.access_token.ptr);
    }
}

static void token_escapes_and_surrogates(void **state)
{
    wos_pipes_reply r = reply(200,
        "{\"active\":true,\"access_token\":{\"access_token\":\"a\\/b\\u00e9\\ud83d\\ude00\\\"\","
        "\"expires_at\":\"2026-01-15T13:00:00+01:00\",\"scopes\":[\"r\\u0065po\"],\"missing_scopes\":[]}}");
    wos_access_token t;
    (void)state;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
    expect_str(t.access_token, "a/b\xC3\xA9\xF0\x9F\x98\x80\"");
    assert_int_equal(t.expires_at.unix_s, 1768478400);
    expect_item(&t.scopes, 0, "repo");
    expect_item(&t.scopes, 0, "repo"); /* decoding twice gives the same view */
}

static void token_4kb(void **state)
{
    static char json[6000];
    static char tok[4097];
    wos_pipes_reply r;
    wos_access_token t;
    size_t i;
    (void)state;
    for (i = 0; i < 4096; i++) {
        tok[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."[i % 65];
    }
    tok[4096] = '\0';
    snprintf(json, sizeof json,
             "{\"active\":true,\"access_token\":{\"object\":\"access_token\",\"access_token\":\"%s\","
             "\"expires_at\":null,\"scopes\":[],\"missing_scopes\":[]}}", tok);
    r = reply(200, json);
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
    assert_int_equal(t.access_token.len, 4096);
    assert_memory_equal(t.access_token.ptr, tok, 4096);
}

static void token_bad_shapes(void **state)
{
    static const char *const k_shapes[] = {
        "[]", "\"active\"", "{}", "{\"active\":\"yes\"}", "{\"active\":true}",
        "{\"active\":true,\"access_token\":\"gho\"}",
        "{\"active\":true,\"access_token\":{\"expires_at\":null}}",
        "{\"active\":true,\"access_token\":{\"access_token\":7}}",
        "{\"active\":true,\"access_token\":{\"access_token\":\"x\",\"scopes\":[1]}}",
        "{\"active\":true,\"access_token\":{\"access_token\":\"x\",\"scopes\":\"repo\"}}",
        "{\"active\":false}", "{\"active\":false,\"error\":null}",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof k_shapes / sizeof k_shapes[0]; i++) {
        wos_pipes_reply r = reply(200, k_shapes[i]);
        wos_access_token t;
        assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_ERR_JSON_SHAPE);
    }
}

static void token_bad_json_and_time(void **state)
{
    wos_pipes_reply r = reply(200, "{\"active\":true,");
    wos_access_token t;
    (void)state;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_ERR_JSON_MALFORMED);
    r = reply(200, "");
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_ERR_JSON_MALFORMED);
    r = reply(200, "{\"active\":true,\"access_token\":{\"access_token\":\"x\",\"expires_at\":\"2025-02-30T00:00:00Z\"}}");
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_ERR_INVALID_TIME);
}

static void token_too_few_tokens_reports_count(void **state)
{
    wos_pipes_reply r = reply(200, k_token_active);
    wos_access_token t;
    unsigned needed;
    (void)state;
    r.token_cap = 3;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_ERR_JSON_TOKENS);
    needed = r.tokens_needed;
    assert_int_equal(needed, 17); /* counted by hand from the seed */
    r = reply(200, k_token_active);
    r.token_cap = needed;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
}

static void non_2xx_is_http_status(void **state)
{
    wos_pipes_reply r = reply(404, "{\"message\": \"Data integration not found for the given provider slug.\"}");
    wos_access_token t;
    wos_api_error e;
    (void)state;
    r.request_id = (wos_str)WOS_STR_LIT("req_7");
    assert_int_equal(wos_pipes_decode_token(&r, &t, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.http_status, 404);
    assert_int_equal(e.kind, WOS_ERROR_NOT_FOUND);
    expect_str(e.message, "Data integration not found for the given provider slug.");
    expect_str(e.request_id, "req_7");
    r = reply(500, "");
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_ERR_HTTP_STATUS);
}

static int contains(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle), i;
    for (i = 0; i + m <= n; i++) {
        if (memcmp(hay + i, needle, m) == 0) {
            return 1;
        }
    }
    return 0;
}

/* The token reply: top-level "active", the nested object and its members. */
static void token_duplicates_last_wins(void **state)
{
    wos_pipes_reply r = reply(200,
        "{\"active\":false,\"error\":\"not_installed\","
        "\"access_token\":{\"access_token\":\"old\",\"expires_at\":\"2025-01-01T00:00:00Z\","
        "\"scopes\":[\"x\"],\"missing_scopes\":[\"y\"]},"
        "\"access_token\":{\"access_token\":\"gho_1\",\"scopes\":[],\"access_token\":\"gho_2\"},"
        "\"active\":true}");
    wos_access_token t;
    (void)state;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
    assert_true(t.active);
    expect_str(t.access_token, "gho_2");
    assert_false(t.expires); /* the winning object has no expires_at */
    assert_int_equal(t.scopes.count, 0);
    assert_true(wos_view_absent(&t.missing_scopes));
    assert_int_equal(t.reason, WOS_TOKEN_ACTIVE);
    /* The wipe covers the winning token. */
    wos_access_token_wipe(&t);
    assert_false(contains(g_body, r.body_len, "gho_2"));
    /* A later null access_token: an active token without one is the wrong shape. */
    r = reply(200, "{\"active\":true,\"access_token\":{\"access_token\":\"a\"},\"access_token\":null}");
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_ERR_JSON_SHAPE);
}

/* A repeated secret: the last occurrence wins, and the earlier ones, which
 * no result points to, must not stay in the buffer past the wipe. */
static void token_duplicates_leave_no_secret(void **state)
{
    wos_pipes_reply r = reply(200,
        "{\"active\":true,\"access_token\":{\"access_token\":\"gho_firstobj\"},"
        "\"access_token\":{\"access_token\":\"gho_earlier\",\"scopes\":[\"repo\"],"
        "\"access_token\":\"gho_\\u0077inner\"}}");
    wos_access_token t;
    (void)state;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
    expect_str(t.access_token, "gho_winner");
    assert_int_equal(t.scopes.count, 1);
    wos_access_token_wipe(&t);
    assert_false(contains(g_body, r.body_len, "gho_"));
    assert_false(contains(g_body, r.body_len, "inner"));
}

/* Member names are compared as JSON reads them: an escaped name is the
 * name it spells; one that spells another (a NUL, a letter more) is not. */
static void token_escaped_member_names(void **state)
{
    wos_pipes_reply r = reply(200,
        "{\"\\u0061ctive\":true,\"access_\\u0074oken\":{\"access_token\\u0000\":\"gho_nul\","
        "\"access_token\":\"gho_\\u0031\",\"\\u0073copes\":[\"repo\"],\"scopes_\":7,\"sc\\u00f6pes\":1}}");
    wos_access_token t;
    (void)state;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
    assert_true(t.active);
    expect_str(t.access_token, "gho_1");
    assert_int_equal(t.scopes.count, 1);
    expect_item(&t.scopes, 0, "repo");
    /* A name that is a prefix of a wanted one is not it. */
    r = reply(200, "{\"activ\":true,\"active\":false,\"erro\":\"x\"}");
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_ERR_JSON_SHAPE); /* inactive: no error */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_token_active),
        cmocka_unit_test(seed_token_no_expiry_missing_scope),
        cmocka_unit_test(seed_token_inactive),
        cmocka_unit_test(token_escapes_and_surrogates),
        cmocka_unit_test(token_4kb),
        cmocka_unit_test(token_bad_shapes),
        cmocka_unit_test(token_bad_json_and_time),
        cmocka_unit_test(token_too_few_tokens_reports_count),
        cmocka_unit_test(non_2xx_is_http_status),
        cmocka_unit_test(token_duplicates_last_wins),
        cmocka_unit_test(token_duplicates_leave_no_secret),
        cmocka_unit_test(token_escaped_member_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
