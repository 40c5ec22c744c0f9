/* SPDX-License-Identifier: MIT */
#include "utf8.h"

#include "swar.h"

size_t wos_utf8_seq_len(const uint8_t *s, size_t avail)
{
    /* Decoded loosely, then re-encoded: wos_utf8_encode() takes the
     * shortest form of a scalar value only, so an overlong form (its
     * length differs), a surrogate or a value above U+10FFFF (it refuses
     * them) fails the comparison. One rule for both directions, in one
     * place (Table 3-7 of the Unicode standard, derived). */
    uint8_t tmp[4];
    uint32_t cp;
    size_t n, i;
    if (avail == 0u) {
        return 0u;
    }
    cp = s[0];
    if (cp < 0x80u) {
        return 1u;
    }
    if (cp - 0xC0u > 0xF7u - 0xC0u) { /* a continuation byte, or F8..FF */
        return 0u;
    }
    n = 2u + (cp >= 0xE0u) + (cp >= 0xF0u);
    if (avail < n) {
        return 0u;
    }
    cp &= 0x3Fu >> (n - 1u);
    for (i = 1u; i < n; i++) {
        if ((s[i] & 0xC0u) != 0x80u) {
            return 0u;
        }
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    return wos_utf8_encode(cp, tmp) == n ? n : 0u;
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
    uint32_t lead;
    if (cp - 0xD800u < 0x800u || cp > 0x10FFFFu) {
        return 0u;
    }
    /* Lead byte marks of 1..4-byte sequences: 00, C0, E0, F0; picked
     * before the loop, gcc then needs no extra register for n (4 B less). */
    lead = 0xF0E0C000u >> (8u * n - 8u);
    for (i = n - 1u; i > 0u; i--) {
        out[i] = (uint8_t)(0x80u | (cp & 0x3Fu));
        cp >>= 6;
    }
    out[0] = (uint8_t)(cp | lead);
    return n;
}

/* A word at a time where that pays (swar.h): `"` and `\` end the run, and
 * so does any byte >= 0x80 (the validator checks those as UTF-8). */
size_t wos_json_plain(const uint8_t *s, size_t n)
{
    return swar_run(s, n, '"', '\\', 0u);
}
