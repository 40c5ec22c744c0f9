/* SPDX-License-Identifier: MIT */
/* POSIX TCP transport: non-blocking sockets, every wait bounded by poll(). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include "wos_posix.h"
#include "wos_posix_resolve_internal.h"

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0 /* BSD/macOS: SO_NOSIGPIPE is set on the socket instead */
#endif

/* Wait for events on fd until the deadline. WOS_OK: ready (or an error is
 * pending, which the retried call then reports). */
static wos_status wait_fd(wos_posix_tcp *t, short events, uint64_t deadline_ms)
{
    for (;;) {
        struct pollfd p;
        uint64_t now = wos_posix_now_ms();
        uint64_t left = deadline_ms > now ? deadline_ms - now : 0u;
        int rc;
        p.fd = t->fd;
        p.events = events;
        p.revents = 0;
        rc = poll(&p, 1, left > (uint64_t)INT_MAX ? INT_MAX : (int)left);
        if (rc > 0) {
            return WOS_OK;
        }
        if (rc == 0 && left == 0u) {
            return WOS_ERR_TIMEOUT;
        }
        if (rc < 0 && errno != EINTR) {
            t->last_errno = errno;
            return WOS_ERR_NETWORK;
        }
        /* EINTR, or poll woke before the millisecond clock reached the deadline. */
    }
}

/* Non-blocking is what keeps every wait under poll(): without it, fail. */
static int tune_socket(int fd)
{
    int one = 1, flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
        return -1;
    }
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
    (void)setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
    return 0;
}

/* Connect to one resolved address; on success t->fd holds the socket. */
static wos_status connect_one(wos_posix_tcp *t, const wos_posix_addr *ai, uint64_t deadline_ms)
{
    wos_status st = WOS_OK;
    int err = 0;
    socklen_t len = sizeof err;
    t->fd = socket(ai->family, ai->socktype, ai->protocol);
    if (t->fd < 0) {
        t->last_errno = errno;
        return WOS_ERR_NETWORK;
    }
    if (tune_socket(t->fd) != 0) {
        err = errno;
    } else if (connect(t->fd, &ai->addr.sa, ai->len) != 0) {
        if (errno != EINPROGRESS && errno != EINTR) {
            err = errno;
        } else {
            st = wait_fd(t, POLLOUT, deadline_ms);
            if (st == WOS_OK && getsockopt(t->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) {
                err = errno;
            }
        }
    }
    if (st == WOS_OK && err != 0) {
        t->last_errno = err;
        st = WOS_ERR_NETWORK;
    }
    if (st != WOS_OK) {
        (void)close(t->fd);
        t->fd = -1;
    }
    return st;
}

static wos_status tcp_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline_ms)
{
    wos_posix_tcp *t = ctx;
    wos_posix_addrs addrs;
    wos_status st;
    size_t i;
    if (t == NULL || host == NULL || host[0] == '\0' || port == 0u) {
        return WOS_ERR_INVALID_ARG;
    }
    if (t->fd >= 0) {
        return WOS_ERR_STATE;
    }
    t->last_errno = 0;
    st = wos_posix_resolve(host, port, deadline_ms, &addrs, &t->last_errno);
    if (st != WOS_OK) {
        return st; /* addrs.count >= 1 from here on */
    }
    for (i = 0; i < addrs.count; i++) {
        st = connect_one(t, &addrs.a[i], deadline_ms);
        if (st == WOS_OK || st == WOS_ERR_TIMEOUT) {
            break; /* a timeout spent the whole deadline: no time for the next address */
        }
    }
    return st;
}

/* Status of a failed send/recv errno. */
static wos_status io_error(wos_posix_tcp *t, int err)
{
    t->last_errno = err;
    return err == EPIPE ? WOS_ERR_CLOSED : WOS_ERR_NETWORK;
}

static wos_status tcp_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline_ms,
                           size_t *out_n)
{
    wos_posix_tcp *t = ctx;
    if (out_n != NULL) {
        *out_n = 0;
    }
    if (t == NULL || data == NULL || len == 0u || out_n == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (t->fd < 0) {
        return WOS_ERR_STATE;
    }
    for (;;) {
        ssize_t n = send(t->fd, data, len, MSG_NOSIGNAL);
        if (n > 0) {
            *out_n = (size_t)n;
            return WOS_OK;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            wos_status st = wait_fd(t, POLLOUT, deadline_ms);
            if (st != WOS_OK) {
                return st;
            }
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return io_error(t, n < 0 ? errno : EIO);
        }
    }
}

static wos_status tcp_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline_ms, size_t *out_n)
{
    wos_posix_tcp *t = ctx;
    if (out_n != NULL) {
        *out_n = 0;
    }
    if (t == NULL || buf == NULL || cap == 0u || out_n == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (t->fd < 0) {
        return WOS_ERR_STATE;
    }
    for (;;) {
        ssize_t n;
        /* Checked before every read, not only before waiting: a peer that
         * keeps the socket readable (an alert flood under TLS) would
         * otherwise hold the call past its deadline. */
        if (wos_posix_now_ms() >= deadline_ms) {
            return WOS_ERR_TIMEOUT;
        }
        n = recv(t->fd, buf, cap, 0);
        if (n > 0) {
            *out_n = (size_t)n;
            return WOS_OK;
        }
        if (n == 0) {
            return WOS_ERR_CLOSED;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            wos_status st = wait_fd(t, POLLIN, deadline_ms);
            if (st != WOS_OK) {
                return st;
            }
        } else if (errno != EINTR) {
            return io_error(t, errno);
        }
    }
}

static int tcp_is_alive(void *ctx)
{
    wos_posix_tcp *t = ctx;
    struct pollfd p;
    uint8_t byte;
    ssize_t n;
    if (t == NULL || t->fd < 0) {
        return 0;
    }
    p.fd = t->fd;
    p.events = POLLIN;
    p.revents = 0;
    if (poll(&p, 1, 0) == 0) {
        return 1; /* nothing to read: idle and open */
    }
    if ((p.revents & (POLLERR | POLLNVAL)) != 0) {
        return 0;
    }
    /* Readable: end of stream, an error, or unexpected bytes all mean unusable. */
    n = recv(t->fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
}

static void tcp_close(void *ctx)
{
    wos_posix_tcp *t = ctx;
    if (t != NULL && t->fd >= 0) {
        (void)close(t->fd);
        t->fd = -1;
    }
}

static const wos_transport_ops tcp_ops = {
    tcp_connect, tcp_send, tcp_recv, tcp_is_alive, tcp_close,
};

wos_transport wos_posix_tcp_transport(wos_posix_tcp *t)
{
    wos_transport tr;
    if (t != NULL) {
        t->fd = -1;
        t->last_errno = 0;
    }
    tr.ops = &tcp_ops;
    tr.ctx = t;
    return tr;
}
