/* SPDX-License-Identifier: MIT */
/*
 * GET /user_management/users/{user_id}/data_providers[?organization_id=]:
 * the providers of the environment, each with the user's connected
 * account or null. The deprecated camelCase duplicates are unknown
 * members to the table, so they are skipped.
 */
#include "pipes_accounts.h"
#include "pipes_encode.h"

static const wos_pipes_spec k_providers =
    SPEC("user_management/users/\001/data_providers", SPEC_NO_BODY,
         SO(wos_providers_params, user_id), 0, SO(wos_providers_params, organization_id));

static const field k_provider_f[] = {
    F(wos_data_provider, id, id, K_STR),
    F(wos_data_provider, slug, slug, K_STR),
    F(wos_data_provider, object, object, K_STR),
    F(wos_data_provider, name, name, K_STR),
    F(wos_data_provider, description, description, K_NSTR),
    F(wos_data_provider, integration_type, integration_type, K_STR),
    F(wos_data_provider, credentials_type, credentials_type, K_STR),
    F(wos_data_provider, scopes, scopes, K_STRS),
    F(wos_data_provider, auth_methods, auth_methods, K_STRS),
    F(wos_data_provider, ownership, ownership, K_STR),
    F(wos_data_provider, created_at, created_at, K_TIME),
    F(wos_data_provider, updated_at, updated_at, K_TIME),
    FO(wos_data_provider, connected_account, connected_account, 0),
};
static const table k_provider_t = TS(k_provider_f, &wos_pipes_account_t, 0x3u); /* id, slug */

wos_status wos_pipes_decode_providers(wos_pipes_reply *r, wos_pipes_items *out, wos_api_error *err)
{
    return wos_pipes_decode_items(r, out, err, &k_provider_t);
}

wos_status wos_provider_item(const wos_pipes_items *list, unsigned idx, wos_data_provider *out)
{
    wos_status st = wos_pipes_item(list, idx, &k_provider_t, out, sizeof *out);
    if (st == WOS_OK && out->connected_account.present) {
        wos_pipes_account_finish(&out->connected_account);
    }
    return st;
}

static wos_status dec_providers(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_providers(r, (wos_pipes_items *)out, err);
}

const wos_pipes_op_desc wos_op_providers = {
    .method = WOS_M_GET, .retry = WOS_RETRY_REPEATABLE, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = dec_providers, .spec = &k_providers,
};
