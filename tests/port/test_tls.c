/* SPDX-License-Identifier: MIT */
/* TLS transport against tests/port/tls_peer.py (python3 ssl) on 127.0.0.1,
 * with the PKI of tests/certs/make_certs.sh. The TLS runs over the POSIX TCP
 * transport, or over a test transport that wraps it. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "mbedtls/ssl.h"
#include "mbedtls/x509.h"

#include "support.h"
#include "wos_posix.h"
#include "wos_tls.h"

#define LONG_MS 20000u /* generous: only reached if the code under test is broken */
#define SHORT_MS 300u  /* a deadline meant to expire */
#define HOST "127.0.0.1"

/* A lower transport that counts calls and may pin the address it dials,
 * so a hostname other than 127.0.0.1 can be verified without resolving it. */
typedef struct wrap {
    wos_transport inner;
    const char *pin; /* dial this instead of the host, when set */
    int connects;
} wrap;

typedef struct fixture {
    test_peer peer;
    wos_posix_tcp tcp;
    wrap lower;
    wos_platform plat;
    wos_tls tls;
    wos_transport tr;
} fixture;

static fixture fx;
static uint8_t ca_pem[16384], ca_der[4096];
static size_t ca_pem_len, ca_der_len;

static wos_status wrap_connect(void *ctx, const char *host, uint16_t port, uint64_t d)
{
    wrap *w = ctx;
    w->connects++;
    return w->inner.ops->connect(w->inner.ctx, w->pin != NULL ? w->pin : host, port, d);
}
static wos_status wrap_send(void *ctx, const uint8_t *b, size_t n, uint64_t d, size_t *out)
{
    wrap *w = ctx;
    return w->inner.ops->send(w->inner.ctx, b, n, d, out);
}
static wos_status wrap_recv(void *ctx, uint8_t *b, size_t n, uint64_t d, size_t *out)
{
    wrap *w = ctx;
    return w->inner.ops->recv(w->inner.ctx, b, n, d, out);
}
static int wrap_is_alive(void *ctx)
{
    wrap *w = ctx;
    return w->inner.ops->is_alive(w->inner.ctx);
}
static void wrap_close(void *ctx)
{
    wrap *w = ctx;
    w->inner.ops->close(w->inner.ctx);
}
static const wos_transport_ops wrap_ops = {wrap_connect, wrap_send, wrap_recv, wrap_is_alive, wrap_close};

static uint64_t in_ms(uint64_t ms)
{
    return wos_posix_now_ms() + ms;
}

static int group_setup(void **state)
{
    char path[600];
    (void)state;
    if (cert_path(path, sizeof path, "ca.pem") != 0 ||
        read_file(path, ca_pem, sizeof ca_pem, &ca_pem_len) != 0 ||
        cert_path(path, sizeof path, "ca.der") != 0 ||
        read_file(path, ca_der, sizeof ca_der, &ca_der_len) != 0) {
        fprintf(stderr, "test PKI missing: run tests/certs/make_certs.sh\n");
        return -1;
    }
    return 0;
}

static int setup(void **state)
{
    (void)state;
    memset(&fx, 0, sizeof fx);
    fx.plat = wos_posix_platform();
    fx.lower.inner = wos_posix_tcp_transport(&fx.tcp);
    fx.tr = wos_tls_transport(&fx.tls);
    return 0;
}

/* Runs after failures too: the peer is always stopped and nothing leaks. */
static int teardown(void **state)
{
    heap_stats h;
    (void)state;
    heap_fail_nth(0);
    wos_tls_deinit(&fx.tls);
    peer_stop(&fx.peer);
    heap_get(&h);
    assert_int_equal(h.live_bytes, 0);
    assert_int_equal(h.live_blocks, 0);
    assert_int_equal(h.foreign_frees, 0);
    return 0;
}

/* Config trusting the test CA (PEM, with its NUL), over the counting wrapper. */
static wos_tls_config config(void)
{
    wos_tls_config c;
    wos_transport lower;
    memset(&c, 0, sizeof c);
    lower.ops = &wrap_ops;
    lower.ctx = &fx.lower;
    c.ca = ca_pem;
    c.ca_len = ca_pem_len + 1u;
    c.lower = lower;
    c.platform = &fx.plat;
    return c;
}

