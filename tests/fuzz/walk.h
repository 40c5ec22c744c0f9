/* SPDX-License-Identifier: MIT */
/*
 * Shared by the fuzz targets: input copies that ASan can police, and
 * walkers that touch every view of a decoded Pipes result and check the
 * promises of wos_pipes.h (every string lies inside the body, is valid
 * UTF-8, every index below a count answers, the one at count does not).
 */
#ifndef FUZZ_WALK_H
#define FUZZ_WALK_H

#include <stddef.h>
#include <stdint.h>

#include "wos_pipes.h"

/* A failed check is a crash libFuzzer records, with the condition on stderr. */
#define FUZZ_CHECK(c) fuzz_check((c) ? 1 : 0, #c, __FILE__, __LINE__)
void fuzz_check(int ok, const char *what, const char *file, int line);

/*
 * A heap copy of exactly n bytes, so that reading one byte past the end is
 * an ASan report. n == 0 gives NULL: there is no byte to read at all.
 */
char *fuzz_dup(const uint8_t *data, size_t n);

/* Whether a view is absent or lies inside [base, base + len). */
int fuzz_inside(wos_str s, const char *base, size_t len);

/* The region views of a result may point into, and what they must be. */
typedef struct fuzz_region {
    const char *base;
    size_t len;
} fuzz_region;

/* Every string of each result; returns the number of strings seen. */
unsigned fuzz_walk_integration(const fuzz_region *r, const wos_data_integration *d);
unsigned fuzz_walk_token(const fuzz_region *r, const wos_access_token *t);
unsigned fuzz_walk_page(const fuzz_region *r, wos_integration_page *page);
void fuzz_walk_error(const fuzz_region *r, const wos_api_error *e);

/* wos_access_token_wipe() must zero the token's raw bytes and clear the view. */
void fuzz_check_wipe(const fuzz_region *r, wos_access_token *t);

#endif
