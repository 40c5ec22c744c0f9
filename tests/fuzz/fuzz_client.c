/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the client (wos_client.h) over an in-memory
 * transport and a fake clock. The input is
 *
 *   byte 0     operations: bits 0-2 the first call, bits 3-5 a second call
 *              on the same client (keep-alive, leftovers), bits 6-7 retries
 *   byte 1     knobs: see the K_* flags below
 *   bytes 2-5  receive (and send) chunk sizes, used in turn (0: that read
 *              times out)
 *   byte 6     more knobs: the M_* flags below
 *   the rest   what the "server" answers: the bytes up to the first
 *              separator "====" answer the first request, the next
 *              segment the second request (a retry, the second call), and
 *              so on. A segment may hold anything: half a response, two
 *              responses, garbage. Once a segment is used up the server
 *              closes the connection (or, by a knob, goes silent). A
 *              separator "====!" has the server close the connection as
 *              soon as the answer before it is delivered, which the client
 *              may see through is_alive() while idle.
 *
 * The working buffer and token array are heap blocks of exact size, so
 * any access past them is an ASan report. Any status is fine as long as
 * it is a documented one; the checks are that results point into the
 * working buffer and answer their accessors, that the sizes reported for
 * too-small buffers are plausible, that backoff never sleeps longer than
 * the caps, that the call always ends, and that the API key is wiped.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "walk.h"
#include "wos_client.h"

#define HEADER_BYTES 7u
#define SEP "===="
#define SEP_LEN 4u
#define MAX_TRANSPORT_CALLS 200000u

enum {
    K_SMALL_BUF = 1 << 0,    /* 320-byte working buffer instead of 4096 */
    K_SMALL_TOKENS = 1 << 1, /* 12 tokens instead of 512 */
    K_CONNECT_FAILS = 1 << 2, /* the first connect fails */
    K_EOF_TIMEOUT = 1 << 3,  /* an exhausted stream stalls instead of closing */
    K_NO_IS_ALIVE = 1 << 4,  /* the transport has no is_alive */
    K_SEND_CHUNKS = 1 << 5,  /* send takes the chunk sizes too */
    K_OVERALL = 1 << 6,      /* an overall deadline of 20 s */
    K_NO_WALL = 1 << 7       /* no wall clock */
};

enum {
    M_SMALL_HEADERS = 1 << 0, /* a 200-byte header limit */
    M_SEND_STALLS = 1 << 1,   /* with K_SEND_CHUNKS, a 0 chunk times the send out */
    M_WALL_UNKNOWN = 1 << 2,  /* the wall clock answers WOS_ERR_STATE */
    M_NO_ENTROPY = 1 << 3,    /* random() fails: no idempotency key can be made */
    M_OPTIONS = 1 << 4,       /* per-call options: no retries, 1 s per attempt, 3 s overall */
    M_CALLER_KEY = 1 << 5     /* per-call options carry the caller's idempotency key */
};

static const char k_api_key[] = "sk_fuzz_0123456789abcdef";
static const char k_client_secret[] = "cs_fuzz_secret_fedcba9876";

typedef struct fake {
    const uint8_t *stream;
    size_t len;
    size_t pos, seg_end; /* the answer being delivered: stream[pos, seg_end) */
    size_t next;         /* start of the next answer; > len when none is left */
    int awaiting;        /* a request was sent: the next read starts its answer */
    int closed;          /* the server closed this connection */
    uint8_t chunk[4];
    unsigned chunk_next, calls, connects;
    uint8_t knobs, more;
    int close_after; /* the server closes once the current answer is delivered */
    int open;
    uint64_t now;
    const char *buf; /* the client's working buffer */
    size_t cap;
} fake;

static void count_call(fake *f)
{
    FUZZ_CHECK(++f->calls < MAX_TRANSPORT_CALLS); /* the call must end */
}

static size_t next_chunk(fake *f)
{
    return f->chunk[f->chunk_next++ % 4u];
}

static int inside_buf(const fake *f, const void *p, size_t n)
{
    const char *c = (const char *)p;
    return c >= f->buf && c <= f->buf + f->cap && n <= (size_t)(f->buf + f->cap - c);
}

static wos_status t_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline)
{
    fake *f = (fake *)ctx;
    (void)deadline;
    count_call(f);
    FUZZ_CHECK(strcmp(host, "api.example.test") == 0 && port == 443);
    if (f->connects++ == 0u && (f->knobs & K_CONNECT_FAILS) != 0) {
        return WOS_ERR_NETWORK;
    }
    f->open = 1;
    f->closed = 0;
    return WOS_OK;
}

