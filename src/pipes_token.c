/* SPDX-License-Identifier: MIT */
/*
 * The reply of get access token: {"active": false, "error": "..."} or
 * {"active": true, "access_token": {...}}. Decoded by member lookup rather
 * than through the decoder tables: a token-only firmware then links neither
 * the tables of the data integration nor their loop. Each object is read
 * in one pass for all its keys (wos_json_members()). Unknown members are
 * ignored; of duplicate members the last wins.
 */
#include "pipes_internal.h"

#include <string.h>

#include "json_internal.h"
#include "pipes_keys.h"

/* The reply's names, and the nested object's (lists of wos_json_members()). */
static const uint8_t k_keys[] = {WOS_KEY_AT(active), WOS_KEY_AT(error), WOS_KEY_AT(access_token), WOS_JSON_KEYS_END};
static const uint8_t k_token_keys[] = {WOS_KEY_AT(access_token), WOS_KEY_AT(expires_at),
                                       WOS_KEY_TAIL_AT(scopes, missing_scopes), WOS_KEY_AT(missing_scopes),
                                       WOS_JSON_KEYS_END};

/* The nested access_token object; the token's raw extent is kept before it
 * is decoded in place, so a wipe also covers its escapes. Absent members
 * (v < 0) stay zero. */
static wos_status token_object(wos_json *doc, int obj, wos_access_token *out)
{
    int v[4];
    wos_status st;
    if (wos_json_members(doc, obj, WOS_KEYS_A, k_token_keys, 0x1u, v) != WOS_OK || /* access_token: a secret */
        wos_json_type_of(doc, v[0]) != WOS_JSON_STRING) {
        return WOS_ERR_JSON_SHAPE;
    }
    out->secret_span_ = doc->js + doc->tok[v[0]].start;
    out->secret_span_len_ = (size_t)(doc->tok[v[0]].end - doc->tok[v[0]].start);
    st = wos_json_string(doc, v[0], &out->access_token);
    if (st == WOS_OK && v[1] >= 0) {
        st = wos_pipes_decode_time(doc, v[1], &out->expires_at);
    }
    if (st == WOS_OK && v[2] >= 0) {
        st = wos_pipes_decode_strings(doc, v[2], WOS_JSON_ARRAY, &out->scopes);
    }
    if (st == WOS_OK && v[3] >= 0) {
        st = wos_pipes_decode_strings(doc, v[3], WOS_JSON_ARRAY, &out->missing_scopes);
    }
    return st;
}

wos_token_reason wos_pipes_token_reason(const char *e, size_t len)
{
    /* Told apart by length, then compared (no wos_str_eq(), whose strlen()
     * a token-only firmware would link for this alone). */
    wos_token_reason r = WOS_TOKEN_NEEDS_REAUTHORIZATION;
    const char *name = "needs_reauthorization";
    if (len == 13u) {
        r = WOS_TOKEN_NOT_INSTALLED;
        name = "not_installed";
    }
    return (len == 13u || len == 21u) && memcmp(e, name, len) == 0 ? r : WOS_TOKEN_REASON_UNKNOWN;
}

wos_status wos_pipes_decode_token(wos_pipes_reply *r, wos_access_token *out, wos_api_error *err)
{
    wos_json doc;
    int v[3];
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &doc, err);
    if (st != WOS_OK) {
        return st;
    }
    /* active is required, and a bool (an absent one leaves v[0] -1, no
     * token); read here rather than by wos_json_bool(), which a token-only
     * firmware would link for this one member. */
    if (wos_json_members(&doc, 0, WOS_KEYS_A, k_keys, 0x4u, v) != WOS_OK || /* access_token holds one */
        wos_json_type_of(&doc, v[0]) != WOS_JSON_BOOL) {
        return WOS_ERR_JSON_SHAPE;
    }
    out->active = doc.js[doc.tok[v[0]].start] == 't';
    if (v[1] >= 0) {
        st = wos_json_string(&doc, v[1], &out->error);
    }
    if (st == WOS_OK && v[2] >= 0 && !wos_json_is_null(&doc, v[2])) {
        st = token_object(&doc, v[2], out);
    }
    /* The union on `active`: a token when true, a reason when false. */
    if (st == WOS_OK && (out->active ? out->access_token.ptr : out->error.ptr) == NULL) {
        st = WOS_ERR_JSON_SHAPE;
    }
    out->expires = out->expires_at.text.ptr != NULL;
    out->reason = out->active ? WOS_TOKEN_ACTIVE : wos_pipes_token_reason(out->error.ptr, out->error.len);
    return st;
}
