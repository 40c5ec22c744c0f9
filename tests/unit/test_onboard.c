/* SPDX-License-Identifier: MIT */
/* Device onboarding against a scripted transport and a fake clock: completing and timing out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "wos_onboard.h"
#include "fake_port.h"

#define BUF_CAP 4096
static char g_buf[BUF_CAP];
static jsmntok_t g_tok[128];
static wos_client g_c;
static wos_onboard g_o;

#define URL_OK "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"url\":\"https://x.test/authorize-redir\"}"
#define NOT_FOUND "HTTP/1.1 404 Not Found\r\nContent-Length: 15\r\n\r\n{\"message\":\"n\"}"
#define REAUTH "HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n{\"id\":\"i\",\"state\":\"needs_reauthorization\"}"
#define CONNECTED "HTTP/1.1 200 OK\r\nContent-Length: 30\r\n\r\n{\"id\":\"i\",\"state\":\"connected\"}"
#define TOKEN "HTTP/1.1 200 OK\r\nContent-Length: 67\r\n\r\n{\"active\":true,\"access_token\":{\"access_token\":\"gho_x\",\"scopes\":[]}}"

static void setup(const fake_exchange *script, size_t n)
{
    wos_client_config cfg;
    wos_authorize_params p = {0};
    fake_reset(script, n);
    fake_client_config(&cfg, g_buf, BUF_CAP, g_tok, 128);
    assert_int_equal(wos_client_init(&g_c, &cfg), WOS_OK);
    p.slug = (wos_str)WOS_STR_LIT("github");
    p.user_id = (wos_str)WOS_STR_LIT("user_1");
    assert_int_equal(wos_onboard_init(&g_o, &p, 2000, 10000), WOS_OK);
}

static void completes(void **state)
{
    static const fake_exchange s[] = {{URL_OK, FAKE_NORMAL, 0}, {NOT_FOUND, FAKE_NORMAL, 0},
                                      {REAUTH, FAKE_NORMAL, 0}, {CONNECTED, FAKE_NORMAL, 0},
                                      {TOKEN, FAKE_NORMAL, 0}};
    wos_str url;
    (void)state;
    setup(s, 5);
    assert_null(wos_onboard_url(&g_o).ptr);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, false, NULL), WOS_OK);
    assert_int_equal(g_o.state, WOS_ONBOARD_SHOW_URL);
    url = wos_onboard_url(&g_o);
    assert_true(wos_str_eq(url, "https://x.test/authorize-redir"));
    assert_string_equal(g_o.url, "https://x.test/authorize-redir"); /* NUL-terminated */
    assert_int_equal(wos_onboard_step(&g_o, &g_c, false, NULL), WOS_OK);
    assert_int_equal(g_o.state, WOS_ONBOARD_WAIT);
    /* Not due: no call, no sleep. */
    assert_int_equal(wos_onboard_step(&g_o, &g_c, false, NULL), WOS_OK);
    assert_int_equal(g_fake.requests, 1);
    assert_int_equal(g_fake.sleeps, 0);
    /* Asked to sleep: one interval, then the poll (404: not yet). */
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK);
    assert_int_equal(g_fake.sleeps, 1);
    assert_int_equal(g_fake.slept_ms[0], 2000);
    assert_int_equal(g_o.state, WOS_ONBOARD_WAIT);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK); /* needs_reauthorization */
    assert_int_equal(g_o.last_state, WOS_ACCOUNT_NEEDS_REAUTHORIZATION);
    assert_int_equal(g_o.state, WOS_ONBOARD_WAIT);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK); /* connected */
    assert_int_equal(g_o.state, WOS_ONBOARD_TOKEN);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK);
    assert_int_equal(g_o.state, WOS_ONBOARD_DONE);
    assert_true(g_o.token.active);
    assert_true(wos_str_eq(g_o.token.access_token, "gho_x"));
    assert_int_equal(g_o.polls, 3);
    assert_non_null(strstr(g_fake.log[1], "GET /user_management/users/user_1/connected_accounts/github "));
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK); /* done: nothing */
    assert_int_equal(g_fake.requests, 5);
}

static void times_out(void **state)
{
    static const fake_exchange s[] = {{URL_OK, FAKE_NORMAL, 0},    {NOT_FOUND, FAKE_NORMAL, 0},
                                      {NOT_FOUND, FAKE_NORMAL, 0}, {NOT_FOUND, FAKE_NORMAL, 0},
                                      {NOT_FOUND, FAKE_NORMAL, 0}, {NOT_FOUND, FAKE_NORMAL, 0}};
    unsigned steps = 0;
    (void)state;
    setup(s, 6);
    while (g_o.state != WOS_ONBOARD_TIMED_OUT && steps++ < 20) {
        assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK);
    }
    assert_int_equal(g_o.state, WOS_ONBOARD_TIMED_OUT);
    assert_int_equal(g_o.polls, 4); /* at 2, 4, 6, 8 s of a 10 s wait */
    assert_true(g_fake.now >= 1000u + 10000u);
}

