/* SPDX-License-Identifier: MIT */
/* Error results: every body shape the API (or a proxy in front of it) sends. */
#include "json_internal.h"
#include "pipes_internal.h"

#include <string.h>

#include "pipes_keys.h"

static wos_error_kind kind_of(int status)
{
    static const struct { int16_t status; uint8_t kind; } k_map[] = {
        {400, WOS_ERROR_BAD_REQUEST}, {401, WOS_ERROR_UNAUTHORIZED}, {403, WOS_ERROR_FORBIDDEN},
        {404, WOS_ERROR_NOT_FOUND}, {409, WOS_ERROR_CONFLICT}, {422, WOS_ERROR_UNPROCESSABLE},
        {429, WOS_ERROR_RATE_LIMITED},
    };
    size_t i;
    for (i = 0; i < sizeof k_map / sizeof k_map[0]; i++) {
        if (k_map[i].status == status) {
            return (wos_error_kind)k_map[i].kind;
        }
    }
    return (status >= 500 && status <= 599) ? WOS_ERROR_SERVER : WOS_ERROR_OTHER;
}

/*
 * The text of string token i as sent, escapes kept: decoding in place
 * would rewrite the raw body, which the error result hands out intact.
 */
static wos_str raw_string(const wos_json *doc, int i)
{
    wos_str s = WOS_STR_NULL;
    if (wos_json_type_of(doc, i) == WOS_JSON_STRING) {
        s.ptr = doc->js + doc->tok[i].start;
        s.len = (size_t)(doc->tok[i].end - doc->tok[i].start);
    }
    return s;
}

/* A string member's value v (absent: -1), or (for "message") the first
 * string of an array. */
static void take_string(const wos_json *doc, int v, wos_str *out)
{
    int k, item;
    wos_json_iter it;
    if (v < 0) {
        return;
    }
    if (wos_json_iter_init(&it, doc, v) == WOS_OK && wos_json_type_of(doc, v) == WOS_JSON_ARRAY) {
        while (out->ptr == NULL && wos_json_iter_next(&it, doc, &k, &item)) {
            *out = raw_string(doc, item);
        }
        return;
    }
    *out = raw_string(doc, v);
}

wos_status wos_pipes_decode_error(wos_pipes_reply *r, wos_api_error *out)
{
    static const char *const keys[] = {wos_k_code, wos_k_message, wos_k_error, wos_k_error_description};
    wos_json doc;
    int v[4];
    unsigned needed = 0;
    if (r == NULL || out == NULL || (r->body == NULL && r->body_len != 0u)) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(out, 0, sizeof *out);
    out->http_status = r->status;
    out->kind = kind_of(r->status);
    out->request_id = r->request_id;
    out->retry_after_s = r->retry_after_s;
    out->body.ptr = r->body != NULL ? r->body : "";
    out->body.len = r->body_len;
    if (r->body_len == 0u ||
        wos_json_parse(&doc, r->body, r->body_len, r->tokens, r->token_cap, &needed) != WOS_OK) {
        return WOS_OK; /* empty, HTML, truncated: the raw body is all there is */
    }
    if (wos_json_type_of(&doc, 0) == WOS_JSON_STRING) {
        out->error = raw_string(&doc, 0);
    } else if (wos_json_members(&doc, 0, keys, 4u, v) == WOS_OK) { /* one pass */
        take_string(&doc, v[0], &out->code);
        take_string(&doc, v[1], &out->message);
        take_string(&doc, v[2], &out->error);
        take_string(&doc, v[3], &out->error_description);
    }
    return WOS_OK;
}

/* Every decoder starts here: a non-2xx status is an error result. */
static wos_status reply_status(wos_pipes_reply *r, wos_api_error *err)
{
    if (r == NULL || (r->body == NULL && r->body_len != 0u)) {
        return WOS_ERR_INVALID_ARG;
    }
    if (r->status < 200 || r->status > 299) {
        if (err != NULL) {
            wos_status ignored = wos_pipes_decode_error(r, err); /* never fails here: r checked */
            (void)ignored;
        }
        return WOS_ERR_HTTP_STATUS;
    }
    return WOS_OK;
}

wos_status wos_pipes_decode_delete(wos_pipes_reply *r, wos_api_error *err)
{
    return reply_status(r, err);
}

wos_status wos_pipes_reply_json(wos_pipes_reply *r, void *out, size_t out_size, wos_json *doc,
                                wos_api_error *err)
{
    wos_status st;
    if (out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(out, 0, out_size);
    st = reply_status(r, err);
    if (st != WOS_OK) {
        return st;
    }
    st = wos_json_parse(doc, r->body, r->body_len, r->tokens, r->token_cap, &r->tokens_needed);
    if (st == WOS_ERR_INVALID_ARG && r->body_len == 0u) {
        st = WOS_ERR_JSON_MALFORMED; /* an empty 2xx body is not the expected shape */
    }
    return st;
}
