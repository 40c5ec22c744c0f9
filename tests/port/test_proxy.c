/* SPDX-License-Identifier: MIT */
/* The CONNECT proxy transport over an in-memory lower transport: the request, credentials, answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "wos_proxy.h"

typedef struct lower {
    char sent[4096];
    size_t sent_len;
    const char *answer; /* what the proxy sends, then (stall) silence or (!stall) end of stream */
    size_t pos;
    int stall;
    int open, connects, closes;
    wos_status connect_status;
    char host[64];
    uint16_t port;
} lower;

static lower g_low;

static wos_status l_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline)
{
    lower *l = ctx;
    (void)deadline;
    l->connects++;
    snprintf(l->host, sizeof l->host, "%s", host);
    l->port = port;
    if (l->connect_status != WOS_OK) {
        return l->connect_status;
    }
    l->open = 1;
    return WOS_OK;
}

static wos_status l_send(void *ctx, const uint8_t *d, size_t n, uint64_t deadline, size_t *out)
{
    lower *l = ctx;
    (void)deadline;
    assert_true(l->open);
    n = n > 5u ? 5u : n; /* short writes: the proxy must send the rest */
    assert_true(l->sent_len + n < sizeof l->sent);
    memcpy(l->sent + l->sent_len, d, n);
    l->sent_len += n;
    *out = n;
    return WOS_OK;
}

static wos_status l_recv(void *ctx, uint8_t *b, size_t cap, uint64_t deadline, size_t *out)
{
    lower *l = ctx;
    size_t left = l->answer != NULL ? strlen(l->answer) - l->pos : 0u;
    (void)deadline;
    assert_true(l->open);
    if (left == 0u) {
        return l->stall ? WOS_ERR_TIMEOUT : WOS_ERR_CLOSED;
    }
    *out = cap < left ? cap : left;
    memcpy(b, l->answer + l->pos, *out);
    l->pos += *out;
    return WOS_OK;
}

static int l_alive(void *ctx)
{
    return ((lower *)ctx)->open;
}

static void l_close(void *ctx)
{
    lower *l = ctx;
    l->open = 0;
    l->closes++;
}

static const wos_transport_ops k_lower_ops = {l_connect, l_send, l_recv, l_alive, l_close};

static wos_proxy g_p;
static wos_transport g_t;

static void setup(const char *answer, const char *user, const char *password)
{
    wos_proxy_config cfg;
    memset(&g_low, 0, sizeof g_low);
    g_low.answer = answer;
    memset(&cfg, 0, sizeof cfg);
    cfg.lower.ops = &k_lower_ops;
    cfg.lower.ctx = &g_low;
    cfg.host = "proxy.local";
    cfg.port = 3128;
    if (user != NULL) {
        cfg.user = wos_str_c(user);
    }
    if (password != NULL) {
        cfg.password = wos_str_c(password);
    }
    assert_int_equal(wos_proxy_init(&g_p, &cfg), WOS_OK);
    g_t = wos_proxy_transport(&g_p);
}

static void sent_is(const char *want)
{
    assert_int_equal(g_low.sent_len, strlen(want));
    assert_memory_equal(g_low.sent, want, g_low.sent_len);
}

static void tunnel_opens_and_carries_bytes(void **state)
{
    uint8_t buf[16];
    size_t n = 0;
    (void)state;
    setup("HTTP/1.1 200 Connection established\r\nVia: test\r\n\r\nhello", NULL, NULL);
    assert_int_equal(g_t.ops->connect(g_t.ctx, "api.example.test", 443, 1000), WOS_OK);
    assert_string_equal(g_low.host, "proxy.local");
    assert_int_equal(g_low.port, 3128);
    sent_is("CONNECT api.example.test:443 HTTP/1.1\r\nHost: api.example.test:443\r\n\r\n");
    assert_int_equal(wos_proxy_last_status(&g_p), 200);
    /* Nothing past the blank line was consumed: it belongs to the tunnel. */
    assert_int_equal(g_t.ops->recv(g_t.ctx, buf, sizeof buf, 1000, &n), WOS_OK);
    assert_int_equal(n, 5);
    assert_memory_equal(buf, "hello", 5);
    assert_int_equal(g_t.ops->send(g_t.ctx, (const uint8_t *)"ab", 2, 1000, &n), WOS_OK);
    assert_int_equal(g_t.ops->is_alive(g_t.ctx), 1);
    assert_int_equal(g_t.ops->connect(g_t.ctx, "api.example.test", 443, 1000), WOS_ERR_STATE);
    g_t.ops->close(g_t.ctx);
    assert_int_equal(g_low.closes, 1);
    assert_int_equal(g_t.ops->recv(g_t.ctx, buf, sizeof buf, 1000, &n), WOS_ERR_STATE);
}

/* RFC 7617's example and every padding length. */
static void basic_credentials(void **state)
{
    static const struct {
        const char *user, *password, *b64;
    } cases[] = {{"Aladdin", "open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="},
                 {"a", "b", "YTpi"},
                 {"ab", "", "YWI6"},
                 {"a", "", "YTo="},
                 {"user", "pässword", "dXNlcjpww6Rzc3dvcmQ="}};
    char want[256];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        setup("HTTP/1.0 200 OK\r\n\r\n", cases[i].user, cases[i].password);
        assert_int_equal(g_t.ops->connect(g_t.ctx, "h", 8443, 1000), WOS_OK);
        snprintf(want, sizeof want, "CONNECT h:8443 HTTP/1.1\r\nHost: h:8443\r\n"
                 "Proxy-Authorization: Basic %s\r\n\r\n", cases[i].b64);
        sent_is(want);
    }
}

