/* SPDX-License-Identifier: MIT */
/*
 * Results of the connect commands as JSON on stdout, rebuilt from the
 * decoded result (never echoed): members the server may leave out are
 * written exactly when it sent them, null when it sent null.
 */
#include "cli.h"

#include "wos_json_writer.h"

static char g_out[CLI_OUT_CAP];
static wos_json_writer g_w;
static wos_status g_st;

static wos_json_writer *begin(void)
{
    wos_jw_init(&g_w, g_out, sizeof g_out);
    g_st = WOS_OK;
    return &g_w;
}

static wos_status flush(void)
{
    size_t len = 0;
    wos_status st = wos_jw_finish(&g_w, &len);
    st = g_st != WOS_OK ? g_st : st;
    if (st == WOS_OK) {
        fwrite(g_out, 1, len, stdout);
        fputc('\n', stdout);
    }
    return st;
}

static void str(const char *key, wos_str s)
{
    wos_jw_key_c(&g_w, key);
    wos_jw_string(&g_w, s);
}

/* A tristate member: left out when omitted, unless always. */
static void opt(const char *key, wos_opt_str o, bool always)
{
    if (o.state != WOS_OMIT || always) {
        str(key, o.state == WOS_SET ? o.value : (wos_str)WOS_STR_NULL);
    }
}

static void time_member(const char *key, const wos_timestamp *t)
{
    str(key, t->text);
}

/* A list or map view: left out when absent (unless always: null), null when null. */
static void view(const char *key, const wos_json_view *v, bool map, bool always)
{
    unsigned i;
    if (wos_view_absent(v) && !always) {
        return;
    }
    wos_jw_key_c(&g_w, key);
    if (wos_view_absent(v) || wos_view_null(v)) {
        wos_jw_null(&g_w);
        return;
    }
    if (map) {
        wos_jw_object_begin(&g_w);
    } else {
        wos_jw_array_begin(&g_w);
    }
    for (i = 0; i < v->count; i++) {
        wos_str k, s;
        wos_status st = map ? wos_str_pairs_get(v, i, &k, &s) : wos_strings_get(v, i, &s);
        g_st = g_st == WOS_OK ? st : g_st;
        if (map) {
            wos_jw_key(&g_w, k);
        }
        wos_jw_string(&g_w, s);
    }
    if (map) {
        wos_jw_object_end(&g_w);
    } else {
        wos_jw_array_end(&g_w);
    }
}

static void account(const wos_connected_account *a)
{
    wos_jw_object_begin(&g_w);
    str("object", a->object);
    str("id", a->id);
    opt("user_id", a->user_id, true);
    opt("organization_id", a->organization_id, true);
    view("scopes", &a->scopes, false, true);
    opt("auth_method", a->auth_method_text, false);
    opt("api_key_last_4", a->api_key_last_4, false);
    opt("client_id", a->client_id, false);
    opt("client_secret_last_4", a->client_secret_last_4, false);
    view("config", &a->config, true, false);
    str("state", a->state_text);
    time_member("created_at", &a->created_at);
    time_member("updated_at", &a->updated_at);
    wos_jw_object_end(&g_w);
}

wos_status cli_out_account(const wos_connected_account *a)
{
    begin();
    account(a);
    return flush();
}

wos_status cli_out_url(const wos_authorize_url *u)
{
    wos_jw_object_begin(begin());
    str("url", u->url);
    wos_jw_object_end(&g_w);
    return flush();
}

wos_status cli_out_widget_token(const wos_widget_token *t)
{
    wos_jw_object_begin(begin());
    str("token", t->token);
    wos_jw_object_end(&g_w);
    return flush();
}

wos_status cli_out_credentials(const wos_credentials_result *r)
{
    const wos_credential *c = &r->credential;
    wos_jw_object_begin(begin());
    wos_jw_key_c(&g_w, "active");
    wos_jw_bool(&g_w, r->active);
    if (!r->active) {
        str("error", r->error);
    } else {
        wos_jw_key_c(&g_w, "credential");
        wos_jw_object_begin(&g_w);
        str("object", c->object);
        str("auth_method", c->auth_method_text);
        str("value", c->value);
        opt("expires_at", c->expires_at, false);
        view("scopes", &c->scopes, false, false);
        view("missing_scopes", &c->missing_scopes, false, false);
        view("metadata", &c->metadata, true, false);
        wos_jw_object_end(&g_w);
    }
    wos_jw_object_end(&g_w);
    return flush();
}

static void provider(const wos_data_provider *p)
{
    wos_jw_object_begin(&g_w);
    str("object", p->object);
    str("id", p->id);
    str("name", p->name);
    str("description", p->description);
    str("slug", p->slug);
    str("integration_type", p->integration_type);
    str("credentials_type", p->credentials_type);
    view("scopes", &p->scopes, false, true);
    view("auth_methods", &p->auth_methods, false, false);
    str("ownership", p->ownership);
    time_member("created_at", &p->created_at);
    time_member("updated_at", &p->updated_at);
    wos_jw_key_c(&g_w, "connected_account");
    if (p->connected_account.present) {
        account(&p->connected_account);
    } else {
        wos_jw_null(&g_w);
    }
    wos_jw_object_end(&g_w);
}

static void org_config(const wos_org_config *c)
{
    const wos_org_credentials *k = &c->credentials;
    wos_jw_object_begin(&g_w);
    str("object", c->object);
    str("id", c->id);
    str("organization_id", c->organization_id);
    str("slug", c->slug);
    str("name", c->name);
    wos_jw_key_c(&g_w, "enabled");
    wos_jw_bool(&g_w, c->enabled);
    view("scopes", &c->scopes, false, true);
    view("config", &c->config, true, true);
    time_member("created_at", &c->created_at);
    time_member("updated_at", &c->updated_at);
    if (k->present) {
        wos_jw_key_c(&g_w, "credentials");
        wos_jw_object_begin(&g_w);
        str("credentials_type", k->credentials_type);
        wos_jw_key_c(&g_w, "has_credentials");
        wos_jw_bool(&g_w, k->has_credentials);
        str("client_id", k->client_id);
        str("client_secret_last_four", k->client_secret_last_four);
        str("redirect_uri", k->redirect_uri);
        wos_jw_object_end(&g_w);
    }
    wos_jw_object_end(&g_w);
}

/* {"data": [...]} of either list; items were checked when the list was decoded. */
static wos_status items(const wos_pipes_items *l, bool providers)
{
    static wos_data_provider p;
    static wos_org_config c;
    unsigned i;
    wos_jw_object_begin(begin());
    wos_jw_key_c(&g_w, "data");
    wos_jw_array_begin(&g_w);
    for (i = 0; i < l->count && g_st == WOS_OK; i++) {
        g_st = providers ? wos_provider_item(l, i, &p) : wos_org_config_item(l, i, &c);
        if (g_st == WOS_OK && providers) {
            provider(&p);
        } else if (g_st == WOS_OK) {
            org_config(&c);
        }
    }
    wos_jw_array_end(&g_w);
    wos_jw_object_end(&g_w);
    return flush();
}

wos_status cli_out_providers(const wos_pipes_items *l)
{
    return items(l, true);
}

wos_status cli_out_org_configs(const wos_pipes_items *l)
{
    return items(l, false);
}

wos_status cli_out_org_config(const wos_org_config *c)
{
    begin();
    org_config(c);
    return flush();
}
