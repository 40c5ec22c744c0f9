/* SPDX-License-Identifier: MIT */
/* POST /widgets/token: a widget session token for a user and/or organization. */
#include "pipes_encode.h"
#include "pipes_internal.h"

static const pfield k_widget_p[] = {
    PF(wos_widget_token_params, organization_id, organization_id, P_STR, PF_ID),
    PF(wos_widget_token_params, user_id, user_id, P_STR, PF_ID),
    PF(wos_widget_token_params, scopes, scopes, P_LIST, 0),
};
static const wos_pipes_spec k_widget =
    SPEC("widgets/token", SPEC_BODY(k_widget_p), 0, 0, WOS_SPEC_NO_QUERY);

static const field k_widget_f[] = {F(wos_widget_token, token, token, K_STR)};
static const table k_widget_t = T(k_widget_f, 0x1u);

wos_status wos_pipes_decode_widget_token(wos_pipes_reply *r, wos_widget_token *out,
                                         wos_api_error *err)
{
    return wos_pipes_decode_one(r, out, sizeof *out, err, &k_widget_t);
}

static wos_status dec_widget(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_widget_token(r, (wos_widget_token *)out, err);
}

/* A new session each time: a POST not resent once it may have arrived. */
const wos_pipes_op_desc wos_op_widget_token = {
    .method = WOS_M_POST, .retry = WOS_RETRY_KEYED, .has_result = 1u,
    .prepare = wos_pipes_prepare_spec, .decode = dec_widget, .spec = &k_widget,
};
