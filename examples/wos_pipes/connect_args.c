/* SPDX-License-Identifier: MIT */
/*
 * Arguments of the connect commands (authorize, credentials, api-key,
 * client-credentials, account, providers, org-config, widget-token):
 * which flag each takes, positionals, secrets from the environment, and
 * the params struct of the operation each runs.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define BIT(c) (1u << ((c) - CMD_AUTHORIZE))
#define SLUG_CMDS (BIT(CMD_AUTHORIZE) | BIT(CMD_CREDENTIALS) | BIT(CMD_API_KEY) | \
                   BIT(CMD_CLIENT_CREDENTIALS) | BIT(CMD_ACCOUNT) | BIT(CMD_CONNECT))

enum { F_USER, F_ORG, F_RETURN_TO, F_CONFIG, F_QR, F_CLIENT_ID, F_SCOPES, F_EXPIRES_AT,
       F_STATE, F_ENABLED, F_DEFAULT_SCOPES, F_WAIT_S, F_POLL_S };

static const struct {
    const char *name;
    unsigned cmds; /* BIT() of the commands that take it */
} k_flags[] = {
    [F_USER] = {"--user", SLUG_CMDS | BIT(CMD_PROVIDERS) | BIT(CMD_WIDGET_TOKEN)},
    [F_ORG] = {"--org", SLUG_CMDS | BIT(CMD_PROVIDERS) | BIT(CMD_WIDGET_TOKEN)},
    [F_RETURN_TO] = {"--return-to", BIT(CMD_AUTHORIZE) | BIT(CMD_CONNECT)},
    [F_CONFIG] = {"--config", BIT(CMD_AUTHORIZE) | BIT(CMD_CLIENT_CREDENTIALS) | BIT(CMD_ORG_CONFIG)},
    [F_QR] = {"--qr", BIT(CMD_AUTHORIZE)},
    [F_CLIENT_ID] = {"--client-id", BIT(CMD_CLIENT_CREDENTIALS) | BIT(CMD_ORG_CONFIG)},
    [F_SCOPES] = {"--scopes", BIT(CMD_ACCOUNT) | BIT(CMD_ORG_CONFIG) | BIT(CMD_WIDGET_TOKEN)},
    [F_EXPIRES_AT] = {"--expires-at", BIT(CMD_ACCOUNT)},
    [F_STATE] = {"--state", BIT(CMD_ACCOUNT)},
    [F_ENABLED] = {"--enabled", BIT(CMD_ORG_CONFIG)},
    [F_DEFAULT_SCOPES] = {"--default-scopes", BIT(CMD_ORG_CONFIG)},
    [F_WAIT_S] = {"--wait-s", BIT(CMD_CONNECT)},
    [F_POLL_S] = {"--poll-s", BIT(CMD_CONNECT)},
};

/* Seconds, 1..86400. */
static cli_arg_result seconds(cli_args *a, uint32_t *dst)
{
    const char *flag = a->argv[a->i], *v;
    uint32_t n = 0;
    if (!cli_once(*dst != 0u, flag) || (v = cli_value(a)) == NULL) {
        return ARG_ERROR;
    }
    for (; *v >= '0' && *v <= '9' && n <= 86400u; v++) {
        n = n * 10u + (uint32_t)(*v - '0');
    }
    if (*v != '\0' || n == 0u || n > 86400u) {
        cli_usage_error("%s takes seconds, 1..86400", flag);
        return ARG_ERROR;
    }
    *dst = n;
    return ARG_TAKEN;
}

static cli_arg_result once_str(cli_args *a, wos_str *dst)
{
    const char *v;
    if (!cli_once(dst->ptr != NULL, a->argv[a->i]) || (v = cli_value(a)) == NULL) {
        return ARG_ERROR;
    }
    *dst = wos_str_c(v);
    return ARG_TAKEN;
}

/* "a,b,c" as views into argv; empty items are refused. */
static cli_arg_result scopes(cli_args *a, cli_cx *x)
{
    const char *p;
    if (!cli_once(x->scopes_given, "--scopes") || (p = cli_value(a)) == NULL) {
        return ARG_ERROR;
    }
    x->scopes_given = true;
    for (;;) {
        size_t n = strcspn(p, ",");
        if (n == 0u || x->nscopes == CLI_MAX_LIST_CX) {
            cli_usage_error("--scopes: an empty item, or more than %u", CLI_MAX_LIST_CX);
            return ARG_ERROR;
        }
        x->scopes[x->nscopes].ptr = p;
        x->scopes[x->nscopes++].len = n;
        if (p[n] == '\0') {
            return ARG_TAKEN;
        }
        p += n + 1u;
    }
}

