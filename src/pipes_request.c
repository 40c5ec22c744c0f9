/* SPDX-License-Identifier: MIT */
/* Pipes requests: each operation as method, path segments, query and a JSON body. */
#include "pipes_encode.h"

#include "sink.h"
#include "wos_json_writer.h"

#include <stddef.h>
#include <string.h>

#include "url.h"
#include "utf8.h"

/* A named array, not a literal: the literal's section would be named for
 * its first user (wos_pipes_prepare_spec), which a token-only firmware must
 * not link. The token's request line starts with it (token_line()); the
 * collection's segment is its tail. */
static const char k_token_line[] = "POST /data-integrations";
#define K_COLLECTION_NAME (k_token_line + 6)
#define K_COLLECTION_LEN (sizeof k_token_line - 7u)
static const wos_str k_collection = {K_COLLECTION_NAME, K_COLLECTION_LEN};

static bool has(wos_str s) { return s.ptr != NULL; }

/*
 * Request bodies are written from tables of {key, kind, offset} over the
 * parameter structs, like responses are decoded: one loop for every
 * object, and each member name shared with the decoder (pipes_keys.c).
 * The table types are in pipes_encode.h.
 */
static const pfield k_cred_p[] = {
    P(wos_credentials_params, type, type, P_STR),
    P(wos_credentials_params, client_id, client_id, P_STR),
    P(wos_credentials_params, client_secret, client_secret, P_STR),
};
static const pfield k_apikey_p[] = {
    P(wos_api_key_params, secret, secret, P_STR),
    PF(wos_api_key_params, user_id, user_id, P_STR, PF_REQ | PF_ID),
    PF(wos_api_key_params, organization_id, organization_id, P_STR, PF_ID),
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
/* The nested structs of a create or update, in PS order. */
static const ptable k_int_subs[] = {PT(k_cred_p), PT(k_apikey_p), PT(k_cp_p)};

static const pfield k_int_p[] = {
    PF(wos_integration_params, provider, provider, P_STR, PF_ID),
    P(wos_integration_params, description, description, P_OPT),
    P(wos_integration_params, enabled, enabled, P_BOOL),
    P(wos_integration_params, scopes, scopes, P_LIST),
    P(wos_integration_params, auth_methods, auth_methods, P_LIST),
    P(wos_integration_params, config, config, P_MAP),
    PS(wos_integration_params, credentials, credentials, P_OBJ, 0),
    PS(wos_integration_params, api_key, api_key, P_OBJ, 1),
    PS(wos_integration_params, custom_provider, custom_provider, P_PTR, 2),
};

static const ptable k_int_t = PTS(k_int_p, k_int_subs);

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
static WOS_PIPES_NOINLINE const void *member_if_set(const pfield *f, const char *p)
{
    switch (f->kind & PF_KIND) {
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

static WOS_PIPES_NOINLINE void put_value(wos_json_writer *w, const pfield *f, const void *m)
{
    const wos_opt_str *o = (const wos_opt_str *)m;
    switch (f->kind & PF_KIND) {
    case P_OPT: /* null unless set */
        if (o->state != WOS_SET) {
            wos_jw_null(w);
            break;
        }
        m = &o->value;
        /* fall through */
    case P_STR:
        wos_jw_string(w, *(const wos_str *)m);
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

/*
 * The object of table t over base. One level of nested objects (P_OBJ,
 * P_PTR): the loop steps into a nested table and back out, so every
 * member's key and value are written by the same code, without recursion.
 */
static void put_object(wos_json_writer *w, const ptable *t, const char *base)
{
    const pfield *f = t->f, *end = f + t->n;
    const pfield *resume = NULL; /* the outer loop's next member while nested */
    const char *outer = base;
    wos_jw_object_begin(w);
    for (;;) {
        const void *m;
        if (f == end) {
            wos_jw_object_end(w);
            if (resume == NULL) {
                return;
            }
            f = resume;
            end = t->f + t->n;
            base = outer;
            resume = NULL;
            continue;
        }
        m = member_if_set(f, base + f->off);
        if (m != NULL) {
            /* _c: its frame is no deeper than put_value()'s, and the view it makes is not in this one. */
            wos_jw_key_c(w, wos_key(f->key));
            if ((f->kind & PF_KIND) >= P_OBJ) { /* P_OBJ, P_PTR */
                const ptable *sub = &t->subs[f->kind >> PF_SUB_SHIFT];
                resume = f + 1;
                f = sub->f;
                end = f + sub->n;
                base = (const char *)m;
                wos_jw_object_begin(w);
                continue;
            }
            put_value(w, f, m);
        }
        f++;
    }
}

/* The object of table t over base, as a whole body. */
static WOS_PIPES_NOINLINE wos_status put_body(char *buf, size_t cap, const ptable *t, const char *base, size_t *out_len)
{
    wos_json_writer w;
    wos_jw_init(&w, buf, cap);
    put_object(&w, t, base);
    return wos_jw_finish(&w, out_len);
}

/*
 * The body of a create, an update or a spec's operation (arg is the call):
 * a spec's table over call->params, else the integration's over call->fields.
 * The bodies are JSON; the HTTP writer only sees bytes (wos_http_body_fn).
 */
static wos_status table_body(char *buf, size_t cap, const void *arg, size_t *out_len)
{
    const wos_pipes_call *call = (const wos_pipes_call *)arg;
    const wos_pipes_spec *sp = call->op->spec;
    return sp != NULL ? put_body(buf, cap, &sp->body, (const char *)call->params, out_len)
                      : put_body(buf, cap, &k_int_t, (const char *)call->fields, out_len);
}

/* The token request's four strings follow each other in wos_token_params,
 * as their names do in wos_keys_a, supports_multiple_connections next. */
typedef char wos_token_params_strings_in_order
    [offsetof(wos_token_params, connection_owner) ==
             offsetof(wos_token_params, user_id) + 3u * sizeof(wos_str) &&
         offsetof(struct wos_pipes_keys_a, organization_id) ==
             offsetof(struct wos_pipes_keys_a, user_id) + sizeof wos_keys_a.user_id &&
         offsetof(struct wos_pipes_keys_a, connected_account_id) ==
             offsetof(struct wos_pipes_keys_a, organization_id) + sizeof wos_keys_a.organization_id &&
         offsetof(struct wos_pipes_keys_a, connection_owner) ==
             offsetof(struct wos_pipes_keys_a, connected_account_id) +
                 sizeof wos_keys_a.connected_account_id &&
         offsetof(struct wos_pipes_keys_a, supports_multiple_connections) ==
             offsetof(struct wos_pipes_keys_a, connection_owner) + sizeof wos_keys_a.connection_owner &&
         /* each exactly its name's size: token_body() steps by strlen + 1 */
         sizeof wos_keys_a.user_id == sizeof "user_id" &&
         sizeof wos_keys_a.organization_id == sizeof "organization_id" &&
         sizeof wos_keys_a.connected_account_id == sizeof "connected_account_id" &&
         sizeof wos_keys_a.connection_owner == sizeof "connection_owner"
     ? 1 : -1];

/* Written by hand into a sink (sink.h), not with the JSON writer: a
 * token-only firmware then links neither a table loop nor the writer's
 * state machine. The ids are checked here, as they are written, not in a
 * pass of their own: user_id is required, and an id (the first three) that
 * is empty or not UTF-8 is a bad argument (nothing is sent, the caller
 * wipes the buffer), whatever the room. */
static wos_status token_body(char *buf, size_t cap, const void *arg, size_t *out_len)
{
    const wos_token_params *p = (const wos_token_params *)arg;
    const wos_str *s = &p->user_id;
    const char *key = wos_keys_a.user_id;
    unsigned i, v = p->supports_multiple_connections.value;
    wos_sink o;
    o.buf = buf;
    o.cap = cap;
    o.len = 0u;
    for (i = 0; i < 5u; i++) {
        size_t n = strlen(key);
        if (i < 4u ? has(s[i]) : p->supports_multiple_connections.set) {
            (void)wos_sink_put(&o, &"{,"[i != 0u], 1u);
            (void)wos_sink_esc(&o, key, n, WOS_ESC_JSON_KEY);
            if (i == 4u) {
                (void)wos_sink_put(&o, &"falsetrue"[5u * v], 5u - v);
            } else {
                wos_status st = wos_sink_esc(&o, s[i].ptr, s[i].len, WOS_ESC_JSON);
                if (i < 3u && (st == WOS_ERR_INVALID_UTF8 || s[i].len == 0u)) {
                    return WOS_ERR_INVALID_ARG;
                }
                if (st != WOS_OK) {
                    return st;
                }
            }
        } else if (i == 0u) {
            return WOS_ERR_INVALID_ARG; /* no user_id */
        }
        key += n + 1u; /* the next name: wos_keys_a's arrays are each its name's size */
    }
    (void)wos_sink_put(&o, "}", 1u);
    *out_len = o.len; /* SIZE_MAX when it does not fit size_t: the writer says so */
    return o.len > cap ? WOS_ERR_BUFFER_TOO_SMALL : WOS_OK;
}

/* Slugs, ids and cursors: omitted (ptr NULL), or non-empty UTF-8. Whether
 * a required one is there is checked apart. */
static bool id_ok(wos_str s)
{
    return s.ptr == NULL || (s.len > 0u && wos_utf8_valid((const uint8_t *)s.ptr, s.len));
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

/* Checks the writer cannot make: required fields and where null is allowed
 * (the tables' flags: ids, lists without NULL items, an API key's user). */
static bool integration_params_ok(const wos_integration_params *p, bool create)
{
    return p != NULL && create == has(p->provider) && p->auth_methods.state != WOS_NULL &&
           wos_pipes_table_ok(&k_int_t, (const char *)p) &&
           (!has(p->api_key.secret) ||
            wos_pipes_table_ok(&k_int_subs[1], (const char *)&p->api_key)) &&
           (p->custom_provider == NULL || !create || has(p->custom_provider->name));
}

/* POST /data-integrations/{slug}/token: a fixed line, written by hand (the
 * writer's generic method, segment and query code is then not linked).
 * The slug is checked as any segment, then as any id (UTF-8). */
static wos_status token_line(wos_sink *s, const wos_http_request *r)
{
    const wos_str *slug = &((const wos_token_params *)r->body_arg)->slug;
    wos_status st;
    (void)wos_sink_put(s, k_token_line, sizeof k_token_line - 1u);
    st = wos_http_put_segment(s, slug);
    (void)wos_sink_put(s, "/token", 6u);
    return st == WOS_OK && !wos_utf8_valid((const uint8_t *)slug->ptr, slug->len)
               ? WOS_ERR_INVALID_ARG
               : st;
}

/* The token's parameters are checked as they are written (token_line(),
 * token_body()). */
bool wos_pipes_prepare_token(const wos_pipes_call *call, wos_pipes_req_parts *parts)
{
    if (call->token == NULL) {
        return false;
    }
    parts->line = token_line;
    parts->req.body = token_body;
    parts->req.body_arg = call->token;
    return true;
}

/* Every request line but the token's: the descriptor's method, then its
 * segments (the collection, then the slug) or a spec's path (spec_path()
 * sets them after), written by the writer's generic line code. */
static WOS_PIPES_NOINLINE void generic_line(const wos_pipes_call *call, wos_pipes_req_parts *parts)
{
    /* Member by member: a pointer and a length load in less code than a
     * view copied from flash. */
    parts->p.path.segs[0].ptr = K_COLLECTION_NAME;
    parts->p.path.segs[0].len = K_COLLECTION_LEN;
    parts->p.path.segs[1] = call->slug;
    parts->req.method = wos_methods + call->op->method;
    parts->req.segments = parts->p.path.segs;
    parts->req.segment_count = call->op->segments;
    parts->line = wos_http_put_line;
}

static bool prepare_fields(const wos_pipes_call *call, wos_pipes_req_parts *parts, bool create)
{
    if (!integration_params_ok(call->fields, create)) {
        return false;
    }
    parts->req.body = table_body;
    parts->req.body_arg = call;
    generic_line(call, parts);
    return true;
}

bool wos_pipes_prepare_create(const wos_pipes_call *call, wos_pipes_req_parts *parts)
{
    return prepare_fields(call, parts, true);
}

bool wos_pipes_prepare_update(const wos_pipes_call *call, wos_pipes_req_parts *parts)
{
    return id_ok(call->slug) && prepare_fields(call, parts, false);
}

/* get and delete: the slug is all they send. */
bool wos_pipes_prepare_slug(const wos_pipes_call *call, wos_pipes_req_parts *parts)
{
    generic_line(call, parts);
    return id_ok(call->slug);
}

/* limit is 1..100 (checked), so three digits always suffice; 0 omits it. */
static wos_str limit_digits(uint32_t limit, char out[3])
{
    wos_str s = WOS_STR_NULL;
    char *p = out + 3;
    if (limit == 0u) {
        return s;
    }
    do { /* the digits from the last */
        *--p = (char)('0' + limit % 10u);
        limit /= 10u;
    } while (limit != 0u);
    s.ptr = p;
    s.len = (size_t)(out + 3 - p);
    return s;
}

/* The query of a list, in this order on the wire (the cursors' names are the members'). */
static const char *const k_query_names[] = {
    [WOS_Q_LIMIT] = "limit", [WOS_Q_BEFORE] = wos_keys_b.before, [WOS_Q_AFTER] = wos_keys_b.after,
    [WOS_Q_ORDER] = "order",
};
/* before, after and order follow each other in wos_list_params, in the query's order. */
typedef char wos_list_params_cursors_in_order[offsetof(wos_list_params, order) ==
                                                      offsetof(wos_list_params, before) +
                                                          2u * sizeof(wos_str) &&
                                                  offsetof(wos_list_params, after) ==
                                                      offsetof(wos_list_params, before) +
                                                          sizeof(wos_str) &&
                                                  WOS_Q_AFTER == WOS_Q_BEFORE + 1 &&
                                                  WOS_Q_ORDER == WOS_Q_BEFORE + 2 && WOS_Q_LIMIT == 0
                                              ? 1 : -1];
typedef char k_query_names_cover_query[sizeof k_query_names / sizeof k_query_names[0] ==
                                               WOS_Q_COUNT ? 1 : -1];

bool wos_pipes_prepare_list(const wos_pipes_call *call, wos_pipes_req_parts *parts)
{
    const wos_list_params *l = call->list;
    unsigned i;
    generic_line(call, parts);
    if (l == NULL) {
        return true;
    }
    if (l->limit > 100u || !id_ok(l->before) || !id_ok(l->after)) {
        return false;
    }
    for (i = 0; i < WOS_Q_COUNT; i++) {
        parts->p.list.query[i].name = k_query_names[i];
        if (i != WOS_Q_LIMIT) { /* before, after, order: the strings after limit */
            parts->p.list.query[i].value =
                *(const wos_str *)(const void *)((const char *)&l->before +
                                                 (i - WOS_Q_BEFORE) * sizeof(wos_str));
        }
    }
    parts->p.list.query[WOS_Q_LIMIT].value = limit_digits(l->limit, parts->limit);
    parts->req.query = parts->p.list.query;
    parts->req.query_count = WOS_Q_COUNT;
    return true;
}

bool wos_pipes_table_ok(const ptable *t, const char *base)
{
    uint8_t i;
    for (i = 0; i < t->n; i++) {
        const pfield *f = &t->f[i];
        const char *m = base + f->off;
        const wos_str *str = (const wos_str *)(const void *)m; /* PF_* flag only wos_str members */
        if (((f->kind & PF_REQ) != 0u && !has(*str)) || ((f->kind & PF_ID) != 0u && !id_ok(*str))) {
            return false;
        }
        if ((f->kind & PF_KIND) == P_LIST && !list_ok((const wos_str_list *)(const void *)m)) {
            return false;
        }
    }
    return true;
}

static const wos_str *param_str(const void *params, uint8_t off)
{
    return (const wos_str *)(const void *)((const char *)params + off);
}

/* The path's segments: literals between '/', bytes 1..2 naming a required id, and
 * WOS_SEG_COLLECTION. */
static bool spec_path(const wos_pipes_spec *sp, const void *params, wos_pipes_req_parts *parts)
{
    const char *p = sp->path;
    size_t n = 0;
    while (*p != '\0' && n < sizeof parts->p.path.segs / sizeof parts->p.path.segs[0]) {
        wos_str seg;
        seg.ptr = p;
        seg.len = 0;
        while (p[seg.len] != '\0' && p[seg.len] != '/') {
            seg.len++;
        }
        p += seg.len + (p[seg.len] == '/' ? 1u : 0u);
        if (seg.len == 1u && (uint8_t)seg.ptr[0] <= WOS_SEG_COLLECTION) {
            seg = (uint8_t)seg.ptr[0] == WOS_SEG_COLLECTION
                      ? k_collection
                      : *param_str(params, sp->body.ids[(uint8_t)seg.ptr[0] - 1u]);
            if (!has(seg) || !id_ok(seg)) {
                return false;
            }
        }
        parts->p.path.segs[n++] = seg;
    }
    parts->req.segment_count = n;
    return true;
}

bool wos_pipes_prepare_spec(const wos_pipes_call *call, wos_pipes_req_parts *parts)
{
    const wos_pipes_spec *sp = call->op->spec;
    generic_line(call, parts);
    if (call->params == NULL || !spec_path(sp, call->params, parts)) {
        return false;
    }
    if (sp->body.query != WOS_SPEC_NO_QUERY) {
        const wos_str *org = param_str(call->params, sp->body.query);
        if (!id_ok(*org)) {
            return false;
        }
        parts->p.path.org.name = wos_keys_a.organization_id;
        parts->p.path.org.value = *org;
        parts->req.query = &parts->p.path.org;
        parts->req.query_count = 1u;
    }
    if (sp->body.n != 0u) {
        if (!wos_pipes_table_ok(&sp->body, (const char *)call->params)) {
            return false;
        }
        parts->req.body = table_body;
        parts->req.body_arg = call;
    }
    return true;
}

/* The endpoint's members are the request's host, port, tls and api_key, in order: one copy. */
typedef char wos_pipes_endpoint_is_the_request_tail
    [offsetof(wos_http_request, port) - offsetof(wos_http_request, host) ==
             offsetof(wos_pipes_endpoint, port) &&
         offsetof(wos_http_request, tls) - offsetof(wos_http_request, host) ==
             offsetof(wos_pipes_endpoint, tls) &&
         offsetof(wos_http_request, api_key) - offsetof(wos_http_request, host) ==
             offsetof(wos_pipes_endpoint, api_key) &&
         offsetof(wos_http_request, idempotency_key) - offsetof(wos_http_request, host) ==
             sizeof(wos_pipes_endpoint)
     ? 1 : -1];

/* Maps a call onto its request line, headers and body (the prepare step
 * picks the line and body writers); the HTTP writer does the rest. */
wos_status wos_pipes_write(const wos_pipes_endpoint *ep, const wos_pipes_call *call, char *buf,
                           size_t cap, size_t *out_len)
{
    wos_pipes_req_parts parts = {0};
    const wos_pipes_op_desc *op = call != NULL ? call->op : NULL;
    wos_status st = WOS_ERR_INVALID_ARG;

    /* out_len is checked by the HTTP writer (WOS_ERR_INVALID_ARG, as here). */
    if (ep != NULL && op != NULL) {
        if (op->prepare(call, &parts)) {
            memcpy(&parts.req.host, ep, sizeof *ep);
            if ((op->retry & WOS_RETRY_KEYED) != 0u) {
                parts.req.idempotency_key = call->idempotency_key;
            }
            st = wos_http_write(&parts.req, buf, cap, out_len, parts.line);
        }
    }
    if (st != WOS_OK && buf != NULL) {
        /* A partly written head holds the API key; a refused call may
         * find the previous request, and its key, still in the buffer. */
        wos_secure_zero(buf, cap);
    }
    return st;
}

wos_status wos_pipes_write_request(const wos_pipes_endpoint *ep, const wos_pipes_call *call,
                                   char *buf, size_t cap, size_t *out_len)
{
    if (ep != NULL && ep->host.ptr != NULL && !wos_host_ok(ep->host.ptr, ep->host.len)) {
        ep = NULL; /* refused as any bad argument: nothing written, the buffer wiped */
    }
    return wos_pipes_write(ep, call, buf, cap, out_len);
}
