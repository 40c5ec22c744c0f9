/* SPDX-License-Identifier: MIT */
/* POSIX port: TCP transport against a listener thread on 127.0.0.1, and the platform. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "support.h"
#include "wos_posix.h"

#define LONG_MS 10000u /* generous: only reached if the code under test is broken */
#define SHORT_MS 50u   /* a deadline meant to expire */
/* A call must end by its deadline; this is scheduling slack on a loaded
 * machine, not a speed goal. */
#define BOUND_SLACK_MS 1000u
#define DNS_MS 300u                  /* a deadline for a lookup that never ends */
#define SILENT_NAME "pipes.silent.test" /* in no hosts file: asks the DNS server */

typedef struct fixture {
    test_listener listener;
    wos_posix_tcp tcp;
    wos_transport tr;
    int reserved_fd;
    silent_resolver dns;
} fixture;

static fixture fx;

static uint64_t in_ms(uint64_t ms)
{
    return wos_posix_now_ms() + ms;
}

static int setup(void **state)
{
    memset(&fx, 0, sizeof fx);
    fx.reserved_fd = -1;
    fx.tr = wos_posix_tcp_transport(&fx.tcp);
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fx.tr.ops->close(fx.tr.ctx);
    listener_stop(&fx.listener);
    silent_resolver_stop(&fx.dns);
    if (fx.reserved_fd >= 0) {
        (void)close(fx.reserved_fd);
    }
    return 0;
}

static void start(listen_mode mode)
{
    assert_int_equal(listener_start(&fx.listener, mode), 0);
}

static void connect_to(const char *host)
{
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, host, fx.listener.port, in_ms(LONG_MS)), WOS_OK);
    assert_true(fx.tcp.fd >= 0);
}

/* Send all of data and read the same number of bytes back. */
static void round_trip(const uint8_t *data, size_t len, uint8_t *back)
{
    size_t off = 0, n;
    while (off < len) {
        assert_int_equal(fx.tr.ops->send(fx.tr.ctx, data + off, len - off, in_ms(LONG_MS), &n), WOS_OK);
        assert_true(n > 0 && n <= len - off);
        off += n;
    }
    for (off = 0; off < len; off += n) {
        assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, back + off, len - off, in_ms(LONG_MS), &n), WOS_OK);
        assert_true(n > 0 && n <= len - off);
    }
}

static void connect_send_recv(void **state)
{
    static const uint8_t msg[] = "GET / HTTP/1.1\r\n\r\n";
    uint8_t back[sizeof msg + 4];
    (void)state;
    start(LISTEN_ECHO);
    connect_to("127.0.0.1");
    memset(back, 0xA5, sizeof back);
    round_trip(msg, sizeof msg, back);
    assert_memory_equal(back, msg, sizeof msg);
    assert_memory_equal(back + sizeof msg, "\xA5\xA5\xA5\xA5", 4); /* guard bytes */
}

static void large_transfer_in_pieces(void **state)
{
    static uint8_t out[256 * 1024], back[sizeof out];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof out; i++) {
        out[i] = (uint8_t)(i * 31u + 7u);
    }
    start(LISTEN_ECHO);
    connect_to("127.0.0.1");
    /* Interleave so neither side's socket buffer has to hold everything. */
    for (i = 0; i < sizeof out; i += 16384) {
        round_trip(out + i, 16384, back + i);
    }
    assert_memory_equal(back, out, sizeof out);
}

static void resolves_localhost(void **state)
{
    static const uint8_t msg[] = "via localhost";
    uint8_t back[sizeof msg];
    (void)state;
    start(LISTEN_ECHO);
    connect_to("localhost");
    round_trip(msg, sizeof msg, back);
    assert_memory_equal(back, msg, sizeof msg);
}

static void recv_deadline_gives_timeout(void **state)
{
    uint8_t buf[16];
    size_t n = 99;
    (void)state;
    start(LISTEN_HOLD);
    connect_to("127.0.0.1");
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, in_ms(SHORT_MS), &n), WOS_ERR_TIMEOUT);
    assert_int_equal(n, 0);
    /* A deadline already in the past still gives a clean timeout. */
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, 0u, &n), WOS_ERR_TIMEOUT);
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 1); /* a timeout does not break the connection */
}

/* Bytes already buffered are not handed out once the deadline has passed:
 * a peer that keeps the socket readable must not hold a call past it. */