static cli_arg_result config(cli_args *a, cli_cx *x)
{
    const char *v = cli_value(a), *eq;
    if (v == NULL) {
        return ARG_ERROR;
    }
    eq = strchr(v, '=');
    if (eq == NULL || eq == v || x->nconfig == CLI_MAX_PAIRS_CX) {
        cli_usage_error("--config takes KEY=VALUE (at most %u)", CLI_MAX_PAIRS_CX);
        return ARG_ERROR;
    }
    x->config[x->nconfig].key.ptr = v;
    x->config[x->nconfig].key.len = (size_t)(eq - v);
    x->config[x->nconfig++].value = wos_str_c(eq + 1);
    return ARG_TAKEN;
}

static cli_arg_result enabled(cli_args *a, cli_cx *x)
{
    const char *v;
    if (!cli_once(x->enabled.set, "--enabled") || (v = cli_value(a)) == NULL) {
        return ARG_ERROR;
    }
    if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0) {
        cli_usage_error("--enabled takes true or false");
        return ARG_ERROR;
    }
    x->enabled.set = true;
    x->enabled.value = v[0] == 't';
    return ARG_TAKEN;
}

static cli_arg_result flag(cli_args *a, cli_cx *x, unsigned f)
{
    switch (f) {
    case F_USER: return once_str(a, &x->user);
    case F_ORG: return once_str(a, &x->org);
    case F_RETURN_TO: return once_str(a, &x->return_to);
    case F_CONFIG: return config(a, x);
    case F_CLIENT_ID: return once_str(a, &x->client_id);
    case F_SCOPES: return scopes(a, x);
    case F_EXPIRES_AT: return once_str(a, &x->expires_at);
    case F_STATE: return once_str(a, &x->state);
    case F_ENABLED: return enabled(a, x);
    case F_WAIT_S: return seconds(a, &x->wait_s);
    case F_POLL_S: return seconds(a, &x->poll_s);
    case F_DEFAULT_SCOPES:
        x->default_scopes = true;
        return ARG_TAKEN;
    default: /* F_QR */
        x->qr = true;
        return ARG_TAKEN;
    }
}

cli_arg_result cli_cx_arg(cli_args *a, cli_opts *o)
{
    cli_cx *x = &o->cx;
    const char *s = a->argv[a->i];
    unsigned f;
    if (s[0] != '-' || s[1] == '\0') {
        bool verb = (o->cmd == CMD_ACCOUNT || o->cmd == CMD_ORG_CONFIG) && x->verb == NULL;
        unsigned max = o->cmd == CMD_ORG_CONFIG ? 2u : (BIT(o->cmd) & SLUG_CMDS) != 0u ? 1u : 0u;
        if (verb) {
            x->verb = s;
            return ARG_TAKEN;
        }
        if (x->npos == max) {
            cli_usage_error("unexpected argument '%s'", s);
            return ARG_ERROR;
        }
        x->pos[x->npos++] = wos_str_c(s);
        return ARG_TAKEN;
    }
    for (f = 0; f < sizeof k_flags / sizeof k_flags[0]; f++) {
        if (strcmp(s, k_flags[f].name) == 0 && (k_flags[f].cmds & BIT(o->cmd)) != 0u) {
            return flag(a, x, f);
        }
    }
    return ARG_NOT_MINE;
}

/* A secret from the environment (never argv); ptr NULL when unset. */
static wos_str secret_env(const char *name)
{
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0' ? wos_str_c(v) : (wos_str)WOS_STR_NULL;
}

static wos_str_list scope_list(const cli_cx *x)
{
    wos_str_list l = {WOS_OMIT, NULL, 0};
    if (x->default_scopes) {
        l.state = WOS_NULL;
    } else if (x->scopes_given) {
        l.state = WOS_SET;
        l.items = x->scopes;
        l.count = x->nscopes;
    }
    return l;
}

static wos_str_map config_map(const cli_cx *x)
{
    wos_str_map m = {false, NULL, 0};
    m.set = x->nconfig > 0u;
    m.pairs = x->config;
    m.count = x->nconfig;
    return m;
}

static int finish_account(cli_cx *x)
{
    wos_account_params *p = &x->account;
    bool write = x->verb != NULL && (strcmp(x->verb, "create") == 0 || strcmp(x->verb, "update") == 0);
    if (x->verb == NULL || (!write && strcmp(x->verb, "get") != 0 && strcmp(x->verb, "delete") != 0)) {
        return cli_usage_error("account takes get, delete, create or update");
    }
    if (!write && (x->scopes_given || x->expires_at.ptr != NULL || x->state.ptr != NULL)) {
        return cli_usage_error("account %s takes no --scopes, --expires-at or --state", x->verb);
    }
    p->user_id = x->user;
    p->slug = x->pos[0];
    p->organization_id = x->org;
    if (write) {
        p->access_token = secret_env("WORKOS_ACCESS_TOKEN");
        p->refresh_token = secret_env("WORKOS_REFRESH_TOKEN");
        p->expires_at = x->expires_at;
        p->scopes = scope_list(x);
        p->state = x->state;
    }
    x->op = x->verb[0] == 'g' ? &wos_op_account_get
            : x->verb[0] == 'd' ? &wos_op_account_delete
            : x->verb[0] == 'c' ? &wos_op_account_create : &wos_op_account_update;
    x->params = p;
    return CLI_CONTINUE;
}

