/* SPDX-License-Identifier: MIT */
/*
 * The single object that holds jsmn's implementation (Debian's libjsmn-dev,
 * header only). Its macros come from include/wos_jsmn.h: JSMN_PARENT_LINKS
 * changes the layout of jsmntok_t, WOS_JSMN_INTERNAL the names. A firmware
 * may define JSMN_STRICT/JSMN_PARENT_LINKS globally: wos_jsmn.h defines
 * JSMN_PARENT_LINKS only when missing, and leaves JSMN_STRICT off.
 */
#define WOS_JSMN_IMPLEMENTATION
#include "wos_jsmn.h"
