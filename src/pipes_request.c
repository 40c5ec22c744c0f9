/* SPDX-License-Identifier: MIT */
/* Pipes requests: each operation as method, path segments, query and a JSON body. */
#include "wos_pipes.h"

#include "wos_http_request.h"
#include "wos_json_writer.h"

#include <stddef.h>

#include "pipes_keys.h"
#include "url.h"
#include "utf8.h"

static const wos_str k_collection = WOS_STR_LIT("data-integrations");
static const wos_str k_token_seg = WOS_STR_LIT("token");

static bool has(wos_str s) { return s.ptr != NULL; }

/*
 * Request bodies are written from tables of {key, kind, offset} over the
 * parameter structs, like responses are decoded: one loop for every
 * object, and each member name shared with the decoder (pipes_keys.c).
 */
enum pkind {
    P_STR,  /* wos_str, omitted when ptr is NULL */
    P_OPT,  /* wos_opt_str: omitted, null or value */
    P_BOOL, /* wos_opt_bool */
    P_LIST, /* wos_str_list */
    P_MAP,  /* wos_str_map */
    P_OBJ,  /* nested params struct, present when its first wos_str is set */
    P_PTR   /* pointer to a nested params struct, present when non-NULL */
};

typedef struct pfield {
    const char *key;
    uint16_t off;
    uint8_t kind;
    uint8_t sub; /* P_OBJ, P_PTR: index into k_ptables; those hold no P_OBJ/P_PTR */
} pfield;

typedef struct ptable {
    const pfield *f;
    uint8_t n;
} ptable;

#define P(type, key, member, kind) { wos_k_##key, (uint16_t)offsetof(type, member), kind, 0u }
#define PS(type, key, member, kind, sub) { wos_k_##key, (uint16_t)offsetof(type, member), kind, sub }

static const pfield k_cred_p[] = {
    P(wos_credentials_params, type, type, P_STR),
    P(wos_credentials_params, client_id, client_id, P_STR),
    P(wos_credentials_params, client_secret, client_secret, P_STR),
};
static const pfield k_apikey_p[] = {
    P(wos_api_key_params, secret, secret, P_STR),
    P(wos_api_key_params, user_id, user_id, P_STR),
    P(wos_api_key_params, organization_id, organization_id, P_STR),
};
static const pfield k_cp_p[] = {
    P(wos_custom_provider_params, name, name, P_STR),
    P(wos_custom_provider_params, authorization_url, authorization_url, P_STR),
    P(wos_custom_provider_params, token_url, token_url, P_STR),
    P(wos_custom_provider_params, refresh_token_url, refresh_token_url, P_OPT),
    P(wos_custom_provider_params, pkce_enabled, pkce_enabled, P_BOOL),
    P(wos_custom_provider_params, request_scope_separator, request_scope_separator, P_STR),
    P(wos_custom_provider_params, scopes_required, scopes_required, P_BOOL),
    P(wos_custom_provider_params, client_secret_required, client_secret_required, P_BOOL),
    P(wos_custom_provider_params, additional_authorization_parameters,
      additional_authorization_parameters, P_MAP),
    P(wos_custom_provider_params, token_body_content_type, token_body_content_type, P_STR),
    P(wos_custom_provider_params, authenticate_via, authenticate_via, P_STR),
};
static const pfield k_int_p[] = {
    P(wos_integration_params, provider, provider, P_STR),
    P(wos_integration_params, description, description, P_OPT),
    P(wos_integration_params, enabled, enabled, P_BOOL),
    P(wos_integration_params, scopes, scopes, P_LIST),
    P(wos_integration_params, auth_methods, auth_methods, P_LIST),
    P(wos_integration_params, config, config, P_MAP),
    PS(wos_integration_params, credentials, credentials, P_OBJ, 0),
    PS(wos_integration_params, api_key, api_key, P_OBJ, 1),
    PS(wos_integration_params, custom_provider, custom_provider, P_PTR, 2),
};
static const pfield k_tok_p[] = {
    P(wos_token_params, user_id, user_id, P_STR),
    P(wos_token_params, organization_id, organization_id, P_STR),
};

#define PT(arr) { arr, (uint8_t)(sizeof arr / sizeof arr[0]) }
static const ptable k_ptables[] = {PT(k_cred_p), PT(k_apikey_p), PT(k_cp_p), PT(k_int_p), PT(k_tok_p)};
enum { PT_INTEGRATION = 3, PT_TOKEN = 4 };

static void put_list(wos_json_writer *w, const wos_str_list *l)
{
    size_t i;
    if (l->state == WOS_NULL) {
        wos_jw_null(w);
        return;
    }
    wos_jw_array_begin(w);
    for (i = 0; i < l->count; i++) {
        wos_jw_string(w, l->items[i]);
    }
    wos_jw_array_end(w);
}