static void init_with(const wos_tls_config *c)
{
    assert_int_equal(wos_tls_init(&fx.tls, c), WOS_OK);
}

static void init_default(void)
{
    wos_tls_config c = config();
    init_with(&c);
}

/* Start the peer serving certs/<name>.pem; up to two more options (or NULL). */
static void start_peer2(const char *name, const char *mode, const char *opt1, const char *opt2)
{
    char cert[600], key[600], file[64];
    const char *args[] = {"--cert", cert, "--key", key, "--mode", mode, opt1, opt1 ? opt2 : NULL, NULL};
    snprintf(file, sizeof file, "%s.pem", name);
    assert_int_equal(cert_path(cert, sizeof cert, file), 0);
    snprintf(file, sizeof file, "%s.key", name);
    assert_int_equal(cert_path(key, sizeof key, file), 0);
    assert_int_equal(peer_start(&fx.peer, args), 0);
}

static void start_peer(const char *name, const char *mode, const char *opt)
{
    start_peer2(name, mode, opt, NULL);
}

static wos_status dial(const char *host, uint64_t ms)
{
    return fx.tr.ops->connect(fx.tr.ctx, host, fx.peer.port, in_ms(ms));
}

static void send_all(const uint8_t *data, size_t len)
{
    size_t off = 0, n;
    while (off < len) {
        assert_int_equal(fx.tr.ops->send(fx.tr.ctx, data + off, len - off, in_ms(LONG_MS), &n), WOS_OK);
        assert_true(n > 0 && n <= len - off);
        off += n;
    }
}

static void recv_exactly(uint8_t *buf, size_t len)
{
    size_t off, n;
    for (off = 0; off < len; off += n) {
        assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf + off, len - off, in_ms(LONG_MS), &n), WOS_OK);
        assert_true(n > 0 && n <= len - off);
    }
}

static void echo_round_trip(const char *msg)
{
    uint8_t back[256];
    size_t len = strlen(msg);
    assert_true(len + 4u <= sizeof back);
    memset(back, 0xA5, sizeof back);
    send_all((const uint8_t *)msg, len);
    recv_exactly(back, len);
    assert_memory_equal(back, msg, len);
    assert_memory_equal(back + len, "\xA5\xA5\xA5\xA5", 4); /* guard bytes */
}

static void expect_rejected(uint32_t flag)
{
    int err = 0;
    uint32_t flags = 0;
    assert_int_equal(dial(HOST, LONG_MS), WOS_ERR_CERT_REJECTED);
    wos_tls_last_error(&fx.tls, &err, &flags);
    assert_int_equal(err, MBEDTLS_ERR_X509_CERT_VERIFY_FAILED);
    assert_true((flags & flag) != 0u);
    assert_int_equal(fx.tcp.fd, -1); /* the lower transport was closed */
}

/* ---- handshake and data ------------------------------------------------ */

static void handshake_and_round_trip(void **state)
{
    (void)state;
    start_peer("server", "echo", NULL);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_false(wos_tls_resumed(&fx.tls));
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 1);
    echo_round_trip("GET /pipes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    fx.tr.ops->close(fx.tr.ctx);
    fx.tr.ops->close(fx.tr.ctx); /* safe when closed */
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
}

static void ca_from_der_buffer(void **state)
{
    wos_tls_config c = config();
    (void)state;
    c.ca = ca_der;
    c.ca_len = ca_der_len;
    start_peer("server", "echo", NULL);
    init_with(&c);
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    echo_round_trip("der");
}

static void ca_from_file(void **state)
{
    char path[600];
    wos_tls_config c = config();
    (void)state;
    assert_int_equal(cert_path(path, sizeof path, "ca.pem"), 0);
    c.ca = NULL;
    c.ca_len = 0;
    c.ca_file = path;
    start_peer("server", "echo", NULL);
    init_with(&c);
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    echo_round_trip("file");
}

static void system_bundle_does_not_trust_the_test_ca(void **state)
{
    wos_tls_config c = config();
    (void)state;
    if (access(WOS_TLS_DEFAULT_CA_FILE, R_OK) != 0) {
        print_message("no %s on this host: default bundle not tested\n", WOS_TLS_DEFAULT_CA_FILE);
        skip();
    }
    c.ca = NULL; /* neither buffer nor file: the default bundle */
    c.ca_len = 0;
    start_peer("server", "echo", NULL);
    init_with(&c);
    expect_rejected(MBEDTLS_X509_BADCERT_NOT_TRUSTED);
}

