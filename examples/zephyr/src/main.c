/* SPDX-License-Identifier: MIT */
/*
 * Zephyr sample: fetch a WorkOS Pipes access token with the POSIX port
 * (Zephyr's BSD sockets under CONFIG_POSIX_API) and the mbedTLS port, the
 * CA built into flash from ca.pem (generate_inc_file_for_target).
 *
 * Order matters: network up, then the wall clock from SNTP (certificate
 * validity is checked against it), then TLS.
 */
#include <stdio.h>
#include <time.h>

#include <zephyr/kernel.h>
#include <zephyr/net/sntp.h>

#include "wos_client.h"
#include "wos_posix.h"
#include "wos_tls.h"

/* The PEM and its terminating NUL, which mbedTLS needs. */
static const unsigned char ca_pem[] = {
#include "wos_ca_pem.inc"
    0};

static char buf[16 * 1024];
static jsmntok_t tokens[128];
static wos_posix_tcp tcp;
static wos_tls tls;
static wos_client client;

/* The clock before TLS: an unset clock fails every certificate check. */
static int set_clock(void)
{
    struct sntp_time now;
    struct timespec ts;

    if (sntp_simple(CONFIG_WOS_SAMPLE_SNTP_SERVER, 10000, &now) != 0) {
        return -1;
    }
    ts.tv_sec = (time_t)now.seconds;
    ts.tv_nsec = 0;
    return clock_settime(CLOCK_REALTIME, &ts);
}

static wos_status fetch_token(void)
{
    wos_platform platform = wos_posix_platform();
    wos_tls_config tc = {0};
    wos_client_config cfg;
    wos_token_params p = {0};
    wos_access_token tok;
    wos_call_info info;
    wos_status st;

    tc.lower = wos_posix_tcp_transport(&tcp);
    tc.platform = &platform;
    tc.ca = ca_pem;
    tc.ca_len = sizeof ca_pem;
    st = wos_tls_init(&tls, &tc);
    if (st != WOS_OK) {
        return st;
    }
    wos_client_config_init(&cfg);
    if (CONFIG_WOS_SAMPLE_BASE_URL[0] != '\0') {
        cfg.base_url = CONFIG_WOS_SAMPLE_BASE_URL;
    }
    cfg.api_key = wos_str_c(CONFIG_WOS_SAMPLE_API_KEY);
    cfg.transport = wos_tls_transport(&tls);
    cfg.platform = &platform;
    cfg.buf = buf;
    cfg.buf_cap = sizeof buf;
    cfg.tokens = tokens;
    cfg.token_cap = sizeof tokens / sizeof tokens[0];
    st = wos_client_init(&client, &cfg);
    if (st == WOS_OK) {
        p.slug = wos_str_c(CONFIG_WOS_SAMPLE_SLUG);
        p.user_id = wos_str_c(CONFIG_WOS_SAMPLE_USER_ID);
        st = wos_client_get_token(&client, &p, NULL, &tok, &info);
        wos_client_close(&client);
    }
    if (st == WOS_OK && tok.active) {
        printf("token: active, expires at %.*s\n", (int)tok.expires_at.text.len, tok.expires_at.text.ptr);
        /* ... use tok.access_token here, then: */
        wos_access_token_wipe(&tok);
    } else if (st == WOS_OK) {
        printf("token: not active: %.*s\n", (int)tok.error.len, tok.error.ptr);
    } else {
        printf("token: failed: %s\n", wos_status_str(st));
    }
    wos_tls_deinit(&tls);
    return st;
}

int main(void)
{
    if (set_clock() != 0) {
        printf("token: no SNTP time; TLS needs the date\n");
        return 1;
    }
    return fetch_token() == WOS_OK ? 0 : 1;
}
