/* SPDX-License-Identifier: MIT */
/*
 * device_connect: device onboarding end to end, as a headless device does
 * it: ask for an authorize URL, show it (here: printed; on a device: a QR
 * code on its display), poll until the user has connected the account,
 * then fetch the token. The loop is the device's: wos_onboard_step() makes
 * at most one call, and sleeps between polls only because we ask it to.
 *
 *   WORKOS_API_KEY=sk_... ./device_connect github user_01H...
 *
 * Prints whether the token is active, never the token.
 */
#include <stdio.h>
#include <stdlib.h>

#include "wos_onboard.h"
#include "wos_posix.h"
#include "wos_tls.h"

static char buf[16 * 1024];   /* request, then response */
static jsmntok_t tokens[128]; /* JSON tokens of one response */
static wos_posix_tcp tcp;
static wos_tls tls;
static wos_client client;
static wos_onboard onboarding; /* every call result lives here, not on the stack */

int main(int argc, char **argv)
{
    wos_platform platform = wos_posix_platform();
    wos_tls_config tc = {0};
    wos_client_config cfg;
    wos_authorize_params p = {0};
    wos_call_info info;
    const char *key = getenv("WORKOS_API_KEY");
    wos_status st;

    if (argc != 3 || key == NULL) {
        fprintf(stderr, "usage: WORKOS_API_KEY=sk_... device_connect SLUG USER_ID\n");
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
        st = wos_onboard_init(&onboarding, &p, 2000, 300000); /* poll every 2 s for 5 minutes */
    }
    while (st == WOS_OK && onboarding.state != WOS_ONBOARD_DONE &&
           onboarding.state != WOS_ONBOARD_TIMED_OUT) {
        if (onboarding.state == WOS_ONBOARD_SHOW_URL) {
            printf("open %s to connect %s\n", onboarding.url, argv[1]);
            fflush(stdout);
        }
        st = wos_onboard_step(&onboarding, &client, true, &info);
    }
    wos_client_close(&client);
    if (st == WOS_ERR_HTTP_STATUS) {
        fprintf(stderr, "HTTP %d error\n", info.api.http_status);
    } else if (st != WOS_OK) {
        fprintf(stderr, "failed: %s\n", wos_status_str(st));
    } else if (onboarding.state == WOS_ONBOARD_TIMED_OUT) {
        printf("not connected in time (%u polls)\n", onboarding.polls);
    } else {
        printf("connected after %u polls; token %s\n", onboarding.polls,
               onboarding.token.active ? "active" : "not active");
        /* ... use onboarding.token.access_token (a view into buf) here, then: */
        wos_access_token_wipe(&onboarding.token);
    }
    wos_tls_deinit(&tls);
    return st == WOS_OK && onboarding.state == WOS_ONBOARD_DONE && onboarding.token.active ? 0 : 1;
}
