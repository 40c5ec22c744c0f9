/* SPDX-License-Identifier: MIT */
/*
 * The client over TLS (port/mbedtls) over lwIP's sockets (port/lwip),
 * with lwIP (Debian's liblwip, its unix port) running on a TAP device.
 * Run by tests/lwip/netns_run.py inside a private network namespace: the
 * emulator answers on the other side of the TAP, at WOS_LWIP_SERVER
 * (TEST-NET-1), port WOS_E2E_PORT; lwIP's own address is WOS_LWIP_ADDR.
 * The test CA is WOS_E2E_CA, the API key WOS_E2E_API_KEY.
 * Built twice: against Debian's liblwip (no DNS client: address literals),
 * and against lwIP built from Debian's source with LWIP_DNS (tests/lwip/dns/):
 * then the runner's DNS responder at WOS_LWIP_SERVER:53 answers
 * WOS_LWIP_DNS_NAME and stays silent for WOS_LWIP_SILENT_NAME.
 */
#define _DEFAULT_SOURCE 1
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <cmocka.h>

#include "lwip/tcpip.h"
#include "lwip/netif.h"
#include "netif/tapif.h"
#if LWIP_DNS
#include "lwip/dns.h"
#endif

#include "wos_client.h"
#include "wos_lwip.h"
#include "wos_tls.h"

#define USER "user_01EHZNVPK3SFK441A1RGBFSHRT"

static struct netif g_netif;
static const char *g_server, *g_ca, *g_key;
static unsigned g_port;
static char g_base_url[64];
static wos_lwip_tcp g_tcp;
static wos_tls g_tls;
static wos_client g_client;
static char g_buf[16384];
static jsmntok_t g_tok[1024];

static uint64_t p_now(void *ctx)
{
    (void)ctx;
    return wos_lwip_now_ms();
}

static wos_status p_wall(void *ctx, int64_t *out)
{
    (void)ctx;
    *out = (int64_t)time(NULL);
    return WOS_OK;
}

static wos_status p_random(void *ctx, uint8_t *buf, size_t len)
{
    (void)ctx;
    return getrandom(buf, len, 0) == (ssize_t)len ? WOS_OK : WOS_ERR_STATE;
}

static void p_sleep(void *ctx, uint64_t deadline)
{
    uint64_t now = wos_lwip_now_ms();
    (void)ctx;
    if (deadline > now) {
        sys_msleep((u32_t)(deadline - now));
    }
}

static const wos_platform k_platform = {NULL, p_now, p_wall, p_random, p_sleep};

static void tcpip_ready(void *arg)
{
    sys_sem_signal((sys_sem_t *)arg);
}

/* lwIP on the TAP device the runner made (PRECONFIGURED_TAPIF), with its own address. */
static int start_lwip(void **state)
{
    ip4_addr_t addr, mask, gw;
    sys_sem_t ready;
    (void)state;
    if (sys_sem_new(&ready, 0) != ERR_OK) {
        return -1;
    }
    tcpip_init(tcpip_ready, &ready);
    sys_sem_wait(&ready);
    sys_sem_free(&ready);
    if (!ip4addr_aton(getenv("WOS_LWIP_ADDR"), &addr) || !ip4addr_aton("255.255.255.0", &mask) ||
        !ip4addr_aton(g_server, &gw)) {
        return -1;
    }
    LOCK_TCPIP_CORE();
    netif_add(&g_netif, &addr, &mask, &gw, NULL, tapif_init, tcpip_input);
    netif_set_default(&g_netif);
    netif_set_link_up(&g_netif);
    netif_set_up(&g_netif);
#if LWIP_DNS
    {
        ip_addr_t dns; /* the runner's DNS responder */
        ip_addr_copy_from_ip4(dns, gw);
        dns_setserver(0, &dns);
    }
#endif
    UNLOCK_TCPIP_CORE();
    return 0;
}

static void new_client_at(const char *base_url)
{
    wos_tls_config tc;
    wos_client_config cfg;
    memset(&tc, 0, sizeof tc);
    tc.lower = wos_lwip_tcp_transport(&g_tcp);
    tc.platform = &k_platform;
    tc.ca_file = g_ca;
    assert_int_equal(wos_tls_init(&g_tls, &tc), WOS_OK);
    wos_client_config_init(&cfg);
    cfg.base_url = base_url;
    cfg.api_key = wos_str_c(g_key);
    cfg.transport = wos_tls_transport(&g_tls);
    cfg.platform = &k_platform;
    cfg.buf = g_buf;
    cfg.buf_cap = sizeof g_buf;
    cfg.tokens = g_tok;
    cfg.token_cap = sizeof g_tok / sizeof g_tok[0];
    cfg.timeout_ms = 10000;
    assert_int_equal(wos_client_init(&g_client, &cfg), WOS_OK);
}

static void new_client(void)
{
    new_client_at(g_base_url);
}

