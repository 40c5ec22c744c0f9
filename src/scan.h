/* SPDX-License-Identifier: MIT */
/* Scanning shared by the HTTP and JSON parsers and writers (defined in str.c). Internal. */
#ifndef WOS_SCAN_H
#define WOS_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Value of a hex digit, or -1. Inline: its two callers' loops then make
 * no call, which on RV32 saves their register spills. */
static inline int wos_scan_hex(int c)
{
    unsigned d = (unsigned)c - '0';
    if (d <= 9u) {
        return (int)d;
    }
    d = ((unsigned)c | 0x20u) - 'a';
    return d < 6u ? (int)d + 10 : -1;
}

/*
 * Value of the decimal digits s[0..n) (leading zeros allowed) into *out:
 * exact below 2^63, and UINT64_MAX or some value of at least 2^63 above.
 * Returns 0, or -1 (out untouched) when n is 0 or a byte is not a digit.
 */
int wos_scan_dec(const char *s, size_t n, uint64_t *out);

/*
 * Length of the run at the start of s[0..n) of bytes a header line holds
 * as they are: neither a control byte (tab, CR and LF included) nor DEL.
 * The HTTP parser's line scanner, and the check of the values we send.
 */
size_t wos_scan_text(const char *s, size_t n);

#endif
