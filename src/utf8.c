/* SPDX-License-Identifier: MIT */
#include "utf8.h"

#include "swar.h"

size_t wos_utf8_seq_len(const uint8_t *s, size_t avail)
{
    /* Table 3-7 of the Unicode standard: the second byte's range excludes
     * overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4). */
    unsigned b0, lo, hi;
    size_t n, i;
    if (avail == 0u) {
        return 0u;
    }
    b0 = s[0];
    if (b0 < 0x80u) {
        return 1u;
    }
    if (b0 - 0xC2u > 0xF4u - 0xC2u) {
        return 0u;
    }
    n = 2u + (b0 >= 0xE0u) + (b0 >= 0xF0u);
    lo = b0 == 0xE0u ? 0xA0u : b0 == 0xF0u ? 0x90u : 0x80u;
    hi = b0 == 0xEDu ? 0x9Fu : b0 == 0xF4u ? 0x8Fu : 0xBFu;
    if (avail < n) {
        return 0u;
    }
    for (i = 1u; i < n; i++) {
        if (s[i] < lo || s[i] > hi) {
            return 0u;
        }
        lo = 0x80u;
        hi = 0xBFu;
    }
    return n;
}

bool wos_utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = wos_json_plain(s, n), k = 1u; /* printable ASCII: all of most texts */
    while (i < n && k != 0u) {
        k = wos_utf8_seq_len(s + i, n - i);
        i += k;
    }
    return k != 0u;
}

size_t wos_utf8_encode(uint32_t cp, uint8_t out[4])
{
    size_t n = 1u + (cp >= 0x80u) + (cp >= 0x800u) + (cp >= 0x10000u), i;
    if (cp - 0xD800u < 0x800u || cp > 0x10FFFFu) {
        return 0u;
    }
    for (i = n - 1u; i > 0u; i--) {
        out[i] = (uint8_t)(0x80u | (cp & 0x3Fu));
        cp >>= 6;
    }
    /* Lead byte marks of 1..4-byte sequences: 00, C0, E0, F0. */
    out[0] = (uint8_t)(cp | (0xF0E0C000u >> (8u * n - 8u)));
    return n;
}

/* A word at a time where that pays (swar.h): `"` and `\` end the run, and
 * so does any byte >= 0x80 (the validator checks those as UTF-8). */
size_t wos_json_plain(const uint8_t *s, size_t n)
{
    return swar_run(s, n, '"', '\\', 0u);
}
