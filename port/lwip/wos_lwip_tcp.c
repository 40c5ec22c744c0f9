/* SPDX-License-Identifier: MIT */
/* lwIP TCP transport: non-blocking lwIP sockets, every wait bounded by lwip_poll/lwip_select. */
/* glibc hosts (the Linux test): SSIZE_MAX and in6_addr internals, as the lwIP unix port expects. */
#define _DEFAULT_SOURCE 1
#include <string.h>

#include "lwip/opt.h"
#include "lwip/sockets.h"
#include "lwip/sys.h"
#include "lwip/ip_addr.h"
#include "lwip/tcpip.h"
#if LWIP_DNS
#include "lwip/dns.h"
#endif

#include "wos_lwip.h"

#if !LWIP_SOCKET
#error "wos_lwip_tcp needs LWIP_SOCKET"
#endif

uint64_t wos_lwip_now_ms(void)
{
    /* sys_now() wraps every 2^32 ms; count the wraps. Callers share one clock. */
    static uint32_t last;
    static uint64_t high;
    uint32_t now = sys_now();
    if (now < last) {
        high += (uint64_t)1 << 32;
    }
    last = now;
    return high | now;
}

static int ms_left(uint64_t deadline_ms)
{
    uint64_t now = wos_lwip_now_ms();
    uint64_t left = deadline_ms > now ? deadline_ms - now : 0u;
    return left > 0x7FFFFFFFu ? 0x7FFFFFFF : (int)left;
}

/* Wait until fd is readable (or writable) or the deadline passes. */
static wos_status wait_fd(wos_lwip_tcp *t, int for_write, uint64_t deadline_ms)
{
    for (;;) {
        int left = ms_left(deadline_ms), rc;
#if LWIP_SOCKET_POLL
        struct pollfd p;
        p.fd = t->fd;
        p.events = (short)(for_write ? POLLOUT : POLLIN);
        p.revents = 0;
        rc = lwip_poll(&p, 1, left);
#else
        fd_set set;
        struct timeval tv;
        FD_ZERO(&set);
        FD_SET(t->fd, &set);
        tv.tv_sec = left / 1000;
        tv.tv_usec = (left % 1000) * 1000;
        rc = lwip_select(t->fd + 1, for_write ? NULL : &set, for_write ? &set : NULL, NULL, &tv);
#endif
        if (rc > 0) {
            return WOS_OK;
        }
        if (rc == 0 && left == 0) {
            return WOS_ERR_TIMEOUT;
        }
        if (rc < 0 && errno != EINTR) {
            t->last_err = errno;
            return WOS_ERR_NETWORK;
        }
    }
}

#if LWIP_DNS
/*
 * One pending lookup. lwIP keeps the callback argument until it answers or
 * gives up, seconds after a caller may have timed out and freed its
 * wos_lwip_tcp: so the argument is a slot of this static table, never the
 * caller's memory. All fields are guarded by the tcpip core lock.
 */
enum { SLOT_FREE, SLOT_WAITING, SLOT_FOUND, SLOT_FAILED, SLOT_ABANDONED };
typedef struct dns_slot {
    volatile int state;
    int sem_ok;
    sys_sem_t sem;
    ip_addr_t addr;
} dns_slot;
static dns_slot g_slots[WOS_LWIP_DNS_LOOKUPS];

/* Runs in the tcpip thread. An abandoned slot (its caller timed out) is freed here. */
static void dns_found(const char *name, const ip_addr_t *addr, void *arg)
{
    dns_slot *d = (dns_slot *)arg;
    (void)name;
    if (d->state == SLOT_ABANDONED) {
        d->state = SLOT_FREE;
        return;
    }
    if (d->state != SLOT_WAITING) {
        return;
    }
    if (addr != NULL) {
        ip_addr_copy(d->addr, *addr);
    }
    d->state = addr != NULL ? SLOT_FOUND : SLOT_FAILED;
    sys_sem_signal(&d->sem);
}

/* A free slot, marked waiting; NULL when all are taken. Called with the core lock held. */
static dns_slot *take_slot(void)
{
    size_t i;
    for (i = 0; i < WOS_LWIP_DNS_LOOKUPS; i++) {
        dns_slot *d = &g_slots[i];
        if (d->state != SLOT_FREE) {
            continue;
        }
        if (!d->sem_ok) {
            if (sys_sem_new(&d->sem, 0) != ERR_OK) {
                return NULL;
            }
            d->sem_ok = 1;
        }
        /* A signal left over from an earlier lookup only wakes the waiter,
         * which looks at the state again. */
        d->state = SLOT_WAITING;
        return d;
    }
    return NULL;
}

