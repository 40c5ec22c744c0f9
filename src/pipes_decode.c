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
/* The nested objects of a data integration, in FO order. */
static const table k_di_subs[] = {
    T(k_cred_f, 0x1u), /* type */
    T(k_inst_f, 0x3u), /* id, user_id */
    T(k_cp_f, 0x1u),   /* name */
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
const table wos_pipes_integration_t = TS(k_di_f, k_di_subs, 0x3u); /* id, slug */

/* Where a decoder writes when it only checks (no result struct). */
typedef union scratch {
    wos_str s;
    bool b;
    wos_timestamp t;
    wos_json_view v;
} scratch;

/*
 * Every item of the string array / every key and value of the string map
 * tok (of type want) must be a string. A string has no subtree, so while
 * they are strings the members are the tokens right after the container,
 * in order; the first that is not one ends the check.
 */
static wos_status check_strings(wos_json *doc, int tok, wos_json_type want, unsigned *count)
{
    unsigned i, n = (unsigned)doc->tok[tok].size;
    *count = n;
    n = want == WOS_JSON_OBJECT ? 2u * n : n;
    /* Decoded now, so that an accessor of a result reported OK cannot fail later. */
    for (i = 1; i <= n; i++) {
        wos_str tmp;
        wos_status st = wos_json_string(doc, tok + (int)i, &tmp);
        if (st != WOS_OK) {
            return st;
        }
    }
    return WOS_OK;
}

wos_status wos_pipes_decode_time(wos_json *doc, int v, wos_timestamp *ts)
{
    wos_status st;
    if (wos_json_is_null(doc, v)) {
        return WOS_OK;
    }
    st = wos_json_string(doc, v, &ts->text);
    return st != WOS_OK ? st : wos_time_parse_rfc3339(ts->text.ptr, ts->text.len, &ts->unix_s);
}

wos_status wos_pipes_decode_strings(wos_json *doc, int v, wos_json_type want, wos_json_view *lv)
{
    wos_json_type t = wos_json_type_of(doc, v); /* read once: null, want or wrong */
    lv->doc = *doc;
    lv->tok = -1;
    if (t == WOS_JSON_NULL) {
        return WOS_OK;
    }
    lv->tok = v;
    return t != want ? WOS_ERR_JSON_SHAPE : check_strings(doc, v, want, &lv->count);
}

/*
 * One member's value, of any kind but K_OBJ. A null list or map is
 * a view with tok -1 (an absent one stays all zero); other nulls leave the
 * zeroed default; a null K_STR or K_BOOL is refused by its reader.
 */
wos_status wos_pipes_decode_value(wos_json *doc, int v, uint8_t kind, char *dst)
{
    wos_opt_str *o = (wos_opt_str *)(void *)dst;
    if (kind > K_TIME) { /* K_MAP, K_STRS */
        return wos_pipes_decode_strings(doc, v, (wos_json_type)(kind - K_TIME),
                                        (wos_json_view *)(void *)dst);
    }
    if (kind == K_TIME) {
        return wos_pipes_decode_time(doc, v, (wos_timestamp *)(void *)dst);
    }
    if (kind == K_TSTR) {
        o->state = WOS_NULL;
    }
    if (kind > K_BOOL && wos_json_is_null(doc, v)) { /* K_NSTR, K_TSTR */
        return WOS_OK;
    }
    if (kind == K_BOOL) {
        return wos_json_bool(doc, v, (bool *)(void *)dst);
    }
    if (kind == K_TSTR) {
        o->state = WOS_SET;
        dst = (char *)&o->value;
    }
    return wos_json_string(doc, v, (wos_str *)(void *)dst);
}

/* Bytes a member of each kind but K_OBJ takes in its result struct. */
static const uint8_t k_kind_size[] = {
    [K_STR] = sizeof(wos_str), [K_NSTR] = sizeof(wos_str), [K_BOOL] = sizeof(bool),
    [K_TIME] = sizeof(wos_timestamp), [K_STRS] = sizeof(wos_json_view),
    [K_MAP] = sizeof(wos_json_view), [K_TSTR] = sizeof(wos_opt_str),
};
typedef char k_kind_size_covers_kinds[sizeof k_kind_size == K_OBJ ? 1 : -1];

/* Bytes a member of this kind takes in its result struct. */
static size_t kind_size(uint8_t kind)
{
    return k_kind_size[kind];
}

/* A nested object's struct, all but K_OBJ members: `present` false, every member zero. */
static void clear_object(const table *sub, char *dst)
{
    uint8_t i;
    *(bool *)(void *)dst = false;
    for (i = 0; i < sub->n; i++) {
        memset(dst + FIELD_OFF(&sub->f[i]), 0, kind_size(FIELD_KIND(&sub->f[i])));
    }
}

static const field *find_field(const table *t, wos_str key, uint8_t *idx)
{
    uint8_t i;
    size_t j;
    for (i = 0; i < t->n; i++) {
        /* Compared in place, no strlen: a decoded key holds no NUL, so the
         * name's terminator ends a shorter name, and most differ at once. */
        const char *name = wos_key(t->f[i].key);
        for (j = 0; j < key.len && name[j] == key.ptr[j]; j++) {
        }
        if (j == key.len && name[j] == '\0') {
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

/*
 * Decodes (or, with base NULL, only checks) the object at obj. Unknown
 * members are skipped; of duplicates the last wins (each occurrence is
 * decoded over what the one before left, as JavaScript reads JSON). Tables
 * nest one level deep, so two frames replace recursion.
 */
wos_status wos_pipes_decode_object(wos_json *doc, int obj, const table *t, char *base)
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
        char *dst;
        uint8_t kind;
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
        /* Each occurrence is decoded over a cleared member: of duplicates
         * the last wins, whatever the earlier ones left. */
        f->seen |= 1u << idx;
        dst = f->base != NULL ? f->base + FIELD_OFF(fd) : NULL;
        kind = FIELD_KIND(fd);
        if (kind < K_OBJ) {
            dst = dst != NULL ? dst : (char *)&tmp;
            memset(dst, 0, kind_size(kind));
            /* A value of the wrong kind is a shape error, text that is no
             * UTF-8 or no timestamp says so (as the readers report them). */
            st = wos_pipes_decode_value(doc, v, kind, dst);
        } else if (d == 0u) {
            const table *sub = &f->t->subs[kind - K_OBJ];
            if (dst != NULL) {
                clear_object(sub, dst);
            }
            if (!wos_json_is_null(doc, v)) {
                if (dst != NULL) {
                    *(bool *)(void *)dst = true;
                }
                st = open_frame(doc, v, sub, dst, &fr[1]);
                d = 1;
            }
        }
    }
    return st;
}

wos_status wos_pipes_decode_integration_at(wos_json *doc, int obj, wos_data_integration *out)
{
    static const char *const k_states[] = {"valid", "invalid", "requested", NULL};
    wos_status st;
    memset(out, 0, sizeof *out);
    st = wos_pipes_decode_object(doc, obj, &wos_pipes_integration_t, (char *)out);
    out->state = (wos_integration_state)wos_pipes_enum_of(out->state_text, k_states);
    return st;
}

wos_status wos_pipes_decode_integration(wos_pipes_reply *r, wos_data_integration *out,
                                        wos_api_error *err)
{
    wos_json doc;
    wos_status st = wos_pipes_reply_json(r, out, sizeof *out, &doc, err);
    return st != WOS_OK ? st : wos_pipes_decode_integration_at(&doc, 0, out);
}
