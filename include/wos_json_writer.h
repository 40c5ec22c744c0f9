/* SPDX-License-Identifier: MIT */
/**
 * @file wos_json_writer.h
 * @brief Streaming JSON writer (RFC 8259) into a caller buffer, no heap.
 *
 * Build a document with a sequence of calls, then ask wos_jw_finish() for
 * the result. The calls return nothing: every problem is recorded in the
 * writer and reported once by wos_jw_finish(), so request builders can write
 * a whole body without checking each step.
 *
 * Output is compact (no whitespace) and is NOT NUL-terminated.
 *
 * Size: when the buffer is too small the writer keeps going and counting, so
 * wos_jw_finish() reports the exact size needed; the buffer then holds the
 * first `cap` bytes of the output and nothing is written past it. With
 * `buf == NULL, cap == 0` the writer only measures.
 *
 * Strings and keys: the bytes must be valid UTF-8 (shortest form, no
 * surrogates, at most U+10FFFF) and are copied unchanged, except:
 * `"` -> `\"`, `\` -> `\\`, 0x08/0x09/0x0A/0x0C/0x0D -> `\b` `\t` `\n` `\f`
 * `\r`, every other byte below 0x20 -> `\u00xx` (lowercase hex). `/` and
 * DEL (0x7F) are not escaped. This matches JSON.stringify and Python's
 * json.dumps(ensure_ascii=False), so their output can serve as a reference.
 *
 * Errors: the first misuse, NULL argument or invalid string is stored and
 * is sticky (later calls do nothing); the buffer then holds an unspecified
 * partial document (still nothing past `cap`). A too-small buffer is not an
 * error of the writer: wos_jw_finish() concludes it only when no other error
 * occurred, so a too-small buffer followed by misuse reports the misuse.
 * The nesting limit is 64 levels (one bit of `kinds` each), independent of
 * WOS_JSON_MAX_DEPTH, which limits the reader.
 */
#ifndef WOS_JSON_WRITER_H
#define WOS_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wos_sink.h"
#include "wos_status.h"
#include "wos_str.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Deepest nesting of objects and arrays the writer accepts. */
#define WOS_JW_MAX_DEPTH 64u

/**
 * @brief Writer state. The fields are private and documented for sizeof
 * only; use the wos_jw_* functions.
 */
typedef struct wos_json_writer {
    wos_sink out;     /**< Caller buffer, its size, and the bytes the output needs so far. */
    wos_status err;   /**< First error; sticky: later calls do nothing. */
    uint64_t kinds;   /**< Bit per nesting level, innermost in bit 0: 1 = object, 0 = array. */
    uint8_t depth;    /**< Open containers. */
    uint8_t flags;    /**< State of the innermost level: value written, key pending. */
} wos_json_writer;

/**
 * @brief Start a document.
 * @param[out] w The writer; NULL is ignored.
 * @param[out] buf Output buffer, or NULL with cap 0 to only measure. A NULL buf
 *        with cap > 0 records WOS_ERR_INVALID_ARG.
 * @param[in] cap Size of buf in bytes.
 */
void wos_jw_init(wos_json_writer *w, char *buf, size_t cap);

/*
 * The calls below record their error in w (see wos_jw_finish) and ignore a
 * NULL w. "Value" calls (begin, string, int, bool, null) are WOS_ERR_STATE
 * in an object unless a key is pending, and after the top-level value.
 */

/**
 * @brief Write `{` as a value.
 * Records WOS_ERR_STATE where no value may come, or beyond
 * WOS_JW_MAX_DEPTH open containers.
 * @param[in,out] w The writer; NULL is ignored.
 */
void wos_jw_object_begin(wos_json_writer *w);

/**
 * @brief Write `}`.
 * Records WOS_ERR_STATE when the innermost open container is not an object
 * or a key is still waiting for its value.
 * @param[in,out] w The writer; NULL is ignored.
 */
void wos_jw_object_end(wos_json_writer *w);

/**
 * @brief Write `[` as a value.
 * Records WOS_ERR_STATE where no value may come, or beyond
 * WOS_JW_MAX_DEPTH open containers.
 * @param[in,out] w The writer; NULL is ignored.
 */
void wos_jw_array_begin(wos_json_writer *w);

/**
 * @brief Write `]`.
 * Records WOS_ERR_STATE when the innermost open container is not an array.
 * @param[in,out] w The writer; NULL is ignored.
 */
void wos_jw_array_end(wos_json_writer *w);

/**
 * @brief Write a member name and `:`; the name is escaped like a string.
 * Records WOS_ERR_INVALID_ARG when `key.ptr` is NULL, WOS_ERR_STATE outside
 * an object or when the previous key has no value yet, WOS_ERR_INVALID_UTF8
 * when the key is not valid UTF-8.
 * @param[in,out] w The writer; NULL is ignored.
 * @param[in] key The member name (UTF-8).
 */
void wos_jw_key(wos_json_writer *w, wos_str key);

/**
 * @brief wos_jw_key() for a NUL-terminated key.
 * Records WOS_ERR_INVALID_ARG when key is NULL, else as wos_jw_key().
 * @param[in,out] w The writer; NULL is ignored.
 * @param[in] key The member name, NUL-terminated UTF-8.
 */
void wos_jw_key_c(wos_json_writer *w, const char *key);

/**
 * @brief Write a string value; `s.ptr == NULL` writes `null`.
 * Records WOS_ERR_STATE where no value may come, WOS_ERR_INVALID_UTF8 when
 * s is not valid UTF-8.
 * @param[in,out] w The writer; NULL is ignored.
 * @param[in] s The value (UTF-8), or an absent view for `null`.
 */
void wos_jw_string(wos_json_writer *w, wos_str s);

/**
 * @brief Write an integer in decimal; the whole int64 range, INT64_MIN too.
 * Records WOS_ERR_STATE where no value may come.
 * @param[in,out] w The writer; NULL is ignored.
 * @param[in] v The value.
 */
void wos_jw_int(wos_json_writer *w, int64_t v);

/**
 * @brief Write `true` or `false`.
 * Records WOS_ERR_STATE where no value may come.
 * @param[in,out] w The writer; NULL is ignored.
 * @param[in] v The value.
 */
void wos_jw_bool(wos_json_writer *w, bool v);

/**
 * @brief Write `null`.
 * Records WOS_ERR_STATE where no value may come.
 * @param[in,out] w The writer; NULL is ignored.
 */
void wos_jw_null(wos_json_writer *w);

/**
 * @brief Conclude the document.
 * May be called more than once; it does not change the writer.
 * @param[in] w The writer.
 * @param[out] out_len See the return values; 0 for every other status.
 * @return WOS_OK: `*out_len` bytes were written to the buffer (no NUL).
 * @return WOS_ERR_BUFFER_TOO_SMALL: `*out_len` is the exact size needed; the
 *         buffer holds the first `cap` bytes of the output.
 * @return WOS_ERR_INVALID_UTF8: a string or key was not valid UTF-8.
 * @return WOS_ERR_STATE: misuse: a value in an object without a key, a key
 *         outside an object, unbalanced begin/end, nesting deeper than
 *         WOS_JW_MAX_DEPTH, a second top-level value, or nothing written.
 * @return WOS_ERR_INVALID_ARG: w or out_len NULL, a NULL key, or a NULL
 *         buffer with a non-zero capacity.
 * @return WOS_ERR_OVERFLOW: the output size does not fit in size_t.
 * Errors other than BUFFER_TOO_SMALL are the first one that occurred.
 */
WOS_NODISCARD wos_status wos_jw_finish(const wos_json_writer *w, size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif /* WOS_JSON_WRITER_H */
