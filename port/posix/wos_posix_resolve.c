/* SPDX-License-Identifier: MIT */
/* Name resolution bounded by the caller's deadline.
 *
 * getaddrinfo() has no timeout: with a DNS server that never answers it
 * returns only when the resolver library gives up (resolv.conf timeout x
 * attempts x servers; 8 to 10 s with glibc's defaults). So the blocking call
 * runs on a short-lived thread of its own and the caller waits for it on a
 * condition variable (CLOCK_MONOTONIC, the deadline's clock) until its
 * deadline.
 *
 * Why not getaddrinfo_a(): it is glibc only (not musl, BSD or macOS), it
 * allocates its requests and threads itself, and gai_cancel() cannot stop a
 * lookup in progress, so an abandoned request must stay valid until it ends
 * anyway: the same problem, with the thread count left to glibc. Why not a
 * DNS client of our own: it would lose /etc/hosts, nsswitch, search domains
 * and mDNS.
 *
 * Memory: a static table of WOS_POSIX_RESOLVERS slots. A slot holds a copy
 * of the name and the addresses copied out of getaddrinfo's list (freed on
 * the lookup thread). No caller memory is ever handed to the thread, so a
 * caller whose deadline passes just walks away; the thread ends in the
 * background when the resolver library gives up, and frees the slot itself.
 * At most WOS_POSIX_RESOLVERS lookups (and threads) exist at once; when all
 * are taken (a DNS server that never answers, callers that keep retrying) a
 * new lookup waits for a slot until its deadline. getaddrinfo's allocation
 * and the thread's stack are libc's. Address literals skip all of this.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE 1

#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "wos_posix_resolve_internal.h"

enum { SLOT_FREE = 0, SLOT_BUSY, SLOT_DONE, SLOT_ABANDONED };

typedef struct slot {
    int state;
    int rc;  /* getaddrinfo's result, once SLOT_DONE */
    int err; /* errno when rc is EAI_SYSTEM */
    char host[WOS_POSIX_MAX_HOST + 1];
    char service[6];
    wos_posix_addrs addrs;
} slot;

/* All guarded by lock. A BUSY slot belongs to its waiting caller and its
 * thread; an ABANDONED one to its thread alone. */
