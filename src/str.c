/* SPDX-License-Identifier: MIT */
#include "wos_str.h"

#include <string.h>

#include "scan.h"
#include "swar.h"

wos_str wos_str_c(const char *s)
{
    wos_str v;
    v.ptr = s;
    v.len = s != NULL ? strlen(s) : 0u;
    return v;
}

bool wos_str_eq(wos_str a, const char *s)
{
    size_t n;
    if (a.ptr == NULL || s == NULL) {
        return false;
    }
    n = strlen(s);
    return n == a.len && memcmp(a.ptr, s, n) == 0;
}

bool wos_str_ieq(wos_str a, wos_str b)
{
    const unsigned char *p = (const unsigned char *)a.ptr, *q = (const unsigned char *)b.ptr;
    size_t n = a.len;
    if (p == NULL || q == NULL || n != b.len) {
        return false;
    }
    while (n-- != 0u) {
        unsigned x = *p++, y = *q++;
        /* Equal, or letters that differ only in the case bit. */
        if (x != y && ((x ^ y) != 0x20u || (x | 0x20u) - 'a' > 25u)) {
            return false;
        }
    }
    return true;
}

int wos_scan_dec(const char *s, size_t n, uint64_t *out)
{
    uint64_t x = 0u;
    if (n == 0u) {
        return -1;
    }
    while (n-- != 0u) {
        unsigned d = (unsigned)(unsigned char)*s++ - '0';
        if (d > 9u) {
            return -1;
        }
        /* Below 2^60 ten times x plus a digit cannot wrap; above, x stays
         * at UINT64_MAX, which is all the callers need to know. */
        x = (x >> 60) != 0u ? UINT64_MAX : x * 10u + d;
    }
    *out = x;
    return 0;
}

/* The line scanner of scan.h: a word at a time where that pays (swar.h). */
#if defined(__GNUC__)
__attribute__((noinline)) /* inlined, it slows the parser's byte loop around it */
#endif
size_t wos_scan_text(const char *s, size_t n)
{
    return swar_run((const unsigned char *)s, n, 0x7Fu, 0x7Fu, SWAR_HIGH);
}