static void recv_after_the_deadline_moves_nothing(void **state)
{
    static const uint8_t msg[] = "buffered";
    uint8_t back[sizeof msg];
    struct pollfd p;
    size_t n = 99;
    (void)state;
    start(LISTEN_ECHO);
    connect_to("127.0.0.1");
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, msg, sizeof msg, in_ms(LONG_MS), &n), WOS_OK);
    assert_int_equal(n, sizeof msg);
    p.fd = fx.tcp.fd;
    p.events = POLLIN;
    p.revents = 0;
    assert_int_equal(poll(&p, 1, (int)LONG_MS), 1); /* the echo is waiting */
    n = 99;
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, back, sizeof back, wos_posix_now_ms() - 1u, &n),
                     WOS_ERR_TIMEOUT);
    assert_int_equal(n, 0);
    /* Still there for a call with time left: a timeout broke nothing. */
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, back, sizeof back, in_ms(LONG_MS), &n), WOS_OK);
    assert_int_equal(n, sizeof msg);
    assert_memory_equal(back, msg, sizeof msg);
}

static void send_deadline_gives_timeout(void **state)
{
    static uint8_t chunk[65536];
    wos_status st = WOS_OK;
    size_t n, rounds;
    (void)state;
    start(LISTEN_HOLD); /* never reads: the socket buffers fill up */
    connect_to("127.0.0.1");
    for (rounds = 0; rounds < 100000u && st == WOS_OK; rounds++) {
        st = fx.tr.ops->send(fx.tr.ctx, chunk, sizeof chunk, in_ms(SHORT_MS), &n);
    }
    assert_int_equal(st, WOS_ERR_TIMEOUT);
    assert_int_equal(n, 0);
}

static void peer_close_gives_closed(void **state)
{
    uint8_t buf[16];
    size_t n = 99;
    (void)state;
    start(LISTEN_CLOSE);
    connect_to("127.0.0.1");
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, in_ms(LONG_MS), &n), WOS_ERR_CLOSED);
    assert_int_equal(n, 0);
}

static void is_alive_follows_the_peer(void **state)
{
    struct pollfd p;
    (void)state;
    start(LISTEN_CLOSE);
    connect_to("127.0.0.1");
    /* Wait (without reading) until the peer's FIN has arrived. */
    p.fd = fx.tcp.fd;
    p.events = POLLIN;
    p.revents = 0;
    assert_int_equal(poll(&p, 1, (int)LONG_MS), 1);
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
    fx.tr.ops->close(fx.tr.ctx);
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
}

static void is_alive_on_an_idle_connection(void **state)
{
    (void)state;
    start(LISTEN_HOLD);
    connect_to("127.0.0.1");
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 1);
}

static void is_alive_is_0_with_unread_bytes(void **state)
{
    static const uint8_t msg[] = "x";
    struct pollfd p;
    size_t n;
    (void)state;
    start(LISTEN_ECHO);
    connect_to("127.0.0.1");
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, msg, 1, in_ms(LONG_MS), &n), WOS_OK);
    p.fd = fx.tcp.fd;
    p.events = POLLIN;
    p.revents = 0;
    assert_int_equal(poll(&p, 1, (int)LONG_MS), 1); /* the echo is waiting */
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
}

static void send_to_a_gone_peer_fails_without_sigpipe(void **state)
{
    static const uint8_t msg[1024] = {0};
    wos_platform plat = wos_posix_platform();
    wos_status st = WOS_OK;
    size_t n, i;
    (void)state;
    start(LISTEN_CLOSE);
    connect_to("127.0.0.1");
    /* The first sends may still be accepted; once the reset is back they
     * fail, first with ECONNRESET, then with EPIPE. Without MSG_NOSIGNAL the
     * EPIPE would kill the process with SIGPIPE here. */
    for (i = 0; i < 1000u && st == WOS_OK; i++) {
        st = fx.tr.ops->send(fx.tr.ctx, msg, sizeof msg, in_ms(LONG_MS), &n);
        plat.sleep_until(plat.ctx, in_ms(2u));
    }
    assert_true(st == WOS_ERR_CLOSED || st == WOS_ERR_NETWORK);
    assert_int_not_equal(fx.tcp.last_errno, 0);
    for (i = 0; i < 3u; i++) {
        st = fx.tr.ops->send(fx.tr.ctx, msg, sizeof msg, in_ms(LONG_MS), &n);
        assert_true(st == WOS_ERR_CLOSED || st == WOS_ERR_NETWORK);
    }
    assert_int_equal(st, WOS_ERR_CLOSED); /* EPIPE by now: the peer is gone */
}

