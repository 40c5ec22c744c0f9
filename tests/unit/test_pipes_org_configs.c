/* SPDX-License-Identifier: MIT */
/* Organization configurations: list and set requests, their answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "connect_support.h"

static void requests(void **state)
{
    static const wos_str scopes[] = {WOS_STR_LIT("repo")};
    static const wos_str_pair cfg[] = {{WOS_STR_LIT("account_identifier"), WOS_STR_LIT("acme-prod")}};
    wos_org_config_params p;
    (void)state;
    memset(&p, 0, sizeof p);
    p.organization_id = (wos_str)WOS_STR_LIT("org_01EHZNVPK3SFK441A1RGBFSHRT");
    cs_expect(&wos_op_org_configs, &p, (wos_str)WOS_STR_NULL,
              "GET /organizations/org_01EHZNVPK3SFK441A1RGBFSHRT/data_integration_configurations", NULL);
    cs_refused(&wos_op_org_config_set, &p); /* no slug */
    p.slug = (wos_str)WOS_STR_LIT("github");
    p.enabled.set = true;
    p.scopes.state = WOS_NULL;
    cs_expect(&wos_op_org_config_set, &p, (wos_str)WOS_STR_NULL,
              "PUT /organizations/org_01EHZNVPK3SFK441A1RGBFSHRT/data_integration_configurations/github",
              "{\"enabled\":false,\"scopes\":null}");
    p.enabled.value = true;
    p.scopes.state = WOS_SET;
    p.scopes.items = scopes;
    p.scopes.count = 1;
    p.client_id = (wos_str)WOS_STR_LIT("client_01");
    p.client_secret = (wos_str)WOS_STR_LIT("s3cr\xc3\xa9t");
    p.config.set = true;
    p.config.pairs = cfg;
    p.config.count = 1;
    cs_expect(&wos_op_org_config_set, &p, (wos_str)WOS_STR_NULL,
              "PUT /organizations/org_01EHZNVPK3SFK441A1RGBFSHRT/data_integration_configurations/github",
              "{\"enabled\":true,\"scopes\":[\"repo\"],\"client_id\":\"client_01\","
              "\"client_secret\":\"s3cr\xc3\xa9t\",\"config\":{\"account_identifier\":\"acme-prod\"}}");
    p.organization_id = (wos_str)WOS_STR_NULL;
    cs_refused(&wos_op_org_configs, &p);
}

static const char k_config[] =
    "{\"object\": \"data_integration_configuration\", \"id\": \"data_integration_01\","
    " \"organization_id\": \"org_1\", \"slug\": \"github\", \"name\": \"GitHub\", \"enabled\": true,"
    " \"scopes\": [\"repo\", \"user:email\"], \"config\": {\"account_identifier\": \"acme-prod\"},"
    " \"created_at\": \"2024-01-15T10:30:00.000Z\", \"updated_at\": \"2024-01-15T10:30:00.000Z\","
    " \"credentials\": {\"credentials_type\": \"organization\", \"has_credentials\": true,"
    " \"client_id\": \"client_01\", \"client_secret_last_four\": \"1a2b\","
    " \"redirect_uri\": \"https://api.workos.com/data-integrations/github/dik_01/callback\"}}";

static void set_answer(void **state)
{
    wos_pipes_reply r = cs_reply(200, k_config);
    wos_org_config c;
    wos_str v;
    (void)state;
    assert_int_equal(wos_pipes_decode_org_config(&r, &c, NULL), WOS_OK);
    expect_str(c.object, "data_integration_configuration");
    expect_str(c.organization_id, "org_1");
    expect_str(c.name, "GitHub");
    assert_true(c.enabled);
    assert_int_equal(c.scopes.count, 2);
    assert_int_equal(wos_str_pairs_find(&c.config, "account_identifier", &v), WOS_OK);
    expect_str(v, "acme-prod");
    assert_true(c.credentials.present);
    expect_str(c.credentials.credentials_type, "organization");
    assert_true(c.credentials.has_credentials);
    expect_str(c.credentials.client_secret_last_four, "1a2b");
    r = cs_reply(200, "{\"id\": \"i\", \"slug\": \"s\", \"scopes\": null, \"credentials\": "
                      "{\"credentials_type\": \"shared\", \"has_credentials\": false, \"client_id\": null}}");
    assert_int_equal(wos_pipes_decode_org_config(&r, &c, NULL), WOS_OK);
    assert_true(wos_view_null(&c.scopes));
    assert_null(c.credentials.client_id.ptr);
    r = cs_reply(200, "{\"id\": \"i\", \"slug\": \"s\", \"credentials\": {\"has_credentials\": true}}");
    assert_int_equal(wos_pipes_decode_org_config(&r, &c, NULL), WOS_ERR_JSON_SHAPE);
    r = cs_reply(400, "{\"message\": [\"client_id and client_secret must be provided together\"]}");
    {
        wos_api_error e;
        assert_int_equal(wos_pipes_decode_org_config(&r, &c, &e), WOS_ERR_HTTP_STATUS);
        expect_str(e.message, "client_id and client_secret must be provided together");
    }
}

static void list_answer(void **state)
{
    static char json[4096];
    wos_pipes_reply r;
    wos_pipes_items l;
    wos_org_config c;
    (void)state;
    snprintf(json, sizeof json, "{\"object\": \"list\", \"data\": [%s, {\"id\": \"j\", \"slug\": \"slack\","
             " \"enabled\": false, \"scopes\": null, \"config\": {}}]}", k_config);
    r = cs_reply(200, json);
    assert_int_equal(wos_pipes_decode_org_configs(&r, &l, NULL), WOS_OK);
    assert_int_equal(l.count, 2);
    assert_int_equal(wos_org_config_item(&l, 1, &c), WOS_OK);
    expect_str(c.slug, "slack");
    assert_false(c.credentials.present);
    assert_int_equal(c.config.count, 0);
    assert_int_equal(wos_org_config_item(&l, 0, &c), WOS_OK);
    assert_true(c.credentials.present);
    assert_int_equal(wos_org_config_item(&l, 2, &c), WOS_ERR_NOT_FOUND);
    r = cs_reply(200, "{\"data\": [{\"id\": \"j\", \"slug\": \"s\", \"enabled\": \"no\"}]}");
    assert_int_equal(wos_pipes_decode_org_configs(&r, &l, NULL), WOS_ERR_JSON_SHAPE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(requests),
        cmocka_unit_test(set_answer),
        cmocka_unit_test(list_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
