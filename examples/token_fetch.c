/* SPDX-License-Identifier: MIT */
/*
 * token_fetch: get a WorkOS Pipes access token the way firmware does it:
 * static buffers, the wos-pipes-c client, mbedTLS over a TCP transport.
 * Prints whether the token is active and when it expires, never the token.
 *
 *   WORKOS_API_KEY=sk_... ./token_fetch github user_01H...
 *
 * On a board, swap wos_posix_tcp_transport() for your TCP stack's
 * transport, wos_posix_platform() for your clock and RNG, and set
 * tc.ca / tc.ca_len to a CA bundle in flash instead of a file.
 */
#include <stdio.h>
#include <stdlib.h>

#include "wos_client.h"
#include "wos_posix.h"
#include "wos_tls.h"

static char buf[16 * 1024];   /* request, then response; a JWT token fits */
static jsmntok_t tokens[128]; /* JSON tokens of one response */
static wos_posix_tcp tcp;
static wos_tls tls;

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
    wos_status st;

    if (argc != 3 || key == NULL) {
        fprintf(stderr, "usage: WORKOS_API_KEY=sk_... token_fetch SLUG USER_ID\n");
        return 2;
    }
    tc.lower = wos_posix_tcp_transport(&tcp);
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
