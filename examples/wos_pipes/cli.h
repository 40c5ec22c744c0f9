/* SPDX-License-Identifier: MIT */
/*
 * wos-pipes: a command-line tool over the wos-pipes-c client. Everything
 * lives in static memory, as it would in firmware; the tool only adds
 * stdio, getenv and file reading around the library.
 *
 * Files, one job each: args.c (global options, commands), args_fields.c
 * (create/update fields), custom_provider.c (--custom-provider FILE.json),
 * usage.c (help texts), transport.c (client, TCP, TLS, buffers),
 * commands.c (one client call per command), output.c (results as JSON),
 * errors.c (failures to stderr and exit codes), proxy.c (HTTPS_PROXY,
 * NO_PROXY), main.c.
 */
#ifndef WOS_PIPES_CLI_H
#define WOS_PIPES_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "wos_client.h"
#include "wos_onboard.h"

/* Exit codes. */
#define CLI_EXIT_OK 0       /* success */
#define CLI_EXIT_FAIL 1     /* API error (non-2xx) or another library failure */
#define CLI_EXIT_USAGE 2    /* bad command line, environment or input file */
#define CLI_EXIT_INACTIVE 3 /* token: not active (its JSON is still printed) */
#define CLI_EXIT_NETWORK 4  /* network, TLS, certificate or timeout */

/* Capacities of the connect commands' lists and maps. */
#define CLI_MAX_LIST_CX 64u
#define CLI_MAX_PAIRS_CX 64u

/* Returned by the set-up steps when the tool should go on. */
#define CLI_CONTINUE (-1)

/* Static capacities. */
#define CLI_BUF_CAP (64u * 1024u)   /* working buffer: request, then response */
#define CLI_TOKEN_CAP 4096u         /* jsmn tokens of a response */
#define CLI_OUT_CAP (128u * 1024u)  /* one JSON document of output */
#define CLI_MAX_LIST 64u            /* items of --scopes / --auth-methods */
#define CLI_MAX_PAIRS 64u           /* --config pairs; custom provider parameters */
#define CLI_FILE_CAP (16u * 1024u)  /* --custom-provider file */
#define CLI_FILE_TOKENS 512u        /* its jsmn tokens */

#define CLI_DEFAULT_CA_FILE "/etc/ssl/certs/ca-certificates.crt"

typedef enum cli_cmd {
    CMD_NONE = 0,
    CMD_TOKEN,
    CMD_LIST,
    CMD_GET,
    CMD_CREATE,
    CMD_UPDATE,
    CMD_DELETE,
    /* The connect commands (connect_args.c, connect_cmds.c); CMD_AUTHORIZE first. */
    CMD_AUTHORIZE,
    CMD_CREDENTIALS,
    CMD_API_KEY,
    CMD_CLIENT_CREDENTIALS,
    CMD_ACCOUNT,
    CMD_PROVIDERS,
    CMD_ORG_CONFIG,
    CMD_WIDGET_TOKEN,
    CMD_CONNECT
} cli_cmd;

/* The options and params of a connect command; views point into argv or the environment. */
typedef struct cli_cx {
    const char *verb;        /* account: get|delete|create|update; org-config: list|set */
    wos_str pos[2];          /* SLUG, or ORG_ID [SLUG] */
    unsigned npos;
    wos_str user, org, return_to, client_id, expires_at, state;
    wos_str scopes[CLI_MAX_LIST_CX];
    size_t nscopes;
    bool scopes_given, default_scopes, qr;
    uint32_t wait_s, poll_s;  /* connect: --wait-s (default 300), --poll-s (default 2) */
    wos_str_pair config[CLI_MAX_PAIRS_CX];
    size_t nconfig;
    wos_opt_bool enabled;
    wos_pipes_op op;         /* the operation, once finished */
    const void *params;      /* its params: one of the members below */
    wos_authorize_params authorize;
    wos_token_params token;
    wos_api_key_upsert_params api_key;
    wos_client_credentials_params client_credentials;
    wos_account_params account;
    wos_providers_params providers;
    wos_org_config_params org_config;
    wos_widget_token_params widget;
} cli_cx;

/* The parsed command line. String views point into argv or static storage. */
typedef struct cli_opts {
    const char *base_url;  /* --base-url, else WORKOS_BASE_URL, else the default */
    const char *ca_file;   /* --ca-file, else WORKOS_CA_FILE, else the default */
    uint32_t timeout_ms;   /* 0: library default */
    int retries;           /* -1: library default */
    cli_cmd cmd;
    wos_str slug;          /* token, get, update, delete */
    wos_token_params token;
    wos_list_params list;
    bool all;              /* list --all */
    wos_integration_params fields;       /* create, update */
    wos_custom_provider_params provider; /* fields.custom_provider points here when given */
    const char *provider_file;           /* --custom-provider */
    cli_cx cx;                           /* the connect commands */
} cli_opts;

