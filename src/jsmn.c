/* SPDX-License-Identifier: MIT */
/*
 * jsmn's implementation (Debian's libjsmn-dev, header only), compiled
 * static into its one caller below: the library exports no jsmn symbol,
 * so another jsmn in the same firmware (with its own token layout) can
 * never be linked in its place, and the compiler sees the whole tokeniser.
 * Its macros come from include/wos_jsmn.h: JSMN_PARENT_LINKS changes the
 * layout of jsmntok_t. A firmware may define JSMN_STRICT/JSMN_PARENT_LINKS
 * globally: wos_jsmn.h defines JSMN_PARENT_LINKS only when missing, and
 * leaves JSMN_STRICT off.
 */
#ifndef JSMN_STATIC
#define JSMN_STATIC
#endif
#define WOS_JSMN_IMPLEMENTATION
#include "wos_jsmn.h"

#include "json_internal.h"
#include "wos_json.h"

/* Tokenise text that wos_json_validate() accepted with need tokens. jsmn
 * cannot disagree with the validator (the fuzz target checks this), except
 * that its strict mode (when a firmware turns it on globally) wants a
 * delimiter after a primitive: a bare primitive root running to the end of
 * the text then gets its single token here. */
wos_status wos_json_tokenise(char *js, size_t len, jsmntok_t *tokens, unsigned need, unsigned esc)
{
    jsmn_parser p;
    int r;
    unsigned k;
    /* Never true from wos_json_parse() (need >= 1 tokens fit), but it tells
     * the compiler so: jsmn's count-only paths (tokens NULL) then fold
     * away, 28 to 48 bytes of flash. */
    if (tokens == NULL) {
        return WOS_ERR_JSON_MALFORMED;
    }
    jsmn_init(&p);
    r = jsmn_parse(&p, js, len, tokens, need);
#ifdef JSMN_STRICT
    if (r == JSMN_ERROR_PART && need == 1u) {
        int a = 0;
        while ((unsigned char)js[a] <= ' ') { /* only whitespace comes first */
            a++;
        }
        tokens->type = JSMN_PRIMITIVE;
        tokens->start = a;
        tokens->end = (int)len;
        tokens->size = 0;
        tokens->parent = -1;
        r = 1;
    }
#endif
    if (r != (int)need) {
        return WOS_ERR_JSON_MALFORMED;
    }
    /* Text without a backslash is its own decoding: mark every string so
     * that reading one costs nothing. */
    for (k = 0u; esc == 0u && k < need; k++) {
        if (tokens[k].type == JSMN_STRING) {
            tokens[k].size |= WOS_JSON_DECODED;
        }
    }
    return WOS_OK;
}

