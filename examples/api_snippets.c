/* SPDX-License-Identifier: MIT */
/*
 * The code examples of the API reference (Doxygen @snippet blocks, one per
 * entry point). Compiled by `make docs` so that they keep matching the
 * API; not a program. Error handling is short on purpose.
 */
#include <stdio.h>

#include "wos_client.h"
#include "wos_posix.h"
#include "wos_proxy.h"
#include "wos_tls.h"

/* Stand-ins for what the application has. */
extern const char ca_pem[];   /* root CA(s), PEM, NUL-terminated */
extern size_t ca_pem_len;     /* including the NUL */
extern wos_str load_api_key(void);
extern wos_str load_proxy_password(void);
extern int my_http_exchange(const char *req, size_t req_len, wos_pipes_reply *reply);

void snippets_setup(void);
void snippets_token(wos_client *client);
void snippets_crud(wos_client *client);
void snippets_list(wos_client *client);
void snippets_pager(const wos_pipes_endpoint *ep);
void snippets_sans_io(void);
wos_transport snippets_port(void);
wos_status snippets_proxy(wos_tls_config *tc);

//! [client_setup]
static char buf[16 * 1024];   /* request, then response */
static jsmntok_t tokens[128]; /* JSON tokens of one response */
static wos_posix_tcp tcp;     /* or your TCP stack's transport */
static wos_tls tls;
static wos_client client;
static wos_platform platform;

void snippets_setup(void)
{
    wos_tls_config tc = {0};
    wos_client_config cfg;

    platform = wos_posix_platform();         /* or your clock and RNG */
    tc.lower = wos_posix_tcp_transport(&tcp);
    tc.platform = &platform;
    tc.ca = (const uint8_t *)ca_pem;         /* roots in flash */
    tc.ca_len = ca_pem_len;
    if (wos_tls_init(&tls, &tc) != WOS_OK) {
        return;
    }
    wos_client_config_init(&cfg);            /* defaults: api.workos.com, retries */
    cfg.api_key = load_api_key();            /* see the device guide */
    cfg.transport = wos_tls_transport(&tls);
    cfg.platform = &platform;
    cfg.buf = buf;
    cfg.buf_cap = sizeof buf;
    cfg.tokens = tokens;
    cfg.token_cap = sizeof tokens / sizeof tokens[0];
    if (wos_client_init(&client, &cfg) != WOS_OK) {
        wos_tls_deinit(&tls);
    }
}
//! [client_setup]

void snippets_token(wos_client *c)
{
//! [get_token]
    wos_token_params p = {0};
    wos_access_token tok;
    wos_call_info info;
    wos_status st;

    p.slug = wos_str_c("github");
    p.user_id = wos_str_c("user_01EHZNVPK3SFK441A1RGBFSHRT");
    st = wos_client_get_token(c, &p, NULL, &tok, &info);
    if (st == WOS_ERR_HTTP_STATUS) {
        printf("HTTP %d\n", info.api.http_status);
    } else if (st == WOS_ERR_BUFFER_TOO_SMALL) {
        printf("working buffer needs %zu bytes\n", info.buffer_needed);
    } else if (st == WOS_OK && tok.active) {
        /* use tok.access_token (a view into the working buffer), then: */
        wos_access_token_wipe(&tok);
    } else if (st == WOS_OK) {
        printf("not active: %.*s\n", (int)tok.error.len, tok.error.ptr);
    }
//! [get_token]
}

void snippets_crud(wos_client *c)
{
//! [crud]
    wos_integration_params p = {0};
    wos_integration_params change = {0};
    wos_data_integration di;
    wos_status st;

    p.provider = wos_str_c("github");
    p.description.state = WOS_SET;
    p.description.value = wos_str_c("Firmware fleet");
    st = wos_client_create(c, &p, NULL, &di, NULL); /* retried with one idempotency key */
    if (st == WOS_OK) {
        printf("created %.*s\n", (int)di.slug.len, di.slug.ptr);
    }
    st = wos_client_get(c, wos_str_c("github"), NULL, &di, NULL);
    change.enabled.set = true;                       /* everything else: omitted */
    change.enabled.value = false;
    st = wos_client_update(c, wos_str_c("github"), &change, NULL, &di, NULL);
    st = wos_client_delete(c, wos_str_c("github"), NULL, NULL);
    (void)st;
//! [crud]
}

//! [list_all]
static wos_status print_page(void *ctx, wos_integration_page *page)
{
    wos_data_integration di;
    (void)ctx;
    while (wos_page_next(page, &di) == WOS_OK) {
        printf("%.*s\n", (int)di.slug.len, di.slug.ptr);
    }
    return WOS_OK; /* anything else stops the walk */
}

