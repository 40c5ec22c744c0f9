/* SPDX-License-Identifier: MIT */
/*
 * JSON member names of the Pipes contract, defined once: the request
 * writer and the response decoder share them, so each name is in flash
 * once. The tables name a member by its index (WK_*) into wos_keys, a
 * byte rather than a pointer per table entry. Internal.
 */
#ifndef WOS_PIPES_KEYS_H
#define WOS_PIPES_KEYS_H

#define WOS_PIPES_KEYS(X) \
    X(access_token) \
    X(additional_authorization_parameters) \
    X(api_key) \
    X(api_key_last_4) \
    X(auth_methods) \
    X(authenticate_via) \
    X(authorization_url) \
    X(client_id) \
    X(client_secret) \
    X(client_secret_required) \
    X(config) \
    X(created_at) \
    X(credentials) \
    X(custom_provider) \
    X(description) \
    X(enabled) \
    X(expires_at) \
    X(id) \
    X(installation) \
    X(integration_type) \
    X(missing_scopes) \
    X(name) \
    X(object) \
    X(organization_id) \
    X(pkce_enabled) \
    X(provider) \
    X(redacted_client_secret) \
    X(redirect_uri) \
    X(refresh_token_url) \
    X(request_scope_separator) \
    X(scopes) \
    X(scopes_required) \
    X(secret) \
    X(slug) \
    X(state) \
    X(token_body_content_type) \
    X(token_url) \
    X(type) \
    X(updated_at) \
    X(user_id) \
    X(active) \
    X(error) \
    X(message) \
    X(code) \
    X(error_description) \
    X(data) \
    X(list_metadata) \
    X(before) \
    X(after) \
    X(url) \
    X(return_to) \
    X(value) \
    X(auth_method) \
    X(metadata) \
    X(credential) \
    X(connected_account_id) \
    X(connection_owner) \
    X(supports_multiple_connections) \
    X(refresh_token) \
    X(client_secret_last_4) \
    X(credentials_type) \
    X(ownership) \
    X(connected_account) \
    X(has_credentials) \
    X(client_secret_last_four) \
    X(token) \

#define WOS_PIPES_KEY_DECL(k) extern const char wos_k_##k[];
WOS_PIPES_KEYS(WOS_PIPES_KEY_DECL)
#undef WOS_PIPES_KEY_DECL

#define WOS_PIPES_KEY_ENUM(k) WK_##k,
enum wos_pipes_key { WOS_PIPES_KEYS(WOS_PIPES_KEY_ENUM) WK_COUNT };
#undef WOS_PIPES_KEY_ENUM

/* Every name, by WK_* index (linked only by the table-driven encoder and decoder). */
extern const char *const wos_keys[WK_COUNT];

#endif
