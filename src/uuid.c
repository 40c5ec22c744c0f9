/* SPDX-License-Identifier: MIT */
#include "uuid.h"

wos_status wos_uuid4(const wos_platform *plat, char out[37])
{
    /* The 16 random bytes land in out's last 16 bytes and are spelled out
     * from the front: byte i is read before its two digits are written at
     * 2i + (dashes so far) <= 20 + i, so none is overwritten unread. */
    uint8_t *r = (uint8_t *)out + 20;
    unsigned i;
    char *o = out;
    wos_status st = plat->random(plat->ctx, r, 16u);
    if (st != WOS_OK) {
        return st;
    }
    r[6] = (uint8_t)((r[6] & 0x0Fu) | 0x40u); /* version 4 */
    r[8] = (uint8_t)((r[8] & 0x3Fu) | 0x80u); /* variant 10 */
    for (i = 0; i < 16u; i++) {
        unsigned b = r[i], k;
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