static void put_map(wos_json_writer *w, const wos_str_map *m)
{
    size_t i;
    wos_jw_object_begin(w);
    for (i = 0; i < m->count; i++) {
        wos_jw_key(w, m->pairs[i].key);
        wos_jw_string(w, m->pairs[i].value);
    }
    wos_jw_object_end(w);
}

/* The member at p, or NULL when it is to be omitted. */
static const void *member_if_set(const pfield *f, const char *p)
{
    switch (f->kind) {
    case P_STR:
    case P_OBJ: /* a nested struct starts with its presence-deciding wos_str */
        return has(*(const wos_str *)(const void *)p) ? p : NULL;
    case P_OPT:
        return ((const wos_opt_str *)(const void *)p)->state != WOS_OMIT ? p : NULL;
    case P_BOOL:
        return ((const wos_opt_bool *)(const void *)p)->set ? p : NULL;
    case P_LIST:
        return ((const wos_str_list *)(const void *)p)->state != WOS_OMIT ? p : NULL;
    case P_MAP:
        return ((const wos_str_map *)(const void *)p)->set ? p : NULL;
    default: /* P_PTR */
        return *(const void *const *)(const void *)p;
    }
}

static void put_value(wos_json_writer *w, const pfield *f, const void *m)
{
    const wos_opt_str *o = (const wos_opt_str *)m;
    switch (f->kind) {
    case P_STR:
        wos_jw_string(w, *(const wos_str *)m);
        break;
    case P_OPT:
        wos_jw_string(w, o->state == WOS_SET ? o->value : (wos_str)WOS_STR_NULL);
        break;
    case P_BOOL:
        wos_jw_bool(w, ((const wos_opt_bool *)m)->value);
        break;
    case P_LIST:
        put_list(w, (const wos_str_list *)m);
        break;
    default: /* P_MAP */
        put_map(w, (const wos_str_map *)m);
        break;
    }
}

/* Members of a table without nested objects. */
static void put_flat(wos_json_writer *w, const ptable *t, const char *base)
{
    uint8_t i;
    for (i = 0; i < t->n; i++) {
        const void *m = member_if_set(&t->f[i], base + t->f[i].off);
        if (m != NULL) {
            wos_jw_key_c(w, t->f[i].key);
            put_value(w, &t->f[i], m);
        }
    }
}

/* One level of nested objects, so put_flat serves them without recursion. */
static void put_object(wos_json_writer *w, const ptable *t, const char *base)
{
    uint8_t i;
    wos_jw_object_begin(w);
    for (i = 0; i < t->n; i++) {
        const pfield *f = &t->f[i];
        const void *m = member_if_set(f, base + f->off);
        if (m == NULL) {
            continue;
        }
        wos_jw_key_c(w, f->key);
        if (f->kind == P_OBJ || f->kind == P_PTR) {
            wos_jw_object_begin(w);
            put_flat(w, &k_ptables[f->sub], (const char *)m);
            wos_jw_object_end(w);
        } else {
            put_value(w, f, m);
        }
    }
    wos_jw_object_end(w);
}

static void integration_body(wos_json_writer *w, const void *arg)
{
    put_object(w, &k_ptables[PT_INTEGRATION], (const char *)arg);
}

static void token_body(wos_json_writer *w, const void *arg)
{
    put_object(w, &k_ptables[PT_TOKEN], (const char *)arg);
}

static bool utf8_ok(wos_str s)
{
    size_t i = 0, n = 1;
    while (i < s.len && n != 0u) {
        n = wos_utf8_seq_len((const uint8_t *)s.ptr + i, s.len - i);
        i += n;
    }
    return n != 0u;
}

/* Slugs, ids and cursors: omitted (ptr NULL), or non-empty UTF-8. Whether
 * a required one is there is checked apart. */
static bool id_ok(wos_str s)
{
    return s.ptr == NULL || (s.len > 0u && utf8_ok(s));
}

/* A list the API allows no null item in (scopes, auth methods). */
static bool list_ok(const wos_str_list *l)
{
    size_t i;
    if (l->state != WOS_SET) {
        return true;
    }
    if (l->items == NULL) {
        return l->count == 0u;
    }
    for (i = 0; i < l->count; i++) {
        if (l->items[i].ptr == NULL) {
            return false;
        }
    }
    return true;
}