static void ipv6_host_is_bracketed(void **state)
{
    (void)state;
    setup("HTTP/1.1 200 OK\r\n\r\n", NULL, NULL);
    assert_int_equal(g_t.ops->connect(g_t.ctx, "2001:db8::1", 443, 1000), WOS_OK);
    sent_is("CONNECT [2001:db8::1]:443 HTTP/1.1\r\nHost: [2001:db8::1]:443\r\n\r\n");
}

static void expect_refused(const char *answer, int stall, wos_status want, int status)
{
    setup(answer, NULL, NULL);
    g_low.stall = stall;
    assert_int_equal(g_t.ops->connect(g_t.ctx, "api.example.test", 443, 1000), want);
    assert_int_equal(wos_proxy_last_status(&g_p), status);
    assert_int_equal(g_low.open, 0); /* the connection to the proxy is closed */
    assert_int_equal(g_t.ops->is_alive(g_t.ctx), 0);
}

static void refusals_are_reported(void **state)
{
    static char longhead[WOS_PROXY_MAX_HEAD + 64];
    (void)state;
    expect_refused("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n", 0,
                   WOS_ERR_NETWORK, 407);
    expect_refused("HTTP/1.1 403 Forbidden\r\n\r\n", 0, WOS_ERR_NETWORK, 403);
    expect_refused("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n", 0, WOS_ERR_NETWORK, 502);
    expect_refused("SSH-2.0-OpenSSH\r\n\r\n", 0, WOS_ERR_NETWORK, 0);   /* not HTTP */
    expect_refused("HTTP/1.1 2x0 OK\r\n\r\n", 0, WOS_ERR_NETWORK, 0);   /* no status */
    expect_refused("HTTP/1.1 200 OK\r\n", 0, WOS_ERR_NETWORK, 0);       /* closed mid-head */
    expect_refused("HTTP/1.1 200 OK\r\n", 1, WOS_ERR_TIMEOUT, 0);       /* silent until the deadline */
    expect_refused("", 0, WOS_ERR_NETWORK, 0);                          /* closed at once */
    memset(longhead, 'x', sizeof longhead - 1u);
    memcpy(longhead, "HTTP/1.1 200 OK\r\nX: ", 20);
    expect_refused(longhead, 0, WOS_ERR_NETWORK, 0); /* head longer than WOS_PROXY_MAX_HEAD */
}

static void unreachable_proxy_passes_the_lower_status(void **state)
{
    (void)state;
    setup("", NULL, NULL);
    g_low.connect_status = WOS_ERR_TIMEOUT;
    assert_int_equal(g_t.ops->connect(g_t.ctx, "api.example.test", 443, 1000), WOS_ERR_TIMEOUT);
    g_low.connect_status = WOS_ERR_NETWORK;
    assert_int_equal(g_t.ops->connect(g_t.ctx, "api.example.test", 443, 1000), WOS_ERR_NETWORK);
    assert_int_equal(g_low.sent_len, 0);
}

static void bad_arguments_refused(void **state)
{
    wos_proxy_config cfg;
    (void)state;
    setup("HTTP/1.1 200 OK\r\n\r\n", NULL, NULL);
    assert_int_equal(g_t.ops->connect(g_t.ctx, "a b", 443, 1000), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_t.ops->connect(g_t.ctx, "a\r\nX: y", 443, 1000), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_t.ops->connect(g_t.ctx, "", 443, 1000), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_t.ops->connect(g_t.ctx, "h", 0, 1000), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_low.connects, 0);
    memset(&cfg, 0, sizeof cfg);
    cfg.lower.ops = &k_lower_ops;
    cfg.lower.ctx = &g_low;
    cfg.host = "p";
    cfg.port = 1;
    assert_int_equal(wos_proxy_init(&g_p, &cfg), WOS_OK);
    cfg.password = (wos_str)WOS_STR_LIT("pw"); /* a password without a user */
    assert_int_equal(wos_proxy_init(&g_p, &cfg), WOS_ERR_INVALID_ARG);
    cfg.user = (wos_str)WOS_STR_LIT("u\r\nX-Injected: 1");
    assert_int_equal(wos_proxy_init(&g_p, &cfg), WOS_ERR_INVALID_ARG);
    cfg.user = (wos_str)WOS_STR_LIT("u");
    assert_int_equal(wos_proxy_init(&g_p, &cfg), WOS_OK);
    cfg.port = 0;
    assert_int_equal(wos_proxy_init(&g_p, &cfg), WOS_ERR_INVALID_ARG);
    cfg.port = 1;
    cfg.host = "";
    assert_int_equal(wos_proxy_init(&g_p, &cfg), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_proxy_init(NULL, &cfg), WOS_ERR_INVALID_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tunnel_opens_and_carries_bytes),
        cmocka_unit_test(basic_credentials),
        cmocka_unit_test(ipv6_host_is_bracketed),
        cmocka_unit_test(refusals_are_reported),
        cmocka_unit_test(unreachable_proxy_passes_the_lower_status),
        cmocka_unit_test(bad_arguments_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
