/* SPDX-License-Identifier: MIT */
/**
 * @file wos_sink.h
 * @brief The counting output the request writer and the JSON writer share.
 *
 * Bytes land in the buffer only while they fit; the count always
 * advances, so one pass writes what fits and learns the exact size needed.
 * The members are private (documented for sizeof, as part of
 * wos_json_writer); use the writers' calls.
 */
#ifndef WOS_SINK_H
#define WOS_SINK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A counting output. Private members: see the file comment. */
typedef struct wos_sink {
    char *buf;  /**< Output buffer (may be NULL when cap == 0: measure only). */
    size_t cap; /**< Size of buf in bytes. */
    size_t len; /**< Bytes the output needs so far; may exceed cap; saturates at SIZE_MAX. */
} wos_sink;

#ifdef __cplusplus
}
#endif
#endif /* WOS_SINK_H */
