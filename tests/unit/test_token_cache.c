/* SPDX-License-Identifier: MIT */
/* The token cache against a scripted transport and a fake monotonic clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "wos_token_cache.h"
#include "fake_port.h"

#define BUF_CAP 4096
static char g_buf[BUF_CAP];
static jsmntok_t g_tok[128];
static wos_client g_c;
static wos_token_cache g_cache;
static wos_token_cache_entry g_entries[2];
static char g_resp[4][512];

/* Date 2026-12-05T12:00:00Z: an expires_at one hour later leaves 3600 s. */
#define DATE "Sat, 05 Dec 2026 12:00:00 GMT"
#define IN_1H "\"2026-12-05T13:00:00.000Z\""

/* A 200 token answer; date NULL: no Date header; expires a JSON value. */
static const char *token_answer(unsigned i, const char *date, const char *token, const char *expires)
{
    char body[256];
    int n = snprintf(body, sizeof body,
                     "{\"active\":true,\"access_token\":{\"access_token\":\"%s\",\"expires_at\":%s,"
                     "\"scopes\":[]}}", token, expires);
    snprintf(g_resp[i], sizeof g_resp[i], "HTTP/1.1 200 OK\r\n%s%s%sContent-Length: %d\r\n\r\n%s",
             date ? "Date: " : "", date ? date : "", date ? "\r\n" : "", n, body);
    return g_resp[i];
}

static void setup(const fake_exchange *script, size_t n)
{
    wos_client_config cfg;
    fake_reset(script, n);
    fake_client_config(&cfg, g_buf, BUF_CAP, g_tok, 128);
    assert_int_equal(wos_client_init(&g_c, &cfg), WOS_OK);
    assert_int_equal(wos_token_cache_init(&g_cache, g_entries, 2, 0), WOS_OK);
}

static const wos_token_params k_user = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("user_1"),
                                        .organization_id = WOS_STR_NULL};

static wos_cached_token get(const wos_token_params *p)
{
    wos_cached_token t;
    assert_int_equal(wos_token_cache_get(&g_cache, &g_c, p, NULL, &t, NULL), WOS_OK);
    return t;
}

static void expect_token(const wos_cached_token *t, const char *want)
{
    assert_true(t->active);
    assert_int_equal(t->token.len, strlen(want));
    assert_memory_equal(t->token.ptr, want, t->token.len);
}

