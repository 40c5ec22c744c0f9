/* SPDX-License-Identifier: MIT */
/* credentials (and the newer optional members it shares with token): requests, every answer shape, wipe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "connect_support.h"

static void request_members_sent_only_when_set(void **state)
{
    wos_token_params p = {0};
    (void)state;
    p.slug = (wos_str)WOS_STR_LIT("github");
    p.user_id = (wos_str)WOS_STR_LIT("user_1");
    cs_expect(&wos_op_credentials, &p, cs_key, "POST /data-integrations/github/credentials",
              "{\"user_id\":\"user_1\"}");
    p.organization_id = (wos_str)WOS_STR_LIT("org_1");
    p.connected_account_id = (wos_str)WOS_STR_LIT("data_installation_x");
    p.connection_owner = (wos_str)WOS_STR_LIT("user");
    p.supports_multiple_connections.set = true;
    cs_expect(&wos_op_credentials, &p, cs_key, "POST /data-integrations/github/credentials",
              "{\"user_id\":\"user_1\",\"organization_id\":\"org_1\","
              "\"connected_account_id\":\"data_installation_x\",\"connection_owner\":\"user\","
              "\"supports_multiple_connections\":false}");
}

static void token_request_newer_members(void **state)
{
    wos_token_params p = {0};
    wos_pipes_call c = {WOS_OP_TOKEN, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    size_t len = 0;
    const char *want = "{\"user_id\":\"u\",\"connected_account_id\":\"ca_1\",\"connection_owner\":\"organization\","
                       "\"supports_multiple_connections\":true}";
    (void)state;
    p.slug = (wos_str)WOS_STR_LIT("github");
    p.user_id = (wos_str)WOS_STR_LIT("u");
    p.connected_account_id = (wos_str)WOS_STR_LIT("ca_1");
    p.connection_owner = (wos_str)WOS_STR_LIT("organization");
    p.supports_multiple_connections.set = true;
    p.supports_multiple_connections.value = true;
    c.token = &p;
    assert_int_equal(wos_pipes_write_request(&cs_ep, &c, cs_buf, CS_CAP, &len), WOS_OK);
    assert_true(len > strlen(want));
    assert_memory_equal(cs_buf + len - strlen(want), want, strlen(want));
    p.connected_account_id = (wos_str)WOS_STR_LIT("");
    assert_int_equal(wos_pipes_write_request(&cs_ep, &c, cs_buf, CS_CAP, &len), WOS_ERR_INVALID_ARG);
    cs_refused(&wos_op_credentials, &p);
}

static void oauth_example(void **state)
{
    wos_pipes_reply r = cs_reply(200,
        "{\"active\": true, \"credential\": {\"object\": \"credential\", \"auth_method\": \"oauth\","
        " \"value\": \"gho_16C7e42F292c6912E7710c838347Ae178B4a\", \"expires_at\": \"2025-12-31T23:59:59.000Z\","
        " \"scopes\": [\"repo\", \"user:email\"], \"missing_scopes\": []}}");
    wos_credentials_result c;
    (void)state;
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    assert_true(c.active);
    assert_true(c.credential.present);
    assert_int_equal(c.auth_method, WOS_AUTH_METHOD_OAUTH);
    expect_str(c.credential.object, "credential");
    expect_str(c.credential.value, "gho_16C7e42F292c6912E7710c838347Ae178B4a");
    cs_expect_opt(c.credential.expires_at, WOS_SET, "2025-12-31T23:59:59.000Z");
    assert_int_equal(c.expires_at_unix, 1767225599);
    assert_int_equal(c.credential.scopes.count, 2);
    expect_item(&c.credential.scopes, 1, "user:email");
    assert_int_equal(c.credential.missing_scopes.count, 0);
    assert_false(wos_view_absent(&c.credential.missing_scopes));
    assert_true(wos_view_absent(&c.credential.metadata));
    assert_int_equal(c.reason, WOS_TOKEN_ACTIVE);
}

static void api_key_and_client_credentials(void **state)
{
    wos_pipes_reply r = cs_reply(200,
        "{\"active\": true, \"credential\": {\"object\": \"credential\", \"auth_method\": \"api_key\","
        " \"value\": \"sk-1234567890abcdef\"}}");
    wos_credentials_result c;
    wos_str v;
    (void)state;
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    assert_int_equal(c.auth_method, WOS_AUTH_METHOD_API_KEY);
    expect_str(c.credential.value, "sk-1234567890abcdef");
    cs_expect_opt(c.credential.expires_at, WOS_OMIT, NULL);
    assert_true(wos_view_absent(&c.credential.scopes));
    r = cs_reply(200,
        "{\"active\": true, \"credential\": {\"object\": \"credential\", \"auth_method\": \"client_credentials\","
        " \"value\": \"00D5g000000XXXX!AQEAQ\", \"expires_at\": null, \"scopes\": [\"api\"],"
        " \"missing_scopes\": [], \"metadata\": {\"instance_url\": \"https://acme.my.salesforce.com\"}}}");
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    assert_int_equal(c.auth_method, WOS_AUTH_METHOD_CLIENT_CREDENTIALS);
    cs_expect_opt(c.credential.expires_at, WOS_NULL, NULL);
    assert_int_equal(c.expires_at_unix, 0);
    assert_int_equal(wos_str_pairs_find(&c.credential.metadata, "instance_url", &v), WOS_OK);
    expect_str(v, "https://acme.my.salesforce.com");
}

static void inactive_and_unknown_values(void **state)
{
    wos_pipes_reply r = cs_reply(200, "{\"active\": false, \"error\": \"not_installed\"}");
    wos_credentials_result c;
    (void)state;
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    assert_false(c.active);
    assert_int_equal(c.reason, WOS_TOKEN_NOT_INSTALLED);
    r = cs_reply(200, "{\"active\": false, \"error\": \"needs_reauthorization\"}");
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    assert_int_equal(c.reason, WOS_TOKEN_NEEDS_REAUTHORIZATION);
    r = cs_reply(200, "{\"active\": false, \"error\": \"suspended\"}");
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    assert_int_equal(c.reason, WOS_TOKEN_REASON_UNKNOWN);
    expect_str(c.error, "suspended");
    /* An auth_method added later: kept as text, with whatever members came. */
    r = cs_reply(200, "{\"active\": true, \"credential\": {\"auth_method\": \"mtls\", \"value\": \"v\","
                      " \"scopes\": [\"a\"], \"cert\": {\"pem\": \"x\"}}}");
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    assert_int_equal(c.auth_method, WOS_AUTH_METHOD_UNKNOWN);
    expect_str(c.credential.auth_method_text, "mtls");
    assert_int_equal(c.credential.scopes.count, 1);
}

