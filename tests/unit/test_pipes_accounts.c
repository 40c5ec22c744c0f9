/* SPDX-License-Identifier: MIT */
/* Connected accounts: the four requests (path, query, body), and the connected_account answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "connect_support.h"

static wos_account_params keys_only(void)
{
    wos_account_params p;
    memset(&p, 0, sizeof p);
    p.user_id = (wos_str)WOS_STR_LIT("user_01EHZNVPK3SFK441A1RGBFSHRT");
    p.slug = (wos_str)WOS_STR_LIT("github");
    return p;
}

#define ACCOUNT_PATH "/user_management/users/user_01EHZNVPK3SFK441A1RGBFSHRT/connected_accounts/github"

static void get_and_delete_requests(void **state)
{
    wos_account_params p = keys_only();
    (void)state;
    cs_expect(&wos_op_account_get, &p, (wos_str)WOS_STR_NULL, "GET " ACCOUNT_PATH, NULL);
    cs_expect(&wos_op_account_delete, &p, (wos_str)WOS_STR_NULL, "DELETE " ACCOUNT_PATH, NULL);
    p.organization_id = (wos_str)WOS_STR_LIT("org_01 &x");
    cs_expect(&wos_op_account_get, &p, (wos_str)WOS_STR_NULL,
              "GET " ACCOUNT_PATH "?organization_id=org_01%20%26x", NULL);
    /* A body member set on a get is not sent. */
    p.access_token = (wos_str)WOS_STR_LIT("gho_secret");
    cs_expect(&wos_op_account_delete, &p, (wos_str)WOS_STR_NULL,
              "DELETE " ACCOUNT_PATH "?organization_id=org_01%20%26x", NULL);
}

static void create_and_update_requests(void **state)
{
    static const wos_str scopes[] = {WOS_STR_LIT("repo"), WOS_STR_LIT("user:email")};
    wos_account_params p = keys_only();
    (void)state;
    cs_expect(&wos_op_account_create, &p, cs_key, "POST " ACCOUNT_PATH, "{}");
    p.organization_id = (wos_str)WOS_STR_LIT("org_1");
    p.access_token = (wos_str)WOS_STR_LIT("gho_16C7e42F292c6912E7710c838347Ae178B4a");
    p.refresh_token = (wos_str)WOS_STR_LIT("ghr_xxxxxxxxxxxxxxxxxxxx");
    p.expires_at = (wos_str)WOS_STR_LIT("2025-12-31T23:59:59.000Z");
    p.scopes.state = WOS_SET;
    p.scopes.items = scopes;
    p.scopes.count = 2;
    p.state = (wos_str)WOS_STR_LIT("connected");
    cs_expect(&wos_op_account_create, &p, cs_key, "POST " ACCOUNT_PATH "?organization_id=org_1",
              "{\"access_token\":\"gho_16C7e42F292c6912E7710c838347Ae178B4a\","
              "\"refresh_token\":\"ghr_xxxxxxxxxxxxxxxxxxxx\",\"expires_at\":\"2025-12-31T23:59:59.000Z\","
              "\"scopes\":[\"repo\",\"user:email\"],\"state\":\"connected\"}");
    p = keys_only();
    p.scopes.state = WOS_SET; /* an empty list is sent as [] */
    p.state = (wos_str)WOS_STR_LIT("needs_reauthorization");
    cs_expect(&wos_op_account_update, &p, (wos_str)WOS_STR_NULL, "PUT " ACCOUNT_PATH,
              "{\"scopes\":[],\"state\":\"needs_reauthorization\"}");
}

static void refusals(void **state)
{
    static const wos_str bad[] = {WOS_STR_NULL};
    wos_account_params p = keys_only();
    (void)state;
    p.user_id = (wos_str)WOS_STR_NULL;
    cs_refused(&wos_op_account_get, &p);
    p = keys_only();
    p.slug = (wos_str)WOS_STR_LIT(".");
    cs_refused(&wos_op_account_delete, &p);
    p = keys_only();
    p.organization_id = (wos_str)WOS_STR_LIT("");
    cs_refused(&wos_op_account_get, &p);
    p = keys_only();
    p.scopes.state = WOS_SET;
    p.scopes.items = bad;
    p.scopes.count = 1;
    cs_refused(&wos_op_account_update, &p);
    p = keys_only();
    p.access_token = (wos_str)WOS_STR_LIT("\xc3\x28");
    {
        size_t len;
        assert_int_equal(wos_pipes_write_account(&cs_ep, &wos_op_account_create, &p, cs_key, cs_buf,
                                                 CS_CAP, &len),
                         WOS_ERR_INVALID_UTF8);
    }
}

