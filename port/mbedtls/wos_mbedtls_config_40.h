/* SPDX-License-Identifier: MIT */
/* Mbed TLS 4.0 configuration (the TLS half) for a device that only
 * fetches tokens from the Pipes API: a TLS 1.2 + 1.3 client, nothing else.
 *
 * Mbed TLS 4 splits its configuration in two: this file (TLS and X.509)
 * and wos_crypto_config_40.h (TF-PSA-Crypto: algorithms, curves, the
 * static memory pool, entropy). Build the library and the firmware with
 *
 *     -DMBEDTLS_CONFIG_FILE='"wos_mbedtls_config_40.h"'
 *     -DTF_PSA_CRYPTO_CONFIG_FILE='"wos_crypto_config_40.h"' -Iport/mbedtls
 *
 * (CMake: -DMBEDTLS_CONFIG_FILE=... -DTF_PSA_CRYPTO_CONFIG_FILE=... with
 * absolute paths.) The policy is the one of wos_mbedtls_config_36.h:
 * TLS 1.2 and 1.3 client only; TLS 1.3 AES-GCM and ChaCha20-Poly1305
 * suites, TLS 1.2 ECDHE-ECDSA / ECDHE-RSA with the same AEADs; X25519
 * and secp256r1 for the key exchange; resumption by ticket;
 * SNI, ALPN, max_fragment_length; 16 KB receive and 2 KB send records.
 */
#ifndef WOS_MBEDTLS_CONFIG_40_H
#define WOS_MBEDTLS_CONFIG_40_H

#define MBEDTLS_CONFIG_VERSION 0x04000000

#define MBEDTLS_SSL_TLS_C
#define MBEDTLS_SSL_CLI_C
#define MBEDTLS_SSL_PROTO_TLS1_2
#define MBEDTLS_SSL_PROTO_TLS1_3
#define MBEDTLS_SSL_TLS1_3_COMPATIBILITY_MODE /* middleboxes on real networks */
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_EPHEMERAL_ENABLED
#define MBEDTLS_SSL_TLS1_3_KEY_EXCHANGE_MODE_PSK_EPHEMERAL_ENABLED /* resumption */
#define MBEDTLS_KEY_EXCHANGE_ECDHE_ECDSA_ENABLED
#define MBEDTLS_KEY_EXCHANGE_ECDHE_RSA_ENABLED
#define MBEDTLS_SSL_SESSION_TICKETS
#define MBEDTLS_SSL_SERVER_NAME_INDICATION
#define MBEDTLS_SSL_ALPN
#define MBEDTLS_SSL_MAX_FRAGMENT_LENGTH
#define MBEDTLS_SSL_EXTENDED_MASTER_SECRET
#define MBEDTLS_SSL_KEEP_PEER_CERTIFICATE /* TLS 1.3 requires it */
#define MBEDTLS_SSL_IN_CONTENT_LEN 16384
#define MBEDTLS_SSL_OUT_CONTENT_LEN 2048
#define MBEDTLS_SSL_CIPHERSUITES                                                           \
    MBEDTLS_TLS1_3_AES_128_GCM_SHA256, MBEDTLS_TLS1_3_CHACHA20_POLY1305_SHA256,            \
        MBEDTLS_TLS1_3_AES_256_GCM_SHA384, MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, \
        MBEDTLS_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,                                     \
        MBEDTLS_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,                             \
        MBEDTLS_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,                               \
        MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,                                   \
        MBEDTLS_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384

#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_X509_RSASSA_PSS_SUPPORT

#endif /* WOS_MBEDTLS_CONFIG_40_H */
