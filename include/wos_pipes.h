/* SPDX-License-Identifier: MIT */
/**
 * @file wos_pipes.h
 * @brief The Pipes API layer: each operation as a request builder into a
 * caller buffer and a response decoder into a caller struct. No I/O: use it
 * with any HTTP stack (esp_http_client, Zephyr http_client, a modem's AT
 * HTTP), or through the client of wos_client.h.
 *
 * Lifetime of results: every wos_str, list and map in a result points into
 * the response body buffer and the token array the caller passed in the
 * wos_pipes_reply. They stay valid until either is reused or freed.
 * Decoders rewrite JSON strings in place (escapes are decoded into the same
 * bytes), so the body buffer must be writable. Of duplicate members of an
 * object the last wins, top-level and nested, as JavaScript, Python and the
 * official SDKs read JSON; where the member holds a secret (a token's
 * `access_token`, a credential and its `value`) the earlier copies, which
 * no result points to, are zeroed in the body while decoding, so the wipe
 * of the result leaves none of them behind.
 */
#ifndef WOS_PIPES_H
#define WOS_PIPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wos_config.h"
#include "wos_json.h"
#include "wos_status.h"
#include "wos_str.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Request side                                                         */
/* ------------------------------------------------------------------ */

/** @brief Where requests go and how they authenticate. */
typedef struct wos_pipes_endpoint {
    wos_str host;    /**< e.g. "api.workos.com" (Host header). */
    uint16_t port;   /**< TCP port; omitted from Host when 443 (tls) or 80. */
    bool tls;        /**< https (true) or http. */
    wos_str api_key; /**< "sk_..."; sent as a Bearer token, never logged. */
} wos_pipes_endpoint;

/** @brief Omitted, explicit JSON null, or a value. */
typedef enum wos_tristate {
    WOS_OMIT = 0, /**< Not sent: the server keeps its value (zero-initialised default). */
    WOS_NULL,     /**< Sent as null: resets to the provider default. */
    WOS_SET       /**< Sent with the value. */
} wos_tristate;

/** @brief A nullable string field of a request. */
typedef struct wos_opt_str {
    wos_tristate state; /**< Omitted, null or value. */
    wos_str value;      /**< The value when state is WOS_SET. */
} wos_opt_str;

/** @brief An optional boolean field of a request. */
typedef struct wos_opt_bool {
    bool set;   /**< false: omitted. */
    bool value; /**< The value when set. */
} wos_opt_bool;

/** @brief A list of strings in a request; WOS_NULL only where the API allows null. */
typedef struct wos_str_list {
    wos_tristate state;   /**< Omitted, null or value. */
    const wos_str *items; /**< count items when state is WOS_SET. */
    size_t count;         /**< Number of items (0 sends []). */
} wos_str_list;

/** @brief A key/value pair of a string map. */
typedef struct wos_str_pair {
    wos_str key;   /**< Map key. */
    wos_str value; /**< Map value. */
} wos_str_pair;

/** @brief A string-to-string map in a request. */
typedef struct wos_str_map {
    bool set;                   /**< false: omitted. */
    const wos_str_pair *pairs;  /**< count pairs when set. */
    size_t count;               /**< Number of pairs (0 sends {}). */
} wos_str_map;

/** @brief OAuth app credentials to set or rotate. Omitted when type.ptr is NULL. */
typedef struct wos_credentials_params {
    wos_str type;          /**< "custom" or "organization". */
    wos_str client_id;     /**< Required for custom; ptr NULL omits. */
    wos_str client_secret; /**< Required for custom; ptr NULL omits. A secret: wipe the request after use. */
} wos_credentials_params;

/** @brief An API key to install for a tenant. Omitted when secret.ptr is NULL. */
typedef struct wos_api_key_params {
    wos_str secret;          /**< The tenant's API key (a secret). */
    wos_str user_id;         /**< Required. */
    wos_str organization_id; /**< ptr NULL omits. */
} wos_api_key_params;

