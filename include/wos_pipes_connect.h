/* SPDX-License-Identifier: MIT */
/**
 * @file wos_pipes_connect.h
 * @brief The Pipes operations that connect a user's accounts: authorize,
 * credentials, API-key and client-credentials installations, connected
 * accounts, the user's data providers, organization configurations and
 * widget tokens. Sans-I/O like wos_pipes.h (included from there): each
 * operation is a params struct, a request builder over
 * wos_pipes_write_request() and a decoder; results point into the reply's
 * body and tokens, as in wos_pipes.h.
 *
 * Params structs: zero-initialise, then set what you send; a wos_str with
 * ptr NULL is omitted. Path members (slug, user_id, organization id of a
 * path) are required, non-empty UTF-8, never `.` or `..`.
 */
#ifndef WOS_PIPES_CONNECT_H
#define WOS_PIPES_CONNECT_H

#include "wos_pipes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Operations                                                           */
/* ------------------------------------------------------------------ */

extern const wos_pipes_op_desc wos_op_authorize;          /**< POST /data-integrations/{slug}/authorize */
extern const wos_pipes_op_desc wos_op_credentials;        /**< POST /data-integrations/{slug}/credentials */
extern const wos_pipes_op_desc wos_op_api_key;            /**< PUT /data-integrations/{slug}/api-key */
extern const wos_pipes_op_desc wos_op_client_credentials; /**< PUT /data-integrations/{slug}/client-credentials */
extern const wos_pipes_op_desc wos_op_account_get;    /**< GET /user_management/users/{user}/connected_accounts/{slug} */
extern const wos_pipes_op_desc wos_op_account_create; /**< POST (same path) */
extern const wos_pipes_op_desc wos_op_account_update; /**< PUT (same path) */
extern const wos_pipes_op_desc wos_op_account_delete; /**< DELETE (same path) */
extern const wos_pipes_op_desc wos_op_providers;      /**< GET /user_management/users/{user}/data_providers */
extern const wos_pipes_op_desc wos_op_org_configs;    /**< GET /organizations/{org}/data_integration_configurations */
extern const wos_pipes_op_desc wos_op_org_config_set; /**< PUT /organizations/{org}/data_integration_configurations/{slug} */
extern const wos_pipes_op_desc wos_op_widget_token;   /**< POST /widgets/token */

/* ------------------------------------------------------------------ */
/* Request parameters                                                   */
/* ------------------------------------------------------------------ */

/** @brief Parameters of authorize. */
typedef struct wos_authorize_params {
    wos_str slug;            /**< Path: the provider slug. */
    wos_str user_id;         /**< Required. */
    wos_str organization_id; /**< ptr NULL omits. */
    wos_str return_to;       /**< URL to return to after authorization; ptr NULL omits. */
    wos_str_map config;      /**< Connect-time provider config; optional. */
} wos_authorize_params;

/** @brief PUT /data-integrations/{slug}/api-key. */
typedef struct wos_api_key_upsert_params {
    wos_str slug;            /**< Path. */
    wos_str user_id;         /**< Required. */
    wos_str organization_id; /**< ptr NULL omits. */
    wos_str secret;          /**< Required: the provider API key (a secret: wipe the request after use). */
} wos_api_key_upsert_params;

/** @brief PUT /data-integrations/{slug}/client-credentials. */
typedef struct wos_client_credentials_params {
    wos_str slug;            /**< Path. */
    wos_str user_id;         /**< Required. */
    wos_str organization_id; /**< ptr NULL omits. */
    wos_str client_id;       /**< Required. */
    wos_str client_secret;   /**< Required (a secret: wipe the request after use). */
    wos_str_map config;      /**< Optional installation config. */
} wos_client_credentials_params;

/**
 * @brief A user's connected account for a provider: get and delete send
 * the path and query only; create and update also the body members.
 */
typedef struct wos_account_params {
    wos_str user_id;         /**< Path. */
    wos_str slug;            /**< Path. */
    wos_str organization_id; /**< Query `organization_id`; ptr NULL omits. */
    wos_str access_token;    /**< ptr NULL omits (a secret: wipe the request after use). */
    wos_str refresh_token;   /**< ptr NULL omits (a secret). */
    wos_str expires_at;      /**< RFC 3339; ptr NULL omits. */
    wos_str_list scopes;     /**< Omitted or a list (null is refused). */
    wos_str state;           /**< "connected" or "needs_reauthorization"; ptr NULL omits. */
} wos_account_params;

/** @brief GET /user_management/users/{user}/data_providers. */
typedef struct wos_providers_params {
    wos_str user_id;         /**< Path. */
    wos_str organization_id; /**< Query; ptr NULL omits. */
} wos_providers_params;

