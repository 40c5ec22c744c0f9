/* SPDX-License-Identifier: MIT */
/**
 * @file wos_tls.h
 * @brief TLS transport on mbedTLS, stacked on any wos_transport (POSIX
 * TCP, lwIP, FreeRTOS+TCP, a modem's socket API...).
 *
 * Policy, not options: TLS 1.2 or 1.3, the server certificate is always
 * verified against the configured CAs and the connect hostname, and SNI is
 * always sent. Offered: groups X25519, secp256r1, secp384r1 (in that
 * order); only forward-secret AEAD suites (TLS 1.3 suites; ECDHE with
 * AES-GCM or ChaCha20-Poly1305 on 1.2); SHA-2 signatures; ALPN http/1.1.
 * Handshake, reads and writes all return by the deadline they are given.
 *
 * Sessions: after a TLS 1.2 handshake, or when a TLS 1.3 server sends a
 * session ticket (mbedTLS 3.6.1+ signals it; the port saves the session
 * and goes on reading), the session is kept in the wos_tls struct and
 * offered on the next connect to the same host and port, so reconnects
 * skip the certificate exchange. A TLS 1.3 session is never offered
 * without a ticket. After max_session_age_s the next connect makes a full
 * handshake and verifies the certificate again.
 *
 * mbedTLS versions: 2.28 (TLS 1.2), 3.6 LTS and 4.x (TLS 1.2 and 1.3),
 * each built and tested (see README). 3.x and 4.x need PSA crypto:
 * wos_tls_init() calls psa_crypto_init() before parsing the CAs. PSA keeps
 * process-wide state (its random generator, key slots) that stays until
 * mbedtls_psa_crypto_free(): the port never frees it, because other code
 * in the firmware may use PSA too. A static pool must have room for it.
 * On 4.x randomness comes from PSA's generator, not from platform->random:
 * see port/template/README.md for routing the board's entropy to it.
 *
 * mbedTLS allocates (about 40 KB during a handshake with default record
 * buffers); this port allocates nothing itself. Firmware routes mbedTLS to
 * a static pool: see port/template/README.md and wos_tls_set_allocator().
 *
 * Certificate validity is checked against platform->wall_clock_s when the
 * platform has one (in the verify callback, on every mbedTLS version);
 * when it reports the time as not known yet, connect fails with
 * WOS_ERR_CLOCK_NOT_SET. Without wall_clock_s, mbedTLS's own time source
 * decides (MBEDTLS_HAVE_TIME_DATE; a build without it checks no dates).
 *
 * Debug logs: an mbedTLS debug callback (mbedtls_ssl_conf_dbg) at level 4
 * or more logs record plaintext: the API key and every token. Never enable
 * it outside a bench, and never ship its output.
 */
#ifndef WOS_TLS_H
#define WOS_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mbedtls/version.h"
/* 4.x removed ctr_drbg.h: guard it, or 2.28's copy in /usr/include is found. */
#if MBEDTLS_VERSION_NUMBER < 0x04000000
#include "mbedtls/ctr_drbg.h"
#endif
#include "mbedtls/ssl.h"
#include "mbedtls/x509_crt.h"

#include "wos_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief CA bundle read when the configuration names neither a buffer nor a file. */
#ifndef WOS_TLS_DEFAULT_CA_FILE
#define WOS_TLS_DEFAULT_CA_FILE "/etc/ssl/certs/ca-certificates.crt"
#endif

/** @brief Longest hostname accepted by connect (a DNS name is at most 253 bytes). */
#ifndef WOS_TLS_MAX_HOST
#define WOS_TLS_MAX_HOST 253
#endif

/** @brief Default maximum age of a saved session, in seconds (24 h). */
#ifndef WOS_TLS_MAX_SESSION_AGE_S
#define WOS_TLS_MAX_SESSION_AGE_S 86400u
#endif