/** @brief A custom provider definition (create) or changes to it (update). */
typedef struct wos_custom_provider_params {
    wos_str name;                          /**< Required on create; ptr NULL omits. */
    wos_str authorization_url;             /**< ptr NULL omits. */
    wos_str token_url;                     /**< ptr NULL omits. */
    wos_opt_str refresh_token_url;         /**< Omitted, null or value. */
    wos_opt_bool pkce_enabled;             /**< Optional. */
    wos_str request_scope_separator;       /**< ptr NULL omits. */
    wos_opt_bool scopes_required;          /**< Optional. */
    wos_opt_bool client_secret_required;   /**< Optional. */
    wos_str_map additional_authorization_parameters; /**< Optional. */
    wos_str token_body_content_type;       /**< ptr NULL omits. */
    wos_str authenticate_via;              /**< "request_body" or "basic_auth_header"; ptr NULL omits. */
} wos_custom_provider_params;

/**
 * @brief Fields of a create or update. Zero-initialise, then set what you
 * send: everything left zero is omitted from the body.
 */
typedef struct wos_integration_params {
    wos_str provider;                 /**< Create: required provider slug. Update: must be absent. */
    wos_opt_str description;          /**< Omitted, null (clears) or value. */
    wos_opt_bool enabled;             /**< Optional. */
    wos_str_list scopes;              /**< Omitted, null (provider default) or list. */
    wos_str_list auth_methods;        /**< Omitted or list ("oauth", "api_key", "client_credentials"). */
    wos_str_map config;               /**< Optional provider config. */
    wos_credentials_params credentials; /**< Optional; rotates the secret on update. */
    wos_api_key_params api_key;       /**< Optional tenant API key. */
    const wos_custom_provider_params *custom_provider; /**< NULL omits. */
} wos_integration_params;

/** @brief Parameters of get access token. */
typedef struct wos_token_params {
    wos_str slug;            /**< Integration slug, e.g. "github". Required. */
    wos_str user_id;         /**< Required. */
    wos_str organization_id; /**< ptr NULL omits. */
    wos_str connected_account_id; /**< ptr NULL omits. */
    wos_str connection_owner;     /**< ptr NULL omits. */
    wos_opt_bool supports_multiple_connections; /**< Omitted unless set. */
} wos_token_params;

/** @brief Parameters of list; every field optional (ptr NULL / 0 omits). */
typedef struct wos_list_params {
    uint32_t limit;  /**< 1..100; 0 omits (server default 10). */
    wos_str before;  /**< Cursor (object id). */
    wos_str after;   /**< Cursor (object id). */
    wos_str order;   /**< "asc", "desc" or "normal". */
} wos_list_params;

/**
 * @brief An operation: its method and path, body encoder, result decoder
 * and retry class, in one descriptor the library defines per operation
 * (the struct is private). A call names its operation by descriptor, and
 * only the descriptors a firmware names are linked in, with the encoder
 * and decoder they reference: an operation nobody calls costs no flash.
 */
typedef struct wos_pipes_op_desc wos_pipes_op_desc;

/** @brief An operation, as a pointer to its descriptor (WOS_OP_TOKEN ...). */
typedef const wos_pipes_op_desc *wos_pipes_op;

extern const wos_pipes_op_desc wos_op_token;  /**< POST /data-integrations/{slug}/token */
extern const wos_pipes_op_desc wos_op_create; /**< POST /data-integrations */
extern const wos_pipes_op_desc wos_op_list;   /**< GET /data-integrations */
extern const wos_pipes_op_desc wos_op_get;    /**< GET /data-integrations/{slug} */
extern const wos_pipes_op_desc wos_op_update; /**< PUT /data-integrations/{slug} */
extern const wos_pipes_op_desc wos_op_delete; /**< DELETE /data-integrations/{slug} */

#define WOS_OP_TOKEN (&wos_op_token)   /**< Get access token. */
#define WOS_OP_CREATE (&wos_op_create) /**< Create a data integration. */
#define WOS_OP_LIST (&wos_op_list)     /**< List data integrations. */
#define WOS_OP_GET (&wos_op_get)       /**< Get a data integration. */
#define WOS_OP_UPDATE (&wos_op_update) /**< Update a data integration. */
#define WOS_OP_DELETE (&wos_op_delete) /**< Delete a data integration. */

