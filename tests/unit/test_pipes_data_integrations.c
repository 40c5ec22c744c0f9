/* SPDX-License-Identifier: MIT */
/* authorize, and the API-key and client-credentials installations: exact requests, refusals, answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "connect_support.h"

static void authorize_request_every_member(void **state)
{
    static const wos_str_pair cfg[] = {{WOS_STR_LIT("subdomain"), WOS_STR_LIT("acme")}};
    wos_authorize_params p = {0};
    (void)state;
    p.slug = (wos_str)WOS_STR_LIT("zendesk");
    p.user_id = (wos_str)WOS_STR_LIT("user_01EHZNVPK3SFK441A1RGBFSHRT");
    p.organization_id = (wos_str)WOS_STR_LIT("org_01EHZNVPK3SFK441A1RGBFSHRT");
    p.return_to = (wos_str)WOS_STR_LIT("https://example.com/callback");
    p.config.set = true;
    p.config.pairs = cfg;
    p.config.count = 1;
    cs_expect(&wos_op_authorize, &p, cs_key, "POST /data-integrations/zendesk/authorize",
              "{\"user_id\":\"user_01EHZNVPK3SFK441A1RGBFSHRT\","
              "\"organization_id\":\"org_01EHZNVPK3SFK441A1RGBFSHRT\","
              "\"return_to\":\"https://example.com/callback\",\"config\":{\"subdomain\":\"acme\"}}");
}

static void authorize_request_user_only_and_refusals(void **state)
{
    wos_authorize_params p = {0};
    (void)state;
    p.slug = (wos_str)WOS_STR_LIT("git hub");
    p.user_id = (wos_str)WOS_STR_LIT("u");
    cs_expect(&wos_op_authorize, &p, (wos_str)WOS_STR_NULL,
              "POST /data-integrations/git%20hub/authorize", "{\"user_id\":\"u\"}");
    p.user_id = (wos_str)WOS_STR_NULL; /* required */
    cs_refused(&wos_op_authorize, &p);
    p.user_id = (wos_str)WOS_STR_LIT("");
    cs_refused(&wos_op_authorize, &p);
    p.user_id = (wos_str)WOS_STR_LIT("u\xff");
    cs_refused(&wos_op_authorize, &p);
    p.user_id = (wos_str)WOS_STR_LIT("u");
    p.slug = (wos_str)WOS_STR_LIT("..");
    cs_refused(&wos_op_authorize, &p);
    p.slug = (wos_str)WOS_STR_NULL;
    cs_refused(&wos_op_authorize, &p);
    p.slug = (wos_str)WOS_STR_LIT("github");
    p.organization_id = (wos_str)WOS_STR_LIT("");
    cs_refused(&wos_op_authorize, &p);
    cs_refused(&wos_op_authorize, NULL);
}

static void api_key_request_and_refusals(void **state)
{
    wos_api_key_upsert_params p = {0};
    (void)state;
    p.slug = (wos_str)WOS_STR_LIT("openai");
    p.user_id = (wos_str)WOS_STR_LIT("user_1");
    p.secret = (wos_str)WOS_STR_LIT("sk-1234567890abcdef");
    cs_expect(&wos_op_api_key, &p, (wos_str)WOS_STR_NULL, "PUT /data-integrations/openai/api-key",
              "{\"user_id\":\"user_1\",\"secret\":\"sk-1234567890abcdef\"}");
    /* A PUT carries no Idempotency-Key even when one is passed. */
    p.organization_id = (wos_str)WOS_STR_LIT("org_1");
    cs_expect(&wos_op_api_key, &p, (wos_str)WOS_STR_NULL, "PUT /data-integrations/openai/api-key",
              "{\"user_id\":\"user_1\",\"organization_id\":\"org_1\",\"secret\":\"sk-1234567890abcdef\"}");
    cs_buf[cs_write(&wos_op_api_key, &p, cs_key)] = '\0';
    assert_null(strstr(cs_buf, "Idempotency-Key"));
    p.secret = (wos_str)WOS_STR_NULL;
    cs_refused(&wos_op_api_key, &p);
}

