/* SPDX-License-Identifier: MIT */
/**
 * @file wos_json.h
 * @brief The JSON reader: strict RFC 8259 validation, then jsmn tokens, then
 * typed accessors over those tokens. No heap: the caller owns the text and
 * the token array.
 *
 * jsmn alone accepts far too much even in strict mode (`{"a"}`, `[1 2]`,
 * `01`, trailing commas, two roots) and never unescapes, so every text is
 * first checked by our own non-recursive grammar check (wos_json_validate());
 * jsmn only runs on text that is known to be valid.
 *
 * Token indexes are `int`, as in jsmn. Index 0 is the root. For an object
 * member the key token is immediately followed by its value's first token.
 *
 * Decoded strings: wos_json_string() rewrites a string token's bytes in place
 * and then marks the token by setting #WOS_JSON_DECODED in its `size` field
 * and moving its `end` down to the end of the decoded bytes. A text without
 * any backslash is already decoded: wos_json_parse() then marks every
 * string token so at once, and reading a string costs nothing. Tokens are laid
 * out by position, so the shorter span never overlaps a later token;
 * skip/iteration/lookup keep working, and keys that were decoded are compared
 * byte for byte.
 */
#ifndef WOS_JSON_H
#define WOS_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wos_jsmn.h"
#include "wos_status.h"
#include "wos_str.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Bit set in a string token's `size` once it has been decoded in place. */
#define WOS_JSON_DECODED 0x40000000

/** @brief Kind of a JSON value; 0 means "no such token". */
typedef enum wos_json_type {
    WOS_JSON_OBJECT = 1, /**< `{...}` */
    WOS_JSON_ARRAY,      /**< `[...]` */
    WOS_JSON_STRING,     /**< `"..."` (a value or a key) */
    WOS_JSON_NUMBER,     /**< Any RFC 8259 number. */
    WOS_JSON_BOOL,       /**< `true` or `false` */
    WOS_JSON_NULL        /**< `null` */
} wos_json_type;

/** @brief A tokenised document. Fill it with wos_json_parse(); do not edit it. */
typedef struct wos_json {
    char *js;        /**< The text (caller-owned, rewritten by string decoding). */
    size_t len;      /**< Its length in bytes. */
    jsmntok_t *tok;  /**< The caller's token array. */
    unsigned count;  /**< Tokens in use; 0 after a failed parse. */
} wos_json;

/**
 * @brief Check that js[0..len) is exactly one RFC 8259 JSON text, without
 * tokenising it. Nesting is limited to WOS_JSON_MAX_DEPTH. Reads no byte at
 * or past len; a NUL byte is just an invalid character.
 * @param[in] js The text (may be NULL only when len is 0).
 * @param[in] len Its length.
 * @param[out] out_tokens Optional; on WOS_OK, the number of jsmn tokens the text
 *        needs (one per value and one per key).
 * @return WOS_OK valid; WOS_ERR_JSON_MALFORMED not JSON (also empty input);
 *         WOS_ERR_JSON_TOO_DEEP nesting beyond WOS_JSON_MAX_DEPTH;
 *         WOS_ERR_INVALID_UTF8 a string holds bytes that are not UTF-8;
 *         WOS_ERR_INVALID_ARG js is NULL with len > 0.
 */
WOS_NODISCARD wos_status wos_json_validate(const char *js, size_t len, unsigned *out_tokens);

/**
 * @brief Validate and tokenise a JSON text. The text stays in place: tokens
 * point into it and wos_json_string() later decodes strings in it.
 * @param[out] doc Filled in; on failure doc->count is 0, so accessors see nothing.
 * @param[in,out] js The text, mutable. @param[in] len Its length (at most INT_MAX).
 * @param[out] tokens Token array; may be NULL when cap is 0 (a size query).
 * @param[in] cap Number of tokens in the array. Nothing is written past it.
 * @param[out] out_needed Optional; on WOS_OK the count used, on
 *        WOS_ERR_JSON_TOKENS the exact count needed, otherwise 0.
 * @return WOS_OK; WOS_ERR_JSON_MALFORMED; WOS_ERR_JSON_TOO_DEEP;
 *         WOS_ERR_INVALID_UTF8 (see wos_json_validate()); WOS_ERR_JSON_TOKENS
 *         cap is too small (the text is valid; nothing was written);
 *         WOS_ERR_INVALID_ARG doc or js NULL, tokens NULL with cap > 0, or
 *         len > INT_MAX.
 */
WOS_NODISCARD wos_status wos_json_parse(wos_json *doc, char *js, size_t len, jsmntok_t *tokens, unsigned cap,
                          unsigned *out_needed);

/**
 * @brief Kind of token i.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] i Token index.
 * @return The type, or 0 when doc is NULL or i is out of range.
 */
wos_json_type wos_json_type_of(const wos_json *doc, int i);

/**
 * @brief Index just past the subtree of token i, found without recursion.
 * A key is not a container: skipping a key gives its value's index.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] i Token index.
 * @return The next index; doc->count (or 0 for a NULL doc) when i is out of range.
 */
