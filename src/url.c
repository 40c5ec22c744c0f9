/* SPDX-License-Identifier: MIT */
#include "url.h"

#include <string.h>

static bool prefix_ci(const char *s, const char *p)
{
    for (; *p != '\0'; s++, p++) {
        char c = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
        if (c != *p) {
            return false;
        }
    }
    return true;
}

/* Host names: letters, digits, '-', '.', '_' (RFC 1123 plus the underscore some internal names use). */
static bool host_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_';
}

/* An IPv6 literal (brackets removed): hex digits, ':' and '.' (an embedded IPv4), two ':' at least. */
static bool v6_ok(const char *h, size_t n)
{
    size_t i, colons = 0;
    for (i = 0; i < n; i++) {
        char c = h[i];
        if (c == ':') {
            colons++;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.')) {
            return false;
        }
    }
    return colons >= 2u && n <= 45u;
}

bool wos_host_ok(const char *h, size_t n)
{
    size_t i;
    bool start = true; /* at the first byte of a label */
    for (i = 0; i < n; i++) {
        if (h[i] == ':') {
            return v6_ok(h, n);
        }
    }
    for (i = 0; i < n; i++) {
        if (!host_char(h[i]) || (start && (h[i] == '.' || h[i] == '-' || h[i] == '_'))) {
            return false;
        }
        start = h[i] == '.';
    }
    return !start; /* not empty, no trailing dot */
}

static wos_status parse_port(const char *s, uint16_t *out)
{
    uint32_t v = 0;
    if (*s == '\0' || *s == '/') {
        return WOS_ERR_INVALID_ARG;
    }
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10u + (uint32_t)(*s - '0');
        if (v > 65535u) {
            return WOS_ERR_INVALID_ARG;
        }
    }
    if (v == 0u || !(*s == '\0' || (s[0] == '/' && s[1] == '\0'))) {
        return WOS_ERR_INVALID_ARG;
    }
    *out = (uint16_t)v;
    return WOS_OK;
}

wos_status wos_url_parse(const char *url, char *host, size_t host_cap, uint16_t *out_port,
                         bool *out_tls)
{
    const char *h, *rest;
    size_t n = 0;
    if (url == NULL || host == NULL || out_port == NULL || out_tls == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (prefix_ci(url, "https://")) {
        *out_tls = true;
        *out_port = 443u;
        h = url + 8;
    } else if (prefix_ci(url, "http://")) {
        *out_tls = false;
        *out_port = 80u;
        h = url + 7;
    } else {
        return WOS_ERR_INVALID_ARG;
    }
    if (*h == '[') { /* [IPv6]: host gets the address without the brackets */
        h++;
        while (h[n] != '\0' && h[n] != ']') {
            n++;
        }
        if (h[n] != ']' || !v6_ok(h, n)) {
            return WOS_ERR_INVALID_ARG;
        }
        rest = h + n + 1;
    } else {
        while (host_char(h[n])) {
            n++;
        }
        if (!wos_host_ok(h, n)) {
            return WOS_ERR_INVALID_ARG;
        }
        rest = h + n;
    }
    if (!(*rest == '\0' || *rest == ':' || (*rest == '/' && rest[1] == '\0'))) {
        return WOS_ERR_INVALID_ARG;
    }
    if (n >= host_cap) {
        return WOS_ERR_BUFFER_TOO_SMALL;
    }
    memcpy(host, h, n);
    host[n] = '\0';
    return *rest == ':' ? parse_port(rest + 1, out_port) : WOS_OK;
}
