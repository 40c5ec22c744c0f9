/* SPDX-License-Identifier: MIT */
/* List results, page iteration, and the pager that walks every page. */
#include "json_internal.h"
#include "pipes_internal.h"

#include <string.h>

#include "pipes_keys.h"

/* The cursors of list_metadata (an object): each null, absent or a string. */
static const field k_meta_f[] = {
    F(wos_integration_page, before, before, K_NSTR),
    F(wos_integration_page, after, after, K_NSTR),
};
static const table k_meta_t = T(k_meta_f, 0u);

wos_status wos_pipes_decode_list(wos_pipes_reply *r, wos_integration_page *out, wos_api_error *err)
{
    int meta;
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &out->doc, err);
    if (st == WOS_OK && wos_json_member(&out->doc, 0, wos_keys_b.list_metadata, &meta) == WOS_OK) {
        /* Any fault in them (not an object, a cursor not a string or not UTF-8) is one of shape. */
        st = wos_pipes_decode_object(&out->doc, meta, &k_meta_t, (char *)out) != WOS_OK ? WOS_ERR_JSON_SHAPE
                                                                                       : WOS_OK;
    }
    /* Every item is checked here so that a page reported OK has no bad item. */
    return st != WOS_OK ? st
                        : wos_pipes_data(&out->doc, &wos_pipes_integration_t, &out->data_tok, &out->count);
}

wos_status wos_page_next(wos_integration_page *page, wos_data_integration *out)
{
    int tok;
    if (page == NULL || out == NULL || page->data_tok <= 0) {
        return WOS_ERR_INVALID_ARG;
    }
    tok = page->next_tok_ == 0 ? page->data_tok + 1 : page->next_tok_;
    /* Past the array's last byte, not past a skip of it: skipping the whole
     * array on every item made a walk of the page quadratic. */
    if ((unsigned)tok >= page->doc.count ||
        page->doc.tok[tok].start >= page->doc.tok[page->data_tok].end) {
        return WOS_ERR_NOT_FOUND;
    }
    page->next_tok_ = wos_json_skip(&page->doc, tok);
    return wos_pipes_decode_integration_at(&page->doc, tok, out);
}

wos_status wos_page_item(const wos_integration_page *page, unsigned idx, wos_data_integration *out)
{
    wos_json doc;
    int tok;
    if (page == NULL || out == NULL || page->data_tok <= 0) {
        return WOS_ERR_INVALID_ARG;
    }
    doc = page->doc; /* the page is const; decoding rewrites the body, not the doc */
    if (wos_json_item(&doc, page->data_tok, idx, &tok) != WOS_OK) {
        return WOS_ERR_NOT_FOUND;
    }
    return wos_pipes_decode_integration_at(&doc, tok, out);
}

static wos_status set_cursor(wos_pager *pg, wos_str c)
{
    if (c.len > sizeof pg->cursor) {
        return WOS_ERR_BUFFER_TOO_SMALL;
    }
    if (c.len > 0u) {
        memcpy(pg->cursor, c.ptr, c.len);
    }
    pg->cursor_len = (uint8_t)c.len;
    return WOS_OK;
}

wos_status wos_pager_init(wos_pager *pg, const wos_list_params *params)
{
    wos_str *start, c;
    if (pg == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(pg, 0, sizeof *pg);
    if (params == NULL) {
        return WOS_OK;
    }
    pg->params = *params;
    pg->backwards = wos_str_eq(params->order, "normal");
    start = pg->backwards ? &pg->params.before : &pg->params.after;
    c = *start;
    start->ptr = NULL; /* from here on the cursor lives in pg->cursor */
    return c.ptr == NULL ? WOS_OK : set_cursor(pg, c);
}

wos_status wos_pager_next_params(const wos_pager *pg, wos_list_params *out)
{
    wos_str *next, *other;
    if (pg == NULL || out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (pg->done) {
        return WOS_ERR_STATE;
    }
    *out = pg->params;
    next = pg->backwards ? &out->before : &out->after;
    other = pg->backwards ? &out->after : &out->before;
    if (pg->cursor_len > 0u) {
        next->ptr = pg->cursor;
        next->len = pg->cursor_len;
        /* Walking from a cursor: the opposite bound applies to the first page only. */
        if (pg->started) {
            other->ptr = NULL;
        }
    }
    return WOS_OK;
}

wos_status wos_pager_next_request(const wos_pager *pg, const wos_pipes_endpoint *ep,
                                  char *buf, size_t cap, size_t *out_len)
{
    wos_list_params p;
    wos_status st = wos_pager_next_params(pg, &p);
    return st != WOS_OK ? st : wos_pipes_write_list(ep, &p, buf, cap, out_len);
}

wos_status wos_pager_advance(wos_pager *pg, const wos_integration_page *page)
{
    wos_str next;
    wos_status st;
    if (pg == NULL || page == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (pg->done) {
        return WOS_ERR_STATE;
    }
    pg->started = true;
    next = pg->backwards ? page->before : page->after;
    /* An empty page, no cursor, an empty one or the one just used: a server
     * answering so would otherwise restart or repeat the walk forever. */
    st = WOS_OK;
    if (page->count != 0u && next.ptr != NULL && next.len != 0u &&
        (next.len != pg->cursor_len || memcmp(next.ptr, pg->cursor, next.len) != 0)) {
        st = set_cursor(pg, next);
        if (st == WOS_OK) {
            return st;
        }
    }
    pg->done = true;
    return st;
}

wos_status wos_pager_on_reply(wos_pager *pg, wos_pipes_reply *r, wos_integration_page *out,
                              wos_api_error *err)
{
    wos_status st;
    if (pg == NULL || pg->done) {
        return pg == NULL ? WOS_ERR_INVALID_ARG : WOS_ERR_STATE;
    }
    st = wos_pipes_decode_list(r, out, err);
    return st != WOS_OK ? st : wos_pager_advance(pg, out);
}

bool wos_pager_done(const wos_pager *pg)
{
    return pg == NULL || pg->done;
}
