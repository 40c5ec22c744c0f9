/* SPDX-License-Identifier: MIT */
/*
 * POST /data-integrations/{slug}/credentials: the vended credential of
 * any installation (oauth, api_key, client_credentials, or an auth_method
 * added later, kept as text with whatever members came), or inactive.
 */
#include "json_internal.h"
#include "pipes_accounts.h"
#include "pipes_encode.h"
#include "wos_time.h"

static const pfield k_cred_req_p[] = {
    PF(wos_token_params, user_id, user_id, P_STR, PF_REQ | PF_ID),
    PF(wos_token_params, organization_id, organization_id, P_STR, PF_ID),
    PF(wos_token_params, connected_account_id, connected_account_id, P_STR, PF_ID),
    PF(wos_token_params, connection_owner, connection_owner, P_STR, 0),
    PF(wos_token_params, supports_multiple_connections, supports_multiple_connections, P_BOOL, 0),
};
static const wos_pipes_spec k_credentials =
    SPEC(WOS_SEG_COLLECTION_STR "/\001/credentials", SPEC_BODY(k_cred_req_p),
         SO(wos_token_params, slug), 0, WOS_SPEC_NO_QUERY);

static const field k_credential_f[] = {
    F(wos_credential, value, value, K_STR),
    F(wos_credential, auth_method, auth_method_text, K_STR),
    F(wos_credential, object, object, K_STR),
    F(wos_credential, expires_at, expires_at, K_TSTR),
    F(wos_credential, scopes, scopes, K_STRS),
    F(wos_credential, missing_scopes, missing_scopes, K_STRS),
    F(wos_credential, metadata, metadata, K_MAP),
};
static const table k_cred_answer_subs[] = {T(k_credential_f, 0x3u)}; /* value, auth_method */
static const field k_cred_answer_f[] = {
    F(wos_credentials_result, active, active, K_BOOL),
    F(wos_credentials_result, error, error, K_NSTR),
    FO(wos_credentials_result, credential, credential, 0),
};
static const table k_cred_answer_t = TS(k_cred_answer_f, k_cred_answer_subs, 0x1u); /* active */

wos_status wos_pipes_decode_credentials(wos_pipes_reply *r, wos_credentials_result *out,
                                        wos_api_error *err)
{
    const wos_credential *c = &out->credential;
    static const uint8_t k_one[] = {0u, WOS_JSON_KEYS_END}; /* the name at base */
    wos_json doc;
    int cv = -1, vv = -1;
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &doc, err);
    if (st != WOS_OK) {
        return st;
    }
    st = wos_pipes_decode_object(&doc, 0, &k_cred_answer_t, (char *)out);
    if (st != WOS_OK) {
        return st;
    }
    /* Earlier copies of the credential or of its value are no result's:
     * looked up once more as secrets, which zeroes them. */
    if (wos_json_members(&doc, 0, wos_keys_b.credential, k_one, 0x1u, &cv) == WOS_OK) {
        (void)wos_json_members(&doc, cv, wos_keys_b.value, k_one, 0x1u, &vv);
    }
    /* The union on `active`: a credential when true, a reason when false. */
    if (out->active ? !c->present : out->error.ptr == NULL) {
        return WOS_ERR_JSON_SHAPE;
    }
    /* Decoding in place zeroed what escapes freed: the view is all of the secret left. */
    out->secret_span_ = (char *)(uintptr_t)c->value.ptr;
    out->secret_span_len_ = c->value.len;
    out->auth_method = wos_pipes_auth_method(c->auth_method_text);
    out->reason = out->active ? WOS_TOKEN_ACTIVE : wos_pipes_token_reason(out->error.ptr, out->error.len);
    if (c->expires_at.state == WOS_SET) {
        st = wos_time_parse_rfc3339(c->expires_at.value.ptr, c->expires_at.value.len,
                                    &out->expires_at_unix);
    }
    return st;
}

void wos_credentials_wipe(wos_credentials_result *c)
{
    if (c == NULL) {
        return;
    }
    wos_secure_zero(c->secret_span_, c->secret_span_len_);
    c->secret_span_ = NULL;
    c->secret_span_len_ = 0u;
    c->credential.value.ptr = NULL;
    c->credential.value.len = 0u;
}

static wos_status dec_credentials(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_credentials(r, (wos_credentials_result *)out, err);
}

/* It only reads, so it is retried like token after a lost answer. */
const wos_pipes_op_desc wos_op_credentials = {
    .method = WOS_M_POST, .retry = WOS_RETRY_REPEATABLE | WOS_RETRY_KEYED, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = dec_credentials, .spec = &k_credentials,
};
