/* SPDX-License-Identifier: MIT */
/* The client engine against a scripted transport and a fake clock: keep-alive, retries, deadlines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_client.h"
#include "fake_port.h"

#define BUF_CAP 4096
static char g_buf[BUF_CAP + 16];
static jsmntok_t g_tok[256];
static wos_client g_c;

#define OK_DI "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-ID: req_ok\r\nContent-Length: 27\r\n\r\n{\"id\":\"d1\",\"slug\":\"github\"}"
#define CREATED_DI "HTTP/1.1 201 Created\r\nContent-Length: 27\r\n\r\n{\"id\":\"d1\",\"slug\":\"github\"}"
#define STATUS(code) "HTTP/1.1 " #code " X\r\nX-Request-ID: req_" #code "\r\nContent-Length: 16\r\n\r\n{\"message\":\"no\"}"
#define TOKEN_OK "HTTP/1.1 200 OK\r\nContent-Length: 67\r\n\r\n{\"active\":true,\"access_token\":{\"access_token\":\"gho_x\",\"scopes\":[]}}"

static void setup_client(const fake_exchange *script, size_t n, uint8_t retries)
{
    wos_client_config cfg;
    fake_reset(script, n);
    fake_client_config(&cfg, g_buf, BUF_CAP, g_tok, 256);
    cfg.timeout_ms = 5000;
    cfg.retry.max_retries = retries;
    memset(g_buf, 0x5A, sizeof g_buf);
    assert_int_equal(wos_client_init(&g_c, &cfg), WOS_OK);
}

static wos_status get(wos_call_info *info)
{
    wos_data_integration d;
    wos_status st = wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), NULL, &d, info);
    if (st == WOS_OK) {
        assert_true(wos_str_eq(d.slug, "github"));
    }
    assert_int_equal((unsigned char)g_buf[BUF_CAP], 0x5A); /* nothing past the buffer */
    return st;
}

static wos_status create(wos_call_info *info, const wos_call_options *opts)
{
    wos_integration_params p = {0};
    wos_data_integration d;
    p.provider = (wos_str)WOS_STR_LIT("github");
    return wos_client_create(&g_c, &p, opts, &d, info);
}

static const char *header_of(unsigned req, const char *name, char *out, size_t cap)
{
    const char *h = strstr(g_fake.log[req], name);
    size_t n;
    if (h == NULL) {
        return NULL;
    }
    h += strlen(name);
    n = strcspn(h, "\r");
    snprintf(out, cap, "%.*s", (int)n, h);
    return out;
}

/* Without an info from the caller, the call reports into the client struct. */
static void call_without_info_reports_into_the_client(void **state)
{
    static const fake_exchange s[] = {{STATUS(500), FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_data_integration d;
    (void)state;
    setup_client(s, 2, 1);
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), NULL, &d, NULL), WOS_OK);
    assert_int_equal(g_c.info.attempts, 2);
}

static void keep_alive_reuses_one_connection(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 3, 3);
    assert_int_equal(get(&info), WOS_OK);
    assert_false(info.reused_connection);
    assert_int_equal(get(&info), WOS_OK);
    assert_true(info.reused_connection);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.connects, 1);
    assert_int_equal(g_fake.requests, 3);
    assert_int_equal(info.attempts, 1);
    assert_non_null(strstr(g_fake.log[0], "GET /data-integrations/github HTTP/1.1\r\nHost: api.example.test\r\n"));
}

static void idle_close_is_detected_and_reopened(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_IDLE_CLOSE, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 0); /* no retries: reopening is not a retry */
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(info.attempts, 1);
    assert_false(info.reused_connection);
    assert_int_equal(g_fake.connects, 2);
    assert_int_equal(g_fake.sleeps, 0);
}

/*
 * wos_port.h lets a transport leave is_alive NULL. A connection that died
 * while idle then fails on first use; it must be closed (not reused again)
 * and reopened, and later calls must work.
 */
static void transport_without_is_alive_recovers(void **state)
{
    static const wos_transport_ops no_alive = {fake_connect, fake_send, fake_recv, NULL, fake_close};
    static const fake_exchange s[] = {{OK_DI, FAKE_IDLE_CLOSE, 0}, {OK_DI, FAKE_IDLE_CLOSE, 0},
                                      {CREATED_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 3, 0);
    g_c.cfg.transport.ops = &no_alive;
    g_fake.send_fails_closed = true;
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(get(&info), WOS_OK); /* the send fails: closed and reopened at once */
    assert_int_equal(info.attempts, 2);
    assert_false(info.reused_connection);
    assert_int_equal(g_fake.connects, 2);
    /* A write whose request never left is reopened the same way. */
    assert_int_equal(create(&info, NULL), WOS_OK);
    assert_int_equal(info.attempts, 2);
    assert_int_equal(g_fake.connects, 3);
    assert_int_equal(g_fake.requests, 3);
    assert_int_equal(g_fake.sleeps, 0);
}

/* A send that fails after the retry budget leaves no dead connection behind. */
static void failed_send_closes_the_connection(void **state)
{
    static const wos_transport_ops no_alive = {fake_connect, fake_send, fake_recv, NULL, fake_close};
    static const fake_exchange s[] = {{OK_DI, FAKE_IDLE_CLOSE, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 0);
    g_c.cfg.transport.ops = &no_alive;
    g_fake.send_fails_closed = true;
    assert_int_equal(get(&info), WOS_OK);
    g_fake.connect_failures = 1; /* the reopen fails too: the call fails */
    assert_int_equal(get(&info), WOS_ERR_NETWORK);
    assert_false(g_c.connected);
    assert_int_equal(get(&info), WOS_OK); /* the next call connects afresh */
    assert_int_equal(g_fake.connects, 3);
}

static bool buf_contains(const char *needle)
{
    size_t m = strlen(needle), i;
    for (i = 0; i + m <= BUF_CAP; i++) {
        if (memcmp(g_buf + i, needle, m) == 0) {
            return true;
        }
    }
    return false;
}

/*
 * A 2xx token reply that fails to decode (too few tokens, a bad
 * timestamp) hands out no token, so wos_access_token_wipe() cannot reach
 * it: the call itself must not leave it in the working buffer.
 */
static void failed_token_decode_leaves_no_secret(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 200 OK\r\nContent-Length: 73\r\n\r\n"
         "{\"active\":true,\"access_token\":{\"access_token\":\"gho_SECRET1\",\"scopes\":[]}}", FAKE_NORMAL, 0},
        {"HTTP/1.1 200 OK\r\nContent-Length: 97\r\n\r\n"
         "{\"active\":true,\"access_token\":{\"access_token\":\"gho_SECRET2\",\"expires_at\":\"2025-13-01T00:00:00Z\"}}",
         FAKE_NORMAL, 0},
        {TOKEN_OK, FAKE_NORMAL, 0}};
    wos_token_params p = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("u"),
        .organization_id = WOS_STR_NULL};
    wos_access_token t;
    wos_call_info info;
    (void)state;
    setup_client(s, 3, 0);
    g_c.cfg.token_cap = 4;
    assert_int_equal(wos_client_get_token(&g_c, &p, NULL, &t, &info), WOS_ERR_JSON_TOKENS);
    assert_int_equal(info.tokens_needed, 9);
    assert_false(buf_contains("SECRET1"));
    g_c.cfg.token_cap = 256;
    assert_int_equal(wos_client_get_token(&g_c, &p, NULL, &t, &info), WOS_ERR_INVALID_TIME);
    assert_false(buf_contains("SECRET2"));
    /* A reply that decodes keeps its token for the caller, who wipes it. */
    assert_int_equal(wos_client_get_token(&g_c, &p, NULL, &t, &info), WOS_OK);
    assert_true(buf_contains("gho_x"));
    wos_access_token_wipe(&t);
    assert_false(buf_contains("gho_x"));
}

