/* SPDX-License-Identifier: MIT */
/*
 * Benchmarks of the core: instruction counts (under callgrind) and stack
 * depth (natively, by stack painting) of the operations a gateway runs
 * most. Not a test: it checks only that each operation succeeds, and
 * prints what it measured. See tests/bench/README.md.
 *
 *   bench --stack   run each operation once on a painted stack of its own
 *                   and print "index|name|bytes|stack" per operation
 *   bench --ir      run each operation BENCH_ITER times with callgrind
 *                   collecting only around the operation itself, and dump
 *                   the counts as "op<index>" (run it under
 *                   valgrind --tool=callgrind --collect-atstart=no)
 */
#define _GNU_SOURCE /* ucontext */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <valgrind/callgrind.h>

#include "wos_client.h"
#include "wos_http_parser.h"
#include "wos_pipes.h"

#define BENCH_ITER 10
#define PAINT 0xA5
#define STACK_SIZE (64 * 1024)
#define PAGE_ITEMS 100

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "bench: %s:%d: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

/* The example token body of the API contract, as a server sends it. */
#define TOKEN_BODY                                                                              \
    "{\"active\":true,\"access_token\":{\"object\":\"access_token\",\"access_token\":"          \
    "\"gho_16C7e42F292c6912E7710c838347Ae178B4a\",\"expires_at\":\"2025-12-31T23:59:59.000Z\"," \
    "\"scopes\":[\"repo\",\"user:email\"],\"missing_scopes\":[]}}"
#define TOKEN_HEAD                                      \
    "HTTP/1.1 200 OK\r\n"                               \
    "Date: Thu, 15 Jan 2026 12:00:00 GMT\r\n"           \
    "Content-Type: application/json\r\n"                \
    "X-Request-ID: 3b1f9c1e-5f1a-4c1e-9b0e-1d2c3b4a5f60\r\n"
/* The whole response, with its Content-Length; built by main(). */
static char g_token_response[512];
static size_t g_token_response_len;

/* One item of a list page: the contract's example data integration. */
static const char k_item_fmt[] =
    "{\"object\":\"data_integration\",\"id\":\"data_integration_01EHZNVPK3SFK441A1RGBF%04u\","
    "\"slug\":\"github\",\"integration_type\":\"github\",\"description\":\"Production GitHub app\","
    "\"enabled\":true,\"state\":\"valid\",\"scopes\":[\"repo\",\"read:org\"],"
    "\"redirect_uri\":\"https://api.workos.com/data-integrations/github/dik_01EHZNVPK3SFK441A1RGBFSHRT/callback\","
    "\"credentials\":{\"type\":\"custom\",\"client_id\":\"Iv1.abc123\",\"redacted_client_secret\":\"6789\"},"
    "\"custom_provider\":{\"name\":\"My OAuth App\",\"authorization_url\":\"https://provider.example.com/oauth/authorize\","
    "\"token_url\":\"https://provider.example.com/oauth/token\",\"refresh_token_url\":\"https://provider.example.com/oauth/token\","
    "\"pkce_enabled\":true,\"request_scope_separator\":\" \",\"scopes_required\":false,"
    "\"client_secret_required\":true,\"additional_authorization_parameters\":{\"prompt\":\"consent\"},"
    "\"token_body_content_type\":\"application/x-www-form-urlencoded\",\"authenticate_via\":\"request_body\"},"
    "\"created_at\":\"2026-01-15T12:00:00.000Z\",\"updated_at\":\"2026-01-15T12:00:00.000Z\"}";

static const wos_pipes_endpoint k_ep = {WOS_STR_LIT("api.workos.com"), 443, true,
                                        WOS_STR_LIT("sk_example_123456789")};
static const wos_token_params k_token_params = {.slug = WOS_STR_LIT("github"), .user_id = WOS_STR_LIT("user_01EHZNVPK3SFK441A1RGBFSHRT"),
        .organization_id = WOS_STR_LIT("org_01EHZNVPK3SFK441A1RGBFSHRT")};
static const wos_str k_idem = WOS_STR_LIT("7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e");

