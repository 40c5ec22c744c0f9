/* SPDX-License-Identifier: MIT */
/* wos_tls transport operations: deadline-bounded handshake, read, write. */
#include <limits.h>
#include <string.h>

#include "mbedtls/net_sockets.h" /* MBEDTLS_ERR_NET_* codes only */

#include "wos_tls_internal.h"

/* How long is_alive may take to read post-handshake records that are
 * already waiting (they are on the socket: this is a bound, not a wait;
 * it is only used when the lower transport reports bytes waiting). */
#ifndef WOS_TLS_ALIVE_READ_MS
#define WOS_TLS_ALIVE_READ_MS 10u
#endif

#if defined(MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET)
#define WOS_TLS_TICKET_CODE MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET
#else
#define WOS_TLS_TICKET_CODE INT_MIN /* 2.28: no TLS 1.3; a value no call returns */
#endif

/* The bio callbacks carry the deadline of the call in progress down to the
 * lower transport, and note how it failed so the status can be mapped back. */
static int bio_send(void *ctx, const unsigned char *buf, size_t len)
{
    wos_tls *tls = ctx;
    size_t n = 0;
    wos_status st = tls->lower.ops->send(tls->lower.ctx, buf, len, tls->deadline_ms, &n);
    if (st == WOS_OK) {
        return n > (size_t)INT_MAX ? INT_MAX : (int)n;
    }
    tls->io_status = st;
    return st == WOS_ERR_TIMEOUT ? MBEDTLS_ERR_SSL_WANT_WRITE : MBEDTLS_ERR_NET_SEND_FAILED;
}

static int bio_recv(void *ctx, unsigned char *buf, size_t len)
{
    wos_tls *tls = ctx;
    size_t n = 0;
    wos_status st;
    /* mbedTLS reads record after record without returning while they are
     * ones it ignores (warning alerts, say): the deadline is checked on
     * every read, whatever the lower transport does with waiting bytes. */
    if (tls->platform->now_ms(tls->platform->ctx) >= tls->deadline_ms) {
        tls->io_status = WOS_ERR_TIMEOUT;
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    st = tls->lower.ops->recv(tls->lower.ctx, buf, len, tls->deadline_ms, &n);
    if (st == WOS_OK) {
        return n > (size_t)INT_MAX ? INT_MAX : (int)n;
    }
    if (st == WOS_ERR_TIMEOUT) {
        tls->io_status = st;
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    /* The stream ended under TLS without close_notify: truncated, not orderly. */
    tls->io_status = st == WOS_ERR_CLOSED ? WOS_ERR_NETWORK : st;
    return st == WOS_ERR_CLOSED ? 0 : MBEDTLS_ERR_NET_RECV_FAILED;
}

static void begin_call(wos_tls *tls, uint64_t deadline_ms)
{
    tls->deadline_ms = deadline_ms;
    tls->io_status = WOS_OK;
}

/* After WANT_READ/WANT_WRITE: call mbedTLS again, or give up (deadline). */
static int may_retry(const wos_tls *tls, int ret)
{
    if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE) {
        return 0;
    }
    if (tls->io_status == WOS_ERR_TIMEOUT) {
        return 0;
    }
    return tls->platform->now_ms(tls->platform->ctx) < tls->deadline_ms;
}

/* Status of a failed mbedTLS call (ret <= 0 and not worth retrying). */
static wos_status status_of(wos_tls *tls, int ret)
{
    tls->last_error = ret;
    if (ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
        return WOS_ERR_CLOSED;
    }
    if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE) {
        return WOS_ERR_TIMEOUT;
    }
    if (tls->io_status != WOS_OK && tls->io_status != WOS_ERR_TIMEOUT) {
        return tls->io_status; /* the lower transport failed */
    }
    if (ret == 0 || ret == MBEDTLS_ERR_SSL_CONN_EOF) {
        return WOS_ERR_NETWORK;
    }
    if (ret == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED) {
        return tls->clock_unset ? WOS_ERR_CLOCK_NOT_SET : WOS_ERR_CERT_REJECTED;
    }
    return WOS_ERR_TLS;
}

