/* SPDX-License-Identifier: MIT */
/*
 * wos_port_template.c — starting point for an RTOS port of wos-pipes-c.
 *
 * Copy this file into the firmware, rename the `tmpl_` prefix, and fill in
 * every callback for your network stack. Each callback carries notes for
 * FreeRTOS+TCP and Zephyr; for lwIP sockets use port/lwip/ (a working,
 * tested transport) instead of this file's transport. Until filled in, every callback
 * fails safely: connect reports WOS_ERR_NETWORK, random reports
 * WOS_ERR_STATE (never fake entropy), the clock stands still.
 *
 * The contract every callback must keep is in include/wos_port.h and
 * port/template/README.md. The three rules that matter most:
 *   1. Deadlines are absolute values of now_ms(); a call returns by its
 *      deadline, with WOS_ERR_TIMEOUT when nothing moved by then.
 *   2. recv returns as soon as any bytes are there (never waits to fill
 *      the buffer); send may send fewer bytes than asked.
 *   3. End of stream is WOS_ERR_CLOSED; a reset or any other failure is
 *      WOS_ERR_NETWORK.
 *
 * TLS is not done here: wrap this transport with wos_tls (port/mbedtls/)
 * by passing it as wos_tls_config.lower.
 *
 * This file compiles as it is (C99, no RTOS headers) so that it cannot rot.
 */
#include <stddef.h>
#include <stdint.h>

#include "wos_port.h"

/* Move these two declarations into your port's header. */
typedef struct tmpl_tcp {
    int sock; /* socket handle, or -1 when closed (FreeRTOS+TCP: a Socket_t) */
} tmpl_tcp;

wos_transport tmpl_tcp_transport(tmpl_tcp *t);
wos_platform tmpl_platform(void);

/* Milliseconds left until the deadline, 0 when it has passed. */
static uint64_t tmpl_left_ms(uint64_t deadline_ms);

/*
 * connect: resolve host, open a TCP connection to host:port by the deadline.
 * Set TCP_NODELAY: the client writes a request in a few pieces and waits for
 * the answer; Nagle would hold the last piece back.
 *
 * lwIP sockets: port/lwip/wos_lwip_tcp.c does all of this (DNS and
 *   connect both bounded by the deadline).
 * FreeRTOS+TCP:
 *   FreeRTOS_getaddrinfo() (or FreeRTOS_gethostbyname() for IPv4 only);
 *   s = FreeRTOS_socket(FREERTOS_AF_INET, FREERTOS_SOCK_STREAM, FREERTOS_IPPROTO_TCP);
 *   set FREERTOS_SO_RCVTIMEO (connect waits on the receive timeout) to
 *   pdMS_TO_TICKS(tmpl_left_ms(deadline)); FreeRTOS_connect() blocks up to
 *   that: -pdFREERTOS_ERRNO_ETIMEDOUT is WOS_ERR_TIMEOUT, any other negative
 *   value WOS_ERR_NETWORK. FreeRTOS+TCP has no Nagle option to set.
 * Zephyr (CONFIG_NET_SOCKETS, CONFIG_DNS_RESOLVER):
 *   zsock_getaddrinfo() waits CONFIG_NET_SOCKETS_DNS_TIMEOUT, not the
 *   deadline: use dns_get_addr_info(..., tmpl_left_ms(deadline)) with a
 *   callback and a semaphore instead; s = zsock_socket(...); zsock_fcntl(s, F_SETFL, O_NONBLOCK);
 *   zsock_connect() -> EINPROGRESS; zsock_poll(POLLOUT, tmpl_left_ms(deadline));
 *   zsock_getsockopt(SO_ERROR); zsock_setsockopt(IPPROTO_TCP, TCP_NODELAY);
 *   zsock_freeaddrinfo(res).
 */
static wos_status tmpl_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline_ms)
{
    tmpl_tcp *t = ctx;
    (void)deadline_ms;
    if (t == NULL || host == NULL || host[0] == '\0' || port == 0u) {
        return WOS_ERR_INVALID_ARG;
    }
    if (t->sock >= 0) {
        return WOS_ERR_STATE; /* close first */
    }
    return WOS_ERR_NETWORK; /* not implemented yet */
}

/*
 * send: send up to len bytes by the deadline; report how many in *out_n.
 * Try once without waiting first, then wait for room until the deadline.
 * Never let a dead peer raise a signal (POSIX: MSG_NOSIGNAL; RTOS stacks
 * have no SIGPIPE).
 *
 * lwIP: port/lwip/.
 * FreeRTOS+TCP: set FREERTOS_SO_SNDTIMEO to the time left, then
 *   FreeRTOS_send(): > 0 bytes queued; -pdFREERTOS_ERRNO_ENOSPC (timeout
 *   before anything was queued) -> WOS_ERR_TIMEOUT; -pdFREERTOS_ERRNO_ENOTCONN
 *   -> WOS_ERR_CLOSED; other negatives -> WOS_ERR_NETWORK.
 * Zephyr: zsock_send(s, data, len, ZSOCK_MSG_DONTWAIT); EAGAIN -> zsock_poll(POLLOUT).
 */
