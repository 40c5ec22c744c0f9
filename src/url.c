/* SPDX-License-Identifier: MIT */
#include "url.h"

#include <string.h>

/* Length of the scheme: "https://" (8, tls) or "http://" (7), ASCII
 * case-insensitive; 0 for anything else. Stops at the first mismatch,
 * so it never reads past the terminating NUL. */
static size_t scheme_len(const char *u, bool *tls)
{
    static const char k[] = "https://";
    size_t i, j = 0;
    for (i = 0; i < sizeof k - 1u; i++) {
        unsigned c = (unsigned char)u[j];
        c |= c - 'A' < 26u ? 0x20u : 0u;
        if (c == (unsigned char)k[i]) {
            j++;
        } else if (i != 4u) { /* only the 's' may be missing */
            return 0u;
        }
    }
    *tls = j == sizeof k - 1u;
    return j;
}

/* What a host is: not one we send, a name, or an IPv6 address. */
enum { HOST_BAD, HOST_NAME, HOST_V6 };

/*
 * A name: letters, digits, '-', '.', '_' (RFC 1123 plus the underscore
 * some internal names use) in labels that start with a letter or digit,
 * none empty. With a ':' anywhere it can only be an IPv6 literal: hex
 * digits, ':' and '.' (an embedded IPv4), two ':' at least, 45 bytes at
 * most. One loop checks a name; the first ':' starts it again, checking
 * an address.
 */
static int host_kind(const char *h, size_t n)
{
    /* In an address: the ':' seen. Before the first ':': the bytes no name
     * may hold there (a ':' further on may still make them an address). */
    size_t i, colons = 0;
    /* Flags as words, not bools: no narrowing to a byte at each store.
     * start: at the first byte of a label. */
    unsigned v6 = 0u, start = 1u;
    for (i = 0; i < n; i++) {
        unsigned c = (unsigned char)h[i];
        unsigned l = (c | 0x20u) - 'a'; /* | 0x20 folds A-Z onto a-z only */
        if (c - '0' < 10u || l < (v6 ? 6u : 26u) ||
            (v6 ? c == '.' : !start && (c == '-' || c == '.' || c == '_'))) {
            start = c == '.';
        } else if (c == ':' && !v6) {
            v6 = 1u;
            colons = 0u;
            i = (size_t)-1; /* again from the first byte */
        } else if (c == ':' || !v6) {
            colons++;
        } else {
            return HOST_BAD;
        }
    }
    if (v6) {
        return colons >= 2u && n <= 45u ? HOST_V6 : HOST_BAD;
    }
    return colons == 0u && !start ? HOST_NAME : HOST_BAD; /* not empty, no trailing dot */
}

bool wos_host_ok(const char *h, size_t n)
{
    return host_kind(h, n) != HOST_BAD;
}

wos_status wos_url_parse(const char *url, char *host, size_t host_cap, wos_pipes_endpoint *out)
{
    const char *h;
    size_t n;
    uint32_t port;
    bool br;
    if (url == NULL || host == NULL || out == NULL || (n = scheme_len(url, &out->tls)) == 0u) {
        return WOS_ERR_INVALID_ARG;
    }
    h = url + n;
    br = *h == '['; /* [IPv6]: host gets the address without the brackets */
    h += br;
    for (n = 0; h[n] != '\0' && h[n] != ']' && h[n] != '/' && (br || h[n] != ':'); n++) {
    }
    url = h + n; /* what follows the host */
    if ((br && *url++ != ']') || host_kind(h, n) != (br ? HOST_V6 : HOST_NAME)) {
        return WOS_ERR_INVALID_ARG;
    }
    port = out->tls ? 443u : 80u;
    if (*url == ':') { /* no digits leave 0, refused as port 0 */
        for (port = 0u, url++; (unsigned)(*url - '0') < 10u && port <= 65535u; url++) {
            port = port * 10u + (uint32_t)(*url - '0');
        }
        if (port - 1u >= 65535u) {
            return WOS_ERR_INVALID_ARG;
        }
    }
    if (!(*url == '\0' || (*url == '/' && url[1] == '\0'))) {
        return WOS_ERR_INVALID_ARG;
    }
    if (n >= host_cap) {
        return WOS_ERR_BUFFER_TOO_SMALL;
    }
    memcpy(host, h, n);
    host[n] = '\0';
    out->host.ptr = host;
    out->host.len = n;
    out->port = (uint16_t)port;
    return WOS_OK;
}
