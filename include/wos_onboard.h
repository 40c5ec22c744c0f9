/* SPDX-License-Identifier: MIT */
/**
 * @file wos_onboard.h
 * @brief Device onboarding, a small state machine over the client driven
 * by the caller's loop: authorize, hand the URL to the caller to show (a
 * link or a QR code), poll the user's connected account at an interval
 * until its state is `connected` or a deadline passes, then fetch the
 * token. Each wos_onboard_step() makes at most one call; it sleeps only
 * when asked to.
 */
#ifndef WOS_ONBOARD_H
#define WOS_ONBOARD_H

#include "wos_client.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Where onboarding stands. */
typedef enum wos_onboard_state {
    WOS_ONBOARD_AUTHORIZE = 0, /**< Next step: get the authorize URL. */
    WOS_ONBOARD_SHOW_URL,      /**< Show wos_onboard_url() to the user, then step on. */
    WOS_ONBOARD_WAIT,          /**< Waiting for the user; the next poll is due at due_ms (port clock). */
    WOS_ONBOARD_TOKEN,         /**< Connected; next step: fetch the token. */
    WOS_ONBOARD_DONE,          /**< The token answer is in token (active or not). */
    WOS_ONBOARD_TIMED_OUT,     /**< The wait ended before the account was connected. */
    WOS_ONBOARD_FAILED         /**< A call failed: see the step's status and info. */
} wos_onboard_state;

/** @brief The state machine; lives in caller memory. Fields are read-only for the caller. */
typedef struct wos_onboard {
    wos_onboard_state state;          /**< Where it stands. */
    wos_authorize_params authorize;   /**< What wos_onboard_init() was given. */
    wos_account_params account;       /**< The account polled (same slug, user, organization). */
    wos_token_params token_params;    /**< The token fetched at the end. */
    uint32_t poll_ms;                 /**< Interval between polls. */
    uint32_t wait_ms;                 /**< How long to wait for the user. */
    uint64_t deadline_ms;             /**< End of the wait, port clock. */
    uint64_t due_ms;                  /**< Next poll, port clock. */
    unsigned polls;                   /**< Polls made. */
    char url[WOS_ONBOARD_URL_MAX];    /**< The authorize URL, NUL-terminated. */
    size_t url_len;                   /**< Its length. */
    size_t url_needed;                /**< After WOS_ERR_BUFFER_TOO_SMALL from the authorize step: the WOS_ONBOARD_URL_MAX the URL needs (its length + 1). */
    wos_account_state last_state;     /**< The account's state at the last poll (UNKNOWN: none yet). */
    union {
        wos_authorize_url url;        /**< Scratch of the authorize call. */
        wos_connected_account account; /**< Scratch of a poll. */
    } scratch;                        /**< Results of the calls (caller memory, not stack). */
    wos_access_token token;           /**< The token answer, in WOS_ONBOARD_DONE (views into the client's buffer). */
} wos_onboard;

/**
 * @brief Start onboarding.
 * @param[out] o The state machine.
 * @param[in] p Slug, user, optional organization, return_to and config (copied; the views must outlive o).
 * @param[in] poll_ms Interval between polls; 0: 2000.
 * @param[in] wait_ms How long to wait for the user; 0: 300000.
 * @return WOS_OK; WOS_ERR_INVALID_ARG (NULL, or no slug or user).
 */
WOS_NODISCARD wos_status wos_onboard_init(wos_onboard *o, const wos_authorize_params *p,
                                          uint32_t poll_ms, uint32_t wait_ms);

/**
 * @brief Take one step: at most one call. In WOS_ONBOARD_WAIT before the
 * next poll is due it returns at once, or (sleep true) sleeps until then
 * through the platform first. A poll answered 404 (no account yet) or with
 * a state other than `connected` keeps waiting.
 * @param[in,out] o The state machine.
 * @param[in,out] c The client.
 * @param[in] sleep Whether a step that is not due may sleep until it is.
 * @param[out] info The call's info; may be NULL.
 * @return The call's status (WOS_OK when no call was made); on a failure
 *         other than a poll's 404 the state is WOS_ONBOARD_FAILED.
 *         WOS_ERR_BUFFER_TOO_SMALL from the authorize step: the URL does
 *         not fit WOS_ONBOARD_URL_MAX; o->url_needed is the value it needs.
 */
WOS_NODISCARD wos_status wos_onboard_step(wos_onboard *o, wos_client *c, bool sleep,
                                          wos_call_info *info);

/**
 * @brief The authorize URL (from WOS_ONBOARD_SHOW_URL on).
 * @param[in] o The state machine.
 * @return The URL; absent before it is known.
 */
wos_str wos_onboard_url(const wos_onboard *o);

#ifdef __cplusplus
}
#endif
#endif /* WOS_ONBOARD_H */
