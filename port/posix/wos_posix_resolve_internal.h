/* SPDX-License-Identifier: MIT */
/* Name resolution bounded by a deadline (POSIX port internal, not public API). */
#ifndef WOS_POSIX_RESOLVE_INTERNAL_H
#define WOS_POSIX_RESOLVE_INTERNAL_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "wos_posix.h"

/* One resolved address, ready for socket() and connect(). */
typedef struct wos_posix_addr {
    int family, socktype, protocol;
    socklen_t len;
    union {
        struct sockaddr sa;
        struct sockaddr_in in4;
        struct sockaddr_in6 in6;
    } addr;
} wos_posix_addr;

/* Up to WOS_POSIX_MAX_ADDRS addresses, in the resolver's order. */
typedef struct wos_posix_addrs {
    size_t count;
    wos_posix_addr a[WOS_POSIX_MAX_ADDRS];
} wos_posix_addrs;

/* Resolve host:port for a TCP connection by deadline_ms (wos_posix_now_ms).
 * WOS_OK with out->count >= 1; WOS_ERR_TIMEOUT when the lookup did not end
 * by the deadline (it goes on in the background, see the .c file);
 * WOS_ERR_NETWORK when the name does not resolve (*out_errno: errno for a
 * system error, else 0); WOS_ERR_INVALID_ARG for a name longer than
 * WOS_POSIX_MAX_HOST. */
wos_status wos_posix_resolve(const char *host, uint16_t port, uint64_t deadline_ms,
                             wos_posix_addrs *out, int *out_errno);

#endif /* WOS_POSIX_RESOLVE_INTERNAL_H */
