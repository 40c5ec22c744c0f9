/* SPDX-License-Identifier: MIT */
/* wos_tls set-up and tear-down: randomness, CAs, policy, allocator. */
#include <string.h>

/* First: it defines MBEDTLS_VERSION_NUMBER (4.x's crypto headers do not). */
#include "wos_tls_internal.h"

#include "mbedtls/pem.h"
#include "mbedtls/pk.h"
#include "mbedtls/platform.h"
#include "mbedtls/platform_util.h"
#if MBEDTLS_VERSION_NUMBER < 0x04000000
/* 4.x moved these behind PSA: guard them, or 2.28's copies in /usr/include are found. */
#include "mbedtls/asn1.h"
#include "mbedtls/bignum.h"
#include "mbedtls/ecp.h"
#endif
#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
#include "psa/crypto.h"
#define WOS_TLS_NEEDS_PSA 1
#else
#define WOS_TLS_NEEDS_PSA 0
#endif

#if MBEDTLS_VERSION_NUMBER < 0x04000000
/* DRBG entropy source: the platform's, so this port works on any board.
 * (4.x has no DRBG of its own to seed: PSA draws from its entropy driver,
 * see port/template/README.md.) */
static int tls_entropy(void *ctx, unsigned char *out, size_t len)
{
    const wos_tls *tls = ctx;
    if (tls->platform->random(tls->platform->ctx, out, len) != WOS_OK) {
        return MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
    }
    return 0;
}
#endif

static wos_status seed_drbg(wos_tls *tls)
{
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    static const unsigned char pers[] = "wos-pipes-c tls";
    int ret = mbedtls_ctr_drbg_seed(&tls->drbg, tls_entropy, tls, pers, sizeof pers - 1u);
    tls->last_error = ret;
    if (ret == MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED) {
        return WOS_ERR_STATE;
    }
    return ret == 0 ? WOS_OK : WOS_ERR_TLS;
#else
    (void)tls;
    return WOS_OK;
#endif
}

wos_status wos_tls_psa_status(int psa_status)
{
    if (psa_status == 0) {
        return WOS_OK;
    }
#if WOS_TLS_NEEDS_PSA
    if (psa_status == PSA_ERROR_INSUFFICIENT_ENTROPY) {
        return WOS_ERR_STATE; /* as 2.28's DRBG seeding without entropy */
    }
#endif
    return WOS_ERR_TLS; /* out of memory (as on 2.28), or PSA is broken */
}

/* PSA must be up before the CAs are parsed (their keys are PSA keys on
 * 4.x) and before any handshake. Its global state is not ours to free. */
static wos_status start_psa(wos_tls *tls)
{
#if WOS_TLS_NEEDS_PSA
    psa_status_t ps = psa_crypto_init();
    tls->last_error = (int)ps;
    return wos_tls_psa_status((int)ps);
#else
    (void)tls;
    return WOS_OK;
#endif
}

/* Whether an mbedTLS error code (high- and low-level parts added up)
 * means out of heap rather than bad input. */
static int out_of_heap(int ret)
{
#if MBEDTLS_VERSION_NUMBER >= 0x04000000
    /* 4.x reports allocation failures as PSA_ERROR_INSUFFICIENT_MEMORY,
     * alone or added to an X.509 high-level code. */
    int low = (-ret) & 0x7F, high = (-ret) & 0xFF80;
    return ret == PSA_ERROR_INSUFFICIENT_MEMORY || low == -PSA_ERROR_INSUFFICIENT_MEMORY ||
           high == -MBEDTLS_ERR_X509_ALLOC_FAILED || ret == MBEDTLS_ERR_PK_ALLOC_FAILED;
#else
    int high = (-ret) & 0xFF80, low = (-ret) & 0x7F;
    return high == -MBEDTLS_ERR_X509_ALLOC_FAILED || high == -MBEDTLS_ERR_PEM_ALLOC_FAILED ||
           high == -MBEDTLS_ERR_PK_ALLOC_FAILED || high == -MBEDTLS_ERR_ECP_ALLOC_FAILED ||
           low == -MBEDTLS_ERR_ASN1_ALLOC_FAILED ||
           low == -MBEDTLS_ERR_MPI_ALLOC_FAILED;
#endif
}

static wos_status load_ca(wos_tls *tls, const wos_tls_config *cfg)
{
    int ret;
    if (cfg->ca != NULL) {
        if (cfg->ca_len == 0u) {
            return WOS_ERR_INVALID_ARG;
        }
        ret = mbedtls_x509_crt_parse(&tls->ca, cfg->ca, cfg->ca_len);
    } else {
#if defined(MBEDTLS_FS_IO)
        ret = mbedtls_x509_crt_parse_file(&tls->ca,
                                          cfg->ca_file != NULL ? cfg->ca_file : WOS_TLS_DEFAULT_CA_FILE);
#else
        return WOS_ERR_INVALID_ARG; /* no file system in this mbedTLS build */
#endif
    }
    /* A bundle may hold certificates mbedTLS cannot parse (ret > 0): the
     * others still count. Nothing parsed at all is a configuration error. */
    tls->last_error = ret < 0 ? ret : 0;
    if (ret < 0 && out_of_heap(ret)) {
        return WOS_ERR_TLS;
    }
    return ret < 0 || tls->ca.raw.len == 0u ? WOS_ERR_INVALID_ARG : WOS_OK;
}