/* Wait for a free slot until the deadline (a few ms between looks). */
static dns_slot *wait_slot(uint64_t deadline_ms)
{
    for (;;) {
        dns_slot *d;
        LOCK_TCPIP_CORE();
        d = take_slot();
        UNLOCK_TCPIP_CORE();
        if (d != NULL || ms_left(deadline_ms) == 0) {
            return d;
        }
        sys_msleep(5);
    }
}

/* A lookup through lwIP's DNS client, waited for until the deadline. */
static wos_status resolve_name(wos_lwip_tcp *t, const char *host, ip_addr_t *out, uint64_t deadline_ms)
{
    err_t err;
    int state;
    dns_slot *d = wait_slot(deadline_ms);
    if (d == NULL) {
        return WOS_ERR_TIMEOUT;
    }
    LOCK_TCPIP_CORE();
    err = dns_gethostbyname(host, out, dns_found, d);
    if (err != ERR_INPROGRESS) {
        d->state = SLOT_FREE;
    }
    UNLOCK_TCPIP_CORE();
    if (err == ERR_OK) {
        return WOS_OK; /* cached, or a literal */
    }
    if (err != ERR_INPROGRESS) {
        t->last_err = err;
        return WOS_ERR_NETWORK;
    }
    for (;;) {
        int left = ms_left(deadline_ms);
        /* sys_arch_sem_wait: 0 waits forever, so an expired deadline polls once. */
        if (sys_arch_sem_wait(&d->sem, left > 0 ? (u32_t)left : 1u) == SYS_ARCH_TIMEOUT &&
            left == 0) {
            break;
        }
        if (d->state != SLOT_WAITING) {
            break;
        }
    }
    LOCK_TCPIP_CORE();
    state = d->state;
    if (state == SLOT_FOUND) {
        ip_addr_copy(*out, d->addr);
    }
    /* Still waiting: lwIP holds the slot until it answers; dns_found frees it then. */
    d->state = state == SLOT_WAITING ? SLOT_ABANDONED : SLOT_FREE;
    UNLOCK_TCPIP_CORE();
    if (state == SLOT_WAITING) {
        return WOS_ERR_TIMEOUT;
    }
    return state == SLOT_FOUND ? WOS_OK : WOS_ERR_NETWORK;
}
#endif

static wos_status resolve(wos_lwip_tcp *t, const char *host, ip_addr_t *out, uint64_t deadline_ms)
{
    if (ipaddr_aton(host, out)) {
        return WOS_OK;
    }
#if LWIP_DNS
    return resolve_name(t, host, out, deadline_ms);
#else
    (void)deadline_ms;
    t->last_err = 0;
    return WOS_ERR_NETWORK; /* no DNS client: literals only */
#endif
}

static void to_sockaddr(const ip_addr_t *a, uint16_t port, struct sockaddr_storage *ss, socklen_t *len)
{
    memset(ss, 0, sizeof *ss);
#if LWIP_IPV6
    if (IP_IS_V6(a)) {
        struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
        s6->sin6_family = AF_INET6;
        s6->sin6_port = lwip_htons(port);
        inet6_addr_from_ip6addr(&s6->sin6_addr, ip_2_ip6(a));
        *len = (socklen_t)sizeof *s6;
        return;
    }
#endif
    {
        struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
        s4->sin_family = AF_INET;
        s4->sin_port = lwip_htons(port);
        inet_addr_from_ip4addr(&s4->sin_addr, ip_2_ip4(a));
        *len = (socklen_t)sizeof *s4;
    }
}