/* Checks the writer cannot make: required fields and where null is allowed. */
static bool integration_params_ok(const wos_integration_params *p, bool create)
{
    const wos_api_key_params *k;
    if (p == NULL || create != has(p->provider) || p->auth_methods.state == WOS_NULL ||
        !id_ok(p->provider) || !list_ok(&p->scopes) || !list_ok(&p->auth_methods)) {
        return false;
    }
    k = &p->api_key;
    if (has(k->secret) && (!has(k->user_id) || !id_ok(k->user_id) || !id_ok(k->organization_id))) {
        return false;
    }
    return p->custom_provider == NULL || !create || has(p->custom_provider->name);
}

static bool list_params_ok(const wos_list_params *l)
{
    return l == NULL || (l->limit <= 100u && id_ok(l->before) && id_ok(l->after));
}

static bool token_params_ok(const wos_token_params *t)
{
    return t != NULL && has(t->user_id) && id_ok(t->user_id) && id_ok(t->organization_id) &&
           id_ok(t->slug);
}

static bool call_ok(const wos_pipes_call *c)
{
    switch (c->op) {
    case WOS_OP_TOKEN:
        return token_params_ok(c->token);
    case WOS_OP_CREATE:
        return integration_params_ok(c->fields, true);
    case WOS_OP_UPDATE:
        return id_ok(c->slug) && integration_params_ok(c->fields, false);
    case WOS_OP_LIST:
        return list_params_ok(c->list);
    case WOS_OP_GET:
    case WOS_OP_DELETE:
        return id_ok(c->slug);
    default:
        return false;
    }
}

/* limit is 1..100 (checked), so three digits always suffice; 0 omits it. */
static wos_str limit_digits(uint32_t limit, char out[3])
{
    wos_str s = WOS_STR_NULL;
    if (limit == 0u) {
        return s;
    }
    s.ptr = out;
    if (limit >= 100u) {
        out[s.len++] = '1';
    }
    if (limit >= 10u) {
        out[s.len++] = (char)('0' + (limit / 10u) % 10u);
    }
    out[s.len++] = (char)('0' + limit % 10u);
    return s;
}

/* What each operation puts on the wire, indexed by wos_pipes_op. */
static const struct op_shape {
    char method[7];
    uint8_t segments; /* data-integrations[/slug[/token]] */
    uint8_t post;     /* carries an Idempotency-Key */
    uint8_t body;     /* 0 none, 1 token, 2 integration */
} k_ops[] = {
    {"POST", 3, 1, 1}, {"POST", 1, 1, 2}, {"GET", 1, 0, 0},
    {"GET", 2, 0, 0},  {"PUT", 2, 0, 2},  {"DELETE", 2, 0, 0},
};

static void set_query(wos_http_query q[4], const wos_list_params *l, char limit[3])
{
    static const char *const k_names[] = {"limit", "before", "after", "order"};
    unsigned i;
    for (i = 0; i < 4u; i++) {
        q[i].name = k_names[i];
    }
    q[0].value = limit_digits(l->limit, limit);
    q[1].value = l->before;
    q[2].value = l->after;
    q[3].value = l->order;
}

/* Maps a call onto method, path, query and body; the HTTP writer does the rest. */
wos_status wos_pipes_write_request(const wos_pipes_endpoint *ep, const wos_pipes_call *call,
                                   char *buf, size_t cap, size_t *out_len)
{
    wos_str segs[3];
    wos_http_query q[4];
    char limit[3];
    wos_http_request req = {0};
    const struct op_shape *shape;
    wos_status st;

    if (ep == NULL || call == NULL || out_len == NULL || !call_ok(call) ||
        (ep->host.ptr != NULL && !wos_host_ok(ep->host.ptr, ep->host.len))) {
        wos_secure_zero(buf, cap); /* it may still hold the previous request and its key */
        return WOS_ERR_INVALID_ARG;
    }
    shape = &k_ops[call->op];
    segs[0] = k_collection;
    segs[1] = call->op == WOS_OP_TOKEN ? call->token->slug : call->slug;
    segs[2] = k_token_seg;
    req.method = shape->method;
    req.segments = segs;
    req.segment_count = shape->segments;
    req.host = ep->host;
    req.port = ep->port;
    req.tls = ep->tls;
    req.api_key = ep->api_key;
    if (shape->post) {
        req.idempotency_key = call->idempotency_key;
    }
    if (shape->body != 0u) {
        req.body = shape->body == 1u ? token_body : integration_body;
        req.body_arg = shape->body == 1u ? (const void *)call->token : (const void *)call->fields;
    }
    if (call->op == WOS_OP_LIST && call->list != NULL) {
        set_query(q, call->list, limit);
        req.query = q;
        req.query_count = 4u;
    }
    st = wos_http_request_write(&req, buf, cap, out_len);
    if (st != WOS_OK) {
        wos_secure_zero(buf, cap); /* a partly written head holds the API key */
    }
    return st;
}