static void hostile_shapes(void **state)
{
    static const struct { const char *json; wos_status st; } k[] = {
        {"{\"active\": true}", WOS_ERR_JSON_SHAPE},
        {"{\"active\": true, \"credential\": null}", WOS_ERR_JSON_SHAPE},
        {"{\"active\": false}", WOS_ERR_JSON_SHAPE},
        {"{\"active\": \"yes\", \"error\": \"x\"}", WOS_ERR_JSON_SHAPE},
        {"{\"active\": true, \"credential\": {\"auth_method\": \"oauth\"}}", WOS_ERR_JSON_SHAPE},
        {"{\"active\": true, \"credential\": {\"auth_method\": \"oauth\", \"value\": 7}}", WOS_ERR_JSON_SHAPE},
        {"{\"active\": true, \"credential\": {\"auth_method\": \"oauth\", \"value\": \"v\", \"expires_at\": \"soon\"}}",
         WOS_ERR_INVALID_TIME},
        {"{\"active\": true, \"credential\": {\"auth_method\": \"oauth\", \"value\": \"\\ud800\"}}",
         WOS_ERR_INVALID_UTF8},
        {"{\"active\": true, \"credential\": {\"auth_method\": \"oauth\", \"value\": \"v\", \"scopes\": [1]}}",
         WOS_ERR_JSON_SHAPE},
        {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
         WOS_ERR_JSON_TOO_DEEP},
        {"{\"active\": true, \"credential\": {\"auth_method\": \"oauth\", \"value\": \"v\"}", WOS_ERR_JSON_MALFORMED},
    };
    wos_credentials_result c;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof k / sizeof k[0]; i++) {
        wos_pipes_reply r = cs_reply(200, k[i].json);
        if (wos_pipes_decode_credentials(&r, &c, NULL) != k[i].st) {
            print_error("case %zu: %s\n", i, k[i].json);
            fail();
        }
    }
}