static wos_status lw_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline_ms)
{
    wos_lwip_tcp *t = (wos_lwip_tcp *)ctx;
    struct sockaddr_storage ss;
    socklen_t len = 0, elen = (socklen_t)sizeof(int);
    ip_addr_t addr;
    int err = 0, one = 1;
    wos_status st;
    if (t == NULL || host == NULL || host[0] == '\0' || port == 0u) {
        return WOS_ERR_INVALID_ARG;
    }
    if (t->fd >= 0) {
        return WOS_ERR_STATE;
    }
    t->last_err = 0;
    st = resolve(t, host, &addr, deadline_ms);
    if (st != WOS_OK) {
        return st;
    }
    to_sockaddr(&addr, port, &ss, &len);
    t->fd = lwip_socket(ss.ss_family, SOCK_STREAM, 0);
    if (t->fd < 0) {
        t->last_err = errno;
        return WOS_ERR_NETWORK;
    }
    /* Non-blocking is what bounds every wait: without it, fail. */
    if (lwip_fcntl(t->fd, F_SETFL, O_NONBLOCK) != 0) {
        err = errno;
    } else {
        (void)lwip_setsockopt(t->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (lwip_connect(t->fd, (struct sockaddr *)&ss, len) != 0) {
            if (errno != EINPROGRESS) {
                err = errno;
            } else {
                st = wait_fd(t, 1, deadline_ms);
                if (st == WOS_OK && lwip_getsockopt(t->fd, SOL_SOCKET, SO_ERROR, &err, &elen) != 0) {
                    err = errno;
                }
            }
        }
    }
    if (st == WOS_OK && err != 0) {
        t->last_err = err;
        st = WOS_ERR_NETWORK;
    }
    if (st != WOS_OK) {
        (void)lwip_close(t->fd);
        t->fd = -1;
    }
    return st;
}

static wos_status io_error(wos_lwip_tcp *t, int err)
{
    t->last_err = err;
    return err == EPIPE || err == ENOTCONN ? WOS_ERR_CLOSED : WOS_ERR_NETWORK;
}

static wos_status check_io(wos_lwip_tcp *t, const void *p, size_t len, size_t *out_n)
{
    if (out_n != NULL) {
        *out_n = 0;
    }
    if (t == NULL || p == NULL || len == 0u || out_n == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    return t->fd < 0 ? WOS_ERR_STATE : WOS_OK;
}

static wos_status lw_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline_ms, size_t *out_n)
{
    wos_lwip_tcp *t = (wos_lwip_tcp *)ctx;
    wos_status st = check_io(t, data, len, out_n);
    while (st == WOS_OK) {
        ssize_t n = lwip_send(t->fd, data, len, MSG_DONTWAIT);
        if (n > 0) {
            *out_n = (size_t)n;
            return WOS_OK;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            st = wait_fd(t, 1, deadline_ms);
        } else if (n < 0 && errno != EINTR) {
            return io_error(t, errno);
        } else if (n == 0) {
            return io_error(t, EPIPE);
        }
    }
    return st;
}

static wos_status lw_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline_ms, size_t *out_n)
{
    wos_lwip_tcp *t = (wos_lwip_tcp *)ctx;
    wos_status st = check_io(t, buf, cap, out_n);
    while (st == WOS_OK) {
        ssize_t n = lwip_recv(t->fd, buf, cap, MSG_DONTWAIT);
        if (n > 0) {
            *out_n = (size_t)n;
            return WOS_OK;
        }
        if (n == 0) {
            return WOS_ERR_CLOSED;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            st = wait_fd(t, 0, deadline_ms);
        } else if (errno != EINTR) {
            return io_error(t, errno);
        }
    }
    return st;
}

static int lw_is_alive(void *ctx)
{
    wos_lwip_tcp *t = (wos_lwip_tcp *)ctx;
    uint8_t byte;
    ssize_t n;
    if (t == NULL || t->fd < 0) {
        return 0;
    }
    /* Nothing to read (EWOULDBLOCK) is the only usable state of an idle connection. */
    n = lwip_recv(t->fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

static void lw_close(void *ctx)
{
    wos_lwip_tcp *t = (wos_lwip_tcp *)ctx;
    if (t != NULL && t->fd >= 0) {
        (void)lwip_close(t->fd);
        t->fd = -1;
    }
}

static const wos_transport_ops k_lwip_ops = {lw_connect, lw_send, lw_recv, lw_is_alive, lw_close};

wos_transport wos_lwip_tcp_transport(wos_lwip_tcp *t)
{
    wos_transport tr;
    if (t != NULL) {
        memset(t, 0, sizeof *t);
        t->fd = -1;
    }
    tr.ops = &k_lwip_ops;
    tr.ctx = t;
    return tr;
}