static void stale_connection_race_reopens_reads_only(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_CLOSE_AFTER, 0}, {OK_DI, FAKE_CLOSE_AFTER, 0},
                                      {CREATED_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 3, 0);
    assert_int_equal(get(&info), WOS_OK);
    /* The server closed without the client seeing it: the read goes out and hits a closed socket. */
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(info.attempts, 2);
    assert_int_equal(g_fake.connects, 2);
    assert_int_equal(g_fake.sleeps, 0);
    /* A create that reached the server is never sent twice. */
    assert_int_equal(create(&info, NULL), WOS_ERR_CLOSED);
    assert_int_equal(info.attempts, 1);
    assert_int_equal(g_fake.requests, 2); /* requests sent into a closed connection are never seen */
    assert_int_equal(g_fake.next, 2);     /* the create's answer was never produced */
}

static void connection_close_header_closes(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 27\r\n\r\n{\"id\":\"d1\",\"slug\":\"github\"}",
         FAKE_NORMAL, 0},
        {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 0);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.connects, 2);
    assert_false(info.reused_connection);
}

static void retries_each_retryable_status(void **state)
{
    static const fake_exchange s[] = {{STATUS(408), FAKE_NORMAL, 0}, {STATUS(429), FAKE_NORMAL, 0},
                                      {STATUS(500), FAKE_NORMAL, 0}, {STATUS(502), FAKE_NORMAL, 0},
                                      {STATUS(503), FAKE_NORMAL, 0}, {STATUS(504), FAKE_NORMAL, 0},
                                      {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 7, 6);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(info.attempts, 7);
    assert_int_equal(g_fake.sleeps, 6);
}

static void non_retryable_status_is_final(void **state)
{
    static const int k[] = {400, 401, 403, 404, 409, 422, 501};
    static const fake_exchange s400[] = {{STATUS(400), FAKE_NORMAL, 0}, {STATUS(401), FAKE_NORMAL, 0},
                                         {STATUS(403), FAKE_NORMAL, 0}, {STATUS(404), FAKE_NORMAL, 0},
                                         {STATUS(409), FAKE_NORMAL, 0}, {STATUS(422), FAKE_NORMAL, 0},
                                         {STATUS(501), FAKE_NORMAL, 0}};
    wos_call_info info;
    size_t i;
    (void)state;
    setup_client(s400, 7, 3);
    for (i = 0; i < 7; i++) {
        assert_int_equal(get(&info), WOS_ERR_HTTP_STATUS);
        assert_int_equal(info.attempts, 1);
        assert_int_equal(info.api.http_status, k[i]);
        assert_true(wos_str_eq(info.api.message, "no"));
    }
    assert_int_equal(g_fake.sleeps, 0);
    assert_int_equal(g_fake.connects, 1);
}

static void retries_exhausted_report_last_error(void **state)
{
    static const fake_exchange s[] = {{STATUS(503), FAKE_NORMAL, 0}, {STATUS(503), FAKE_NORMAL, 0},
                                      {STATUS(503), FAKE_NORMAL, 0}, {STATUS(502), FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 4, 3);
    assert_int_equal(get(&info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.attempts, 4);
    assert_int_equal(info.api.http_status, 502);
    assert_int_equal(info.api.kind, WOS_ERROR_SERVER);
    assert_true(wos_str_eq(info.api.request_id, "req_502"));
}

static void backoff_doubles_with_jitter_and_cap(void **state)
{
    static const fake_exchange s[] = {{STATUS(500), FAKE_NORMAL, 0}, {STATUS(500), FAKE_NORMAL, 0},
                                      {STATUS(500), FAKE_NORMAL, 0}, {STATUS(500), FAKE_NORMAL, 0},
                                      {STATUS(500), FAKE_NORMAL, 0}, {STATUS(500), FAKE_NORMAL, 0},
                                      {STATUS(500), FAKE_NORMAL, 0}};
    static const uint64_t step[] = {500, 1000, 2000, 4000, 8000, 8000};
    wos_call_info info;
    size_t i;
    (void)state;
    setup_client(s, 7, 6);
    assert_int_equal(get(&info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(g_fake.sleeps, 6);
    for (i = 0; i < 6; i++) {
        assert_true(g_fake.slept_ms[i] >= step[i] / 2);
        assert_true(g_fake.slept_ms[i] <= step[i]);
    }
}

static void retry_after_both_forms_and_cap(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 429 Too Many\r\nRetry-After: 3\r\nContent-Length: 0\r\n\r\n", FAKE_NORMAL, 0},
        {"HTTP/1.1 503 X\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nRetry-After: Sun, 06 Nov 1994 08:49:44 GMT\r\n"
         "Content-Length: 0\r\n\r\n", FAKE_NORMAL, 0},
        {"HTTP/1.1 429 Too Many\r\nRetry-After: 120\r\nContent-Length: 0\r\n\r\n", FAKE_NORMAL, 0},
        {"HTTP/1.1 429 Too Many\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n", FAKE_NORMAL, 0},
        {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 5, 4);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.sleeps, 3); /* Retry-After: 0 retries at once */
    assert_int_equal(g_fake.slept_ms[0], 3000);
    assert_int_equal(g_fake.slept_ms[1], 7000);
    assert_int_equal(g_fake.slept_ms[2], 60000);
    assert_int_equal(info.attempts, 5);
}

static void retry_after_date_without_date_header_uses_wall_clock(void **state)
{
    /* fake wall clock: 1700000000 + now/1000; now = 1000 ms at start -> 1700000001 */
    static const fake_exchange s[] = {
        {"HTTP/1.1 503 X\r\nRetry-After: Tue, 14 Nov 2023 22:13:41 GMT\r\nContent-Length: 0\r\n\r\n", FAKE_NORMAL, 0},
        {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 1);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.slept_ms[0], 20000); /* 1700000021 - 1700000001 */
}

#define RETRY_AT(date) "HTTP/1.1 503 X\r\nRetry-After: " date "\r\nContent-Length: 0\r\n\r\n"

/* An HTTP-date in the past means now; without a wall clock (not set yet,
 * or none on the board) the date cannot be used and backoff applies. */
static void retry_after_date_past_or_without_wall_clock(void **state)
{
    static const fake_exchange s[] = {
        {RETRY_AT("Tue, 14 Nov 2023 22:00:00 GMT"), FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0},
        {RETRY_AT("Tue, 14 Nov 2023 22:13:41 GMT"), FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0},
        {RETRY_AT("Tue, 14 Nov 2023 22:13:41 GMT"), FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0}};
    static wos_platform no_wall;
    wos_call_info info;
    (void)state;
    setup_client(s, 6, 1);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(info.attempts, 2);
    assert_int_equal(g_fake.sleeps, 0); /* retried at once */
    g_fake.no_wall_clock = true;
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.sleeps, 1);
    assert_true(g_fake.slept_ms[0] >= 250 && g_fake.slept_ms[0] <= 500); /* backoff, not 20 s */
    no_wall = k_fake_platform;
    no_wall.wall_clock_s = NULL;
    g_c.cfg.platform = &no_wall;
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.sleeps, 2);
    assert_true(g_fake.slept_ms[1] >= 250 && g_fake.slept_ms[1] <= 500);
}

/* A Retry-After over what milliseconds in 32 bits hold saturates. */
static void huge_retry_after_saturates(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 429 X\r\nRetry-After: 9999999\r\nContent-Length: 0\r\n\r\n", FAKE_NORMAL, 0},
        {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 1);
    g_c.cfg.retry.retry_after_cap_s = UINT32_MAX;
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.slept_ms[0], UINT32_MAX);
}

/* Backoff: a base over the cap waits the cap (half fixed, half jitter);
 * with no entropy the jitter is 0, and the call still goes on. */
static void backoff_cap_and_no_entropy(void **state)
{
    static const fake_exchange s[] = {{STATUS(500), FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0},
                                      {STATUS(500), FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 4, 1);
    g_c.cfg.retry.backoff_base_ms = 10000;
    g_c.cfg.retry.backoff_cap_ms = 8000;
    assert_int_equal(get(&info), WOS_OK);
    assert_true(g_fake.slept_ms[0] >= 4000 && g_fake.slept_ms[0] <= 8000);
    g_fake.no_entropy = true;
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.slept_ms[1], 4000);
}

/* POST calls need entropy for their Idempotency-Key: without it they fail
 * with WOS_ERR_STATE before connecting; a caller's own key needs none. */
static void no_entropy_for_an_idempotency_key(void **state)
{
    static const fake_exchange s[] = {{CREATED_DI, FAKE_NORMAL, 0}};
    wos_token_params tp = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("u"),
        .organization_id = WOS_STR_NULL};
    wos_access_token t;
    wos_call_info info;
    wos_call_options o;
    (void)state;
    setup_client(s, 1, 3);
    g_fake.no_entropy = true;
    assert_int_equal(create(&info, NULL), WOS_ERR_STATE);
    assert_int_equal(wos_client_get_token(&g_c, &tp, NULL, &t, &info), WOS_ERR_STATE);
    assert_int_equal(g_fake.connects, 0);
    wos_call_options_init(&o);
    o.idempotency_key = (wos_str)WOS_STR_LIT("my-key-1");
    assert_int_equal(create(&info, &o), WOS_OK);
    assert_string_equal(info.idempotency_key, "my-key-1");
}

