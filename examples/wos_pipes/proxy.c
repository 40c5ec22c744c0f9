/* SPDX-License-Identifier: MIT */
/*
 * HTTPS_PROXY and NO_PROXY, read as curl reads them: the lower-case name
 * first; http://[user[:password]@]host[:port] with port 1080 by default;
 * NO_PROXY a comma-separated list of hosts and domains ("*": none goes
 * through the proxy). Credentials are percent-decoded, never printed, and
 * wiped by cli_proxy_wipe().
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *env2(const char *lower, const char *upper)
{
    const char *v = getenv(lower);
    if (v == NULL || v[0] == '\0') {
        v = getenv(upper);
    }
    return v != NULL && v[0] != '\0' ? v : NULL;
}

/* The host of an https:// base URL (brackets of an IPv6 literal dropped). */
static void target_host(const char *url, const char **h, size_t *n)
{
    const char *p = strstr(url, "://");
    p = p != NULL ? p + 3 : url;
    if (*p == '[') {
        p++;
        *n = strcspn(p, "]");
    } else {
        *n = strcspn(p, ":/");
    }
    *h = p;
}

/* Whether NO_PROXY names host: the host itself or a domain it lies in. */
static bool no_proxy_for(const char *host, size_t n)
{
    const char *list = env2("no_proxy", "NO_PROXY");
    while (list != NULL && *list != '\0') {
        size_t len = strcspn(list, ",");
        const char *e = list;
        list = e[len] == ',' ? e + len + 1 : NULL;
        while (len > 0u && (*e == ' ' || *e == '\t')) {
            e++, len--;
        }
        while (len > 0u && (e[len - 1u] == ' ' || e[len - 1u] == '\t')) {
            len--;
        }
        if (len == 1u && *e == '*') {
            return true;
        }
        if (len > 1u && *e == '[') { /* [v6] or [v6]:port */
            const char *end = memchr(e, ']', len);
            len = end != NULL ? (size_t)(end - e) - 1u : len - 1u;
            e++;
        } else {
            const char *c = memchr(e, ':', len);
            if (c != NULL && memchr(c + 1, ':', len - (size_t)(c - e) - 1u) == NULL) {
                len = (size_t)(c - e); /* host:port: the port is not compared */
            }
        }
        if (len > 0u && *e == '.') {
            e++, len--;
        }
        if (len == 0u || len > n) {
            continue;
        }
        if (strncasecmp(host + n - len, e, len) == 0 && (len == n || host[n - len - 1u] == '.')) {
            return true;
        }
    }
    return false;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Percent-decodes s[0, n) into out (cap bytes); false on a bad escape, NUL, CR, LF or overflow. */
static bool decode(const char *s, size_t n, char *out, size_t cap, size_t *out_len)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '%') {
            if (i + 2u >= n || hexval(s[i + 1u]) < 0 || hexval(s[i + 2u]) < 0) {
                return false;
            }
            c = hexval(s[i + 1u]) * 16 + hexval(s[i + 2u]);
            i += 2u;
        }
        if (c == 0 || c == '\r' || c == '\n' || k + 1u >= cap) {
            return false;
        }
        out[k++] = (char)c;
    }
    out[k] = '\0';
    *out_len = k;
    return true;
}

static int bad(const char *why)
{
    /* The value is never echoed: it may hold a password. */
    return cli_usage_error("HTTPS_PROXY: %s; expected http://[user:password@]host[:port]", why);
}

static int parse_userinfo(const char *s, size_t n, cli_proxy *out)
{
    const char *colon = memchr(s, ':', n);
    size_t ulen = colon != NULL ? (size_t)(colon - s) : n;
    out->has_user = true;
    if (!decode(s, ulen, out->user, sizeof out->user, &out->user_len) ||
        (colon != NULL && !decode(colon + 1, n - ulen - 1u, out->password, sizeof out->password,
                                  &out->password_len))) {
        return bad("the credentials have a bad %-escape, a line break or are too long");
    }
    return CLI_CONTINUE;
}

static int parse_port(const char *p, cli_proxy *out)
{
    unsigned long v = 0;
    if (*p == ':') {
        p++;
        if (*p < '0' || *p > '9') {
            return bad("the port is not a number");
        }
        for (v = 0; *p >= '0' && *p <= '9' && v <= 65535u; p++) {
            v = v * 10u + (unsigned long)(*p - '0');
        }
        if (v == 0u || v > 65535u) {
            return bad("the port is out of range");
        }
        out->port = (uint16_t)v;
    }
    if (!(*p == '\0' || (p[0] == '/' && p[1] == '\0'))) {
        return bad("a proxy URL has no path or query");
    }
    return CLI_CONTINUE;
}

static int parse_proxy(const char *v, cli_proxy *out)
{
    const char *at, *h, *scheme = strstr(v, "://");
    size_t n;
    int rc;
    if (scheme != NULL) {
        if ((size_t)(scheme - v) != 4u || strncasecmp(v, "http", 4) != 0) {
            return bad("only http:// proxies are supported");
        }
        v = scheme + 3;
    }
    at = strrchr(v, '@');
    if (at != NULL && (size_t)(at - v) < strcspn(v, "/")) {
        rc = parse_userinfo(v, (size_t)(at - v), out);
        if (rc != CLI_CONTINUE) {
            return rc;
        }
        v = at + 1;
    }
    if (*v == '[') {
        h = v + 1;
        n = strcspn(h, "]");
        v = h[n] == ']' ? h + n + 1 : h + n;
    } else {
        h = v;
        n = strcspn(h, ":/");
        v = h + n;
    }
    if (n == 0u || n >= sizeof out->host || memchr(h, ' ', n) != NULL) {
        return bad("the proxy host is missing or too long");
    }
    memcpy(out->host, h, n);
    out->host[n] = '\0';
    out->port = 1080u;
    return parse_port(v, out);
}

int cli_proxy_setup(const char *base_url, cli_proxy *out)
{
    const char *v = env2("https_proxy", "HTTPS_PROXY"), *host;
    size_t n;
    memset(out, 0, sizeof *out);
    if (v == NULL) {
        return CLI_CONTINUE;
    }
    target_host(base_url, &host, &n);
    if (no_proxy_for(host, n)) {
        return CLI_CONTINUE;
    }
    out->use = true;
    return parse_proxy(v, out);
}

void cli_proxy_wipe(cli_proxy *p)
{
    wos_secure_zero(p, sizeof *p);
}
