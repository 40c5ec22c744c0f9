/* SPDX-License-Identifier: MIT */
/*
 * The FIELDS of create and update. Lists and maps are views into argv,
 * kept in static arrays. The client secret comes only from the
 * environment: a command line is visible to every user of the machine.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static wos_str g_scopes[CLI_MAX_LIST];
static wos_str g_auth_methods[CLI_MAX_LIST];
static wos_str_pair g_config[CLI_MAX_PAIRS];

/* "a,b,c" as views into s; "" is an empty list; empty items are refused. */
static bool split(const char *flag, const char *s, wos_str *items, size_t cap, size_t *count)
{
    size_t n = 0;
    const char *start = s;
    if (*s == '\0') {
        *count = 0; /* "" sends an empty list */
        return true;
    }
    for (;;) {
        const char *end = strchr(start, ',');
        size_t len = end != NULL ? (size_t)(end - start) : strlen(start);
        if (len == 0u || n == cap) {
            cli_usage_error(len == 0u ? "%s has an empty item" : "%s has too many items", flag);
            return false;
        }
        items[n].ptr = start;
        items[n].len = len;
        n++;
        if (end == NULL) {
            break;
        }
        start = end + 1;
    }
    *count = n;
    return true;
}

static cli_arg_result list_field(cli_args *a, wos_str_list *dst, wos_str *items, const char *both)
{
    const char *v;
    if (!cli_once(dst->state != WOS_OMIT, both) || (v = cli_value(a)) == NULL ||
        !split(a->argv[a->i - 1], v, items, CLI_MAX_LIST, &dst->count)) {
        return ARG_ERROR;
    }
    dst->state = WOS_SET;
    dst->items = items;
    return ARG_TAKEN;
}

static cli_arg_result config_field(cli_args *a, wos_str_map *m)
{
    const char *v = cli_value(a), *eq;
    size_t i;
    if (v == NULL) {
        return ARG_ERROR;
    }
    eq = strchr(v, '=');
    if (eq == NULL || eq == v) {
        cli_usage_error("--config needs KEY=VALUE, not '%s'", v);
        return ARG_ERROR;
    }
    if (m->count == CLI_MAX_PAIRS) {
        cli_usage_error("too many --config pairs (at most %u)", CLI_MAX_PAIRS);
        return ARG_ERROR;
    }
    for (i = 0; i < m->count; i++) {
        if (g_config[i].key.len == (size_t)(eq - v) && memcmp(g_config[i].key.ptr, v, g_config[i].key.len) == 0) {
            cli_usage_error("--config %.*s given more than once", (int)(eq - v), v);
            return ARG_ERROR;
        }
    }
    g_config[m->count].key.ptr = v;
    g_config[m->count].key.len = (size_t)(eq - v);
    g_config[m->count].value = wos_str_c(eq + 1);
    m->count++;
    m->set = true;
    m->pairs = g_config;
    return ARG_TAKEN;
}

/* --enabled true|false, --description TEXT, --no-description. */
static cli_arg_result simple_field(cli_args *a, wos_integration_params *p)
{
    const char *f = a->argv[a->i], *v;
    if (strcmp(f, "--no-description") == 0) {
        if (!cli_once(p->description.state != WOS_OMIT, "--description/--no-description")) {
            return ARG_ERROR;
        }
        p->description.state = WOS_NULL;
        return ARG_TAKEN;
    }
    if (strcmp(f, "--description") == 0) {
        if (!cli_once(p->description.state != WOS_OMIT, "--description/--no-description") ||
            (v = cli_value(a)) == NULL) {
            return ARG_ERROR;
        }
        p->description.state = WOS_SET;
        p->description.value = wos_str_c(v);
        return ARG_TAKEN;
    }
    if (strcmp(f, "--enabled") != 0) {
        return ARG_NOT_MINE;
    }
    if (!cli_once(p->enabled.set, f) || (v = cli_value(a)) == NULL) {
        return ARG_ERROR;
    }
    if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0) {
        cli_usage_error("--enabled must be true or false, not '%s'", v);
        return ARG_ERROR;
    }
    p->enabled.set = true;
    p->enabled.value = v[0] == 't';
    return ARG_TAKEN;
}

static cli_arg_result credential_field(cli_args *a, cli_opts *o)
{
    wos_credentials_params *cr = &o->fields.credentials;
    const char *f = a->argv[a->i], *v;
    if (strcmp(f, "--client-id") == 0) {
        if (!cli_once(cr->client_id.ptr != NULL, f) || (v = cli_value(a)) == NULL) {
            return ARG_ERROR;
        }
        cr->client_id = wos_str_c(v);
        return ARG_TAKEN;
    }
    if (strcmp(f, "--credentials-type") != 0) {
        return ARG_NOT_MINE;
    }
    if (!cli_once(cr->type.ptr != NULL, f) || (v = cli_value(a)) == NULL) {
        return ARG_ERROR;
    }
    if (strcmp(v, "custom") != 0 && strcmp(v, "organization") != 0) {
        cli_usage_error("--credentials-type must be custom or organization, not '%s'", v);
        return ARG_ERROR;
    }
    cr->type = wos_str_c(v);
    return ARG_TAKEN;
}

cli_arg_result cli_parse_field(cli_args *a, cli_opts *o)
{
    wos_integration_params *p = &o->fields;
    const char *f = a->argv[a->i];
    cli_arg_result r = simple_field(a, p);
    if (r != ARG_NOT_MINE) {
        return r;
    }
    if (strcmp(f, "--scopes") == 0) {
        return list_field(a, &p->scopes, g_scopes, "--scopes/--default-scopes");
    }
    if (strcmp(f, "--default-scopes") == 0) {
        if (!cli_once(p->scopes.state != WOS_OMIT, "--scopes/--default-scopes")) {
            return ARG_ERROR;
        }
        p->scopes.state = WOS_NULL;
        return ARG_TAKEN;
    }
    if (strcmp(f, "--auth-methods") == 0) {
        return list_field(a, &p->auth_methods, g_auth_methods, f);
    }
    if (strcmp(f, "--config") == 0) {
        return config_field(a, &p->config);
    }
    if (strcmp(f, "--custom-provider") == 0) {
        if (!cli_once(o->provider_file != NULL, f) || (o->provider_file = cli_value(a)) == NULL) {
            return ARG_ERROR;
        }
        return ARG_TAKEN;
    }
    return credential_field(a, o);
}

int cli_fields_finish(cli_opts *o)
{
    wos_credentials_params *cr = &o->fields.credentials;
    if (cr->client_id.ptr != NULL && !wos_str_eq(cr->type, "custom")) {
        return cli_usage_error("--client-id needs --credentials-type custom");
    }
    if (wos_str_eq(cr->type, "custom")) {
        const char *secret = getenv("WORKOS_CLIENT_SECRET");
        if (cr->client_id.ptr == NULL) {
            return cli_usage_error("--credentials-type custom needs --client-id ID");
        }
        if (secret == NULL || secret[0] == '\0') {
            return cli_usage_error("--credentials-type custom needs the client secret in "
                                   "WORKOS_CLIENT_SECRET (secrets are never taken from the "
                                   "command line)");
        }
        cr->client_secret = wos_str_c(secret);
    }
    if (o->provider_file != NULL) {
        int rc = cli_load_custom_provider(o->provider_file, &o->provider);
        if (rc != CLI_CONTINUE) {
            return rc;
        }
        o->fields.custom_provider = &o->provider;
    }
    return CLI_CONTINUE;
}