static void account_members_tristate(void **state)
{
    wos_pipes_reply r = cs_reply(200,
        "{\"object\": \"connected_account\", \"id\": \"data_installation_1\", \"user_id\": null,"
        " \"scopes\": [\"repo\"], \"state\": \"needs_reauthorization\","
        " \"created_at\": \"2024-01-16T14:20:00.000Z\", \"updated_at\": \"2024-01-16T14:20:00.000Z\","
        " \"userlandUserId\": \"user_x\", \"createdAt\": \"2024\"}");
    wos_connected_account a;
    (void)state;
    assert_int_equal(wos_pipes_decode_account(&r, &a, NULL), WOS_OK);
    cs_expect_opt(a.user_id, WOS_NULL, NULL);
    cs_expect_opt(a.organization_id, WOS_OMIT, NULL);
    cs_expect_opt(a.auth_method_text, WOS_OMIT, NULL);
    assert_int_equal(a.auth_method, WOS_AUTH_METHOD_OAUTH); /* the spec's default */
    assert_int_equal(a.state, WOS_ACCOUNT_NEEDS_REAUTHORIZATION);
    r = cs_reply(201, "{\"id\": \"i\", \"state\": \"paused\", \"auth_method\": \"saml\"}");
    assert_int_equal(wos_pipes_decode_account(&r, &a, NULL), WOS_OK);
    assert_int_equal(a.state, WOS_ACCOUNT_STATE_UNKNOWN);
    expect_str(a.state_text, "paused");
    assert_int_equal(a.auth_method, WOS_AUTH_METHOD_UNKNOWN);
    cs_expect_opt(a.auth_method_text, WOS_SET, "saml");
    r = cs_reply(200, "{\"id\": \"i\", \"state\": \"disconnected\", \"state\": \"connected\"}");
    assert_int_equal(wos_pipes_decode_account(&r, &a, NULL), WOS_OK);
    assert_int_equal(a.state, WOS_ACCOUNT_CONNECTED);
}

static void account_hostile(void **state)
{
    static const struct { const char *json; wos_status st; } k[] = {
        {"{\"state\": \"connected\"}", WOS_ERR_JSON_SHAPE},
        {"{\"id\": \"i\"}", WOS_ERR_JSON_SHAPE},
        {"{\"id\": \"i\", \"state\": null}", WOS_ERR_JSON_SHAPE},
        {"{\"id\": \"i\", \"state\": \"connected\", \"api_key_last_4\": 4}", WOS_ERR_JSON_SHAPE},
        {"{\"id\": \"i\", \"state\": \"connected\", \"config\": {\"a\": 1}}", WOS_ERR_JSON_SHAPE},
        {"{\"id\": \"i\", \"state\": \"connected\", \"created_at\": \"yesterday\"}", WOS_ERR_INVALID_TIME},
        {"{\"id\": \"\\udc00\", \"state\": \"connected\"}", WOS_ERR_INVALID_UTF8},
        {"", WOS_ERR_JSON_MALFORMED},
    };
    wos_connected_account a;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof k / sizeof k[0]; i++) {
        wos_pipes_reply r = cs_reply(200, k[i].json);
        if (wos_pipes_decode_account(&r, &a, NULL) != k[i].st) {
            print_error("case %zu: %s\n", i, k[i].json);
            fail();
        }
    }
}

static void delete_answer_and_errors(void **state)
{
    wos_pipes_reply r = cs_reply(404, "{\"message\": \"Connected account not found.\"}");
    wos_connected_account a;
    wos_api_error e;
    (void)state;
    assert_int_equal(wos_pipes_decode_account(&r, &a, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.kind, WOS_ERROR_NOT_FOUND);
    r = cs_reply(409, "{\"message\": \"A connected account already exists.\"}");
    assert_int_equal(wos_pipes_decode_account(&r, &a, &e), WOS_ERR_HTTP_STATUS);
    assert_int_equal(e.kind, WOS_ERROR_CONFLICT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(get_and_delete_requests),
        cmocka_unit_test(create_and_update_requests),
        cmocka_unit_test(refusals),
        cmocka_unit_test(account_members_tristate),
        cmocka_unit_test(account_hostile),
        cmocka_unit_test(delete_answer_and_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