/** @brief One call of any operation, as the client engine sees it. */
typedef struct wos_pipes_call {
    wos_pipes_op op;                        /**< Which operation (WOS_OP_TOKEN ...); NULL is refused. */
    wos_str slug;                           /**< get, update, delete (token: in token). */
    const wos_token_params *token;          /**< WOS_OP_TOKEN. */
    const wos_integration_params *fields;   /**< WOS_OP_CREATE, WOS_OP_UPDATE. */
    const wos_list_params *list;            /**< WOS_OP_LIST; NULL: no parameters. */
    wos_str idempotency_key;                /**< POST only; ptr NULL: no header. */
    const void *params;                     /**< The params struct of the operations of wos_pipes_connect.h. */
} wos_pipes_call;

/**
 * @brief Write the HTTP request of any operation into buf.
 * @param[in] ep   Host, port, scheme and API key.
 * @param[in] call The operation and its parameters.
 * @param[out] buf  Caller buffer; nothing is written past cap.
 * @param[in] cap  Its size.
 * @param[out] out_len WOS_OK: request length. WOS_ERR_BUFFER_TOO_SMALL: exact bytes needed.
 * @return WOS_OK; WOS_ERR_BUFFER_TOO_SMALL; WOS_ERR_INVALID_ARG (missing
 *         or empty required field, empty/`.`/`..` slug, a slug, id or
 *         cursor that is empty or not UTF-8, CR/LF/NUL in a header value, a
 *         null where the API allows none (a NULL item of scopes or
 *         auth_methods), limit over 100, a host name with an empty label
 *         or a label starting with `-` or `_`);
 *         WOS_ERR_INVALID_UTF8 (free text, such as a description or a
 *         secret, is not valid UTF-8).
 *         On any failure all cap bytes of buf are zeroed: a partly written
 *         request holds the API key and possibly a client secret.
 *
 * Example:
 * @snippet api_snippets.c sans_io
 */
WOS_NODISCARD wos_status wos_pipes_write_request(const wos_pipes_endpoint *ep, const wos_pipes_call *call,
                                   char *buf, size_t cap, size_t *out_len);

/*
 * The typed builders below are static inline wrappers of
 * wos_pipes_write_request(): firmware pays for the ones it calls only.
 */

/** @brief Request of get access token; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p Which token: slug, user, optional organization.
 * @param[in] idempotency_key Sent as Idempotency-Key; an absent view sends none.
 * @param[out] buf Caller buffer; nothing is written past cap.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: request length. WOS_ERR_BUFFER_TOO_SMALL: exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_token(const wos_pipes_endpoint *ep,
                                               const wos_token_params *p, wos_str idempotency_key,
                                               char *buf, size_t cap, size_t *out_len)
{
    wos_pipes_call c = {WOS_OP_TOKEN, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    c.token = p;
    c.idempotency_key = idempotency_key;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

/** @brief Request of create; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p The new data integration's fields.
 * @param[in] idempotency_key Sent as Idempotency-Key; an absent view sends none.
 * @param[out] buf Caller buffer; nothing is written past cap.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: request length. WOS_ERR_BUFFER_TOO_SMALL: exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_create(const wos_pipes_endpoint *ep,
                                                const wos_integration_params *p,
                                                wos_str idempotency_key, char *buf, size_t cap,
                                                size_t *out_len)
{
    wos_pipes_call c = {WOS_OP_CREATE, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    c.fields = p;
    c.idempotency_key = idempotency_key;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

/** @brief Request of list (p may be NULL); statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] p Filters, order and cursor; NULL: none.
 * @param[out] buf Caller buffer; nothing is written past cap.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: request length. WOS_ERR_BUFFER_TOO_SMALL: exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_list(const wos_pipes_endpoint *ep,
                                              const wos_list_params *p, char *buf, size_t cap,
                                              size_t *out_len)
{
    wos_pipes_call c = {WOS_OP_LIST, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    c.list = p;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

/** @brief Request of get; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] slug The data integration's slug.
 * @param[out] buf Caller buffer; nothing is written past cap.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: request length. WOS_ERR_BUFFER_TOO_SMALL: exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_get(const wos_pipes_endpoint *ep, wos_str slug,
                                             char *buf, size_t cap, size_t *out_len)
{
    wos_pipes_call c = {WOS_OP_GET, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    c.slug = slug;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

/** @brief Request of update; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] slug The data integration's slug.
 * @param[in] p The fields to change.
 * @param[out] buf Caller buffer; nothing is written past cap.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: request length. WOS_ERR_BUFFER_TOO_SMALL: exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_update(const wos_pipes_endpoint *ep, wos_str slug,
                                                const wos_integration_params *p, char *buf,
                                                size_t cap, size_t *out_len)
{
    wos_pipes_call c = {WOS_OP_UPDATE, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    c.slug = slug;
    c.fields = p;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

/** @brief Request of delete; statuses as wos_pipes_write_request().
 * @param[in] ep Host, port, scheme and API key.
 * @param[in] slug The data integration's slug.
 * @param[out] buf Caller buffer; nothing is written past cap.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: request length. WOS_ERR_BUFFER_TOO_SMALL: exact bytes needed.
 * @return As wos_pipes_write_request().
 */