/* MBEDTLS_SSL_MAX_FRAG_LEN_* code of a size in bytes; -1 when unsupported. */
static int mfl_code(uint16_t len)
{
    switch (len) {
    case 0:
        return 0;
#if defined(MBEDTLS_SSL_MAX_FRAGMENT_LENGTH)
    case 512:
        return MBEDTLS_SSL_MAX_FRAG_LEN_512;
    case 1024:
        return MBEDTLS_SSL_MAX_FRAG_LEN_1024;
    case 2048:
        return MBEDTLS_SSL_MAX_FRAG_LEN_2048;
    case 4096:
        return MBEDTLS_SSL_MAX_FRAG_LEN_4096;
#endif
    default:
        return -1;
    }
}

static wos_status configure(wos_tls *tls, int mfl)
{
    wos_status st;
    int ret = mbedtls_ssl_config_defaults(&tls->conf, MBEDTLS_SSL_IS_CLIENT,
                                          MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    if (ret != 0) {
        tls->last_error = ret;
        return WOS_ERR_TLS;
    }
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_ssl_conf_rng(&tls->conf, mbedtls_ctr_drbg_random, &tls->drbg);
#endif
#if defined(MBEDTLS_SSL_MAX_FRAGMENT_LENGTH)
    if (mfl > 0 && mbedtls_ssl_conf_max_frag_len(&tls->conf, (unsigned char)mfl) != 0) {
        return WOS_ERR_INVALID_ARG;
    }
#endif
    st = wos_tls_policy(tls, mfl > 0);
    if (st != WOS_OK) {
        return st;
    }
    ret = mbedtls_ssl_setup(&tls->ssl, &tls->conf);
    tls->last_error = ret;
    return ret == 0 ? WOS_OK : WOS_ERR_TLS;
}

static void free_all(wos_tls *tls)
{
    mbedtls_ssl_session_free(&tls->saved);
    mbedtls_ssl_free(&tls->ssl);
    mbedtls_ssl_config_free(&tls->conf);
    mbedtls_x509_crt_free(&tls->ca);
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_ctr_drbg_free(&tls->drbg);
#endif
}

static int config_ok(const wos_tls_config *cfg)
{
    return cfg->lower.ops != NULL && cfg->platform != NULL && cfg->platform->now_ms != NULL &&
           cfg->platform->random != NULL && mfl_code(cfg->max_fragment_len) >= 0;
}

wos_status wos_tls_init(wos_tls *tls, const wos_tls_config *cfg)
{
    wos_status st = WOS_ERR_TLS;
    if (tls == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(tls, 0, sizeof *tls);
    if (cfg == NULL || !config_ok(cfg)) {
        return WOS_ERR_INVALID_ARG;
    }
    st = start_psa(tls);
    if (st != WOS_OK) {
        return st;
    }
    mbedtls_ssl_init(&tls->ssl);
    mbedtls_ssl_config_init(&tls->conf);
    mbedtls_x509_crt_init(&tls->ca);
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_ctr_drbg_init(&tls->drbg);
#endif
    mbedtls_ssl_session_init(&tls->saved);
    tls->lower = cfg->lower;
    tls->platform = cfg->platform;
    tls->max_session_age_s = cfg->max_session_age_s != 0u ? cfg->max_session_age_s : WOS_TLS_MAX_SESSION_AGE_S;
    st = seed_drbg(tls);
    if (st == WOS_OK) {
        st = load_ca(tls, cfg);
    }
    if (st == WOS_OK) {
        st = configure(tls, mfl_code(cfg->max_fragment_len));
    }
    if (st != WOS_OK) {
        int err = tls->last_error;
        free_all(tls);
        memset(tls, 0, sizeof *tls);
        tls->last_error = err;
        return st;
    }
    tls->state = WOS_TLS_IDLE;
    return WOS_OK;
}

void wos_tls_deinit(wos_tls *tls)
{
    if (tls == NULL || tls->state == 0u) {
        return;
    }
    wos_tls_ops.close(tls);
    free_all(tls); /* mbedTLS zeroises keys and sessions as it frees them */
    mbedtls_platform_zeroize(tls, sizeof *tls);
}

wos_transport wos_tls_transport(wos_tls *tls)
{
    wos_transport tr;
    tr.ops = &wos_tls_ops;
    tr.ctx = tls;
    return tr;
}

bool wos_tls_resumed(const wos_tls *tls)
{
    return tls != NULL && tls->resumed != 0u;
}

void wos_tls_last_error(const wos_tls *tls, int *out_mbedtls_err, uint32_t *out_verify_flags)
{
    if (out_mbedtls_err != NULL) {
        *out_mbedtls_err = tls != NULL ? tls->last_error : 0;
    }
    if (out_verify_flags != NULL) {
        *out_verify_flags = tls != NULL ? tls->verify_flags : 0u;
    }
}

wos_status wos_tls_set_allocator(void *(*calloc_fn)(size_t n, size_t size), void (*free_fn)(void *p))
{
    if (calloc_fn == NULL || free_fn == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
#if defined(MBEDTLS_PLATFORM_C) && defined(MBEDTLS_PLATFORM_MEMORY) && \
    !(defined(MBEDTLS_PLATFORM_CALLOC_MACRO) && defined(MBEDTLS_PLATFORM_FREE_MACRO))
    return mbedtls_platform_set_calloc_free(calloc_fn, free_fn) == 0 ? WOS_OK : WOS_ERR_STATE;
#else
    return WOS_ERR_STATE;
#endif
}
