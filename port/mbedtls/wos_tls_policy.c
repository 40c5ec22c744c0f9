/* SPDX-License-Identifier: MIT */
/* What the client offers: versions, suites, groups, signature algorithms,
 * ALPN, session tickets, and the certificate check. One list per item, so
 * a ClientHello capture (tests/port/test_tls.c) can check them all. */
#include "wos_tls_internal.h"

#include "mbedtls/ssl_ciphersuites.h"

/* Forward-secret AEAD only: TLS 1.3 suites, then ECDHE with AES-GCM or
 * ChaCha20-Poly1305 for 1.2. No static RSA/ECDH, no CBC, no SHA-1 MAC.
 * AES-128-GCM first: hardware AES is common on the targets. */
static const int k_suites[] = {
#if WOS_TLS_HAVE_TLS13
    MBEDTLS_TLS1_3_AES_128_GCM_SHA256,
    MBEDTLS_TLS1_3_CHACHA20_POLY1305_SHA256,
    MBEDTLS_TLS1_3_AES_256_GCM_SHA384,
#endif
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    MBEDTLS_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    MBEDTLS_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    MBEDTLS_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    0,
};

/* X25519 then secp256r1: the cheapest key exchanges (2.28's default order
 * lets a server pick secp521r1, several times the CPU). secp384r1 last,
 * for servers that offer nothing else. */
#if MBEDTLS_VERSION_NUMBER >= 0x03010000
static const uint16_t k_groups[] = {
    MBEDTLS_SSL_IANA_TLS_GROUP_X25519,
    MBEDTLS_SSL_IANA_TLS_GROUP_SECP256R1,
    MBEDTLS_SSL_IANA_TLS_GROUP_SECP384R1,
    MBEDTLS_SSL_IANA_TLS_GROUP_NONE,
};

/* SHA-2 signatures only (no SHA-1), ECDSA first. */
static const uint16_t k_sig_algs[] = {
    MBEDTLS_TLS1_3_SIG_ECDSA_SECP256R1_SHA256,
    MBEDTLS_TLS1_3_SIG_ECDSA_SECP384R1_SHA384,
    MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA256,
    MBEDTLS_TLS1_3_SIG_RSA_PSS_RSAE_SHA384,
    MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA256,
    MBEDTLS_TLS1_3_SIG_RSA_PKCS1_SHA384,
    MBEDTLS_TLS1_3_SIG_NONE,
};
#else
static const mbedtls_ecp_group_id k_curves[] = {
#if defined(MBEDTLS_ECP_DP_CURVE25519_ENABLED)
    MBEDTLS_ECP_DP_CURVE25519,
#endif
    MBEDTLS_ECP_DP_SECP256R1,
#if defined(MBEDTLS_ECP_DP_SECP384R1_ENABLED)
    MBEDTLS_ECP_DP_SECP384R1,
#endif
    MBEDTLS_ECP_DP_NONE,
};

static const int k_sig_hashes[] = {MBEDTLS_MD_SHA256, MBEDTLS_MD_SHA384, MBEDTLS_MD_SHA512, MBEDTLS_MD_NONE};
#endif

#if defined(MBEDTLS_SSL_ALPN)
static const char *k_alpn[] = {"http/1.1", NULL}; /* 2.28 takes char **: not const */
#endif

static void versions(wos_tls *tls, int cap_at_1_2)
{
#if MBEDTLS_VERSION_NUMBER >= 0x03020000
    mbedtls_ssl_conf_min_tls_version(&tls->conf, MBEDTLS_SSL_VERSION_TLS1_2);
    if (cap_at_1_2) {
        /* max_fragment_length exists in 1.2 only: mbedTLS fails a 1.3
         * handshake that asks for it. */
        mbedtls_ssl_conf_max_tls_version(&tls->conf, MBEDTLS_SSL_VERSION_TLS1_2);
    }
#else
    /* Debian's 2.28 also enables TLS 1.0 and 1.1: refuse them. */
    (void)cap_at_1_2;
    mbedtls_ssl_conf_min_version(&tls->conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
#endif
}

static void tickets(wos_tls *tls)
{
#if defined(MBEDTLS_SSL_SESSION_TICKETS)
    mbedtls_ssl_conf_session_tickets(&tls->conf, MBEDTLS_SSL_SESSION_TICKETS_ENABLED);
#endif
    /* From 3.6.1 to 3.6.x a TLS 1.3 ticket is dropped unless this is on;
     * mbedtls_ssl_read() then reports each one, and we save the session.
     * 4.x always reports them. */
#if WOS_TLS_HAVE_TLS13 && defined(MBEDTLS_SSL_SESSION_TICKETS) && \
    MBEDTLS_VERSION_NUMBER >= 0x03060100 && MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_ssl_conf_tls13_enable_signal_new_session_tickets(
        &tls->conf, MBEDTLS_SSL_TLS1_3_SIGNAL_NEW_SESSION_TICKETS_ENABLED);
#endif
}

wos_status wos_tls_policy(wos_tls *tls, int cap_at_1_2)
{
    mbedtls_ssl_conf_authmode(&tls->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&tls->conf, &tls->ca, NULL);
    mbedtls_ssl_conf_verify(&tls->conf, wos_tls_verify_cb, tls);
    mbedtls_ssl_conf_ciphersuites(&tls->conf, k_suites);
#if MBEDTLS_VERSION_NUMBER >= 0x03010000
    mbedtls_ssl_conf_groups(&tls->conf, k_groups);
    mbedtls_ssl_conf_sig_algs(&tls->conf, k_sig_algs);
#else
    mbedtls_ssl_conf_curves(&tls->conf, k_curves);
    mbedtls_ssl_conf_sig_hashes(&tls->conf, k_sig_hashes);
#endif
    versions(tls, cap_at_1_2);
    tickets(tls);
#if defined(MBEDTLS_SSL_ALPN)
    tls->last_error = mbedtls_ssl_conf_alpn_protocols(&tls->conf, k_alpn);
    if (tls->last_error != 0) {
        return WOS_ERR_TLS;
    }
#endif
    return WOS_OK;
}
