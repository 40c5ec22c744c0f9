/* SPDX-License-Identifier: MIT */
/* Session resumption: keep the last session, offer it to the same server. */
#include <string.h>

#include "mbedtls/platform_util.h"

#include "wos_tls_internal.h"

void wos_tls_forget_session(wos_tls *tls)
{
    if (tls == NULL || tls->state == 0u) {
        return;
    }
    mbedtls_ssl_session_free(&tls->saved); /* zeroises the master secret and ticket */
    mbedtls_ssl_session_init(&tls->saved);
    mbedtls_platform_zeroize(tls->saved_host, sizeof tls->saved_host);
    tls->saved_port = 0u;
    tls->have_saved = 0u;
}

int wos_tls_session_offer(wos_tls *tls, const char *host, uint16_t port)
{
    if (!tls->have_saved) {
        return 0;
    }
    /* A session proves nothing about another name: never offer it there,
     * or a server sharing ticket keys could skip the hostname check. */
    if (port != tls->saved_port || strcmp(host, tls->saved_host) != 0 ||
        mbedtls_ssl_set_session(&tls->ssl, &tls->saved) != 0) {
        wos_tls_forget_session(tls);
        return 0;
    }
    return 1;
}

/* Resumed iff the negotiated master secret is the offered one: a full
 * handshake derives a fresh one. Session ids cannot tell: with tickets
 * mbedTLS sends a fresh random id each time, and the saved one may be empty. */
static int resumed_offered(const wos_tls *tls)
{
#if MBEDTLS_VERSION_NUMBER < 0x03000000 || defined(MBEDTLS_SSL_PROTO_TLS1_2)
    const mbedtls_ssl_session *now = tls->ssl.WOS_TLS_PRIV(session);
    const unsigned char *a, *b;
    unsigned char diff = 0;
    size_t i;
#if MBEDTLS_VERSION_NUMBER >= 0x03020000
    if (mbedtls_ssl_get_version_number(&tls->ssl) != MBEDTLS_SSL_VERSION_TLS1_2) {
        return 0; /* TLS 1.3 resumption is not detected here */
    }
#endif
    if (now == NULL) {
        return 0;
    }
    a = now->WOS_TLS_PRIV(master);
    b = tls->saved.WOS_TLS_PRIV(master);
    for (i = 0; i < sizeof tls->saved.WOS_TLS_PRIV(master); i++) {
        diff = (unsigned char)(diff | (a[i] ^ b[i]));
    }
    return diff == 0u;
#else
    (void)tls;
    return 0;
#endif
}

void wos_tls_session_keep(wos_tls *tls, const char *host, uint16_t port, int offered)
{
    size_t len = strlen(host);
    tls->resumed = (uint8_t)(offered && resumed_offered(tls));
    wos_tls_forget_session(tls);
    if (len > WOS_TLS_MAX_HOST || mbedtls_ssl_get_session(&tls->ssl, &tls->saved) != 0) {
        mbedtls_ssl_session_free(&tls->saved);
        mbedtls_ssl_session_init(&tls->saved);
        return;
    }
    memcpy(tls->saved_host, host, len + 1u);
    tls->saved_port = port;
    tls->have_saved = 1u;
}
