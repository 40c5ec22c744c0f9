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

static char lower_ascii(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

bool wos_str_ieq(wos_str a, wos_str b)
{
    size_t i;
    if (a.ptr == NULL || b.ptr == NULL || a.len != b.len) {
        return false;
    }
    for (i = 0; i < a.len; i++) {
        if (lower_ascii(a.ptr[i]) != lower_ascii(b.ptr[i])) {
            return false;
        }
    }
    return true;
}
