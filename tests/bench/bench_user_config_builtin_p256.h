/* `make bench` only: the device configuration with the built-in P-256
 * code instead of p256-m, to show what p256-m costs or saves on this
 * machine; the pool counters as in bench_mbedtls_user_config.h. */
#define MBEDTLS_MEMORY_DEBUG
#undef MBEDTLS_PSA_P256M_DRIVER_ENABLED
