/* SPDX-License-Identifier: MIT */
/**
 * @file wos_client.h
 * @brief The client: runs each Pipes operation end to end with one call
 * (build, send, receive, decode), over a caller-supplied transport, with
 * keep-alive, deadlines and retries. It owns no memory: one working buffer
 * (shared by request and response) and one jsmn token array, both the
 * caller's, plus the wos_client struct itself.
 *
 * Results point into the working buffer and token array and stay valid
 * until the next call on the same client.
 */
#ifndef WOS_CLIENT_H
#define WOS_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wos_config.h"
#include "wos_http_parser.h"
#include "wos_pipes.h"
#include "wos_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Retry policy. wos_client_config_init() sets the defaults. */
typedef struct wos_retry_policy {
    uint8_t max_retries;        /**< Retries after the first attempt; 0 disables. Default 3. */
    uint32_t backoff_base_ms;   /**< First backoff; doubles each retry. Default 500. */
    uint32_t backoff_cap_ms;    /**< Largest backoff. Default 8000. */
    uint32_t retry_after_cap_s; /**< Largest Retry-After honoured. Default 60. */
} wos_retry_policy;

/** @brief Client configuration. Start from wos_client_config_init(). */
typedef struct wos_client_config {
    const char *base_url;         /**< NULL: WOS_DEFAULT_BASE_URL. "https://host[:port]" or, with allow_plain_http, "http://...". */
    bool allow_plain_http;        /**< Must be true for an http:// base URL (loopback tests only). */
    wos_str api_key;              /**< "sk_..."; must outlive the client. */
    wos_transport transport;      /**< TLS transport for https (plain TCP only for http://). */
    const wos_platform *platform; /**< Clock, entropy, sleep. */
    char *buf;                    /**< Working buffer: request, then response. */
    size_t buf_cap;               /**< Its size. */
    jsmntok_t *tokens;            /**< Token array for response bodies. */
    unsigned token_cap;           /**< Its size. */
    uint32_t timeout_ms;          /**< Per attempt: connect, TLS, send, whole response. Default 60000. */
    uint32_t overall_timeout_ms;  /**< Whole call including retries and backoff; 0: none. */
    size_t max_header_bytes;      /**< Response header limit; 0: WOS_HTTP_MAX_HEADER_BYTES. */
    wos_retry_policy retry;       /**< Retry policy. */
} wos_client_config;

/**
 * @brief Per-call options; NULL options mean the client's settings. Start
 * from wos_call_options_init(): a zeroed struct means "no retries".
 */
typedef struct wos_call_options {
    int retries;             /**< -1: client policy; 0..255: retries for this call. */
    wos_str idempotency_key; /**< POST: ptr NULL generates a UUIDv4, identical on every retry. */
    uint32_t timeout_ms;     /**< 0: client setting. */
    uint32_t overall_timeout_ms; /**< 0: client setting. */
} wos_call_options;

/** @brief What happened during a call, beyond its status. */
typedef struct wos_call_info {
    wos_api_error api;        /**< Filled on WOS_ERR_HTTP_STATUS. */
    size_t buffer_needed;     /**< On WOS_ERR_BUFFER_TOO_SMALL: bytes the working buffer needs (0: unknown). */
    unsigned tokens_needed;   /**< On WOS_ERR_JSON_TOKENS: tokens needed. */
    unsigned attempts;        /**< Attempts made: 1 + retries, plus one when a stale kept-alive connection was reopened. */
    bool reused_connection;   /**< The last attempt ran on a kept-alive connection. */
    bool resent_write;        /**< A create, update or delete was sent again after an attempt that may have reached the server (answer lost, or a 5xx). */
    char idempotency_key[37]; /**< The key sent (POST), NUL-terminated, or empty. */
    /** The last answer's Date header, trimmed; ptr NULL when absent or no
     *  answer. A view into the client's buffer, valid until its next call;
     *  read it with wos_time_parse_http_date() when needed (a token cache
     *  does), which costs most calls nothing. */
    wos_str date;
} wos_call_info;

/** @brief A client. Private fields; lives in caller memory. */
typedef struct wos_client {
    wos_client_config cfg;  /**< Copy of the configuration. */
    char host[WOS_HOST_MAX + 1]; /**< Host of the base URL, NUL-terminated. */
    wos_pipes_endpoint ep;  /**< Private: host (a view of host), port, tls and API key of every request. */
    bool connected;         /**< A connection is open. */
    wos_http_parser parser; /**< Response parser of the current call; here rather than on the stack. */
    wos_call_info info;     /**< What a call reports when its caller passes no info. */
    wos_pager pager;        /**< The walk of wos_client_list_all(); here rather than on the stack. */
    wos_pipes_call call_;   /**< Private: the call being run, with its idempotency key; here rather than on the stack. */
    wos_pipes_reply reply_; /**< Private: the reply being decoded; here rather than on the stack. */
} wos_client;

