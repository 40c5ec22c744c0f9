/* SPDX-License-Identifier: MIT */
/*
 * ESP-IDF sample: fetch a WorkOS Pipes access token with the POSIX port
 * (ESP-IDF's BSD sockets, newlib's clock) and the mbedTLS port, the CA
 * embedded in flash as a PEM (main/ca.pem, EMBED_TXTFILES).
 *
 * Order matters: network up, then the wall clock from SNTP (certificate
 * validity is checked against it: a clock at 1970 fails every handshake),
 * then TLS.
 */
#include <stdio.h>

#include "esp_err.h"
#include "esp_event.h"
#include "esp_netif.h"
#include "esp_netif_sntp.h"
#include "freertos/FreeRTOS.h"
#include "nvs_flash.h"
#include "protocol_examples_common.h"
#include "sdkconfig.h"

#include "wos_client.h"
#include "wos_posix.h"
#include "wos_tls.h"

/* EMBED_TXTFILES: the PEM and its terminating NUL, which mbedTLS needs. */
extern const char _binary_ca_pem_start[];
extern const char _binary_ca_pem_end[];

static char buf[16 * 1024];
static jsmntok_t tokens[128];
static wos_posix_tcp tcp;
static wos_tls tls;
static wos_client client;

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
    tc.ca = (const uint8_t *)_binary_ca_pem_start;
    tc.ca_len = (size_t)(_binary_ca_pem_end - _binary_ca_pem_start);
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

void app_main(void)
{
    esp_sntp_config_t sntp = ESP_NETIF_SNTP_DEFAULT_CONFIG("pool.ntp.org");

    ESP_ERROR_CHECK(nvs_flash_init());
    ESP_ERROR_CHECK(esp_netif_init());
    ESP_ERROR_CHECK(esp_event_loop_create_default());
    ESP_ERROR_CHECK(example_connect()); /* Wi-Fi or Ethernet, from menuconfig */
    ESP_ERROR_CHECK(esp_netif_sntp_init(&sntp));
    if (esp_netif_sntp_sync_wait(pdMS_TO_TICKS(30000)) != ESP_OK) {
        printf("token: no SNTP time in 30 s; TLS needs the date\n");
        return;
    }
    (void)fetch_token();
}