/* With no Date header, the error result still says how long to wait (from the wall clock). */
static void retry_after_date_reported_in_error(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 429 X\r\nRetry-After: Tue, 14 Nov 2023 22:13:41 GMT\r\nContent-Length: 0\r\n\r\n", FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 1, 0);
    assert_int_equal(get(&info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.api.retry_after_s, 20); /* 1700000021 - 1700000001 */
}

static void overall_deadline_stops_retrying(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 429 Too Many\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n", FAKE_NORMAL, 0},
        {OK_DI, FAKE_NORMAL, 0}};
    wos_call_options o = {-1, WOS_STR_NULL, 0, 10000};
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 3);
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), &o, &d, &info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.api.http_status, 429);
    assert_int_equal(info.api.retry_after_s, 30);
    assert_int_equal(g_fake.sleeps, 0);
}

static void per_call_retries_override(void **state)
{
    static const fake_exchange s[] = {{STATUS(500), FAKE_NORMAL, 0}, {STATUS(500), FAKE_NORMAL, 0},
                                      {OK_DI, FAKE_NORMAL, 0}};
    wos_call_options none = {0, WOS_STR_NULL, 0, 0};
    wos_call_options two = {2, WOS_STR_NULL, 0, 0};
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    setup_client(s, 3, 0);
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), &none, &d, &info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.attempts, 1);
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), &two, &d, &info), WOS_OK);
    assert_int_equal(info.attempts, 2);
}

static void options_init_keeps_client_policy(void **state)
{
    static const fake_exchange s[] = {{STATUS(500), FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_call_options o;
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 1);
    wos_call_options_init(&o);
    assert_int_equal(o.retries, -1);
    assert_null(o.idempotency_key.ptr);
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), &o, &d, &info), WOS_OK);
    assert_int_equal(info.attempts, 2);
}

static void deadline_expires_mid_body(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_PARTIAL, 90}, {OK_DI, FAKE_PARTIAL, 90}};
    wos_call_info info;
    uint64_t start;
    (void)state;
    setup_client(s, 2, 0);
    start = g_fake.now;
    assert_int_equal(get(&info), WOS_ERR_TIMEOUT);
    assert_int_equal(g_fake.now - start, 5000); /* the attempt's deadline, not later */
    assert_false(g_fake.open);                  /* a half-read response closes the connection */
}

static void timeout_retried_for_token_not_for_create(void **state)
{
    static const fake_exchange s[] = {{NULL, FAKE_STALL, 0}, {TOKEN_OK, FAKE_NORMAL, 0}, {NULL, FAKE_STALL, 0}};
    wos_token_params tp = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("user_1"),
        .organization_id = WOS_STR_NULL};
    wos_access_token t;
    wos_call_info info;
    (void)state;
    setup_client(s, 3, 2);
    assert_int_equal(wos_client_get_token(&g_c, &tp, NULL, &t, &info), WOS_OK);
    assert_true(t.active);
    assert_true(wos_str_eq(t.access_token, "gho_x"));
    assert_int_equal(info.attempts, 2);
    assert_int_equal(create(&info, NULL), WOS_ERR_TIMEOUT);
    assert_int_equal(info.attempts, 1);
}


/* A transport that reports more bytes sent than it was given (wos_port.h
 * says "up to len") must not make a fully sent create look unsent: its
 * answer lost, it is not resent (review of the maybe-done test). */
static void create_not_resent_when_send_overcounts(void **state)
{
    static const fake_exchange s[] = {{NULL, FAKE_STALL, 0}, {NULL, FAKE_STALL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 2);
    g_fake.send_overcount = 1;
    assert_int_equal(create(&info, NULL), WOS_ERR_TIMEOUT);
    assert_int_equal(info.attempts, 1);
    assert_int_equal(g_fake.requests, 1);
}

/* Issue 10's resend rules: after a fully sent request whose answer was lost,
 * the reads (credentials included) are resent, authorize, widget tokens and
 * the writes are not; every POST keeps one Idempotency-Key. */
static void connect_operations_resend_only_reads(void **state)
{
    static const char *const k_read_answers[] = {
        "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"active\":false,\"error\":\"not_installed\"}",
        "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"data\":[]}",
        "HTTP/1.1 200 OK\r\nContent-Length: 30\r\n\r\n{\"id\":\"i\",\"state\":\"connected\"}",
        "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"data\":[]}",
    };
    static const wos_str_pair cfg[] = {{WOS_STR_LIT("k"), WOS_STR_LIT("v")}};
    wos_token_params tp = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("u")};
    wos_authorize_params ap = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("u")};
    wos_api_key_upsert_params kp = {.slug = WOS_STR_LIT("openai"), .user_id = WOS_STR_LIT("u"),
                                    .secret = WOS_STR_LIT("sk-1")};
    wos_client_credentials_params cp = {.slug = WOS_STR_LIT("sf"), .user_id = WOS_STR_LIT("u"),
                                        .client_id = WOS_STR_LIT("c"), .client_secret = WOS_STR_LIT("s")};
    wos_account_params acc = {.user_id = WOS_STR_LIT("u"), .slug = WOS_STR_LIT("github")};
    wos_providers_params pp = {.user_id = WOS_STR_LIT("u")};
    wos_org_config_params op = {.organization_id = WOS_STR_LIT("org_1"), .slug = WOS_STR_LIT("github")};
    wos_widget_token_params wp = {.user_id = WOS_STR_LIT("u")};
    const struct { wos_pipes_op op; const void *params; } reads[] = {
        {&wos_op_credentials, &tp}, {&wos_op_providers, &pp}, {&wos_op_account_get, &acc},
        {&wos_op_org_configs, &op}};
    const struct { wos_pipes_op op; const void *params; } writes[] = {
        {&wos_op_authorize, &ap}, {&wos_op_api_key, &kp}, {&wos_op_client_credentials, &cp},
        {&wos_op_account_create, &acc}, {&wos_op_account_update, &acc},
        {&wos_op_account_delete, &acc}, {&wos_op_org_config_set, &op}, {&wos_op_widget_token, &wp}};
    static union {
        wos_credentials_result cred;
        wos_pipes_items items;
        wos_connected_account account;
        wos_org_config config;
        wos_authorize_url url;
        wos_widget_token widget;
    } out;
    wos_call_info info;
    size_t i;
    (void)state;
    op.config.set = true;
    op.config.pairs = cfg;
    op.config.count = 1;
    for (i = 0; i < sizeof reads / sizeof reads[0]; i++) {
        fake_exchange s[2] = {{NULL, FAKE_STALL, 0}, {NULL, FAKE_NORMAL, 0}};
        s[1].response = k_read_answers[i];
        setup_client(s, 2, 2);
        assert_int_equal(wos_client_op(&g_c, reads[i].op, reads[i].params, NULL, &out, &info), WOS_OK);
        assert_int_equal(info.attempts, 2);
    }
    /* credentials is a POST: both attempts carried the same key */
    setup_client((const fake_exchange[]){{NULL, FAKE_STALL, 0},
                                         {"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n"
                                          "{\"active\":false,\"error\":\"not_installed\"}", FAKE_NORMAL, 0}}, 2, 2);
    assert_int_equal(wos_client_get_credentials(&g_c, &tp, NULL, &out.cred, &info), WOS_OK);
    assert_non_null(strstr(g_fake.log[0], info.idempotency_key));
    assert_non_null(strstr(g_fake.log[1], info.idempotency_key));
    for (i = 0; i < sizeof writes / sizeof writes[0]; i++) {
        static const fake_exchange s[] = {{NULL, FAKE_STALL, 0}, {OK_DI, FAKE_NORMAL, 0}};
        setup_client(s, 2, 2);
        assert_int_equal(wos_client_op(&g_c, writes[i].op, writes[i].params, NULL, &out, &info),
                         WOS_ERR_TIMEOUT);
        assert_int_equal(info.attempts, 1);
    }
}

