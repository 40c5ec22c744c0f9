/* SPDX-License-Identifier: MIT */
/* Digit scanning shared by the HTTP and JSON parsers (defined in str.c). Internal. */
#ifndef WOS_SCAN_H
#define WOS_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Value of a hex digit, or -1. */
int wos_scan_hex(int c);

/*
 * Value of the decimal digits s[0..n) (leading zeros allowed) into *out:
 * exact below 2^63, and UINT64_MAX or some value of at least 2^63 above.
 * Returns 0, or -1 (out untouched) when n is 0 or a byte is not a digit.
 */
int wos_scan_dec(const char *s, size_t n, uint64_t *out);

#endif