void snippets_list(wos_client *c)
{
    wos_list_params lp = {0};
    lp.limit = 100;
    if (wos_client_list_all(c, &lp, NULL, print_page, NULL, NULL) != WOS_OK) {
        printf("walk stopped\n");
    }
}
//! [list_all]

void snippets_pager(const wos_pipes_endpoint *ep)
{
//! [pager]
    static char pbuf[8 * 1024];
    static jsmntok_t ptoks[256];
    wos_pager pg;
    wos_integration_page page;
    size_t len;

    if (wos_pager_init(&pg, NULL) != WOS_OK) {
        return;
    }
    while (!wos_pager_done(&pg)) {
        wos_pipes_reply r = {0};
        if (wos_pager_next_request(&pg, ep, pbuf, sizeof pbuf, &len) != WOS_OK) {
            break;
        }
        r.tokens = ptoks;
        r.token_cap = sizeof ptoks / sizeof ptoks[0];
        if (my_http_exchange(pbuf, len, &r) != 0) { /* fills status, body, headers */
            break;
        }
        if (wos_pager_on_reply(&pg, &r, &page, NULL) != WOS_OK) {
            break;
        }
        /* read the page with wos_page_next() */
    }
//! [pager]
}

void snippets_sans_io(void)
{
//! [sans_io]
    static char req[2048];
    static jsmntok_t toks[64];
    wos_pipes_endpoint ep = {WOS_STR_LIT("api.workos.com"), 443, true, WOS_STR_NULL};
    wos_token_params p = {0};
    wos_pipes_reply r = {0};
    wos_access_token tok;
    wos_api_error err;
    size_t len;

    ep.api_key = load_api_key();
    p.slug = wos_str_c("github");
    p.user_id = wos_str_c("user_01EHZNVPK3SFK441A1RGBFSHRT");
    if (wos_pipes_write_token(&ep, &p, wos_str_c(NULL), req, sizeof req, &len) != WOS_OK) {
        return;
    }
    r.tokens = toks;
    r.token_cap = sizeof toks / sizeof toks[0];
    if (my_http_exchange(req, len, &r) == 0 &&      /* esp_http_client, AT commands... */
        wos_pipes_decode_token(&r, &tok, &err) == WOS_OK && tok.active) {
        wos_access_token_wipe(&tok);
    }
    wos_request_wipe(req, len);                     /* it held the API key */
//! [sans_io]
}

//! [port]
/* A transport over your TCP stack: five callbacks and a context. */
typedef struct my_tcp {
    int sock;
} my_tcp;

static wos_status my_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline_ms)
{
    (void)ctx, (void)host, (void)port, (void)deadline_ms;
    return WOS_ERR_NETWORK; /* resolve, connect by the deadline, set TCP_NODELAY */
}
static wos_status my_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline_ms,
                          size_t *out_n)
{
    (void)ctx, (void)data, (void)len, (void)deadline_ms, (void)out_n;
    return WOS_ERR_NETWORK; /* at least one byte by the deadline */
}
static wos_status my_recv(void *ctx, uint8_t *b, size_t cap, uint64_t deadline_ms, size_t *out_n)
{
    (void)ctx, (void)b, (void)cap, (void)deadline_ms, (void)out_n;
    return WOS_ERR_CLOSED; /* as soon as any bytes are there */
}
static void my_close(void *ctx)
{
    (void)ctx;
}
static const wos_transport_ops my_tcp_ops = {my_connect, my_send, my_recv, NULL, my_close};
static my_tcp my_conn;

wos_transport snippets_port(void)
{
    wos_transport t;
    t.ops = &my_tcp_ops;
    t.ctx = &my_conn;
    return t; /* the lower transport of a wos_tls: tc.lower = snippets_port(); */
}
//! [port]

//! [proxy]
/* Behind an HTTP proxy: TCP to the proxy, CONNECT, then TLS to the API host. */
static wos_posix_tcp proxy_tcp;
static wos_proxy proxy;

wos_status snippets_proxy(wos_tls_config *tc)
{
    wos_proxy_config pc = {0};
    wos_status st;

    pc.lower = wos_posix_tcp_transport(&proxy_tcp);
    pc.host = "proxy.corp.example";
    pc.port = 3128;
    pc.user = wos_str_c("device-42");        /* Basic credentials, or leave {NULL, 0} */
    pc.password = load_proxy_password();     /* from secure storage, like the API key */
    st = wos_proxy_init(&proxy, &pc);
    tc->lower = wos_proxy_transport(&proxy); /* then wos_tls_init() as without a proxy */
    return st; /* on connect failures, wos_proxy_last_status(&proxy): e.g. 407 */
}
//! [proxy]
