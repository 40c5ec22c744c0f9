/* SPDX-License-Identifier: MIT */
/*
 * JSON member names of the Pipes contract, defined once: the request
 * writer and the response decoder share them, so each name is in flash
 * once. Internal.
 */
#ifndef WOS_PIPES_KEYS_H
#define WOS_PIPES_KEYS_H

extern const char wos_k_access_token[];
extern const char wos_k_additional_authorization_parameters[];
extern const char wos_k_api_key[];
extern const char wos_k_api_key_last_4[];
extern const char wos_k_auth_methods[];
extern const char wos_k_authenticate_via[];
extern const char wos_k_authorization_url[];
extern const char wos_k_client_id[];
extern const char wos_k_client_secret[];
extern const char wos_k_client_secret_required[];
extern const char wos_k_config[];
extern const char wos_k_created_at[];
extern const char wos_k_credentials[];
extern const char wos_k_custom_provider[];
extern const char wos_k_description[];
extern const char wos_k_enabled[];
extern const char wos_k_expires_at[];
extern const char wos_k_id[];
extern const char wos_k_installation[];
extern const char wos_k_integration_type[];
extern const char wos_k_missing_scopes[];
extern const char wos_k_name[];
extern const char wos_k_object[];
extern const char wos_k_organization_id[];
extern const char wos_k_pkce_enabled[];
extern const char wos_k_provider[];
extern const char wos_k_redacted_client_secret[];
extern const char wos_k_redirect_uri[];
extern const char wos_k_refresh_token_url[];
extern const char wos_k_request_scope_separator[];
extern const char wos_k_scopes[];
extern const char wos_k_scopes_required[];
extern const char wos_k_secret[];
extern const char wos_k_slug[];
extern const char wos_k_state[];
extern const char wos_k_token_body_content_type[];
extern const char wos_k_token_url[];
extern const char wos_k_type[];
extern const char wos_k_updated_at[];
extern const char wos_k_user_id[];
extern const char wos_k_active[];extern const char wos_k_error[];extern const char wos_k_message[];extern const char wos_k_code[];extern const char wos_k_error_description[];extern const char wos_k_data[];extern const char wos_k_list_metadata[];extern const char wos_k_before[];extern const char wos_k_after[];
#endif
