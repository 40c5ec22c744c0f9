/* SPDX-License-Identifier: MIT */
/* UTF-8 helpers shared by the JSON writer (validation) and reader (\u escapes). Internal. */
#ifndef WOS_UTF8_H
#define WOS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Length of the valid UTF-8 sequence starting at s[0] (1..4), or 0 when the
 * bytes at s are not a valid, shortest-form sequence of a scalar value
 * (overlongs, surrogates, > U+10FFFF and truncated sequences are invalid).
 */
size_t wos_utf8_seq_len(const uint8_t *s, size_t avail);

/* Whether s[0..n) is all valid UTF-8; printable ASCII is passed over a word at a time. */
bool wos_utf8_valid(const uint8_t *s, size_t n);

/* Encode a Unicode scalar value (not a surrogate, <= U+10FFFF) into out;
 * returns the byte count 1..4, or 0 for an invalid code point. */
size_t wos_utf8_encode(uint32_t cp, uint8_t out[4]);

/*
 * Length of the run at the start of s[0..n) of bytes a JSON string holds
 * as they are: printable ASCII (0x20..0x7F) other than `"` and `\`. Such
 * runs are most of any text, so the JSON writer and validator copy or skip
 * them whole instead of byte by byte.
 */
size_t wos_json_plain(const uint8_t *s, size_t n);

#endif