/* Working memory of the operations; static so that no bench frame inflates the stack figures. */
static char g_req[1024];
static char g_resp[1024];
static jsmntok_t g_tok[64];
static char g_page_src[PAGE_ITEMS * 1200 + 256];
static size_t g_page_len;
static char g_page[sizeof g_page_src];
static jsmntok_t g_page_tok[PAGE_ITEMS * 70 + 16];
static wos_integration_page g_pg;
static wos_http_parser g_parser;
static wos_pipes_reply g_reply;
static wos_access_token g_token;
static wos_data_integration g_item;
static wos_status g_st;
static size_t g_len;

/* ---- the in-memory transport and fake platform of the client ---- */

typedef struct fake {
    const char *out; /* response bytes still to deliver */
    size_t out_len;
    uint64_t now;
    unsigned rnd;
} fake;
static fake g_fake;
static wos_client g_client;
static char g_client_buf[2048];
static jsmntok_t g_client_tok[64];

static wos_status f_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline)
{
    (void)ctx; (void)host; (void)port; (void)deadline;
    return WOS_OK;
}

/* The whole request is taken at once and answered with the token response. */
static wos_status f_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline, size_t *n)
{
    fake *f = (fake *)ctx;
    (void)data; (void)deadline;
    f->out = g_token_response;
    f->out_len = g_token_response_len;
    *n = len;
    return WOS_OK;
}

static wos_status f_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline, size_t *n)
{
    fake *f = (fake *)ctx;
    size_t k = f->out_len < cap ? f->out_len : cap;
    (void)deadline;
    if (k == 0u) {
        return WOS_ERR_TIMEOUT;
    }
    memcpy(buf, f->out, k);
    f->out += k;
    f->out_len -= k;
    *n = k;
    return WOS_OK;
}

static int f_alive(void *ctx) { (void)ctx; return 1; }
static void f_close(void *ctx) { (void)ctx; }
static uint64_t f_now(void *ctx) { return ((fake *)ctx)->now++; }

static wos_status f_random(void *ctx, uint8_t *buf, size_t len)
{
    fake *f = (fake *)ctx;
    size_t i;
    for (i = 0; i < len; i++) {
        buf[i] = (uint8_t)(f->rnd++ * 37u + 11u);
    }
    return WOS_OK;
}

static void f_sleep(void *ctx, uint64_t deadline) { ((fake *)ctx)->now = deadline; }

static const wos_transport_ops k_fake_ops = {f_connect, f_send, f_recv, f_alive, f_close};
static const wos_platform k_fake_platform = {&g_fake, f_now, NULL, f_random, f_sleep};

/* ---- the operations ---- */

static void op_write_token(void)
{
    g_st = wos_pipes_write_token(&k_ep, &k_token_params, k_idem, g_req, sizeof g_req, &g_len);
}

static void decode_parsed_token(void)
{
    const wos_http_response *resp = wos_http_parser_response(&g_parser);
    memset(&g_reply, 0, sizeof g_reply);
    g_reply.status = resp->status;
    g_reply.body = (char *)(uintptr_t)resp->body.ptr; /* inside g_resp, which is writable */
    g_reply.body_len = resp->body.len;
    g_reply.request_id = resp->request_id;
    g_reply.retry_after_s = resp->retry_after_s;
    g_reply.tokens = g_tok;
    g_reply.token_cap = sizeof g_tok / sizeof g_tok[0];
    g_st = wos_pipes_decode_token(&g_reply, &g_token, NULL);
}

static void op_parse_token_whole(void)
{
    size_t used = 0;
    g_st = wos_http_parser_init(&g_parser, g_resp, sizeof g_resp, 0);
    if (g_st == WOS_OK) {
        g_st = wos_http_parser_feed(&g_parser, g_token_response, g_token_response_len, &used);
    }
    if (g_st == WOS_OK) {
        decode_parsed_token();
    }
}

static void op_parse_token_bytes(void)
{
    size_t i, used = 0;
    g_st = wos_http_parser_init(&g_parser, g_resp, sizeof g_resp, 0) == WOS_OK ? WOS_ERR_NEED_MORE
                                                                               : WOS_ERR_STATE;
    for (i = 0; i < g_token_response_len && g_st == WOS_ERR_NEED_MORE; i++) {
        g_st = wos_http_parser_feed(&g_parser, g_token_response + i, 1u, &used);
    }
    if (g_st == WOS_OK) {
        decode_parsed_token();
    }
}