static void end_client(void)
{
    wos_client_close(&g_client);
    wos_tls_deinit(&g_tls);
    assert_int_equal(g_tcp.fd, -1);
}

static void token_over_tls_on_lwip(void **state)
{
    wos_token_params p;
    wos_access_token tok;
    wos_call_info info;
    (void)state;
    memset(&p, 0, sizeof p);
    p.slug = (wos_str)WOS_STR_LIT("github");
    p.user_id = (wos_str)WOS_STR_LIT(USER);
    new_client();
    assert_int_equal(wos_client_get_token(&g_client, &p, NULL, &tok, &info), WOS_OK);
    assert_true(tok.active);
    assert_true(tok.access_token.len > 0);
    assert_int_equal(info.attempts, 1);
    wos_access_token_wipe(&tok);
    end_client();
}

static void list_twice_on_one_connection(void **state)
{
    wos_integration_page page;
    wos_data_integration d;
    wos_call_info info;
    unsigned i;
    (void)state;
    new_client();
    assert_int_equal(wos_client_list(&g_client, NULL, NULL, &page, &info), WOS_OK);
    assert_true(page.count > 0);
    for (i = 0; i < page.count; i++) {
        assert_int_equal(wos_page_next(&page, &d), WOS_OK);
        assert_true(d.slug.len > 0);
    }
    assert_false(info.reused_connection);
    assert_int_equal(wos_client_list(&g_client, NULL, NULL, &page, &info), WOS_OK);
    assert_true(info.reused_connection); /* keep-alive over lwIP */
    end_client();
}

/* 192.0.2.99 answers no ARP: the connect waits until its deadline, no longer. */
static void connect_bounded_by_deadline(void **state)
{
    wos_lwip_tcp t;
    wos_transport tr = wos_lwip_tcp_transport(&t);
    uint64_t start = wos_lwip_now_ms(), took;
    (void)state;
    assert_int_equal(tr.ops->connect(tr.ctx, "192.0.2.99", 443, start + 400), WOS_ERR_TIMEOUT);
    took = wos_lwip_now_ms() - start;
    assert_true(took >= 400 && took < 2000);
    assert_int_equal(t.fd, -1);
}

static void refused_port_is_a_network_error(void **state)
{
    wos_lwip_tcp t;
    wos_transport tr = wos_lwip_tcp_transport(&t);
    (void)state;
    assert_int_equal(tr.ops->connect(tr.ctx, g_server, 9, wos_lwip_now_ms() + 5000), WOS_ERR_NETWORK);
    assert_int_equal(t.fd, -1);
}

/* No bytes come: recv returns at its deadline; is_alive sees an idle open connection. */
static void recv_bounded_by_deadline(void **state)
{
    wos_lwip_tcp t;
    wos_transport tr = wos_lwip_tcp_transport(&t);
    uint8_t b[16];
    size_t n = 99;
    uint64_t start, took;
    (void)state;
    assert_int_equal(tr.ops->connect(tr.ctx, g_server, (uint16_t)g_port, wos_lwip_now_ms() + 5000), WOS_OK);
    assert_int_equal(tr.ops->is_alive(tr.ctx), 1);
    start = wos_lwip_now_ms();
    assert_int_equal(tr.ops->recv(tr.ctx, b, sizeof b, start + 300, &n), WOS_ERR_TIMEOUT);
    took = wos_lwip_now_ms() - start;
    assert_int_equal(n, 0);
    assert_true(took >= 300 && took < 2000);
    tr.ops->close(tr.ctx);
    assert_int_equal(t.fd, -1);
}