static void large_payload_both_ways(void **state)
{
    static uint8_t out[48 * 1024], back[sizeof out];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof out; i++) {
        out[i] = (uint8_t)(i * 7u + 3u);
    }
    start_peer("server", "echo", NULL);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    for (i = 0; i < sizeof out; i += 12 * 1024) {
        send_all(out + i, 12 * 1024);
        recv_exactly(back + i, 12 * 1024);
    }
    assert_memory_equal(back, out, sizeof out);
}

static void max_fragment_length(void **state)
{
    static uint8_t out[6000], back[sizeof out];
    wos_tls_config c = config();
    (void)state;
    memset(out, 'm', sizeof out);
    c.max_fragment_len = 512;
    start_peer("server", "echo", NULL);
    init_with(&c);
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_true(mbedtls_ssl_get_max_out_record_payload(&fx.tls.ssl) <= 512);
    send_all(out, sizeof out);
    recv_exactly(back, sizeof back);
    assert_memory_equal(back, out, sizeof out);
}

/* ---- deadlines ----------------------------------------------------------- */

static void recv_deadline_then_still_usable(void **state)
{
    uint8_t buf[16];
    size_t n = 99;
    (void)state;
    start_peer("server", "echo", NULL);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, in_ms(SHORT_MS), &n), WOS_ERR_TIMEOUT);
    assert_int_equal(n, 0);
    echo_round_trip("after a timeout");
}

static void handshake_bounded_by_deadline(void **state)
{
    (void)state;
    start_peer("server", "silent", NULL); /* accepts TCP, never answers */
    init_default();
    assert_int_equal(dial(HOST, SHORT_MS), WOS_ERR_TIMEOUT);
    assert_int_equal(fx.tcp.fd, -1);
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
}

/* ---- closing ------------------------------------------------------------- */

static void orderly_close_is_closed(void **state)
{
    uint8_t buf[64];
    size_t n = 99;
    (void)state;
    start_peer("server", "close-notify", NULL);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    send_all((const uint8_t *)"bye", 3);
    recv_exactly(buf, 9);
    assert_memory_equal(buf, "reply:bye", 9);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, in_ms(LONG_MS), &n), WOS_ERR_CLOSED);
    assert_int_equal(n, 0);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, in_ms(LONG_MS), &n), WOS_ERR_CLOSED);
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
}

static void truncated_close_is_network(void **state)
{
    uint8_t buf[64];
    size_t n = 99;
    (void)state;
    start_peer("server", "truncate", NULL);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    send_all((const uint8_t *)"bye", 3);
    recv_exactly(buf, 9);
    assert_memory_equal(buf, "reply:bye", 9);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, in_ms(LONG_MS), &n), WOS_ERR_NETWORK);
    assert_int_equal(n, 0);
    /* The stream is unusable until closed. */
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, sizeof buf, in_ms(LONG_MS), &n), WOS_ERR_STATE);
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, buf, 1, in_ms(LONG_MS), &n), WOS_ERR_STATE);
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
}

/* ---- certificate and protocol refusals ---------------------------------- */

static void certificate_from_another_ca_rejected(void **state)
{
    (void)state;
    start_peer("other", "echo", NULL);
    init_default();
    expect_rejected(MBEDTLS_X509_BADCERT_NOT_TRUSTED);
}

static void wrong_hostname_rejected(void **state)
{
    (void)state;
    start_peer("wrong-host", "echo", NULL); /* valid chain, DNS:wrong.example only */
    init_default();
    expect_rejected(MBEDTLS_X509_BADCERT_CN_MISMATCH);
}

static void expired_certificate_rejected(void **state)
{
    (void)state;
    start_peer("expired", "echo", NULL); /* valid 2020-01-01 .. 2021-01-01 */
    init_default();
    expect_rejected(MBEDTLS_X509_BADCERT_EXPIRED);
}

static void tls_1_1_server_refused(void **state)
{
    int err = 0;
    (void)state;
    start_peer("server", "echo", "--tls11-only");
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_ERR_TLS);
    wos_tls_last_error(&fx.tls, &err, NULL);
    /* The peer answered with a TLS 1.1 ServerHello and we refused it. */
    print_message("tls 1.1 server: refused with mbedTLS error -0x%04x\n", (unsigned)-err);
    assert_int_equal(err, MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION);
}