static void client_credentials_request_and_refusals(void **state)
{
    static const wos_str_pair cfg[] = {{WOS_STR_LIT("mydomain"), WOS_STR_LIT("acme")},
                                       {WOS_STR_LIT("region"), WOS_STR_LIT("eu \"1\"")}};
    wos_client_credentials_params p = {0};
    (void)state;
    p.slug = (wos_str)WOS_STR_LIT("salesforce");
    p.user_id = (wos_str)WOS_STR_LIT("user_1");
    p.client_id = (wos_str)WOS_STR_LIT("3MVG9");
    p.client_secret = (wos_str)WOS_STR_LIT("shhh-secret");
    p.config.set = true;
    p.config.pairs = cfg;
    p.config.count = 2;
    cs_expect(&wos_op_client_credentials, &p, (wos_str)WOS_STR_NULL,
              "PUT /data-integrations/salesforce/client-credentials",
              "{\"user_id\":\"user_1\",\"client_id\":\"3MVG9\",\"client_secret\":\"shhh-secret\","
              "\"config\":{\"mydomain\":\"acme\",\"region\":\"eu \\\"1\\\"\"}}");
    p.client_secret = (wos_str)WOS_STR_NULL;
    cs_refused(&wos_op_client_credentials, &p);
    p.client_secret = (wos_str)WOS_STR_LIT("s");
    p.client_id = (wos_str)WOS_STR_NULL;
    cs_refused(&wos_op_client_credentials, &p);
}

static void authorize_answer(void **state)
{
    wos_pipes_reply r = cs_reply(200, "{\"url\": \"https://api.workos.com/data-integrations/"
                                      "q2czJKmVAraSBg8xFpT7M9uR/authorize-redirect\", \"x\": [1]}");
    wos_authorize_url u;
    (void)state;
    assert_int_equal(wos_pipes_decode_authorize(&r, &u, NULL), WOS_OK);
    expect_str(u.url, "https://api.workos.com/data-integrations/q2czJKmVAraSBg8xFpT7M9uR/authorize-redirect");
    r = cs_reply(200, "{\"url\": null}");
    assert_int_equal(wos_pipes_decode_authorize(&r, &u, NULL), WOS_ERR_JSON_SHAPE);
    r = cs_reply(200, "{}");
    assert_int_equal(wos_pipes_decode_authorize(&r, &u, NULL), WOS_ERR_JSON_SHAPE);
    r = cs_reply(200, "[\"url\"]");
    assert_int_equal(wos_pipes_decode_authorize(&r, &u, NULL), WOS_ERR_JSON_SHAPE);
    r = cs_reply(200, "{\"url\": \"a\", \"url\": \"b\"}"); /* the last wins */
    assert_int_equal(wos_pipes_decode_authorize(&r, &u, NULL), WOS_OK);
    expect_str(u.url, "b");
}

