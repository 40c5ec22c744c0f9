/* SPDX-License-Identifier: MIT */
/*
 * A scripted in-memory transport and a fake platform for client tests. The
 * "server" answers each complete request with the next scripted exchange;
 * the clock only moves when the client sleeps or a read stalls until its
 * deadline, so no test ever really waits.
 */
#ifndef FAKE_PORT_H
#define FAKE_PORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wos_client.h"
#include "wos_port.h"

enum fake_action {
    FAKE_NORMAL = 0,   /* answer, keep the connection */
    FAKE_CLOSE_AFTER,  /* answer, then the server closes */
    FAKE_STALL,        /* never answer: reads time out at their deadline */
    FAKE_PARTIAL,      /* answer `partial` bytes, then stall */
    FAKE_DROP,         /* close without answering */
    FAKE_IDLE_CLOSE    /* answer; then the server closes the idle connection (is_alive sees it) */
};

typedef struct fake_exchange {
    const char *response;
    enum fake_action action;
    size_t partial;
} fake_exchange;

#define FAKE_MAX_REQ 16

typedef struct fake_server {
    const fake_exchange *script;
    size_t script_len, next;
    uint64_t now;            /* fake monotonic clock */
    uint64_t slept_ms[16];   /* each sleep's length */
    unsigned sleeps;
    unsigned connects;
    int connect_failures;    /* the next N connects fail with WOS_ERR_NETWORK */
    bool send_fails_closed;  /* send on a connection the server closed fails (a reset) */
    bool no_entropy;         /* random fails, as on a board whose RNG is not ready */
    bool no_wall_clock;      /* the wall clock is not set yet */
    bool open, server_closed, stalled;
    char req[8192];          /* the request being received */
    size_t req_len;
    char log[FAKE_MAX_REQ][1024]; /* head of each complete request */
    unsigned requests;
    const char *out;         /* response bytes still to deliver */
    size_t out_len;
    enum fake_action out_action;
    size_t recv_chunk;       /* deliver at most this many bytes per recv (0: all) */
    size_t cut;              /* split each answer after this many bytes (0: no split) */
    size_t out_pos;          /* bytes of the current answer delivered */
    size_t send_chunk;       /* take at most this many bytes per send (0: all) */
    uint64_t io_delay_ms;    /* each send and recv that moves bytes takes this long */
    size_t send_overcount;   /* send reports this many bytes more than it took (a broken transport) */
    uint8_t rnd;
} fake_server;

static fake_server g_fake;

static size_t fake_request_complete(const fake_server *s)
{
    const char *end, *cl;
    size_t head, body = 0;
    char tmp[8193];
    memcpy(tmp, s->req, s->req_len);
    tmp[s->req_len] = '\0';
    end = strstr(tmp, "\r\n\r\n");
    if (end == NULL) {
        return 0;
    }
    head = (size_t)(end - tmp) + 4u;
    cl = strstr(tmp, "Content-Length: ");
    if (cl != NULL && cl < end) {
        body = (size_t)strtoul(cl + 16, NULL, 10);
    }
    return s->req_len >= head + body ? head + body : 0;
}

static wos_status fake_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline)
{
    fake_server *s = (fake_server *)ctx;
    (void)host;
    (void)port;
    (void)deadline;
    s->connects++;
    if (s->connect_failures > 0) {
        s->connect_failures--;
        return WOS_ERR_NETWORK;
    }
    s->open = true;
    s->server_closed = false;
    s->stalled = false;
    s->req_len = 0;
    s->out = NULL;
    s->out_len = 0;
    return WOS_OK;
}

static void fake_answer(fake_server *s)
{
    const fake_exchange *e;
    size_t n = fake_request_complete(s);
    if (n == 0) {
        return;
    }
    if (s->requests < FAKE_MAX_REQ) {
        snprintf(s->log[s->requests], sizeof s->log[0], "%.*s", (int)n, s->req);
    }
    s->requests++;
    memmove(s->req, s->req + n, s->req_len - n);
    s->req_len -= n;
    if (s->next >= s->script_len) {
        s->stalled = true;
        return;
    }
    e = &s->script[s->next++];
    s->out = e->response;
    s->out_len = e->response != NULL ? strlen(e->response) : 0;
    s->out_action = e->action;
    s->out_pos = 0;
    if (e->action == FAKE_PARTIAL) {
        s->out_len = e->partial;
    }
    s->stalled = e->action == FAKE_STALL || e->action == FAKE_PARTIAL;
    if (e->action == FAKE_DROP) {
        s->server_closed = true;
        s->out_len = 0;
    }
}