static void page_reply(void)
{
    memset(&g_reply, 0, sizeof g_reply);
    g_reply.status = 200;
    g_reply.body = g_page;
    g_reply.body_len = g_page_len;
    g_reply.retry_after_s = -1;
    g_reply.tokens = g_page_tok;
    g_reply.token_cap = sizeof g_page_tok / sizeof g_page_tok[0];
}

/* Decoding rewrites strings in place: each run starts from a fresh copy (not measured). */
static void setup_page(void)
{
    memcpy(g_page, g_page_src, g_page_len);
    page_reply();
}

static void op_decode_page(void)
{
    g_st = wos_pipes_decode_list(&g_reply, &g_pg, NULL);
}

static void setup_walk(void)
{
    setup_page();
    op_decode_page();
    CHECK(g_st == WOS_OK && g_pg.count == PAGE_ITEMS);
}

static void op_walk_page(void)
{
    unsigned n = 0;
    g_pg.next_tok_ = 0;
    while ((g_st = wos_page_next(&g_pg, &g_item)) == WOS_OK) {
        n++;
    }
    g_st = (g_st == WOS_ERR_NOT_FOUND && n == PAGE_ITEMS) ? WOS_OK : g_st;
}

static void setup_client(void)
{
    wos_client_config cfg;
    g_fake.now = 1000;
    wos_client_config_init(&cfg);
    cfg.base_url = "https://api.workos.com";
    cfg.api_key = (wos_str)WOS_STR_LIT("sk_example_123456789");
    cfg.transport.ops = &k_fake_ops;
    cfg.transport.ctx = &g_fake;
    cfg.platform = &k_fake_platform;
    cfg.buf = g_client_buf;
    cfg.buf_cap = sizeof g_client_buf;
    cfg.tokens = g_client_tok;
    cfg.token_cap = sizeof g_client_tok / sizeof g_client_tok[0];
    CHECK(wos_client_init(&g_client, &cfg) == WOS_OK);
}

static void op_client_token(void)
{
    g_st = wos_client_get_token(&g_client, &k_token_params, NULL, &g_token, NULL);
}

static void noop(void)
{
}

typedef struct bench_op {
    const char *name;
    void (*setup)(void); /* before every run, not measured; may be NULL */
    void (*run)(void);
    size_t bytes;        /* bytes of input or output, for the table */
} bench_op;

static bench_op g_ops[] = {
    {"write token request", NULL, op_write_token, 0},
    {"parse+decode token response, 1 piece", NULL, op_parse_token_whole, 0},
    {"parse+decode token response, byte by byte", NULL, op_parse_token_bytes, 0},
    {"decode list page, 100 integrations", setup_page, op_decode_page, 0},
    {"walk decoded page, 100 integrations", setup_walk, op_walk_page, 0},
    {"client get_token, kept-alive connection", NULL, op_client_token, 0},
};
#define OP_COUNT (sizeof g_ops / sizeof g_ops[0])

static void build_page(void)
{
    size_t n = 0;
    unsigned i;
    int w;
    w = snprintf(g_page_src, sizeof g_page_src, "{\"object\":\"list\",\"data\":[");
    CHECK(w > 0);
    n += (size_t)w;
    for (i = 0; i < PAGE_ITEMS; i++) {
        w = snprintf(g_page_src + n, sizeof g_page_src - n, "%s", i > 0 ? "," : "");
        n += (size_t)w;
        w = snprintf(g_page_src + n, sizeof g_page_src - n, k_item_fmt, i);
        CHECK(w > 0 && (size_t)w < sizeof g_page_src - n);
        n += (size_t)w;
    }
    w = snprintf(g_page_src + n, sizeof g_page_src - n,
                 "],\"list_metadata\":{\"before\":null,\"after\":\"data_integration_01EHZNVPK3SFK441A1RGBF%04u\"}}",
                 PAGE_ITEMS - 1u);
    CHECK(w > 0 && (size_t)w < sizeof g_page_src - n);
    g_page_len = n + (size_t)w;
}

