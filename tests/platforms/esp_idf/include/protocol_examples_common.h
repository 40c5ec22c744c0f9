/* SPDX-License-Identifier: MIT */
/* Stand-in for ESP-IDF's protocol_examples_common.h: the host is online. */
#include "esp_err.h"
esp_err_t example_connect(void);
