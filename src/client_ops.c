/* SPDX-License-Identifier: MIT */
/* The client's operations: build the call, run it, decode the reply. */
#include "client_internal.h"

#include <string.h>

/*
 * What the retry of a write answers after an attempt that may have done
 * the work (info->resent_write): a DELETE's 404 means the first attempt
 * deleted it; a create's 409 means it probably created it.
 */
static wos_status resent_outcome(wos_pipes_op op, wos_status st, const wos_call_info *info)
{
    if (st != WOS_ERR_HTTP_STATUS || !info->resent_write) {
        return st;
    }
    if ((op->retry & WOS_RETRY_GONE_IS_DONE) != 0u && info->api.http_status == 404) {
        return WOS_OK;
    }
    return (op->retry & WOS_RETRY_CONFLICT_UNCONFIRMED) != 0u && info->api.http_status == 409
               ? WOS_ERR_CREATE_UNCONFIRMED
               : st;
}

wos_status wos_client_call(wos_client *c, const wos_pipes_call *call,
                           const wos_call_options *opts, void *out, wos_call_info *info)
{
    wos_pipes_reply *r;
    wos_status st;
    if (c == NULL || call == NULL || call->op == NULL || (out == NULL && call->op->has_result)) {
        return WOS_ERR_INVALID_ARG; /* before anything is sent */
    }
    if (info == NULL) {
        info = &c->info; /* caller memory, not stack */
    }
    memset(info, 0, sizeof *info);
    r = &c->reply_;
    st = wos_client_run(c, call, opts, info);
    if (st == WOS_OK) {
        info->date = r->date;
        st = call->op->decode(r, out, &info->api);
        if (st == WOS_ERR_JSON_TOKENS) {
            info->tokens_needed = r->tokens_needed; /* else still 0 */
        }
        if (st != WOS_OK && st != WOS_ERR_HTTP_STATUS) {
            /* A 2xx body that failed to decode may hold a secret (a token)
             * that no result points to, so no wipe could reach it later. */
            wos_secure_zero(r->body, r->body_len);
        }
        st = resent_outcome(call->op, st, info);
    }
    return st;
}

/* Each page is decoded by the pager, which keeps the cursor out of the shared
 * buffer; it lives in the client rather than on the stack (the deepest call
 * chain of the library runs through here). A page's parameters are dead once
 * its request is sent, before its answer is decoded, so the two share memory. */
wos_status wos_client_list_all(wos_client *c, const wos_list_params *p,
                               const wos_call_options *opts, wos_page_fn on_page, void *ctx,
                               wos_call_info *info)
{
    union {
        wos_list_params params;    /* read while the request is written (every attempt) */
        wos_integration_page page; /* written by the decode, after the last attempt */
    } u;
    wos_pipes_call call = {WOS_OP_LIST, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    wos_pager *pg = c != NULL ? &c->pager : NULL;
    wos_status st = on_page == NULL || pg == NULL ? WOS_ERR_INVALID_ARG : wos_pager_init(pg, p);
    call.list = &u.params;
    while (st == WOS_OK && !pg->done) {
        st = wos_pager_next_params(pg, &u.params);
        if (st == WOS_OK) {
            st = wos_client_call(c, &call, opts, &u.page, info);
        }
        if (st == WOS_OK) {
            st = wos_pager_advance(pg, &u.page);
        }
        if (st == WOS_OK) {
            st = on_page(ctx, &u.page);
        }
    }
    return st;
}