static void null_or_empty_hostname_refused(void **state)
{
    static char long_host[WOS_TLS_MAX_HOST + 2];
    (void)state;
    memset(long_host, 'a', sizeof long_host - 1u);
    start_peer("server", "echo", NULL);
    init_default();
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, NULL, fx.peer.port, in_ms(LONG_MS)), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, "", fx.peer.port, in_ms(LONG_MS)), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->connect(fx.tr.ctx, long_host, fx.peer.port, in_ms(LONG_MS)),
                     WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.lower.connects, 0); /* refused before any byte went out */
}

/* ---- session resumption ---------------------------------------------------- */

static void reconnect(int expect_resumed)
{
    fx.tr.ops->close(fx.tr.ctx);
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_int_equal(wos_tls_resumed(&fx.tls), expect_resumed);
    echo_round_trip("resumed?");
}

static void resumes_with_session_ticket(void **state)
{
    (void)state;
    start_peer("server", "echo", NULL);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_false(wos_tls_resumed(&fx.tls));
    assert_true(fx.tls.saved.ticket_len > 0u); /* the peer issued a ticket */
    reconnect(1);
    reconnect(1);
    wos_tls_forget_session(&fx.tls);
    reconnect(0);
}

static void resumes_with_session_id(void **state)
{
    (void)state;
    start_peer("server", "echo", "--no-tickets");
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_false(wos_tls_resumed(&fx.tls));
    assert_int_equal(fx.tls.saved.ticket_len, 0u);
    assert_true(fx.tls.saved.id_len > 0u);
    reconnect(1);
}

static void declined_session_is_not_resumed(void **state)
{
    char next[600];
    (void)state;
    /* From the second connection on, the peer serves the same leaf from a
     * fresh context: it cannot know our session, so it runs a full handshake. */
    assert_int_equal(cert_path(next, sizeof next, "server"), 0);
    start_peer2("server", "echo", "--next", next);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_false(wos_tls_resumed(&fx.tls));
    reconnect(0); /* offered, declined */
    reconnect(1); /* the session of the second context */
}

static void session_not_offered_to_another_host(void **state)
{
    (void)state;
    fx.lower.pin = HOST; /* "localhost" is dialled as 127.0.0.1 */
    start_peer("server", "echo", NULL);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    fx.tr.ops->close(fx.tr.ctx);
    assert_int_equal(dial("localhost", LONG_MS), WOS_OK);
    assert_false(wos_tls_resumed(&fx.tls));
    fx.tr.ops->close(fx.tr.ctx);
    assert_int_equal(dial("localhost", LONG_MS), WOS_OK);
    assert_true(wos_tls_resumed(&fx.tls));
}

static void failed_handshake_drops_the_session(void **state)
{
    char next[600];
    (void)state;
    /* The peer serves the trusted leaf once, then on the same port a leaf
     * from another CA (with new ticket keys, so nothing can resume). */
    assert_int_equal(cert_path(next, sizeof next, "other"), 0);
    start_peer2("server", "echo", "--next", next);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    fx.tr.ops->close(fx.tr.ctx);
    assert_int_equal(fx.tls.have_saved, 1);
    assert_int_equal(dial(HOST, LONG_MS), WOS_ERR_CERT_REJECTED);
    assert_int_equal(fx.tls.have_saved, 0);
    assert_false(wos_tls_resumed(&fx.tls));
}

static void sessions_and_keys_are_wiped(void **state)
{
    static const uint8_t zero[sizeof fx.tls.saved.master];
    const uint8_t *raw = (const uint8_t *)&fx.tls;
    size_t i, nonzero = 0;
    (void)state;
    start_peer("server", "echo", NULL);
    init_default();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    fx.tr.ops->close(fx.tr.ctx);
    assert_memory_not_equal(fx.tls.saved.master, zero, sizeof zero);
    wos_tls_forget_session(&fx.tls);
    assert_memory_equal(fx.tls.saved.master, zero, sizeof zero);
    assert_int_equal(fx.tls.have_saved, 0);
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_false(wos_tls_resumed(&fx.tls));
    wos_tls_deinit(&fx.tls); /* closes, then wipes everything */
    for (i = 0; i < sizeof fx.tls; i++) {
        nonzero += raw[i] != 0;
    }
    assert_int_equal(nonzero, 0);
}