static void errors_come_through_the_error_path(void **state)
{
    wos_pipes_reply r = cs_reply(400, "{\"message\": [\"user_id must be a string\"], \"error\": \"Bad Request\"}");
    wos_authorize_url u;
    wos_connected_account a;
    wos_api_error e;
    (void)state;
    assert_int_equal(wos_pipes_decode_authorize(&r, &u, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.kind, WOS_ERROR_BAD_REQUEST);
    expect_str(e.message, "user_id must be a string");
    expect_str(e.error, "Bad Request");
    r = cs_reply(422, "{\"code\": \"auth_method_mismatch\", \"message\": \"This installation uses oauth "
                      "authentication. Use the POST /:slug/token endpoint instead.\"}");
    assert_int_equal(wos_pipes_decode_account(&r, &a, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.kind, WOS_ERROR_UNPROCESSABLE);
    expect_str(e.code, "auth_method_mismatch");
    r = cs_reply(404, "{\"message\": \"Data integration not found for the given provider slug.\"}");
    assert_int_equal(wos_pipes_decode_account(&r, &a, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.kind, WOS_ERROR_NOT_FOUND);
}

/* The spec's example answers of the two upserts. */
static void upsert_answers(void **state)
{
    wos_pipes_reply r = cs_reply(200,
        "{\"object\": \"connected_account\", \"id\": \"data_installation_01EHZNVPK3SFK441A1RGBFSHRT\","
        " \"user_id\": \"user_01EHZNVPK3SFK441A1RGBFSHRT\", \"organization_id\": \"org_01EHZNVPK3SFK441A1RGBFSHRT\","
        " \"scopes\": [], \"auth_method\": \"api_key\", \"api_key_last_4\": \"cdef\", \"state\": \"connected\","
        " \"created_at\": \"2024-01-16T14:20:00.000Z\", \"updated_at\": \"2024-01-16T14:20:00.000Z\"}");
    wos_connected_account a;
    (void)state;
    assert_int_equal(wos_pipes_decode_account(&r, &a, NULL), WOS_OK);
    assert_true(a.present);
    expect_str(a.object, "connected_account");
    expect_str(a.id, "data_installation_01EHZNVPK3SFK441A1RGBFSHRT");
    cs_expect_opt(a.user_id, WOS_SET, "user_01EHZNVPK3SFK441A1RGBFSHRT");
    cs_expect_opt(a.organization_id, WOS_SET, "org_01EHZNVPK3SFK441A1RGBFSHRT");
    assert_int_equal(a.scopes.count, 0);
    assert_false(wos_view_absent(&a.scopes));
    assert_int_equal(a.auth_method, WOS_AUTH_METHOD_API_KEY);
    cs_expect_opt(a.api_key_last_4, WOS_SET, "cdef");
    cs_expect_opt(a.client_id, WOS_OMIT, NULL);
    assert_true(wos_view_absent(&a.config));
    assert_int_equal(a.state, WOS_ACCOUNT_CONNECTED);
    assert_int_equal(a.created_at.unix_s, 1705414800);
    r = cs_reply(200,
        "{\"object\": \"connected_account\", \"id\": \"data_installation_01EHZNVPK3SFK441A1RGBFSHRT\","
        " \"user_id\": \"user_01EHZNVPK3SFK441A1RGBFSHRT\", \"organization_id\": null,"
        " \"scopes\": [], \"auth_method\": \"client_credentials\", \"client_id\": \"3MVG9\","
        " \"client_secret_last_4\": null, \"config\": {\"instance_url\": \"https://example.my.salesforce.com\"},"
        " \"state\": \"connected\", \"created_at\": \"2024-01-16T14:20:00.000Z\","
        " \"updated_at\": \"2024-01-16T14:20:00.000Z\"}");
    assert_int_equal(wos_pipes_decode_account(&r, &a, NULL), WOS_OK);
    assert_int_equal(a.auth_method, WOS_AUTH_METHOD_CLIENT_CREDENTIALS);
    cs_expect_opt(a.organization_id, WOS_NULL, NULL);
    cs_expect_opt(a.client_id, WOS_SET, "3MVG9");
    cs_expect_opt(a.client_secret_last_4, WOS_NULL, NULL);
    cs_expect_opt(a.api_key_last_4, WOS_OMIT, NULL);
    assert_int_equal(a.config.count, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(authorize_request_every_member),
        cmocka_unit_test(authorize_request_user_only_and_refusals),
        cmocka_unit_test(api_key_request_and_refusals),
        cmocka_unit_test(client_credentials_request_and_refusals),
        cmocka_unit_test(authorize_answer),
        cmocka_unit_test(errors_come_through_the_error_path),
        cmocka_unit_test(upsert_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
