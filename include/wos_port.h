/* SPDX-License-Identifier: MIT */
/**
 * @file wos_port.h
 * @brief The port layer: the only way the library reaches sockets, clocks
 * and entropy. A port supplies a transport (plain TCP, or TLS stacked on
 * TCP) and a platform (clock, entropy, sleep). Deadlines are absolute
 * values of the port's monotonic millisecond clock; every blocking call
 * returns by its deadline.
 *
 * Transport return convention (connect, send, recv):
 * - WOS_OK: bytes moved (`*out_n > 0` for send/recv), or connected.
 * - WOS_ERR_TIMEOUT: nothing moved by the deadline (would block past it).
 * - WOS_ERR_CLOSED: the peer closed the connection in an orderly way.
 * - WOS_ERR_NETWORK: the connection failed (reset, unreachable, name not
 *   resolved, truncated TLS stream).
 * - WOS_ERR_TLS / WOS_ERR_CERT_REJECTED: TLS transports only.
 * - WOS_ERR_INVALID_ARG / WOS_ERR_STATE: misuse (a NULL pointer or zero
 *   length; send/recv when not connected, connect when already connected).
 */
#ifndef WOS_PORT_H
#define WOS_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "wos_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Operations of a byte-stream transport.
 *
 * Example:
 * @snippet api_snippets.c port
 */
typedef struct wos_transport_ops {
    /**
     * @brief Open a connection to host:port, by the deadline.
     * @param[in,out] ctx The transport's ctx.
     * @param[in] host NUL-terminated host name or address literal.
     * @param[in] port TCP port.
     * @param[in] deadline_ms Absolute time of the platform's now_ms() by which to return.
     * @return WOS_OK connected; WOS_ERR_TIMEOUT; WOS_ERR_NETWORK (resolve or
     *         connect failed); WOS_ERR_TLS / WOS_ERR_CERT_REJECTED (TLS).
     */
    wos_status (*connect)(void *ctx, const char *host, uint16_t port, uint64_t deadline_ms);
    /**
     * @brief Send up to len bytes; may send fewer.
     * @param[in,out] ctx The transport's ctx.
     * @param[in] data The bytes.
     * @param[in] len How many (> 0).
     * @param[in] deadline_ms Absolute time of the platform's now_ms() by which to return.
     * @param[out] out_n Bytes sent, on WOS_OK.
     * @return WOS_OK with `*out_n` (> 0) bytes sent; WOS_ERR_TIMEOUT;
     *         WOS_ERR_CLOSED; WOS_ERR_NETWORK; WOS_ERR_TLS.
     */
    wos_status (*send)(void *ctx, const uint8_t *data, size_t len, uint64_t deadline_ms, size_t *out_n);
    /**
     * @brief Receive up to cap bytes; returns as soon as any are available.
     * Once the deadline has passed it moves nothing (WOS_ERR_TIMEOUT), even
     * when bytes are waiting: a peer that never stops sending must not
     * hold a call past its deadline.
     * @param[in,out] ctx The transport's ctx.
     * @param[out] buf Where the bytes go.
     * @param[in] cap Its size (> 0).
     * @param[in] deadline_ms Absolute time of the platform's now_ms() by which to return.
     * @param[out] out_n Bytes received, on WOS_OK.
     * @return WOS_OK with `*out_n` (> 0) bytes received; WOS_ERR_TIMEOUT;
     *         WOS_ERR_CLOSED (orderly end of stream); WOS_ERR_NETWORK
     *         (reset, or a TLS stream cut without close_notify); WOS_ERR_TLS.
     */
    wos_status (*recv)(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline_ms, size_t *out_n);
    /**
     * @brief Whether an idle open connection is still usable: no bytes
     * pending and not closed by the peer. Must not block. May be NULL:
     * the client then assumes it is usable; when it is not, the failed
     * send or receive closes it and the call reconnects at once (a read,
     * or a write none of which was sent) or within its retry budget.
     * @param[in,out] ctx The transport's ctx.
     * @return 1 usable, 0 closed or unusable.
     */
    int (*is_alive)(void *ctx);
    /**
     * @brief Close the connection (TLS: send close_notify first). Never fails; safe to call when closed.
     * @param[in,out] ctx The transport's ctx.
     */
    void (*close)(void *ctx);
} wos_transport_ops;

/** @brief A transport: its operations plus the state they act on. */
typedef struct wos_transport {
    const wos_transport_ops *ops; /**< Operations; never NULL in a valid transport. */
    void *ctx;                    /**< Passed to every operation. */
} wos_transport;

/** @brief Clock, entropy and sleep of the platform. */
typedef struct wos_platform {
    void *ctx; /**< Passed to every callback. */
    /**
     * @brief Monotonic milliseconds; never goes back. Required.
     * @param[in,out] ctx The platform's ctx.
     * @return Milliseconds since an arbitrary start.
     */
    uint64_t (*now_ms)(void *ctx);
    /**
     * @brief Wall clock in Unix seconds. May be NULL on boards without an RTC.
     * @param[in,out] ctx The platform's ctx.
     * @param[out] out_unix_s Seconds since 1970-01-01T00:00:00Z, on WOS_OK.
     * @return WOS_OK, or WOS_ERR_STATE when the time is not known yet.
     */
    wos_status (*wall_clock_s)(void *ctx, int64_t *out_unix_s);
    /**
     * @brief Fill buf with len cryptographically strong random bytes. Required.
     * @param[in,out] ctx The platform's ctx.
     * @param[out] buf Where the bytes go.
     * @param[in] len How many.
     * @return WOS_OK, or WOS_ERR_STATE when no entropy is available.
     */
    wos_status (*random)(void *ctx, uint8_t *buf, size_t len);
    /**
     * @brief Wait until the deadline (an RTOS yields here). Required.
     * @param[in,out] ctx The platform's ctx.
     * @param[in] deadline_ms Absolute time of now_ms() to wake at.
     */
    void (*sleep_until)(void *ctx, uint64_t deadline_ms);
} wos_platform;

#ifdef __cplusplus
}
#endif
#endif /* WOS_PORT_H */
