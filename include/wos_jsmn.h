/* SPDX-License-Identifier: MIT */
/**
 * @file wos_jsmn.h
 * @brief The one way wos-pipes-c includes jsmn: parent links, default
 * (non-strict) mode, declarations only. jsmn only ever sees text that
 * wos_json_validate() accepted, on which both modes give the same tokens;
 * strict mode's extra checks cost flash and time for nothing (and it
 * refuses a bare primitive root, which src/jsmn.c then handles).
 * The token layout depends on these macros, so every translation unit
 * that touches jsmntok_t must include this header rather than <jsmn.h>
 * directly. The implementation is compiled once, static, in src/jsmn.c
 * (inside its one caller, the library's tokeniser): the library defines no
 * jsmn symbol, so another jsmn in the same firmware, whatever its layout,
 * neither clashes with it nor takes its place at link time.
 */
#ifndef WOS_JSMN_H
#define WOS_JSMN_H

/* JSMN_STRICT is left to the firmware: with or without it, validated text
 * tokenises the same. */
#ifndef JSMN_PARENT_LINKS
#define JSMN_PARENT_LINKS
#endif
/* WOS_JSMN_INTERNAL: our jsmn's two functions get wos_ names. Kept for
 * the builds that set it; since they are static it changes no symbol. */
#if defined(WOS_JSMN_INTERNAL) && WOS_JSMN_INTERNAL
#define jsmn_init wos_jsmn_init
#define jsmn_parse wos_jsmn_parse
#endif
/* src/jsmn.c defines WOS_JSMN_IMPLEMENTATION to compile the bodies. */
#if !defined(JSMN_HEADER) && !defined(WOS_JSMN_IMPLEMENTATION)
#define JSMN_HEADER
#endif
#include <jsmn.h>

#endif /* WOS_JSMN_H */