/* ---- API misuse -------------------------------------------------------------- */

static void init_rejects_bad_config(void **state)
{
    static const uint8_t garbage[] = "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n";
    wos_tls_config c = config();
    wos_platform no_random = fx.plat;
    int err = 0;
    (void)state;
    assert_int_equal(wos_tls_init(NULL, &c), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_tls_init(&fx.tls, NULL), WOS_ERR_INVALID_ARG);
    c.lower.ops = NULL;
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_INVALID_ARG);
    c = config();
    c.platform = NULL;
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_INVALID_ARG);
    no_random.random = NULL;
    c = config();
    c.platform = &no_random;
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_INVALID_ARG);
    c = config();
    c.max_fragment_len = 777;
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_INVALID_ARG);
    c = config();
    c.ca_len = 0;
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_INVALID_ARG);
    c.ca = garbage;
    c.ca_len = sizeof garbage;
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_INVALID_ARG);
    wos_tls_last_error(&fx.tls, &err, NULL);
    assert_true(err < 0);
    c.ca_len = sizeof garbage - 1u; /* PEM without its NUL is read as DER */
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_INVALID_ARG);
    c.ca = NULL;
    c.ca_file = "/nonexistent/ca.pem";
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_INVALID_ARG);
    wos_tls_deinit(&fx.tls); /* safe after a failed init ... */
    wos_tls_deinit(&fx.tls); /* ... and twice */
    wos_tls_deinit(NULL);
}

static wos_status no_entropy(void *ctx, uint8_t *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    return WOS_ERR_STATE;
}

static void init_without_entropy_is_state(void **state)
{
    wos_tls_config c = config();
    wos_platform p = fx.plat;
    (void)state;
    p.random = no_entropy;
    c.platform = &p;
    assert_int_equal(wos_tls_init(&fx.tls, &c), WOS_ERR_STATE);
}

static void calls_in_the_wrong_state(void **state)
{
    uint8_t buf[4];
    size_t n = 99;
    wos_tls raw;
    wos_transport t = wos_tls_transport(&raw);
    (void)state;
    memset(&raw, 0, sizeof raw); /* never initialised */
    assert_int_equal(t.ops->connect(t.ctx, HOST, 443, in_ms(LONG_MS)), WOS_ERR_STATE);
    t.ops->close(t.ctx);
    start_peer("server", "echo", NULL);
    init_default();
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, buf, 1, in_ms(LONG_MS), &n), WOS_ERR_STATE);
    assert_int_equal(n, 0);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, 1, in_ms(LONG_MS), &n), WOS_ERR_STATE);
    assert_int_equal(fx.tr.ops->is_alive(fx.tr.ctx), 0);
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_int_equal(dial(HOST, LONG_MS), WOS_ERR_STATE); /* already connected */
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, NULL, 1, in_ms(LONG_MS), &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->send(fx.tr.ctx, buf, 0, in_ms(LONG_MS), &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, 0, in_ms(LONG_MS), &n), WOS_ERR_INVALID_ARG);
    assert_int_equal(fx.tr.ops->recv(fx.tr.ctx, buf, 1, in_ms(LONG_MS), NULL), WOS_ERR_INVALID_ARG);
    echo_round_trip("still fine");
}

static void allocator_hook_needs_platform_memory(void **state)
{
    (void)state;
    assert_int_equal(wos_tls_set_allocator(NULL, NULL), WOS_ERR_INVALID_ARG);
#if defined(MBEDTLS_PLATFORM_MEMORY)
    print_message("mbedTLS has MBEDTLS_PLATFORM_MEMORY: allocator hook available\n");
#else
    /* Debian's build: the hook cannot exist, and says so. */
    assert_int_equal(wos_tls_set_allocator(calloc, free), WOS_ERR_STATE);
#endif
}

/* ---- heap ----------------------------------------------------------------- */

