/* SPDX-License-Identifier: MIT */
/* Stand-in for ESP-IDF's nvs_flash.h. */
#include "esp_err.h"
esp_err_t nvs_flash_init(void);
