/* SPDX-License-Identifier: MIT */
/*
 * Pipes response decoding. Objects are decoded from small tables of
 * {key, kind, offset} rather than hand-written code per field: one loop
 * serves every object of the contract, which keeps flash small, and unknown
 * members fall through it untouched.
 */
#include "pipes_internal.h"

#include <stddef.h>
#include <string.h>

#include "pipes_keys.h"
#include "wos_time.h"

enum kind {
    K_STR,  /* string */
    K_NSTR, /* string or null (absent view) */
    K_BOOL, /* true/false */
    K_TIME, /* RFC 3339 string or null, into a wos_timestamp */
    K_STRS, /* array of strings, or null (tok -1) */
    K_MAP,  /* object of strings, or null (tok -1) */
    K_OBJ,  /* nested object or null; the struct at off starts with `bool present` */
    K_FLAT  /* nested object or null whose members land in the same struct (off 0) */
};

typedef struct field {
    const char *key;
    uint16_t off;
    uint8_t kind;
    uint8_t sub; /* K_OBJ, K_FLAT: index into k_tables; such tables hold neither */
} field;

typedef struct table {
    const field *f;
    uint8_t n;
    uint8_t required; /* bit i: f[i] must be present */
} table;

#define F(type, key, member, kind) { wos_k_##key, (uint16_t)offsetof(type, member), kind, 0u }
#define FO(type, key, member, sub) { wos_k_##key, (uint16_t)offsetof(type, member), K_OBJ, sub }

static const field k_cred_f[] = {
    F(wos_credentials, type, type, K_STR),
    F(wos_credentials, client_id, client_id, K_NSTR),
    F(wos_credentials, redacted_client_secret, redacted_client_secret, K_NSTR),
};
static const field k_inst_f[] = {
    F(wos_installation, id, id, K_STR),
    F(wos_installation, user_id, user_id, K_STR),
    F(wos_installation, organization_id, organization_id, K_NSTR),
    F(wos_installation, api_key_last_4, api_key_last_4, K_NSTR),
};
static const field k_cp_f[] = {
    F(wos_custom_provider, name, name, K_STR),
    F(wos_custom_provider, authorization_url, authorization_url, K_NSTR),
    F(wos_custom_provider, token_url, token_url, K_NSTR),
    F(wos_custom_provider, refresh_token_url, refresh_token_url, K_NSTR),
    F(wos_custom_provider, pkce_enabled, pkce_enabled, K_BOOL),
    F(wos_custom_provider, request_scope_separator, request_scope_separator, K_STR),
    F(wos_custom_provider, scopes_required, scopes_required, K_BOOL),
    F(wos_custom_provider, client_secret_required, client_secret_required, K_BOOL),
    F(wos_custom_provider, additional_authorization_parameters,
      additional_authorization_parameters, K_MAP),
    F(wos_custom_provider, token_body_content_type, token_body_content_type, K_NSTR),
    F(wos_custom_provider, authenticate_via, authenticate_via, K_STR),
};
static const field k_di_f[] = {
    F(wos_data_integration, id, id, K_STR),
    F(wos_data_integration, slug, slug, K_STR),
    F(wos_data_integration, object, object, K_STR),
    F(wos_data_integration, integration_type, integration_type, K_STR),
    F(wos_data_integration, description, description, K_NSTR),
    F(wos_data_integration, enabled, enabled, K_BOOL),
    F(wos_data_integration, state, state_text, K_STR),
    F(wos_data_integration, scopes, scopes, K_STRS),
    F(wos_data_integration, redirect_uri, redirect_uri, K_NSTR),
    F(wos_data_integration, auth_methods, auth_methods, K_STRS),
    FO(wos_data_integration, credentials, credentials, 0),
    FO(wos_data_integration, installation, installation, 1),
    F(wos_data_integration, config, config, K_MAP),
    FO(wos_data_integration, custom_provider, custom_provider, 2),
    F(wos_data_integration, created_at, created_at, K_TIME),
    F(wos_data_integration, updated_at, updated_at, K_TIME),
};
static const field k_tok_f[] = {
    F(wos_access_token, access_token, access_token, K_STR),
    F(wos_access_token, expires_at, expires_at, K_TIME),
    F(wos_access_token, scopes, scopes, K_STRS),
    F(wos_access_token, missing_scopes, missing_scopes, K_STRS),
};

/* The token reply: {"active", "error"} or {"active", "access_token": {...}}. */
static const field k_reply_f[] = {
    F(wos_access_token, active, active, K_BOOL),
    F(wos_access_token, error, error, K_STR),
    {wos_k_access_token, 0u, K_FLAT, 4u},
};

#define T(arr, req) { arr, (uint8_t)(sizeof arr / sizeof arr[0]), req }
static const table k_tables[] = {
    T(k_cred_f, 0x1u),  /* type */
    T(k_inst_f, 0x3u),  /* id, user_id */
    T(k_cp_f, 0x1u),    /* name */
    T(k_di_f, 0x3u),    /* id, slug */
    T(k_tok_f, 0x1u),   /* access_token */
    T(k_reply_f, 0x1u), /* active */
};
enum { TAB_DI = 3, TAB_REPLY = 5 };

