/* SPDX-License-Identifier: MIT */
/* Help texts and command names. */
#include "cli.h"

#include <string.h>

static const char *const k_names[] = {"", "token", "list", "get", "create", "update", "delete",
                                      "authorize", "credentials", "api-key", "client-credentials",
                                      "account", "providers", "org-config", "widget-token",
                                      "connect"};

static const char k_main[] =
    "usage: wos-pipes [OPTIONS] COMMAND [ARGS]\n"
    "\n"
    "WorkOS Pipes from the command line, on the wos-pipes-c client.\n"
    "\n"
    "Commands:\n"
    "  token SLUG --user ID [--org ID]   get an access token\n"
    "  list [--limit N] [--before ID] [--after ID] [--order asc|desc|normal] [--all]\n"
    "  get SLUG                          show a data integration\n"
    "  create --provider SLUG [FIELDS]   create a data integration\n"
    "  update SLUG [FIELDS]              change a data integration\n"
    "  delete SLUG                       delete a data integration\n"
    "  authorize SLUG --user ID [--org ID] [--return-to URL] [--config K=V]... [--qr]\n"
    "  credentials SLUG --user ID [--org ID]       vend credentials (exit 3 inactive)\n"
    "  api-key SLUG --user ID [--org ID]           install WORKOS_PROVIDER_API_KEY\n"
    "  client-credentials SLUG --user ID [--org ID] --client-id ID [--config K=V]...\n"
    "  account get|delete|create|update SLUG --user ID [--org ID] [--scopes a,b]\n"
    "          [--expires-at RFC3339] [--state connected|needs_reauthorization]\n"
    "  providers --user ID [--org ID]              the user's data providers\n"
    "  org-config list ORG_ID | set ORG_ID SLUG [--enabled true|false]\n"
    "          [--scopes a,b | --default-scopes] [--client-id ID] [--config K=V]...\n"
    "  widget-token [--user ID] [--org ID] [--scopes a,b]\n"
    "  connect SLUG --user ID [--org ID] [--return-to URL] [--wait-s N] [--poll-s N]\n"
    "          onboarding: the URL and its QR code on stderr, wait for the user,\n"
    "          then the token as `token` prints it (exit 3: not connected in time)\n"
    "  help [COMMAND]                    this text, or a command's\n"
    "\n"
    "Options (before or after the command):\n"
    "  --base-url URL    API base URL (default https://api.workos.com);\n"
    "                    plain http:// only to localhost, 127.0.0.0/8 or [::1]\n"
    "  --ca-file PEM     CA certificates (default " CLI_DEFAULT_CA_FILE ")\n"
    "  --timeout-ms N    per-attempt timeout, 1..86400000 (default 60000)\n"
    "  --retries N       retries after the first attempt, 0..255 (default 3)\n"
    "  --help, -h        this help (COMMAND --help: the command's)\n"
    "  --version         the version\n"
    "\n"
    "Environment (secrets are never taken from the command line):\n"
    "  WORKOS_API_KEY        the API key (required)\n"
    "  WORKOS_CLIENT_SECRET  OAuth client secret (--credentials-type custom,\n"
    "                        client-credentials, org-config set --client-id)\n"
    "  WORKOS_PROVIDER_API_KEY  the provider key of api-key\n"
    "  WORKOS_ACCESS_TOKEN, WORKOS_REFRESH_TOKEN  tokens of account create/update\n"
    "  WORKOS_BASE_URL       instead of --base-url (the flag wins)\n"
    "  WORKOS_CA_FILE        instead of --ca-file (the flag wins)\n"
    "  HTTPS_PROXY           http://[user:password@]host[:port] (port 1080 by default):\n"
    "                        reach https:// base URLs through this CONNECT proxy\n"
    "  NO_PROXY              hosts and domains reached directly (comma-separated; * all)\n"
    "\n"
    "Output: the result as one line of JSON on stdout (delete prints nothing).\n"
    "Exit status: 0 success, 1 API error or other failure, 2 usage error,\n"
    "3 token not active, 4 network, TLS, certificate or timeout error.\n";

