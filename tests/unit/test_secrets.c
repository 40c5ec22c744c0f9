/* SPDX-License-Identifier: MIT */
/* Wiping secrets in place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_pipes.h"

static void secure_zero_zeroes_exactly(void **state)
{
    unsigned char b[32];
    (void)state;
    memset(b, 0xEE, sizeof b);
    wos_secure_zero(b + 4, 20);
    assert_int_equal(b[3], 0xEE);
    assert_int_equal(b[4], 0);
    assert_int_equal(b[23], 0);
    assert_int_equal(b[24], 0xEE);
    wos_secure_zero(NULL, 10); /* no crash */
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

/* The token is written with an escape, so its decoded form is shorter than its raw bytes. */
static void token_wipe_covers_raw_bytes(void **state)
{
    static char body[] = "{\"active\":true,\"access_token\":{\"access_token\":\"gho_SECRET\\/TAILTAIL\","
                         "\"expires_at\":null,\"scopes\":[],\"missing_scopes\":[]}}";
    jsmntok_t tok[32];
    wos_pipes_reply r;
    wos_access_token t;
    size_t n = strlen(body);
    (void)state;
    memset(&r, 0, sizeof r);
    r.status = 200;
    r.body = body;
    r.body_len = n;
    r.tokens = tok;
    r.token_cap = 32;
    assert_int_equal(wos_pipes_decode_token(&r, &t, NULL), WOS_OK);
    assert_true(wos_str_eq(t.access_token, "gho_SECRET/TAILTAIL"));
    wos_access_token_wipe(&t);
    assert_null(t.access_token.ptr);
    assert_int_equal(t.access_token.len, 0);
    assert_false(contains(body, n, "SECRET"));
    assert_false(contains(body, n, "TAIL"));
    assert_true(contains(body, n, "expires_at")); /* the rest is left alone */
    wos_access_token_wipe(&t);                    /* twice is harmless */
    wos_access_token_wipe(NULL);
}

static void request_wipe_removes_key_and_secret(void **state)
{
    static const wos_pipes_endpoint ep = {WOS_STR_LIT("api.workos.com"), 443, true,
                                          WOS_STR_LIT("sk_live_TOPSECRETKEY")};
    wos_integration_params p = {0};
    char buf[1024];
    size_t len, i;
    (void)state;
    p.provider = (wos_str)WOS_STR_LIT("github");
    p.credentials = (wos_credentials_params){WOS_STR_LIT("custom"), WOS_STR_LIT("Iv1"),
                                             WOS_STR_LIT("CLIENTSECRETVALUE")};
    assert_int_equal(wos_pipes_write_create(&ep, &p, (wos_str)WOS_STR_NULL, buf, sizeof buf, &len), WOS_OK);
    assert_true(contains(buf, len, "TOPSECRETKEY"));
    assert_true(contains(buf, len, "CLIENTSECRETVALUE"));
    wos_request_wipe(buf, len);
    for (i = 0; i < len; i++) {
        assert_int_equal(buf[i], 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(secure_zero_zeroes_exactly),
        cmocka_unit_test(token_wipe_covers_raw_bytes),
        cmocka_unit_test(request_wipe_removes_key_and_secret),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
