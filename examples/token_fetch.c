/* SPDX-License-Identifier: MIT */
/*
 * token_fetch: get a WorkOS Pipes access token the way firmware does it:
 * static buffers, the wos-pipes-c client, mbedTLS over a TCP transport.
 * Prints whether the token is active and when it expires, never the token.
 *
 *   WORKOS_API_KEY=sk_... ./token_fetch github user_01H...
 *   WORKOS_PROXY=proxy.lan:3128 WORKOS_API_KEY=sk_... ./token_fetch github user_01H...
 *
 * With WORKOS_PROXY=HOST:PORT, TLS runs through an HTTP CONNECT tunnel:
 * TCP (to the proxy) -> wos_proxy -> TLS, as wos_proxy.h describes
 * (link wospipes::proxy; without a proxy, drop use_proxy()). Not
 * HTTPS_PROXY: the curl rules the wos-pipes tool follows for it and
 * NO_PROXY take more parsing than an example should carry.
 * On a board, swap wos_posix_tcp_transport() for your TCP stack's
 * transport, wos_posix_platform() for your clock and RNG, and set
 * tc.ca / tc.ca_len to a CA bundle in flash instead of a file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wos_client.h"
#include "wos_posix.h"
#include "wos_proxy.h"
#include "wos_tls.h"

static char buf[16 * 1024];   /* request, then response; a JWT token fits */
static jsmntok_t tokens[128]; /* JSON tokens of one response */
static char proxy_host[64];
static wos_posix_tcp tcp;
static wos_proxy proxy;
static wos_tls tls;

/* Puts the proxy named by hostport ("HOST:PORT") on top of *lower. */
static wos_status use_proxy(const char *hostport, wos_transport *lower)
{
    const char *colon = strrchr(hostport, ':');
    wos_proxy_config pc = {0};
    char *end = NULL;
    unsigned long port = colon != NULL ? strtoul(colon + 1, &end, 10) : 0;

    if (colon == NULL || *end != '\0' || port > 65535 || (size_t)(colon - hostport) >= sizeof proxy_host) {
        return WOS_ERR_INVALID_ARG;
    }
    memcpy(proxy_host, hostport, (size_t)(colon - hostport));
    proxy_host[colon - hostport] = '\0';
    pc.lower = *lower;
    pc.host = proxy_host;
    pc.port = (uint16_t)port; /* wos_proxy_init() refuses 0 and an empty host */
    *lower = wos_proxy_transport(&proxy);
    return wos_proxy_init(&proxy, &pc);
}

int main(int argc, char **argv)
{
    wos_platform platform = wos_posix_platform();
    wos_tls_config tc = {0};
    wos_client_config cfg;
    wos_client client;
    wos_token_params p = {0};
    wos_access_token tok;
    wos_call_info info;
    const char *key = getenv("WORKOS_API_KEY");
    const char *proxy_env = getenv("WORKOS_PROXY"); /* NULL or "": direct */
    wos_status st = WOS_OK;

    tc.lower = wos_posix_tcp_transport(&tcp);
    if (proxy_env != NULL && proxy_env[0] != '\0') {
        st = use_proxy(proxy_env, &tc.lower);
    }
    if (argc != 3 || key == NULL || st != WOS_OK) {
        fprintf(stderr, "usage: [WORKOS_PROXY=HOST:PORT] WORKOS_API_KEY=sk_... token_fetch SLUG USER_ID\n");
        return 2;
    }
    tc.platform = &platform;
    tc.ca_file = getenv("WORKOS_CA_FILE"); /* NULL: the system CA bundle */
    st = wos_tls_init(&tls, &tc);

    wos_client_config_init(&cfg);
    cfg.base_url = getenv("WORKOS_BASE_URL"); /* NULL: https://api.workos.com */
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
        fprintf(stderr, "failed: %s\n", wos_status_str(st));
        if (proxy_host[0] != '\0' && wos_proxy_last_status(&proxy) >= 300) { /* e.g. 407: credentials */
            fprintf(stderr, "the proxy refused the tunnel: HTTP %d\n", wos_proxy_last_status(&proxy));
        }
    } else if (!tok.active) {
        printf("not active: %.*s\n", (int)tok.error.len, tok.error.ptr);
    } else if (!tok.expires) {
        printf("active, never expires\n");
    } else {
        printf("active, expires at %.*s\n", (int)tok.expires_at.text.len, tok.expires_at.text.ptr);
    }
    if (st == WOS_OK && tok.active) {
        /* ... use tok.access_token (a view into buf) here, then: */
        wos_access_token_wipe(&tok);
    }
    wos_tls_deinit(&tls);
    return st == WOS_OK && tok.active ? 0 : 1;
}
