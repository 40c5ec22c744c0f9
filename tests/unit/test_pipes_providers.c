/* SPDX-License-Identifier: MIT */
/* The user's data providers: request, the list answer with connected accounts, hostile lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "connect_support.h"

static void request(void **state)
{
    wos_providers_params p = {WOS_STR_LIT("user_1"), WOS_STR_NULL};
    (void)state;
    cs_expect(&wos_op_providers, &p, (wos_str)WOS_STR_NULL,
              "GET /user_management/users/user_1/data_providers", NULL);
    p.organization_id = (wos_str)WOS_STR_LIT("org_1");
    cs_expect(&wos_op_providers, &p, (wos_str)WOS_STR_NULL,
              "GET /user_management/users/user_1/data_providers?organization_id=org_1", NULL);
    p.user_id = (wos_str)WOS_STR_LIT("");
    cs_refused(&wos_op_providers, &p);
}

static const char k_list[] =
    "{\"object\": \"list\", \"data\": ["
    "{\"object\": \"data_provider\", \"id\": \"data_integration_01\", \"name\": \"GitHub\","
    " \"description\": \"Connect your GitHub account to access repositories.\", \"slug\": \"github\","
    " \"integration_type\": \"github\", \"credentials_type\": \"oauth2\", \"scopes\": [\"repo\", \"user:email\"],"
    " \"auth_methods\": [\"oauth\"], \"ownership\": \"userland_user\","
    " \"created_at\": \"2024-01-15T10:30:00.000Z\", \"updated_at\": \"2024-01-15T10:30:00.000Z\","
    " \"integrationType\": \"github\", \"credentialsType\": \"oauth2\", \"createdAt\": \"x\", \"updatedAt\": \"x\","
    " \"connected_account\": {\"object\": \"connected_account\", \"id\": \"data_installation_01\","
    " \"user_id\": \"user_1\", \"organization_id\": null, \"scopes\": [\"repo\"], \"auth_method\": \"oauth\","
    " \"state\": \"connected\", \"created_at\": \"2024-01-16T14:20:00.000Z\", \"updated_at\": \"2024-01-16T14:20:00.000Z\","
    " \"userlandUserId\": \"user_1\", \"organizationId\": null, \"createdAt\": \"x\", \"updatedAt\": \"x\"}},"
    "{\"object\": \"data_provider\", \"id\": \"data_integration_02\", \"name\": \"Slack\", \"description\": null,"
    " \"slug\": \"slack\", \"integration_type\": \"slack\", \"credentials_type\": \"oauth2\", \"scopes\": null,"
    " \"ownership\": \"organization\", \"created_at\": \"2024-01-15T10:30:00.000Z\","
    " \"updated_at\": \"2024-01-15T10:30:00.000Z\", \"connected_account\": null}]}";

static void list_answer(void **state)
{
    wos_pipes_reply r = cs_reply(200, k_list);
    wos_pipes_items l;
    wos_data_provider p;
    (void)state;
    assert_int_equal(wos_pipes_decode_providers(&r, &l, NULL), WOS_OK);
    assert_int_equal(l.count, 2);
    assert_int_equal(wos_provider_item(&l, 0, &p), WOS_OK);
    expect_str(p.name, "GitHub");
    expect_str(p.integration_type, "github");
    expect_str(p.credentials_type, "oauth2");
    expect_str(p.ownership, "userland_user");
    assert_int_equal(p.auth_methods.count, 1);
    assert_int_equal(p.created_at.unix_s, 1705314600);
    assert_true(p.connected_account.present);
    expect_str(p.connected_account.id, "data_installation_01");
    assert_int_equal(p.connected_account.state, WOS_ACCOUNT_CONNECTED);
    assert_int_equal(p.connected_account.auth_method, WOS_AUTH_METHOD_OAUTH);
    cs_expect_opt(p.connected_account.organization_id, WOS_NULL, NULL);
    expect_str(p.connected_account.created_at.text, "2024-01-16T14:20:00.000Z");
    assert_int_equal(wos_provider_item(&l, 1, &p), WOS_OK);
    expect_str(p.slug, "slack");
    assert_null(p.description.ptr);
    assert_true(wos_view_null(&p.scopes));
    assert_true(wos_view_absent(&p.auth_methods));
    assert_false(p.connected_account.present);
    assert_int_equal(wos_provider_item(&l, 2, &p), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_provider_item(NULL, 0, &p), WOS_ERR_INVALID_ARG);
}

/* 500 providers decode with enough tokens, and ask for more with too few. */
static void five_hundred_providers(void **state)
{
    static char json[60000];
    size_t n = 0;
    unsigned i;
    wos_pipes_reply r;
    wos_pipes_items l;
    wos_data_provider p;
    (void)state;
    n += (size_t)sprintf(json + n, "{\"data\": [");
    for (i = 0; i < 500; i++) {
        n += (size_t)sprintf(json + n, "%s{\"id\": \"p%u\", \"slug\": \"s%u\", \"connected_account\": null}",
                             i ? "," : "", i, i);
    }
    sprintf(json + n, "]}");
    r = cs_reply(200, json);
    assert_int_equal(wos_pipes_decode_providers(&r, &l, NULL), WOS_OK);
    assert_int_equal(l.count, 500);
    assert_int_equal(wos_provider_item(&l, 499, &p), WOS_OK);
    expect_str(p.slug, "s499");
    r = cs_reply(200, json);
    r.token_cap = 100;
    assert_int_equal(wos_pipes_decode_providers(&r, &l, NULL), WOS_ERR_JSON_TOKENS);
    assert_true(r.tokens_needed > 3000);
}

