/* SPDX-License-Identifier: MIT */
/*
 * bench_curl: the reference for bench_tls's cpu figures: the same token
 * call made by libcurl (OpenSSL) against the same server.
 *
 *   bench_curl HOST PORT CA_FILE N
 *
 * N calls each on a fresh connection without a session (full handshake),
 * on a fresh connection reusing the TLS session (resumed), and on a
 * kept-alive connection; one line per kind "kind|mean microseconds of
 * process CPU per call|-|fewest microseconds of one call" (libcurl does
 * not say whether it resumed: nginx's log
 * does, see run_tls_bench.sh). CPU as in bench_tls.c:
 * clock_gettime(CLOCK_PROCESS_CPUTIME_ID) around curl_easy_perform().
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

static const char body[] = "{\"user_id\":\"user_01EHZNVPK3SFK441A1RGBFSHRT\"}";

static size_t discard(char *p, size_t size, size_t n, void *ctx)
{
    (void)p;
    (void)ctx;
    return size * n;
}

static double cpu_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static CURL *make_handle(const char *url, const char *ca, struct curl_slist *hdrs)
{
    CURL *h = curl_easy_init();
    if (h == NULL) {
        exit(1);
    }
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_CAINFO, ca);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
    return h;
}

static void perform(CURL *h)
{
    long code = 0;
    CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    if (rc != CURLE_OK || code != 200) {
        fprintf(stderr, "bench_curl: %s (HTTP %ld)\n", curl_easy_strerror(rc), code);
        exit(1);
    }
}

/* kind 0: full handshake, 1: resumed, 2: kept alive. */
static void run_kind(int kind, const char *url, const char *ca, struct curl_slist *hdrs, long n)
{
    static const char *const names[] = {"full", "resumed", "kept-alive"};
    CURL *h = make_handle(url, ca, hdrs);
    double total = 0, best = 0;
    long i;
    curl_easy_setopt(h, CURLOPT_SSL_SESSIONID_CACHE, kind == 0 ? 0L : 1L);
    curl_easy_setopt(h, CURLOPT_FORBID_REUSE, kind == 2 ? 0L : 1L);
    perform(h); /* a connection (and a session) to start from */
    for (i = 0; i < n; i++) {
        double t0 = cpu_us(), t;
        perform(h);
        t = cpu_us() - t0;
        total += t;
        best = (i == 0 || t < best) ? t : best;
    }
    curl_easy_cleanup(h);
    printf("%s|%.1f|-|%.1f\n", names[kind], total / (double)n, best);
}

int main(int argc, char **argv)
{
    char url[300];
    struct curl_slist *hdrs = NULL;
    int kind;
    if (argc != 5 || atol(argv[4]) <= 0) {
        fprintf(stderr, "usage: bench_curl HOST PORT CA N\n");
        return 2;
    }
    snprintf(url, sizeof url, "https://%s:%s/data-integrations/github/token", argv[1], argv[2]);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    hdrs = curl_slist_append(hdrs, "Authorization: Bearer sk_test_emulator");
    hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    for (kind = 0; kind < 3; kind++) {
        run_kind(kind, url, argv[3], hdrs, atol(argv[4]));
    }
    curl_slist_free_all(hdrs);
    curl_global_cleanup();
    return 0;
}
