/* SPDX-License-Identifier: MIT */
/* Decoding of data integration replies: the seed examples, tri-states, unknowns, shapes.
 * The token reply (src/pipes_token.c) is tested in test_pipes_token.c. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_integration),
        cmocka_unit_test(integration_nulls_and_empties),
        cmocka_unit_test(integration_unknowns_kept_or_ignored),
        cmocka_unit_test(integration_bad_shapes),
        cmocka_unit_test(decode_delete_statuses),
        cmocka_unit_test(undecodable_keys_are_skipped),
        cmocka_unit_test(integration_duplicates_last_wins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
