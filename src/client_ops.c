/* The client's operations: build the call, run it, decode the reply. */
#include "client_internal.h"

#include <string.h>

typedef wos_status (*decode_fn)(wos_pipes_reply *r, void *out, wos_api_error *err);

static wos_status dec_token(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_token(r, (wos_access_token *)out, err);
}

static wos_status dec_integration(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_integration(r, (wos_data_integration *)out, err);
}

static wos_status dec_list(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    return wos_pipes_decode_list(r, (wos_integration_page *)out, err);
}

static wos_status dec_delete(wos_pipes_reply *r, void *out, wos_api_error *err)
{
    (void)out;
    return wos_pipes_decode_delete(r, err);
}

static wos_status perform(wos_client *c, const wos_pipes_call *call, const wos_call_options *opts,
                          decode_fn decode, void *out, wos_call_info *info)
{
    wos_call_info local;
    wos_pipes_reply r;
    wos_status st;
    if (c == NULL || (out == NULL && decode != dec_delete)) {
        return WOS_ERR_INVALID_ARG; /* before anything is sent */
    }
    if (info == NULL) {
        info = &local;
    }
    memset(info, 0, sizeof *info);
    st = wos_client_run(c, call, opts, info, &r);
    if (st == WOS_OK) {
        st = decode(&r, out, &info->api);
        info->tokens_needed = st == WOS_ERR_JSON_TOKENS ? r.tokens_needed : 0u;
    }
    return st;
}

/* The params pointer goes to the member of the call that op reads. */
static wos_status op(wos_client *c, wos_pipes_op o, wos_str slug, const void *params,
                     const wos_call_options *opts, decode_fn decode, void *out,
                     wos_call_info *info)
{
    wos_pipes_call call = {0};
    call.op = o;
    call.slug = slug;
    call.token = o == WOS_OP_TOKEN ? (const wos_token_params *)params : NULL;
    call.fields = (o == WOS_OP_CREATE || o == WOS_OP_UPDATE) ? (const wos_integration_params *)params
                                                            : NULL;
    call.list = o == WOS_OP_LIST ? (const wos_list_params *)params : NULL;
    return perform(c, &call, opts, decode, out, info);
}

static const wos_str k_no_slug = WOS_STR_NULL;

wos_status wos_client_get_token(wos_client *c, const wos_token_params *p,
                                const wos_call_options *opts, wos_access_token *out,
                                wos_call_info *info)
{
    return op(c, WOS_OP_TOKEN, k_no_slug, p, opts, dec_token, out, info);
}

wos_status wos_client_create(wos_client *c, const wos_integration_params *p,
                             const wos_call_options *opts, wos_data_integration *out,
                             wos_call_info *info)
{
    return op(c, WOS_OP_CREATE, k_no_slug, p, opts, dec_integration, out, info);
}

wos_status wos_client_list(wos_client *c, const wos_list_params *p, const wos_call_options *opts,
                           wos_integration_page *out, wos_call_info *info)
{
    return op(c, WOS_OP_LIST, k_no_slug, p, opts, dec_list, out, info);
}

wos_status wos_client_get(wos_client *c, wos_str slug, const wos_call_options *opts,
                          wos_data_integration *out, wos_call_info *info)
{
    return op(c, WOS_OP_GET, slug, NULL, opts, dec_integration, out, info);
}

wos_status wos_client_update(wos_client *c, wos_str slug, const wos_integration_params *p,
                             const wos_call_options *opts, wos_data_integration *out,
                             wos_call_info *info)
{
    return op(c, WOS_OP_UPDATE, slug, p, opts, dec_integration, out, info);
}

wos_status wos_client_delete(wos_client *c, wos_str slug, const wos_call_options *opts,
                             wos_call_info *info)
{
    return op(c, WOS_OP_DELETE, slug, NULL, opts, dec_delete, NULL, info);
}

/* Each page is decoded by the pager, which keeps the cursor out of the shared buffer. */
wos_status wos_client_list_all(wos_client *c, const wos_list_params *p,
                               const wos_call_options *opts, wos_page_fn on_page, void *ctx,
                               wos_call_info *info)
{
    wos_pager pg;
    wos_list_params lp;
    wos_integration_page page;
    wos_status st = on_page == NULL ? WOS_ERR_INVALID_ARG : wos_pager_init(&pg, p);
    while (st == WOS_OK && !wos_pager_done(&pg)) {
        st = wos_pager_next_params(&pg, &lp);
        if (st == WOS_OK) {
            st = op(c, WOS_OP_LIST, k_no_slug, &lp, opts, dec_list, &page, info);
        }
        if (st == WOS_OK) {
            st = wos_pager_advance(&pg, &page);
        }
        if (st == WOS_OK) {
            st = on_page(ctx, &page);
        }
    }
    return st;
}