static wos_status t_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline, size_t *n)
{
    fake *f = (fake *)ctx;
    size_t k = len;
    count_call(f);
    FUZZ_CHECK(len > 0u && inside_buf(f, data, len));
    if (!f->open) {
        return WOS_ERR_NETWORK;
    }
    if ((f->knobs & K_SEND_CHUNKS) != 0) {
        k = next_chunk(f);
        if (k == 0u && (f->more & M_SEND_STALLS) != 0) {
            f->now = deadline > f->now ? deadline : f->now;
            return WOS_ERR_TIMEOUT;
        }
        k = k == 0u ? 1u : (k < len ? k : len);
    }
    *n = k;
    f->awaiting = 1;
    return WOS_OK;
}

/* The answer to the request just sent: the next segment of the stream. */
static void next_answer(fake *f)
{
    size_t i;
    f->awaiting = 0;
    if (f->next > f->len) {
        f->pos = f->seg_end = f->len;
        return;
    }
    f->pos = f->next;
    for (i = f->pos; i + SEP_LEN <= f->len; i++) {
        if (memcmp(f->stream + i, SEP, SEP_LEN) == 0) {
            break;
        }
    }
    f->seg_end = i + SEP_LEN <= f->len ? i : f->len;
    f->next = f->seg_end + SEP_LEN;
    f->close_after = f->next < f->len && f->stream[f->next] == '!';
    f->next += (size_t)f->close_after;
}

static wos_status t_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline, size_t *n)
{
    fake *f = (fake *)ctx;
    size_t k;
    count_call(f);
    FUZZ_CHECK(cap > 0u && inside_buf(f, buf, cap));
    if (!f->open) {
        return WOS_ERR_NETWORK;
    }
    if (f->awaiting) {
        next_answer(f);
    }
    if (f->closed) {
        return WOS_ERR_CLOSED;
    }
    if (f->pos >= f->seg_end) {
        if ((f->knobs & K_EOF_TIMEOUT) == 0) {
            f->closed = 1;
            return WOS_ERR_CLOSED;
        }
        f->now = deadline > f->now ? deadline : f->now;
        return WOS_ERR_TIMEOUT;
    }
    k = next_chunk(f);
    if (k == 0u) {
        f->now = deadline > f->now ? deadline : f->now; /* this read waits until its deadline */
        return WOS_ERR_TIMEOUT;
    }
    k = k < cap ? k : cap;
    k = k < f->seg_end - f->pos ? k : f->seg_end - f->pos;
    memcpy(buf, f->stream + f->pos, k);
    f->pos += k;
    *n = k;
    if (f->pos == f->seg_end && f->close_after) {
        f->closed = 1; /* seen by is_alive(); the next read gets WOS_ERR_CLOSED */
    }
    return WOS_OK;
}

static int t_is_alive(void *ctx)
{
    fake *f = (fake *)ctx;
    return f->open && !f->closed;
}

static void t_close(void *ctx)
{
    ((fake *)ctx)->open = 0;
}

static uint64_t p_now(void *ctx)
{
    return ++((fake *)ctx)->now; /* time passes a little at every look */
}

static wos_status p_wall(void *ctx, int64_t *out)
{
    if ((((fake *)ctx)->more & M_WALL_UNKNOWN) != 0) {
        return WOS_ERR_STATE;
    }
    *out = 1700000000 + (int64_t)(((fake *)ctx)->now / 1000u);
    return WOS_OK;
}

static wos_status p_random(void *ctx, uint8_t *buf, size_t len)
{
    fake *f = (fake *)ctx;
    size_t i;
    if ((f->more & M_NO_ENTROPY) != 0) {
        return WOS_ERR_STATE;
    }
    for (i = 0; i < len; i++) {
        buf[i] = (uint8_t)(f->now * 31u + i * 7u);
    }
    return WOS_OK;
}

static void p_sleep(void *ctx, uint64_t deadline)
{
    fake *f = (fake *)ctx;
    /* Backoff is capped at 8 s and Retry-After at 60 s (the defaults). */
    FUZZ_CHECK(deadline <= f->now + 60000u + 1u);
    if (deadline > f->now) {
        f->now = deadline;
    }
}