/** @brief How to set up a wos_tls. Zero-initialise, then fill in. */
typedef struct wos_tls_config {
    /**
     * CA certificates in memory, PEM or DER; NULL to read a file instead.
     * PEM must include its terminating NUL in ca_len (mbedTLS requires it:
     * pass `sizeof pem` for a string literal). Parsed at init; the buffer
     * may be released afterwards.
     */
    const uint8_t *ca;
    size_t ca_len;        /**< Length of ca in bytes. */
    /** PEM or DER file read when ca is NULL; NULL means WOS_TLS_DEFAULT_CA_FILE. */
    const char *ca_file;
    /** Transport TLS runs over; must be closed, and outlive the wos_tls. */
    wos_transport lower;
    /**
     * Clock for the deadlines, wall clock for certificate dates, entropy for
     * the DRBG (mbedTLS 2.28 and 3.x); must outlive the wos_tls.
     */
    const wos_platform *platform;
    /**
     * Largest record the server may send, asked for with the
     * max_fragment_length extension: 0 (off, 16 KB records), 512, 1024,
     * 2048 or 4096. Lets a device with little RAM shrink the records it
     * must buffer, when the server honours it. TLS 1.3 has no such
     * extension in mbedTLS (3.x and 4.x fail the handshake when it is
     * asked for), so a non-zero value caps every connection of this
     * wos_tls at TLS 1.2.
     */
    uint16_t max_fragment_len;
    /**
     * Seconds a session may be resumed after the full handshake that
     * verified the server's certificate; 0 means WOS_TLS_MAX_SESSION_AGE_S.
     * Older sessions are dropped and the certificate is verified again.
     */
    uint32_t max_session_age_s;
} wos_tls_config;

/**
 * @brief One TLS connection and its saved session, in caller memory.
 * All members are private to the port.
 */
typedef struct wos_tls {
    mbedtls_ssl_context ssl;        /**< Connection state. */
    mbedtls_ssl_config conf;        /**< Policy shared by every connect. */
    mbedtls_x509_crt ca;            /**< Trusted CAs. */
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_ctr_drbg_context drbg;  /**< Randomness, seeded from platform->random (4.x: PSA's). */
#endif
    mbedtls_ssl_session saved;      /**< Session offered on the next connect. */
    wos_transport lower;            /**< Transport below. */
    const wos_platform *platform;   /**< Clock and entropy. */
    uint64_t deadline_ms;           /**< Deadline of the call in progress (read by the bio callbacks). */
    uint64_t verified_ms;           /**< now_ms of the full handshake behind the current session. */
    uint64_t saved_verified_ms;     /**< The same for the saved session. */
    uint32_t max_session_age_s;     /**< From the configuration. */
    int last_error;                 /**< Last mbedTLS error code, 0 if none. */
    uint32_t verify_flags;          /**< X.509 verification flags of the last handshake. */
    wos_status io_status;           /**< How the lower transport failed inside the current call. */
    uint16_t saved_port;            /**< Port the saved session belongs to. */
    uint8_t state;                  /**< 0 uninitialised, then idle / open / peer closed / failed. */
    uint8_t have_saved;             /**< Whether saved holds a session. */
    uint8_t resumed;                /**< Whether the current connection resumed a session. */
    uint8_t offered;                /**< Whether the current handshake offered a session. */
    uint8_t cert_checked;           /**< Whether the current handshake verified a certificate. */
    uint8_t clock_unset;            /**< The wall clock was not set when a certificate was checked. */
    char saved_host[WOS_TLS_MAX_HOST + 1]; /**< Host the saved session belongs to. */
} wos_tls;

/**
 * @brief Set up tls: seed the DRBG, load the CAs, fix the policy and
 * allocate the record buffers (once, so reconnects do not fragment a heap).
 *
 * On failure tls holds nothing to free; wos_tls_deinit() is still safe.
 * @param[in,out] tls Caller memory; overwritten.
 * @param[in] cfg Configuration; read during the call only (the CA buffer too).
 * @return WOS_OK;
 *         WOS_ERR_INVALID_ARG (NULL tls/cfg, a lower transport without ops,
 *         a platform without now_ms or random, an unsupported
 *         max_fragment_len, or CAs that cannot be read or hold no valid
 *         certificate; wos_tls_last_error() then gives the mbedTLS code);
 *         WOS_ERR_STATE (no entropy: platform->random failed, or on
 *         3.x/4.x psa_crypto_init() found no entropy source);
 *         WOS_ERR_TLS (mbedTLS could not be set up, e.g. out of heap,
 *         PSA_ERROR_INSUFFICIENT_MEMORY on 4.x included).
 *
 * Example:
 * @snippet api_snippets.c client_setup
 */
wos_status wos_tls_init(wos_tls *tls, const wos_tls_config *cfg);

