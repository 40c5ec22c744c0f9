/* SPDX-License-Identifier: MIT */
/* Decoding of token and data integration replies: the seed examples, tri-states, unknowns, shapes. */
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
    };
    size_t i;
    (void)state;
    for (i = 0; i < 3; i++) {
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

static void seed_integration(void **state)
{
    wos_pipes_reply r = reply(200, k_integration);
    wos_data_integration d;
    (void)state;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_OK);
    check_seed_integration(&d);
    r = reply(201, k_integration); /* create answers 201 */
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_OK);
    check_seed_integration(&d);
}

static void integration_nulls_and_empties(void **state)
{
    wos_pipes_reply r = reply(201,
        "{\"id\":\"d1\",\"slug\":\"notion\",\"description\":null,\"scopes\":null,\"auth_methods\":[\"api_key\"],"
        "\"credentials\":null,\"custom_provider\":null,\"config\":{},\"state\":\"requested\","
        "\"installation\":{\"id\":\"data_installation_1\",\"user_id\":\"user_1\",\"organization_id\":null,"
        "\"api_key_last_4\":\"cdef\"}}");
    wos_data_integration d;
    wos_str s;
    (void)state;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_OK);
    assert_null(d.description.ptr);
    assert_true(wos_view_null(&d.scopes));
    assert_false(wos_view_absent(&d.scopes));
    assert_int_equal(d.scopes.count, 0);
    assert_int_equal(d.auth_methods.count, 1);
    expect_item(&d.auth_methods, 0, "api_key");
    assert_false(d.credentials.present);
    assert_false(d.custom_provider.present);
    assert_false(wos_view_null(&d.config));
    assert_false(wos_view_absent(&d.config));
    assert_int_equal(d.config.count, 0);
    assert_int_equal(wos_str_pairs_find(&d.config, "x", &s), WOS_ERR_NOT_FOUND);
    assert_int_equal(d.state, WOS_STATE_REQUESTED);
    assert_true(d.installation.present);
    expect_str(d.installation.id, "data_installation_1");
    assert_null(d.installation.organization_id.ptr);
    expect_str(d.installation.api_key_last_4, "cdef");

    r = reply(200, "{\"id\":\"d1\",\"slug\":\"x\",\"description\":\"\",\"scopes\":[]}");
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_OK);
    assert_non_null(d.description.ptr); /* empty, not null */
    assert_int_equal(d.description.len, 0);
    assert_false(wos_view_null(&d.scopes)); /* empty, not null */
    assert_false(wos_view_absent(&d.scopes));
    assert_int_equal(d.scopes.count, 0);
}

static void integration_unknowns_kept_or_ignored(void **state)
{
    wos_pipes_reply r = reply(200,
        "{\"future\":{\"deep\":[{\"x\":[1,2,{\"id\":\"no\"}]}]},\"slug\":\"s\",\"state\":\"paused\","
        "\"credentials\":{\"type\":\"federated\",\"new\":true,\"client_id\":null,\"redacted_client_secret\":null},"
        "\"auth_methods\":[\"oauth\",\"passkey\"],\"config\":{\"region\":\"eu\",\"tier\":\"gold\"},"
        "\"custom_provider\":{\"name\":\"n\",\"authenticate_via\":\"mtls\",\"extra\":[]},\"id\":\"d2\","
        "\"slug\":\"ignored-duplicate\"}");
    wos_data_integration d;
    wos_str s;
    (void)state;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_OK);
    expect_str(d.id, "d2");
    expect_str(d.slug, "ignored-duplicate"); /* the last of duplicate members counts */
    assert_int_equal(d.state, WOS_STATE_UNKNOWN);
    expect_str(d.state_text, "paused");
    expect_str(d.credentials.type, "federated");
    assert_null(d.credentials.client_id.ptr);
    expect_item(&d.auth_methods, 1, "passkey");
    assert_int_equal(wos_str_pairs_find(&d.config, "tier", &s), WOS_OK);
    expect_str(s, "gold");
    expect_str(d.custom_provider.authenticate_via, "mtls");
}

