/* SPDX-License-Identifier: MIT */
/* Error results: every body shape the API (or a proxy in front of it) sends. */
#include "json_internal.h"
#include "pipes_internal.h"

#include <stddef.h>
#include <string.h>

#include "pipes_keys.h"

static wos_error_kind kind_of(int status)
{
    /* 400, 401, 403, 404, 409, 422 and 429 less 400, in the order of wos_error_kind. */
    static const uint8_t k_codes[] = {0, 1, 3, 4, 9, 22, 29};
    unsigned d = (unsigned)status - 400u, i;
    for (i = 0; i < sizeof k_codes; i++) {
        if (k_codes[i] == d) {
            return (wos_error_kind)(i + 1u);
        }
    }
    return d - 100u < 100u ? WOS_ERROR_SERVER : WOS_ERROR_OTHER; /* 5xx */
}

/*
 * A string member's value v (absent: -1), or (for "message") the first
 * string of an array, as sent, escapes kept: decoding in place would
 * rewrite the raw body, which the error result hands out intact. Any
 * other value leaves out absent. Arrays and strings are told by the
 * token's own type (no wos_json_type_of(), which reads primitives' text).
 */
static void take_string(const wos_json *doc, int v, wos_str *out)
{
    const jsmntok_t *t = doc->tok;
    int i;
    if ((unsigned)v >= doc->count) {
        return;
    }
    if (t[v].type == JSMN_ARRAY) {
        /* Its first item that is a string: the first string token in the
         * array's extent whose parent is the array (nested ones are not). */
        for (i = v + 1; (unsigned)i < doc->count && t[i].start < t[v].end; i++) {
            if (t[i].parent == v && t[i].type == JSMN_STRING) {
                v = i;
                break;
            }
        }
    }
    if (t[v].type == JSMN_STRING) {
        out->ptr = doc->js + t[v].start;
        out->len = (size_t)(t[v].end - t[v].start);
    }
}

/* The string members of wos_api_error follow each other, in the order of keys[] below. */
typedef char wos_api_error_strings_in_order[offsetof(wos_api_error, error_description) ==
                                                    offsetof(wos_api_error, code) + 3u * sizeof(wos_str)
                                                ? 1 : -1];

/* wos_pipes_decode_error() on a reply already checked (by it, or by reply_status()). */
static void fill_error(wos_pipes_reply *r, wos_api_error *out)
{
    static const uint8_t keys[] = {WOS_KEY_AT(code), WOS_KEY_AT(message), WOS_KEY_AT(error),
                                   WOS_KEY_AT(error_description), WOS_JSON_KEYS_END};
    wos_json doc;
    int v[4];
    unsigned i;
    memset(out, 0, sizeof *out);
    out->http_status = r->status;
    out->kind = kind_of(r->status);
    out->request_id = r->request_id;
    out->retry_after_s = r->retry_after_s;
    out->body.ptr = r->body != NULL ? r->body : "";
    out->body.len = r->body_len;
    if (wos_json_parse(&doc, r->body, r->body_len, r->tokens, r->token_cap, NULL) != WOS_OK) {
        return; /* empty (not JSON), HTML, truncated: the raw body is all there is */
    }
    if (wos_json_members(&doc, 0, WOS_KEYS_A, keys, 0u, v) == WOS_ERR_JSON_SHAPE) { /* one pass */
        v[0] = v[1] = v[3] = -1; /* not an object: a bare string is the error */
        v[2] = 0;
    }
    for (i = 0; i < 4u; i++) {
        take_string(&doc, v[i], (wos_str *)(void *)((char *)out + offsetof(wos_api_error, code) +
                                                     i * sizeof(wos_str)));
    }
}

/* A reply checked once: the decoders reach fill_error() through reply_status(). */
static bool reply_ok(const wos_pipes_reply *r)
{
    return r != NULL && (r->body != NULL || r->body_len == 0u);
}

wos_status wos_pipes_decode_error(wos_pipes_reply *r, wos_api_error *out)
{
    if (!reply_ok(r) || out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    fill_error(r, out);
    return WOS_OK;
}

/* Every decoder starts here: a non-2xx status is an error result. */
static wos_status reply_status(wos_pipes_reply *r, wos_api_error *err)
{
    if (!reply_ok(r)) {
        return WOS_ERR_INVALID_ARG;
    }
    if (r->status < 200 || r->status > 299) {
        if (err != NULL) {
            fill_error(r, err);
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
