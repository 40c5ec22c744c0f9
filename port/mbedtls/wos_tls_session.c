/* SPDX-License-Identifier: MIT */
/* Session resumption: keep the last session, offer it to the same server
 * while it is young enough. TLS 1.2 sessions are saved after the
 * handshake; TLS 1.3 sessions when a ticket arrives (a TLS 1.3 session
 * without a ticket cannot resume, and offering it would pin the next
 * ClientHello to 1.3). */
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
    tls->saved_verified_ms = 0u;
    tls->have_saved = 0u;
}

/* Whether the saved session's certificate check is older than the limit. */
static int too_old(const wos_tls *tls)
{
    uint64_t now = tls->platform->now_ms(tls->platform->ctx);
    uint64_t age_ms = now > tls->saved_verified_ms ? now - tls->saved_verified_ms : 0u;
    return age_ms / 1000u >= (uint64_t)tls->max_session_age_s;
}

int wos_tls_session_offer(wos_tls *tls, const char *host, uint16_t port)
{
    if (!tls->have_saved) {
        return 0;
    }
    /* A session proves nothing about another name: never offer it there,
     * or a server sharing ticket keys could skip the hostname check. */
    if (port != tls->saved_port || strcmp(host, tls->saved_host) != 0 || too_old(tls) ||
        mbedtls_ssl_set_session(&tls->ssl, &tls->saved) != 0) {
        wos_tls_forget_session(tls);
        return 0;
    }
    return 1;
}

/* Whether s can resume: TLS 1.3 needs a ticket; TLS 1.2 resumes by
 * ticket or by session id. */
static int resumable(const mbedtls_ssl_session *s)
{
#if WOS_TLS_HAVE_TLS13
    if (s->WOS_TLS_PRIV(tls_version) == MBEDTLS_SSL_VERSION_TLS1_3) {
#if defined(MBEDTLS_SSL_SESSION_TICKETS)
        return s->WOS_TLS_PRIV(ticket) != NULL && s->WOS_TLS_PRIV(ticket_len) > 0u;
#else
        return 0;
#endif
    }
#else
    (void)s;
#endif
    return 1;
}

/* Copy the connection's session into tls->saved for the host and port of
 * the connection (kept in saved_host/saved_port). */
static void save(wos_tls *tls)
{
    mbedtls_ssl_session_free(&tls->saved);
    mbedtls_ssl_session_init(&tls->saved);
    tls->have_saved = 0u;
    if (mbedtls_ssl_get_session(&tls->ssl, &tls->saved) != 0 || !resumable(&tls->saved)) {
        mbedtls_ssl_session_free(&tls->saved);
        mbedtls_ssl_session_init(&tls->saved);
        return;
    }
    tls->saved_verified_ms = tls->verified_ms;
    tls->have_saved = 1u;
}

static int is_tls13(const wos_tls *tls)
{
#if WOS_TLS_HAVE_TLS13
    return mbedtls_ssl_get_version_number(&tls->ssl) == MBEDTLS_SSL_VERSION_TLS1_3;
#else
    (void)tls;
    return 0;
#endif
}

void wos_tls_session_keep(wos_tls *tls, const char *host, uint16_t port)
{
    size_t len = strlen(host);
    /* Resumed iff a session was offered and no certificate was verified:
     * a full handshake always verifies one. Works for 1.2 and 1.3, where
     * session ids and master secrets cannot tell. */
    tls->resumed = (uint8_t)(tls->offered && !tls->cert_checked);
    if (!tls->resumed) {
        tls->verified_ms = tls->platform->now_ms(tls->platform->ctx);
    } else {
        tls->verified_ms = tls->saved_verified_ms; /* the age counts from the certificate check */
    }
    wos_tls_forget_session(tls); /* used up (TLS 1.3 tickets are single-use) or replaced */
    if (len > WOS_TLS_MAX_HOST) {
        return;
    }
    memcpy(tls->saved_host, host, len + 1u);
    tls->saved_port = port;
    if (!is_tls13(tls)) {
        save(tls);
    }
}

void wos_tls_session_ticket(wos_tls *tls)
{
    if (tls->saved_host[0] != '\0') {
        save(tls); /* the newest ticket replaces an older one */
    }
}