static void network_errors_before_sending_are_retried_for_writes(void **state)
{
    static const fake_exchange s[] = {{CREATED_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 1, 3);
    g_fake.connect_failures = 2;
    assert_int_equal(create(&info, NULL), WOS_OK);
    assert_int_equal(info.attempts, 3);
    assert_int_equal(g_fake.connects, 3);
    assert_int_equal(g_fake.sleeps, 2);
}

static bool is_uuid4(const char *k)
{
    size_t i;
    if (strlen(k) != 36 || k[14] != '4' || strchr("89ab", k[19]) == NULL) {
        return false;
    }
    for (i = 0; i < 36; i++) {
        if ((i == 8 || i == 13 || i == 18 || i == 23) ? k[i] != '-' : strchr("0123456789abcdef", k[i]) == NULL) {
            return false;
        }
    }
    return true;
}

static void idempotency_key_same_on_every_retry(void **state)
{
    static const fake_exchange s[] = {{STATUS(503), FAKE_NORMAL, 0}, {STATUS(500), FAKE_NORMAL, 0},
                                      {CREATED_DI, FAKE_NORMAL, 0}, {CREATED_DI, FAKE_NORMAL, 0},
                                      {CREATED_DI, FAKE_NORMAL, 0}};
    wos_call_options own = {-1, WOS_STR_LIT("my-key-123"), 0, 0};
    wos_call_info info;
    char k0[64], k1[64], k2[64], k3[64], k4[64];
    (void)state;
    setup_client(s, 5, 3);
    assert_int_equal(create(&info, NULL), WOS_OK);
    assert_int_equal(info.attempts, 3);
    assert_non_null(header_of(0, "Idempotency-Key: ", k0, sizeof k0));
    assert_non_null(header_of(1, "Idempotency-Key: ", k1, sizeof k1));
    assert_non_null(header_of(2, "Idempotency-Key: ", k2, sizeof k2));
    assert_true(is_uuid4(k0));
    assert_string_equal(k0, k1);
    assert_string_equal(k0, k2);
    assert_string_equal(info.idempotency_key, k0);
    assert_int_equal(create(&info, NULL), WOS_OK); /* a new call: a new key */
    assert_non_null(header_of(3, "Idempotency-Key: ", k3, sizeof k3));
    assert_string_not_equal(k3, k0);
    assert_int_equal(create(&info, &own), WOS_OK);
    assert_non_null(header_of(4, "Idempotency-Key: ", k4, sizeof k4));
    assert_string_equal(k4, "my-key-123");
}

/* A caller key with a NUL is refused like CR/LF (header injection), not cut short. */
static void idempotency_key_with_nul_refused(void **state)
{
    static const fake_exchange s[] = {{CREATED_DI, FAKE_NORMAL, 0}};
    wos_call_options o = {-1, {"ab\0cd", 5}, 0, 0};
    wos_call_info info;
    (void)state;
    setup_client(s, 1, 0);
    assert_int_equal(create(&info, &o), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_fake.requests, 0);
}

static void reads_carry_no_idempotency_key(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    char k[64];
    (void)state;
    setup_client(s, 1, 0);
    assert_int_equal(get(&info), WOS_OK);
    assert_null(header_of(0, "Idempotency-Key: ", k, sizeof k));
    assert_string_equal(info.idempotency_key, "");
}

static void response_too_big_then_next_call_works(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{\"id\":", FAKE_NORMAL, 0},
        {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 3);
    assert_int_equal(get(&info), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(info.buffer_needed, 100000 + 43); /* 43 header bytes + the body */
    assert_int_equal(info.attempts, 1);
    assert_false(g_fake.open);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.connects, 2);
}

static bool buf_has(const char *needle)
{
    size_t n = strlen(needle), i;
    for (i = 0; i + n <= BUF_CAP; i++) {
        if (memcmp(g_buf + i, needle, n) == 0) {
            return true;
        }
    }
    return false;
}

/* The size needed is reported, nothing is sent, and the API key does not stay
 * in the working buffer (the head with the Bearer key is written before the
 * size is known). */
static void request_too_big_reports_size(void **state)
{
    static char desc[5000];
    static const fake_exchange s[] = {{CREATED_DI, FAKE_NORMAL, 0}};
    wos_integration_params p = {0};
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    memset(desc, 'x', sizeof desc);
    setup_client(s, 1, 3);
    p.provider = (wos_str)WOS_STR_LIT("github");
    p.description = (wos_opt_str){WOS_SET, {desc, sizeof desc}};
    assert_int_equal(wos_client_create(&g_c, &p, NULL, &d, &info), WOS_ERR_BUFFER_TOO_SMALL);
    assert_true(info.buffer_needed > 5000);
    assert_int_equal(g_fake.requests, 0);
    assert_false(buf_has("sk_test_key"));
}

/* A page of 100 integrations in a working buffer of exactly the size it
 * needs; one byte less reports that size, and the next call still works. */
static void page_of_100_in_a_buffer_sized_for_it(void **state)
{
    static char resp[80000], body[76000], big[80000];
    static jsmntok_t toks[8192];
    fake_exchange s[3] = {{resp, FAKE_NORMAL, 0}, {resp, FAKE_NORMAL, 0}, {resp, FAKE_NORMAL, 0}};
    wos_client_config cfg;
    wos_integration_page page;
    wos_data_integration d;
    wos_call_info info;
    size_t n = 0, need;
    unsigned i;
    (void)state;
    n += (size_t)snprintf(body, sizeof body, "{\"object\":\"list\",\"data\":[");
    for (i = 0; i < 100; i++) {
        n += (size_t)snprintf(body + n, sizeof body - n,
                              "%s{\"object\":\"data_integration\",\"id\":\"data_integration_%03u\",\"slug\":\"p%u\","
                              "\"enabled\":true,\"state\":\"valid\",\"scopes\":[\"repo\"],\"config\":{},"
                              "\"created_at\":\"2026-01-15T12:00:00.000Z\"}", i ? "," : "", i, i);
    }
    n += (size_t)snprintf(body + n, sizeof body - n, "],\"list_metadata\":{\"before\":null,\"after\":null}}");
    need = (size_t)snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nContent-Length: %lu\r\n\r\n%s",
                            (unsigned long)n, body);
    fake_reset(s, 3);
    fake_client_config(&cfg, big, need - 1, toks, 8192);
    assert_int_equal(wos_client_init(&g_c, &cfg), WOS_OK);
    assert_int_equal(wos_client_list(&g_c, NULL, NULL, &page, &info), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(info.buffer_needed, need);
    cfg.buf_cap = need;
    assert_int_equal(wos_client_init(&g_c, &cfg), WOS_OK);
    assert_int_equal(wos_client_list(&g_c, NULL, NULL, &page, &info), WOS_OK);
    assert_int_equal(page.count, 100);
    for (i = 0; i < 100; i++) {
        assert_int_equal(wos_page_next(&page, &d), WOS_OK);
    }
    assert_true(wos_str_eq(d.id, "data_integration_099"));
    assert_int_equal(d.created_at.unix_s, 1768478400);
    assert_int_equal(wos_page_next(&page, &d), WOS_ERR_NOT_FOUND);
}

static void small_reads_parse_the_same(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 1, 0);
    g_fake.recv_chunk = 1;
    assert_int_equal(get(&info), WOS_OK);
}

