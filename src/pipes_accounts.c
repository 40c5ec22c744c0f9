/* SPDX-License-Identifier: MIT */
/*
 * Connected accounts: GET, POST, PUT and DELETE of
 * /user_management/users/{user_id}/connected_accounts/{slug}[?organization_id=],
 * and the connected_account object that they, the API-key and
 * client-credentials upserts and the data providers answer.
 */
#include "pipes_accounts.h"

#include <string.h>

#include "pipes_encode.h"

static const pfield k_account_p[] = {
    PF(wos_account_params, access_token, access_token, P_STR, 0),
    PF(wos_account_params, refresh_token, refresh_token, P_STR, 0),
    PF(wos_account_params, expires_at, expires_at, P_STR, 0),
    PF(wos_account_params, scopes, scopes, P_LIST, 0),
    PF(wos_account_params, state, state, P_STR, 0),
};

/* "users" and the ids are the only per-operation parts of the path. */
#define ACCOUNT_PATH "user_management/users/\001/connected_accounts/\002"
#define ACCOUNT_IDS_QUERY \
    SO(wos_account_params, user_id), SO(wos_account_params, slug), \
        SO(wos_account_params, organization_id)

static const wos_pipes_spec k_account_read = SPEC(ACCOUNT_PATH, SPEC_NO_BODY, ACCOUNT_IDS_QUERY);
static const wos_pipes_spec k_account_write =
    SPEC(ACCOUNT_PATH, SPEC_BODY(k_account_p), ACCOUNT_IDS_QUERY);

static const field k_account_f[] = {
    F(wos_connected_account, id, id, K_STR),
    F(wos_connected_account, state, state_text, K_STR),
    F(wos_connected_account, object, object, K_STR),
    F(wos_connected_account, user_id, user_id, K_TSTR),
    F(wos_connected_account, organization_id, organization_id, K_TSTR),
    F(wos_connected_account, scopes, scopes, K_STRS),
    F(wos_connected_account, auth_method, auth_method_text, K_TSTR),
    F(wos_connected_account, api_key_last_4, api_key_last_4, K_TSTR),
    F(wos_connected_account, client_id, client_id, K_TSTR),
    F(wos_connected_account, client_secret_last_4, client_secret_last_4, K_TSTR),
    F(wos_connected_account, config, config, K_MAP),
    F(wos_connected_account, created_at, created_at, K_TIME),
    F(wos_connected_account, updated_at, updated_at, K_TIME),
};
const table wos_pipes_account_t = T(k_account_f, 0x3u); /* id, state */

int wos_pipes_enum_of(wos_str s, const char *const *names)
{
    int i;
    for (i = 0; names[i] != NULL; i++) {
        if (wos_str_eq(s, names[i])) {
            return i + 1;
        }
    }
    return 0;
}

wos_auth_method wos_pipes_auth_method(wos_str s)
{
    static const char *const k_names[] = {"oauth", "api_key", "client_credentials", NULL};
    return (wos_auth_method)wos_pipes_enum_of(s, k_names);
}

void wos_pipes_account_finish(wos_connected_account *a)
{
    static const char *const k_states[] = {"connected", "needs_reauthorization", "disconnected",
                                           NULL};
    a->state = (wos_account_state)wos_pipes_enum_of(a->state_text, k_states);
    /* The spec: oauth when auth_method is left out. */
    a->auth_method = a->auth_method_text.state == WOS_OMIT
                         ? WOS_AUTH_METHOD_OAUTH
                         : wos_pipes_auth_method(a->auth_method_text.value);
}

wos_status wos_pipes_decode_account(wos_pipes_reply *r, wos_connected_account *out,
                                    wos_api_error *err)
{
    wos_status st = wos_pipes_decode_one(r, out, sizeof *out, err, &wos_pipes_account_t);
    if (st == WOS_OK) {
        out->present = true;
        wos_pipes_account_finish(out);
    }
    return st;
}

wos_status wos_pipes_dec_account(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_account(r, (wos_connected_account *)out, err);
}

static wos_status dec_account_create(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_unconfirmed(r, wos_pipes_dec_account(r, out, err));
}

/* Writes are not resent once they may have reached the server (issue 10). */
const wos_pipes_op_desc wos_op_account_get = {
    .method = WOS_M_GET, .retry = WOS_RETRY_REPEATABLE, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = wos_pipes_dec_account, .spec = &k_account_read,
};
const wos_pipes_op_desc wos_op_account_create = {
    .method = WOS_M_POST, .retry = WOS_RETRY_KEYED | WOS_RETRY_WRITE,
    .has_result = 1u, .prepare = wos_pipes_prepare_spec, .decode = dec_account_create,
    .spec = &k_account_write,
};
const wos_pipes_op_desc wos_op_account_update = {
    .method = WOS_M_PUT, .retry = WOS_RETRY_WRITE, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = wos_pipes_dec_account, .spec = &k_account_write,
};
const wos_pipes_op_desc wos_op_account_delete = {
    .method = WOS_M_DELETE, .retry = WOS_RETRY_WRITE, .has_result = 0u,
    .prepare = wos_pipes_prepare_spec, .decode = wos_pipes_dec_gone, .spec = &k_account_read,
};
