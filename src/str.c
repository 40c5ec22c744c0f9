#include "wos_str.h"

#include <string.h>

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