static void failures(void **state)
{
    static const fake_exchange s[] = {{"HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}", FAKE_NORMAL, 0}};
    wos_call_info info;
    wos_authorize_params p = {0};
    (void)state;
    setup(s, 1);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, false, &info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.api.http_status, 401);
    assert_int_equal(g_o.state, WOS_ONBOARD_FAILED);
    assert_int_equal(wos_onboard_init(&g_o, &p, 0, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_onboard_step(NULL, &g_c, false, NULL), WOS_ERR_INVALID_ARG);
}


/* A poll that fails other than 404, and a token call that fails, end in FAILED. */
static void poll_and_token_failures(void **state)
{
    static const fake_exchange s1[] = {{URL_OK, FAKE_NORMAL, 0},
                                       {"HTTP/1.1 500 X\r\nContent-Length: 2\r\n\r\n{}", FAKE_NORMAL, 0}};
    static const fake_exchange s2[] = {{URL_OK, FAKE_NORMAL, 0}, {CONNECTED, FAKE_NORMAL, 0},
                                       {"HTTP/1.1 422 X\r\nContent-Length: 2\r\n\r\n{}", FAKE_NORMAL, 0}};
    unsigned i;
    (void)state;
    setup(s1, 2);
    for (i = 0; i < 2; i++) {
        assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK);
    }
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_ERR_HTTP_STATUS);
    assert_int_equal(g_o.state, WOS_ONBOARD_FAILED);
    setup(s2, 3);
    for (i = 0; i < 3; i++) {
        assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK);
    }
    assert_int_equal(g_o.state, WOS_ONBOARD_TOKEN);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_ERR_HTTP_STATUS);
    assert_int_equal(g_o.state, WOS_ONBOARD_FAILED);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK); /* nothing left */
}

/* Every argument is checked, and a wait shorter than the poll interval
 * sleeps only until its deadline, then times out without polling. */
static void arguments_and_a_short_wait(void **state)
{
    static const fake_exchange s[] = {{URL_OK, FAKE_NORMAL, 0}};
    wos_authorize_params p = {0};
    (void)state;
    assert_int_equal(wos_onboard_init(NULL, &p, 0, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_onboard_init(&g_o, NULL, 0, 0), WOS_ERR_INVALID_ARG);
    p.slug = (wos_str)WOS_STR_LIT("github");
    assert_int_equal(wos_onboard_init(&g_o, &p, 0, 0), WOS_ERR_INVALID_ARG); /* no user */
    p.slug = (wos_str)WOS_STR_NULL;
    p.user_id = (wos_str)WOS_STR_LIT("user_1");
    assert_int_equal(wos_onboard_init(&g_o, &p, 0, 0), WOS_ERR_INVALID_ARG); /* no slug */
    assert_null(wos_onboard_url(NULL).ptr);
    setup(s, 1);
    assert_int_equal(wos_onboard_step(&g_o, NULL, false, NULL), WOS_ERR_INVALID_ARG);
    p.slug = (wos_str)WOS_STR_LIT("github");
    assert_int_equal(wos_onboard_init(&g_o, &p, 5000, 3000), WOS_OK);
    assert_int_equal(g_o.poll_ms, 5000);
    assert_int_equal(g_o.wait_ms, 3000);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK); /* authorize */
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK); /* shown */
    assert_int_equal(wos_onboard_step(&g_o, &g_c, true, NULL), WOS_OK);
    assert_int_equal(g_fake.sleeps, 1);
    assert_int_equal(g_fake.slept_ms[0], 3000); /* the deadline, not the 5 s poll */
    assert_int_equal(g_o.state, WOS_ONBOARD_TIMED_OUT);
    assert_int_equal(g_o.polls, 0);
    assert_int_equal(g_fake.requests, 1);
}

/* A URL longer than WOS_ONBOARD_URL_MAX is refused with the size error,
 * which says the WOS_ONBOARD_URL_MAX it needs (its length and the NUL). */
static void url_too_long(void **state)
{
    static char resp[WOS_ONBOARD_URL_MAX + 128];
    static char url[WOS_ONBOARD_URL_MAX + 1];
    fake_exchange s[1] = {{NULL, FAKE_NORMAL, 0}};
    (void)state;
    memset(url, 'a', sizeof url - 1u);
    snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nContent-Length: %u\r\n\r\n{\"url\":\"%s\"}",
             (unsigned)(strlen(url) + 10u), url);
    s[0].response = resp;
    setup(s, 1);
    assert_int_equal(wos_onboard_step(&g_o, &g_c, false, NULL), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(g_o.state, WOS_ONBOARD_FAILED);
    assert_int_equal(g_o.url_needed, WOS_ONBOARD_URL_MAX + 1);
    assert_int_equal(wos_onboard_url(&g_o).len, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(completes),
        cmocka_unit_test(times_out),
        cmocka_unit_test(failures),
        cmocka_unit_test(poll_and_token_failures),
        cmocka_unit_test(url_too_long),
        cmocka_unit_test(arguments_and_a_short_wait),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