/** @brief Fill cfg with the defaults (zeroes elsewhere).
 * @param[out] cfg The configuration to fill.
 */
void wos_client_config_init(wos_client_config *cfg);

/** @brief Options that change nothing: client retry policy, fresh idempotency key, client timeouts.
 * @param[out] opts The options to fill.
 */
void wos_call_options_init(wos_call_options *opts);

/**
 * @brief Set up a client. Opens no connection.
 * @param[out] c The client to set up; keep it at a fixed address while in use.
 * @param[in] cfg The configuration; copied (the buffers, API key and base URL it points to must outlive the client).
 * @return WOS_OK; WOS_ERR_INVALID_ARG (bad or unsupported base URL, http://
 *         without allow_plain_http, missing buffer, tokens, platform,
 *         transport or API key, API key with a control byte or DEL);
 *         WOS_ERR_BUFFER_TOO_SMALL (host longer than WOS_HOST_MAX).
 *
 * Example:
 * @snippet api_snippets.c client_setup
 */
WOS_NODISCARD wos_status wos_client_init(wos_client *c, const wos_client_config *cfg);

/** @brief Close the connection, if any. The client can be used again.
 * @param[in,out] c The client; NULL is ignored.
 */
void wos_client_close(wos_client *c);

/**
 * @defgroup wos_client_calls Client calls
 * @brief One call per Pipes operation. info and opts may be NULL.
 *
 * Every call returns:
 * - WOS_OK: the result is in out (a token call also when inactive).
 * - WOS_ERR_HTTP_STATUS: a non-2xx answer after any retries; see info->api.
 * - WOS_ERR_BUFFER_TOO_SMALL: the request or the response does not fit the
 *   working buffer; info->buffer_needed is the size needed (0: unknown, or
 *   for wos_client_list_all() a cursor over WOS_PAGER_CURSOR_MAX). The
 *   connection is closed cleanly and the next call works.
 * - WOS_ERR_JSON_TOKENS: too few tokens; info->tokens_needed.
 * - WOS_ERR_TIMEOUT, WOS_ERR_NETWORK, WOS_ERR_CLOSED, WOS_ERR_TLS,
 *   WOS_ERR_CERT_REJECTED: from the transport, after any retries.
 * - WOS_ERR_HTTP_MALFORMED, WOS_ERR_HTTP_FRAMING,
 *   WOS_ERR_HTTP_HEADERS_TOO_LARGE: the response is not valid HTTP/1.1.
 * - WOS_ERR_JSON_MALFORMED, WOS_ERR_JSON_TOO_DEEP, WOS_ERR_JSON_SHAPE,
 *   WOS_ERR_INVALID_UTF8, WOS_ERR_INVALID_TIME: a 2xx body is not the
 *   expected shape.
 * - A 2xx body that fails to decode (any of the JSON statuses above,
 *   WOS_ERR_JSON_TOKENS included) is zeroed in the working buffer before
 *   the call returns: it may hold a secret, such as an access token, that
 *   no result points to. (The decoders of wos_pipes.h leave a body to its
 *   owner, who may decode it again with more tokens; wos_secure_zero() it.)
 * - WOS_ERR_CREATE_UNCONFIRMED: a create resent after a 5xx was answered
 *   409: the first attempt probably created it (get it to confirm);
 *   info->api holds the 409.
 * - WOS_ERR_STATE: the platform gave no entropy for an idempotency key.
 *
 * Resending (within the retry budget and the deadlines): every operation
 * is resent after a 408, 429 or 5xx answer, and after a transport failure
 * before its request was fully sent. After a fully sent request whose
 * answer was lost, reads (token, list, get), update (a PUT with the same
 * body is safe to repeat) and delete are resent; a create is not (the
 * server does not de-duplicate POSTs). When a write was resent after an
 * attempt that may have done the work (answer lost, or a 5xx;
 * info->resent_write), a delete answered 404 reports WOS_OK (attempts > 1)
 * and a create answered 409 reports WOS_ERR_CREATE_UNCONFIRMED.
 * - WOS_ERR_INVALID_ARG: a NULL client, params or result, a request the
 *   Pipes layer refuses (see wos_pipes_write_request()), or a caller
 *   idempotency key longer than 36 bytes. Refused before anything is sent.
 * @{
 */