static void hit_then_refresh_at_the_margin(void **state)
{
    fake_exchange s[2] = {{NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    wos_cached_token t;
    (void)state;
    s[0].response = token_answer(0, DATE, "tok_a", IN_1H);
    s[1].response = token_answer(1, DATE, "tok_b", IN_1H);
    setup(s, 2);
    t = get(&k_user);
    expect_token(&t, "tok_a");
    assert_false(t.hit);
    assert_true(t.cached);
    assert_int_equal(g_fake.requests, 1);
    g_fake.now += (3600u - 61u) * 1000u; /* 61 s left: more than the 60 s margin */
    t = get(&k_user);
    expect_token(&t, "tok_a");
    assert_true(t.hit);
    assert_int_equal(g_fake.requests, 1);
    g_fake.now += 2000u; /* 59 s left: refreshed */
    t = get(&k_user);
    expect_token(&t, "tok_b");
    assert_false(t.hit);
    assert_int_equal(g_fake.requests, 2);
}

static void no_date_and_no_wall_clock_is_not_cached(void **state)
{
    fake_exchange s[2] = {{NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    wos_cached_token t;
    (void)state;
    s[0].response = token_answer(0, NULL, "tok_a", IN_1H);
    s[1].response = token_answer(1, NULL, "tok_b", IN_1H);
    setup(s, 2);
    g_fake.no_wall_clock = true;
    t = get(&k_user);
    expect_token(&t, "tok_a"); /* handed out from the client's buffer */
    assert_false(t.cached);
    t = get(&k_user);
    expect_token(&t, "tok_b");
    assert_int_equal(g_fake.requests, 2);
}

/* Without a Date header the wall clock anchors it (fake: 1700000000 s + now). */
static void no_date_uses_the_wall_clock(void **state)
{
    fake_exchange s[1] = {{NULL, FAKE_NORMAL, 0}};
    wos_cached_token t;
    (void)state;
    s[0].response = token_answer(0, NULL, "tok_a", "\"2023-11-14T23:13:20.000Z\"");
    setup(s, 1);
    t = get(&k_user);
    assert_true(t.cached);
    g_fake.now += 3000u * 1000u;
    t = get(&k_user);
    assert_true(t.hit);
}

static void null_expiry_until_invalidated(void **state)
{
    fake_exchange s[2] = {{NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    wos_cached_token t;
    (void)state;
    s[0].response = token_answer(0, NULL, "tok_a", "null");
    s[1].response = token_answer(1, NULL, "tok_b", "null");
    setup(s, 2);
    g_fake.no_wall_clock = true; /* not needed when it never expires */
    t = get(&k_user);
    assert_true(t.cached);
    g_fake.now += 10ull * 365u * 86400u * 1000u;
    t = get(&k_user);
    assert_true(t.hit);
    expect_token(&t, "tok_a");
    wos_token_cache_invalidate(&g_cache, &k_user);
    t = get(&k_user);
    assert_false(t.hit);
    expect_token(&t, "tok_b");
    assert_int_equal(g_fake.requests, 2);
}

static void already_within_the_margin_is_not_cached(void **state)
{
    fake_exchange s[1] = {{NULL, FAKE_NORMAL, 0}};
    wos_cached_token t;
    (void)state;
    s[0].response = token_answer(0, DATE, "tok_a", "\"2026-12-05T12:00:30.000Z\"");
    setup(s, 1);
    t = get(&k_user);
    expect_token(&t, "tok_a");
    assert_false(t.cached);
}

static void inactive_is_not_cached(void **state)
{
    static const fake_exchange s[2] = {
        {"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"active\":false,\"error\":\"not_installed\"}", FAKE_NORMAL, 0},
        {"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"active\":false,\"error\":\"not_installed\"}", FAKE_NORMAL, 0}};
    wos_cached_token t;
    (void)state;
    setup(s, 2);
    t = get(&k_user);
    assert_false(t.active);
    assert_int_equal(t.reason, WOS_TOKEN_NOT_INSTALLED);
    assert_false(t.cached);
    t = get(&k_user);
    assert_int_equal(g_fake.requests, 2);
}

/* Keys are (slug, user, organization); a full cache replaces the entry nearest its expiry. */
static void keys_and_eviction_and_wipe(void **state)
{
    fake_exchange s[3] = {{NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    wos_token_params org = k_user, other = k_user;
    wos_cached_token t;
    size_t i;
    const unsigned char *raw = (const unsigned char *)g_entries;
    (void)state;
    org.organization_id = (wos_str)WOS_STR_LIT("org_1");
    other.user_id = (wos_str)WOS_STR_LIT("user_2");
    s[0].response = token_answer(0, DATE, "tok_user", IN_1H);
    s[1].response = token_answer(1, DATE, "tok_org", "null");
    s[2].response = token_answer(2, DATE, "tok_other", IN_1H);
    setup(s, 3);
    expect_token((t = get(&k_user), &t), "tok_user");
    expect_token((t = get(&org), &t), "tok_org");
    expect_token((t = get(&k_user), &t), "tok_user");
    assert_true(t.hit);
    expect_token((t = get(&other), &t), "tok_other"); /* replaces tok_user (it expires first) */
    assert_true(t.cached);
    assert_true((t = get(&org), t.hit));
    assert_int_equal(g_fake.requests, 3);
    wos_token_cache_wipe(&g_cache);
    for (i = 0; i < sizeof g_entries; i++) {
        assert_int_equal(raw[i], 0);
    }
}


/* A failed refresh returns its status and leaves no stale entry; unkeyable params are not cached. */
static void failures_and_unkeyable(void **state)
{
    static char long_user[WOS_TOKEN_CACHE_ID_MAX + 8];
    fake_exchange s[4] = {{NULL, FAKE_NORMAL, 0},
                          {"HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}", FAKE_NORMAL, 0},
                          {NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    wos_token_params lp = k_user;
    wos_cached_token t;
    wos_call_info info;
    (void)state;
    s[0].response = token_answer(0, DATE, "tok_a", IN_1H);
    s[2].response = token_answer(2, DATE, "tok_c", IN_1H);
    s[3].response = token_answer(3, DATE, "tok_d", IN_1H);
    setup(s, 4);
    t = get(&k_user);
    assert_true(t.cached);
    g_fake.now += 3600u * 1000u; /* expired: the refresh fails */
    assert_int_equal(wos_token_cache_get(&g_cache, &g_c, &k_user, NULL, &t, &info),
                     WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.api.http_status, 401);
    t = get(&k_user); /* the stale entry is gone: a call, not a hit */
    assert_false(t.hit);
    expect_token(&t, "tok_c");
    memset(long_user, 'u', sizeof long_user - 1u);
    lp.user_id = wos_str_c(long_user);
    t = get(&lp);
    expect_token(&t, "tok_d");
    assert_false(t.cached);
    wos_token_cache_invalidate(&g_cache, &lp); /* unkeyable: nothing to do */
}

/* An omitted organization (ptr NULL) keys as none whatever its len says: cached, then hit. */
static void omitted_organization_with_a_length(void **state)
{
    fake_exchange s[1] = {{NULL, FAKE_NORMAL, 0}};
    wos_token_params lp = k_user;
    wos_cached_token t;
    (void)state;
    lp.organization_id.len = 5; /* ptr NULL omits: the length means nothing */
    s[0].response = token_answer(0, DATE, "tok_a", IN_1H);
    setup(s, 1);
    t = get(&lp);
    expect_token(&t, "tok_a");
    assert_true(t.cached);
    t = get(&k_user);
    assert_true(t.hit);
    assert_int_equal(g_fake.requests, 1);
}

/* A token longer than WOS_TOKEN_CACHE_TOKEN_MAX is handed out, not cached; a NULL user is not keyed. */
static void too_long_token_and_null_user(void **state)
{
    static char token[WOS_TOKEN_CACHE_TOKEN_MAX + 2];
    static char resp[WOS_TOKEN_CACHE_TOKEN_MAX + 512];
    static char body[WOS_TOKEN_CACHE_TOKEN_MAX + 256];
    fake_exchange s[3] = {{resp, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    wos_token_params nu = k_user;
    wos_cached_token t;
    int n;
    (void)state;
    memset(token, 't', sizeof token - 1u);
    n = snprintf(body, sizeof body,
                 "{\"active\":true,\"access_token\":{\"access_token\":\"%s\",\"expires_at\":%s,"
                 "\"scopes\":[]}}", token, IN_1H);
    snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nDate: %s\r\nContent-Length: %d\r\n\r\n%s", DATE, n,
             body);
    s[1].response = token_answer(1, DATE, "tok_b", IN_1H);
    setup(s, 3);
    t = get(&k_user);
    expect_token(&t, token); /* handed out from the client's buffer */
    assert_false(t.cached);
    t = get(&k_user); /* nothing was cached: a call */
    expect_token(&t, "tok_b");
    assert_true(t.cached);
    nu.user_id = (wos_str)WOS_STR_NULL; /* not keyable: refused by the call, nothing cached */
    assert_int_equal(wos_token_cache_get(&g_cache, &g_c, &nu, NULL, &t, NULL), WOS_ERR_INVALID_ARG);
    assert_false(t.cached);
    assert_int_equal(g_fake.requests, 2);
}

static void bad_arguments(void **state)
{
    wos_cached_token t;
    (void)state;
    assert_int_equal(wos_token_cache_init(&g_cache, g_entries, 0, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_token_cache_init(NULL, g_entries, 1, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_token_cache_get(NULL, &g_c, &k_user, NULL, &t, NULL), WOS_ERR_INVALID_ARG);
    wos_token_cache_invalidate(NULL, &k_user);
    wos_token_cache_wipe(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hit_then_refresh_at_the_margin),
        cmocka_unit_test(no_date_and_no_wall_clock_is_not_cached),
        cmocka_unit_test(no_date_uses_the_wall_clock),
        cmocka_unit_test(null_expiry_until_invalidated),
        cmocka_unit_test(already_within_the_margin_is_not_cached),
        cmocka_unit_test(inactive_is_not_cached),
        cmocka_unit_test(keys_and_eviction_and_wipe),
        cmocka_unit_test(failures_and_unkeyable),
        cmocka_unit_test(omitted_organization_with_a_length),
        cmocka_unit_test(too_long_token_and_null_user),
        cmocka_unit_test(bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