/** @brief Organization configurations: list sends organization_id only. */
typedef struct wos_org_config_params {
    wos_str organization_id; /**< Path. */
    wos_str slug;            /**< Path (set only). */
    wos_opt_bool enabled;    /**< Optional. */
    wos_str_list scopes;     /**< Omitted, null (inherit the provider's) or a list. */
    wos_str client_id;       /**< ptr NULL omits; goes with client_secret. */
    wos_str client_secret;   /**< ptr NULL omits (a secret: wipe the request after use). */
    wos_str_map config;      /**< Optional. */
} wos_org_config_params;

/** @brief POST /widgets/token; every member optional. */
typedef struct wos_widget_token_params {
    wos_str organization_id; /**< ptr NULL omits. */
    wos_str user_id;         /**< ptr NULL omits. */
    wos_str_list scopes;     /**< Omitted or a list (null is refused). */
} wos_widget_token_params;

/** @brief Request of any operation of this file (typed wrappers below).
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] op The operation (&wos_op_...).
 * @param[in] params The operation's params struct.
 * @param[in] idempotency_key POST only: the Idempotency-Key header; ptr NULL: none.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_op(const wos_pipes_endpoint *ep, wos_pipes_op op,
                                            const void *params, wos_str idempotency_key,
                                            char *buf, size_t cap, size_t *out_len)
{
    wos_pipes_call c = {NULL, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    c.op = op;
    c.params = params;
    c.idempotency_key = idempotency_key;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

/** @brief Request of authorize; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p The operation's parameters.
 * @param[in] idempotency_key POST only: the Idempotency-Key header; ptr NULL: none.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_authorize(
    const wos_pipes_endpoint *ep, const wos_authorize_params *p, wos_str idempotency_key,
    char *buf, size_t cap, size_t *out_len)
{
    return wos_pipes_write_op(ep, &wos_op_authorize, p, idempotency_key, buf, cap, out_len);
}

/** @brief Request of credentials (p->slug names the integration); statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p The operation's parameters.
 * @param[in] idempotency_key POST only: the Idempotency-Key header; ptr NULL: none.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_credentials(
    const wos_pipes_endpoint *ep, const wos_token_params *p, wos_str idempotency_key, char *buf,
    size_t cap, size_t *out_len)
{
    return wos_pipes_write_op(ep, &wos_op_credentials, p, idempotency_key, buf, cap, out_len);
}

/** @brief Request of the API-key upsert; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p The operation's parameters.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_api_key(
    const wos_pipes_endpoint *ep, const wos_api_key_upsert_params *p, char *buf, size_t cap,
    size_t *out_len)
{
    return wos_pipes_write_op(ep, &wos_op_api_key, p, (wos_str)WOS_STR_NULL, buf, cap, out_len);
}

/** @brief Request of the client-credentials upsert; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p The operation's parameters.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_client_credentials(
    const wos_pipes_endpoint *ep, const wos_client_credentials_params *p, char *buf, size_t cap,
    size_t *out_len)
{
    return wos_pipes_write_op(ep, &wos_op_client_credentials, p, (wos_str)WOS_STR_NULL, buf, cap,
                              out_len);
}

/**
 * @brief Request of a connected-account operation: op is &wos_op_account_get,
 * _create (idempotency_key used), _update or _delete; statuses as
 * wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] op The operation (&wos_op_...).
 * @param[in] p The operation's parameters.
 * @param[in] idempotency_key POST only: the Idempotency-Key header; ptr NULL: none.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_account(
    const wos_pipes_endpoint *ep, wos_pipes_op op, const wos_account_params *p,
    wos_str idempotency_key, char *buf, size_t cap, size_t *out_len)
{
    return wos_pipes_write_op(ep, op, p, idempotency_key, buf, cap, out_len);
}

/** @brief Request of the user's data providers; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p The operation's parameters.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_providers(
    const wos_pipes_endpoint *ep, const wos_providers_params *p, char *buf, size_t cap,
    size_t *out_len)
{
    return wos_pipes_write_op(ep, &wos_op_providers, p, (wos_str)WOS_STR_NULL, buf, cap, out_len);
}

/** @brief Request of an organization's configurations (list) or of one (set: op &wos_op_org_config_set).
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] op The operation (&wos_op_...).
 * @param[in] p The operation's parameters.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_org_config(
    const wos_pipes_endpoint *ep, wos_pipes_op op, const wos_org_config_params *p, char *buf,
    size_t cap, size_t *out_len)
{
    return wos_pipes_write_op(ep, op, p, (wos_str)WOS_STR_NULL, buf, cap, out_len);
}

/** @brief Request of a widget token; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p The operation's parameters.
 * @param[in] idempotency_key POST only: the Idempotency-Key header; ptr NULL: none.
 * @param[out] buf Caller buffer; nothing is written past cap; zeroed on failure.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: the request length. WOS_ERR_BUFFER_TOO_SMALL: the exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_widget_token(
    const wos_pipes_endpoint *ep, const wos_widget_token_params *p, wos_str idempotency_key,
    char *buf, size_t cap, size_t *out_len)
{
    return wos_pipes_write_op(ep, &wos_op_widget_token, p, idempotency_key, buf, cap, out_len);
}

/* ------------------------------------------------------------------ */
/* Results                                                              */
/* ------------------------------------------------------------------ */

