/* SPDX-License-Identifier: MIT */
/* wos_tls set-up and tear-down: DRBG, CAs, policy, allocator. */
#include <string.h>

#include "mbedtls/asn1.h"
#include "mbedtls/bignum.h"
#include "mbedtls/ecp.h"
#include "mbedtls/pem.h"
#include "mbedtls/pk.h"
#include "mbedtls/platform.h"
#include "mbedtls/platform_util.h"
#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
#include "psa/crypto.h"
#endif

#include "wos_tls_internal.h"

/* DRBG entropy source: the platform's, so this port works on any board. */
static int tls_entropy(void *ctx, unsigned char *out, size_t len)
{
    const wos_tls *tls = ctx;
    if (tls->platform->random(tls->platform->ctx, out, len) != WOS_OK) {
        return MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
    }
    return 0;
}

static wos_status seed_drbg(wos_tls *tls)
{
    static const unsigned char pers[] = "wos-pipes-c tls";
    int ret = mbedtls_ctr_drbg_seed(&tls->drbg, tls_entropy, tls, pers, sizeof pers - 1u);
    tls->last_error = ret;
    if (ret == MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED) {
        return WOS_ERR_STATE;
    }
    return ret == 0 ? WOS_OK : WOS_ERR_TLS;
}

/* Whether an mbedTLS error code (high- and low-level parts added up)
 * means out of heap rather than bad input. */
static int out_of_heap(int ret)
{
    int high = (-ret) & 0xFF80, low = (-ret) & 0x7F;
    return high == -MBEDTLS_ERR_X509_ALLOC_FAILED || high == -MBEDTLS_ERR_PEM_ALLOC_FAILED ||
           high == -MBEDTLS_ERR_PK_ALLOC_FAILED || high == -MBEDTLS_ERR_ECP_ALLOC_FAILED ||
           low == -MBEDTLS_ERR_ASN1_ALLOC_FAILED ||
           low == -MBEDTLS_ERR_MPI_ALLOC_FAILED;
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
    int ret = mbedtls_ssl_config_defaults(&tls->conf, MBEDTLS_SSL_IS_CLIENT,
                                          MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    if (ret != 0) {
        tls->last_error = ret;
        return WOS_ERR_TLS;
    }
    mbedtls_ssl_conf_authmode(&tls->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&tls->conf, &tls->ca, NULL);
    mbedtls_ssl_conf_rng(&tls->conf, mbedtls_ctr_drbg_random, &tls->drbg);
#if MBEDTLS_VERSION_NUMBER >= 0x03020000
    mbedtls_ssl_conf_min_tls_version(&tls->conf, MBEDTLS_SSL_VERSION_TLS1_2);
#else
    /* Debian's 2.28 also enables TLS 1.0 and 1.1: refuse them. */
    mbedtls_ssl_conf_min_version(&tls->conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
#endif
#if defined(MBEDTLS_SSL_MAX_FRAGMENT_LENGTH)
    if (mfl > 0 && mbedtls_ssl_conf_max_frag_len(&tls->conf, (unsigned char)mfl) != 0) {
        return WOS_ERR_INVALID_ARG;
    }
#else
    (void)mfl;
#endif
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
    mbedtls_ctr_drbg_free(&tls->drbg);
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
#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
    if (psa_crypto_init() != PSA_SUCCESS) {
        return WOS_ERR_TLS; /* TLS in mbedTLS 3 needs PSA crypto */
    }
#endif
    mbedtls_ssl_init(&tls->ssl);
    mbedtls_ssl_config_init(&tls->conf);
    mbedtls_x509_crt_init(&tls->ca);
    mbedtls_ctr_drbg_init(&tls->drbg);
    mbedtls_ssl_session_init(&tls->saved);
    tls->lower = cfg->lower;
    tls->platform = cfg->platform;
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