static void closed_port_gives_network(void **state)
{
    uint16_t port;
    (void)state;
    port = reserve_closed_port(&fx.reserved_fd);
    assert_int_not_equal(port, 0);
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, "127.0.0.1", port, in_ms(LONG_MS)), WOS_ERR_NETWORK);
    assert_int_equal(fx.tcp.fd, -1);
    assert_int_not_equal(fx.tcp.last_errno, 0);
}

static void bad_arguments_and_states(void **state)
{
    uint8_t buf[4];
    size_t n = 99;
    (void)state;
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, NULL, 80, in_ms(LONG_MS)), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, "", 80, in_ms(LONG_MS)), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, "127.0.0.1", 0, in_ms(LONG_MS)), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->connect(NULL, "127.0.0.1", 80, in_ms(LONG_MS)), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, buf, sizeof buf, in_ms(LONG_MS), &n), WOS_ERR_STATE);
    assert_int_equal(n, 0);
    n = 99;
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, in_ms(LONG_MS), &n), WOS_ERR_STATE);
    assert_int_equal(n, 0);
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
    start(LISTEN_HOLD);
    connect_to("127.0.0.1");
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, "127.0.0.1", fx.listener.port, in_ms(LONG_MS)),
                     WOS_ERR_STATE);
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, NULL, 1, in_ms(LONG_MS), &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, buf, 0, in_ms(LONG_MS), &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, buf, 1, in_ms(LONG_MS), NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, NULL, 1, in_ms(LONG_MS), &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, 0, in_ms(LONG_MS), &n), WOS_ERR_INVALID_ARG);
    fx.tr.ops->close(fx.tr.ctx);
    fx.tr.ops->close(fx.tr.ctx); /* safe when closed */
    assert_int_equal(fx.tcp.fd, -1);
}

static void reconnect_after_close(void **state)
{
    static const uint8_t msg[] = "again";
    uint8_t back[sizeof msg];
    (void)state;
    start(LISTEN_ECHO);
    connect_to("127.0.0.1");
    fx.tr.ops->close(fx.tr.ctx);
    connect_to("127.0.0.1");
    round_trip(msg, sizeof msg, back);
    assert_memory_equal(back, msg, sizeof msg);
}

/* ---- name resolution bounded by the deadline ---------------------------- */

static void start_silent_resolver(void)
{
    char why[200];
    if (silent_resolver_start(&fx.dns, why, sizeof why) != 0) {
        print_message("skipped: no resolver that never answers here (%s)\n", why);
        skip();
    }
}

/* Connect to SILENT_NAME with deadline ms: a timeout, by the deadline. */
static void lookup_times_out(uint64_t ms)
{
    uint64_t start = wos_posix_now_ms(), took;
    wos_status st = fx.tr.ops->connect(fx.tr.ctx, SILENT_NAME, 443, in_ms(ms));
    took = wos_posix_now_ms() - start;
    if (st != WOS_ERR_TIMEOUT || took >= ms + BOUND_SLACK_MS) {
        print_message("lookup with a %llu ms deadline: status %d after %llu ms\n",
                      (unsigned long long)ms, (int)st, (unsigned long long)took);
    }
    assert_int_equal(st, WOS_ERR_TIMEOUT);
    assert_true(took < ms + BOUND_SLACK_MS);
    assert_int_equal(fx.tcp.fd, -1);
}

/* Lookups given up at their deadline end in the background once the
 * resolver library gives up (SILENT_RESOLVER_S): wait for that, so that one
 * test's leftovers do not count in the next. */
static void wait_for_lookups_to_end(size_t threads_before)
{
    uint64_t until = in_ms(SILENT_RESOLVER_S * 1000u * 4u + LONG_MS);
    while (threads_now() > threads_before && wos_posix_now_ms() < until) {
        poll(NULL, 0, 20);
    }
    assert_int_equal(threads_now(), threads_before);
}

static void silent_resolver_ends_at_the_deadline(void **state)
{
    size_t before = threads_now();
    uint64_t start, took;
    (void)state;
    start_silent_resolver();
    start = wos_posix_now_ms();
    lookup_times_out(DNS_MS);
    took = wos_posix_now_ms() - start;
    print_message("silent resolver: connect with a %u ms deadline returned after %llu ms\n",
                  DNS_MS, (unsigned long long)took);
    wait_for_lookups_to_end(before);
}

/* A forked child has none of its parent's lookup threads: their slots must
 * not stay taken there. 1 when the child resolved localhost and connected. */