/** @brief The answer of authorize. */
typedef struct wos_authorize_url {
    wos_str url; /**< The URL to show the user (as a link or QR code). */
} wos_authorize_url;

/** @brief How an account or credential authenticates. */
typedef enum wos_auth_method {
    WOS_AUTH_METHOD_UNKNOWN = 0, /**< Absent, or another string: see the text member. */
    WOS_AUTH_METHOD_OAUTH,       /**< "oauth" */
    WOS_AUTH_METHOD_API_KEY,     /**< "api_key" */
    WOS_AUTH_METHOD_CLIENT_CREDENTIALS /**< "client_credentials" */
} wos_auth_method;

/** @brief The vended credential of an active credentials answer. */
typedef struct wos_credential {
    bool present;               /**< false: none (inactive). */
    wos_str object;             /**< "credential". */
    wos_str auth_method_text;   /**< auth_method as sent. */
    wos_str value;              /**< The secret: wos_credentials_wipe() it after use. */
    wos_opt_str expires_at;     /**< Omitted, null or the RFC 3339 text. */
    wos_strings scopes;         /**< Granted scopes (absent view when not sent). */
    wos_strings missing_scopes; /**< Requested but not granted (absent view when not sent). */
    wos_str_pairs metadata;     /**< client_credentials: non-secret provider fields. */
} wos_credential;

/** @brief Result of credentials. */
typedef struct wos_credentials_result {
    bool active;                 /**< true: credential holds a value. */
    wos_credential credential;   /**< The credential, when active. */
    wos_auth_method auth_method; /**< Parsed credential.auth_method_text. */
    int64_t expires_at_unix;     /**< credential.expires_at as Unix seconds; 0 when not a time. */
    wos_token_reason reason;     /**< Why inactive. */
    wos_str error;               /**< The raw "error" when inactive. */
    char *secret_span_;          /**< Private: raw bytes of the value in the body. */
    size_t secret_span_len_;     /**< Private. */
} wos_credentials_result;

/** @brief State of a connected account. */
typedef enum wos_account_state {
    WOS_ACCOUNT_STATE_UNKNOWN = 0,         /**< Another string: see state_text. */
    WOS_ACCOUNT_CONNECTED,                 /**< "connected" */
    WOS_ACCOUNT_NEEDS_REAUTHORIZATION,     /**< "needs_reauthorization" */
    WOS_ACCOUNT_DISCONNECTED               /**< "disconnected" */
} wos_account_state;

/** @brief A connected account. Members the server may leave out are tristate. */
typedef struct wos_connected_account {
    bool present;                     /**< false: null (in a data provider). */
    wos_str object;                   /**< "connected_account". */
    wos_str id;                       /**< Its id. */
    wos_opt_str user_id;              /**< Null or value. */
    wos_opt_str organization_id;      /**< Null or value. */
    wos_strings scopes;               /**< Granted scopes. */
    wos_opt_str auth_method_text;     /**< Omitted (oauth), or as sent. */
    wos_opt_str api_key_last_4;       /**< Omitted, null or value. */
    wos_opt_str client_id;            /**< Omitted, null or value (client_credentials). */
    wos_opt_str client_secret_last_4; /**< Omitted, null or value (client_credentials). */
    wos_str_pairs config;             /**< Absent view when not sent. */
    wos_str state_text;               /**< state as sent. */
    wos_timestamp created_at;         /**< Creation time. */
    wos_timestamp updated_at;         /**< Last update. */
    wos_account_state state;          /**< Parsed state_text. */
    wos_auth_method auth_method;      /**< Parsed; OAUTH when the member was left out. */
} wos_connected_account;

/** @brief A data provider of a user, with the user's connected account. */
typedef struct wos_data_provider {
    wos_str object;           /**< "data_provider". */
    wos_str id;               /**< Its id. */
    wos_str slug;             /**< Provider slug. */
    wos_str name;             /**< Display name. */
    wos_str description;      /**< Absent when null. */
    wos_str integration_type; /**< Integration type. */
    wos_str credentials_type; /**< e.g. "oauth2". */
    wos_strings scopes;       /**< wos_view_null() when null. */
    wos_strings auth_methods; /**< Absent view when not sent. */
    wos_str ownership;        /**< "userland_user", "organization" or another value. */
    wos_timestamp created_at; /**< Creation time. */
    wos_timestamp updated_at; /**< Last update. */
    wos_connected_account connected_account; /**< present false when null. */
} wos_data_provider;