/* args.c: parse argv. CLI_CONTINUE, or the exit code (help printed: 0; error: 2). */
int cli_parse(int argc, char **argv, cli_opts *o);

/* args.c helpers shared with args_fields.c. */
typedef struct cli_args {
    int argc;
    char **argv;
    int i; /* index of the current argument */
} cli_args;

/* What a flag parser did with argv[i]. */
typedef enum cli_arg_result { ARG_NOT_MINE = 0, ARG_TAKEN, ARG_ERROR } cli_arg_result;

const char *cli_value(cli_args *a);            /* value after argv[i], or NULL (reported) */
bool cli_once(bool already, const char *flag); /* false (reported) when given twice */
int cli_usage_error(const char *fmt, ...);     /* prints, returns CLI_EXIT_USAGE */
void cli_usage_set_command(cli_cmd cmd);       /* for the "Try ... --help" hint */

/* connect_args.c: an argument of a connect command; the checks once all are read
 * (secrets from the environment, params built): CLI_CONTINUE or CLI_EXIT_USAGE. */
cli_arg_result cli_cx_arg(cli_args *a, cli_opts *o);
int cli_cx_finish(cli_opts *o);

/* args_fields.c: a FIELDS flag of create/update. */
cli_arg_result cli_parse_field(cli_args *a, cli_opts *o);
/* Secrets from the environment and cross-field checks; CLI_CONTINUE or CLI_EXIT_USAGE. */
int cli_fields_finish(cli_opts *o);

/* custom_provider.c: read --custom-provider; CLI_CONTINUE or CLI_EXIT_USAGE. */
int cli_load_custom_provider(const char *path, wos_custom_provider_params *out);

/* usage.c */
void cli_print_help(FILE *f, cli_cmd cmd);
cli_cmd cli_command_by_name(const char *name);
const char *cli_command_name(cli_cmd cmd);

/* proxy.c: the proxy HTTPS_PROXY names for base_url (use false: none, or NO_PROXY). */
typedef struct cli_proxy {
    bool use;
    char host[256];
    uint16_t port;
    bool has_user;
    char user[256], password[256]; /* percent-decoded */
    size_t user_len, password_len;
} cli_proxy;
int cli_proxy_setup(const char *base_url, cli_proxy *out); /* CLI_CONTINUE or CLI_EXIT_USAGE */
void cli_proxy_wipe(cli_proxy *p);

/* transport.c: set up the client; CLI_CONTINUE or an exit code. */
int cli_transport_open(const cli_opts *o, wos_str api_key, wos_client *c);
void cli_transport_close(wos_client *c);
char *cli_work_buffer(size_t *cap);
void cli_transport_describe(FILE *f); /* TLS diagnostics (numbers only) */
void cli_transport_proxy_describe(FILE *f); /* " through proxy H:P" and its refusal, if any */

/* connect_cmds.c: run a connect command. */
int cli_cx_run(const cli_opts *o, wos_client *c);

/* connect_output.c: results of the connect commands as JSON on stdout. */
wos_status cli_out_url(const wos_authorize_url *u);
wos_status cli_out_credentials(const wos_credentials_result *r);
wos_status cli_out_account(const wos_connected_account *a);
wos_status cli_out_providers(const wos_pipes_items *l);
wos_status cli_out_org_configs(const wos_pipes_items *l);
wos_status cli_out_org_config(const wos_org_config *c);
wos_status cli_out_widget_token(const wos_widget_token *t);

/* qr.c: draw text as a QR code on f (terminal blocks); false when it cannot. */
bool cli_qr_print(FILE *f, const char *text);

/* commands.c */
int cli_check_request(const cli_opts *o); /* CLI_CONTINUE or CLI_EXIT_USAGE/FAIL */
int cli_run(const cli_opts *o, wos_client *c);

/* output.c: each returns WOS_OK or the writer's failure. */
wos_status cli_out_token(const wos_access_token *t);
wos_status cli_out_integration(const wos_data_integration *d);
void cli_out_list_begin(void);
wos_status cli_out_page_items(wos_integration_page *page, bool *first);
wos_status cli_out_list_end(wos_str before, wos_str after);

/* errors.c */
int cli_fail(const cli_opts *o, wos_status st, const wos_call_info *info);
void cli_put_clean(FILE *f, wos_str s); /* printable bytes only, one line */

#endif /* WOS_PIPES_CLI_H */