WOS_NODISCARD static inline wos_status wos_pipes_write_delete(const wos_pipes_endpoint *ep, wos_str slug,
                                                char *buf, size_t cap, size_t *out_len)
{
    wos_pipes_call c = {WOS_OP_DELETE, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    c.slug = slug;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

/* ------------------------------------------------------------------ */
/* Response side                                                        */
/* ------------------------------------------------------------------ */

/** @brief What the HTTP stack received, handed to a decoder. */
typedef struct wos_pipes_reply {
    int status;             /**< HTTP status code. */
    wos_str request_id;     /**< X-Request-ID, or absent. */
    char *body;             /**< Body bytes (writable: strings decode in place); may be NULL when body_len is 0. */
    size_t body_len;        /**< Body length. */
    int64_t retry_after_s;  /**< Retry-After in seconds, or -1. */
    jsmntok_t *tokens;      /**< Caller token array for the body. */
    unsigned token_cap;     /**< Its size. */
    unsigned tokens_needed; /**< Out: after WOS_ERR_JSON_TOKENS, the count needed. */
    bool resent_;           /**< Private: set by the client for its operation descriptors; the decoders here never read it. */
} wos_pipes_reply;

/**
 * @brief A view of a JSON array or object inside a parsed body. Small and
 * self-contained: copying it is fine (it holds no pointer to the result).
 */
typedef struct wos_json_view {
    wos_json doc;   /**< The parsed body; all zero when the member was absent. */
    int tok;        /**< Array/object token; -1 when null; 0 when absent. */
    unsigned count; /**< Number of items or pairs (0 when null or absent). */
} wos_json_view;

/** @brief Whether the member was missing from the JSON (an all-zero view).
 * @param[in] v The view.
 * @return true when the member was absent.
 */
static inline bool wos_view_absent(const wos_json_view *v) { return v->doc.js == NULL; }

/** @brief Whether the member was an explicit JSON null (distinct from an empty list or map).
 * @param[in] v The view.
 * @return true when the member was null.
 */
static inline bool wos_view_null(const wos_json_view *v) { return v->doc.js != NULL && v->tok < 0; }

/** @brief A JSON array of strings in a result (scopes, auth methods); every item is a string. */
typedef wos_json_view wos_strings;

/** @brief A JSON object of strings in a result (config, parameters); every value is a string. */
typedef wos_json_view wos_str_pairs;

/**
 * @brief Item idx of a string array, decoded in place.
 * @param[in] a The array, from a result.
 * @param[in] idx 0-based item number.
 * @param[out] out The item (a view into the body).
 * @return WOS_OK; WOS_ERR_NOT_FOUND (idx >= count); WOS_ERR_INVALID_ARG.
 */
WOS_NODISCARD wos_status wos_strings_get(const wos_strings *a, unsigned idx, wos_str *out);

/**
 * @brief Pair idx of a string map, decoded in place.
 * @param[in] m The map, from a result.
 * @param[in] idx 0-based pair number.
 * @param[out] out_key The key (a view into the body).
 * @param[out] out_value The value (a view into the body).
 * @return WOS_OK; WOS_ERR_NOT_FOUND (idx >= count); WOS_ERR_INVALID_ARG.
 */
WOS_NODISCARD wos_status wos_str_pairs_get(const wos_str_pairs *m, unsigned idx, wos_str *out_key, wos_str *out_value);

/**
 * @brief Value of key in a string map (of duplicate keys, the last; the
 * pairs by index are every pair as sent).
 * @param[in] m The map, from a result.
 * @param[in] key NUL-terminated key.
 * @param[out] out_value The value (a view into the body).
 * @return WOS_OK; WOS_ERR_NOT_FOUND; WOS_ERR_INVALID_ARG.
 */
WOS_NODISCARD wos_status wos_str_pairs_find(const wos_str_pairs *m, const char *key, wos_str *out_value);

/** @brief A timestamp of a result: as sent, and as Unix seconds. */
typedef struct wos_timestamp {
    wos_str text;   /**< As sent (RFC 3339), or absent when null or missing. */
    int64_t unix_s; /**< Unix seconds; 0 when text is absent. */
} wos_timestamp;

/** @brief Why a token is not active. */
typedef enum wos_token_reason {
    WOS_TOKEN_ACTIVE = 0,               /**< active is true. */
    WOS_TOKEN_NOT_INSTALLED,            /**< "not_installed" */
    WOS_TOKEN_NEEDS_REAUTHORIZATION,    /**< "needs_reauthorization" */
    WOS_TOKEN_REASON_UNKNOWN            /**< Another string: see error. */
} wos_token_reason;

/** @brief Result of get access token. Strings point into the body (see file doc). */
typedef struct wos_access_token {
    bool active;               /**< true: a usable token. */
    wos_str access_token;      /**< The token (a secret: wos_access_token_wipe() it after use). */
    bool expires;              /**< false: expires_at was null (never expires). */
    wos_timestamp expires_at;  /**< When the token expires (if expires). */
    wos_strings scopes;        /**< Granted scopes. */
    wos_strings missing_scopes; /**< Requested but not granted; non-empty means less access than asked. */
    wos_token_reason reason;   /**< Why inactive. */
    wos_str error;             /**< The raw "error" string when inactive. */
    char *secret_span_;        /**< Private: raw bytes of the token in the body. */
    size_t secret_span_len_;   /**< Private. */
} wos_access_token;

/** @brief State of a data integration. */
typedef enum wos_integration_state {
    WOS_STATE_UNKNOWN = 0, /**< Another string: see state_text. */
    WOS_STATE_VALID,       /**< "valid" */
    WOS_STATE_INVALID,     /**< "invalid" */
    WOS_STATE_REQUESTED    /**< "requested" */
} wos_integration_state;

/** @brief Credentials of an integration; present is false when null. */
typedef struct wos_credentials {
    bool present;                   /**< false: null (api_key integrations). */
    wos_str type;                   /**< "custom", "organization" or another value. */
    wos_str client_id;              /**< Absent when null. */
    wos_str redacted_client_secret; /**< Last four characters, or absent when null. */
} wos_credentials;

/** @brief Installation created with an API key (create only); present is false when null. */
typedef struct wos_installation {
    bool present;            /**< false: null or absent. */
    wos_str id;              /**< Installation id. */
    wos_str user_id;         /**< User the key is installed for. */
    wos_str organization_id; /**< Absent when null. */
    wos_str api_key_last_4;  /**< Absent when null. */
} wos_installation;

/** @brief Custom provider definition; present is false when null. */
typedef struct wos_custom_provider {
    bool present;                    /**< false: built-in provider. */
    wos_str name;                    /**< Display name. */
    wos_str authorization_url;       /**< Absent when null. */
    wos_str token_url;               /**< Absent when null. */
    wos_str refresh_token_url;       /**< Absent when null. */
    bool pkce_enabled;               /**< PKCE in the code flow. */
    wos_str request_scope_separator; /**< Scope separator. */
    bool scopes_required;            /**< A scope must be chosen. */
    bool client_secret_required;     /**< A client secret is required. */
    wos_str_pairs additional_authorization_parameters; /**< Extra authorize parameters. */
    wos_str token_body_content_type; /**< Content type of the token exchange. */
    wos_str authenticate_via;        /**< "request_body", "basic_auth_header" or another value. */
} wos_custom_provider;

/** @brief A data integration. Strings point into the body (see file doc). */
typedef struct wos_data_integration {
    wos_str object;              /**< "data_integration". */
    wos_str id;                  /**< Object id. */
    wos_str slug;                /**< Provider slug. */
    wos_str integration_type;    /**< Integration type. */
    wos_str description;         /**< Absent when null. */
    bool enabled;                /**< Enabled. */
    wos_integration_state state; /**< Parsed state. */
    wos_str state_text;          /**< state as sent. */
    wos_strings scopes;          /**< wos_view_null() when null (provider default). */
    wos_str redirect_uri;        /**< OAuth redirect URI. */
    wos_strings auth_methods;    /**< "oauth", "api_key", "client_credentials" or others. */
    wos_credentials credentials; /**< OAuth app credentials. */
    wos_installation installation; /**< Only on create. */
    wos_str_pairs config;        /**< Provider config. */
    wos_custom_provider custom_provider; /**< Custom provider, if any. */
    wos_timestamp created_at;    /**< Creation time. */
    wos_timestamp updated_at;    /**< Last update. */
} wos_data_integration;

/** @brief A page of data integrations. Items are read with wos_page_item() or wos_page_next(). */
typedef struct wos_integration_page {
    wos_json doc;        /**< The parsed body. */
    int data_tok;        /**< The "data" array token. */
    unsigned count;      /**< Items on this page. */
    wos_str before;      /**< list_metadata.before, absent when null. */
    wos_str after;       /**< list_metadata.after, absent when null. */
    int next_tok_;       /**< Private: iterator position. */
} wos_integration_page;

/** @brief Kind of an API error, from its HTTP status. */
typedef enum wos_error_kind {
    WOS_ERROR_OTHER = 0,     /**< Any other status. */
    WOS_ERROR_BAD_REQUEST,   /**< 400 */
    WOS_ERROR_UNAUTHORIZED,  /**< 401 */
    WOS_ERROR_FORBIDDEN,     /**< 403 */
    WOS_ERROR_NOT_FOUND,     /**< 404 */
    WOS_ERROR_CONFLICT,      /**< 409 */
    WOS_ERROR_UNPROCESSABLE, /**< 422 */
    WOS_ERROR_RATE_LIMITED,  /**< 429 */
    WOS_ERROR_SERVER         /**< 5xx */
} wos_error_kind;

/**
 * @brief A non-2xx answer. Every field but http_status and kind may be
 * absent. The string members are the JSON text as sent, escapes kept (a
 * `\"` stays two bytes): decoding them in place would rewrite body, which
 * is handed out exactly as received.
 */
typedef struct wos_api_error {
    int http_status;           /**< HTTP status. */
    wos_error_kind kind;       /**< Kind from the status. */
    wos_str code;              /**< "code" member. */
    wos_str message;           /**< "message", or its first string when an array. */
    wos_str error;             /**< "error" member, or a bare JSON string body. */
    wos_str error_description; /**< "error_description" member. */
    wos_str request_id;        /**< X-Request-ID. */
    int64_t retry_after_s;     /**< Retry-After seconds, or -1. */
    wos_str body;              /**< The raw body (may be empty, HTML, truncated JSON). */
} wos_api_error;

/**
 * @brief Decode a non-2xx reply into an error result. Never fails on the
 * body: empty, non-JSON and truncated bodies leave the JSON fields absent.
 * @param[in,out] r The reply.
 * @param[out] out The error; absent fields are absent views.
 * @return WOS_OK; WOS_ERR_INVALID_ARG (NULL pointer).
 */
WOS_NODISCARD wos_status wos_pipes_decode_error(wos_pipes_reply *r, wos_api_error *out);

/**
 * @brief Decode the reply of get access token.
 * @param[in,out] r   The reply; r->tokens_needed is set on WOS_ERR_JSON_TOKENS.
 * @param[out] out The result; its contents are meaningful only on WOS_OK.
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return WOS_OK (active or inactive: check out->active);
 *         WOS_ERR_HTTP_STATUS (non-2xx, see err); WOS_ERR_JSON_MALFORMED,
 *         WOS_ERR_JSON_TOO_DEEP, WOS_ERR_INVALID_UTF8 (2xx body not valid
 *         JSON); WOS_ERR_JSON_SHAPE (2xx JSON not the expected shape);
 *         WOS_ERR_JSON_TOKENS (token array too small); WOS_ERR_INVALID_TIME
 *         (bad expires_at); WOS_ERR_INVALID_ARG. On a failure the body is
 *         left as it is (it may be decoded again with more tokens): it
 *         may hold the token, so wos_secure_zero() it when done. The
 *         client of wos_client.h does so itself.
 */
WOS_NODISCARD wos_status wos_pipes_decode_token(wos_pipes_reply *r, wos_access_token *out, wos_api_error *err);

/** @brief Decode the reply of create, get or update; statuses as wos_pipes_decode_token().
 * @param[in,out] r The reply; its body is decoded in place, r->tokens_needed set on WOS_ERR_JSON_TOKENS.
 * @param[out] out The data integration; meaningful only on WOS_OK.
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_integration(wos_pipes_reply *r, wos_data_integration *out,
                                        wos_api_error *err);

/**
 * @brief Decode the reply of list. Every item is checked here, so a page
 * that decodes WOS_OK yields every item without error.
 * @param[in,out] r The reply; its body is decoded in place, r->tokens_needed set on WOS_ERR_JSON_TOKENS.
 * @param[out] out The page; meaningful only on WOS_OK.
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_token().
 */
WOS_NODISCARD wos_status wos_pipes_decode_list(wos_pipes_reply *r, wos_integration_page *out, wos_api_error *err);

/**
 * @brief Decode the reply of delete (2xx, body ignored).
 * @param[in,out] r The reply.
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return WOS_OK; WOS_ERR_HTTP_STATUS (see err); WOS_ERR_INVALID_ARG.
 */
WOS_NODISCARD wos_status wos_pipes_decode_delete(wos_pipes_reply *r, wos_api_error *err);

/**
 * @brief Item idx of a page (walks the page from its start).
 * @param[in] page A page decoded WOS_OK.
 * @param[in] idx 0-based item number.
 * @param[out] out The item (views into the body).
 * @return WOS_OK; WOS_ERR_NOT_FOUND (idx >= count); WOS_ERR_INVALID_ARG.
 */
WOS_NODISCARD wos_status wos_page_item(const wos_integration_page *page, unsigned idx, wos_data_integration *out);

/**
 * @brief Next item of a page (first call gives item 0).
 * @param[in,out] page A page decoded WOS_OK; remembers the position.
 * @param[out] out The item (views into the body).
 * @return WOS_OK; WOS_ERR_NOT_FOUND at the end; WOS_ERR_INVALID_ARG.
 */
WOS_NODISCARD wos_status wos_page_next(wos_integration_page *page, wos_data_integration *out);

/* ------------------------------------------------------------------ */
/* Pager: walks every page by following list_metadata.after.            */
/* ------------------------------------------------------------------ */

/** @brief Pager state; lives in caller memory. Request and response may share one buffer. */
typedef struct wos_pager {
    wos_list_params params;               /**< limit, before and order of every page. */
    char cursor[WOS_PAGER_CURSOR_MAX];    /**< Copy of the last `after`. */
    uint8_t cursor_len;                   /**< Its length. */
    bool started;                         /**< A page was received. */
    bool done;                            /**< No more pages. */
    bool backwards;                       /**< order "normal": the walk follows `before`. */
} wos_pager;

/**
 * @brief Start walking. params may be NULL. The walk follows
 * list_metadata.after; with order "normal" (reversed cursor semantics) it
 * follows list_metadata.before. The matching parameter is the first cursor.
 * @param[out] pg The pager.
 * @param[in] params Filters, order and starting cursor; NULL: none (copied, the cursor into pg).
 * @return WOS_OK; WOS_ERR_INVALID_ARG; WOS_ERR_BUFFER_TOO_SMALL (the
 *         starting cursor exceeds WOS_PAGER_CURSOR_MAX).
 *
 * Example:
 * @snippet api_snippets.c pager
 */
WOS_NODISCARD wos_status wos_pager_init(wos_pager *pg, const wos_list_params *params);

/**
 * @brief The list parameters of the next page (its cursor points into pg).
 * @param[in] pg The pager.
 * @param[out] out The parameters; valid while pg is unchanged.
 * @return WOS_OK; WOS_ERR_INVALID_ARG; WOS_ERR_STATE when done.
 */
WOS_NODISCARD wos_status wos_pager_next_params(const wos_pager *pg, wos_list_params *out);

/**
 * @brief Write the request for the next page.
 * @param[in] pg The pager.
 * @param[in] ep Host, port, scheme and API key.
 * @param[out] buf Caller buffer; nothing is written past cap.
 * @param[in] cap Its size.
 * @param[out] out_len WOS_OK: request length. WOS_ERR_BUFFER_TOO_SMALL: exact bytes needed.
 * @return As wos_pipes_write_request(); WOS_ERR_STATE when done.
 */
WOS_NODISCARD wos_status wos_pager_next_request(const wos_pager *pg, const wos_pipes_endpoint *ep,
                                  char *buf, size_t cap, size_t *out_len);

/**
 * @brief Hand the pager the reply of its last request; decodes the page
 * and advances the cursor. The walk is done after a page that is empty or
 * whose next cursor (`after`, or `before` for order "normal") is null,
 * empty, or the cursor just used (a server answering so would otherwise
 * restart or repeat the walk forever).
 * @param[in,out] pg The pager.
 * @param[in,out] r The reply to the request of wos_pager_next_request().
 * @param[out] out The page.
 * @param[out] err May be NULL; filled on WOS_ERR_HTTP_STATUS.
 * @return As wos_pipes_decode_list(); WOS_ERR_BUFFER_TOO_SMALL when the
 *         next cursor exceeds WOS_PAGER_CURSOR_MAX (the walk stops).
 */
WOS_NODISCARD wos_status wos_pager_on_reply(wos_pager *pg, wos_pipes_reply *r, wos_integration_page *out,
                              wos_api_error *err);

/**
 * @brief Advance the pager past a page the caller decoded itself with
 * wos_pipes_decode_list() (wos_pager_on_reply() does both).
 * @param[in,out] pg The pager.
 * @param[in] page The page decoded from the reply to its last request.
 * @return WOS_OK; WOS_ERR_INVALID_ARG; WOS_ERR_STATE when done;
 *         WOS_ERR_BUFFER_TOO_SMALL (cursor over WOS_PAGER_CURSOR_MAX; the walk stops).
 */
WOS_NODISCARD wos_status wos_pager_advance(wos_pager *pg, const wos_integration_page *page);

/** @brief Whether the walk is over.
 * @param[in] pg The pager.
 * @return true after the last page (or for a NULL pager); false while pages remain.
 */
bool wos_pager_done(const wos_pager *pg);

/* ------------------------------------------------------------------ */
/* Secrets                                                              */
/* ------------------------------------------------------------------ */

/** @brief Zero len bytes in a way the compiler cannot optimise away.
 * @param[out] p The bytes to zero; NULL is ignored.
 * @param[in] len How many.
 */
void wos_secure_zero(void *p, size_t len);

/**
 * @brief Wipe the access token bytes in the response buffer (including any
 * escaped form) and clear the view.
 * @param[in,out] t The token; NULL is ignored.
 */
void wos_access_token_wipe(wos_access_token *t);

/**
 * @brief Wipe a request buffer that held an API key, client secret or
 * tenant API key (all len bytes are zeroed: nothing of a sent request is
 * needed afterwards).
 * @param[out] buf The request buffer; NULL is ignored.
 * @param[in] len Bytes to zero (the request length or the whole buffer).
 */
void wos_request_wipe(char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#include "wos_pipes_connect.h"

#endif /* WOS_PIPES_H */
