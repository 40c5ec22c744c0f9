/* SPDX-License-Identifier: MIT */
/* Stand-in for ESP-IDF's esp_netif.h. */
#include "esp_err.h"
esp_err_t esp_netif_init(void);
