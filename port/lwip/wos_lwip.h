/* SPDX-License-Identifier: MIT */
/**
 * @file wos_lwip.h
 * @brief lwIP port: a TCP transport over lwIP's sockets API (lwip_socket,
 * lwip_connect, lwip_send, lwip_recv), for boards whose TCP/IP stack is
 * lwIP (ESP-IDF, STM32Cube, many RTOS boards). Stack wos_tls on it for
 * HTTPS, exactly as on the POSIX transport.
 *
 * Needs an lwIP built with LWIP_SOCKET and LWIP_POLL (or
 * LWIP_SOCKET_SELECT), and NO_SYS == 0 (the sockets API needs the tcpip
 * thread). Names are resolved through lwIP's DNS client when LWIP_DNS is
 * on; without it only address literals (IPv4, and IPv6 when LWIP_IPV6)
 * are accepted.
 *
 * Deadlines are absolute values of wos_lwip_now_ms(), lwIP's sys_now()
 * widened to 64 bits: the platform the client uses must report the same
 * clock (its now_ms may simply return wos_lwip_now_ms()).
 */
#ifndef WOS_LWIP_H
#define WOS_LWIP_H

#include <stdint.h>

#include "lwip/opt.h"
#include "lwip/ip_addr.h"
#include "lwip/sys.h"

#include "wos_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief State of one lwIP TCP connection, in caller memory. Members are
 * private; read last_err only for diagnostics.
 */
typedef struct wos_lwip_tcp {
    int fd;              /**< lwIP socket, or -1 when closed. */
    int last_err;        /**< errno (or lwIP err_t for DNS) of the last failure; 0 when none. */
} wos_lwip_tcp;

/**
 * @brief Name lookups that may be pending at once (LWIP_DNS). lwIP cannot
 * cancel a lookup: one that timed out keeps its slot, in static memory of
 * the port, until lwIP answers or gives up, so the caller's wos_lwip_tcp
 * is never touched after connect returns. With every slot taken, connect
 * waits for one until its deadline.
 */
#ifndef WOS_LWIP_DNS_LOOKUPS
#define WOS_LWIP_DNS_LOOKUPS 4
#endif

/**
 * @brief Prepare t (closed) and return a transport acting on it.
 *
 * Call once per wos_lwip_tcp before use; t must outlive the transport.
 * The operations behave as wos_transport_ops describes, and:
 * - connect accepts an address literal, or (LWIP_DNS) a name resolved by
 *   lwIP's DNS client; the lookup and the TCP handshake are both bounded
 *   by the deadline (WOS_ERR_TIMEOUT). A name that does not resolve, or a
 *   name without LWIP_DNS, is WOS_ERR_NETWORK. WOS_ERR_INVALID_ARG for a
 *   NULL or empty host or port 0; WOS_ERR_STATE when already connected.
 * - send and recv try once before waiting (lwip_poll or lwip_select until
 *   the deadline); WOS_ERR_CLOSED for an orderly end of stream or a peer
 *   that has gone (EPIPE), WOS_ERR_NETWORK for a reset.
 * - is_alive never blocks: 0 when the peer closed, reset, or sent bytes
 *   nobody asked for.
 * @param t Connection state; must not be NULL.
 * @return The transport {ops, t}.
 */
wos_transport wos_lwip_tcp_transport(wos_lwip_tcp *t);

/**
 * @brief lwIP's millisecond clock (sys_now(), 32 bits) widened to 64 bits
 * so that it never wraps: the clock of every deadline of this port. Call
 * it at least once every 49 days (every client call does).
 * @return Milliseconds since an arbitrary start; never goes back.
 */
uint64_t wos_lwip_now_ms(void);

#ifdef __cplusplus
}
#endif
#endif /* WOS_LWIP_H */