/* Where a decoder writes when it only checks (no result struct). */
typedef union scratch {
    wos_str s;
    bool b;
    wos_timestamp t;
    wos_json_view v;
} scratch;

/* Every item of a string array / every value of a string map must be a string. */
static wos_status check_strings(wos_json *doc, int tok, wos_json_type want, unsigned *count)
{
    wos_json_iter it;
    int k, v;
    if (wos_json_type_of(doc, tok) != want || wos_json_iter_init(&it, doc, tok) != WOS_OK) {
        return WOS_ERR_JSON_SHAPE;
    }
    *count = wos_json_size(doc, tok);
    /* Decoded now, so that an accessor of a result reported OK cannot fail later. */
    while (wos_json_iter_next(&it, doc, &k, &v)) {
        wos_str tmp;
        wos_status st = wos_json_string(doc, v, &tmp);
        if (st == WOS_OK && k >= 0) {
            st = wos_json_string(doc, k, &tmp);
        }
        if (st != WOS_OK) {
            return st;
        }
    }
    return WOS_OK;
}

static wos_status decode_time(wos_json *doc, int v, wos_timestamp *ts)
{
    wos_status st = wos_json_string(doc, v, &ts->text);
    return st != WOS_OK ? st : wos_time_parse_rfc3339(ts->text.ptr, ts->text.len, &ts->unix_s);
}

/*
 * One member's value, of any kind but K_OBJ/K_FLAT. A null list or map is
 * a view with tok -1 (an absent one stays all zero); other nulls leave the
 * zeroed default.
 */
static wos_status decode_value(wos_json *doc, int v, const field *f, char *dst)
{
    wos_json_view *lv = (wos_json_view *)(void *)dst;
    if (f->kind >= K_STRS) {
        lv->doc = *doc;
        lv->tok = -1;
    }
    if (f->kind != K_STR && f->kind != K_BOOL && wos_json_is_null(doc, v)) {
        return WOS_OK;
    }
    switch (f->kind) {
    case K_STR:
    case K_NSTR:
        return wos_json_string(doc, v, (wos_str *)(void *)dst);
    case K_BOOL:
        return wos_json_bool(doc, v, (bool *)(void *)dst);
    case K_TIME:
        return decode_time(doc, v, (wos_timestamp *)(void *)dst);
    default: /* K_STRS, K_MAP */
        lv->tok = v;
        return check_strings(doc, v, f->kind == K_STRS ? WOS_JSON_ARRAY : WOS_JSON_OBJECT,
                             &lv->count);
    }
}

/* Bytes a member of this kind takes in its result struct. */
static size_t kind_size(uint8_t kind)
{
    static const uint8_t k_size[] = {
        [K_STR] = sizeof(wos_str), [K_NSTR] = sizeof(wos_str), [K_BOOL] = sizeof(bool),
        [K_TIME] = sizeof(wos_timestamp), [K_STRS] = sizeof(wos_json_view),
        [K_MAP] = sizeof(wos_json_view),
    };
    return k_size[kind];
}

/*
 * Forget what an earlier occurrence of a member left (duplicates: the last
 * wins). A nested object's members are cleared one by one; K_OBJ's
 * `present` is set again when the new value is an object.
 */
static void clear_member(const field *fd, char *dst)
{
    uint8_t i;
    if (fd->kind < K_OBJ) {
        memset(dst, 0, kind_size(fd->kind));
        return;
    }
    if (fd->kind == K_OBJ) {
        *(bool *)(void *)dst = false;
    }
    for (i = 0; i < k_tables[fd->sub].n; i++) {
        const field *sf = &k_tables[fd->sub].f[i];
        memset(dst + sf->off, 0, kind_size(sf->kind));
    }
}

static const field *find_field(const table *t, wos_str key, uint8_t *idx)
{
    uint8_t i;
    for (i = 0; i < t->n; i++) {
        if (wos_str_eq(key, t->f[i].key)) {
            *idx = i;
            return &t->f[i];
        }
    }
    return NULL;
}

typedef struct frame {
    wos_json_iter it;
    const table *t;
    char *base; /* NULL: check only */
    uint32_t seen;
} frame;

static wos_status open_frame(wos_json *doc, int obj, const table *t, char *base, frame *f)
{
    if (wos_json_type_of(doc, obj) != WOS_JSON_OBJECT ||
        wos_json_iter_init(&f->it, doc, obj) != WOS_OK) {
        return WOS_ERR_JSON_SHAPE;
    }
    f->t = t;
    f->base = base;
    f->seen = 0;
    return WOS_OK;
}

