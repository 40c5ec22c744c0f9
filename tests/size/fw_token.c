/* SPDX-License-Identifier: MIT */
/*
 * Size image "token": a firmware that only fetches access tokens, the
 * common case on a device. `make size` links it with --gc-sections, so
 * the library part is exactly what such a firmware pays for.
 */
#include "stub_port.h"
#include "wos_client.h"

static char g_buf[4096];
static jsmntok_t g_tokens[64];
static wos_client g_client;

int main(void)
{
    wos_client_config cfg;
    wos_token_params p = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("user_01"),
        .organization_id = WOS_STR_NULL};
    wos_access_token tok;
    wos_client_config_init(&cfg);
    cfg.api_key = (wos_str)WOS_STR_LIT("sk_test");
    cfg.transport.ops = &stub_transport_ops;
    cfg.platform = &stub_platform;
    cfg.buf = g_buf;
    cfg.buf_cap = sizeof g_buf;
    cfg.tokens = g_tokens;
    cfg.token_cap = 64;
    if (wos_client_init(&g_client, &cfg) != WOS_OK) {
        return 1;
    }
    if (wos_client_get_token(&g_client, &p, NULL, &tok, NULL) == WOS_OK) {
        wos_access_token_wipe(&tok);
    }
    wos_client_close(&g_client);
    return 0;
}