static void hostile(void **state)
{
    static const struct { const char *json; wos_status st; } k[] = {
        {"{\"data\": {}}", WOS_ERR_JSON_SHAPE},
        {"{}", WOS_ERR_JSON_SHAPE},
        {"[]", WOS_ERR_JSON_SHAPE},
        {"{\"data\": [1]}", WOS_ERR_JSON_SHAPE},
        {"{\"data\": [{\"id\": \"a\"}]}", WOS_ERR_JSON_SHAPE},
        {"{\"data\": [{\"id\": \"a\", \"slug\": \"b\", \"connected_account\": {\"id\": \"c\"}}]}", WOS_ERR_JSON_SHAPE},
        {"{\"data\": [{\"id\": \"a\", \"slug\": \"b\", \"connected_account\": [\"x\"]}]}", WOS_ERR_JSON_SHAPE},
        {"{\"data\": [{\"id\": \"a\", \"slug\": \"\\ud83d\"}]}", WOS_ERR_INVALID_UTF8},
        {"{\"data\": [{\"id\": \"a\", \"slug\": \"b\", \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}",
         WOS_ERR_JSON_TOO_DEEP},
    };
    wos_pipes_items l;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof k / sizeof k[0]; i++) {
        wos_pipes_reply r = cs_reply(200, k[i].json);
        if (wos_pipes_decode_providers(&r, &l, NULL) != k[i].st) {
            print_error("case %zu: %s\n", i, k[i].json);
            fail();
        }
    }
}

/* Of duplicate connected_account members the last wins, null included. */
static void duplicate_nested_object(void **state)
{
    wos_pipes_reply r = cs_reply(200,
        "{\"data\": [{\"id\": \"a\", \"slug\": \"b\","
        " \"connected_account\": {\"id\": \"c\", \"state\": \"connected\", \"api_key_last_4\": \"1234\"},"
        " \"connected_account\": {\"id\": \"d\", \"state\": \"disconnected\"}}]}");
    wos_pipes_items l;
    wos_data_provider p;
    (void)state;
    assert_int_equal(wos_pipes_decode_providers(&r, &l, NULL), WOS_OK);
    assert_int_equal(wos_provider_item(&l, 0, &p), WOS_OK);
    expect_str(p.connected_account.id, "d");
    assert_int_equal(p.connected_account.state, WOS_ACCOUNT_DISCONNECTED);
    cs_expect_opt(p.connected_account.api_key_last_4, WOS_OMIT, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(request),
        cmocka_unit_test(list_answer),
        cmocka_unit_test(five_hundred_providers),
        cmocka_unit_test(hostile),
        cmocka_unit_test(duplicate_nested_object),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
