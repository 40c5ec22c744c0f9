#include "utf8.h"

size_t wos_utf8_seq_len(const uint8_t *s, size_t avail)
{
    uint8_t b0, lo = 0x80u, hi = 0xBFu;
    size_t n, i;
    if (avail == 0u) {
        return 0u;
    }
    b0 = s[0];
    if (b0 < 0x80u) {
        return 1u;
    }
    if (b0 >= 0xC2u && b0 <= 0xDFu) {
        n = 2u;
    } else if (b0 >= 0xE0u && b0 <= 0xEFu) {
        n = 3u;
        /* Table 3-7 of the Unicode standard: no overlongs, no surrogates. */
        if (b0 == 0xE0u) {
            lo = 0xA0u;
        } else if (b0 == 0xEDu) {
            hi = 0x9Fu;
        }
    } else if (b0 >= 0xF0u && b0 <= 0xF4u) {
        n = 4u;
        if (b0 == 0xF0u) {
            lo = 0x90u;
        } else if (b0 == 0xF4u) {
            hi = 0x8Fu;
        }
    } else {
        return 0u;
    }
    if (avail < n || s[1] < lo || s[1] > hi) {
        return 0u;
    }
    for (i = 2u; i < n; i++) {
        if ((s[i] & 0xC0u) != 0x80u) {
            return 0u;
        }
    }
    return n;
}

size_t wos_utf8_encode(uint32_t cp, uint8_t out[4])
{
    if (cp < 0x80u) {
        out[0] = (uint8_t)cp;
        return 1u;
    }
    if (cp < 0x800u) {
        out[0] = (uint8_t)(0xC0u | (cp >> 6));
        out[1] = (uint8_t)(0x80u | (cp & 0x3Fu));
        return 2u;
    }
    if (cp >= 0xD800u && cp <= 0xDFFFu) {
        return 0u;
    }
    if (cp < 0x10000u) {
        out[0] = (uint8_t)(0xE0u | (cp >> 12));
        out[1] = (uint8_t)(0x80u | ((cp >> 6) & 0x3Fu));
        out[2] = (uint8_t)(0x80u | (cp & 0x3Fu));
        return 3u;
    }
    if (cp <= 0x10FFFFu) {
        out[0] = (uint8_t)(0xF0u | (cp >> 18));
        out[1] = (uint8_t)(0x80u | ((cp >> 12) & 0x3Fu));
        out[2] = (uint8_t)(0x80u | ((cp >> 6) & 0x3Fu));
        out[3] = (uint8_t)(0x80u | (cp & 0x3Fu));
        return 4u;
    }
    return 0u;
}
