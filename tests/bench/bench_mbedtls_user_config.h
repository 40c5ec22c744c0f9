/* SPDX-License-Identifier: MIT */
/* Added to the device configuration for `make bench` only: the pool's
 * counters (mbedtls_memory_buffer_alloc_cur_get/_max_get) exist only with
 * MBEDTLS_MEMORY_DEBUG. It does not change the pool's block layout. */
#define MBEDTLS_MEMORY_DEBUG