static wos_status count_pages(void *ctx, wos_integration_page *page)
{
    unsigned *n = (unsigned *)ctx;
    *n += page->count;
    return WOS_OK;
}

/* A walk stops at a page whose call fails, or whose next cursor the pager
 * cannot keep, and reports it; only the pages before it were handed out. */
static void list_all_stops_on_a_failed_page(void **state)
{
    static char long_page[512];
    static const fake_exchange s[] = {
        {"HTTP/1.1 200 OK\r\nContent-Length: 76\r\n\r\n{\"data\":[{\"id\":\"a\",\"slug\":\"a\"}],"
         "\"list_metadata\":{\"before\":null,\"after\":\"a\"}}", FAKE_NORMAL, 0},
        {STATUS(404), FAKE_NORMAL, 0},
        {long_page, FAKE_NORMAL, 0}};
    char cursor[WOS_PAGER_CURSOR_MAX + 2];
    unsigned n = 0;
    wos_call_info info;
    wos_list_params lp = {0};
    int body;
    (void)state;
    memset(cursor, 'x', sizeof cursor - 1);
    cursor[sizeof cursor - 1] = '\0';
    body = (int)strlen("{\"data\":[{\"id\":\"a\",\"slug\":\"a\"}],\"list_metadata\":{\"after\":\"\"}}") +
           (int)strlen(cursor);
    snprintf(long_page, sizeof long_page,
             "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n{\"data\":[{\"id\":\"a\",\"slug\":\"a\"}],"
             "\"list_metadata\":{\"after\":\"%s\"}}", body, cursor);
    setup_client(s, 3, 0);
    assert_int_equal(wos_client_list_all(&g_c, NULL, NULL, count_pages, &n, &info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(n, 1);
    assert_int_equal(info.api.http_status, 404);
    lp.limit = 1;
    assert_int_equal(wos_client_list_all(&g_c, &lp, NULL, count_pages, &n, &info), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(n, 1); /* the page whose cursor cannot be kept is not handed out */
    assert_int_equal(info.buffer_needed, 0);
    assert_int_equal(g_fake.requests, 3);
    lp.limit = 101; /* refused by the request check, before anything is sent */
    assert_int_equal(wos_client_list_all(&g_c, &lp, NULL, count_pages, &n, &info), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_fake.requests, 3);
}

/* A peer that takes or gives a byte at a time, slowly, cannot stretch an
 * attempt past its deadline: the clock is checked before every send and
 * every read. Fast enough, the same trickle succeeds. */
static void trickling_peer_is_bounded_by_the_deadline(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0},
                                      {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    uint64_t start;
    (void)state;
    setup_client(s, 3, 0);
    g_fake.recv_chunk = 1;
    g_fake.io_delay_ms = 1;
    assert_int_equal(get(&info), WOS_OK); /* ~100 bytes at 1 ms each: well within 5 s */
    g_fake.io_delay_ms = 100;
    start = g_fake.now;
    assert_int_equal(get(&info), WOS_ERR_TIMEOUT); /* the answer needs 100 reads of 100 ms */
    assert_true(g_fake.now - start <= 5000 + 100);
    g_fake.recv_chunk = 0;
    g_fake.send_chunk = 1;
    start = g_fake.now;
    assert_int_equal(get(&info), WOS_ERR_TIMEOUT); /* the request needs 150 sends of 100 ms */
    assert_true(g_fake.now - start <= 5000 + 100);
    assert_false(g_fake.open);
}

static void list_all_follows_cursors(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 200 OK\r\nContent-Length: 98\r\n\r\n{\"data\":[{\"id\":\"a\",\"slug\":\"a\"},{\"id\":\"b\",\"slug\":\"b\"}],"
         "\"list_metadata\":{\"before\":null,\"after\":\"b\"}}", FAKE_NORMAL, 0},
        {"HTTP/1.1 200 OK\r\nContent-Length: 76\r\n\r\n{\"data\":[{\"id\":\"c\",\"slug\":\"c\"}],"
         "\"list_metadata\":{\"before\":\"c\",\"after\":null}}", FAKE_NORMAL, 0}};
    unsigned n = 0;
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 0);
    assert_int_equal(wos_client_list_all(&g_c, NULL, NULL, count_pages, &n, &info), WOS_OK);
    assert_int_equal(n, 3);
    assert_non_null(strstr(g_fake.log[0], "GET /data-integrations HTTP/1.1"));
    assert_non_null(strstr(g_fake.log[1], "GET /data-integrations?after=b HTTP/1.1"));
    assert_int_equal(g_fake.connects, 1);
}


/* A kept-alive connection whose read times out was not closed by the
 * server: the stale-connection reopen must not turn it into a second full
 * attempt when retries are disabled. */
static void timeout_on_reused_connection_is_not_repeated(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_NORMAL, 0}, {NULL, FAKE_STALL, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    uint64_t start;
    (void)state;
    setup_client(s, 3, 0); /* retries disabled */
    assert_int_equal(get(&info), WOS_OK);
    start = g_fake.now;
    assert_int_equal(get(&info), WOS_ERR_TIMEOUT);
    assert_int_equal(info.attempts, 1);
    assert_int_equal(g_fake.now - start, 5000); /* one per-attempt timeout, not two */
}

#define EMPTY_CURSOR_PAGE "HTTP/1.1 200 OK\r\nContent-Length: 75\r\n\r\n{\"data\":[{\"id\":\"a\",\"slug\":\"a\"}],\"list_metadata\":{\"before\":null,\"after\":\"\"}}"

/* A walk over a server that answers every page with `page`: it must end
 * after `requests` requests having seen `items` items. */
static void expect_walk_ends(const char *page, unsigned requests, unsigned items)
{
    fake_exchange s[3] = {{NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}, {NULL, FAKE_NORMAL, 0}};
    unsigned n = 0, i;
    wos_call_info info;
    for (i = 0; i < 3; i++) {
        s[i].response = page;
    }
    setup_client(s, 3, 0);
    /* Were the walk endless, the script would run out and the fake stall: a timeout. */
    assert_int_equal(wos_client_list_all(&g_c, NULL, NULL, count_pages, &n, &info), WOS_OK);
    assert_int_equal(g_fake.requests, requests);
    assert_int_equal(n, items);
}

/* An empty `after` cursor must end the walk, not restart it at page one. */
static void list_all_stops_on_empty_cursor(void **state)
{
    (void)state;
    expect_walk_ends(EMPTY_CURSOR_PAGE, 1, 1);
}

/* A request the library refuses says so at once, not after connecting (a
 * TLS handshake) or, when the network is down, after every retry and
 * backoff as a network error. */
static void invalid_request_reported_without_network(void **state)
{
    static const fake_exchange s[] = {{CREATED_DI, FAKE_NORMAL, 0}};
    wos_integration_params p = {0}; /* create without the required provider */
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    setup_client(s, 1, 3);
    g_fake.connect_failures = 10;
    assert_int_equal(wos_client_create(&g_c, &p, NULL, &d, &info), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_fake.connects, 0);
    assert_int_equal(g_fake.sleeps, 0);
}

/*
 * The write-resend rule (issue 9). A PUT repeated with the same body is
 * safe: it is resent after a lost answer (here a timeout) or a 408, 429 or
 * 5xx, within the retry budget, byte for byte the same.
 */
static void update_resent_after_lost_answer_and_5xx(void **state)
{
    static const fake_exchange s[] = {{NULL, FAKE_STALL, 0}, {STATUS(503), FAKE_NORMAL, 0},
                                      {OK_DI, FAKE_NORMAL, 0}};
    wos_integration_params p = {0};
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    setup_client(s, 3, 2);
    p.enabled = (wos_opt_bool){true, false};
    assert_int_equal(wos_client_update(&g_c, (wos_str)WOS_STR_LIT("github"), &p, NULL, &d, &info), WOS_OK);
    assert_int_equal(info.attempts, 3);
    assert_true(info.resent_write);
    assert_int_equal(g_fake.requests, 3);
    assert_string_equal(g_fake.log[0], g_fake.log[2]);
    assert_non_null(strstr(g_fake.log[2], "PUT /data-integrations/github HTTP/1.1\r\n"));
    assert_non_null(strstr(g_fake.log[2], "{\"enabled\":false}"));
}

static wos_status delete_github(wos_call_info *info)
{
    return wos_client_delete(&g_c, (wos_str)WOS_STR_LIT("github"), NULL, info);
}

/*
 * A DELETE resent after an attempt that may have deleted (its answer was
 * lost, or a 5xx) and answered 404 by the retry: the first attempt did
 * it, so the call succeeds (attempts > 1). After a 429 (never processed)
 * a 404 is a real one.
 */
static void delete_404_after_uncertain_attempt_is_success(void **state)
{
    static const fake_exchange s[] = {
        {STATUS(500), FAKE_NORMAL, 0}, {STATUS(404), FAKE_NORMAL, 0},
        {NULL, FAKE_STALL, 0}, {STATUS(404), FAKE_NORMAL, 0},
        {STATUS(429), FAKE_NORMAL, 0}, {STATUS(404), FAKE_NORMAL, 0},
        {STATUS(404), FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 7, 2);
    assert_int_equal(delete_github(&info), WOS_OK);
    assert_int_equal(info.attempts, 2);
    assert_true(info.resent_write);
    assert_int_equal(delete_github(&info), WOS_OK);
    assert_int_equal(info.attempts, 2);
    assert_true(info.resent_write);
    assert_int_equal(delete_github(&info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.attempts, 2);
    assert_false(info.resent_write);
    assert_int_equal(info.api.kind, WOS_ERROR_NOT_FOUND);
    assert_int_equal(delete_github(&info), WOS_ERR_HTTP_STATUS); /* a first 404 is a 404 */
    assert_int_equal(info.attempts, 1);
    assert_int_equal(g_fake.requests, 7);
}

/*
 * POST creates are not de-duplicated by the server: a duplicate answers
 * 409. A 409 to a create resent after a 5xx is reported as its own status
 * (the first attempt probably created it; get it to confirm), not as a
 * plain conflict. After a 429 a 409 is a plain conflict.
 */
static void create_409_after_5xx_is_reported_distinctly(void **state)
{
    static const fake_exchange s[] = {
        {STATUS(502), FAKE_NORMAL, 0}, {STATUS(409), FAKE_NORMAL, 0},
        {STATUS(429), FAKE_NORMAL, 0}, {STATUS(409), FAKE_NORMAL, 0},
        {STATUS(409), FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 5, 2);
    assert_int_equal(create(&info, NULL), WOS_ERR_CREATE_UNCONFIRMED);
    assert_int_equal(info.attempts, 2);
    assert_true(info.resent_write);
    assert_int_equal(info.api.http_status, 409); /* the retry's answer, for the record */
    assert_true(wos_str_eq(info.api.message, "no"));
    assert_true(wos_str_eq(info.api.request_id, "req_409"));
    assert_int_equal(create(&info, NULL), WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.api.kind, WOS_ERROR_CONFLICT);
    assert_int_equal(create(&info, NULL), WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.attempts, 1);
    assert_false(info.resent_write);
    assert_string_not_equal(wos_status_str(WOS_ERR_CREATE_UNCONFIRMED), "unknown status");
}

/* The resend outcome holds for the connected-account writes too, whose
 * descriptors carry it: after a 5xx, a delete answered 404 succeeds and a
 * create answered 409 is unconfirmed; a first 409 is a plain conflict. */
static void account_writes_resent_after_5xx(void **state)
{
    static const fake_exchange s[] = {
        {STATUS(503), FAKE_NORMAL, 0}, {STATUS(404), FAKE_NORMAL, 0},
        {STATUS(500), FAKE_NORMAL, 0}, {STATUS(409), FAKE_NORMAL, 0},
        {STATUS(409), FAKE_NORMAL, 0}};
    wos_account_params acc = {.user_id = WOS_STR_LIT("u"), .slug = WOS_STR_LIT("github")};
    wos_connected_account out;
    wos_call_info info;
    (void)state;
    setup_client(s, 5, 2);
    assert_int_equal(wos_client_op(&g_c, &wos_op_account_delete, &acc, NULL, NULL, &info), WOS_OK);
    assert_int_equal(info.attempts, 2);
    assert_true(info.resent_write);
    assert_int_equal(wos_client_op(&g_c, &wos_op_account_create, &acc, NULL, &out, &info),
                     WOS_ERR_CREATE_UNCONFIRMED);
    assert_int_equal(info.api.http_status, 409);
    assert_true(wos_str_eq(info.api.message, "no"));
    assert_int_equal(wos_client_op(&g_c, &wos_op_account_create, &acc, NULL, &out, &info),
                     WOS_ERR_HTTP_STATUS);
    assert_int_equal(info.attempts, 1);
}

#define SAME_CURSOR_PAGE "HTTP/1.1 200 OK\r\nContent-Length: 76\r\n\r\n{\"data\":[{\"id\":\"a\",\"slug\":\"a\"}],\"list_metadata\":{\"before\":null,\"after\":\"a\"}}"

/* A server that hands back the cursor it was given would loop the walk forever:
 * first page, then after=a, which answers after=a again. */
static void list_all_stops_on_repeated_cursor(void **state)
{
    (void)state;
    expect_walk_ends(SAME_CURSOR_PAGE, 2, 2);
}

/* A NULL result pointer is refused before anything is sent (else a create
 * would reach the server and only then report WOS_ERR_INVALID_ARG). */
static void null_out_refused_before_sending(void **state)
{
    static const fake_exchange s[] = {{CREATED_DI, FAKE_NORMAL, 0}};
    wos_integration_params p = {0};
    wos_call_info info;
    (void)state;
    setup_client(s, 1, 0);
    p.provider = (wos_str)WOS_STR_LIT("github");
    assert_int_equal(wos_client_create(&g_c, &p, NULL, NULL, &info), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_fake.requests, 0);
}

/* Arguments the API boundary refuses cost no connection and send nothing. */
static void bad_ids_refused_before_connecting(void **state)
{
    static const fake_exchange s[] = {{TOKEN_OK, FAKE_NORMAL, 0}};
    wos_token_params t = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT(""),
        .organization_id = WOS_STR_NULL};
    wos_access_token tok;
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    setup_client(s, 1, 3);
    assert_int_equal(wos_client_get_token(&g_c, &t, NULL, &tok, &info), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("git\x80hub"), NULL, &d, &info),
                     WOS_ERR_INVALID_ARG);
    assert_int_equal(g_fake.connects, 0);
    assert_int_equal(g_fake.requests, 0);
}

/* Every part the client needs must be there; what is missing is refused. */
static void init_refuses_missing_parts(void **state)
{
    wos_client_config cfg, good;
    wos_platform plat;
    wos_client c;
    (void)state;
    fake_reset(NULL, 0);
    wos_client_config_init(&good);
    good.api_key = (wos_str)WOS_STR_LIT("sk_test");
    good.transport.ops = &k_fake_ops;
    good.transport.ctx = &g_fake;
    good.platform = &k_fake_platform;
    good.buf = g_buf;
    good.buf_cap = BUF_CAP;
    good.tokens = g_tok;
    good.token_cap = 256;
    good.timeout_ms = 0; /* 0: the default */
    assert_int_equal(wos_client_init(&c, &good), WOS_OK);
    assert_int_equal(c.cfg.timeout_ms, WOS_DEFAULT_TIMEOUT_MS);
    assert_int_equal(wos_client_init(NULL, &good), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_client_init(&c, NULL), WOS_ERR_INVALID_ARG);
    cfg = good, cfg.buf = NULL;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg = good, cfg.buf_cap = 0;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg = good, cfg.tokens = NULL;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg = good, cfg.token_cap = 0;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg = good, cfg.transport.ops = NULL;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg = good, cfg.api_key = (wos_str)WOS_STR_NULL;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg = good, cfg.platform = &plat;
    plat = k_fake_platform, plat.now_ms = NULL;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    plat = k_fake_platform, plat.random = NULL;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    plat = k_fake_platform, plat.sleep_until = NULL;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    plat = k_fake_platform, plat.wall_clock_s = NULL; /* optional */
    assert_int_equal(wos_client_init(&c, &cfg), WOS_OK);
    /* NULLs elsewhere are harmless. */
    wos_client_config_init(NULL);
    wos_call_options_init(NULL);
    wos_client_close(NULL);
    wos_client_close(&c); /* never connected */
    assert_int_equal(wos_client_call(NULL, NULL, NULL, NULL, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(wos_client_call(&c, NULL, NULL, &good, NULL), WOS_ERR_INVALID_ARG);
}

static void init_validates(void **state)
{
    wos_client_config cfg;
    wos_client c;
    (void)state;
    fake_reset(NULL, 0);
    wos_client_config_init(&cfg);
    cfg.api_key = (wos_str)WOS_STR_LIT("sk_test");
    cfg.transport.ops = &k_fake_ops;
    cfg.transport.ctx = &g_fake;
    cfg.platform = &k_fake_platform;
    cfg.buf = g_buf;
    cfg.buf_cap = BUF_CAP;
    cfg.tokens = g_tok;
    cfg.token_cap = 256;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_OK);
    assert_string_equal(c.host, "api.workos.com");
    assert_int_equal(c.ep.port, 443);
    cfg.base_url = "http://127.0.0.1:8080";
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.allow_plain_http = true;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_OK);
    assert_int_equal(c.ep.port, 8080);
    cfg.base_url = "ftp://x";
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.base_url = "https://api..example.com";
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.base_url = "https://-api.example.com";
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.base_url = "https://this-host-name-is-much-longer-than-the-sixty-four-bytes-we-keep.example.com";
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_BUFFER_TOO_SMALL);
    cfg.base_url = NULL;
    cfg.api_key = (wos_str)WOS_STR_LIT("sk\r\nX: y");
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.api_key = (wos_str)WOS_STR_LIT("sk\nX");
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.api_key = (wos_str){"sk\0x", 4};
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.api_key = (wos_str)WOS_STR_LIT("sk_test_0123456789\tabcdef"); /* any control byte */
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.api_key = (wos_str)WOS_STR_LIT("sk_test_0123456789abcdef\x7f");
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.api_key = (wos_str)WOS_STR_LIT("");
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
    cfg.api_key = (wos_str)WOS_STR_LIT("sk");
    cfg.platform = NULL;
    assert_int_equal(wos_client_init(&c, &cfg), WOS_ERR_INVALID_ARG);
}


/* Review: doubling a large backoff must clamp at the cap, not wrap around. */
static void backoff_doubling_clamps_instead_of_wrapping(void **state)
{
    static const fake_exchange s[] = {{STATUS(500), FAKE_NORMAL, 0}, {STATUS(500), FAKE_NORMAL, 0},
                                      {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 3, 2);
    g_c.cfg.retry.backoff_base_ms = 3000000000u;
    g_c.cfg.retry.backoff_cap_ms = UINT32_MAX;
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.sleeps, 2);
    assert_true(g_fake.slept_ms[0] >= 1500000000u && g_fake.slept_ms[0] <= 3000000000u);
    assert_true(g_fake.slept_ms[1] >= UINT32_MAX / 2u); /* wrapped: 1705032704 / 2 .. */
}

/* Review: the size reported for a request that does not fit is exact. */
static void request_too_big_reports_exact_size(void **state)
{
    static char desc[5000];
    static char big[8192];
    static const fake_exchange s[] = {{CREATED_DI, FAKE_NORMAL, 0}};
    wos_integration_params p = {0};
    wos_pipes_endpoint ep = {WOS_STR_LIT("api.example.test"), 443, true, WOS_STR_LIT("sk_test_key")};
    wos_call_options o;
    wos_data_integration d;
    wos_call_info info;
    size_t want = 0;
    (void)state;
    memset(desc, 'x', sizeof desc);
    setup_client(s, 1, 3);
    p.provider = (wos_str)WOS_STR_LIT("github");
    p.description = (wos_opt_str){WOS_SET, {desc, sizeof desc}};
    wos_call_options_init(&o);
    o.idempotency_key = (wos_str)WOS_STR_LIT("0123456789abcdef0123456789abcdef0123");
    assert_int_equal(wos_pipes_write_create(&ep, &p, o.idempotency_key, big, sizeof big, &want), WOS_OK);
    assert_int_equal(wos_client_create(&g_c, &p, &o, &d, &info), WOS_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(info.buffer_needed, want);
    assert_int_equal((unsigned char)g_buf[BUF_CAP], 0x5A);
}

/* Review: too few JSON tokens reports the count through the client. */
static void too_few_tokens_reported_by_client(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_data_integration d;
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 3);
    g_c.cfg.token_cap = 2;
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), NULL, &d, &info), WOS_ERR_JSON_TOKENS);
    assert_int_equal(info.tokens_needed, 5);
    assert_int_equal(info.attempts, 1);
    g_c.cfg.token_cap = 5;
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), NULL, &d, &info), WOS_OK);
}

