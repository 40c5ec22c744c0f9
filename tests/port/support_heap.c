/* SPDX-License-Identifier: MIT */
/* Counts mbedTLS's heap: the port tests link with -Wl,--wrap=calloc,--wrap=free,
 * so every calloc/free in the statically linked objects (mbedTLS, the port,
 * the tests) lands here. Sizes are kept in a pointer-keyed table, so no
 * header is put in front of blocks and frees of foreign pointers are safe. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "support.h"

void *__real_calloc(size_t n, size_t size);
void __real_free(void *p);
void *__wrap_calloc(size_t n, size_t size);
void __wrap_free(void *p);

#define SLOTS (1u << 16) /* live blocks at once; a full CA bundle needs ~3000 */

typedef struct slot {
    void *p;
    size_t size;
} slot;

static slot table[SLOTS];
static heap_stats stats;
static size_t fail_countdown;
static int fail_fired;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static size_t home(const void *p)
{
    uintptr_t v = (uintptr_t)p;
    v ^= v >> 17;
    v *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(v >> 7) & (SLOTS - 1u);
}

static void insert(void *p, size_t size)
{
    size_t i = home(p), tries;
    for (tries = 0; tries < SLOTS; tries++, i = (i + 1u) & (SLOTS - 1u)) {
        if (table[i].p == NULL) {
            table[i].p = p;
            table[i].size = size;
            return;
        }
    }
    fputs("support_heap: table full\n", stderr);
    abort();
}

/* Linear probing with backward-shift deletion: no tombstones pile up. */
static int remove_ptr(void *p, size_t *out_size)
{
    size_t i = home(p), j, k, tries;
    for (tries = 0; table[i].p != p; tries++, i = (i + 1u) & (SLOTS - 1u)) {
        if (table[i].p == NULL || tries == SLOTS) {
            return 0;
        }
    }
    *out_size = table[i].size;
    table[i].p = NULL;
    for (j = (i + 1u) & (SLOTS - 1u); table[j].p != NULL; j = (j + 1u) & (SLOTS - 1u)) {
        k = home(table[j].p);
        /* Move j back to the hole i unless its home lies cyclically in (i, j]. */
        if ((i <= j) ? (i < k && k <= j) : (i < k || k <= j)) {
            continue;
        }
        table[i] = table[j];
        table[j].p = NULL;
        i = j;
    }
    return 1;
}

void *__wrap_calloc(size_t n, size_t size)
{
    void *p;
    pthread_mutex_lock(&lock);
    if (fail_countdown != 0u && --fail_countdown == 0u) {
        fail_fired = 1;
        pthread_mutex_unlock(&lock);
        return NULL;
    }
    p = __real_calloc(n, size);
    if (p != NULL) {
        size_t bytes = n * size; /* calloc checked the overflow */
        insert(p, bytes);
        stats.live_bytes += bytes;
        stats.live_blocks++;
        stats.total_bytes += bytes;
        stats.total_calls++;
        if (stats.live_bytes > stats.peak_bytes) {
            stats.peak_bytes = stats.live_bytes;
        }
    }
    pthread_mutex_unlock(&lock);
    return p;
}

void __wrap_free(void *p)
{
    size_t size = 0;
    if (p == NULL) {
        return;
    }
    pthread_mutex_lock(&lock);
    if (remove_ptr(p, &size)) {
        stats.live_bytes -= size;
        stats.live_blocks--;
    } else {
        stats.foreign_frees++;
    }
    pthread_mutex_unlock(&lock);
    __real_free(p);
}

void heap_get(heap_stats *out)
{
    pthread_mutex_lock(&lock);
    *out = stats;
    pthread_mutex_unlock(&lock);
}

void heap_reset_peak(void)
{
    pthread_mutex_lock(&lock);
    stats.peak_bytes = stats.live_bytes;
    stats.total_bytes = 0;
    stats.total_calls = 0;
    pthread_mutex_unlock(&lock);
}

void heap_fail_nth(size_t n)
{
    pthread_mutex_lock(&lock);
    fail_countdown = n;
    fail_fired = 0;
    pthread_mutex_unlock(&lock);
}

int heap_fail_fired(void)
{
    int fired;
    pthread_mutex_lock(&lock);
    fired = fail_fired;
    pthread_mutex_unlock(&lock);
    return fired;
}
