/* SPDX-License-Identifier: MIT */
/*
 * Results as JSON on stdout, written from the decoded result with the
 * library's JSON writer, not echoed from the response body: what is
 * printed is what the library understood. Each document is built in a
 * static buffer, then written out. Field names are the API's; a field is
 * null where the result says null and left out where the response had no
 * such member (as far as the result can tell the two apart).
 */
#include "cli.h"

#include "wos_json_writer.h"

static char g_out[CLI_OUT_CAP];

typedef struct out {
    wos_json_writer w;
    wos_status st; /* first failure to read the result */
} out;

static void begin(out *o)
{
    wos_jw_init(&o->w, g_out, sizeof g_out);
    o->st = WOS_OK;
}

static void failed(out *o, wos_status st)
{
    if (o->st == WOS_OK) {
        o->st = st;
    }
}

/* Write before, the document, then after; nothing at all on failure. */
static wos_status flush(out *o, const char *before, const char *after)
{
    size_t len = 0;
    wos_status st = wos_jw_finish(&o->w, &len);
    if (o->st != WOS_OK) {
        st = o->st;
    }
    if (st == WOS_OK) {
        fputs(before, stdout);
        fwrite(g_out, 1, len, stdout);
        fputs(after, stdout);
    }
    return st;
}

/* A string that may be null: written as null when absent. */
static void put_str(out *o, const char *key, wos_str s)
{
    wos_jw_key_c(&o->w, key);
    wos_jw_string(&o->w, s);
}

/* A string that cannot be null: left out when absent. */
static void put_known(out *o, const char *key, wos_str s)
{
    if (s.ptr != NULL) {
        put_str(o, key, s);
    }
}

static void put_bool(out *o, const char *key, bool v)
{
    wos_jw_key_c(&o->w, key);
    wos_jw_bool(&o->w, v);
}

/* A view's doc is all zero when the member was absent; tok is -1 when null. */
static bool put_view_key(out *o, const char *key, const wos_json_view *v)
{
    if (v->doc.tok == NULL) {
        return false;
    }
    wos_jw_key_c(&o->w, key);
    if (v->tok < 0) {
        wos_jw_null(&o->w);
        return false;
    }
    return true;
}

static void put_strings(out *o, const char *key, const wos_strings *a)
{
    unsigned i;
    if (!put_view_key(o, key, a)) {
        return;
    }
    wos_jw_array_begin(&o->w);
    for (i = 0; i < a->count; i++) {
        wos_str s = WOS_STR_NULL;
        wos_status st = wos_strings_get(a, i, &s);
        if (st != WOS_OK) {
            failed(o, st);
        }
        wos_jw_string(&o->w, s);
    }
    wos_jw_array_end(&o->w);
}

static void put_map(out *o, const char *key, const wos_str_pairs *m)
{
    unsigned i;
    if (!put_view_key(o, key, m)) {
        return;
    }
    wos_jw_object_begin(&o->w);
    for (i = 0; i < m->count; i++) {
        wos_str k = WOS_STR_LIT("?"), v = WOS_STR_NULL;
        wos_status st = wos_str_pairs_get(m, i, &k, &v);
        if (st != WOS_OK) {
            failed(o, st);
        }
        wos_jw_key(&o->w, k);
        wos_jw_string(&o->w, v);
    }
    wos_jw_object_end(&o->w);
}

static void put_credentials(out *o, const wos_credentials *c)
{
    wos_jw_key_c(&o->w, "credentials");
    if (!c->present) {
        wos_jw_null(&o->w);
        return;
    }
    wos_jw_object_begin(&o->w);
    put_known(o, "type", c->type);
    put_str(o, "client_id", c->client_id);
    put_str(o, "redacted_client_secret", c->redacted_client_secret);
    wos_jw_object_end(&o->w);
}

static void put_installation(out *o, const wos_installation *in)
{
    wos_jw_key_c(&o->w, "installation");
    if (!in->present) {
        wos_jw_null(&o->w);
        return;
    }
    wos_jw_object_begin(&o->w);
    put_known(o, "id", in->id);
    put_known(o, "user_id", in->user_id);
    put_str(o, "organization_id", in->organization_id);
    put_str(o, "api_key_last_4", in->api_key_last_4);
    wos_jw_object_end(&o->w);
}