static wos_status stop_walk(void *ctx, wos_integration_page *page)
{
    (void)page;
    ++*(unsigned *)ctx;
    return WOS_ERR_STATE;
}

/* Review: whatever on_page returns other than WOS_OK stops the walk and is returned. */
static void list_all_returns_on_page_status(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 200 OK\r\nContent-Length: 98\r\n\r\n{\"data\":[{\"id\":\"a\",\"slug\":\"a\"},{\"id\":\"b\",\"slug\":\"b\"}],"
         "\"list_metadata\":{\"before\":null,\"after\":\"b\"}}", FAKE_NORMAL, 0},
        {OK_DI, FAKE_NORMAL, 0}};
    unsigned calls = 0;
    (void)state;
    setup_client(s, 2, 0);
    assert_int_equal(wos_client_list_all(&g_c, NULL, NULL, stop_walk, &calls, NULL), WOS_ERR_STATE);
    assert_int_equal(calls, 1);
    assert_int_equal(g_fake.requests, 1);
}


/* Review: the backoff has jitter: other entropy, other waits, each within [step/2, step]. */
static void backoff_jitter_depends_on_entropy(void **state)
{
    static const fake_exchange s[] = {{STATUS(500), FAKE_NORMAL, 0}, {STATUS(500), FAKE_NORMAL, 0},
                                      {STATUS(500), FAKE_NORMAL, 0}, {STATUS(500), FAKE_NORMAL, 0}};
    uint64_t first[3];
    wos_call_info info;
    unsigned i, differ = 0;
    (void)state;
    setup_client(s, 4, 3);
    assert_int_equal(get(&info), WOS_ERR_HTTP_STATUS);
    memcpy(first, g_fake.slept_ms, sizeof first);
    setup_client(s, 4, 3);
    g_fake.rnd = 101; /* other random bytes */
    assert_int_equal(get(&info), WOS_ERR_HTTP_STATUS);
    for (i = 0; i < 3; i++) {
        differ += first[i] != g_fake.slept_ms[i];
    }
    assert_true(differ > 0);
}


