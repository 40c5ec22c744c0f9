/* SPDX-License-Identifier: MIT */
/* mbedTLS 3.6 LTS configuration for a device that only fetches
 * tokens from the Pipes API: a TLS 1.2 + 1.3 client, nothing else.
 *
 * Use it instead of mbedTLS's default configuration when building the
 * library for the firmware:
 *
 *     -DMBEDTLS_CONFIG_FILE='"wos_mbedtls_config_36.h"' -Iport/mbedtls
 *
 * (ESP-IDF: CONFIG_MBEDTLS_CUSTOM_CONFIG_FILE or the matching menuconfig
 * choices; Zephyr: CONFIG_MBEDTLS_CFG_FILE.) Build the firmware's own code
 * with the same -D so headers and library agree.
 *
 * What it keeps (the rest of mbedTLS is compiled out):
 * - TLS 1.2 and 1.3, client side only; no server, DTLS, renegotiation,
 *   CBC, static RSA/ECDH key exchange, PSK-only suites or SHA-1.
 * - Suites: TLS 1.3 AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305; TLS 1.2
 *   ECDHE-ECDSA / ECDHE-RSA with the same three AEADs.
 * - Key exchange: X25519 (Project Everest's verified code for the shared
 *   secret) and secp256r1; secp384r1 stays for verifying certificate
 *   chains signed with P-384. Servers' RSA chains (PKCS#1 v1.5 and PSS)
 *   verify too.
 * - Session resumption: tickets (1.2 and 1.3) and session ids (1.2).
 * - SNI, ALPN, max_fragment_length, extended master secret.
 * - Every allocation from a static pool (MBEDTLS_MEMORY_BUFFER_ALLOC_C):
 *   call mbedtls_memory_buffer_alloc_init(pool, sizeof pool) once at
 *   boot, before anything else of mbedTLS (see port/template/README.md).
 *   `make bench` measures the peak of a whole token fetch (tests/bench/).
 *
 * Records: a server may always send 16 KB records, so the receive buffer
 * stays at 16 KB (MBEDTLS_SSL_IN_CONTENT_LEN); the client's own records
 * are small (a token request is about 400 bytes, a ClientHello offering
 * a ticket well under 1 KB), so the send buffer is 2 KB: longer writes
 * go out as several records (wos_tls's send reports partial writes).
 *
 * Entropy: mbedTLS's default source (getrandom/ /dev/urandom on Linux).
 * A device without one defines MBEDTLS_NO_PLATFORM_ENTROPY and
 * MBEDTLS_ENTROPY_HARDWARE_ALT (and provides mbedtls_hardware_poll()), or
 * MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG, in a file named by
 * MBEDTLS_USER_CONFIG_FILE (mbedTLS reads it after this one).
 *
 * Time: MBEDTLS_HAVE_TIME_DATE checks certificate validity; on a device
 * without time.h also define MBEDTLS_PLATFORM_TIME_ALT there.
 */
#ifndef WOS_MBEDTLS_CONFIG_36_H
#define WOS_MBEDTLS_CONFIG_36_H

/* --- System --- */
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_HAVE_TIME
#define MBEDTLS_HAVE_TIME_DATE
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_MEMORY_BUFFER_ALLOC_C
/* No file system on a device: CAs come from a buffer (wos_tls_config.ca). */
/* #undef MBEDTLS_FS_IO */

/* --- Symmetric crypto and hashes --- */
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES /* 8 KB of tables in flash, not RAM */
#define MBEDTLS_AES_FEWER_TABLES
#define MBEDTLS_AESNI_C        /* x86-64 hosts only; compiled out elsewhere */
#define MBEDTLS_AESCE_C        /* Armv8 crypto extensions; compiled out elsewhere */
#define MBEDTLS_GCM_C
#define MBEDTLS_CHACHA20_C
#define MBEDTLS_POLY1305_C
#define MBEDTLS_CHACHAPOLY_C
#define MBEDTLS_CIPHER_C
#define MBEDTLS_MD_C
#define MBEDTLS_SHA224_C /* SHA-256 code needs it compiled */
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA384_C
#define MBEDTLS_SHA512_C
#define MBEDTLS_HKDF_C
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_ENTROPY_C

/* --- Public-key crypto --- */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDH_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECP_NIST_OPTIM
/* Fewer precomputed points for each signature check: about 3.5 KB less
 * pool at the peak of a full handshake, for a little more CPU. */
#define MBEDTLS_ECP_WINDOW_SIZE 2
#define MBEDTLS_ECP_DP_CURVE25519_ENABLED
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECDH_VARIANT_EVEREST_ENABLED /* X25519 shared secret; Apache-2.0 only */
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_OID_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_PEM_PARSE_C

/* --- PSA (TLS 1.3 needs it; TLS 1.2 and X.509 use it too) --- */
#define MBEDTLS_PSA_CRYPTO_C
#define MBEDTLS_USE_PSA_CRYPTO
/* No MBEDTLS_PSA_P256M_DRIVER_ENABLED by default: measured by `make
 * bench` on x86-64, p256-m made the handshake about 2.4 times as expensive
 * (portable 32-bit code; a Cortex-M gets its assembly) and saved about
 * 2 KB of pool only in the worst case, a full handshake while an old
 * session is still held (33.5 KB of pool without it, 31.5 KB with it).
 * A device held to a 32 KB pool defines it in MBEDTLS_USER_CONFIG_FILE. */
#define MBEDTLS_PSA_KEY_STORE_DYNAMIC
/* PSA copies every buffer it is given (a protection for crypto running
 * in another partition, over shared memory); here TLS and PSA share one
 * image, and the copies would take a whole record from the pool (16 KB
 * for a full incoming record) on every encrypt and decrypt. */
#define MBEDTLS_PSA_ASSUME_EXCLUSIVE_BUFFERS
#define MBEDTLS_PSA_KEY_SLOT_COUNT 16

/* --- X.509 --- */
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C

/* --- TLS --- */
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
#define MBEDTLS_SSL_KEEP_PEER_CERTIFICATE /* TLS 1.3 in 3.6 requires it */
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

#endif /* WOS_MBEDTLS_CONFIG_36_H */