static void put_custom_provider(out *o, const wos_custom_provider *cp)
{
    wos_jw_key_c(&o->w, "custom_provider");
    if (!cp->present) {
        wos_jw_null(&o->w);
        return;
    }
    wos_jw_object_begin(&o->w);
    put_known(o, "name", cp->name);
    put_str(o, "authorization_url", cp->authorization_url);
    put_str(o, "token_url", cp->token_url);
    put_str(o, "refresh_token_url", cp->refresh_token_url);
    put_bool(o, "pkce_enabled", cp->pkce_enabled);
    put_known(o, "request_scope_separator", cp->request_scope_separator);
    put_bool(o, "scopes_required", cp->scopes_required);
    put_bool(o, "client_secret_required", cp->client_secret_required);
    put_map(o, "additional_authorization_parameters", &cp->additional_authorization_parameters);
    put_str(o, "token_body_content_type", cp->token_body_content_type);
    put_known(o, "authenticate_via", cp->authenticate_via);
    wos_jw_object_end(&o->w);
}

/* Every member of the schema: installation too, null when the server sent
 * null or nothing (get and list send nothing). */
static void put_integration(out *o, const wos_data_integration *d)
{
    wos_jw_object_begin(&o->w);
    put_known(o, "object", d->object);
    put_known(o, "id", d->id);
    put_known(o, "slug", d->slug);
    put_known(o, "integration_type", d->integration_type);
    put_str(o, "description", d->description);
    put_bool(o, "enabled", d->enabled);
    put_known(o, "state", d->state_text);
    put_strings(o, "scopes", &d->scopes);
    put_str(o, "redirect_uri", d->redirect_uri);
    put_strings(o, "auth_methods", &d->auth_methods);
    put_credentials(o, &d->credentials);
    put_installation(o, &d->installation);
    put_map(o, "config", &d->config);
    put_custom_provider(o, &d->custom_provider);
    put_known(o, "created_at", d->created_at.text);
    put_known(o, "updated_at", d->updated_at.text);
    wos_jw_object_end(&o->w);
}

wos_status cli_out_integration(const wos_data_integration *d)
{
    out o;
    begin(&o);
    put_integration(&o, d);
    return flush(&o, "", "\n");
}

wos_status cli_out_token(const wos_access_token *t)
{
    static const wos_str k_object = WOS_STR_LIT("access_token");
    wos_status st;
    out o;
    begin(&o);
    wos_jw_object_begin(&o.w);
    put_bool(&o, "active", t->active);
    if (t->active) {
        wos_jw_key_c(&o.w, "access_token");
        wos_jw_object_begin(&o.w);
        put_str(&o, "object", k_object);
        put_str(&o, "access_token", t->access_token);
        put_str(&o, "expires_at", t->expires_at.text);
        put_strings(&o, "scopes", &t->scopes);
        put_strings(&o, "missing_scopes", &t->missing_scopes);
        wos_jw_object_end(&o.w);
    } else {
        put_str(&o, "error", t->error);
    }
    wos_jw_object_end(&o.w);
    st = flush(&o, "", "\n");
    wos_secure_zero(g_out, sizeof g_out); /* it held the token */
    return st;
}

/*
 * A list is streamed: the opening, then every item as its own document
 * (so a walk over many pages never holds more than one page), then the
 * metadata and the close.
 */
void cli_out_list_begin(void)
{
    fputs("{\"data\":[", stdout);
}

wos_status cli_out_page_items(wos_integration_page *page, bool *first)
{
    wos_data_integration d;
    wos_status st;
    while ((st = wos_page_next(page, &d)) == WOS_OK) {
        out o;
        begin(&o);
        put_integration(&o, &d);
        st = flush(&o, *first ? "" : ",", "");
        if (st != WOS_OK) {
            return st;
        }
        *first = false;
    }
    return st == WOS_ERR_NOT_FOUND ? WOS_OK : st;
}

wos_status cli_out_list_end(wos_str before, wos_str after)
{
    out o;
    begin(&o);
    wos_jw_object_begin(&o.w);
    put_str(&o, "before", before);
    put_str(&o, "after", after);
    wos_jw_object_end(&o.w);
    return flush(&o, "],\"list_metadata\":", "}\n");
}
