/* SPDX-License-Identifier: MIT */
/* Shared between the wos_tls source files; not part of the public API. */
#ifndef WOS_TLS_INTERNAL_H
#define WOS_TLS_INTERNAL_H

#include "wos_tls.h"

/* mbedTLS 3 hides struct members behind MBEDTLS_PRIVATE(). */
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
#define WOS_TLS_PRIV(member) MBEDTLS_PRIVATE(member)
#else
#define WOS_TLS_PRIV(member) member
#endif

/* wos_tls.state values; 0 means not initialised. */
enum {
    WOS_TLS_IDLE = 1,        /* no connection: connect is allowed */
    WOS_TLS_OPEN = 2,        /* handshake done */
    WOS_TLS_PEER_CLOSED = 3, /* close_notify received; we may still send */
    WOS_TLS_FAILED = 4       /* fatal error: only close is allowed */
};

/* Offer the saved session if it belongs to host:port (else drop it).
 * Returns 1 when one was offered. */
int wos_tls_session_offer(wos_tls *tls, const char *host, uint16_t port);

/* After a successful handshake: note whether the offered session was
 * resumed, then save the current session for host:port. */
void wos_tls_session_keep(wos_tls *tls, const char *host, uint16_t port, int offered);

/* The transport operations (wos_tls_io.c). */
extern const wos_transport_ops wos_tls_ops;

#endif /* WOS_TLS_INTERNAL_H */
