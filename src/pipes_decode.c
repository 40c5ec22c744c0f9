/*
 * Pipes response decoding. Objects are decoded from small tables of
 * {key, kind, offset} rather than hand-written code per field: one loop
 * serves every object of the contract, which keeps flash small, and unknown
 * members fall through it untouched.
 */
#include "pipes_internal.h"

#include <stddef.h>
#include <string.h>

#include "wos_time.h"

enum kind {
    K_STR,  /* string */
    K_NSTR, /* string or null (absent view) */
    K_BOOL, /* true/false */
    K_STRS, /* array of strings, or null (tok -1) */
    K_MAP,  /* object of strings, or null (tok -1) */
    K_OBJ   /* nested object or null; the struct at off starts with `bool present` */
};

typedef struct field {
    const char *key;
    uint16_t off;
    uint8_t kind;
    uint8_t sub; /* K_OBJ: index into k_tables */
} field;

typedef struct table {
    const field *f;
    uint8_t n;
    uint8_t required; /* bit i: f[i] must be present */
} table;

#define F(type, key, member, kind) { key, (uint16_t)offsetof(type, member), kind, 0u }
#define FO(type, key, member, sub) { key, (uint16_t)offsetof(type, member), K_OBJ, sub }

static const field k_cred_f[] = {
    F(wos_credentials, "type", type, K_STR),
    F(wos_credentials, "client_id", client_id, K_NSTR),
    F(wos_credentials, "redacted_client_secret", redacted_client_secret, K_NSTR),
};
static const field k_inst_f[] = {
    F(wos_installation, "id", id, K_STR),
    F(wos_installation, "user_id", user_id, K_STR),
    F(wos_installation, "organization_id", organization_id, K_NSTR),
    F(wos_installation, "api_key_last_4", api_key_last_4, K_NSTR),
};
static const field k_cp_f[] = {
    F(wos_custom_provider, "name", name, K_STR),
    F(wos_custom_provider, "authorization_url", authorization_url, K_NSTR),
    F(wos_custom_provider, "token_url", token_url, K_NSTR),
    F(wos_custom_provider, "refresh_token_url", refresh_token_url, K_NSTR),
    F(wos_custom_provider, "pkce_enabled", pkce_enabled, K_BOOL),
    F(wos_custom_provider, "request_scope_separator", request_scope_separator, K_STR),
    F(wos_custom_provider, "scopes_required", scopes_required, K_BOOL),
    F(wos_custom_provider, "client_secret_required", client_secret_required, K_BOOL),
    F(wos_custom_provider, "additional_authorization_parameters",
      additional_authorization_parameters, K_MAP),
    F(wos_custom_provider, "token_body_content_type", token_body_content_type, K_NSTR),
    F(wos_custom_provider, "authenticate_via", authenticate_via, K_STR),
};
static const field k_di_f[] = {
    F(wos_data_integration, "id", id, K_STR),
    F(wos_data_integration, "slug", slug, K_STR),
    F(wos_data_integration, "object", object, K_STR),
    F(wos_data_integration, "integration_type", integration_type, K_STR),
    F(wos_data_integration, "description", description, K_NSTR),
    F(wos_data_integration, "enabled", enabled, K_BOOL),
    F(wos_data_integration, "state", state_text, K_STR),
    F(wos_data_integration, "scopes", scopes, K_STRS),
    F(wos_data_integration, "redirect_uri", redirect_uri, K_NSTR),
    F(wos_data_integration, "auth_methods", auth_methods, K_STRS),
    FO(wos_data_integration, "credentials", credentials, 0),
    FO(wos_data_integration, "installation", installation, 1),
    F(wos_data_integration, "config", config, K_MAP),
    FO(wos_data_integration, "custom_provider", custom_provider, 2),
    F(wos_data_integration, "created_at", created_at_text, K_STR),
    F(wos_data_integration, "updated_at", updated_at_text, K_STR),
};
static const field k_tok_f[] = {
    F(wos_access_token, "access_token", access_token, K_STR),
    F(wos_access_token, "expires_at", expires_at_text, K_NSTR),
    F(wos_access_token, "scopes", scopes, K_STRS),
    F(wos_access_token, "missing_scopes", missing_scopes, K_STRS),
};

#define T(arr, req) { arr, (uint8_t)(sizeof arr / sizeof arr[0]), req }
static const table k_tables[] = {
    T(k_cred_f, 0x1u), /* type */
    T(k_inst_f, 0x3u), /* id, user_id */
    T(k_cp_f, 0x1u),   /* name */
    T(k_di_f, 0x3u),   /* id, slug */
    T(k_tok_f, 0x1u),  /* access_token */
};
enum { TAB_DI = 3, TAB_TOKEN = 4 };

/* Every item of a string array / every value of a string map must be a string. */
static wos_status check_strings(wos_json *doc, int tok, wos_json_type want, unsigned *count)
{
    wos_json_iter it;
    int k, v;
    if (wos_json_iter_init(&it, doc, tok) != WOS_OK || wos_json_type_of(doc, tok) != want) {
        return WOS_ERR_JSON_SHAPE;
    }
    *count = wos_json_size(doc, tok);
    while (wos_json_iter_next(&it, doc, &k, &v)) {
        if (wos_json_type_of(doc, v) != WOS_JSON_STRING) {
            return WOS_ERR_JSON_SHAPE;
        }
    }
    return WOS_OK;
}

static wos_status decode_object(wos_json *doc, int obj, const table *t, char *base);