/**
 * @brief The transport of an initialised tls. Its operations behave as
 * wos_transport_ops describes, and:
 * - connect connects the lower transport to host:port, then handshakes with
 *   host as SNI and as the name the certificate must carry. Returns
 *   WOS_ERR_INVALID_ARG for a NULL, empty or over-long host;
 *   WOS_ERR_STATE when not initialised or not closed;
 *   WOS_ERR_CERT_REJECTED when the chain, hostname or validity fails;
 *   WOS_ERR_CLOCK_NOT_SET when platform->wall_clock_s says the time is
 *   not known, so no certificate date can be checked (set the clock,
 *   e.g. by SNTP, then connect again);
 *   WOS_ERR_TLS for any other handshake failure (protocol version below
 *   1.2, no common cipher, alert from the server);
 *   WOS_ERR_TIMEOUT / WOS_ERR_NETWORK from the lower transport or a
 *   handshake that does not finish by the deadline.
 * - recv returns WOS_ERR_CLOSED once the server sent close_notify, and
 *   WOS_ERR_NETWORK when the stream ends without it (truncation).
 * - send may leave part of a record written when it returns
 *   WOS_ERR_TIMEOUT; the connection is then unusable (later calls give
 *   WOS_ERR_STATE) and must be closed.
 * - After any failure other than WOS_ERR_TIMEOUT on recv, send and recv
 *   return WOS_ERR_STATE until close.
 * - is_alive reads post-handshake messages that wait on an idle
 *   connection (TLS 1.3 session tickets: saved), so they never make a
 *   fresh connection look dead; application data or an alert there does.
 *   It reads only when the lower transport reports bytes waiting, for at
 *   most WOS_TLS_ALIVE_READ_MS (10 ms).
 * - close sends close_notify without waiting (one attempt), then closes
 *   the lower transport.
 * @param[in,out] tls Initialised state; must outlive the transport.
 * @return The transport {ops, tls}.
 */
wos_transport wos_tls_transport(wos_tls *tls);

/**
 * @brief Whether the current (last successful) connection resumed a saved
 * session rather than doing a full handshake: a session was offered and no
 * certificate was verified (TLS 1.2 and 1.3 alike).
 * @param[in] tls Initialised state, or NULL.
 * @return true when resumed; false otherwise or when tls is NULL.
 */
bool wos_tls_resumed(const wos_tls *tls);

/**
 * @brief Drop and wipe the saved session, so the next connect does a full
 * handshake. Sessions are also dropped when a handshake offering one
 * fails, when connecting to another host or port, and at deinit.
 * @param[in,out] tls Initialised state; NULL is ignored.
 */
void wos_tls_forget_session(wos_tls *tls);

/**
 * @brief Diagnostics of the last failure, as numbers only (no text, so
 * nothing secret can leak into a log).
 * @param[in] tls State; NULL gives zeros.
 * @param[out] out_mbedtls_err Last mbedTLS error code (negative), or 0; may be NULL.
 * @param[out] out_verify_flags MBEDTLS_X509_BADCERT_* flags of the last
 *             handshake, or 0; may be NULL.
 */
void wos_tls_last_error(const wos_tls *tls, int *out_mbedtls_err, uint32_t *out_verify_flags);

/**
 * @brief Route every mbedTLS allocation (process-wide) through the given
 * functions, e.g. a static pool. Call before wos_tls_init.
 * @param[in] calloc_fn Allocates n zeroed objects of size bytes, or returns NULL.
 * @param[in] free_fn Frees what calloc_fn returned; must accept NULL, as free() does.
 * @return WOS_OK; WOS_ERR_INVALID_ARG (a NULL function);
 *         WOS_ERR_STATE (mbedTLS was built without MBEDTLS_PLATFORM_MEMORY,
 *         as Debian's is: it then always uses libc calloc/free).
 */
wos_status wos_tls_set_allocator(void *(*calloc_fn)(size_t n, size_t size), void (*free_fn)(void *p));

/**
 * @brief Close any connection (with close_notify), wipe the saved session
 * and keys, and free everything mbedTLS allocated for tls.
 * Safe after a failed init and safe to call twice.
 * @param[in,out] tls State, or NULL (ignored).
 */
void wos_tls_deinit(wos_tls *tls);

#ifdef __cplusplus
}
#endif
#endif /* WOS_TLS_H */