static const char k_token[] =
    "usage: wos-pipes token SLUG --user ID [--org ID]\n"
    "\n"
    "Get an access token of user ID for the integration SLUG (e.g. github).\n"
    "  --user ID   user the token belongs to (required)\n"
    "  --org ID    organization of the installation\n"
    "\n"
    "Prints {\"active\":true,\"access_token\":{...}} and exits 0, or\n"
    "{\"active\":false,\"error\":\"...\"} and exits 3. The token is a secret:\n"
    "keep the output out of logs.\n";

static const char k_list[] =
    "usage: wos-pipes list [--limit N] [--before ID] [--after ID]\n"
    "                      [--order asc|desc|normal] [--all]\n"
    "\n"
    "List data integrations: {\"data\":[...],\"list_metadata\":{\"before\":...,\"after\":...}}.\n"
    "  --limit N     items per page, 1..100 (server default 10)\n"
    "  --before ID   page before this object id\n"
    "  --after ID    page after this object id\n"
    "  --order O     asc, desc or normal (server default desc)\n"
    "  --all         follow list_metadata.after through every page; all items in\n"
    "                one data array, list_metadata then has both cursors null\n";

static const char k_get[] =
    "usage: wos-pipes get SLUG\n"
    "\n"
    "Show the data integration SLUG as JSON.\n";

static const char k_fields[] =
    "FIELDS:\n"
    "  --description TEXT | --no-description   set, or clear (sends null)\n"
    "  --enabled true|false\n"
    "  --scopes a,b,c | --default-scopes       set, or provider default (sends null)\n"
    "  --auth-methods a,b                      oauth, api_key, client_credentials\n"
    "  --config KEY=VALUE                      provider config (repeatable)\n"
    "  --credentials-type custom|organization  OAuth app credentials; custom also\n"
    "  --client-id ID                          needs --client-id and the secret in\n"
    "                                          WORKOS_CLIENT_SECRET\n"
    "  --custom-provider FILE.json             custom provider definition, an object\n"
    "      with keys name, authorization_url, token_url, refresh_token_url (or null),\n"
    "      pkce_enabled, request_scope_separator, scopes_required,\n"
    "      client_secret_required, additional_authorization_parameters (object of\n"
    "      strings), token_body_content_type, authenticate_via; no other keys\n";

static const char k_create[] =
    "usage: wos-pipes create --provider SLUG [FIELDS]\n"
    "\n"
    "Create a data integration for provider SLUG (a built-in provider, or a new\n"
    "slug with --custom-provider). Prints the created integration.\n"
    "\n";

static const char k_update[] =
    "usage: wos-pipes update SLUG [FIELDS]\n"
    "\n"
    "Change the data integration SLUG; only the fields given are sent.\n"
    "--credentials-type rotates the client secret. Prints the integration.\n"
    "\n";

static const char k_delete[] =
    "usage: wos-pipes delete SLUG\n"
    "\n"
    "Delete the data integration SLUG. Prints nothing.\n";

/* The connect commands share one text: their lines of the main help. */
static const char k_connect[] =
    "usage: wos-pipes COMMAND ... (see the Commands of 'wos-pipes --help')\n"
    "Results are the API's objects as JSON on stdout; secrets come from the environment.\n";

static const char *const k_help[] = {k_main,    k_token,   k_list,    k_get,     k_create,
                                     k_update,  k_delete,  k_connect, k_connect, k_connect,
                                     k_connect, k_connect, k_connect, k_connect, k_connect,
                                     k_connect};
typedef char k_help_covers_names[sizeof k_help == sizeof k_names ? 1 : -1];

cli_cmd cli_command_by_name(const char *name)
{
    unsigned i;
    for (i = 1; i < sizeof k_names / sizeof k_names[0]; i++) {
        if (strcmp(name, k_names[i]) == 0) {
            return (cli_cmd)i;
        }
    }
    return CMD_NONE;
}

const char *cli_command_name(cli_cmd cmd)
{
    return k_names[cmd];
}

void cli_print_help(FILE *f, cli_cmd cmd)
{
    fputs(k_help[cmd], f);
    if (cmd == CMD_CREATE || cmd == CMD_UPDATE) {
        fputs(k_fields, f);
    }
    if (cmd != CMD_NONE) {
        fputs("\nOptions --base-url, --ca-file, --timeout-ms, --retries and the environment:\n"
              "see 'wos-pipes --help'.\n", f);
    }
}
