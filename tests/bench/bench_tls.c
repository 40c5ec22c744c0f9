/* SPDX-License-Identifier: MIT */
/*
 * bench_tls: what a token fetch over the mbedTLS port costs the client,
 * against a local TLS server (tests/bench/run_tls_bench.sh starts nginx).
 *
 *   bench_tls pool HOST PORT CA_FILE        peak heap/pool per phase
 *   bench_tls cpu  HOST PORT CA_FILE N      client CPU per token call
 *
 * pool: one line per phase "phase|held bytes after|peak bytes during",
 * then "pool|size|OK" once the whole sequence ran in a pool of that size.
 * Built with MBEDTLS_MEMORY_BUFFER_ALLOC_C (the device configuration),
 * every mbedTLS allocation comes from a static pool and the figures are
 * the pool's own (mbedtls_memory_buffer_alloc_cur_get/_max_get); built
 * against a library without it, calloc/free are counted through
 * -Wl,--wrap (tests/port/support_heap.c). Either way the counter lives
 * here, not in the library.
 *
 * cpu: N token calls each on a fresh connection with no session (full
 * handshake), on a fresh connection offering the saved session
 * (resumed), and on the kept-alive connection; one line per kind
 * "kind|mean microseconds of process CPU per call|calls that resumed|
 * fewest microseconds of one call". CPU is
 * clock_gettime(CLOCK_PROCESS_CPUTIME_ID) around the close and the call:
 * user + system time of this process only, so the server's share and
 * the time spent waiting for it are not counted.
 *
 * Not a test: asserts no timing; exits non-zero only when a call fails.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wos_client.h"
#include "wos_posix.h"
#include "wos_tls.h"

#if defined(MBEDTLS_MEMORY_BUFFER_ALLOC_C)
#include "mbedtls/memory_buffer_alloc.h"
#define POOL_MAX (64u * 1024u)
static unsigned char pool[POOL_MAX];
#else
#include "support.h"
#endif
#if defined(MBEDTLS_PSA_CRYPTO_C) || MBEDTLS_VERSION_NUMBER >= 0x04000000
#include "psa/crypto.h"
#endif

static char buf[16 * 1024];
static jsmntok_t tokens[128];
static wos_posix_tcp tcp;
static wos_tls tls;
static wos_client client;
static wos_platform platform;
static char base_url[300];
static unsigned char ca[64 * 1024];

static void die(const char *what, wos_status st)
{
    int err = 0;
    uint32_t flags = 0;
    wos_tls_last_error(&tls, &err, &flags);
    fprintf(stderr, "bench_tls: %s: %s (mbedTLS -0x%04x, verify flags 0x%x)\n", what,
            wos_status_str(st), (unsigned)-err, (unsigned)flags);
    exit(1);
}

/* The CA as a buffer (PEM with its NUL), as a device holds it in flash. */
static size_t read_ca(const char *path)
{
    FILE *f = fopen(path, "rb");
    size_t n;
    if (f == NULL) {
        fprintf(stderr, "bench_tls: cannot read %s\n", path);
        exit(1);
    }
    n = fread(ca, 1, sizeof ca - 1u, f);
    fclose(f);
    ca[n] = 0;
    return n + 1u;
}

/* BENCH_POOL_BYTES in the environment shrinks the pool, to show that a
 * token fetch fits a pool of that size (block headers included). */
static void counter_start(void)
{
#if defined(MBEDTLS_MEMORY_BUFFER_ALLOC_C)
    const char *env = getenv("BENCH_POOL_BYTES");
    size_t len = sizeof pool;
    if (env != NULL && atol(env) > 0 && (size_t)atol(env) < len) {
        len = (size_t)atol(env);
    }
    mbedtls_memory_buffer_alloc_init(pool, len);
#endif
}

/* Bytes held now and the highest figure since the last reset. The
 * pool's reset sets its maximum to 0, not to what is held: a phase that
 * allocates nothing would show 0, so the bytes held at the reset count. */
#if defined(MBEDTLS_MEMORY_BUFFER_ALLOC_C)
static size_t held_at_reset;
#endif

static void counter_get(size_t *held, size_t *peak)
{
#if defined(MBEDTLS_MEMORY_BUFFER_ALLOC_C)
    size_t blocks;
    mbedtls_memory_buffer_alloc_cur_get(held, &blocks);
    mbedtls_memory_buffer_alloc_max_get(peak, &blocks);
    if (*peak < held_at_reset) {
        *peak = held_at_reset;
    }
#else
    heap_stats s;
    heap_get(&s);
    *held = s.live_bytes;
    *peak = s.peak_bytes;
#endif
}

static void counter_reset_peak(void)
{
#if defined(MBEDTLS_MEMORY_BUFFER_ALLOC_C)
    size_t blocks;
    mbedtls_memory_buffer_alloc_cur_get(&held_at_reset, &blocks);
    mbedtls_memory_buffer_alloc_max_reset();
#else
    heap_reset_peak();
#endif
}

