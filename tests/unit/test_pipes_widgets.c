/* SPDX-License-Identifier: MIT */
/* POST /widgets/token: request and answer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "connect_support.h"

static void requests(void **state)
{
    static const wos_str scopes[] = {WOS_STR_LIT("widgets:pipes:manage")};
    static const wos_str bad[] = {WOS_STR_NULL};
    wos_widget_token_params p;
    (void)state;
    memset(&p, 0, sizeof p);
    cs_expect(&wos_op_widget_token, &p, cs_key, "POST /widgets/token", "{}");
    p.organization_id = (wos_str)WOS_STR_LIT("org_1");
    p.user_id = (wos_str)WOS_STR_LIT("user_1");
    p.scopes.state = WOS_SET;
    p.scopes.items = scopes;
    p.scopes.count = 1;
    cs_expect(&wos_op_widget_token, &p, cs_key, "POST /widgets/token",
              "{\"organization_id\":\"org_1\",\"user_id\":\"user_1\",\"scopes\":[\"widgets:pipes:manage\"]}");
    p.scopes.items = bad;
    cs_refused(&wos_op_widget_token, &p);
    p.scopes.items = scopes;
    p.user_id = (wos_str)WOS_STR_LIT("");
    cs_refused(&wos_op_widget_token, &p);
}

static void answers(void **state)
{
    wos_pipes_reply r = cs_reply(201, "{\"token\": \"eyJhbGciOiJSUzI1NiIsImtpZCI6InNlc3Npb24\"}");
    wos_widget_token t;
    wos_api_error e;
    (void)state;
    assert_int_equal(wos_pipes_decode_widget_token(&r, &t, NULL), WOS_OK);
    expect_str(t.token, "eyJhbGciOiJSUzI1NiIsImtpZCI6InNlc3Npb24");
    r = cs_reply(201, "{\"token\": null}");
    assert_int_equal(wos_pipes_decode_widget_token(&r, &t, NULL), WOS_ERR_JSON_SHAPE);
    r = cs_reply(400, "{\"message\": [\"organization_id must be a string\"], \"error\": \"Bad Request\"}");
    assert_int_equal(wos_pipes_decode_widget_token(&r, &t, &e), WOS_ERR_HTTP_STATUS);
    expect_str(e.message, "organization_id must be a string");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(requests),
        cmocka_unit_test(answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