static wos_status decode_value(wos_json *doc, int v, const field *f, char *base)
{
    char *dst = base + f->off;
    bool is_null = wos_json_is_null(doc, v);
    wos_json_view *lv = (wos_json_view *)(void *)dst;

    switch (f->kind) {
    case K_NSTR:
        if (is_null) {
            return WOS_OK;
        }
        /* fall through */
    case K_STR:
        return wos_json_string(doc, v, (wos_str *)(void *)dst);
    case K_BOOL:
        return wos_json_bool(doc, v, (bool *)(void *)dst);
    case K_STRS:
    case K_MAP:
        lv->doc = *doc;
        lv->tok = -1;
        if (is_null) {
            return WOS_OK;
        }
        lv->tok = v;
        return check_strings(doc, v, f->kind == K_STRS ? WOS_JSON_ARRAY : WOS_JSON_OBJECT,
                             &lv->count);
    default: /* K_OBJ */
        if (is_null) {
            return WOS_OK;
        }
        *(bool *)(void *)dst = true;
        return decode_object(doc, v, &k_tables[f->sub], dst);
    }
}

static const field *find_field(const wos_json *doc, const table *t, wos_str key, uint8_t *idx)
{
    uint8_t i;
    (void)doc;
    for (i = 0; i < t->n; i++) {
        if (wos_str_eq(key, t->f[i].key)) {
            *idx = i;
            return &t->f[i];
        }
    }
    return NULL;
}

/* Unknown members are skipped; a known member of the wrong type is a shape error. */
static wos_status decode_object(wos_json *doc, int obj, const table *t, char *base)
{
    wos_json_iter it;
    int k, v;
    uint32_t seen = 0;
    if (wos_json_iter_init(&it, doc, obj) != WOS_OK ||
        wos_json_type_of(doc, obj) != WOS_JSON_OBJECT) {
        return WOS_ERR_JSON_SHAPE;
    }
    while (wos_json_iter_next(&it, doc, &k, &v)) {
        wos_str key;
        uint8_t idx = 0;
        const field *f;
        wos_status st = wos_json_string(doc, k, &key);
        if (st != WOS_OK) {
            return st;
        }
        f = find_field(doc, t, key, &idx);
        if (f == NULL || (seen & (1u << idx)) != 0u) {
            continue; /* unknown, or a duplicate: the first one counts */
        }
        seen |= 1u << idx;
        st = decode_value(doc, v, f, base);
        if (st != WOS_OK) {
            return st == WOS_ERR_INVALID_UTF8 ? st : WOS_ERR_JSON_SHAPE;
        }
    }
    return (seen & t->required) == t->required ? WOS_OK : WOS_ERR_JSON_SHAPE;
}

static wos_status parse_time(wos_str text, int64_t *out)
{
    if (text.ptr == NULL) {
        return WOS_OK;
    }
    return wos_time_parse_rfc3339(text.ptr, text.len, out);
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
    memset(out, 0, sizeof *out);
    st = decode_object(doc, obj, &k_tables[TAB_DI], (char *)out);
    if (st == WOS_OK) {
        out->state = parse_state(out->state_text);
        st = parse_time(out->created_at_text, &out->created_at);
    }
    if (st == WOS_OK) {
        st = parse_time(out->updated_at_text, &out->updated_at);
    }
    return st;
}

wos_status wos_pipes_decode_integration(wos_pipes_reply *r, wos_data_integration *out,
                                        wos_api_error *err)
{
    wos_json doc;
    wos_status st;
    if (out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    st = wos_pipes_reply_json(r, &doc, err);
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

/* The token's raw extent is kept before decoding so a wipe also covers escapes. */
static wos_status decode_active_token(wos_json *doc, int obj, wos_access_token *out)
{
    int v;
    wos_status st;
    if (wos_json_member(doc, obj, "access_token", &v) == WOS_OK &&
        wos_json_type_of(doc, v) == WOS_JSON_STRING) {
        out->secret_span_ = doc->js + doc->tok[v].start;
        out->secret_span_len_ = (size_t)(doc->tok[v].end - doc->tok[v].start);
    }
    st = decode_object(doc, obj, &k_tables[TAB_TOKEN], (char *)out);
    if (st != WOS_OK) {
        return st;
    }
    out->expires = out->expires_at_text.ptr != NULL;
    return parse_time(out->expires_at_text, &out->expires_at);
}

wos_status wos_pipes_decode_token(wos_pipes_reply *r, wos_access_token *out, wos_api_error *err)
{
    wos_json doc;
    int v;
    wos_status st;
    if (out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(out, 0, sizeof *out);
    st = wos_pipes_reply_json(r, &doc, err);
    if (st != WOS_OK) {
        return st;
    }
    if (wos_json_member(&doc, 0, "active", &v) != WOS_OK ||
        wos_json_bool(&doc, v, &out->active) != WOS_OK) {
        return WOS_ERR_JSON_SHAPE;
    }
    if (out->active) {
        if (wos_json_member(&doc, 0, "access_token", &v) != WOS_OK) {
            return WOS_ERR_JSON_SHAPE;
        }
        return decode_active_token(&doc, v, out);
    }
    if (wos_json_member(&doc, 0, "error", &v) != WOS_OK ||
        wos_json_string(&doc, v, &out->error) != WOS_OK) {
        return WOS_ERR_JSON_SHAPE;
    }
    out->reason = token_reason(out->error);
    return WOS_OK;
}
