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

/** @brief Longest host name connect accepts (the DNS limit). */
#define WOS_POSIX_MAX_HOST 253

#ifndef WOS_POSIX_RESOLVERS
/**
 * @brief Name lookups the POSIX port runs at once, each on a thread of its
 * own (static slots of about 630 bytes each on x86-64). A lookup given up
 * at its deadline holds its slot until the system resolver gives up too.
 */
#define WOS_POSIX_RESOLVERS 4
#endif

#ifndef WOS_POSIX_MAX_ADDRS
/** @brief Addresses of one name that connect tries, in the resolver's order. */
#define WOS_POSIX_MAX_ADDRS 8
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
 *   address in turn (up to WOS_POSIX_MAX_ADDRS) until one connects or the
 *   deadline passes. Name resolution is bounded by the deadline too:
 *   getaddrinfo has no timeout, so it runs on a thread of its own that the
 *   call waits for until the deadline (WOS_ERR_TIMEOUT; the lookup ends in
 *   the background). At most WOS_POSIX_RESOLVERS lookups run at once, in
 *   static memory; when all are taken by lookups that do not end, connect
 *   waits for one until its deadline. Address literals need no thread.
 *   getaddrinfo allocates inside libc, and the thread's stack is libc's.
 *   Link with -pthread where libc needs it (glibc before 2.34). Returns
 *   WOS_ERR_INVALID_ARG for a NULL or empty host, a host longer than
 *   WOS_POSIX_MAX_HOST, or port 0, and WOS_ERR_STATE when t is already
 *   connected.
 * - send never raises SIGPIPE; a peer that has gone gives WOS_ERR_CLOSED
 *   (EPIPE) or WOS_ERR_NETWORK (reset).
 * - send tries once before waiting, so room already in the socket buffer
 *   is used even when the deadline has passed (a close_notify sent with a
 *   deadline of now still goes out). recv moves nothing once the deadline
 *   has passed, even when bytes are buffered: WOS_ERR_TIMEOUT, the bytes
 *   stay for the next call. Both return WOS_ERR_INVALID_ARG for NULL
 *   pointers or a zero length, and WOS_ERR_STATE when not connected.
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
 *
 * Early boot: getrandom() blocks until the kernel's random pool is first
 * initialised, and no deadline bounds that wait. random is called by
 * wos_tls_init() (the DRBG seed) and for each retry's jitter and each
 * Idempotency-Key, so on a board that starts the client right after boot
 * a call can be held past its deadline. Afterwards it never blocks. Linux
 * 5.4 and later initialise the pool within about a second of boot (CPU
 * jitter); older kernels on boards without a hardware RNG driver can take
 * minutes. Where that matters: enable the board's hwrng driver, or start
 * the client once getrandom(buf, 1, GRND_NONBLOCK) no longer fails with
 * EAGAIN. Reading /dev/urandom instead would not block, but before the
 * pool is initialised its bytes are predictable: never use it for keys.
 * (mbedTLS 3.x/4.x PSA crypto draws from getrandom() the same way.)
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
