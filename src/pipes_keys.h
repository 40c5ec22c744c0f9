/* SPDX-License-Identifier: MIT */
/*
 * JSON member names of the Pipes contract, defined once: the request
 * writer and the response decoders share them, so each name is in flash
 * once. Internal.
 *
 * The tables name a member by a byte (WK_*) rather than a pointer. The
 * names are kept in two packed blocks: "a", the names the hand-written
 * token and error decoders and the token request use (a token-only
 * firmware links this block alone), and "b", every other name, each
 * padded to a multiple of WOS_PIPES_KEY_UNIT bytes so that its WK_* is its
 * position / WOS_PIPES_KEY_UNIT. Three bytes waste least while every WK_*
 * still fits a byte (the check below; four when more names come).
 */
#ifndef WOS_PIPES_KEYS_H
#define WOS_PIPES_KEYS_H

#include <stddef.h>
#include <stdint.h>

#define WOS_PIPES_KEYS_A(X) \
    X(active) \
    X(error) \
    X(access_token) \
    X(expires_at) \
    X(missing_scopes) \
    X(user_id) \
    X(organization_id) \
    X(connected_account_id) \
    X(connection_owner) \
    X(supports_multiple_connections) \
    X(message) \
    X(code) \
    X(error_description) \

#define WOS_PIPES_KEYS_B(X) \
    X(additional_authorization_parameters) \
    X(api_key) \
    X(api_key_last_4) \
    X(auth_methods) \
    X(authenticate_via) \
    X(authorization_url) \
    X(client_id) \
    X(client_secret_required) \
    X(config) \
    X(created_at) \
    X(custom_provider) \
    X(installation) \
    X(integration_type) \
    X(name) \
    X(object) \
    X(pkce_enabled) \
    X(redacted_client_secret) \
    X(redirect_uri) \
    X(refresh_token_url) \
    X(request_scope_separator) \
    X(scopes_required) \
    X(slug) \
    X(state) \
    X(token_body_content_type) \
    X(updated_at) \
    X(list_metadata) \
    X(before) \
    X(after) \
    X(return_to) \
    X(value) \
    X(auth_method) \
    X(credential) \
    X(refresh_token) \
    X(client_secret_last_4) \
    X(credentials_type) \
    X(ownership) \
    X(connected_account) \
    X(has_credentials) \
    X(client_secret_last_four) \

/* Names that end another name of block "a" are that name's tail, not a
 * copy: X(name, of). Each has its WK_* after block "a"'s own. */
#define WOS_PIPES_KEY_TAILS(X) \
    X(scopes, missing_scopes) \
    X(token, access_token) \
    X(id, user_id) \
    X(description, error_description) \

/* The same within block "b": X(name, of), its WK_* after the block's own. */
#define WOS_PIPES_KEY_B_TAILS(X) \
    X(client_secret, redacted_client_secret) \
    X(secret, redacted_client_secret) \
    X(token_url, refresh_token_url) \
    X(url, refresh_token_url) \
    X(metadata, list_metadata) \
    X(data, list_metadata) \
    X(type, integration_type) \
    X(credentials, has_credentials) \
    X(enabled, pkce_enabled) \
    X(provider, custom_provider) \

/* Where name k, or the tail k of name `of`, starts in block "a": a byte
 * (the check below), never WOS_JSON_KEYS_END (255: no name starts in the
 * last byte, its terminator's). For wos_json_members()'s key lists. */
#define WOS_KEY_AT(k) ((uint8_t)offsetof(struct wos_pipes_keys_a, k))
#define WOS_KEY_TAIL_AT(k, of) ((uint8_t)(offsetof(struct wos_pipes_keys_a, of) + sizeof #of - sizeof #k))

/* The tail k of name `of` in block "a" or "b" (a string constant's address). */
#define WOS_KEY_TAIL(k, of) (wos_keys_a.of + sizeof #of - sizeof #k)
#define WOS_KEY_B_TAIL(k, of) (wos_keys_b.of + sizeof #of - sizeof #k)

#define WOS_PIPES_KEY_A(k) char k[sizeof #k];
#define WOS_PIPES_KEY_UNIT 3u
#define WOS_PIPES_KEY_B(k) \
    char k[(sizeof #k + WOS_PIPES_KEY_UNIT - 1u) / WOS_PIPES_KEY_UNIT * WOS_PIPES_KEY_UNIT];
struct wos_pipes_keys_a { WOS_PIPES_KEYS_A(WOS_PIPES_KEY_A) };
struct wos_pipes_keys_b { WOS_PIPES_KEYS_B(WOS_PIPES_KEY_B) };
#undef WOS_PIPES_KEY_A
#undef WOS_PIPES_KEY_B

/* The hand-written code names a string as wos_keys_a.user_id, wos_keys_b.value. */
extern const struct wos_pipes_keys_a wos_keys_a;
extern const struct wos_pipes_keys_b wos_keys_b;
/* Block "a" as the base of WOS_KEY_AT() offsets. */
#define WOS_KEYS_A ((const char *)&wos_keys_a)

#define WOS_PIPES_KEY_ENUM_A(k) WK_##k,
#define WOS_PIPES_KEY_ENUM_T(k, of) WK_##k,
#define WOS_PIPES_KEY_ENUM_B(k) WK_##k = WK_A_COUNT + offsetof(struct wos_pipes_keys_b, k) / WOS_PIPES_KEY_UNIT,
enum wos_pipes_key {
    WOS_PIPES_KEYS_A(WOS_PIPES_KEY_ENUM_A) WOS_PIPES_KEY_TAILS(WOS_PIPES_KEY_ENUM_T) WK_A_COUNT,
    WOS_PIPES_KEYS_B(WOS_PIPES_KEY_ENUM_B)
    WK_B_LAST = WK_A_COUNT + sizeof(struct wos_pipes_keys_b) / WOS_PIPES_KEY_UNIT - 1, /* its tails follow */
    WOS_PIPES_KEY_B_TAILS(WOS_PIPES_KEY_ENUM_T) WK_COUNT
};
#undef WOS_PIPES_KEY_ENUM_A
#undef WOS_PIPES_KEY_ENUM_T
#undef WOS_PIPES_KEY_ENUM_B
typedef char wos_pipes_keys_a_offsets_fit_a_byte[sizeof(struct wos_pipes_keys_a) <= 256u ? 1 : -1];
typedef char wos_pipes_keys_fit_a_byte[WK_COUNT <= 256u ? 1 : -1];

/* The name WK_* k stands for (linked only by the table-driven encoder and decoders). */
const char *wos_key(uint8_t k);

#endif