static slot slots[WOS_POSIX_RESOLVERS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed; /* a lookup ended or a slot came free */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ready; /* changed is initialised */

/* changed waits on CLOCK_MONOTONIC, the deadline's clock. 1 when ready. */
static int init_changed(void)
{
    pthread_condattr_t a;
    int ok = 0;
    if (pthread_condattr_init(&a) != 0) {
        return 0;
    }
#if !defined(__APPLE__) /* macOS waits relative to now instead, see wait_until */
    if (pthread_condattr_setclock(&a, CLOCK_MONOTONIC) == 0)
#endif
    {
        ok = pthread_cond_init(&changed, &a) == 0;
    }
    (void)pthread_condattr_destroy(&a);
    return ok;
}

/* A forked child has none of the parent's lookup threads: their slots
 * would stay taken for good, and the lock or the condition variable may
 * be held by threads that are not there. Start afresh. */
static void forget_lookups_after_fork(void)
{
    memset(slots, 0, sizeof slots);
    (void)pthread_mutex_init(&lock, NULL);
    ready = init_changed();
}

static void init_once(void)
{
    ready = init_changed() && pthread_atfork(NULL, NULL, forget_lookups_after_fork) == 0;
}

/* With lock held: sleep until changed is signalled or the deadline passes
 * (or spuriously). Returns 0 without waiting when the deadline has passed. */
static int wait_until(uint64_t deadline_ms)
{
    struct timespec ts;
    uint64_t now = wos_posix_now_ms(), left;
    if (now >= deadline_ms) {
        return 0;
    }
    left = deadline_ms - now;
    if (left > 86400000u) {
        left = 86400000u; /* a day per round keeps the seconds in range */
    }
#if defined(__APPLE__)
    ts.tv_sec = (time_t)(left / 1000u);
    ts.tv_nsec = (long)((left % 1000u) * 1000000u);
    (void)pthread_cond_timedwait_relative_np(&changed, &lock, &ts);
#else
    (void)clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += (time_t)(left / 1000u);
    ts.tv_nsec += (long)((left % 1000u) * 1000000u);
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    (void)pthread_cond_timedwait(&changed, &lock, &ts);
#endif
    return 1;
}

static void port_text(uint16_t port, char out[6])
{
    char tmp[6];
    size_t n = 0, i;
    do {
        tmp[n++] = (char)('0' + port % 10u);
        port = (uint16_t)(port / 10u);
    } while (port != 0u);
    for (i = 0; i < n; i++) {
        out[i] = tmp[n - 1u - i];
    }
    out[n] = '\0';
}

/* The IPv4 and IPv6 addresses of res, in order, up to the table's size. */
static void keep_addrs(const struct addrinfo *res, wos_posix_addrs *out)
{
    const struct addrinfo *ai;
    out->count = 0;
    for (ai = res; ai != NULL && out->count < WOS_POSIX_MAX_ADDRS; ai = ai->ai_next) {
        wos_posix_addr *a = &out->a[out->count];
        if ((ai->ai_family != AF_INET && ai->ai_family != AF_INET6) ||
            ai->ai_addrlen > (socklen_t)sizeof a->addr) {
            continue;
        }
        a->family = ai->ai_family;
        a->socktype = ai->ai_socktype;
        a->protocol = ai->ai_protocol;
        a->len = ai->ai_addrlen;
        memcpy(&a->addr, ai->ai_addr, ai->ai_addrlen);
        out->count++;
    }
}

/* getaddrinfo into out; its result code (0: out->count >= 1). */
static int lookup_now(const char *host, const char *service, int flags, wos_posix_addrs *out,
                      int *out_errno)
{
    struct addrinfo hints, *res = NULL;
    int rc;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC; /* IPv4 and IPv6, in the resolver's order */
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV | flags;
    rc = getaddrinfo(host, service, &hints, &res);
    *out_errno = rc == EAI_SYSTEM ? errno : 0;
    out->count = 0;
    if (rc == 0) {
        keep_addrs(res, out);
        freeaddrinfo(res);
        rc = out->count > 0u ? 0 : EAI_FAMILY;
    }
    return rc;
}

static void *lookup_thread(void *arg)
{
    slot *s = arg;
    wos_posix_addrs found;
    int err = 0;
    /* s->host and s->service were written before this thread was created
     * and do not change while the slot is taken. */
    int rc = lookup_now(s->host, s->service, 0, &found, &err);
    (void)pthread_mutex_lock(&lock);
    if (s->state == SLOT_ABANDONED) {
        memset(s, 0, sizeof *s); /* SLOT_FREE: nobody waits for this one */
    } else {
        s->rc = rc;
        s->err = err;
        s->addrs = found;
        s->state = SLOT_DONE;
    }
    (void)pthread_cond_broadcast(&changed);
    (void)pthread_mutex_unlock(&lock);
    return NULL;
}

/* With lock held: a free slot, waiting for one until the deadline; NULL
 * when the deadline passes first (no lookup is started after it). */
static slot *take_slot(uint64_t deadline_ms)
{
    do {
        size_t i;
        if (wos_posix_now_ms() >= deadline_ms) {
            return NULL;
        }
        for (i = 0; i < WOS_POSIX_RESOLVERS; i++) {
            if (slots[i].state == SLOT_FREE) {
                return &slots[i];
            }
        }
    } while (wait_until(deadline_ms));
    return NULL;
}

/* With lock held: the lookup of s on a detached thread that takes no
 * signals (they stay with the application's threads). 0 or an errno. */
static int start_lookup(slot *s, const char *host, size_t len, const char *service)
{
    pthread_attr_t attr;
    pthread_t thread;
    sigset_t all, old;
    int rc;
    memcpy(s->host, host, len + 1u);
    memcpy(s->service, service, sizeof s->service);
    s->state = SLOT_BUSY;
    rc = pthread_attr_init(&attr);
    if (rc == 0) {
        rc = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        (void)sigfillset(&all);
        (void)pthread_sigmask(SIG_SETMASK, &all, &old);
        if (rc == 0) {
            rc = pthread_create(&thread, &attr, lookup_thread, s);
        }
        (void)pthread_sigmask(SIG_SETMASK, &old, NULL);
        (void)pthread_attr_destroy(&attr);
    }
    if (rc != 0) {
        memset(s, 0, sizeof *s);
    }
    return rc;
}

/* Lookup of a name on a thread, waited for until the deadline. */
static wos_status lookup_bounded(const char *host, size_t len, const char *service,
                                 uint64_t deadline_ms, wos_posix_addrs *out, int *out_errno)
{
    wos_status st = WOS_ERR_TIMEOUT;
    slot *s;
    int rc;
    (void)pthread_once(&once, init_once);
    if (!ready) {
        return WOS_ERR_NETWORK;
    }
    (void)pthread_mutex_lock(&lock);
    s = take_slot(deadline_ms);
    if (s != NULL && (rc = start_lookup(s, host, len, service)) != 0) {
        *out_errno = rc;
        st = WOS_ERR_NETWORK;
    } else if (s != NULL) {
        while (s->state == SLOT_BUSY && wait_until(deadline_ms)) {
        }
        if (s->state == SLOT_BUSY) {
            s->state = SLOT_ABANDONED; /* its thread frees it */
        } else {
            *out = s->addrs;
            *out_errno = s->err;
            st = s->rc == 0 ? WOS_OK : WOS_ERR_NETWORK;
            memset(s, 0, sizeof *s);
            (void)pthread_cond_broadcast(&changed); /* a slot came free */
        }
    }
    (void)pthread_mutex_unlock(&lock);
    return st;
}

wos_status wos_posix_resolve(const char *host, uint16_t port, uint64_t deadline_ms,
                             wos_posix_addrs *out, int *out_errno)
{
    char service[6];
    size_t len = strnlen(host, WOS_POSIX_MAX_HOST + 1u);
    int rc;
    *out_errno = 0;
    out->count = 0;
    if (len > WOS_POSIX_MAX_HOST) {
        return WOS_ERR_INVALID_ARG;
    }
    port_text(port, service);
    /* An address literal needs no lookup and never blocks: no thread. */
    rc = lookup_now(host, service, AI_NUMERICHOST, out, out_errno);
    if (rc == 0) {
        return WOS_OK;
    }
    if (rc != EAI_NONAME) {
        return WOS_ERR_NETWORK;
    }
    *out_errno = 0;
    return lookup_bounded(host, len, service, deadline_ms, out, out_errno);
}
