/* SPDX-License-Identifier: MIT */
/* Base URL parsing for the client. Internal. */
#ifndef WOS_URL_H
#define WOS_URL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wos_pipes.h"
#include "wos_status.h"

/*
 * Parse "https://host[:port][/]" or "http://host[:port][/]" (scheme ASCII
 * case-insensitive); host may be an IPv6 literal in brackets ("[::1]").
 * A path other than "/", userinfo, query or fragment is rejected. host gets
 * the name, or the IPv6 address without its brackets, NUL-terminated.
 * On WOS_OK out gets host (a view of host, without the NUL), port and tls,
 * so that a client keeps the endpoint of every request ready; its api_key
 * is left as it was. On failure out may be partly written. WOS_OK; WOS_ERR_INVALID_ARG;
 * WOS_ERR_BUFFER_TOO_SMALL (host_cap too small).
 */
WOS_NODISCARD wos_status wos_url_parse(const char *url, char *host, size_t host_cap,
                                       wos_pipes_endpoint *out);

/*
 * Whether h[0..n) is a host name the library sends: letters, digits, '-',
 * '_' in dot-separated labels, none empty (so not ".", ".." or a trailing
 * dot) and none starting with '-' or '_'; or an IPv6 address without
 * brackets (hex digits, ':' and '.', two ':' at least).
 */
bool wos_host_ok(const char *h, size_t n);

#endif
