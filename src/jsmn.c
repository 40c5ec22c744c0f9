/* SPDX-License-Identifier: MIT */
/*
 * The single object that holds jsmn's implementation (Debian's libjsmn-dev,
 * header only). The macros must match include/wos_jsmn.h: JSMN_PARENT_LINKS
 * changes the layout of jsmntok_t.
 */
#define JSMN_STRICT
#define JSMN_PARENT_LINKS
#include <jsmn.h>