/* ---- stack painting: each operation runs on a stack of its own, painted first ---- */

static ucontext_t g_main_ctx, g_op_ctx;
static unsigned char g_stack[STACK_SIZE] __attribute__((aligned(64)));
static void (*g_fn)(void);

static void trampoline(void)
{
    g_fn();
}

/* Bytes of g_stack that running fn wrote to (the stack grows down on x86-64). */
static size_t stack_touched(void (*fn)(void))
{
    size_t i;
    memset(g_stack, PAINT, sizeof g_stack);
    g_fn = fn;
    CHECK(getcontext(&g_op_ctx) == 0);
    g_op_ctx.uc_stack.ss_sp = g_stack;
    g_op_ctx.uc_stack.ss_size = sizeof g_stack;
    g_op_ctx.uc_link = &g_main_ctx;
    makecontext(&g_op_ctx, trampoline, 0);
    CHECK(swapcontext(&g_main_ctx, &g_op_ctx) == 0);
    for (i = 0; i < sizeof g_stack && g_stack[i] == PAINT; i++) {
    }
    return sizeof g_stack - i;
}

static void prepare(const bench_op *op)
{
    if (op->setup != NULL) {
        op->setup();
    }
}

static void check_ok(const bench_op *op)
{
    if (g_st != WOS_OK) {
        fprintf(stderr, "bench: %s: %s\n", op->name, wos_status_str(g_st));
        exit(1);
    }
}

static void measure_stack(void)
{
    size_t base = stack_touched(noop), i, used;
    for (i = 0; i < OP_COUNT; i++) {
        prepare(&g_ops[i]);
        g_ops[i].run(); /* warm: a kept-alive connection, resolved symbols */
        check_ok(&g_ops[i]);
        prepare(&g_ops[i]);
        used = stack_touched(g_ops[i].run);
        check_ok(&g_ops[i]);
        printf("%zu|%s|%zu|%zu\n", i, g_ops[i].name, g_ops[i].bytes, used - base);
    }
}

static void measure_ir(void)
{
    char name[16];
    size_t i;
    int k;
    for (i = 0; i < OP_COUNT; i++) {
        prepare(&g_ops[i]);
        g_ops[i].run(); /* warm-up outside the count: lazy binding, the first connect */
        check_ok(&g_ops[i]);
        for (k = 0; k < BENCH_ITER; k++) {
            prepare(&g_ops[i]);
            CALLGRIND_TOGGLE_COLLECT;
            g_ops[i].run();
            CALLGRIND_TOGGLE_COLLECT;
            check_ok(&g_ops[i]);
        }
        snprintf(name, sizeof name, "op%zu", i);
        CALLGRIND_DUMP_STATS_AT(name);
        printf("%zu|%s|%zu|%d\n", i, g_ops[i].name, g_ops[i].bytes, BENCH_ITER);
    }
}

static void build_token_response(void)
{
    int w = snprintf(g_token_response, sizeof g_token_response, "%sContent-Length: %zu\r\n\r\n%s",
                     TOKEN_HEAD, sizeof TOKEN_BODY - 1u, TOKEN_BODY);
    CHECK(w > 0 && (size_t)w < sizeof g_token_response);
    g_token_response_len = (size_t)w;
}

int main(int argc, char **argv)
{
    build_token_response();
    g_ops[1].bytes = g_token_response_len;
    g_ops[2].bytes = g_token_response_len;
    g_ops[5].bytes = g_token_response_len;
    build_page();
    g_ops[3].bytes = g_page_len;
    g_ops[4].bytes = g_page_len;
    op_write_token();
    CHECK(g_st == WOS_OK);
    g_ops[0].bytes = g_len;
    setup_client();
    if (argc == 2 && strcmp(argv[1], "--stack") == 0) {
        measure_stack();
    } else if (argc == 2 && strcmp(argv[1], "--ir") == 0) {
        measure_ir();
    } else {
        fprintf(stderr, "usage: %s --stack | --ir\n", argv[0]);
        return 2;
    }
    return 0;
}
