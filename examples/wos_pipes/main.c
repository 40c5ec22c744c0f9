/* SPDX-License-Identifier: MIT */
/*
 * wos-pipes: the WorkOS Pipes API from the command line. See
 * `wos-pipes --help` and cli.h for the layout of the sources.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* The flag wins over the environment, which wins over the default. */
static const char *setting(const char *flag, const char *env_name, const char *fallback)
{
    const char *env = getenv(env_name);
    if (flag != NULL) {
        return flag;
    }
    return env != NULL && env[0] != '\0' ? env : fallback;
}

/* The API key comes only from the environment: argv is visible to every user. */
static int api_key(const char **out)
{
    const char *key = getenv("WORKOS_API_KEY");
    if (key == NULL || key[0] == '\0') {
        return cli_usage_error("WORKOS_API_KEY is not set: export the API key (sk_...) in the "
                               "environment; it is never taken from the command line");
    }
    if (strpbrk(key, "\r\n") != NULL) {
        return cli_usage_error("WORKOS_API_KEY contains a line break");
    }
    *out = key;
    return CLI_CONTINUE;
}

int main(int argc, char **argv)
{
    static cli_opts opts;
    static wos_client client;
    const char *key = NULL;
    int rc = cli_parse(argc, argv, &opts);
    if (rc == CLI_CONTINUE) {
        opts.base_url = setting(opts.base_url, "WORKOS_BASE_URL", WOS_DEFAULT_BASE_URL);
        opts.ca_file = setting(opts.ca_file, "WORKOS_CA_FILE", CLI_DEFAULT_CA_FILE);
        rc = api_key(&key);
    }
    if (rc == CLI_CONTINUE) {
        rc = cli_check_request(&opts);
    }
    if (rc == CLI_CONTINUE) {
        rc = cli_transport_open(&opts, wos_str_c(key), &client);
        if (rc == CLI_CONTINUE) {
            rc = cli_run(&opts, &client);
        }
        cli_transport_close(&client);
    }
    if (fflush(stdout) != 0 || ferror(stdout) != 0) {
        fputs("wos-pipes: cannot write to stdout\n", stderr);
        rc = rc == CLI_EXIT_OK ? CLI_EXIT_FAIL : rc;
    }
    return rc;
}
