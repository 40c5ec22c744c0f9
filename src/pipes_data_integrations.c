/* SPDX-License-Identifier: MIT */
/*
 * The per-user operations on a data integration: authorize (a connect
 * URL), and the API-key and client-credentials installations, each
 * POST/PUT /data-integrations/{slug}/<operation>.
 */
#include "pipes_accounts.h"
#include "pipes_encode.h"

static const pfield k_authorize_p[] = {
    PF(wos_authorize_params, user_id, user_id, P_STR, PF_REQ | PF_ID),
    PF(wos_authorize_params, organization_id, organization_id, P_STR, PF_ID),
    PF(wos_authorize_params, return_to, return_to, P_STR, 0),
    PF(wos_authorize_params, config, config, P_MAP, 0),
};
static const pfield k_api_key_p[] = {
    PF(wos_api_key_upsert_params, user_id, user_id, P_STR, PF_REQ | PF_ID),
    PF(wos_api_key_upsert_params, organization_id, organization_id, P_STR, PF_ID),
    PF(wos_api_key_upsert_params, secret, secret, P_STR, PF_REQ),
};
static const pfield k_client_creds_p[] = {
    PF(wos_client_credentials_params, user_id, user_id, P_STR, PF_REQ | PF_ID),
    PF(wos_client_credentials_params, organization_id, organization_id, P_STR, PF_ID),
    PF(wos_client_credentials_params, client_id, client_id, P_STR, PF_REQ),
    PF(wos_client_credentials_params, client_secret, client_secret, P_STR, PF_REQ),
    PF(wos_client_credentials_params, config, config, P_MAP, 0),
};
static const wos_pipes_spec k_authorize =
    SPEC(WOS_SEG_COLLECTION_STR "/\001/authorize", SPEC_BODY(k_authorize_p),
         SO(wos_authorize_params, slug), 0, WOS_SPEC_NO_QUERY);
static const wos_pipes_spec k_api_key =
    SPEC(WOS_SEG_COLLECTION_STR "/\001/api-key", SPEC_BODY(k_api_key_p),
         SO(wos_api_key_upsert_params, slug), 0, WOS_SPEC_NO_QUERY);
static const wos_pipes_spec k_client_creds =
    SPEC(WOS_SEG_COLLECTION_STR "/\001/client-credentials", SPEC_BODY(k_client_creds_p),
         SO(wos_client_credentials_params, slug), 0, WOS_SPEC_NO_QUERY);

static const field k_url_f[] = {F(wos_authorize_url, url, url, K_STR)};
static const table k_url_t = T(k_url_f, 0x1u);

wos_status wos_pipes_decode_authorize(wos_pipes_reply *r, wos_authorize_url *out,
                                      wos_api_error *err)
{
    return wos_pipes_decode_one(r, out, sizeof *out, err, &k_url_t);
}

static wos_status dec_authorize(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_authorize(r, (wos_authorize_url *)out, err);
}

/* authorize starts a pending authorization: a POST, not resent once it may have arrived. */
const wos_pipes_op_desc wos_op_authorize = {
    .method = WOS_M_POST, .retry = WOS_RETRY_KEYED, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = dec_authorize, .spec = &k_authorize,
};
const wos_pipes_op_desc wos_op_api_key = {
    .method = WOS_M_PUT, .retry = WOS_RETRY_WRITE, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = wos_pipes_dec_account, .spec = &k_api_key,
};
const wos_pipes_op_desc wos_op_client_credentials = {
    .method = WOS_M_PUT, .retry = WOS_RETRY_WRITE, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = wos_pipes_dec_account, .spec = &k_client_creds,
};
