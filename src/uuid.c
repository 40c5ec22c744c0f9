/* SPDX-License-Identifier: MIT */
#include "uuid.h"

wos_status wos_uuid4(const wos_platform *plat, char out[37])
{
    uint8_t r[16];
    unsigned i;
    char *o = out;
    wos_status st = plat->random(plat->ctx, r, sizeof r);
    if (st != WOS_OK) {
        return st;
    }
    r[6] = (uint8_t)((r[6] & 0x0Fu) | 0x40u); /* version 4 */
    r[8] = (uint8_t)((r[8] & 0x3Fu) | 0x80u); /* variant 10 */
    for (i = 0; i < 16u; i++) {
        unsigned b = r[i], k;
        /* 8-4-4-4-12: a dash before bytes 4, 6, 8 and 10 (bits of the mask). */
        if (((0x550u >> i) & 1u) != 0u) {
            *o++ = '-';
        }
        for (k = 0; k < 2u; k++, b <<= 4) {
            unsigned d = (b >> 4) & 0x0Fu;
            *o++ = (char)(d < 10u ? '0' + d : 'a' - 10u + d);
        }
    }
    *o = '\0';
    return WOS_OK;
}
