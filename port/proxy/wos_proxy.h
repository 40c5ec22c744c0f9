/* SPDX-License-Identifier: MIT */
/**
 * @file wos_proxy.h
 * @brief HTTP CONNECT proxy transport: stacks between a TCP transport and
 * wos_tls, so that HTTPS reaches the API through a gateway's proxy.
 *
 *     TCP (to the proxy) -> wos_proxy (CONNECT host:port) -> wos_tls -> client
 *
 * connect(host, port) opens the lower transport to the proxy, asks it for a
 * tunnel with `CONNECT host:port HTTP/1.1` (with Basic proxy credentials
 * when given), and reads the proxy's answer; every step is bounded by the
 * same deadline. Once the proxy answers 2xx the transport is a plain byte
 * pipe to host:port, and TLS verifies host exactly as without a proxy.
 * Portable C: no allocation, no libc beyond memcpy/strlen. Packaged as
 * wospipes::proxy (CMake), -lwospipes_proxy (wospipes.pc),
 * CONFIG_WOS_PIPES_PROXY_PORT (Zephyr); always in the ESP-IDF component
 * and the PlatformIO library.
 *
 * @snippet api_snippets.c proxy
 */
#ifndef WOS_PROXY_H
#define WOS_PROXY_H

#include <stdbool.h>
#include <stdint.h>

#include "wos_port.h"
#include "wos_str.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Longest proxy answer head (status line and headers) read, in bytes. */
#ifndef WOS_PROXY_MAX_HEAD
#define WOS_PROXY_MAX_HEAD 2048
#endif

/** @brief How to reach the proxy. Zero-initialise, then fill in. */
typedef struct wos_proxy_config {
    wos_transport lower; /**< Transport to the proxy (TCP); must be closed and outlive the wos_proxy. */
    const char *host;    /**< Proxy host name or address, NUL-terminated; must outlive the wos_proxy. */
    uint16_t port;       /**< Proxy port. */
    wos_str user;        /**< Basic proxy credentials: user (ptr NULL: send none). */
    wos_str password;    /**< Basic proxy credentials: password. */
} wos_proxy_config;

/** @brief One proxied connection, in caller memory. Members are private. */
typedef struct wos_proxy {
    wos_proxy_config cfg; /**< Copy of the configuration. */
    int status;           /**< The proxy's HTTP status for the last CONNECT; 0 when it gave none. */
    bool connected;       /**< A tunnel is open. */
} wos_proxy;

/**
 * @brief Check cfg and prepare p (closed).
 * @param[out] p Proxy state; must not be NULL.
 * @param[in] cfg Configuration; copied.
 * @return WOS_OK; WOS_ERR_INVALID_ARG for a NULL p/cfg, a lower transport
 *         without ops, an empty proxy host, port 0, a password without a
 *         user, or credentials with CR, LF or NUL.
 */
wos_status wos_proxy_init(wos_proxy *p, const wos_proxy_config *cfg);

/**
 * @brief The transport of p (initialised by wos_proxy_init()).
 *
 * connect returns WOS_OK once the proxy answered 2xx; WOS_ERR_TIMEOUT when
 * the deadline passed (connecting, sending CONNECT or waiting for the
 * answer); WOS_ERR_NETWORK when the proxy cannot be reached, closed the
 * connection, answered something that is not HTTP or a head longer than
 * WOS_PROXY_MAX_HEAD, or refused the tunnel (any non-2xx status: read it
 * with wos_proxy_last_status(), e.g. 407 for missing or wrong credentials);
 * WOS_ERR_INVALID_ARG for a host with CR, LF, NUL or space, or longer than
 * 255 bytes; WOS_ERR_STATE when already connected. On failure the lower
 * transport is closed. send, recv, is_alive and close are the lower
 * transport's.
 * @param[in] p Proxy state; must outlive the transport.
 * @return The transport {ops, p}.
 */
wos_transport wos_proxy_transport(wos_proxy *p);

/**
 * @brief The HTTP status the proxy gave for the last CONNECT (200 when the
 * tunnel opened), or 0 when it gave none (unreachable, timeout, not HTTP).
 * @param[in] p Proxy state; may be NULL (0).
 * @return The status.
 */
int wos_proxy_last_status(const wos_proxy *p);

#ifdef __cplusplus
}
#endif
#endif /* WOS_PROXY_H */