static int child_resolves(uint16_t port)
{
    int status = 0;
    pid_t pid = fork();
    if (pid == 0) {
        wos_posix_tcp tcp;
        wos_transport tr = wos_posix_tcp_transport(&tcp);
        _exit(tr.ops->connect(tr.ctx, "localhost", port, in_ms(LONG_MS)) == WOS_OK ? 0 : 1);
    }
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

/* Lookups given up at their deadline keep running until the resolver
 * library gives up; no more than WOS_POSIX_RESOLVERS at once (then a lookup
 * waits for a slot until its deadline), and once they end, names resolve
 * again. */
static void abandoned_lookups_are_bounded(void **state)
{
    size_t before, i;
    (void)state;
    start(LISTEN_ECHO); /* its thread counts in before */
    before = threads_now();
    assert_true(before >= 2u);
    start_silent_resolver();
    for (i = 0; i < WOS_POSIX_RESOLVERS + 2u; i++) {
        lookup_times_out(SHORT_MS);
        /* One thread per lookup while slots are free, none after. */
        assert_int_equal(threads_now(),
                         before + (i < WOS_POSIX_RESOLVERS ? i + 1u : WOS_POSIX_RESOLVERS));
    }
    if (getenv("WOS_TEST_QEMU_USER") == NULL) {
        assert_true(child_resolves(fx.listener.port));
    } else {
        /* qemu-user aborts a fork() made while other threads run (its own
         * assertion); the check runs on every native lane. */
        printf("abandoned_lookups_are_bounded: fork check skipped under qemu-user\n");
    }
    wait_for_lookups_to_end(before);
    connect_to("localhost"); /* through a lookup thread again */
}

static void platform_clock_is_monotonic(void **state)
{
    wos_platform p = wos_posix_platform();
    uint64_t a, b, deadline;
    int i;
    (void)state;
    assert_non_null(p.now_ms);
    assert_non_null(p.sleep_until);
    a = p.now_ms(p.ctx);
    for (i = 0; i < 1000; i++) {
        b = p.now_ms(p.ctx);
        assert_true(b >= a);
        a = b;
    }
    deadline = a + 3u;
    p.sleep_until(p.ctx, deadline);
    assert_true(p.now_ms(p.ctx) >= deadline); /* sleep_until returns no earlier than its deadline */
    p.sleep_until(p.ctx, 0u);                 /* a past deadline returns at once */
}

static void platform_wall_clock(void **state)
{
    wos_platform p = wos_posix_platform();
    int64_t s = 0;
    (void)state;
    assert_non_null(p.wall_clock_s);
    assert_int_equal(p.wall_clock_s(p.ctx, &s), WOS_OK);
    assert_true(s >= 1577836800); /* 2020-01-01: the test host has a set clock */
    assert_int_equal(p.wall_clock_s(p.ctx, NULL), WOS_ERR_INVALID_ARG);
}

static void platform_random_fills(void **state)
{
    wos_platform p = wos_posix_platform();
    uint8_t a[64 + 4], b[64];
    size_t i, zeros = 0;
    (void)state;
    memset(a, 0, sizeof a);
    memset(a + 64, 0xA5, 4);
    assert_int_equal(p.random(p.ctx, a, 64), WOS_OK);
    assert_int_equal(p.random(p.ctx, b, sizeof b), WOS_OK);
    for (i = 0; i < 64; i++) {
        zeros += a[i] == 0;
    }
    assert_true(zeros < 16); /* a was all zeros; random bytes are rarely 0 */
    assert_memory_not_equal(a, b, sizeof b); /* two draws differ (2^-512 to fail by chance) */
    assert_memory_equal(a + 64, "\xA5\xA5\xA5\xA5", 4);
    assert_int_equal(p.random(p.ctx, a, 0), WOS_OK);
    assert_int_equal(p.random(p.ctx, NULL, 4), WOS_ERR_INVALID_ARG);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(connect_send_recv),
        T(large_transfer_in_pieces),
        T(resolves_localhost),
        T(recv_deadline_gives_timeout),
        T(recv_after_the_deadline_moves_nothing),
        T(send_deadline_gives_timeout),
        T(peer_close_gives_closed),
        T(is_alive_follows_the_peer),
        T(is_alive_on_an_idle_connection),
        T(is_alive_is_0_with_unread_bytes),
        T(send_to_a_gone_peer_fails_without_sigpipe),
        T(closed_port_gives_network),
        T(bad_arguments_and_states),
        T(reconnect_after_close),
        T(silent_resolver_ends_at_the_deadline),
        T(abandoned_lookups_are_bounded),
        T(platform_clock_is_monotonic),
        T(platform_wall_clock),
        T(platform_random_fills),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
