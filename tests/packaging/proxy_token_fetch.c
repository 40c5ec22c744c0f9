/* SPDX-License-Identifier: MIT */
/*
 * proxy_token_fetch: the packaging tests' consumer of wospipes::proxy.
 * examples/token_fetch.c with the HTTP CONNECT proxy transport between TCP
 * and TLS (TCP to the proxy -> CONNECT -> TLS to the API host), as
 * port/proxy/wos_proxy.h describes it. Same arguments and output as
 * token_fetch; the proxy is required:
 *
 *   WORKOS_PROXY=127.0.0.1:3128 WORKOS_API_KEY=sk_... ./proxy_token_fetch github user_01H...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wos_client.h"
#include "wos_posix.h"
#include "wos_proxy.h"
#include "wos_tls.h"

static char buf[16 * 1024];
static jsmntok_t tokens[128];
static char proxy_host[64];
static wos_posix_tcp tcp;
static wos_proxy proxy;
static wos_tls tls;

/* "host:port" into proxy_host and *port; 0 on success. */
static int parse_proxy(const char *s, uint16_t *port)
{
    const char *colon = s != NULL ? strrchr(s, ':') : NULL;
    char *end = NULL;
    unsigned long n;
    if (colon == NULL || colon == s || (size_t)(colon - s) >= sizeof proxy_host) {
        return -1;
    }
    n = strtoul(colon + 1, &end, 10);
    if (end == colon + 1 || *end != '\0' || n == 0 || n > 65535) {
        return -1;
    }
    memcpy(proxy_host, s, (size_t)(colon - s));
    proxy_host[colon - s] = '\0';
    *port = (uint16_t)n;
    return 0;
}

int main(int argc, char **argv)
{
    wos_platform platform = wos_posix_platform();
    wos_proxy_config pc;
    wos_tls_config tc = {0};
    wos_client_config cfg;
    wos_client client;
    wos_token_params p = {0};
    wos_access_token tok;
    wos_call_info info;
    const char *key = getenv("WORKOS_API_KEY");
    wos_status st;

    memset(&pc, 0, sizeof pc);
    if (argc != 3 || key == NULL || parse_proxy(getenv("WORKOS_PROXY"), &pc.port) != 0) {
        fprintf(stderr, "usage: WORKOS_PROXY=HOST:PORT WORKOS_API_KEY=sk_... proxy_token_fetch SLUG USER_ID\n");
        return 2;
    }
    pc.lower = wos_posix_tcp_transport(&tcp);
    pc.host = proxy_host;
    st = wos_proxy_init(&proxy, &pc);

    tc.lower = wos_proxy_transport(&proxy);
    tc.platform = &platform;
    tc.ca_file = getenv("WORKOS_CA_FILE");
    if (st == WOS_OK) {
        st = wos_tls_init(&tls, &tc);
    }

    wos_client_config_init(&cfg);
    cfg.base_url = getenv("WORKOS_BASE_URL");
    cfg.api_key = wos_str_c(key);
    cfg.transport = wos_tls_transport(&tls);
    cfg.platform = &platform;
    cfg.buf = buf;
    cfg.buf_cap = sizeof buf;
    cfg.tokens = tokens;
    cfg.token_cap = sizeof tokens / sizeof tokens[0];
    if (st == WOS_OK) {
        st = wos_client_init(&client, &cfg);
    }
    p.slug = wos_str_c(argv[1]);
    p.user_id = wos_str_c(argv[2]);
    if (st == WOS_OK) {
        st = wos_client_get_token(&client, &p, NULL, &tok, &info);
        wos_client_close(&client);
    }
    if (st == WOS_ERR_HTTP_STATUS) {
        fprintf(stderr, "HTTP %d error\n", info.api.http_status);
    } else if (st != WOS_OK) {
        fprintf(stderr, "failed: %s (proxy status %d)\n", wos_status_str(st), wos_proxy_last_status(&proxy));
    } else if (!tok.active) {
        printf("not active: %.*s\n", (int)tok.error.len, tok.error.ptr);
    } else if (!tok.expires) {
        printf("active, never expires\n");
    } else {
        printf("active, expires at %.*s\n", (int)tok.expires_at.text.len, tok.expires_at.text.ptr);
    }
    if (st == WOS_OK && tok.active) {
        wos_access_token_wipe(&tok);
    }
    wos_tls_deinit(&tls);
    return st == WOS_OK && tok.active ? 0 : 1;
}
