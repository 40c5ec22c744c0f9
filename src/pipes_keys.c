/* SPDX-License-Identifier: MIT */
#include "pipes_keys.h"

#define WOS_PIPES_KEY_DEF(k) const char wos_k_##k[] = #k;
WOS_PIPES_KEYS(WOS_PIPES_KEY_DEF)

#define WOS_PIPES_KEY_REF(k) [WK_##k] = wos_k_##k,
const char *const wos_keys[WK_COUNT] = {WOS_PIPES_KEYS(WOS_PIPES_KEY_REF)};
