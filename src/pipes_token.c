/* SPDX-License-Identifier: MIT */
/*
 * The reply of get access token: {"active": false, "error": "..."} or
 * {"active": true, "access_token": {...}}. Decoded by member lookup rather
 * than through the decoder tables: a token-only firmware then links neither
 * the tables of the data integration nor their loop. Unknown members are
 * ignored; of duplicate members the last wins (wos_json_member()).
 */
#include "pipes_internal.h"

#include "pipes_keys.h"

/* The member key of obj, decoded as kind into dst; absent leaves dst as it is. */
static wos_status member(wos_json *doc, int obj, const char *key, uint8_t kind, void *dst)
{
    int v;
    if (wos_json_member(doc, obj, key, &v) != WOS_OK) {
        return WOS_OK;
    }
    return wos_pipes_shape(wos_pipes_decode_value(doc, v, kind, (char *)dst));
}

/* The nested access_token object; the token's raw extent is kept before it
 * is decoded in place, so a wipe also covers its escapes. */
static wos_status token_object(wos_json *doc, int obj, wos_access_token *out)
{
    int v;
    wos_status st;
    if (wos_json_type_of(doc, obj) != WOS_JSON_OBJECT ||
        wos_json_member(doc, obj, wos_k_access_token, &v) != WOS_OK ||
        wos_json_type_of(doc, v) != WOS_JSON_STRING) {
        return WOS_ERR_JSON_SHAPE;
    }
    out->secret_span_ = doc->js + doc->tok[v].start;
    out->secret_span_len_ = (size_t)(doc->tok[v].end - doc->tok[v].start);
    st = wos_pipes_shape(wos_json_string(doc, v, &out->access_token));
    if (st == WOS_OK) {
        st = member(doc, obj, wos_k_expires_at, K_TIME, &out->expires_at);
    }
    if (st == WOS_OK) {
        st = member(doc, obj, wos_k_scopes, K_STRS, &out->scopes);
    }
    return st == WOS_OK ? member(doc, obj, wos_k_missing_scopes, K_STRS, &out->missing_scopes)
                        : st;
}

static wos_token_reason token_reason(wos_str e)
{
    if (wos_str_eq(e, "not_installed")) {
        return WOS_TOKEN_NOT_INSTALLED;
    }
    return wos_str_eq(e, "needs_reauthorization") ? WOS_TOKEN_NEEDS_REAUTHORIZATION
                                                   : WOS_TOKEN_REASON_UNKNOWN;
}

wos_status wos_pipes_decode_token(wos_pipes_reply *r, wos_access_token *out, wos_api_error *err)
{
    wos_json doc;
    int v;
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &doc, err);
    if (st != WOS_OK) {
        return st;
    }
    if (wos_json_type_of(&doc, 0) != WOS_JSON_OBJECT ||
        wos_json_member(&doc, 0, wos_k_active, &v) != WOS_OK) {
        return WOS_ERR_JSON_SHAPE;
    }
    st = wos_pipes_shape(wos_json_bool(&doc, v, &out->active));
    if (st == WOS_OK) {
        st = member(&doc, 0, wos_k_error, K_STR, &out->error);
    }
    if (st == WOS_OK && wos_json_member(&doc, 0, wos_k_access_token, &v) == WOS_OK &&
        !wos_json_is_null(&doc, v)) {
        st = token_object(&doc, v, out);
    }
    /* The union on `active`: a token when true, a reason when false. */
    if (st == WOS_OK && (out->active ? out->access_token.ptr : out->error.ptr) == NULL) {
        st = WOS_ERR_JSON_SHAPE;
    }
    out->expires = out->expires_at.text.ptr != NULL;
    out->reason = out->active ? WOS_TOKEN_ACTIVE : token_reason(out->error);
    return st;
}