int wos_json_skip(const wos_json *doc, int i);

/**
 * @brief Number of members of an object or items of an array.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] i Index of an object or array token.
 * @return The count; 0 for any other token or an out-of-range index.
 */
unsigned wos_json_size(const wos_json *doc, int i);

/**
 * @brief Find the member of an object with this key; of duplicate keys the
 * last wins, as JavaScript and Python read JSON. Keys are compared
 * after unescaping (`"a\u0062"` matches "ab") without modifying the text.
 * @param[in] key NUL-terminated UTF-8. @param[out] out_val Set to the value's index on WOS_OK.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] obj Index of the object token.
 * @return WOS_OK; WOS_ERR_NOT_FOUND no such key; WOS_ERR_JSON_SHAPE obj is
 *         not an object (or out of range); WOS_ERR_INVALID_ARG key or out_val NULL.
 */
WOS_NODISCARD wos_status wos_json_member(const wos_json *doc, int obj, const char *key, int *out_val);

/** @brief Position in an object or array; set up with wos_json_iter_init(). */
typedef struct wos_json_iter {
    int next;      /**< Index of the next key (object) or item (array). */
    unsigned left; /**< Members or items still to visit. */
} wos_json_iter;

/**
 * @brief Start iterating over the members of an object or items of an array.
 * @param[out] it The iterator to set up.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] container Index of the object or array token.
 * @return WOS_OK; WOS_ERR_JSON_SHAPE container is not an object or array;
 *         WOS_ERR_INVALID_ARG it is NULL.
 */
WOS_NODISCARD wos_status wos_json_iter_init(wos_json_iter *it, const wos_json *doc, int container);

/**
 * @brief Step to the next member or item.
 * @param[out] out_key Optional; the key's index, or -1 for array items.
 * @param[out] out_val Optional; the value's index.
 * @param[in,out] it Iterator from wos_json_iter_init().
 * @param[in] doc The document it was set up on.
 * @return true with the outputs set; false at the end (outputs untouched).
 */
bool wos_json_iter_next(wos_json_iter *it, const wos_json *doc, int *out_key, int *out_val);

/**
 * @brief Item idx (0-based) of an array.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] arr Index of the array token.
 * @param[in] idx 0-based item number.
 * @param[out] out_val The item's token index on WOS_OK.
 * @return WOS_OK with *out_val; WOS_ERR_NOT_FOUND idx >= size;
 *         WOS_ERR_JSON_SHAPE arr is not an array; WOS_ERR_INVALID_ARG out_val NULL.
 */
WOS_NODISCARD wos_status wos_json_item(const wos_json *doc, int arr, unsigned idx, int *out_val);

/**
 * @brief Decode a string token (a value or a key) in place into UTF-8 and
 * view it. Handles every escape, including `\uXXXX` and surrogate pairs.
 * Idempotent: later calls return the same view without touching the text.
 * On failure the text is left unchanged. The bytes the escapes free up
 * (between the decoded end and the closing quote) are zeroed, so the view
 * covers every byte of the string left in the text.
 * @param[out] out The decoded bytes (not NUL-terminated), inside doc->js.
 * @param[in,out] doc The document; its text is decoded in place.
 * @param[in] i Index of a string token.
 * @return WOS_OK; WOS_ERR_JSON_SHAPE not a string token (or out of range);
 *         WOS_ERR_INVALID_UTF8 a lone surrogate or `\u0000` escape;
 *         WOS_ERR_INVALID_ARG out is NULL.
 */
WOS_NODISCARD wos_status wos_json_string(wos_json *doc, int i, wos_str *out);

/**
 * @brief Read an integer number (no fraction, no exponent; `-0` is 0).
 * @param[out] out Written only on WOS_OK.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] i Index of a number token.
 * @return WOS_OK; WOS_ERR_JSON_SHAPE not a number, or it has a fraction or
 *         an exponent; WOS_ERR_OVERFLOW outside int64_t;
 *         WOS_ERR_INVALID_ARG out is NULL.
 */
WOS_NODISCARD wos_status wos_json_int64(const wos_json *doc, int i, int64_t *out);

/**
 * @brief Read `true` or `false`.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] i Index of a boolean token.
 * @param[out] out The value; written only on WOS_OK.
 * @return WOS_OK; WOS_ERR_JSON_SHAPE not a boolean; WOS_ERR_INVALID_ARG out is NULL.
 */
WOS_NODISCARD wos_status wos_json_bool(const wos_json *doc, int i, bool *out);

/**
 * @brief Whether token i is `null`.
 * @param[in] doc A document parsed by wos_json_parse().
 * @param[in] i Token index.
 * @return true only for a `null` token; false otherwise, or when out of range.
 */
bool wos_json_is_null(const wos_json *doc, int i);

#ifdef __cplusplus
}
#endif
#endif /* WOS_JSON_H */
