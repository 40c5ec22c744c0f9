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

/* Words pay only where a word loads from any address in one instruction:
 * where unaligned loads trap (Cortex-M0+, RV32 without fast misaligned
 * access) the scanners go byte by byte, which there costs about as much
 * time and far less flash and stack. A build for size (GCC's and Clang's
 * -Os/-Oz define __OPTIMIZE_SIZE__) goes byte by byte everywhere, as it
 * asks: 132 B less flash on Cortex-M4; on x86-64 at -Os a kept-alive token
 * call then takes 19,138 instructions instead of 15,964 (the -O2 build,
 * which `make bench` measures, keeps the words: 13,523). */
#if !((defined(__arm__) && !defined(__ARM_FEATURE_UNALIGNED)) || \
      (defined(__riscv) && !defined(__riscv_misaligned_fast)) || defined(__OPTIMIZE_SIZE__))
#define SWAR_WORDS 1
#endif

/* Where the first flagged byte is known from the word alone. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR_FIRST(m) ((size_t)(sizeof(m) > sizeof(unsigned) ? __builtin_ctzll((unsigned long long)(m)) \
                                                            : __builtin_ctz((unsigned)(m))) / 8u)
#endif

/* A word from any address: one load (-ffreestanding turns off the
 * implicit memcpy builtin, hence the explicit one). */
static inline size_t swar_load(const void *p)
{
    size_t x;
#if defined(__GNUC__)
    __builtin_memcpy(&x, p, sizeof x);
#else
    memcpy(&x, p, sizeof x);
#endif
    return x;
}

/*
 * Length of the run at the start of s[0..n) of bytes b >= 0x20 other than
 * a and z, and below 0x80 unless hi is SWAR_HIGH (0: they end the run).
 * A byte b is in the class when b - 0x20, (b ^ a) - 1 and (b ^ z) - 1 all
 * keep their high bit clear, or b has its high bit set and hi has too. The
 * body of wos_scan_text() and wos_json_plain(), each with its constants.
 * A tail shorter than a word goes byte by byte.
 */
static inline size_t swar_run(const unsigned char *s, size_t n, unsigned a, unsigned z, size_t hi)
{
    size_t i = 0u;
#ifdef SWAR_WORDS
    size_t x, m;
    while (n - i >= sizeof x) {
        x = swar_load(s + i);
        m = ((x - SWAR_ONES * 0x20u) | ((x ^ SWAR_ONES * a) - SWAR_ONES) | ((x ^ SWAR_ONES * z) - SWAR_ONES)) &
            ~(x & hi) & SWAR_HIGH;
        if (m != 0u) {
#ifdef SWAR_FIRST
            return i + SWAR_FIRST(m);
#else
            break;
#endif
        }
        i += sizeof x;
#ifdef SWAR_FIRST
        if (n - i < sizeof x && i != n) {
            /* The tail as the last word, overlapping bytes known to be in
             * the class: no flag falls on them, so the first is the tail's. */
            i = n - sizeof x;
        }
#endif
    }
#endif
    while (i < n && s[i] >= 0x20u && s[i] != a && s[i] != z && (s[i] < 0x80u || hi != 0u)) {
        i++;
    }
    return i;
}

#endif