/** @brief Credentials of an organization configuration (present false when not sent). */
typedef struct wos_org_credentials {
    bool present;                    /**< Sent. */
    wos_str credentials_type;        /**< "shared", "custom", "organization" or another value. */
    bool has_credentials;            /**< The organization supplied credentials. */
    wos_str client_id;               /**< Absent when null. */
    wos_str client_secret_last_four; /**< Absent when null. */
    wos_str redirect_uri;            /**< Redirect URI to register. */
} wos_org_credentials;

/** @brief A data integration configuration of an organization. */
typedef struct wos_org_config {
    wos_str object;           /**< "data_integration_configuration". */
    wos_str id;               /**< Integration id. */
    wos_str organization_id;  /**< The organization. */
    wos_str slug;             /**< Provider slug. */
    wos_str name;             /**< Display name. */
    bool enabled;             /**< Enabled for the organization. */
    wos_strings scopes;       /**< wos_view_null() when null. */
    wos_str_pairs config;     /**< Config in effect. */
    wos_timestamp created_at; /**< Creation time. */
    wos_timestamp updated_at; /**< Last update. */
    wos_org_credentials credentials; /**< When sent. */
} wos_org_config;

/** @brief A list answer ({"data": [...]}); items are read with the typed accessors. */
typedef struct wos_pipes_items {
    wos_json doc;   /**< The parsed body. */
    int data_tok;   /**< The "data" array token. */
    unsigned count; /**< Number of items. */
} wos_pipes_items;

/** @brief The answer of a widget token. */
typedef struct wos_widget_token {
    wos_str token; /**< The token (a secret: wos_secure_zero() its bytes after use). */
} wos_widget_token;

/**
 * @brief Decode the answer of authorize. Statuses, here and below, as
 * wos_pipes_decode_token(); the 400, 404, 409 and 422 answers (with
 * message arrays, or code auth_method_mismatch) are WOS_ERR_HTTP_STATUS
 * with err filled.
 * @param[in,out] r The reply; strings are decoded in place in its body.
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_authorize(wos_pipes_reply *r, wos_authorize_url *out,
                                                    wos_api_error *err);

/** @brief Decode the answer of credentials: active with a credential of any auth_method, or inactive.
 * @param[in,out] r The reply; strings are decoded in place in its body.
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_credentials(wos_pipes_reply *r, wos_credentials_result *out,
                                                      wos_api_error *err);

/** @brief Decode a connected account (api-key, client-credentials, account get/create/update).
 * @param[in,out] r The reply; strings are decoded in place in its body.
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_account(wos_pipes_reply *r, wos_connected_account *out,
                                                  wos_api_error *err);

/** @brief Decode the user's data providers; every item is checked here.
 * @param[in,out] r The reply; strings are decoded in place in its body.
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_providers(wos_pipes_reply *r, wos_pipes_items *out,
                                                    wos_api_error *err);

/** @brief Decode an organization's configurations; every item is checked here.
 * @param[in,out] r The reply; strings are decoded in place in its body.
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_org_configs(wos_pipes_reply *r, wos_pipes_items *out,
                                                      wos_api_error *err);

/** @brief Decode one organization configuration (the answer of set).
 * @param[in,out] r The reply; strings are decoded in place in its body.
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_org_config(wos_pipes_reply *r, wos_org_config *out,
                                                     wos_api_error *err);

/** @brief Decode a widget token.
 * @param[in,out] r The reply; strings are decoded in place in its body.
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_widget_token(wos_pipes_reply *r, wos_widget_token *out,
                                                       wos_api_error *err);

/**
 * @brief Item idx of a providers list.
 * @return WOS_OK; WOS_ERR_NOT_FOUND (idx >= count); WOS_ERR_INVALID_ARG.
 * @param[in] list A list its decoder reported WOS_OK.
 * @param[in] idx Item index, from 0.
 * @param[out] out The result; views into the body (the client's working buffer).
 */
WOS_NODISCARD wos_status wos_provider_item(const wos_pipes_items *list, unsigned idx,
                                           wos_data_provider *out);

/** @brief Item idx of an organization configurations list; statuses as wos_provider_item().
 * @param[in] list A list its decoder reported WOS_OK.
 * @param[in] idx Item index, from 0.
 * @param[out] out The result; views into the body (the client's working buffer).
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_org_config_item(const wos_pipes_items *list, unsigned idx,
                                             wos_org_config *out);

/** @brief Wipe the vended credential's bytes in the body (escapes included) and clear the view.
 * @param[in,out] c The result to wipe; NULL is ignored.
 */
void wos_credentials_wipe(wos_credentials_result *c);

#ifdef __cplusplus
}
#endif
#endif /* WOS_PIPES_CONNECT_H */