static void duplicates_last_wins(void **state)
{
    wos_pipes_reply r = cs_reply(200,
        "{\"active\": false, \"error\": \"not_installed\", \"active\": true,"
        " \"credential\": {\"auth_method\": \"oauth\", \"value\": \"first\"},"
        " \"credential\": {\"auth_method\": \"api_key\", \"value\": \"second\"}}");
    wos_credentials_result c;
    (void)state;
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    assert_true(c.active);
    assert_int_equal(c.auth_method, WOS_AUTH_METHOD_API_KEY);
    expect_str(c.credential.value, "second");
}

/* A repeated secret: the last wins, and no earlier copy outlives the wipe. */
static void duplicates_leave_no_secret(void **state)
{
    wos_pipes_reply r = cs_reply(200,
        "{\"active\": true, \"credential\": {\"auth_method\": \"api_key\", \"value\": \"sk-firstobj\"},"
        " \"credential\": {\"auth_method\": \"api_key\", \"value\": \"sk-earlier\","
        " \"value\": \"sk-\\u0077inner\"}}");
    wos_credentials_result c;
    (void)state;
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    expect_str(c.credential.value, "sk-winner");
    wos_credentials_wipe(&c);
    assert_false(cs_contains(cs_body, r.body_len, "sk-"));
    assert_false(cs_contains(cs_body, r.body_len, "inner"));
}

static void wipe_zeroes_the_value_escapes_included(void **state)
{
    static const char json[] = "{\"active\": true, \"credential\": {\"auth_method\": \"api_key\","
                               " \"value\": \"sk-\\u0041BC\\n\"}}";
    wos_pipes_reply r = cs_reply(200, json);
    wos_credentials_result c;
    const char *start = strstr(cs_body, "sk-");
    size_t raw = strlen("sk-\\u0041BC\\n"), i;
    (void)state;
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, NULL), WOS_OK);
    expect_str(c.credential.value, "sk-ABC\n");
    wos_credentials_wipe(&c);
    assert_null(c.credential.value.ptr);
    for (i = 0; i < raw; i++) {
        assert_int_equal(start[i], 0);
    }
    assert_int_equal(start[raw], '"');
    wos_credentials_wipe(&c); /* twice is harmless */
    wos_credentials_wipe(NULL);
}

static void error_answers(void **state)
{
    wos_pipes_reply r = cs_reply(422, "{\"message\": \"The installation uses an auth method that is not yet supported by this endpoint.\"}");
    wos_credentials_result c;
    wos_api_error e;
    (void)state;
    assert_int_equal(wos_pipes_decode_credentials(&r, &c, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.kind, WOS_ERROR_UNPROCESSABLE);
    assert_false(c.active);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(request_members_sent_only_when_set),
        cmocka_unit_test(token_request_newer_members),
        cmocka_unit_test(oauth_example),
        cmocka_unit_test(api_key_and_client_credentials),
        cmocka_unit_test(inactive_and_unknown_values),
        cmocka_unit_test(hostile_shapes),
        cmocka_unit_test(duplicates_last_wins),
        cmocka_unit_test(duplicates_leave_no_secret),
        cmocka_unit_test(wipe_zeroes_the_value_escapes_included),
        cmocka_unit_test(error_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
