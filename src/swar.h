/* SPDX-License-Identifier: MIT */
/*
 * Word-at-a-time (SWAR) byte classes for the scanners of JSON strings and
 * HTTP lines: one load and a few word operations test sizeof(size_t)
 * bytes at once. Each test sets the high bit of every byte that is not in
 * the class, and possibly of later bytes too (a borrow runs toward them),
 * but never of an earlier byte: a word tests 0 exactly when all its bytes
 * are in the class, and on little-endian targets the lowest flag is the
 * first byte that is not. Internal.
 */
#ifndef WOS_SWAR_H
#define WOS_SWAR_H

#include <stddef.h>
#include <string.h>

#define SWAR_ONES ((size_t)-1 / 0xFFu) /* 0x0101...01 */
#define SWAR_HIGH (SWAR_ONES * 0x80u)

/* Where the first flagged byte is known from the word alone. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR_FIRST(m) ((size_t)(sizeof(m) > sizeof(unsigned) ? __builtin_ctzll((unsigned long long)(m)) \
                                                            : __builtin_ctz((unsigned)(m))) / 8u)
#endif

static inline size_t swar_load(const void *p)
{
    size_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

#endif
