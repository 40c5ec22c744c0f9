/* SPDX-License-Identifier: MIT */
/*
 * Stand-in for the ESP-IDF runtime around examples/esp-idf/main/main.c on a
 * host: the system calls succeed (the host's network and clock are up),
 * and main() runs app_main() as ESP-IDF's startup task would. Exit status:
 * 0 when app_main() returned without an ESP_ERROR_CHECK failure and
 * printed an active token.
 */
#include <stdio.h>
#include <stdlib.h>

#include "esp_err.h"
#include "esp_event.h"
#include "esp_netif.h"
#include "esp_netif_sntp.h"
#include "nvs_flash.h"
#include "protocol_examples_common.h"

void app_main(void);

void standin_esp_error_check(esp_err_t rc, const char *what)
{
    if (rc != ESP_OK) {
        fprintf(stderr, "ESP_ERROR_CHECK failed: %s = %d\n", what, rc);
        abort();
    }
}

esp_err_t nvs_flash_init(void) { return ESP_OK; }
esp_err_t esp_netif_init(void) { return ESP_OK; }
esp_err_t esp_event_loop_create_default(void) { return ESP_OK; }
esp_err_t example_connect(void) { return ESP_OK; }
esp_err_t esp_netif_sntp_init(const esp_sntp_config_t *config) { (void)config; return ESP_OK; }
esp_err_t esp_netif_sntp_sync_wait(uint32_t ticks) { (void)ticks; return ESP_OK; }

int main(void)
{
    app_main();
    return 0;
}
