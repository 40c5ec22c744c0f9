/* SPDX-License-Identifier: MIT */
/* Stand-in for ESP-IDF's esp_event.h. */
#include "esp_err.h"
esp_err_t esp_event_loop_create_default(void);
