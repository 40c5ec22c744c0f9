/* SPDX-License-Identifier: MIT */
/* Command line: global options, the command, its own flags and positionals. */
#include "cli.h"

#include <stdarg.h>
#include <string.h>

static cli_cmd g_hint_cmd = CMD_NONE;

void cli_usage_set_command(cli_cmd cmd)
{
    g_hint_cmd = cmd;
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("wos-pipes: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (g_hint_cmd != CMD_NONE) {
        fprintf(stderr, "\nTry 'wos-pipes %s --help'.\n", cli_command_name(g_hint_cmd));
    } else {
        fputs("\nTry 'wos-pipes --help'.\n", stderr);
    }
    return CLI_EXIT_USAGE;
}

const char *cli_value(cli_args *a)
{
    if (a->i + 1 >= a->argc) {
        cli_usage_error("option %s needs a value", a->argv[a->i]);
        return NULL;
    }
    a->i++;
    return a->argv[a->i];
}

bool cli_once(bool already, const char *flag)
{
    if (already) {
        cli_usage_error("option %s given more than once", flag);
    }
    return !already;
}

/* Strict decimal: digits only, no sign, no spaces, within [lo, hi]. */
static bool parse_u32(const char *s, uint32_t lo, uint32_t hi, uint32_t *out)
{
    uint64_t v = 0;
    size_t i;
    for (i = 0; s[i] != '\0'; i++) {
        if (s[i] < '0' || s[i] > '9' || i >= 10u) {
            return false;
        }
        v = v * 10u + (uint64_t)(s[i] - '0');
    }
    if (i == 0u || v < lo || v > hi) {
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

static cli_arg_result num_flag(cli_args *a, uint32_t lo, uint32_t hi, bool already, uint32_t *out)
{
    const char *flag = a->argv[a->i], *v;
    if (!cli_once(already, flag) || (v = cli_value(a)) == NULL) {
        return ARG_ERROR;
    }
    if (!parse_u32(v, lo, hi, out)) {
        cli_usage_error("%s must be a whole number from %lu to %lu, not '%s'", flag,
                        (unsigned long)lo, (unsigned long)hi, v);
        return ARG_ERROR;
    }
    return ARG_TAKEN;
}

/* A flag with one string value, given at most once. */
static cli_arg_result str_flag(cli_args *a, const char *name, wos_str *dst)
{
    const char *v;
    if (strcmp(a->argv[a->i], name) != 0) {
        return ARG_NOT_MINE;
    }
    if (!cli_once(dst->ptr != NULL, name) || (v = cli_value(a)) == NULL) {
        return ARG_ERROR;
    }
    *dst = wos_str_c(v);
    return ARG_TAKEN;
}

static cli_arg_result cstr_flag(cli_args *a, const char *name, const char **dst)
{
    wos_str s = wos_str_c(*dst);
    cli_arg_result r = str_flag(a, name, &s);
    *dst = s.ptr;
    return r;
}

static cli_arg_result global_flag(cli_args *a, cli_opts *o)
{
    const char *f = a->argv[a->i];
    uint32_t n = 0;
    cli_arg_result r = cstr_flag(a, "--base-url", &o->base_url);
    if (r == ARG_NOT_MINE) {
        r = cstr_flag(a, "--ca-file", &o->ca_file);
    }
    if (r == ARG_NOT_MINE && strcmp(f, "--timeout-ms") == 0) {
        r = num_flag(a, 1u, 86400000u, o->timeout_ms != 0u, &o->timeout_ms);
    }
    if (r == ARG_NOT_MINE && strcmp(f, "--retries") == 0) {
        r = num_flag(a, 0u, 255u, o->retries >= 0, &n);
        o->retries = r == ARG_TAKEN ? (int)n : o->retries;
    }
    return r;
}

static cli_arg_result token_flag(cli_args *a, cli_opts *o)
{
    cli_arg_result r = str_flag(a, "--user", &o->token.user_id);
    return r != ARG_NOT_MINE ? r : str_flag(a, "--org", &o->token.organization_id);
}

static bool valid_order(wos_str s)
{
    return wos_str_eq(s, "asc") || wos_str_eq(s, "desc") || wos_str_eq(s, "normal");
}

static cli_arg_result list_flag(cli_args *a, cli_opts *o)
{
    const char *f = a->argv[a->i];
    cli_arg_result r;
    if (strcmp(f, "--all") == 0) {
        r = cli_once(o->all, f) ? ARG_TAKEN : ARG_ERROR;
        o->all = true;
        return r;
    }
    if (strcmp(f, "--limit") == 0) {
        return num_flag(a, 1u, 100u, o->list.limit != 0u, &o->list.limit);
    }
    r = str_flag(a, "--before", &o->list.before);
    if (r == ARG_NOT_MINE) {
        r = str_flag(a, "--after", &o->list.after);
    }
    if (r == ARG_NOT_MINE) {
        r = str_flag(a, "--order", &o->list.order);
        if (r == ARG_TAKEN && !valid_order(o->list.order)) {
            cli_usage_error("--order must be asc, desc or normal, not '%s'", o->list.order.ptr);
            r = ARG_ERROR;
        }
    }
    return r;
}

static bool takes_slug(cli_cmd cmd)
{
    return cmd == CMD_TOKEN || cmd == CMD_GET || cmd == CMD_UPDATE || cmd == CMD_DELETE;
}

static cli_arg_result command_arg(cli_args *a, cli_opts *o)
{
    const char *s = a->argv[a->i];
    cli_arg_result r;
    if (o->cmd >= CMD_AUTHORIZE) {
        r = s[0] == '-' && s[1] != '\0' ? global_flag(a, o) : ARG_NOT_MINE;
        r = r == ARG_NOT_MINE ? cli_cx_arg(a, o) : r;
        if (r == ARG_NOT_MINE) {
            cli_usage_error("unknown option '%s' for %s", s, cli_command_name(o->cmd));
            r = ARG_ERROR;
        }
        return r;
    }
    if (s[0] != '-' || s[1] == '\0') {
        if (!takes_slug(o->cmd) || o->slug.ptr != NULL) {
            cli_usage_error("unexpected argument '%s'", s);
            return ARG_ERROR;
        }
        o->slug = wos_str_c(s);
        return ARG_TAKEN;
    }
    r = global_flag(a, o);
    if (r == ARG_NOT_MINE && o->cmd == CMD_TOKEN) {
        r = token_flag(a, o);
    } else if (r == ARG_NOT_MINE && o->cmd == CMD_LIST) {
        r = list_flag(a, o);
    } else if (r == ARG_NOT_MINE && o->cmd == CMD_CREATE) {
        r = str_flag(a, "--provider", &o->fields.provider);
    }
    if (r == ARG_NOT_MINE && (o->cmd == CMD_CREATE || o->cmd == CMD_UPDATE)) {
        r = cli_parse_field(a, o);
    }
    if (r == ARG_NOT_MINE) {
        cli_usage_error("unknown option '%s' for %s", s, cli_command_name(o->cmd));
        r = ARG_ERROR;
    }
    return r;
}

static bool wants_help(const cli_args *a)
{
    int i;
    for (i = a->i; i < a->argc; i++) {
        if (strcmp(a->argv[i], "--help") == 0 || strcmp(a->argv[i], "-h") == 0) {
            return true;
        }
    }
    return false;
}

static int check_required(cli_opts *o)
{
    if (o->cmd >= CMD_AUTHORIZE) {
        return cli_cx_finish(o);
    }
    if (takes_slug(o->cmd) && (o->slug.ptr == NULL || o->slug.len == 0u)) {
        return cli_usage_error("%s needs a SLUG", cli_command_name(o->cmd));
    }
    if (o->cmd == CMD_TOKEN) {
        o->token.slug = o->slug;
        if (o->token.user_id.ptr == NULL) {
            return cli_usage_error("token needs --user ID");
        }
    }
    if (o->cmd == CMD_CREATE && o->fields.provider.ptr == NULL) {
        return cli_usage_error("create needs --provider SLUG");
    }
    return o->cmd == CMD_CREATE || o->cmd == CMD_UPDATE ? cli_fields_finish(o) : CLI_CONTINUE;
}

/* `help [COMMAND]`, the same as `--help` and `COMMAND --help`. */
static int help_command(const cli_args *a)
{
    cli_cmd cmd = CMD_NONE;
    if (a->i + 1 < a->argc) {
        cmd = cli_command_by_name(a->argv[a->i + 1]);
        if (cmd == CMD_NONE) {
            return cli_usage_error("unknown command '%s'", a->argv[a->i + 1]);
        }
    }
    cli_print_help(stdout, cmd);
    return CLI_EXIT_OK;
}

/* Options before the command; CLI_CONTINUE when a command follows. */
static int leading_options(cli_args *a, cli_opts *o)
{
    for (; a->i < a->argc && a->argv[a->i][0] == '-'; a->i++) {
        const char *f = a->argv[a->i];
        cli_arg_result r;
        if (strcmp(f, "--help") == 0 || strcmp(f, "-h") == 0) {
            cli_print_help(stdout, CMD_NONE);
            return CLI_EXIT_OK;
        }
        if (strcmp(f, "--version") == 0) {
            printf("wos-pipes %s\n", WOS_VERSION);
            return CLI_EXIT_OK;
        }
        r = global_flag(a, o);
        if (r != ARG_TAKEN) {
            return r == ARG_ERROR ? CLI_EXIT_USAGE : cli_usage_error("unknown option '%s'", f);
        }
    }
    return a->i < a->argc ? CLI_CONTINUE : cli_usage_error("missing COMMAND");
}

int cli_parse(int argc, char **argv, cli_opts *o)
{
    cli_args a;
    int rc;
    memset(o, 0, sizeof *o);
    o->retries = -1;
    a.argc = argc;
    a.argv = argv;
    a.i = 1;
    rc = leading_options(&a, o);
    if (rc != CLI_CONTINUE) {
        return rc;
    }
    if (strcmp(argv[a.i], "help") == 0) {
        return help_command(&a);
    }
    o->cmd = cli_command_by_name(argv[a.i]);
    if (o->cmd == CMD_NONE) {
        return cli_usage_error("unknown command '%s'", argv[a.i]);
    }
    cli_usage_set_command(o->cmd);
    a.i++;
    if (wants_help(&a)) {
        cli_print_help(stdout, o->cmd);
        return CLI_EXIT_OK;
    }
    for (; a.i < argc; a.i++) {
        if (command_arg(&a, o) != ARG_TAKEN) {
            return CLI_EXIT_USAGE;
        }
    }
    return check_required(o);
}