static wos_status handshake(wos_tls *tls)
{
    for (;;) {
        int ret = mbedtls_ssl_handshake(&tls->ssl);
        if (ret == 0) {
            return WOS_OK;
        }
        if (ret == WOS_TLS_TICKET_CODE) {
            continue; /* a ticket before the end: the session is saved after it */
        }
        if (!may_retry(tls, ret)) {
            tls->verify_flags = mbedtls_ssl_get_verify_result(&tls->ssl);
            return status_of(tls, ret);
        }
    }
}

/* Length of host when it is 1..WOS_TLS_MAX_HOST bytes, else 0. */
static size_t host_len(const char *host)
{
    size_t n = 0;
    if (host == NULL) {
        return 0;
    }
    while (host[n] != '\0') {
        if (++n > WOS_TLS_MAX_HOST) {
            return 0;
        }
    }
    return n;
}

static wos_status tls_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline_ms)
{
    wos_tls *tls = ctx;
    wos_status st;
    if (tls == NULL || tls->state == 0u) {
        return WOS_ERR_STATE;
    }
    if (host_len(host) == 0u) {
        return WOS_ERR_INVALID_ARG; /* no hostname, no verification: refuse */
    }
    if (tls->state != WOS_TLS_IDLE) {
        return WOS_ERR_STATE;
    }
    begin_call(tls, deadline_ms);
    tls->resumed = 0u;
    tls->offered = 0u;
    tls->cert_checked = 0u;
    tls->clock_unset = 0u;
    tls->verify_flags = 0u;
    tls->last_error = mbedtls_ssl_session_reset(&tls->ssl);
    if (tls->last_error == 0) {
        tls->last_error = mbedtls_ssl_set_hostname(&tls->ssl, host);
    }
    if (tls->last_error != 0) {
        return WOS_ERR_TLS;
    }
    mbedtls_ssl_set_bio(&tls->ssl, tls, bio_send, bio_recv, NULL);
    st = tls->lower.ops->connect(tls->lower.ctx, host, port, deadline_ms);
    if (st != WOS_OK) {
        return st;
    }
    tls->offered = (uint8_t)wos_tls_session_offer(tls, host, port);
    st = handshake(tls);
    if (st != WOS_OK) {
        if (tls->offered) {
            wos_tls_forget_session(tls); /* it may be why the handshake failed */
        }
        tls->lower.ops->close(tls->lower.ctx);
        return st;
    }
    wos_tls_session_keep(tls, host, port);
    tls->state = WOS_TLS_OPEN;
    return WOS_OK;
}