/**
 * @brief Run any operation: build, send, receive, decode.
 * @param[in,out] c    The client.
 * @param[in] call The operation and its parameters (its idempotency_key is
 *             ignored: opts carries the caller's key).
 * @param[in] opts NULL: the client's settings.
 * @param[out] out The result, of the type the operation decodes to:
 *             wos_access_token (token), wos_data_integration (create, get,
 *             update), wos_integration_page (list); NULL for delete.
 * @param[out] info May be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD wos_status wos_client_call(wos_client *c, const wos_pipes_call *call,
                           const wos_call_options *opts, void *out, wos_call_info *info);

/*
 * The typed calls below are static inline wrappers of wos_client_call():
 * firmware pays for the ones it uses only.
 */

/** @brief Get an access token (retried like a read: it only reads). See @ref wos_client_calls.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p Which token: slug, user, optional organization.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The token; inactive tokens are WOS_OK with `active` false. Views into the working buffer.
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 *
 * Example:
 * @snippet api_snippets.c get_token
 */
WOS_NODISCARD static inline wos_status wos_client_get_token(wos_client *c, const wos_token_params *p,
                                              const wos_call_options *opts, wos_access_token *out,
                                              wos_call_info *info)
{
    wos_pipes_call call = {WOS_OP_TOKEN, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    call.token = p;
    return wos_client_call(c, &call, opts, out, info);
}

/** @brief Create a data integration (201). See @ref wos_client_calls.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The new data integration's fields.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The created data integration.
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 *
 * Example:
 * @snippet api_snippets.c crud
 */
WOS_NODISCARD static inline wos_status wos_client_create(wos_client *c, const wos_integration_params *p,
                                           const wos_call_options *opts,
                                           wos_data_integration *out, wos_call_info *info)
{
    wos_pipes_call call = {WOS_OP_CREATE, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    call.fields = p;
    return wos_client_call(c, &call, opts, out, info);
}

/** @brief List one page (p may be NULL). See @ref wos_client_calls.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p Filters, order and page cursor; NULL: the first page with the server's defaults.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The page.
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_list(wos_client *c, const wos_list_params *p,
                                         const wos_call_options *opts, wos_integration_page *out,
                                         wos_call_info *info)
{
    wos_pipes_call call = {WOS_OP_LIST, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    call.list = p;
    return wos_client_call(c, &call, opts, out, info);
}

/** @brief Get a data integration by slug. See @ref wos_client_calls.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] slug The data integration's slug.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The data integration.
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_get(wos_client *c, wos_str slug, const wos_call_options *opts,
                                        wos_data_integration *out, wos_call_info *info)
{
    wos_pipes_call call = {WOS_OP_GET, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    call.slug = slug;
    return wos_client_call(c, &call, opts, out, info);
}

/** @brief Update a data integration (partial). See @ref wos_client_calls.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] slug The data integration's slug.
 * @param[in] p The fields to change; absent fields are left alone.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The updated data integration.
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_update(wos_client *c, wos_str slug,
                                           const wos_integration_params *p,
                                           const wos_call_options *opts,
                                           wos_data_integration *out, wos_call_info *info)
{
    wos_pipes_call call = {WOS_OP_UPDATE, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    call.slug = slug;
    call.fields = p;
    return wos_client_call(c, &call, opts, out, info);
}

/** @brief Delete a data integration (204). See @ref wos_client_calls.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] slug The data integration's slug.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_delete(wos_client *c, wos_str slug,
                                           const wos_call_options *opts, wos_call_info *info)
{
    wos_pipes_call call = {WOS_OP_DELETE, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    call.slug = slug;
    return wos_client_call(c, &call, opts, NULL, info);
}

/**
 * @brief Called with each page of a walk; the page is valid only during the call.
 * @param[in] ctx The ctx given to wos_client_list_all().
 * @param[in] page The page; its views are valid only during the call.
 * @return WOS_OK to go on; anything else stops the walk and is returned.
 */
typedef wos_status (*wos_page_fn)(void *ctx, wos_integration_page *page);

/**
 * @brief Walk every page, following list_metadata.after (before for order
 * "normal"); info describes the last page's call. See @ref wos_client_calls;
 * also returns whatever on_page returns other than WOS_OK.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p Filters and order of the walk; NULL: the server's defaults.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[in] on_page Called once per page, in order.
 * @param[in] ctx Passed to on_page unchanged.
 * @param[out] info The last page's call; may be NULL.
 * @return See @ref wos_client_calls; or what on_page returned, when not WOS_OK.
 *
 * Example:
 * @snippet api_snippets.c list_all
 */
WOS_NODISCARD wos_status wos_client_list_all(wos_client *c, const wos_list_params *p,
                               const wos_call_options *opts, wos_page_fn on_page, void *ctx,
                               wos_call_info *info);

/** @} */

#ifdef __cplusplus
}
#endif

#include "wos_client_connect.h"

#endif /* WOS_CLIENT_H */
