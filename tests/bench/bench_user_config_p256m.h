/* SPDX-License-Identifier: MIT */
/* `make bench` only: the device configuration with p256-m for P-256
 * instead of the built-in code, to show what p256-m costs or saves on
 * this machine; the pool counters as in bench_mbedtls_user_config.h. */
#define MBEDTLS_MEMORY_DEBUG
#define MBEDTLS_PSA_P256M_DRIVER_ENABLED
