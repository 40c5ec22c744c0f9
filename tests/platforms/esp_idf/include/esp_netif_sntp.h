/* SPDX-License-Identifier: MIT */
/* Stand-in for ESP-IDF's esp_netif_sntp.h: the host clock is already set. */
#include <stdint.h>
#include "esp_err.h"
typedef struct { const char *server; } esp_sntp_config_t;
#define ESP_NETIF_SNTP_DEFAULT_CONFIG(s) { (s) }
esp_err_t esp_netif_sntp_init(const esp_sntp_config_t *config);
esp_err_t esp_netif_sntp_sync_wait(uint32_t ticks);
