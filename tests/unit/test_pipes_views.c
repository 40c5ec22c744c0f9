/* SPDX-License-Identifier: MIT */
/* String arrays and maps of results: access by index and key, decoding in place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_pipes.h"
#include "seed_fixtures.h"

static char g_body[1024];
static jsmntok_t g_tok[64];

static void decode(const char *json, wos_data_integration *d)
{
    wos_pipes_reply r;
    memset(&r, 0, sizeof r);
    r.status = 200;
    r.body_len = strlen(json);
    memcpy(g_body, json, r.body_len);
    r.body = g_body;
    r.tokens = g_tok;
    r.token_cap = 64;
    assert_int_equal(wos_pipes_decode_integration(&r, d, NULL), WOS_OK);
}

static void strings_by_index(void **state)
{
    wos_data_integration d;
    wos_strings copy;
    wos_str s;
    (void)state;
    decode("{\"id\":\"i\",\"slug\":\"s\",\"scopes\":[\"a\\u0062c\",\"\",\"\\ud83d\\ude00\"]}", &d);
    assert_int_equal(d.scopes.count, 3);
    expect_item(&d.scopes, 0, "abc");
    expect_item(&d.scopes, 1, "");
    expect_item(&d.scopes, 2, "\xF0\x9F\x98\x80");
    copy = d.scopes; /* views are plain values */
    expect_item(&copy, 0, "abc");
    assert_int_equal(wos_strings_get(&d.scopes, 3, &s), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_strings_get(&d.auth_methods, 0, &s), WOS_ERR_NOT_FOUND); /* absent */
    assert_int_equal(wos_strings_get(NULL, 0, &s), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_strings_get(&d.scopes, 0, NULL), WOS_ERR_INVALID_ARG);
}

static void pairs_by_index_and_key(void **state)
{
    wos_data_integration d;
    wos_str k, v;
    (void)state;
    decode("{\"id\":\"i\",\"slug\":\"s\",\"config\":{\"region\":\"eu\",\"acc\\u006funt\":\"a\\\"b\",\"region\":\"us\"}}",
           &d);
    assert_int_equal(d.config.count, 3);
    assert_int_equal(wos_str_pairs_get(&d.config, 1, &k, &v), WOS_OK);
    expect_str(k, "account");
    expect_str(v, "a\"b");
    assert_int_equal(wos_str_pairs_find(&d.config, "account", &v), WOS_OK);
    expect_str(v, "a\"b");
    assert_int_equal(wos_str_pairs_find(&d.config, "region", &v), WOS_OK);
    expect_str(v, "us"); /* the last of duplicates, as JavaScript reads JSON */
    assert_int_equal(wos_str_pairs_get(&d.config, 3, &k, &v), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_str_pairs_find(&d.config, "nope", &v), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_str_pairs_find(&d.custom_provider.additional_authorization_parameters, "a", &v),
                     WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_str_pairs_get(NULL, 0, &k, &v), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_str_pairs_find(&d.config, NULL, &v), WOS_ERR_INVALID_ARG);
}


/* A result that decodes WOS_OK must not fail later in an accessor: a scope
 * with a lone surrogate is caught at decode time. */
static void bad_scope_is_caught_at_decode(void **state)
{
    static const char json[] = "{\"id\":\"i\",\"slug\":\"s\",\"scopes\":[\"\\ud800\"]}";
    wos_pipes_reply r;
    wos_data_integration d;
    wos_str s;
    wos_status st;
    (void)state;
    memset(&r, 0, sizeof r);
    r.status = 200;
    r.body_len = strlen(json);
    memcpy(g_body, json, r.body_len);
    r.body = g_body;
    r.tokens = g_tok;
    r.token_cap = 64;
    st = wos_pipes_decode_integration(&r, &d, NULL);
    if (st == WOS_OK) {
        /* Accepted at decode: then the accessor must not fail on it. */
        assert_int_equal(wos_strings_get(&d.scopes, 0, &s), WOS_OK);
    } else {
        assert_int_equal(st, WOS_ERR_INVALID_UTF8);
    }
}

/* Misuse of the accessors, and views of absent or null members. */
static void accessors_refuse_misuse(void **state)
{
    wos_data_integration d;
    wos_str k, v;
    (void)state;
    decode("{\"id\":\"i\",\"slug\":\"s\",\"config\":{\"a\":\"b\"},\"scopes\":null}", &d);
    assert_int_equal(wos_str_pairs_get(&d.config, 0, NULL, &v), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_str_pairs_get(&d.config, 0, &k, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_str_pairs_find(NULL, "a", &v), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_str_pairs_find(&d.config, "a", NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_strings_get(&d.scopes, 0, &v), WOS_ERR_NOT_FOUND); /* null */
    assert_int_equal(wos_str_pairs_get(&d.custom_provider.additional_authorization_parameters, 0, &k, &v),
                     WOS_ERR_NOT_FOUND); /* absent */
    assert_int_equal(wos_str_pairs_get(&d.config, 1, &k, &v), WOS_ERR_NOT_FOUND);
    assert_int_equal(wos_str_pairs_get(&d.config, 0, &k, &v), WOS_OK);
    expect_str(k, "a");
    expect_str(v, "b");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strings_by_index),
        cmocka_unit_test(pairs_by_index_and_key),
        cmocka_unit_test(bad_scope_is_caught_at_decode),
        cmocka_unit_test(accessors_refuse_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
