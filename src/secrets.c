/* SPDX-License-Identifier: MIT */
/* Wiping secrets so they do not outlive their use in RAM. */
#include "wos_pipes.h"

#include <string.h>

void wos_secure_zero(void *p, size_t len)
{
    if (p == NULL) {
        return;
    }
#if defined(__GNUC__)
    /* memset clears a word at a time; the empty asm that may read p and all
     * memory makes the stores observable, so they cannot be elided. */
    memset(p, 0, len);
    __asm__ __volatile__("" : : "r"(p) : "memory");
#else
    {
        /* Stores through a volatile pointer are observable, so they cannot be elided. */
        volatile unsigned char *v = (volatile unsigned char *)p;
        while (len-- > 0u) {
            *v++ = 0u;
        }
    }
#endif
}

void wos_access_token_wipe(wos_access_token *t)
{
    if (t == NULL) {
        return;
    }
    wos_secure_zero(t->secret_span_, t->secret_span_len_);
    t->secret_span_ = NULL;
    t->secret_span_len_ = 0u;
    t->access_token.ptr = NULL;
    t->access_token.len = 0u;
}

void wos_request_wipe(char *buf, size_t len)
{
    wos_secure_zero(buf, len);
}