static void set_up(const char *host, const char *port, const char *ca_file)
{
    wos_tls_config tc;
    wos_client_config cfg;
    wos_status st;
    memset(&tc, 0, sizeof tc);
    platform = wos_posix_platform();
    tc.lower = wos_posix_tcp_transport(&tcp);
    tc.platform = &platform;
    tc.ca = ca;
    tc.ca_len = read_ca(ca_file);
    st = wos_tls_init(&tls, &tc);
    if (st != WOS_OK) {
        die("wos_tls_init", st);
    }
    snprintf(base_url, sizeof base_url, "https://%s:%s", host, port);
    wos_client_config_init(&cfg);
    cfg.base_url = base_url;
    cfg.api_key = wos_str_c("sk_test_emulator");
    cfg.transport = wos_tls_transport(&tls);
    cfg.platform = &platform;
    cfg.buf = buf;
    cfg.buf_cap = sizeof buf;
    cfg.tokens = tokens;
    cfg.token_cap = sizeof tokens / sizeof tokens[0];
    cfg.retry.max_retries = 0;
    st = wos_client_init(&client, &cfg);
    if (st != WOS_OK) {
        die("wos_client_init", st);
    }
}

static void token_call(void)
{
    wos_token_params p = {.slug = WOS_STR_LIT("github"),
                          .user_id = WOS_STR_LIT("user_01EHZNVPK3SFK441A1RGBFSHRT"),
                          .organization_id = WOS_STR_NULL};
    wos_access_token tok;
    wos_call_info info;
    wos_status st = wos_client_get_token(&client, &p, NULL, &tok, &info);
    if (st != WOS_OK || !tok.active) {
        die("token call", st != WOS_OK ? st : WOS_ERR_STATE);
    }
    wos_access_token_wipe(&tok);
}

static void phase(const char *name)
{
    size_t held, peak;
    counter_get(&held, &peak);
    printf("%s|%zu|%zu\n", name, held, peak);
    counter_reset_peak();
}

static int run_pool(const char *host, const char *port, const char *ca_file)
{
    bool resumed;
    counter_start();
    counter_reset_peak();
    set_up(host, port, ca_file);
    phase("set-up");
    token_call();
    phase("full handshake + token call");
    wos_client_close(&client);
    token_call();
    resumed = wos_tls_resumed(&tls);
    phase(resumed ? "resumed reconnect + token call" : "reconnect (NOT resumed) + token call");
    token_call();
    phase("kept-alive token call");
    wos_client_close(&client);
    wos_tls_deinit(&tls);
    phase("after deinit");
    /* A pool too small to save the session shows as a reconnect that
     * did not resume: with BENCH_REQUIRE_RESUME set, that is a failure. */
    if (!resumed && getenv("BENCH_REQUIRE_RESUME") != NULL) {
        fprintf(stderr, "bench_tls: the reconnect did not resume\n");
        return 3;
    }
#if defined(MBEDTLS_MEMORY_BUFFER_ALLOC_C)
    {
        const char *env = getenv("BENCH_POOL_BYTES");
        printf("pool|%s|OK\n", env != NULL ? env : "65536");
    }
#endif
    return 0;
}

static double cpu_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* kind 0: full handshake, 1: resumed, 2: kept alive. */
static void run_kind(int kind, long n)
{
    static const char *const names[] = {"full", "resumed", "kept-alive"};
    double total = 0, best = 0;
    long i, resumed = 0;
    token_call(); /* a connection (and a session) to start from */
    for (i = 0; i < n; i++) {
        double t0 = cpu_us(), t;
        if (kind != 2) {
            wos_client_close(&client); /* libcurl's figure includes its close too */
        }
        if (kind == 0) {
            wos_tls_forget_session(&tls);
        }
        token_call();
        t = cpu_us() - t0;
        total += t;
        best = (i == 0 || t < best) ? t : best;
        resumed += wos_tls_resumed(&tls) ? 1 : 0;
    }
    printf("%s|%.1f|%ld|%.1f\n", names[kind], total / (double)n, resumed, best);
}

static int run_cpu(const char *host, const char *port, const char *ca_file, long n)
{
    int kind;
    counter_start();
    set_up(host, port, ca_file);
    for (kind = 0; kind < 3; kind++) {
        run_kind(kind, n);
    }
    wos_client_close(&client);
    wos_tls_deinit(&tls);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 2;
    if (argc == 5 && strcmp(argv[1], "pool") == 0) {
        rc = run_pool(argv[2], argv[3], argv[4]);
    } else if (argc == 6 && strcmp(argv[1], "cpu") == 0 && atol(argv[5]) > 0) {
        rc = run_cpu(argv[2], argv[3], argv[4], atol(argv[5]));
    } else {
        fprintf(stderr, "usage: bench_tls pool HOST PORT CA | cpu HOST PORT CA N\n");
    }
#if defined(MBEDTLS_PSA_CRYPTO_C) || MBEDTLS_VERSION_NUMBER >= 0x04000000
    mbedtls_psa_crypto_free(); /* PSA's global state is the program's to free */
#endif
    return rc;
}
