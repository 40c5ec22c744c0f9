/* SPDX-License-Identifier: MIT */
/*
 * The operation descriptors (src/pipes_ops.c), through the public API:
 * each names its method and path, sends an Idempotency-Key only when it is
 * a POST, sends a body only when it has one, and refuses what its prepare
 * step refuses. (Their retry classes are tested with the client, in
 * test_client.c; their decoders in test_pipes_token.c and
 * test_pipes_decode.c.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_pipes.h"

static char g_buf[4096];

static const wos_pipes_endpoint k_ep = {WOS_STR_LIT("api.workos.com"), 443, true,
                                        WOS_STR_LIT("sk_test_123")};

static const struct {
    wos_pipes_op op;
    const char *request_line;
    int keyed; /* a POST: the call's Idempotency-Key is sent */
    int body;
} k_cases[] = {
    {WOS_OP_TOKEN, "POST /data-integrations/github/token HTTP/1.1\r\n", 1, 1},
    {WOS_OP_CREATE, "POST /data-integrations HTTP/1.1\r\n", 1, 1},
    {WOS_OP_LIST, "GET /data-integrations?limit=5 HTTP/1.1\r\n", 0, 0},
    {WOS_OP_GET, "GET /data-integrations/github HTTP/1.1\r\n", 0, 0},
    {WOS_OP_UPDATE, "PUT /data-integrations/github HTTP/1.1\r\n", 0, 1},
    {WOS_OP_DELETE, "DELETE /data-integrations/github HTTP/1.1\r\n", 0, 0},
};

static void each_descriptor_writes_its_request(void **state)
{
    wos_token_params tp = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("user_01"),
                             .organization_id = WOS_STR_NULL};
    wos_integration_params create = {0}, update = {0};
    wos_list_params lp = {0};
    size_t i, len;
    (void)state;
    create.provider = (wos_str)WOS_STR_LIT("github");
    update.enabled.set = true;
    lp.limit = 5;
    for (i = 0; i < sizeof k_cases / sizeof k_cases[0]; i++) {
        wos_pipes_call c;
        memset(&c, 0, sizeof c);
        c.op = k_cases[i].op;
        c.slug = (wos_str)WOS_STR_LIT("github");
        c.token = &tp;
        c.fields = k_cases[i].op == WOS_OP_CREATE ? &create : &update;
        c.list = &lp;
        c.idempotency_key = (wos_str)WOS_STR_LIT("key-1");
        assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, sizeof g_buf - 1u, &len), WOS_OK);
        g_buf[len] = '\0';
        assert_memory_equal(g_buf, k_cases[i].request_line, strlen(k_cases[i].request_line));
        assert_int_equal(strstr(g_buf, "\r\nIdempotency-Key: key-1\r\n") != NULL, k_cases[i].keyed);
        assert_int_equal(strstr(g_buf, "\r\nContent-Type: application/json\r\n") != NULL,
                         k_cases[i].body);
    }
}

static void each_descriptor_checks_its_parameters(void **state)
{
    wos_token_params no_user = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_NULL,
                             .organization_id = WOS_STR_NULL};
    wos_integration_params no_provider = {0};
    wos_list_params too_many = {0};
    wos_pipes_call c;
    size_t len;
    (void)state;
    too_many.limit = 101;
    memset(&c, 0, sizeof c);
    c.slug = (wos_str)WOS_STR_LIT("");
    c.token = &no_user;
    c.fields = &no_provider;
    c.list = &too_many;
    c.op = WOS_OP_TOKEN; /* user_id is required */
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, sizeof g_buf, &len), WOS_ERR_INVALID_ARG);
    c.op = WOS_OP_CREATE; /* provider is required */
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, sizeof g_buf, &len), WOS_ERR_INVALID_ARG);
    c.op = WOS_OP_LIST; /* limit 1..100 */
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, sizeof g_buf, &len), WOS_ERR_INVALID_ARG);
    c.op = WOS_OP_GET; /* an empty slug */
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, sizeof g_buf, &len), WOS_ERR_INVALID_ARG);
    c.op = WOS_OP_DELETE;
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, sizeof g_buf, &len), WOS_ERR_INVALID_ARG);
    c.op = WOS_OP_UPDATE;
    assert_int_equal(wos_pipes_write_request(&k_ep, &c, g_buf, sizeof g_buf, &len), WOS_ERR_INVALID_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_descriptor_writes_its_request),
        cmocka_unit_test(each_descriptor_checks_its_parameters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