/* Review: the API key does not stay in the working buffer after a call whose answer never came. */
static void api_key_wiped_after_sending(void **state)
{
    static const fake_exchange s[] = {{NULL, FAKE_STALL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 1, 0);
    assert_int_equal(get(&info), WOS_ERR_TIMEOUT);
    assert_int_equal(g_fake.requests, 1);
    assert_non_null(strstr(g_fake.log[0], "Bearer sk_test_key"));
    assert_false(buf_has("sk_test_key"));
}

/* Review: a caller key of 36 bytes is taken, 37 refused (info->idempotency_key holds 36 + NUL). */
static void idempotency_key_length_boundary(void **state)
{
    static const fake_exchange s[] = {{CREATED_DI, FAKE_NORMAL, 0}};
    static const char k37[] = "0123456789abcdef0123456789abcdef01234";
    wos_call_options o;
    wos_call_info info;
    char k[64];
    (void)state;
    setup_client(s, 1, 0);
    wos_call_options_init(&o);
    o.idempotency_key = (wos_str){k37, 37};
    assert_int_equal(create(&info, &o), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_fake.requests, 0);
    o.idempotency_key.len = 36;
    assert_int_equal(create(&info, &o), WOS_OK);
    assert_non_null(header_of(0, "Idempotency-Key: ", k, sizeof k));
    assert_int_equal(strlen(k), 36);
    assert_memory_equal(k, k37, 36);
}

/* Review: a list, like get, is a read: a timeout after sending is retried. */
static void timeout_retried_for_list(void **state)
{
    static const fake_exchange s[] = {{NULL, FAKE_STALL, 0},
        {"HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"data\":[]}", FAKE_NORMAL, 0}};
    wos_integration_page page;
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 1);
    assert_int_equal(wos_client_list(&g_c, NULL, NULL, &page, &info), WOS_OK);
    assert_int_equal(info.attempts, 2);
}

