/* SPDX-License-Identifier: MIT */
/*
 * Client set-up: the POSIX platform, a POSIX TCP connection and, for
 * https, mbedTLS stacked on it (through an HTTP CONNECT proxy when
 * HTTPS_PROXY names one). The working buffer and the token array
 * are static, as firmware would have them.
 */
#include "cli.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "wos_posix.h"
#include "wos_proxy.h"
#include "wos_tls.h"

static char g_buf[CLI_BUF_CAP];
static jsmntok_t g_tokens[CLI_TOKEN_CAP];
static wos_platform g_platform;
static wos_posix_tcp g_tcp;
static wos_tls g_tls;
static bool g_tls_used;
static cli_proxy g_proxy_cfg;
static wos_proxy g_proxy;

char *cli_work_buffer(size_t *cap)
{
    *cap = sizeof g_buf;
    return g_buf;
}

/* Whether the URL names the http:// scheme, in any case. */
static bool http_scheme(const char *url)
{
    static const char k_scheme[] = "http://";
    size_t i;
    for (i = 0; k_scheme[i] != '\0'; i++) {
        if (tolower((unsigned char)url[i]) != k_scheme[i]) {
            return false;
        }
    }
    return true;
}

/*
 * Clear text only when the URL asks for it in so many words, and only to
 * this machine (localhost, 127.0.0.0/8, [::1]): an http:// typo must never send
 * the API key across a network.
 */
static bool loopback_host(const char *url)
{
    const char *host = url + 7;
    size_t n = strcspn(host, ":/"), i, dots = 0;
    if (strncmp(host, "[::1]", 5) == 0 && (host[5] == '\0' || host[5] == ':' || host[5] == '/')) {
        return true; /* IPv6 loopback */
    }
    if (n == 9 && strncasecmp(host, "localhost", 9) == 0) {
        return true;
    }
    if (n < 7 || strncmp(host, "127.", 4) != 0) {
        return false;
    }
    /* A dotted quad, not a DNS name that merely starts with "127." */
    for (i = 0; i < n; i++) {
        if (host[i] == '.') {
            dots++;
        } else if (host[i] < '0' || host[i] > '9') {
            return false;
        }
    }
    return dots == 3u;
}

static void base_config(const cli_opts *o, wos_str api_key, wos_client_config *cfg)
{
    wos_client_config_init(cfg);
    g_platform = wos_posix_platform();
    cfg->base_url = o->base_url;
    cfg->allow_plain_http = http_scheme(o->base_url) && loopback_host(o->base_url);
    cfg->api_key = api_key;
    cfg->transport = wos_posix_tcp_transport(&g_tcp);
    cfg->platform = &g_platform;
    cfg->buf = g_buf;
    cfg->buf_cap = sizeof g_buf;
    cfg->tokens = g_tokens;
    cfg->token_cap = CLI_TOKEN_CAP;
    if (o->timeout_ms != 0u) {
        cfg->timeout_ms = o->timeout_ms;
    }
    if (o->retries >= 0) {
        cfg->retry.max_retries = (uint8_t)o->retries;
    }
}

/* Why wos_tls_init() failed, in the user's terms. */
static void tls_setup_failed(wos_status st, const char *ca_file)
{
    struct stat sb;
    fprintf(stderr, "wos-pipes: TLS set-up failed (%s): ", wos_status_str(st));
    if (st == WOS_ERR_STATE) {
        fputs("this device gave no entropy (random numbers) to seed TLS", stderr);
    } else if (stat(ca_file, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "the CA file %s is a directory; give a PEM file of CA certificates", ca_file);
    } else {
        fprintf(stderr, "cannot use the CA certificates in %s", ca_file);
    }
    cli_transport_describe(stderr);
    fputc('\n', stderr);
}

