/* SPDX-License-Identifier: MIT */
/* Stand-in for ESP-IDF's esp_err.h: only what examples/esp-idf uses. */
#ifndef STANDIN_ESP_ERR_H
#define STANDIN_ESP_ERR_H
typedef int esp_err_t;
#define ESP_OK 0
#define ESP_FAIL (-1)
void standin_esp_error_check(esp_err_t rc, const char *what);
#define ESP_ERROR_CHECK(x) standin_esp_error_check((x), #x)
#endif