static void bad_arguments_refused(void **state)
{
    wos_lwip_tcp t;
    wos_transport tr = wos_lwip_tcp_transport(&t);
    uint8_t b[4];
    size_t n;
    (void)state;
    assert_int_equal(tr.ops->connect(tr.ctx, "", 443, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(tr.ops->connect(tr.ctx, g_server, 0, 0), WOS_ERR_INVALID_ARG);
    assert_int_equal(tr.ops->recv(tr.ctx, b, sizeof b, 0, &n), WOS_ERR_STATE);
    assert_int_equal(tr.ops->send(tr.ctx, b, 0, 0, &n), WOS_ERR_INVALID_ARG);
#if !LWIP_DNS
    /* Without lwIP's DNS client a name cannot be resolved: said at once. */
    assert_int_equal(tr.ops->connect(tr.ctx, "api.example.test", 443, wos_lwip_now_ms() + 1000),
                     WOS_ERR_NETWORK);
#endif
}

#if LWIP_DNS
/* The base URL names the server: lwIP's DNS client finds it, TLS verifies that name. */
static void token_by_name_over_tls_on_lwip(void **state)
{
    char url[96];
    wos_token_params p;
    wos_access_token tok;
    wos_call_info info;
    (void)state;
    snprintf(url, sizeof url, "https://%s:%u", getenv("WOS_LWIP_DNS_NAME"), g_port);
    memset(&p, 0, sizeof p);
    p.slug = (wos_str)WOS_STR_LIT("github");
    p.user_id = (wos_str)WOS_STR_LIT(USER);
    new_client_at(url);
    assert_int_equal(wos_client_get_token(&g_client, &p, NULL, &tok, &info), WOS_OK);
    assert_true(tok.active);
    assert_true(tok.access_token.len > 0);
    wos_access_token_wipe(&tok);
    end_client();
}

/* The DNS server never answers this name: the lookup ends at the deadline, no later. */
static void silent_dns_bounded_by_deadline(void **state)
{
    /* On the stack: lwIP answers the abandoned lookup seconds later, into
     * the port's own slot, never into this transport. */
    wos_lwip_tcp t;
    wos_transport tr = wos_lwip_tcp_transport(&t);
    uint64_t start = wos_lwip_now_ms(), took;
    (void)state;
    assert_int_equal(tr.ops->connect(tr.ctx, getenv("WOS_LWIP_SILENT_NAME"), 443, start + 600), WOS_ERR_TIMEOUT);
    took = wos_lwip_now_ms() - start;
    assert_true(took >= 600 && took < 2000);
    assert_int_equal(t.fd, -1);
}

/* Lookups that timed out hold their slots until lwIP gives up: more of
 * them than WOS_LWIP_DNS_LOOKUPS still end at their deadlines, and once
 * lwIP has given up the slots serve new lookups again. */
static void abandoned_lookups_are_bounded(void **state)
{
    wos_lwip_tcp t[WOS_LWIP_DNS_LOOKUPS + 2];
    size_t i;
    (void)state;
    for (i = 0; i < WOS_LWIP_DNS_LOOKUPS + 2; i++) {
        wos_transport tr = wos_lwip_tcp_transport(&t[i]);
        uint64_t start = wos_lwip_now_ms(), took;
        assert_int_equal(tr.ops->connect(tr.ctx, getenv("WOS_LWIP_SILENT_NAME"), 443, start + 300),
                         WOS_ERR_TIMEOUT);
        took = wos_lwip_now_ms() - start;
        assert_true(took >= 300 && took < 1500);
        memset(&t[i], 0xA5, sizeof t[i]); /* the caller may reuse its memory at once */
    }
    {
        wos_lwip_tcp late;
        wos_transport tr = wos_lwip_tcp_transport(&late);
        /* lwIP gives up a silent lookup after its retries (seconds); then a slot is free. */
        assert_int_equal(tr.ops->connect(tr.ctx, getenv("WOS_LWIP_DNS_NAME"), g_port,
                                         wos_lwip_now_ms() + 60000), WOS_OK);
        tr.ops->close(tr.ctx);
    }
}

/* NXDOMAIN: a network error, said when the answer comes. */
static void unknown_name_is_a_network_error(void **state)
{
    static wos_lwip_tcp t;
    wos_transport tr = wos_lwip_tcp_transport(&t);
    (void)state;
    assert_int_equal(tr.ops->connect(tr.ctx, "nosuch.test", 443, wos_lwip_now_ms() + 5000), WOS_ERR_NETWORK);
    assert_int_equal(t.fd, -1);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(token_over_tls_on_lwip),
        cmocka_unit_test(list_twice_on_one_connection),
        cmocka_unit_test(connect_bounded_by_deadline),
        cmocka_unit_test(refused_port_is_a_network_error),
        cmocka_unit_test(recv_bounded_by_deadline),
        cmocka_unit_test(bad_arguments_refused),
#if LWIP_DNS
        cmocka_unit_test(token_by_name_over_tls_on_lwip),
        cmocka_unit_test(silent_dns_bounded_by_deadline),
        cmocka_unit_test(unknown_name_is_a_network_error),
        cmocka_unit_test(abandoned_lookups_are_bounded),
#endif
    };
    const char *port = getenv("WOS_E2E_PORT");
    g_server = getenv("WOS_LWIP_SERVER");
    g_ca = getenv("WOS_E2E_CA");
    g_key = getenv("WOS_E2E_API_KEY");
    if (port == NULL || g_server == NULL || g_ca == NULL || g_key == NULL || getenv("WOS_LWIP_ADDR") == NULL
#if LWIP_DNS
        || getenv("WOS_LWIP_DNS_NAME") == NULL || getenv("WOS_LWIP_SILENT_NAME") == NULL
#endif
    ) {
        fprintf(stderr, "test_lwip: run by tests/lwip/netns_run.py (needs WOS_E2E_PORT, WOS_E2E_CA, "
                        "WOS_E2E_API_KEY, WOS_LWIP_SERVER, WOS_LWIP_ADDR)\n");
        return 2;
    }
    g_port = (unsigned)atoi(port);
    snprintf(g_base_url, sizeof g_base_url, "https://%s:%u", g_server, g_port);
    return cmocka_run_group_tests(tests, start_lwip, NULL);
}
