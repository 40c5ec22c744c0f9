/* SPDX-License-Identifier: MIT */
/* The client's walk over every page of a list. */
#include "client_internal.h"

#include <string.h>

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
