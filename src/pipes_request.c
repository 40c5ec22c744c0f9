/* Pipes requests: each operation as method, path segments, query and a JSON body. */
#include "wos_pipes.h"

#include "wos_http_request.h"
#include "wos_json_writer.h"

static const wos_str k_collection = WOS_STR_LIT("data-integrations");
static const wos_str k_token_seg = WOS_STR_LIT("token");

static bool has(wos_str s) { return s.ptr != NULL; }

static void put_str(wos_json_writer *w, const char *key, wos_str v)
{
    if (has(v)) {
        wos_jw_key_c(w, key);
        wos_jw_string(w, v);
    }
}

static void put_opt_str(wos_json_writer *w, const char *key, wos_opt_str v)
{
    if (v.state != WOS_OMIT) {
        wos_jw_key_c(w, key);
        wos_jw_string(w, v.state == WOS_SET ? v.value : (wos_str)WOS_STR_NULL);
    }
}

static void put_bool(wos_json_writer *w, const char *key, wos_opt_bool v)
{
    if (v.set) {
        wos_jw_key_c(w, key);
        wos_jw_bool(w, v.value);
    }
}

static void put_list(wos_json_writer *w, const char *key, const wos_str_list *l)
{
    size_t i;
    if (l->state == WOS_OMIT) {
        return;
    }
    wos_jw_key_c(w, key);
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

static void put_map(wos_json_writer *w, const char *key, const wos_str_map *m)
{
    size_t i;
    if (!m->set) {
        return;
    }
    wos_jw_key_c(w, key);
    wos_jw_object_begin(w);
    for (i = 0; i < m->count; i++) {
        wos_jw_key(w, m->pairs[i].key);
        wos_jw_string(w, m->pairs[i].value);
    }
    wos_jw_object_end(w);
}

static void put_custom_provider(wos_json_writer *w, const wos_custom_provider_params *c)
{
    wos_jw_key_c(w, "custom_provider");
    wos_jw_object_begin(w);
    put_str(w, "name", c->name);
    put_str(w, "authorization_url", c->authorization_url);
    put_str(w, "token_url", c->token_url);
    put_opt_str(w, "refresh_token_url", c->refresh_token_url);
    put_bool(w, "pkce_enabled", c->pkce_enabled);
    put_str(w, "request_scope_separator", c->request_scope_separator);
    put_bool(w, "scopes_required", c->scopes_required);
    put_bool(w, "client_secret_required", c->client_secret_required);
    put_map(w, "additional_authorization_parameters", &c->additional_authorization_parameters);
    put_str(w, "token_body_content_type", c->token_body_content_type);
    put_str(w, "authenticate_via", c->authenticate_via);
    wos_jw_object_end(w);
}

static void integration_body(wos_json_writer *w, const void *arg)
{
    const wos_integration_params *p = (const wos_integration_params *)arg;
    wos_jw_object_begin(w);
    put_str(w, "provider", p->provider);
    put_opt_str(w, "description", p->description);
    put_bool(w, "enabled", p->enabled);
    put_list(w, "scopes", &p->scopes);
    put_list(w, "auth_methods", &p->auth_methods);
    put_map(w, "config", &p->config);
    if (has(p->credentials.type)) {
        wos_jw_key_c(w, "credentials");
        wos_jw_object_begin(w);
        put_str(w, "type", p->credentials.type);
        put_str(w, "client_id", p->credentials.client_id);
        put_str(w, "client_secret", p->credentials.client_secret);
        wos_jw_object_end(w);
    }
    if (has(p->api_key.secret)) {
        wos_jw_key_c(w, "api_key");
        wos_jw_object_begin(w);
        put_str(w, "secret", p->api_key.secret);
        put_str(w, "user_id", p->api_key.user_id);
        put_str(w, "organization_id", p->api_key.organization_id);
        wos_jw_object_end(w);
    }
    if (p->custom_provider != NULL) {
        put_custom_provider(w, p->custom_provider);
    }
    wos_jw_object_end(w);
}

static void token_body(wos_json_writer *w, const void *arg)
{
    const wos_token_params *p = (const wos_token_params *)arg;
    wos_jw_object_begin(w);
    put_str(w, "user_id", p->user_id);
    put_str(w, "organization_id", p->organization_id);
    wos_jw_object_end(w);
}

/* Checks the writer cannot make: required fields and where null is allowed. */
static bool integration_params_ok(const wos_integration_params *p, bool create)
{
    if (p == NULL || create != has(p->provider) || p->auth_methods.state == WOS_NULL) {
        return false;
    }
    if (has(p->api_key.secret) && !has(p->api_key.user_id)) {
        return false;
    }
    return p->custom_provider == NULL || !create || has(p->custom_provider->name);
}

static bool list_params_ok(const wos_list_params *l)
{
    return l == NULL || l->limit <= 100u;
}

static bool call_ok(const wos_pipes_call *c)
{
    switch (c->op) {
    case WOS_OP_TOKEN:
        return c->token != NULL && has(c->token->user_id);
    case WOS_OP_CREATE:
        return integration_params_ok(c->fields, true);
    case WOS_OP_UPDATE:
        return integration_params_ok(c->fields, false);
    case WOS_OP_LIST:
        return list_params_ok(c->list);
    case WOS_OP_GET:
    case WOS_OP_DELETE:
        return true;
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

/* Maps a call onto method, path, query and body; the HTTP writer does the rest. */
wos_status wos_pipes_write_request(const wos_pipes_endpoint *ep, const wos_pipes_call *call,
                                   char *buf, size_t cap, size_t *out_len)
{
    static const char *const k_methods[] = {"POST", "POST", "GET", "GET", "PUT", "DELETE"};
    wos_str segs[3];
    wos_http_query q[4];
    char limit[3];
    wos_http_request req = {0};
    const wos_list_params *l = call != NULL ? call->list : NULL;

    if (ep == NULL || call == NULL || out_len == NULL || !call_ok(call)) {
        return WOS_ERR_INVALID_ARG;
    }
    segs[0] = k_collection;
    segs[1] = call->op == WOS_OP_TOKEN ? call->token->slug : call->slug;
    segs[2] = k_token_seg;
    req.method = k_methods[call->op];
    req.segments = segs;
    req.segment_count = call->op == WOS_OP_TOKEN ? 3u : (call->op <= WOS_OP_LIST ? 1u : 2u);
    req.host = ep->host;
    req.port = ep->port;
    req.tls = ep->tls;
    req.api_key = ep->api_key;
    if (call->op == WOS_OP_TOKEN || call->op == WOS_OP_CREATE) {
        req.idempotency_key = call->idempotency_key;
    }
    if (call->op == WOS_OP_TOKEN) {
        req.body = token_body;
        req.body_arg = call->token;
    } else if (call->op == WOS_OP_CREATE || call->op == WOS_OP_UPDATE) {
        req.body = integration_body;
        req.body_arg = call->fields;
    } else if (call->op == WOS_OP_LIST && l != NULL) {
        q[0].name = "limit";
        q[0].value = limit_digits(l->limit, limit);
        q[1].name = "before";
        q[1].value = l->before;
        q[2].name = "after";
        q[2].value = l->after;
        q[3].name = "order";
        q[3].value = l->order;
        req.query = q;
        req.query_count = 4u;
    }
    return wos_http_request_write(&req, buf, cap, out_len);
}

wos_status wos_pipes_write_token(const wos_pipes_endpoint *ep, const wos_token_params *p,
                                 wos_str idempotency_key, char *buf, size_t cap, size_t *out_len)
{
    wos_pipes_call c = {0};
    c.op = WOS_OP_TOKEN;
    c.token = p;
    c.idempotency_key = idempotency_key;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

wos_status wos_pipes_write_create(const wos_pipes_endpoint *ep, const wos_integration_params *p,
                                  wos_str idempotency_key, char *buf, size_t cap, size_t *out_len)
{
    wos_pipes_call c = {0};
    c.op = WOS_OP_CREATE;
    c.fields = p;
    c.idempotency_key = idempotency_key;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

wos_status wos_pipes_write_list(const wos_pipes_endpoint *ep, const wos_list_params *p,
                                char *buf, size_t cap, size_t *out_len)
{
    wos_pipes_call c = {0};
    c.op = WOS_OP_LIST;
    c.list = p;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

static wos_status by_slug(wos_pipes_op op, const wos_pipes_endpoint *ep, wos_str slug,
                          const wos_integration_params *p, char *buf, size_t cap, size_t *out_len)
{
    wos_pipes_call c = {0};
    c.op = op;
    c.slug = slug;
    c.fields = p;
    return wos_pipes_write_request(ep, &c, buf, cap, out_len);
}

wos_status wos_pipes_write_get(const wos_pipes_endpoint *ep, wos_str slug,
                               char *buf, size_t cap, size_t *out_len)
{
    return by_slug(WOS_OP_GET, ep, slug, NULL, buf, cap, out_len);
}

wos_status wos_pipes_write_update(const wos_pipes_endpoint *ep, wos_str slug,
                                  const wos_integration_params *p,
                                  char *buf, size_t cap, size_t *out_len)
{
    return by_slug(WOS_OP_UPDATE, ep, slug, p, buf, cap, out_len);
}

wos_status wos_pipes_write_delete(const wos_pipes_endpoint *ep, wos_str slug,
                                  char *buf, size_t cap, size_t *out_len)
{
    return by_slug(WOS_OP_DELETE, ep, slug, NULL, buf, cap, out_len);
}
