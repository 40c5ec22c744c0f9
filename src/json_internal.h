/* SPDX-License-Identifier: MIT */
/* Helpers shared by the JSON grammar check and the reader. Internal. */
#ifndef WOS_JSON_INTERNAL_H
#define WOS_JSON_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* The escape at s[0..avail): its length, 2 for `\n` and the like or 6 for
 * `\uXXXX`, with *out the byte or UTF-16 unit it stands for; 0 (out
 * untouched) when s does not start with a valid escape. The validator's
 * check and the reader's decoder, in one place. */
size_t wos_json_esc(const char *s, size_t avail, uint32_t *out);

#include "wos_jsmn.h"
#include "wos_status.h"

/* wos_json_validate() without its argument checks (js not NULL unless
 * len is 0, out_tokens not NULL), and *out_esc (which must be 0 on entry)
 * set to 1 when some string holds a backslash: without one, every string
 * token's text is already its decoded value. */
wos_status wos_json_check(const char *js, size_t len, unsigned *out_tokens, unsigned *out_esc);

/* Tokenise text that wos_json_check() accepted with need tokens (esc: its
 * *out_esc) into tokens, exactly need of them; WOS_ERR_JSON_MALFORMED if
 * jsmn disagrees, or tokens is NULL. In src/jsmn.c, the one file that holds jsmn. */
wos_status wos_json_tokenise(char *js, size_t len, jsmntok_t *tokens, unsigned need, unsigned esc);

/* The most keys wos_json_members() takes. */
#define WOS_JSON_KEYS_MAX 4u

/* The end of a key list of wos_json_members(). */
#define WOS_JSON_KEYS_END 0xFFu

/* wos_json_member() for several keys in one pass over the object: the
 * names are base + keys[j], keys a list of byte offsets that ends at
 * WOS_JSON_KEYS_END (a decoder's table of offsets into one block of names
 * is a byte per key, where pointers would take four). out_vals[j] is the
 * value of the last member of that name, or -1. WOS_OK when any was
 * found, else as wos_json_member(). Bit j of secret set: key j names a
 * secret, and the text of its earlier duplicates (which no result points
 * to) is zeroed. Internal: base, keys and out_vals are never NULL, and
 * there are at most WOS_JSON_KEYS_MAX keys (the decoders' own tables). */
struct wos_json;
wos_status wos_json_members(const struct wos_json *doc, int obj, const char *base, const uint8_t *keys,
                            unsigned secret, int *out_vals);

#endif
