/* SPDX-License-Identifier: MIT */
#include "pipes_keys.h"

#define WOS_PIPES_KEY_DEF(k) #k,
const struct wos_pipes_keys_a wos_keys_a = {WOS_PIPES_KEYS_A(WOS_PIPES_KEY_DEF)};
const struct wos_pipes_keys_b wos_keys_b = {WOS_PIPES_KEYS_B(WOS_PIPES_KEY_DEF)};

const char *wos_key(uint8_t k)
{
    /* Where each name of block "a" starts; block "b" needs none (WK_* = position / WOS_PIPES_KEY_UNIT). */
#define WOS_PIPES_KEY_OFF(k) WOS_KEY_AT(k),
#define WOS_PIPES_KEY_TAIL_OFF(k, of) WOS_KEY_TAIL_AT(k, of),
    static const uint8_t k_a_off[WK_A_COUNT] = {WOS_PIPES_KEYS_A(WOS_PIPES_KEY_OFF)
                                                    WOS_PIPES_KEY_TAILS(WOS_PIPES_KEY_TAIL_OFF)};
#undef WOS_PIPES_KEY_OFF
#undef WOS_PIPES_KEY_TAIL_OFF
    /* Where each tail of a name of block "b" starts in it. */
#define WOS_PIPES_KEY_B_TAIL_OFF(k, of) (uint16_t)(offsetof(struct wos_pipes_keys_b, of) + sizeof #of - sizeof #k),
    static const uint16_t k_b_tail_off[WK_COUNT - WK_B_LAST - 1] = {WOS_PIPES_KEY_B_TAILS(WOS_PIPES_KEY_B_TAIL_OFF)};
#undef WOS_PIPES_KEY_B_TAIL_OFF
    if (k < WK_A_COUNT) {
        return (const char *)&wos_keys_a + k_a_off[k];
    }
    return (const char *)&wos_keys_b + (k <= WK_B_LAST ? WOS_PIPES_KEY_UNIT * (unsigned)(k - WK_A_COUNT)
                                                      : k_b_tail_off[k - WK_B_LAST - 1]);
}
