/* SPDX-License-Identifier: MIT */
#include "uuid.h"

wos_status wos_uuid4(const wos_platform *plat, char out[37])
{
    static const char k_hex[] = "0123456789abcdef";
    uint8_t r[16];
    unsigned i, o = 0;
    wos_status st = plat->random(plat->ctx, r, sizeof r);
    if (st != WOS_OK) {
        return st;
    }
    r[6] = (uint8_t)((r[6] & 0x0Fu) | 0x40u); /* version 4 */
    r[8] = (uint8_t)((r[8] & 0x3Fu) | 0x80u); /* variant 10 */
    for (i = 0; i < 16u; i++) {
        if (i == 4u || i == 6u || i == 8u || i == 10u) {
            out[o++] = '-';
        }
        out[o++] = k_hex[r[i] >> 4];
        out[o++] = k_hex[r[i] & 0x0Fu];
    }
    out[o] = '\0';
    return WOS_OK;
}