static wos_status tmpl_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline_ms,
                            size_t *out_n)
{
    tmpl_tcp *t = ctx;
    (void)deadline_ms;
    if (out_n != NULL) {
        *out_n = 0;
    }
    if (t == NULL || data == NULL || len == 0u || out_n == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    return t->sock < 0 ? WOS_ERR_STATE : WOS_ERR_NETWORK;
}

/*
 * recv: return as soon as at least one byte is there, up to cap bytes.
 * 0 bytes from the stack means the peer closed: WOS_ERR_CLOSED.
 *
 * lwIP: port/lwip/.
 * FreeRTOS+TCP: set FREERTOS_SO_RCVTIMEO to the time left; FreeRTOS_recv():
 *   > 0 bytes; 0 -> WOS_ERR_TIMEOUT; -pdFREERTOS_ERRNO_ENOTCONN -> CLOSED
 *   (the peer sent FIN); other negatives -> NETWORK.
 * Zephyr: zsock_recv(s, buf, cap, ZSOCK_MSG_DONTWAIT); EAGAIN -> zsock_poll(POLLIN).
 */
static wos_status tmpl_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline_ms, size_t *out_n)
{
    tmpl_tcp *t = ctx;
    (void)deadline_ms;
    if (out_n != NULL) {
        *out_n = 0;
    }
    if (t == NULL || buf == NULL || cap == 0u || out_n == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    return t->sock < 0 ? WOS_ERR_STATE : WOS_ERR_NETWORK;
}

/*
 * is_alive: never block. 1 when the idle connection is open with nothing
 * to read; 0 when the peer closed or reset it, or sent unasked bytes.
 * May be left NULL in the ops table: the client then assumes "alive" and
 * recovers when the next request fails.
 *
 * lwIP: port/lwip/ (a peek that would block means idle and open).
 * FreeRTOS+TCP: FreeRTOS_issocketconnected(s) == pdTRUE &&
 *   FreeRTOS_rx_size(s) == 0.
 * Zephyr: zsock_poll(POLLIN, timeout 0) == 0 -> 1; else
 *   zsock_recv(s, &byte, 1, ZSOCK_MSG_PEEK | ZSOCK_MSG_DONTWAIT): EAGAIN -> 1,
 *   anything else (0, a byte, an error) -> 0.
 */
static int tmpl_is_alive(void *ctx)
{
    (void)ctx;
    return 0; /* not implemented: never reuse a connection */
}

/*
 * close: release the socket; never fails, safe to call when closed.
 * FreeRTOS+TCP: FreeRTOS_shutdown(s, FREERTOS_SHUT_RDWR)
 * then FreeRTOS_closesocket(s) (the stack finishes the FIN handshake).
 * Zephyr: zsock_close(s).
 */
static void tmpl_close(void *ctx)
{
    tmpl_tcp *t = ctx;
    if (t != NULL && t->sock >= 0) {
        /* FreeRTOS_closesocket / zsock_close (t->sock) */
        t->sock = -1;
    }
}

static const wos_transport_ops tmpl_tcp_ops = {
    tmpl_connect, tmpl_send, tmpl_recv, tmpl_is_alive, tmpl_close,
};

wos_transport tmpl_tcp_transport(tmpl_tcp *t)
{
    wos_transport tr;
    if (t != NULL) {
        t->sock = -1;
    }
    tr.ops = &tmpl_tcp_ops;
    tr.ctx = t;
    return tr;
}

/*
 * now_ms: a monotonic millisecond clock that never wraps in the device's
 * lifetime. A 32-bit tick counter wraps (49.7 days at 1 kHz): extend it to
 * 64 bits by counting wraps (keep the last value; when the new one is
 * smaller, add 2^32), under a critical section if several tasks call it.
 *
 * FreeRTOS: xTaskGetTickCount() * portTICK_PERIOD_MS, extended as above
 *   (or use vTaskSetTimeOutState/xTaskCheckForTimeOut for the waits).
 * Zephyr: (uint64_t)k_uptime_get() — already 64-bit.
 * lwIP: wos_lwip_now_ms() (port/lwip/) is sys_now() extended to 64 bits.
 */
static uint64_t tmpl_now_ms(void *ctx)
{
    (void)ctx;
    return 0u; /* a clock that stands still is monotonic, and nothing times out */
}

static uint64_t tmpl_left_ms(uint64_t deadline_ms)
{
    uint64_t now = tmpl_now_ms(NULL);
    return deadline_ms > now ? deadline_ms - now : 0u;
}

/*
 * wall_clock_s: Unix seconds from an RTC or SNTP; WOS_ERR_STATE until it
 * has been set (at boot many RTCs read 1970 or 2000). May be NULL in the
 * platform when the board has no notion of time.
 * lwIP: the SNTP app's SNTP_SET_SYSTEM_TIME hook stores the time.
 * FreeRTOS+TCP: the time your SNTP client last set, advanced by now_ms().
 * Zephyr: clock_gettime(CLOCK_REALTIME, &ts) once an SNTP sync has set it.
 */
static wos_status tmpl_wall_clock_s(void *ctx, int64_t *out_unix_s)
{
    (void)ctx;
    if (out_unix_s == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    return WOS_ERR_STATE; /* not set yet */
}

/*
 * random: cryptographically strong bytes from a hardware TRNG; this seeds
 * the TLS DRBG, so a weak source breaks TLS. Never use rand().
 * STM32: HAL_RNG_GenerateRandomNumber(); nRF: the CryptoCell, through psa_generate_random();
 * ESP32: esp_fill_random() (with RF on, or bootloader_random_enable());
 * Zephyr: sys_csrand_get(buf, len) (needs an entropy driver);
 * FreeRTOS+TCP's ipconfigRAND32/xApplicationGetRandomNumber is NOT enough
 * unless it is backed by a TRNG.
 * No deadline bounds this call: a source that is not ready yet (a TRNG
 * warming up after boot) returns WOS_ERR_STATE rather than waiting.
 */
static wos_status tmpl_random(void *ctx, uint8_t *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    return WOS_ERR_STATE; /* no entropy source wired yet: TLS init will refuse */
}

/*
 * mbedTLS 4.x: there is no DRBG for the port to seed from random() and no
 * mbedtls_ssl_conf_rng(); TLS draws from PSA's generator. Route the TRNG
 * to it with one of these, enabled in the crypto configuration
 * (psa/crypto_config.h or TF_PSA_CRYPTO_CONFIG_FILE). Either makes
 * psa_crypto_init() fail with PSA_ERROR_INSUFFICIENT_ENTROPY while
 * tmpl_random() has none, and wos_tls_init() then returns WOS_ERR_STATE.
 * Built only with TMPL_MBEDTLS4 defined (this file has no mbedTLS
 * dependency otherwise).
 */
#if defined(TMPL_MBEDTLS4)
#include "mbedtls/platform.h"
#include "psa/crypto.h"

#if defined(MBEDTLS_PSA_DRIVER_GET_ENTROPY)
/* PSA keeps its own DRBG and reseeds it from here. */
int mbedtls_platform_get_entropy(psa_driver_get_entropy_flags_t flags, size_t *estimate_bits,
                                 unsigned char *output, size_t output_size)
{
    if (flags != 0u) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (tmpl_random(NULL, output, output_size) != WOS_OK) {
        return PSA_ERROR_INSUFFICIENT_ENTROPY;
    }
    *estimate_bits = 8u * output_size; /* a full-entropy TRNG only */
    return 0;
}
#elif defined(MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG)
/* Replaces PSA's DRBG: only for a fast generator of DRBG quality. */
psa_status_t mbedtls_psa_external_get_random(mbedtls_psa_external_random_context_t *context,
                                             uint8_t *output, size_t output_size,
                                             size_t *output_length)
{
    (void)context;
    if (tmpl_random(NULL, output, output_size) != WOS_OK) {
        return PSA_ERROR_INSUFFICIENT_ENTROPY;
    }
    *output_length = output_size;
    return PSA_SUCCESS;
}
#endif
#endif /* TMPL_MBEDTLS4 */

/*
 * sleep_until: block the calling task until now_ms() >= deadline (the
 * client waits here between retries); yield, never spin.
 * FreeRTOS: vTaskDelay(pdMS_TO_TICKS(tmpl_left_ms(deadline)) + 1) in a loop
 *   until the deadline has passed.
 * Zephyr: k_sleep(K_MSEC(tmpl_left_ms(deadline))) in a loop.
 * Bare metal lwIP: run sys_check_timeouts() and __WFI() until it has passed.
 */
static void tmpl_sleep_until(void *ctx, uint64_t deadline_ms)
{
    (void)ctx;
    (void)tmpl_left_ms(deadline_ms); /* with the real clock: loop while this is > 0 */
}

wos_platform tmpl_platform(void)
{
    wos_platform p;
    p.ctx = NULL;
    p.now_ms = tmpl_now_ms;
    p.wall_clock_s = tmpl_wall_clock_s;
    p.random = tmpl_random;
    p.sleep_until = tmpl_sleep_until;
    return p;
}
