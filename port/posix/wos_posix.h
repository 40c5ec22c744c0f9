/* SPDX-License-Identifier: MIT */
/**
 * @file wos_posix.h
 * @brief POSIX port: a plain TCP transport and a platform (clock, entropy,
 * sleep) for Linux and other POSIX hosts.
 *
 * The plain TCP transport carries bytes in clear text. It exists for
 * loopback tests and as the lower layer under wos_tls; a client uses it on
 * its own only when the base URL is explicitly `http://`. Talking to the
 * Pipes API always goes through TLS.
 *
 * Deadlines are absolute values of wos_posix_now_ms() (CLOCK_MONOTONIC),
 * the same clock wos_posix_platform() reports, so one platform drives both.
 */
#ifndef WOS_POSIX_H
#define WOS_POSIX_H

#include <stdint.h>

#include "wos_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief State of one TCP connection, in caller memory. Members are private;
 * read last_errno only for diagnostics.
 */
typedef struct wos_posix_tcp {
    int fd;         /**< Socket, or -1 when closed. */
    int last_errno; /**< errno of the last failure (0 when none); never part of any message. */
} wos_posix_tcp;

/**
 * @brief Prepare t (closed) and return a transport acting on it.
 *
 * Call once per wos_posix_tcp before use; calling it again on an open
 * connection forgets that socket, so close first. t must outlive the
 * returned transport.
 *
 * The operations behave as wos_transport_ops describes, and:
 * - connect resolves host with getaddrinfo (IPv4 and IPv6) and tries each
 *   address in turn until one connects or the deadline passes. Name
 *   resolution itself is not bounded by the deadline (getaddrinfo has no
 *   timeout; its own allocation happens inside libc). Returns
 *   WOS_ERR_INVALID_ARG for a NULL or empty host or port 0, and
 *   WOS_ERR_STATE when t is already connected.
 * - send never raises SIGPIPE; a peer that has gone gives WOS_ERR_CLOSED
 *   (EPIPE) or WOS_ERR_NETWORK (reset).
 * - send and recv try once before waiting, so data already buffered moves
 *   even when the deadline has passed; they return WOS_ERR_INVALID_ARG for
 *   NULL pointers or a zero length, and WOS_ERR_STATE when not connected.
 * - is_alive never blocks: 0 when the peer closed, reset, or sent bytes
 *   nobody asked for.
 * @param[in,out] t Connection state; must not be NULL.
 * @return The transport {ops, t}.
 */
wos_transport wos_posix_tcp_transport(wos_posix_tcp *t);

/**
 * @brief The POSIX platform: CLOCK_MONOTONIC milliseconds, the wall clock
 * from CLOCK_REALTIME, entropy from getrandom() (falling back to
 * /dev/urandom) and nanosleep-based sleep_until. Its ctx is NULL.
 *
 * wall_clock_s returns WOS_ERR_STATE when the clock reads before
 * 2020-01-01, which is how an embedded Linux board without an RTC looks
 * before NTP has set it. random returns WOS_ERR_STATE when neither source
 * gives bytes.
 * @return The platform; never fails.
 */
wos_platform wos_posix_platform(void);

/**
 * @brief CLOCK_MONOTONIC in milliseconds: the clock of every POSIX deadline.
 * @return Milliseconds since an arbitrary start; never goes back.
 */
uint64_t wos_posix_now_ms(void);

#ifdef __cplusplus
}
#endif
#endif /* WOS_POSIX_H */
