/* SPDX-License-Identifier: MIT */
/* Shared between the wos_tls source files; not part of the public API. */
#ifndef WOS_TLS_INTERNAL_H
#define WOS_TLS_INTERNAL_H

#include "wos_tls.h"

/* mbedTLS 3 and 4 hide struct members behind MBEDTLS_PRIVATE(). */
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
#define WOS_TLS_PRIV(member) MBEDTLS_PRIVATE(member)
#else
#define WOS_TLS_PRIV(member) member
#endif

/* TLS 1.3 exists in this mbedTLS build (3.x/4.x with MBEDTLS_SSL_PROTO_TLS1_3). */
#if MBEDTLS_VERSION_NUMBER >= 0x03020000 && defined(MBEDTLS_SSL_PROTO_TLS1_3)
#define WOS_TLS_HAVE_TLS13 1
#else
#define WOS_TLS_HAVE_TLS13 0
#endif

/* wos_tls.state values; 0 means not initialised. */
enum {
    WOS_TLS_IDLE = 1,        /* no connection: connect is allowed */
    WOS_TLS_OPEN = 2,        /* handshake done */
    WOS_TLS_PEER_CLOSED = 3, /* close_notify received; we may still send */
    WOS_TLS_FAILED = 4       /* fatal error: only close is allowed */
};

/* Offer the saved session if it belongs to host:port and is younger than
 * the maximum age (else drop it). Returns 1 when one was offered. */
int wos_tls_session_offer(wos_tls *tls, const char *host, uint16_t port);

/* After a successful handshake: note whether the offered session was
 * resumed; save a TLS 1.2 session now (TLS 1.3: when its ticket comes). */
void wos_tls_session_keep(wos_tls *tls, const char *host, uint16_t port);

/* A TLS 1.3 NewSessionTicket was just processed: save the session. */
void wos_tls_session_ticket(wos_tls *tls);

/* Fix the offered suites, groups, signature algorithms, ALPN, ticket
 * signalling and certificate date check on conf (wos_tls_policy.c);
 * cap_at_1_2 when max_fragment_len is set. WOS_OK or WOS_ERR_TLS
 * (tls->last_error says why). */
wos_status wos_tls_policy(wos_tls *tls, int cap_at_1_2);

/* The verify callback (wos_tls_verify.c): certificate dates against
 * platform->wall_clock_s, and notes that a certificate was verified. */
int wos_tls_verify_cb(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags);

/* Status of a PSA error from psa_crypto_init (wos_tls.c): no entropy is
 * WOS_ERR_STATE, out of memory and anything else WOS_ERR_TLS. */
wos_status wos_tls_psa_status(int psa_status);

/* The transport operations (wos_tls_io.c). */
extern const wos_transport_ops wos_tls_ops;

#endif /* WOS_TLS_INTERNAL_H */