static wos_status tls_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline_ms,
                           size_t *out_n)
{
    wos_tls *tls = ctx;
    if (out_n != NULL) {
        *out_n = 0;
    }
    if (tls == NULL || data == NULL || len == 0u || out_n == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (tls->state != WOS_TLS_OPEN && tls->state != WOS_TLS_PEER_CLOSED) {
        return WOS_ERR_STATE;
    }
    begin_call(tls, deadline_ms);
    for (;;) {
        int ret = mbedtls_ssl_write(&tls->ssl, data, len);
        if (ret > 0) {
            *out_n = (size_t)ret;
            return WOS_OK;
        }
        if (ret == WOS_TLS_TICKET_CODE) {
            wos_tls_session_ticket(tls); /* mbedTLS read it on the way: save, then write */
            continue;
        }
        if (!may_retry(tls, ret)) {
            /* Even a timeout may leave half a record sent: the stream is broken. */
            tls->state = WOS_TLS_FAILED;
            return status_of(tls, ret);
        }
    }
}

static wos_status tls_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline_ms, size_t *out_n)
{
    wos_tls *tls = ctx;
    if (out_n != NULL) {
        *out_n = 0;
    }
    if (tls == NULL || buf == NULL || cap == 0u || out_n == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (tls->state == WOS_TLS_PEER_CLOSED) {
        return WOS_ERR_CLOSED;
    }
    if (tls->state != WOS_TLS_OPEN) {
        return WOS_ERR_STATE;
    }
    begin_call(tls, deadline_ms);
    for (;;) {
        /* Bytes of a record already decrypted (mbedtls_ssl_get_bytes_avail)
         * are handed out first: mbedtls_ssl_read then never reaches the bio. */
        int ret = mbedtls_ssl_read(&tls->ssl, buf, cap);
        wos_status st;
        if (ret > 0) {
            *out_n = (size_t)ret;
            return WOS_OK;
        }
        if (ret == WOS_TLS_TICKET_CODE) {
            wos_tls_session_ticket(tls); /* TLS 1.3: save the session now, read on */
            continue;
        }
        if (may_retry(tls, ret)) {
            continue;
        }
        st = status_of(tls, ret);
        if (st == WOS_ERR_CLOSED) {
            tls->state = WOS_TLS_PEER_CLOSED;
        } else if (st != WOS_ERR_TIMEOUT) {
            tls->state = WOS_TLS_FAILED;
        }
        return st;
    }
}

/* Read what waits on an idle connection, with a short bound: TLS 1.3
 * post-handshake messages (tickets are saved) are fine; application data,
 * an alert or the end of the stream mean the connection is not usable. */
static int drain_post_handshake(wos_tls *tls)
{
    unsigned char byte;
    int round;
    begin_call(tls, tls->platform->now_ms(tls->platform->ctx) + WOS_TLS_ALIVE_READ_MS);
    for (round = 0; round < 16; round++) {
        int ret;
        tls->io_status = WOS_OK;
        ret = mbedtls_ssl_read(&tls->ssl, &byte, 1);
        if (ret == WOS_TLS_TICKET_CODE) {
            wos_tls_session_ticket(tls);
            continue;
        }
        if (ret == MBEDTLS_ERR_SSL_WANT_READ) {
            if (tls->io_status == WOS_ERR_TIMEOUT) {
                return 1; /* nothing but post-handshake messages was waiting */
            }
            continue; /* mbedTLS switched state (3.6 does on a ticket): call again */
        }
        /* A byte nobody asked for, an alert, EOF: unusable from here on. */
        tls->state = ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY ? WOS_TLS_PEER_CLOSED : WOS_TLS_FAILED;
        tls->last_error = ret > 0 ? 0 : ret;
        return 0;
    }
    return 0; /* a stream of tickets: not an idle server */
}

static int tls_is_alive(void *ctx)
{
    wos_tls *tls = ctx;
    int lower_idle;
    if (tls == NULL || tls->state != WOS_TLS_OPEN) {
        return 0;
    }
    /* Decrypted bytes on an idle connection: something is off. */
    if (mbedtls_ssl_get_bytes_avail(&tls->ssl) > 0u) {
        return 0;
    }
    /* The lower transport calls a connection with bytes waiting unusable;
     * with TLS those may be session tickets, so look before judging. */
    lower_idle = tls->lower.ops->is_alive == NULL ? 1 : tls->lower.ops->is_alive(tls->lower.ctx);
    if (lower_idle && !mbedtls_ssl_check_pending(&tls->ssl)) {
        return 1;
    }
    if (!drain_post_handshake(tls)) {
        return 0;
    }
    return tls->lower.ops->is_alive == NULL ? 1 : tls->lower.ops->is_alive(tls->lower.ctx);
}

static void tls_close(void *ctx)
{
    wos_tls *tls = ctx;
    if (tls == NULL || tls->state == 0u) {
        return;
    }
    if (tls->state == WOS_TLS_OPEN || tls->state == WOS_TLS_PEER_CLOSED) {
        /* close has no deadline: a deadline of now gives one attempt, no wait. */
        begin_call(tls, tls->platform->now_ms(tls->platform->ctx));
        (void)mbedtls_ssl_close_notify(&tls->ssl);
    }
    tls->lower.ops->close(tls->lower.ctx);
    tls->state = WOS_TLS_IDLE;
}

const wos_transport_ops wos_tls_ops = {
    tls_connect, tls_send, tls_recv, tls_is_alive, tls_close,
};
