/* SPDX-License-Identifier: MIT */
/**
 * @file wos_client_connect.h
 * @brief Typed client calls of the operations of wos_pipes_connect.h
 * (included from wos_client.h). Each is a static inline wrapper of
 * wos_client_call() naming its descriptor: a firmware links the encoders
 * and decoders of the calls it uses only. Statuses: see @ref wos_client_calls.
 *
 * Resending: credentials only reads and is resent like token; authorize,
 * widget token and the writes (api-key, client-credentials, account
 * create, update and delete, organization configuration set) are not
 * resent once fully sent and their answer was lost. POSTs carry one
 * Idempotency-Key over all their attempts.
 */
#ifndef WOS_CLIENT_CONNECT_H
#define WOS_CLIENT_CONNECT_H

#include "wos_client.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Any operation of wos_pipes_connect.h with its params struct.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] op The operation (&wos_op_...).
 * @param[in] params The operation's params struct.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_op(wos_client *c, wos_pipes_op op,
                                                     const void *params,
                                                     const wos_call_options *opts, void *out,
                                                     wos_call_info *info)
{
    wos_pipes_call call = {NULL, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    call.op = op;
    call.params = params;
    return wos_client_call(c, &call, opts, out, info);
}

/** @brief POST /data-integrations/{slug}/authorize: the URL to show the user.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_authorize(wos_client *c,
                                                            const wos_authorize_params *p,
                                                            const wos_call_options *opts,
                                                            wos_authorize_url *out,
                                                            wos_call_info *info)
{
    return wos_client_op(c, &wos_op_authorize, p, opts, out, info);
}

/** @brief POST /data-integrations/{slug}/credentials (p->slug): WOS_OK also when inactive.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_get_credentials(wos_client *c,
                                                                  const wos_token_params *p,
                                                                  const wos_call_options *opts,
                                                                  wos_credentials_result *out,
                                                                  wos_call_info *info)
{
    return wos_client_op(c, &wos_op_credentials, p, opts, out, info);
}

/** @brief PUT /data-integrations/{slug}/api-key: the connected account.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_put_api_key(wos_client *c,
                                                              const wos_api_key_upsert_params *p,
                                                              const wos_call_options *opts,
                                                              wos_connected_account *out,
                                                              wos_call_info *info)
{
    return wos_client_op(c, &wos_op_api_key, p, opts, out, info);
}

/** @brief PUT /data-integrations/{slug}/client-credentials: the connected account.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_put_client_credentials(
    wos_client *c, const wos_client_credentials_params *p, const wos_call_options *opts,
    wos_connected_account *out, wos_call_info *info)
{
    return wos_client_op(c, &wos_op_client_credentials, p, opts, out, info);
}

/** @brief GET a user's connected account for a provider.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_get_account(wos_client *c,
                                                              const wos_account_params *p,
                                                              const wos_call_options *opts,
                                                              wos_connected_account *out,
                                                              wos_call_info *info)
{
    return wos_client_op(c, &wos_op_account_get, p, opts, out, info);
}

/** @brief POST (import) a connected account (201).
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_create_account(wos_client *c,
                                                                 const wos_account_params *p,
                                                                 const wos_call_options *opts,
                                                                 wos_connected_account *out,
                                                                 wos_call_info *info)
{
    return wos_client_op(c, &wos_op_account_create, p, opts, out, info);
}

/** @brief PUT a connected account's tokens, scopes or state.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_update_account(wos_client *c,
                                                                 const wos_account_params *p,
                                                                 const wos_call_options *opts,
                                                                 wos_connected_account *out,
                                                                 wos_call_info *info)
{
    return wos_client_op(c, &wos_op_account_update, p, opts, out, info);
}

/** @brief DELETE a connected account (204).
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_delete_account(wos_client *c,
                                                                 const wos_account_params *p,
                                                                 const wos_call_options *opts,
                                                                 wos_call_info *info)
{
    return wos_client_op(c, &wos_op_account_delete, p, opts, NULL, info);
}

/** @brief GET the user's data providers; items by wos_provider_item().
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_list_providers(wos_client *c,
                                                                 const wos_providers_params *p,
                                                                 const wos_call_options *opts,
                                                                 wos_pipes_items *out,
                                                                 wos_call_info *info)
{
    return wos_client_op(c, &wos_op_providers, p, opts, out, info);
}

/** @brief GET an organization's configurations (p->organization_id); items by wos_org_config_item().
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_list_org_configs(wos_client *c,
                                                                   const wos_org_config_params *p,
                                                                   const wos_call_options *opts,
                                                                   wos_pipes_items *out,
                                                                   wos_call_info *info)
{
    return wos_client_op(c, &wos_op_org_configs, p, opts, out, info);
}

/** @brief PUT an organization's configuration of a provider.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_set_org_config(wos_client *c,
                                                                 const wos_org_config_params *p,
                                                                 const wos_call_options *opts,
                                                                 wos_org_config *out,
                                                                 wos_call_info *info)
{
    return wos_client_op(c, &wos_op_org_config_set, p, opts, out, info);
}

/** @brief POST /widgets/token.
 * @param[in,out] c The client, set up by wos_client_init().
 * @param[in] p The operation's parameters.
 * @param[in] opts NULL: the client's settings (see wos_call_options_init()).
 * @param[out] out The result; views into the body (the client's working buffer).
 * @param[out] info What happened: HTTP error details, sizes needed, attempts; may be NULL.
 * @return See @ref wos_client_calls.
 */
WOS_NODISCARD static inline wos_status wos_client_widget_token(wos_client *c,
                                                               const wos_widget_token_params *p,
                                                               const wos_call_options *opts,
                                                               wos_widget_token *out,
                                                               wos_call_info *info)
{
    return wos_client_op(c, &wos_op_widget_token, p, opts, out, info);
}

#ifdef __cplusplus
}
#endif
#endif /* WOS_CLIENT_CONNECT_H */
