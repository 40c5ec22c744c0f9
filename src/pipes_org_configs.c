/* SPDX-License-Identifier: MIT */
/*
 * An organization's data integration configurations:
 * GET /organizations/{id}/data_integration_configurations and
 * PUT .../{slug}.
 */
#include "pipes_encode.h"
#include "pipes_internal.h"

static const pfield k_org_config_p[] = {
    PF(wos_org_config_params, enabled, enabled, P_BOOL, 0),
    PF(wos_org_config_params, scopes, scopes, P_LIST, 0),
    PF(wos_org_config_params, client_id, client_id, P_STR, 0),
    PF(wos_org_config_params, client_secret, client_secret, P_STR, 0),
    PF(wos_org_config_params, config, config, P_MAP, 0),
};
static const wos_pipes_spec k_org_configs =
    SPEC("organizations/\001/data_integration_configurations", SPEC_NO_BODY,
         SO(wos_org_config_params, organization_id), 0, WOS_SPEC_NO_QUERY);
static const wos_pipes_spec k_org_config_set =
    SPEC("organizations/\001/data_integration_configurations/\002", SPEC_BODY(k_org_config_p),
         SO(wos_org_config_params, organization_id), SO(wos_org_config_params, slug),
         WOS_SPEC_NO_QUERY);

static const field k_org_creds_f[] = {
    F(wos_org_credentials, credentials_type, credentials_type, K_STR),
    F(wos_org_credentials, has_credentials, has_credentials, K_BOOL),
    F(wos_org_credentials, client_id, client_id, K_NSTR),
    F(wos_org_credentials, client_secret_last_four, client_secret_last_four, K_NSTR),
    F(wos_org_credentials, redirect_uri, redirect_uri, K_NSTR),
};
static const table k_org_subs[] = {T(k_org_creds_f, 0x1u)}; /* credentials_type */
static const field k_org_config_f[] = {
    F(wos_org_config, id, id, K_STR),
    F(wos_org_config, slug, slug, K_STR),
    F(wos_org_config, object, object, K_STR),
    F(wos_org_config, organization_id, organization_id, K_STR),
    F(wos_org_config, name, name, K_STR),
    F(wos_org_config, enabled, enabled, K_BOOL),
    F(wos_org_config, scopes, scopes, K_STRS),
    F(wos_org_config, config, config, K_MAP),
    F(wos_org_config, created_at, created_at, K_TIME),
    F(wos_org_config, updated_at, updated_at, K_TIME),
    FO(wos_org_config, credentials, credentials, 0),
};
static const table k_org_config_t = TS(k_org_config_f, k_org_subs, 0x3u); /* id, slug */

wos_status wos_pipes_decode_org_configs(wos_pipes_reply *r, wos_pipes_items *out,
                                        wos_api_error *err)
{
    return wos_pipes_decode_items(r, out, err, &k_org_config_t);
}

wos_status wos_org_config_item(const wos_pipes_items *list, unsigned idx, wos_org_config *out)
{
    return wos_pipes_item(list, idx, &k_org_config_t, out, sizeof *out);
}

wos_status wos_pipes_decode_org_config(wos_pipes_reply *r, wos_org_config *out, wos_api_error *err)
{
    return wos_pipes_decode_one(r, out, sizeof *out, err, &k_org_config_t);
}

static wos_status dec_org_configs(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_org_configs(r, (wos_pipes_items *)out, err);
}

static wos_status dec_org_config(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_org_config(r, (wos_org_config *)out, err);
}

const wos_pipes_op_desc wos_op_org_configs = {
    .method = WOS_M_GET, .retry = WOS_RETRY_REPEATABLE, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = dec_org_configs, .spec = &k_org_configs,
};
const wos_pipes_op_desc wos_op_org_config_set = {
    .method = WOS_M_PUT, .retry = WOS_RETRY_WRITE, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = dec_org_config, .spec = &k_org_config_set,
};
