/* SPDX-License-Identifier: MIT */
/**
 * @file wos_token_cache.h
 * @brief A token cache in caller memory: one entry per (slug, user,
 * organization), handed out until it is within a margin of its expiry,
 * then refreshed through the client.
 *
 * Expiry is anchored without a real-time clock: `expires_at` minus the
 * answer's `Date` header is the lifetime left, counted from the port's
 * monotonic clock when the answer arrived. Without a `Date` header the
 * platform's wall clock (if any) stands in; with neither, the token is
 * handed out but not cached. A token whose expires_at is null is cached
 * until invalidated. Inactive answers are never cached.
 */
#ifndef WOS_TOKEN_CACHE_H
#define WOS_TOKEN_CACHE_H

#include "wos_client.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief One cached token. Private; zero-initialised storage is an empty entry. */
typedef struct wos_token_cache_entry {
    uint64_t refresh_ms_;                 /**< Private: when to refresh (expiry minus the margin) on
                                               the monotonic clock; 0: empty; UINT64_MAX: never
                                               (expires_at was null). */
    char key_[3][WOS_TOKEN_CACHE_ID_MAX]; /**< Private: slug, user, organization. */
    uint8_t key_len_[3];                  /**< Private: their lengths (org: 0 when none). */
    uint16_t token_len_;                  /**< Private. */
    char token_[WOS_TOKEN_CACHE_TOKEN_MAX]; /**< Private: the token (a secret). */
} wos_token_cache_entry;

/** @brief The cache: entries the caller owns. */
typedef struct wos_token_cache {
    wos_token_cache_entry *entries; /**< The caller's entries. */
    unsigned count;                 /**< How many. */
    uint32_t margin_s;              /**< Refresh this long before expiry (read when a token is stored). */
    wos_access_token fresh_;        /**< Private: the answer of a refresh (caller memory, not stack). */
    wos_str key_[3];                /**< Private: the key of the call in progress. */
    wos_token_cache_entry *fill_;   /**< Private: the entry its fresh token goes to (NULL: not keyable). */
} wos_token_cache;

/** @brief What a get handed out. */
typedef struct wos_cached_token {
    bool active;             /**< false: the server said inactive (see reason); nothing cached. */
    wos_token_reason reason; /**< Why inactive. */
    wos_str token;           /**< The token: in the cache entry when cached, else in the client's buffer. */
    bool hit;                /**< Served from the cache, no call made. */
    bool cached;             /**< The token is (now) in the cache. */
} wos_cached_token;

/**
 * @brief Set up a cache over entries (all wiped).
 * @param[out] cache The cache.
 * @param[in] entries Caller memory for count entries.
 * @param[in] count How many entries (at least 1).
 * @param[in] margin_s Refresh margin in seconds; 0: WOS_TOKEN_CACHE_MARGIN_S.
 * @return WOS_OK; WOS_ERR_INVALID_ARG.
 */
WOS_NODISCARD wos_status wos_token_cache_init(wos_token_cache *cache, wos_token_cache_entry *entries,
                                              unsigned count, uint32_t margin_s);

/**
 * @brief The token for p: the cached one while it is more than the margin
 * from expiry, else a fresh one from wos_client_get_token() (cached when
 * its expiry can be anchored; the entry refreshed or, when full, the one
 * nearest its expiry replaced).
 * @param[in,out] cache The cache.
 * @param[in,out] c The client (its platform clock times the entries).
 * @param[in] p Slug, user, optional organization (the other members are sent, not keyed).
 * @param[in] opts As wos_client_get_token().
 * @param[out] out The token. Valid until the entry is refreshed, invalidated or
 *             wiped (cached), or the client's next call (not cached).
 * @param[out] info As wos_client_get_token(); may be NULL. Untouched on a hit.
 * @return As wos_client_get_token(); WOS_ERR_INVALID_ARG for NULL arguments.
 */
WOS_NODISCARD wos_status wos_token_cache_get(wos_token_cache *cache, wos_client *c,
                                             const wos_token_params *p,
                                             const wos_call_options *opts, wos_cached_token *out,
                                             wos_call_info *info);

/**
 * @brief Wipe the entry of (slug, user, organization), e.g. after the
 * provider answered 401 to the token.
 * @param[in,out] cache The cache.
 * @param[in] p Slug, user, optional organization.
 */
void wos_token_cache_invalidate(wos_token_cache *cache, const wos_token_params *p);

/**
 * @brief Wipe every entry (the tokens are secrets).
 * @param[in,out] cache The cache.
 */
void wos_token_cache_wipe(wos_token_cache *cache);

#ifdef __cplusplus
}
#endif
#endif /* WOS_TOKEN_CACHE_H */