/* Review: the per-call timeout replaces the client's, and the overall deadline also cuts an attempt short. */
static void per_call_and_overall_timeouts_bound_an_attempt(void **state)
{
    static const fake_exchange s[] = {{NULL, FAKE_STALL, 0}, {NULL, FAKE_STALL, 0}};
    wos_call_options o;
    wos_data_integration d;
    wos_call_info info;
    uint64_t start;
    (void)state;
    setup_client(s, 2, 0); /* client: 5000 ms per attempt */
    wos_call_options_init(&o);
    o.timeout_ms = 1234;
    start = g_fake.now;
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), &o, &d, &info), WOS_ERR_TIMEOUT);
    assert_int_equal(g_fake.now - start, 1234);
    wos_call_options_init(&o);
    o.overall_timeout_ms = 700;
    start = g_fake.now;
    assert_int_equal(wos_client_get(&g_c, (wos_str)WOS_STR_LIT("github"), &o, &d, &info), WOS_ERR_TIMEOUT);
    assert_int_equal(g_fake.now - start, 700);
}

/* Review: the client's own overall deadline (not only the per-call one) stops retries. */
static void client_overall_deadline_stops_retrying(void **state)
{
    static const fake_exchange s[] = {
        {"HTTP/1.1 429 Too Many\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n", FAKE_NORMAL, 0},
        {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 3);
    g_c.cfg.overall_timeout_ms = 10000;
    assert_int_equal(get(&info), WOS_ERR_HTTP_STATUS);
    assert_int_equal(g_fake.sleeps, 0);
}

/* Review: bytes after a complete response (an unasked-for second answer) close the connection. */
static void leftover_bytes_close_the_connection(void **state)
{
    static const fake_exchange s[] = {{OK_DI OK_DI, FAKE_NORMAL, 0}, {OK_DI, FAKE_NORMAL, 0}};
    wos_call_info info;
    (void)state;
    setup_client(s, 2, 0);
    assert_int_equal(get(&info), WOS_OK);
    assert_false(g_fake.open);
    assert_int_equal(get(&info), WOS_OK);
    assert_int_equal(g_fake.connects, 2);
}

static void list_all_without_callback_refused(void **state)
{
    static const fake_exchange s[] = {{OK_DI, FAKE_NORMAL, 0}};
    (void)state;
    setup_client(s, 1, 0);
    assert_int_equal(wos_client_list_all(&g_c, NULL, NULL, NULL, NULL, NULL), WOS_ERR_INVALID_ARG);
    assert_int_equal(g_fake.requests, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(call_without_info_reports_into_the_client),
        cmocka_unit_test(keep_alive_reuses_one_connection),
        cmocka_unit_test(idle_close_is_detected_and_reopened),
        cmocka_unit_test(stale_connection_race_reopens_reads_only),
        cmocka_unit_test(transport_without_is_alive_recovers),
        cmocka_unit_test(failed_send_closes_the_connection),
        cmocka_unit_test(failed_token_decode_leaves_no_secret),
        cmocka_unit_test(bad_ids_refused_before_connecting),
        cmocka_unit_test(connection_close_header_closes),
        cmocka_unit_test(retries_each_retryable_status),
        cmocka_unit_test(non_retryable_status_is_final),
        cmocka_unit_test(retries_exhausted_report_last_error),
        cmocka_unit_test(backoff_doubles_with_jitter_and_cap),
        cmocka_unit_test(retry_after_both_forms_and_cap),
        cmocka_unit_test(retry_after_date_without_date_header_uses_wall_clock),
        cmocka_unit_test(retry_after_date_reported_in_error),
        cmocka_unit_test(retry_after_date_past_or_without_wall_clock),
        cmocka_unit_test(huge_retry_after_saturates),
        cmocka_unit_test(backoff_cap_and_no_entropy),
        cmocka_unit_test(no_entropy_for_an_idempotency_key),
        cmocka_unit_test(overall_deadline_stops_retrying),
        cmocka_unit_test(per_call_retries_override),
        cmocka_unit_test(options_init_keeps_client_policy),
        cmocka_unit_test(deadline_expires_mid_body),
        cmocka_unit_test(timeout_retried_for_token_not_for_create),
        cmocka_unit_test(connect_operations_resend_only_reads),
        cmocka_unit_test(network_errors_before_sending_are_retried_for_writes),
        cmocka_unit_test(idempotency_key_same_on_every_retry),
        cmocka_unit_test(idempotency_key_with_nul_refused),
        cmocka_unit_test(reads_carry_no_idempotency_key),
        cmocka_unit_test(response_too_big_then_next_call_works),
        cmocka_unit_test(request_too_big_reports_size),
        cmocka_unit_test(page_of_100_in_a_buffer_sized_for_it),
        cmocka_unit_test(small_reads_parse_the_same),
        cmocka_unit_test(list_all_follows_cursors),
        cmocka_unit_test(init_validates),
        cmocka_unit_test(init_refuses_missing_parts),
        cmocka_unit_test(timeout_on_reused_connection_is_not_repeated),
        cmocka_unit_test(list_all_stops_on_empty_cursor),
        cmocka_unit_test(invalid_request_reported_without_network),
        cmocka_unit_test(update_resent_after_lost_answer_and_5xx),
        cmocka_unit_test(create_not_resent_when_send_overcounts),
        cmocka_unit_test(delete_404_after_uncertain_attempt_is_success),
        cmocka_unit_test(create_409_after_5xx_is_reported_distinctly),
        cmocka_unit_test(account_writes_resent_after_5xx),
        cmocka_unit_test(list_all_stops_on_repeated_cursor),
        cmocka_unit_test(null_out_refused_before_sending),
        cmocka_unit_test(backoff_doubling_clamps_instead_of_wrapping),
        cmocka_unit_test(request_too_big_reports_exact_size),
        cmocka_unit_test(too_few_tokens_reported_by_client),
        cmocka_unit_test(list_all_returns_on_page_status),
        cmocka_unit_test(list_all_stops_on_a_failed_page),
        cmocka_unit_test(trickling_peer_is_bounded_by_the_deadline),
        cmocka_unit_test(backoff_jitter_depends_on_entropy),
        cmocka_unit_test(api_key_wiped_after_sending),
        cmocka_unit_test(idempotency_key_length_boundary),
        cmocka_unit_test(timeout_retried_for_list),
        cmocka_unit_test(per_call_and_overall_timeouts_bound_an_attempt),
        cmocka_unit_test(client_overall_deadline_stops_retrying),
        cmocka_unit_test(leftover_bytes_close_the_connection),
        cmocka_unit_test(list_all_without_callback_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