/* The CONNECT proxy over tcp (proxy.c checked the credentials for line breaks). */
static wos_transport proxy_transport(wos_transport tcp)
{
    wos_proxy_config pc;
    memset(&pc, 0, sizeof pc);
    pc.lower = tcp;
    pc.host = g_proxy_cfg.host;
    pc.port = g_proxy_cfg.port;
    if (g_proxy_cfg.has_user) {
        pc.user.ptr = g_proxy_cfg.user;
        pc.user.len = g_proxy_cfg.user_len;
        pc.password.ptr = g_proxy_cfg.password;
        pc.password.len = g_proxy_cfg.password_len;
    }
    (void)wos_proxy_init(&g_proxy, &pc);
    return wos_proxy_transport(&g_proxy);
}

void cli_transport_proxy_describe(FILE *f)
{
    int status = wos_proxy_last_status(&g_proxy);
    if (!g_proxy_cfg.use) {
        return;
    }
    fprintf(f, strchr(g_proxy_cfg.host, ':') != NULL ? " through proxy [%s]:%u" : " through proxy %s:%u",
            g_proxy_cfg.host, (unsigned)g_proxy_cfg.port);
    if (status != 0 && (status < 200 || status > 299)) {
        fprintf(f, " (the proxy refused the tunnel: HTTP %d%s)", status,
                status == 407 ? ", proxy credentials missing or wrong" : "");
    }
}

int cli_transport_open(const cli_opts *o, wos_str api_key, wos_client *c)
{
    wos_client_config cfg;
    wos_tls_config tc;
    wos_status st;
    int rc;
    base_config(o, api_key, &cfg);
    if (http_scheme(o->base_url) && !cfg.allow_plain_http) {
        return cli_usage_error("plain http:// only to this machine (localhost, 127.0.0.0/8, [::1]); "
                               "use https:// for %s", "a remote host");
    }
    st = wos_client_init(c, &cfg); /* the base URL is checked before any TLS set-up */
    if (st != WOS_OK) {
        /* Not echoed: a refused URL may carry user:password@. */
        return cli_usage_error("invalid base URL (%s): expected https://HOST[:PORT] without "
                               "a path, user or query%s", wos_status_str(st),
                               st == WOS_ERR_BUFFER_TOO_SMALL ? "; the host name is too long" : "");
    }
    if (cfg.allow_plain_http) {
        return CLI_CONTINUE;
    }
    memset(&tc, 0, sizeof tc);
    tc.ca_file = o->ca_file;
    tc.lower = cfg.transport;
    rc = cli_proxy_setup(o->base_url, &g_proxy_cfg);
    if (rc != CLI_CONTINUE) {
        return rc;
    }
    if (g_proxy_cfg.use) {
        tc.lower = proxy_transport(cfg.transport);
    }
    tc.platform = &g_platform;
    g_tls_used = true;
    st = wos_tls_init(&g_tls, &tc);
    if (st != WOS_OK) {
        tls_setup_failed(st, o->ca_file);
        return CLI_EXIT_NETWORK;
    }
    cfg.transport = wos_tls_transport(&g_tls);
    st = wos_client_init(c, &cfg);
    return st == WOS_OK ? CLI_CONTINUE : cli_fail(o, st, NULL);
}

void cli_transport_describe(FILE *f)
{
    int err = 0;
    uint32_t flags = 0;
    if (!g_tls_used) {
        return;
    }
    wos_tls_last_error(&g_tls, &err, &flags);
    if (err != 0) {
        fprintf(f, " [mbedTLS -0x%04X]", (unsigned)-err);
    }
    if (flags != 0u) {
        fprintf(f, " [X.509 verify flags 0x%lX]", (unsigned long)flags);
    }
}

void cli_transport_close(wos_client *c)
{
    wos_client_close(c);
    if (g_tls_used) {
        wos_tls_deinit(&g_tls);
        g_tls_used = false;
    }
    cli_proxy_wipe(&g_proxy_cfg);
    wos_secure_zero(&g_proxy, sizeof g_proxy);
    /* The buffer held the API key (request) and maybe a token (response). */
    wos_secure_zero(g_buf, sizeof g_buf);
}