static void heap_of_one_handshake(void **state)
{
    heap_stats init, full, resumed;
    (void)state;
    start_peer("server", "echo", NULL);
    heap_reset_peak();
    init_default();
    heap_get(&init);
    heap_reset_peak();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    heap_get(&full);
    fx.tr.ops->close(fx.tr.ctx);
    heap_reset_peak();
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    assert_true(wos_tls_resumed(&fx.tls));
    heap_get(&resumed);
    print_message("heap after init (test CA + record buffers): %zu bytes in %zu blocks\n",
                  init.live_bytes, init.live_blocks);
    print_message("heap of a full handshake: peak %zu bytes (+%zu over init), %zu bytes in %zu callocs\n",
                  full.peak_bytes, full.peak_bytes - init.live_bytes, full.total_bytes, full.total_calls);
    print_message("heap of a resumed handshake: peak %zu bytes (+%zu over init), %zu bytes in %zu callocs\n",
                  resumed.peak_bytes, resumed.peak_bytes - init.live_bytes, resumed.total_bytes,
                  resumed.total_calls);
    assert_true(full.total_calls > 0u);
    assert_true(resumed.total_bytes < full.total_bytes); /* no certificate chain to parse */
    wos_tls_deinit(&fx.tls);
    heap_get(&full);
    assert_int_equal(full.live_bytes, 0); /* everything freed by deinit */
}

/* Fail the k-th calloc of init + handshake: a clean failure or, when the
 * failure hit something mbedTLS can do without, a working connection. */
static void one_out_of_heap_round(size_t k)
{
    wos_tls_config c = config();
    heap_stats h;
    wos_status st;
    heap_fail_nth(k);
    st = wos_tls_init(&fx.tls, &c);
    if (st != WOS_OK) {
        assert_true(heap_fail_fired());
        assert_int_equal(st, WOS_ERR_TLS);
    } else {
        st = dial(HOST, LONG_MS);
        if (st == WOS_OK) {
            echo_round_trip("oom");
        } else {
            /* mbedTLS counts a signature it could not check for lack of
             * heap as untrusted: that fails closed, as CERT_REJECTED. */
            assert_true(heap_fail_fired());
            assert_true(st == WOS_ERR_TLS || st == WOS_ERR_CERT_REJECTED);
        }
    }
    wos_tls_deinit(&fx.tls);
    heap_fail_nth(0);
    heap_get(&h);
    assert_int_equal(h.live_bytes, 0);
}

static void out_of_heap_anywhere_fails_cleanly(void **state)
{
    heap_stats h;
    size_t init_calls, all_calls, k, step, rounds = 0;
    (void)state;
    start_peer("server", "echo", NULL);
    heap_reset_peak();
    init_default();
    heap_get(&h);
    init_calls = h.total_calls;
    assert_int_equal(dial(HOST, LONG_MS), WOS_OK);
    heap_get(&h);
    all_calls = h.total_calls;
    wos_tls_deinit(&fx.tls);
    /* Every calloc of init and the start of the handshake, then a sample of
     * the rest (a full handshake makes tens of thousands of small callocs). */
    step = all_calls / 50u + 1u;
    for (k = 1; k <= all_calls; k += k <= init_calls + 100u ? 1u : step) {
        one_out_of_heap_round(k);
        rounds++;
    }
    print_message("out of heap: failed calloc number k of %zu (init %zu) in %zu rounds: all clean\n",
                  all_calls, init_calls, rounds);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(handshake_and_round_trip),
        T(ca_from_der_buffer),
        T(ca_from_file),
        T(system_bundle_does_not_trust_the_test_ca),
        T(large_payload_both_ways),
        T(max_fragment_length),
        T(recv_deadline_then_still_usable),
        T(handshake_bounded_by_deadline),
        T(orderly_close_is_closed),
        T(truncated_close_is_network),
        T(certificate_from_another_ca_rejected),
        T(wrong_hostname_rejected),
        T(expired_certificate_rejected),
        T(tls_1_1_server_refused),
        T(null_or_empty_hostname_refused),
        T(resumes_with_session_ticket),
        T(resumes_with_session_id),
        T(declined_session_is_not_resumed),
        T(session_not_offered_to_another_host),
        T(failed_handshake_drops_the_session),
        T(sessions_and_keys_are_wiped),
        T(init_rejects_bad_config),
        T(init_without_entropy_is_state),
        T(calls_in_the_wrong_state),
        T(allocator_hook_needs_platform_memory),
        T(heap_of_one_handshake),
        T(out_of_heap_anywhere_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