static int finish_org_config(cli_cx *x)
{
    wos_org_config_params *p = &x->org_config;
    bool set = x->verb != NULL && strcmp(x->verb, "set") == 0;
    if (x->verb == NULL || (!set && strcmp(x->verb, "list") != 0)) {
        return cli_usage_error("org-config takes list or set");
    }
    if (x->npos != (set ? 2u : 1u)) {
        return cli_usage_error(set ? "org-config set needs ORG_ID SLUG" : "org-config list needs ORG_ID");
    }
    if (!set && (x->enabled.set || x->scopes_given || x->default_scopes || x->client_id.ptr != NULL ||
                 x->nconfig > 0u)) {
        return cli_usage_error("org-config list takes no options");
    }
    if (x->scopes_given && x->default_scopes) {
        return cli_usage_error("--scopes and --default-scopes exclude each other");
    }
    p->organization_id = x->pos[0];
    p->slug = x->pos[1];
    p->enabled = x->enabled;
    p->scopes = scope_list(x);
    p->client_id = x->client_id;
    if (x->client_id.ptr != NULL) {
        p->client_secret = secret_env("WORKOS_CLIENT_SECRET");
        if (p->client_secret.ptr == NULL) {
            return cli_usage_error("--client-id needs WORKOS_CLIENT_SECRET in the environment");
        }
    }
    p->config = config_map(x);
    x->op = set ? &wos_op_org_config_set : &wos_op_org_configs;
    x->params = p;
    return CLI_CONTINUE;
}

/* Everything but account and org-config: the slug and user, and the command's own members. */
static int finish_simple(cli_opts *o, cli_cx *x)
{
    switch (o->cmd) {
    case CMD_CONNECT:
    case CMD_AUTHORIZE:
        x->authorize.slug = x->pos[0];
        x->authorize.user_id = x->user;
        x->authorize.organization_id = x->org;
        x->authorize.return_to = x->return_to;
        x->authorize.config = config_map(x);
        x->op = &wos_op_authorize;
        x->params = &x->authorize;
        break;
    case CMD_CREDENTIALS:
        x->token.slug = x->pos[0];
        x->token.user_id = x->user;
        x->token.organization_id = x->org;
        x->op = &wos_op_credentials;
        x->params = &x->token;
        break;
    case CMD_API_KEY:
        x->api_key.slug = x->pos[0];
        x->api_key.user_id = x->user;
        x->api_key.organization_id = x->org;
        x->api_key.secret = secret_env("WORKOS_PROVIDER_API_KEY");
        if (x->api_key.secret.ptr == NULL) {
            return cli_usage_error("api-key needs WORKOS_PROVIDER_API_KEY in the environment");
        }
        x->op = &wos_op_api_key;
        x->params = &x->api_key;
        break;
    case CMD_CLIENT_CREDENTIALS:
        x->client_credentials.slug = x->pos[0];
        x->client_credentials.user_id = x->user;
        x->client_credentials.organization_id = x->org;
        x->client_credentials.client_id = x->client_id;
        x->client_credentials.client_secret = secret_env("WORKOS_CLIENT_SECRET");
        x->client_credentials.config = config_map(x);
        if (x->client_id.ptr == NULL || x->client_credentials.client_secret.ptr == NULL) {
            return cli_usage_error("client-credentials needs --client-id ID and "
                                   "WORKOS_CLIENT_SECRET in the environment");
        }
        x->op = &wos_op_client_credentials;
        x->params = &x->client_credentials;
        break;
    case CMD_PROVIDERS:
        x->providers.user_id = x->user;
        x->providers.organization_id = x->org;
        x->op = &wos_op_providers;
        x->params = &x->providers;
        break;
    default: /* CMD_WIDGET_TOKEN */
        x->widget.user_id = x->user;
        x->widget.organization_id = x->org;
        x->widget.scopes = scope_list(x);
        x->op = &wos_op_widget_token;
        x->params = &x->widget;
        break;
    }
    return CLI_CONTINUE;
}

int cli_cx_finish(cli_opts *o)
{
    cli_cx *x = &o->cx;
    if ((BIT(o->cmd) & SLUG_CMDS) != 0u && (x->npos == 0u || x->pos[0].len == 0u)) {
        return cli_usage_error("%s needs a SLUG", cli_command_name(o->cmd));
    }
    if ((BIT(o->cmd) & (SLUG_CMDS | BIT(CMD_PROVIDERS))) != 0u && x->user.ptr == NULL) {
        return cli_usage_error("%s needs --user ID", cli_command_name(o->cmd));
    }
    if (o->cmd == CMD_ACCOUNT) {
        return finish_account(x);
    }
    return o->cmd == CMD_ORG_CONFIG ? finish_org_config(x) : finish_simple(o, x);
}
