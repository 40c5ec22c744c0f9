/* SPDX-License-Identifier: MIT */
/*
 * One attempt of a call: connect or reuse, send, receive a whole response.
 * This file owns the connection and the clock reads of an attempt; the
 * retry policy (client.c) calls down into it, nothing here calls up.
 */
#include "client_internal.h"

static const wos_transport_ops *ops(const wos_client *c) { return c->cfg.transport.ops; }

void wos_client_close(wos_client *c)
{
    if (c != NULL && c->connected) {
        c->cfg.transport.ops->close(c->cfg.transport.ctx);
        c->connected = false;
    }
}

uint64_t wos_client_now(const wos_client *c)
{
    return c->cfg.platform->now_ms(c->cfg.platform->ctx);
}

/* A kept-alive connection is checked before use: the server may have closed it while idle. */
static wos_status connect_if_needed(wos_client *c, attempt *a, wos_call_info *info)
{
    const wos_transport_ops *o = ops(c);
    wos_status st = WOS_OK;
    if (c->connected && o->is_alive != NULL && !o->is_alive(c->cfg.transport.ctx)) {
        wos_client_close(c);
    }
    a->reused = c->connected;
    info->reused_connection = a->reused;
    if (!a->reused) {
        st = o->connect(c->cfg.transport.ctx, c->host, c->ep.port, a->deadline);
        c->connected = st == WOS_OK;
    }
    return st;
}

static wos_status send_all(wos_client *c, attempt *a)
{
    while (a->sent < a->request_len) {
        size_t n = 0;
        wos_status st;
        if (wos_client_now(c) >= a->deadline) {
            return WOS_ERR_TIMEOUT;
        }
        st = ops(c)->send(c->cfg.transport.ctx, (const uint8_t *)c->cfg.buf + a->sent,
                          a->request_len - a->sent, a->deadline, &n);
        if (st != WOS_OK) {
            return st;
        }
        a->sent += n;
    }
    return WOS_OK;
}

/* The clock is checked on every read so that a server trickling bytes cannot stretch the deadline. */
static wos_status receive(wos_client *c, attempt *a, wos_http_parser *p)
{
    wos_status st = wos_http_parser_init(p, c->cfg.buf, c->cfg.buf_cap, c->cfg.max_header_bytes);
    if (st != WOS_OK) {
        return st;
    }
    for (;;) {
        char *space = NULL;
        size_t room = 0, n = 0;
        st = wos_http_parser_space(p, &space, &room);
        if (st != WOS_OK) {
            return st;
        }
        if (wos_client_now(c) >= a->deadline) {
            return WOS_ERR_TIMEOUT;
        }
        st = ops(c)->recv(c->cfg.transport.ctx, (uint8_t *)space, room, a->deadline, &n);
        if (st == WOS_ERR_CLOSED && a->received > 0u) {
            return wos_http_parser_eof(p);
        }
        if (st != WOS_OK) {
            return st;
        }
        a->received += n;
        st = wos_http_parser_commit(p, n);
        if (st != WOS_ERR_NEED_MORE) {
            return st;
        }
    }
}

/* The request is built before connecting: a request the library refuses costs no handshake. */
static wos_status build_request(wos_client *c, const wos_pipes_call *call, attempt *a,
                                wos_call_info *info)
{
    /* The host was checked once, by wos_client_init(), which set c->ep. */
    wos_status st = wos_pipes_write(&c->ep, call, c->cfg.buf, c->cfg.buf_cap, &a->request_len);
    /* On failure wos_pipes_write() wiped the buffer and nothing is sent;
     * request_len is then the size needed (BUFFER_TOO_SMALL) or 0, and
     * buffer_needed is still 0 (no earlier attempt of the call got as far). */
    if (st == WOS_ERR_BUFFER_TOO_SMALL) {
        info->buffer_needed = a->request_len;
    }
    return st;
}

wos_status wos_client_attempt(wos_client *c, const wos_pipes_call *call, attempt *a,
                              wos_call_info *info)
{
    wos_http_parser *p = &c->parser;
    wos_status st;
    info->attempts++;
    st = build_request(c, call, a, info);
    if (st != WOS_OK) {
        return st; /* nothing was sent; the connection, if any, is untouched */
    }
    st = connect_if_needed(c, a, info);
    if (st == WOS_OK) {
        st = send_all(c, a);
    }
    wos_secure_zero(c->cfg.buf, a->request_len); /* the API key and any secret */
    if (st == WOS_OK) {
        st = receive(c, a, p);
        if (st == WOS_ERR_BUFFER_TOO_SMALL) {
            info->buffer_needed = wos_http_parser_needed(p);
        }
    }
    /* Any failure closes: a connection that died while idle (which a
     * transport without is_alive cannot tell) must not be reused, and
     * unread or unexpected bytes would poison the next call. */
    if (st != WOS_OK || !wos_http_parser_response(p)->keep_alive ||
        wos_http_parser_leftover(p).len > 0u) {
        wos_client_close(c);
    }
    return st;
}
