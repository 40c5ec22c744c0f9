/* SPDX-License-Identifier: MIT */
/**
 * @file wos_str.h
 * @brief String views: every string the library hands out is a {ptr, len}
 * pair that points into a caller-owned buffer. Views are not NUL-terminated
 * and stay valid only while that buffer is neither reused nor freed.
 */
#ifndef WOS_STR_H
#define WOS_STR_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A string view. `ptr == NULL` means "absent" (distinct from empty). */
typedef struct wos_str {
    const char *ptr; /**< First byte, or NULL when the string is absent. */
    size_t len;      /**< Length in bytes. */
} wos_str;

/** @brief A view of a string literal, e.g. `WOS_STR_LIT("github")`. */
#define WOS_STR_LIT(s) { (s), sizeof(s) - 1u }

/** @brief The absent string (`ptr == NULL`). */
#define WOS_STR_NULL { NULL, 0u }

/**
 * @brief View a NUL-terminated string.
 * @param[in] s A C string, or NULL for the absent view.
 * @return The view; never fails.
 */
wos_str wos_str_c(const char *s);

/**
 * @brief Compare a view with a NUL-terminated string, byte for byte.
 * @param[in] a The view.
 * @param[in] s A NUL-terminated string, or NULL (equal to nothing).
 * @return true when both have the same bytes; an absent view equals nothing.
 */
bool wos_str_eq(wos_str a, const char *s);

/**
 * @brief Compare two views, ASCII case-insensitively.
 * @param[in] a One view.
 * @param[in] b The other view.
 * @return true when equal ignoring ASCII case; absent views equal nothing.
 */
bool wos_str_ieq(wos_str a, wos_str b);

#ifdef __cplusplus
}
#endif
#endif /* WOS_STR_H */