static void integration_bad_shapes(void **state)
{
    static const char *const k_shapes[] = {
        "[]", "{}", "{\"id\":\"d\"}", "{\"id\":1,\"slug\":\"s\"}", "{\"id\":\"d\",\"slug\":\"s\",\"enabled\":\"yes\"}",
        "{\"id\":\"d\",\"slug\":\"s\",\"scopes\":{}}", "{\"id\":\"d\",\"slug\":\"s\",\"config\":{\"a\":1}}",
        "{\"id\":\"d\",\"slug\":\"s\",\"credentials\":{\"client_id\":\"x\"}}",
        "{\"id\":\"d\",\"slug\":\"s\",\"credentials\":[]}",
        "{\"id\":\"d\",\"slug\":\"s\",\"custom_provider\":{\"pkce_enabled\":true}}",
        "{\"id\":\"d\",\"slug\":\"s\",\"state\":null}",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof k_shapes / sizeof k_shapes[0]; i++) {
        wos_pipes_reply r = reply(200, k_shapes[i]);
        wos_data_integration d;
        assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_ERR_JSON_SHAPE);
    }
}

static void decode_delete_statuses(void **state)
{
    wos_pipes_reply r = reply(204, "");
    wos_api_error e;
    (void)state;
    assert_int_equal(wos_pipes_decode_delete(&r, &e), WOS_OK);
    r = reply(404, "{\"message\":\"not found\"}");
    assert_int_equal(wos_pipes_decode_delete(&r, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.kind, WOS_ERROR_NOT_FOUND);
    assert_int_equal(wos_pipes_decode_delete(NULL, &e), WOS_ERR_INVALID_ARG);
}


/* Review: a key that cannot be decoded (lone surrogate, \u0000) is skipped like any unknown member. */
static void undecodable_keys_are_skipped(void **state)
{
    wos_pipes_reply r = reply(200, "{\"\\ud800\":1,\"id\":\"d\",\"\\u0000\":{\"x\":[]},\"slug\":\"s\",\"sl\\u0075g\":\"dup\"}");
    wos_data_integration d;
    (void)state;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_OK);
    expect_str(d.id, "d");
    expect_str(d.slug, "dup"); /* "sl\u0075g" is a later "slug" */
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

/*
 * Duplicate members: the last occurrence wins, top-level and nested, as
 * JavaScript, Python and the official SDKs read JSON. A later null clears
 * what an earlier value set; a later object replaces the whole earlier one.
 */
static void integration_duplicates_last_wins(void **state)
{
    wos_pipes_reply r = reply(200,
        "{\"id\":\"d1\",\"slug\":\"s\",\"description\":\"old\",\"enabled\":true,"
        "\"scopes\":[\"a\",\"b\"],\"config\":{\"k\":\"v\"},"
        "\"credentials\":{\"type\":\"custom\",\"client_id\":\"c1\",\"redacted_client_secret\":\"abcd\"},"
        "\"installation\":{\"id\":\"i1\",\"user_id\":\"u1\"},"
        "\"custom_provider\":{\"name\":\"n1\",\"pkce_enabled\":true,\"name\":\"n2\"},"
        "\"created_at\":\"2025-01-01T00:00:00Z\","
        "\"description\":null,\"enabled\":false,\"scopes\":null,\"config\":{},"
        "\"credentials\":{\"type\":\"organization\"},\"installation\":null,"
        "\"created_at\":null,\"id\":\"d2\"}");
    wos_data_integration d;
    (void)state;
    assert_int_equal(wos_pipes_decode_integration(&r, &d, NULL), WOS_OK);
    expect_str(d.id, "d2");
    assert_null(d.description.ptr);
    assert_false(d.enabled);
    assert_true(wos_view_null(&d.scopes));
    assert_int_equal(d.scopes.count, 0);
    assert_false(wos_view_null(&d.config));
    assert_int_equal(d.config.count, 0);
    assert_true(d.credentials.present);
    expect_str(d.credentials.type, "organization");
    assert_null(d.credentials.client_id.ptr); /* not kept from the replaced object */
    assert_null(d.credentials.redacted_client_secret.ptr);
    assert_false(d.installation.present);
    assert_null(d.installation.id.ptr);
    expect_str(d.custom_provider.name, "n2");
    assert_true(d.custom_provider.pkce_enabled);
    assert_null(d.created_at.text.ptr);
    assert_int_equal(d.created_at.unix_s, 0);
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
        cmocka_unit_test(seed_integration),
        cmocka_unit_test(integration_nulls_and_empties),
        cmocka_unit_test(integration_unknowns_kept_or_ignored),
        cmocka_unit_test(integration_bad_shapes),
        cmocka_unit_test(decode_delete_statuses),
        cmocka_unit_test(undecodable_keys_are_skipped),
        cmocka_unit_test(integration_duplicates_last_wins),
        cmocka_unit_test(token_duplicates_last_wins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