/* Statuses the client documents for a server's answers (WOS_ERR_STATE is checked apart). */
static int documented(wos_status st)
{
    switch (st) {
    case WOS_OK: case WOS_ERR_HTTP_STATUS: case WOS_ERR_BUFFER_TOO_SMALL:
    case WOS_ERR_JSON_TOKENS: case WOS_ERR_TIMEOUT: case WOS_ERR_NETWORK: case WOS_ERR_CLOSED:
    case WOS_ERR_HTTP_MALFORMED: case WOS_ERR_HTTP_FRAMING: case WOS_ERR_HTTP_HEADERS_TOO_LARGE:
    case WOS_ERR_JSON_MALFORMED: case WOS_ERR_JSON_SHAPE: case WOS_ERR_INVALID_UTF8:
    case WOS_ERR_INVALID_TIME: case WOS_ERR_JSON_TOO_DEEP:
        return 1;
    default:
        return 0;
    }
}

typedef struct run {
    wos_client c;
    fake f;
    fuzz_region reg;
    unsigned retries;
} run;

static wos_status on_page(void *ctx, wos_integration_page *page)
{
    (void)fuzz_walk_page((const fuzz_region *)ctx, page);
    return WOS_OK;
}

/* Per-call options from the knobs; NULL (the client's settings) when none is set. */
static const wos_call_options *options(const run *r, wos_call_options *o)
{
    static const wos_str key = WOS_STR_LIT("11111111-2222-4333-8444-555555555555");
    wos_call_options_init(o);
    if ((r->f.more & M_OPTIONS) != 0) {
        o->retries = 0;
        o->timeout_ms = 1000u;
        o->overall_timeout_ms = 3000u;
    }
    if ((r->f.more & M_CALLER_KEY) != 0) {
        o->idempotency_key = key;
    }
    return (r->f.more & (M_OPTIONS | M_CALLER_KEY)) != 0 ? o : NULL;
}

static wos_status call_op(run *r, unsigned op, wos_call_info *info)
{
    static const wos_token_params tp = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("user_1"),
        .organization_id = WOS_STR_NULL};
    static const wos_list_params lp = {10u, WOS_STR_NULL, WOS_STR_NULL, WOS_STR_LIT("desc")};
    const wos_str slug = WOS_STR_LIT("github");
    wos_integration_params ip;
    wos_call_options o;
    const wos_call_options *opts = options(r, &o);
    wos_access_token tok;
    wos_data_integration di;
    wos_integration_page page;
    wos_status st;
    memset(&ip, 0, sizeof ip);
    ip.provider = slug;
    switch (op) {
    case 0:
        st = wos_client_get_token(&r->c, &tp, opts, &tok, info);
        if (st == WOS_OK) {
            (void)fuzz_walk_token(&r->reg, &tok);
            fuzz_check_wipe(&r->reg, &tok);
        }
        return st;
    case 1:
        st = wos_client_create(&r->c, &ip, opts, &di, info);
        break;
    case 2:
        st = wos_client_list(&r->c, &lp, opts, &page, info);
        if (st == WOS_OK) {
            (void)fuzz_walk_page(&r->reg, &page);
        }
        return st;
    case 3:
        st = wos_client_get(&r->c, slug, opts, &di, info);
        break;
    case 4: case 7:
        ip.provider.ptr = NULL;
        ip.description.state = WOS_NULL;
        if (op == 7) { /* rotates the client secret: a second secret in the request */
            ip.credentials.type = (wos_str)WOS_STR_LIT("custom");
            ip.credentials.client_id = (wos_str)WOS_STR_LIT("Iv1.abc123");
            ip.credentials.client_secret = (wos_str)WOS_STR_LIT(k_client_secret);
        }
        st = wos_client_update(&r->c, slug, &ip, opts, &di, info);
        break;
    case 5:
        return wos_client_delete(&r->c, slug, opts, info);
    default:
        return wos_client_list_all(&r->c, &lp, opts, on_page, &r->reg, info);
    }
    if (st == WOS_OK) {
        (void)fuzz_walk_integration(&r->reg, &di);
    }
    return st;
}

static int contains(const void *hay, size_t n, const char *needle, size_t k)
{
    const char *h = (const char *)hay;
    size_t i;
    for (i = 0; h != NULL && i + k <= n; i++) {
        if (memcmp(h + i, needle, k) == 0) {
            return 1;
        }
    }
    return 0;
}