static wos_status fake_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline, size_t *n)
{
    fake_server *s = (fake_server *)ctx;
    (void)deadline;
    if (!s->open || (s->server_closed && s->send_fails_closed)) {
        return WOS_ERR_NETWORK;
    }
    if (len > sizeof s->req - s->req_len) {
        len = sizeof s->req - s->req_len;
    }
    if (s->send_chunk > 0 && len > s->send_chunk) {
        len = s->send_chunk;
    }
    s->now += s->io_delay_ms;
    memcpy(s->req + s->req_len, data, len);
    s->req_len += len;
    *n = len + s->send_overcount;
    if (!s->server_closed) { /* a closed peer takes the bytes and never answers */
        fake_answer(s);
    }
    return WOS_OK;
}

static wos_status fake_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline, size_t *n)
{
    fake_server *s = (fake_server *)ctx;
    size_t k;
    if (!s->open) {
        return WOS_ERR_NETWORK;
    }
    if (s->out_len > 0) {
        k = s->out_len < cap ? s->out_len : cap;
        if (s->recv_chunk > 0 && k > s->recv_chunk) {
            k = s->recv_chunk;
        }
        if (s->out_pos < s->cut && k > s->cut - s->out_pos) {
            k = s->cut - s->out_pos; /* one read ends exactly at the cut */
        }
        memcpy(buf, s->out, k);
        s->now += s->io_delay_ms;
        s->out += k;
        s->out_pos += k;
        s->out_len -= k;
        *n = k;
        if (s->out_len == 0 && (s->out_action == FAKE_CLOSE_AFTER || s->out_action == FAKE_IDLE_CLOSE)) {
            s->server_closed = true;
        }
        return WOS_OK;
    }
    if (s->server_closed) {
        return WOS_ERR_CLOSED;
    }
    if (s->now < deadline) {
        s->now = deadline; /* nothing comes: the read waits until its deadline */
    }
    return WOS_ERR_TIMEOUT;
}

static int fake_is_alive(void *ctx)
{
    fake_server *s = (fake_server *)ctx;
    /* FAKE_CLOSE_AFTER models a close the client cannot see before it writes (a race). */
    return s->open && !(s->server_closed && s->out_action == FAKE_IDLE_CLOSE);
}

static void fake_close(void *ctx)
{
    fake_server *s = (fake_server *)ctx;
    s->open = false;
}

static const wos_transport_ops k_fake_ops = {fake_connect, fake_send, fake_recv, fake_is_alive, fake_close};

static uint64_t fake_now(void *ctx)
{
    return ((fake_server *)ctx)->now;
}

static wos_status fake_wall(void *ctx, int64_t *out)
{
    if (((fake_server *)ctx)->no_wall_clock) {
        return WOS_ERR_STATE;
    }
    *out = 1700000000 + (int64_t)(((fake_server *)ctx)->now / 1000u);
    return WOS_OK;
}

static wos_status fake_random(void *ctx, uint8_t *buf, size_t len)
{
    fake_server *s = (fake_server *)ctx;
    size_t i;
    if (s->no_entropy) {
        return WOS_ERR_STATE;
    }
    for (i = 0; i < len; i++) {
        buf[i] = (uint8_t)(s->rnd++ * 37u + 11u);
    }
    return WOS_OK;
}

static void fake_sleep(void *ctx, uint64_t deadline)
{
    fake_server *s = (fake_server *)ctx;
    if (s->sleeps < 16) {
        s->slept_ms[s->sleeps] = deadline > s->now ? deadline - s->now : 0;
    }
    s->sleeps++;
    if (deadline > s->now) {
        s->now = deadline;
    }
}

static const wos_platform k_fake_platform = {&g_fake, fake_now, fake_wall, fake_random, fake_sleep};

static void fake_reset(const fake_exchange *script, size_t n)
{
    memset(&g_fake, 0, sizeof g_fake);
    g_fake.script = script;
    g_fake.script_len = n;
    g_fake.now = 1000;
}

/* A client configuration over the fake transport and platform, for
 * https://api.example.test with its own API key, the working buffer and
 * token array given and no retries; a test sets what else it needs before
 * wos_client_init(). */
static inline void fake_client_config(wos_client_config *cfg, char *buf, size_t cap, jsmntok_t *tok,
                                      unsigned ntok)
{
    wos_client_config_init(cfg);
    cfg->base_url = "https://api.example.test";
    cfg->api_key = (wos_str)WOS_STR_LIT("sk_test_key");
    cfg->transport.ops = &k_fake_ops;
    cfg->transport.ctx = &g_fake;
    cfg->platform = &k_fake_platform;
    cfg->buf = buf;
    cfg->buf_cap = cap;
    cfg->tokens = tok;
    cfg->token_cap = ntok;
    cfg->retry.max_retries = 0;
}

#endif
