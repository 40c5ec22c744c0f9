/* SPDX-License-Identifier: MIT */
/**
 * @file wos_jsmn.h
 * @brief The one way wos-pipes-c includes jsmn: strict mode with parent
 * links, declarations only. The token layout depends on these macros, so
 * every translation unit that touches jsmntok_t must include this header
 * rather than <jsmn.h> directly. The implementation is compiled once, in
 * src/jsmn.c.
 */
#ifndef WOS_JSMN_H
#define WOS_JSMN_H

#ifndef JSMN_STRICT
#define JSMN_STRICT
#endif
#ifndef JSMN_PARENT_LINKS
#define JSMN_PARENT_LINKS
#endif
#ifndef JSMN_HEADER
#define JSMN_HEADER
#endif
#include <jsmn.h>

#endif /* WOS_JSMN_H */