/* A bad value is a shape error, except text that is no UTF-8 or no timestamp, which says so. */
static wos_status shape(wos_status st)
{
    return (st == WOS_OK || st == WOS_ERR_INVALID_UTF8 || st == WOS_ERR_INVALID_TIME)
               ? st : WOS_ERR_JSON_SHAPE;
}

/*
 * Decodes (or, with base NULL, only checks) the object at obj. Unknown
 * members are skipped; of duplicates the last wins (each occurrence is
 * decoded over what the one before left, as JavaScript reads JSON). Tables
 * nest one level deep, so two frames replace recursion.
 */
static wos_status decode_object(wos_json *doc, int obj, const table *t, char *base)
{
    frame fr[2];
    unsigned d = 0;
    scratch tmp;
    wos_status st = open_frame(doc, obj, t, base, &fr[0]);
    while (st == WOS_OK) {
        frame *f = &fr[d];
        const field *fd;
        wos_str key;
        uint8_t idx = 0;
        int k, v;
        if (!wos_json_iter_next(&f->it, doc, &k, &v)) {
            if ((f->seen & f->t->required) != f->t->required) {
                return WOS_ERR_JSON_SHAPE;
            }
            if (d == 0u) {
                return WOS_OK;
            }
            d = 0;
            continue;
        }
        /* A key that does not decode names no member we know: skipped like any unknown. */
        fd = wos_json_string(doc, k, &key) == WOS_OK ? find_field(f->t, key, &idx) : NULL;
        if (fd == NULL) {
            continue;
        }
        if (f->base != NULL && (f->seen & (1u << idx)) != 0u) {
            clear_member(fd, f->base + fd->off);
        }
        f->seen |= 1u << idx;
        if (fd->kind < K_OBJ) {
            st = shape(decode_value(doc, v, fd, f->base != NULL ? f->base + fd->off : (char *)&tmp));
        } else if (!wos_json_is_null(doc, v) && d == 0u) {
            if (f->base != NULL && fd->kind == K_OBJ) {
                *(bool *)(void *)(f->base + fd->off) = true;
            }
            st = open_frame(doc, v, &k_tables[fd->sub], f->base != NULL ? f->base + fd->off : NULL,
                            &fr[1]);
            d = 1;
        }
    }
    return st;
}

static wos_integration_state parse_state(wos_str s)
{
    if (wos_str_eq(s, "valid")) {
        return WOS_STATE_VALID;
    }
    if (wos_str_eq(s, "invalid")) {
        return WOS_STATE_INVALID;
    }
    return wos_str_eq(s, "requested") ? WOS_STATE_REQUESTED : WOS_STATE_UNKNOWN;
}

wos_status wos_pipes_decode_integration_at(wos_json *doc, int obj, wos_data_integration *out)
{
    wos_status st;
    if (out == NULL) {
        return decode_object(doc, obj, &k_tables[TAB_DI], NULL);
    }
    memset(out, 0, sizeof *out);
    st = decode_object(doc, obj, &k_tables[TAB_DI], (char *)out);
    out->state = parse_state(out->state_text);
    return st;
}

wos_status wos_pipes_decode_integration(wos_pipes_reply *r, wos_data_integration *out,
                                        wos_api_error *err)
{
    wos_json doc;
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &doc, err);
    return st != WOS_OK ? st : wos_pipes_decode_integration_at(&doc, 0, out);
}

static wos_token_reason token_reason(wos_str e)
{
    if (wos_str_eq(e, "not_installed")) {
        return WOS_TOKEN_NOT_INSTALLED;
    }
    return wos_str_eq(e, "needs_reauthorization") ? WOS_TOKEN_NEEDS_REAUTHORIZATION
                                                   : WOS_TOKEN_REASON_UNKNOWN;
}

/* The token's raw extent is kept before decoding, so a wipe also covers its escapes. */
static void note_secret(wos_json *doc, wos_access_token *out)
{
    int obj, v;
    if (wos_json_member(doc, 0, wos_k_access_token, &obj) == WOS_OK &&
        wos_json_member(doc, obj, wos_k_access_token, &v) == WOS_OK &&
        wos_json_type_of(doc, v) == WOS_JSON_STRING) {
        out->secret_span_ = doc->js + doc->tok[v].start;
        out->secret_span_len_ = (size_t)(doc->tok[v].end - doc->tok[v].start);
    }
}

wos_status wos_pipes_decode_token(wos_pipes_reply *r, wos_access_token *out, wos_api_error *err)
{
    wos_json doc;
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &doc, err);
    if (st != WOS_OK) {
        return st;
    }
    note_secret(&doc, out);
    st = decode_object(&doc, 0, &k_tables[TAB_REPLY], (char *)out);
    /* The union on `active`: a token when true, a reason when false. */
    if (st == WOS_OK && (out->active ? out->access_token.ptr : out->error.ptr) == NULL) {
        st = WOS_ERR_JSON_SHAPE;
    }
    out->expires = out->expires_at.text.ptr != NULL;
    out->reason = out->active ? WOS_TOKEN_ACTIVE : token_reason(out->error);
    return st;
}
