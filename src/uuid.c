/* SPDX-License-Identifier: MIT */
#include "uuid.h"

wos_status wos_uuid4(const wos_platform *plat, char out[37])
{
    static const char k_hex[] = "0123456789abcdef";
    /* Where the two digits of each byte go: 8-4-4-4-12, dashes between. */
    static const uint8_t k_at[16] = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    uint8_t r[16];
    unsigned i;
    wos_status st = plat->random(plat->ctx, r, sizeof r);
    if (st != WOS_OK) {
        return st;
    }
    r[6] = (uint8_t)((r[6] & 0x0Fu) | 0x40u); /* version 4 */
    r[8] = (uint8_t)((r[8] & 0x3Fu) | 0x80u); /* variant 10 */
    for (i = 0; i < 16u; i++) {
        out[k_at[i]] = k_hex[r[i] >> 4];
        out[k_at[i] + 1u] = k_hex[r[i] & 0x0Fu];
    }
    out[8] = out[13] = out[18] = out[23] = '-';
    out[36] = '\0';
    return WOS_OK;
}
