/* SPDX-License-Identifier: MIT */
/* TF-PSA-Crypto 1.0 configuration (the crypto half of Mbed TLS 4.0)
 * for the token-fetching TLS client of wos_mbedtls_config_40.h.
 *
 * In Mbed TLS 4 the memory options live here: every allocation of TLS,
 * X.509 and PSA comes from a static pool (MBEDTLS_MEMORY_BUFFER_ALLOC_C
 * with MBEDTLS_PLATFORM_MEMORY): call mbedtls_memory_buffer_alloc_init(pool,
 * sizeof pool) at boot, before psa_crypto_init() (see
 * port/template/README.md). PSA's global state (its random generator and
 * key store) is allocated by psa_crypto_init() and stays in the pool.
 *
 * Entropy: the built-in source (getrandom on Linux). A device without OS
 * entropy replaces MBEDTLS_PSA_BUILTIN_GET_ENTROPY with
 * MBEDTLS_PSA_DRIVER_GET_ENTROPY (and provides mbedtls_platform_get_entropy())
 * or with MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG (mbedtls_psa_external_get_random()),
 * in a file named by TF_PSA_CRYPTO_USER_CONFIG_FILE.
 */
#ifndef WOS_CRYPTO_CONFIG_40_H
#define WOS_CRYPTO_CONFIG_40_H

#define TF_PSA_CRYPTO_CONFIG_VERSION 0x01000000

/* --- Algorithms the TLS client needs --- */
#define PSA_WANT_ALG_CHACHA20_POLY1305 1
#define PSA_WANT_ALG_GCM 1
#define PSA_WANT_ALG_ECDH 1
#define PSA_WANT_ALG_ECDSA 1 /* verify only: the client has no key */
#define PSA_WANT_ALG_HKDF 1
#define PSA_WANT_ALG_HKDF_EXTRACT 1
#define PSA_WANT_ALG_HKDF_EXPAND 1
#define PSA_WANT_ALG_HMAC 1
#define PSA_WANT_ALG_RSA_PKCS1V15_SIGN 1 /* RSA certificate chains */
#define PSA_WANT_ALG_RSA_PSS 1           /* TLS 1.3 with RSA certificates */
#define PSA_WANT_ALG_SHA_256 1
#define PSA_WANT_ALG_SHA_384 1
#define PSA_WANT_ALG_SHA_512 1
#define PSA_WANT_ALG_TLS12_PRF 1

/* X25519 and secp256r1 for the key exchange; secp384r1 for chains signed with P-384. */
#define PSA_WANT_ECC_MONTGOMERY_255 1
#define PSA_WANT_ECC_SECP_R1_256 1
#define PSA_WANT_ECC_SECP_R1_384 1

#define PSA_WANT_KEY_TYPE_DERIVE 1
#define PSA_WANT_KEY_TYPE_HMAC 1
#define PSA_WANT_KEY_TYPE_RAW_DATA 1
#define PSA_WANT_KEY_TYPE_AES 1
#define PSA_WANT_KEY_TYPE_CHACHA20 1
#define PSA_WANT_KEY_TYPE_ECC_PUBLIC_KEY 1
#define PSA_WANT_KEY_TYPE_RSA_PUBLIC_KEY 1
#define PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_BASIC 1
#define PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_IMPORT 1
#define PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_EXPORT 1
#define PSA_WANT_KEY_TYPE_ECC_KEY_PAIR_GENERATE 1
/* The client only verifies RSA signatures, but Mbed TLS 4.0's own checks
 * ask for these with ECDHE-RSA and RSASSA-PSS certificates. */
#define PSA_WANT_KEY_TYPE_RSA_KEY_PAIR_BASIC 1
#define PSA_WANT_ALG_RSA_PKCS1V15_CRYPT 1
#define PSA_WANT_ALG_RSA_OAEP 1

/* --- Platform: static pool, time --- */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_MEMORY_BUFFER_ALLOC_C
#define MBEDTLS_HAVE_TIME
#define MBEDTLS_HAVE_TIME_DATE
/* No MBEDTLS_FS_IO: CAs come from a buffer (wos_tls_config.ca). */

/* --- Modules --- */
#define MBEDTLS_MD_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_PSA_CRYPTO_C
#define MBEDTLS_PSA_BUILTIN_GET_ENTROPY
#define MBEDTLS_PSA_KEY_STORE_DYNAMIC
/* PSA copies every buffer it is given (a protection for crypto running
 * in another partition, over shared memory); here TLS and PSA share one
 * image, and the copies would take a whole record from the pool (16 KB
 * for a full incoming record) on every encrypt and decrypt. */
#define MBEDTLS_PSA_ASSUME_EXCLUSIVE_BUFFERS

/* --- Implementation choices --- */
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_AESNI_C /* x86-64 hosts only; compiled out elsewhere */
#define MBEDTLS_AESCE_C /* Armv8 crypto extensions; compiled out elsewhere */
#define MBEDTLS_AES_ROM_TABLES /* tables in flash, not RAM */
#define MBEDTLS_AES_FEWER_TABLES
#define MBEDTLS_ECP_NIST_OPTIM
/* Fewer precomputed points for each signature check (P-256 and P-384
 * run on the built-in code here): about 3.5 KB less pool at the peak of
 * a handshake, for a little more CPU. */
#define MBEDTLS_ECP_WINDOW_SIZE 2
#define MBEDTLS_ECDH_VARIANT_EVEREST_ENABLED /* X25519 shared secret; Apache-2.0 only */
/* No MBEDTLS_PSA_P256M_DRIVER_ENABLED: TF-PSA-Crypto 1.0 refuses a driver
 * for some curves only (here P-256 but not X25519 and P-384) together
 * with PK, X.509 or TLS ("partial support for ECC curves acceleration").
 * A device that only ever meets P-256 may drop the other two curves and
 * enable it (about 3 KB of code, under 1 KB of stack, no heap). */

#endif /* WOS_CRYPTO_CONFIG_40_H */