static void check_call(run *r, unsigned op, const uint8_t *data, size_t size)
{
    wos_call_info info;
    wos_status st = call_op(r, op, &info);
    unsigned retries = (r->f.more & M_OPTIONS) != 0 ? 0u : r->retries;
    int keyless = (r->f.more & M_NO_ENTROPY) != 0 && (r->f.more & M_CALLER_KEY) == 0;
    if (keyless && (op == 0u || op == 1u)) {
        /* No idempotency key: the platform's status, before any attempt. */
        FUZZ_CHECK(st == WOS_ERR_STATE && info.attempts == 0u);
        return;
    }
    FUZZ_CHECK(documented(st));
    FUZZ_CHECK(info.attempts >= 1u && info.attempts <= retries + 2u); /* + one reopen */
    if (st == WOS_ERR_HTTP_STATUS) {
        FUZZ_CHECK(info.api.http_status < 200 || info.api.http_status > 299);
        FUZZ_CHECK(fuzz_inside(info.api.request_id, r->reg.base, r->reg.len));
        fuzz_walk_error(&r->reg, &info.api);
    }
    if (st == WOS_ERR_BUFFER_TOO_SMALL) {
        FUZZ_CHECK(info.buffer_needed == 0u || info.buffer_needed > r->reg.len);
    }
    if (st == WOS_ERR_JSON_TOKENS) {
        FUZZ_CHECK(info.tokens_needed > r->c.cfg.token_cap);
    }
    if (op == 0u || op == 1u) {
        FUZZ_CHECK(strlen(info.idempotency_key) == 36u); /* a fresh UUIDv4 */
    }
    /* Nothing of the request, the API key and client secret least of all, stays in the buffer. */
    if (!contains(data, size, k_api_key, sizeof k_api_key - 1u)) {
        FUZZ_CHECK(!contains(r->reg.base, r->reg.len, k_api_key, sizeof k_api_key - 1u));
    }
    if (!contains(data, size, k_client_secret, sizeof k_client_secret - 1u)) {
        FUZZ_CHECK(!contains(r->reg.base, r->reg.len, k_client_secret, sizeof k_client_secret - 1u));
    }
}

static const wos_transport_ops k_ops = {t_connect, t_send, t_recv, t_is_alive, t_close};
static const wos_transport_ops k_ops_no_alive = {t_connect, t_send, t_recv, NULL, t_close};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t head[HEADER_BYTES] = {0};
    wos_client_config cfg;
    wos_platform plat;
    run *r = calloc(1, sizeof *r);
    size_t i, cap;
    unsigned token_cap;
    FUZZ_CHECK(r != NULL);
    for (i = 0; i < HEADER_BYTES && i < size; i++) {
        head[i] = data[i];
    }
    r->f.knobs = head[1];
    r->f.more = head[6];
    memcpy(r->f.chunk, head + 2, 4);
    r->f.stream = size > HEADER_BYTES ? data + HEADER_BYTES : NULL;
    r->f.len = size > HEADER_BYTES ? size - HEADER_BYTES : 0u;
    r->f.next = 0u;
    r->f.now = 1000u;
    r->retries = head[0] >> 6;
    cap = (head[1] & K_SMALL_BUF) != 0 ? 320u : 4096u;
    token_cap = (head[1] & K_SMALL_TOKENS) != 0 ? 12u : 512u;

    plat.ctx = &r->f;
    plat.now_ms = p_now;
    plat.wall_clock_s = (head[1] & K_NO_WALL) != 0 ? NULL : p_wall;
    plat.random = p_random;
    plat.sleep_until = p_sleep;
    wos_client_config_init(&cfg);
    cfg.base_url = "https://api.example.test";
    cfg.api_key = (wos_str)WOS_STR_LIT(k_api_key);
    cfg.transport.ops = (head[1] & K_NO_IS_ALIVE) != 0 ? &k_ops_no_alive : &k_ops;
    cfg.transport.ctx = &r->f;
    cfg.platform = &plat;
    cfg.buf = malloc(cap);
    cfg.buf_cap = cap;
    cfg.tokens = malloc(token_cap * sizeof *cfg.tokens);
    cfg.token_cap = token_cap;
    cfg.timeout_ms = 5000u;
    cfg.overall_timeout_ms = (head[1] & K_OVERALL) != 0 ? 20000u : 0u;
    cfg.retry.max_retries = (uint8_t)r->retries;
    cfg.max_header_bytes = (head[6] & M_SMALL_HEADERS) != 0 ? 200u : 0u;
    FUZZ_CHECK(cfg.buf != NULL && cfg.tokens != NULL);
    r->f.buf = cfg.buf;
    r->f.cap = cap;
    r->reg.base = cfg.buf;
    r->reg.len = cap;
    FUZZ_CHECK(wos_client_init(&r->c, &cfg) == WOS_OK);

    check_call(r, head[0] & 7u, data, size);
    check_call(r, (head[0] >> 3) & 7u, data, size);
    wos_client_close(&r->c);
    FUZZ_CHECK(!r->f.open);

    free(cfg.tokens);
    free(cfg.buf);
    free(r);
    return 0;
}
