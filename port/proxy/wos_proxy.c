/* SPDX-License-Identifier: MIT */
/* HTTP CONNECT tunnel over any transport; the tunnel then carries TLS. */
#include "wos_proxy.h"

#include <string.h>

#include "wos_pipes.h" /* wos_secure_zero */

#define HOST_MAX 255u

/* Send all n bytes by the deadline. */
static wos_status send_all(const wos_transport *t, const char *s, size_t n, uint64_t deadline_ms)
{
    while (n > 0u) {
        size_t k = 0;
        wos_status st = t->ops->send(t->ctx, (const uint8_t *)s, n, deadline_ms, &k);
        if (st != WOS_OK) {
            return st;
        }
        s += k;
        n -= k;
    }
    return WOS_OK;
}

static bool clean(const char *s, size_t n, bool allow_space)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (s[i] == '\r' || s[i] == '\n' || s[i] == '\0' || (!allow_space && s[i] == ' ')) {
            return false;
        }
    }
    return true;
}

/* "host:port", with brackets around an IPv6 literal; returns the length. */
static size_t authority(const char *host, size_t n, uint16_t port, char *out)
{
    char digits[5];
    size_t len = 0, k = 0;
    bool v6 = memchr(host, ':', n) != NULL;
    if (v6) {
        out[len++] = '[';
    }
    memcpy(out + len, host, n);
    len += n;
    if (v6) {
        out[len++] = ']';
    }
    out[len++] = ':';
    do {
        digits[k++] = (char)('0' + port % 10u);
        port = (uint16_t)(port / 10u);
    } while (port != 0u);
    while (k > 0u) {
        out[len++] = digits[--k];
    }
    return len;
}

/* "Proxy-Authorization: Basic base64(user:password)\r\n", sent in pieces; the pieces are wiped. */
static wos_status send_credentials(const wos_proxy *p, uint64_t deadline_ms)
{
    static const char k_b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char k_head[] = "Proxy-Authorization: Basic ";
    const wos_str *parts[2];
    uint8_t in[3];
    char out[4];
    size_t part = 0, pos = 0, have;
    wos_status st = send_all(&p->cfg.lower, k_head, sizeof k_head - 1u, deadline_ms);
    parts[0] = &p->cfg.user;
    parts[1] = &p->cfg.password;
    /* The bytes of user ':' password, three at a time, each group sent as four characters. */
    while (st == WOS_OK) {
        for (have = 0; have < 3u && part < 3u;) {
            if (part == 1u) {
                in[have++] = ':';
                part = 2u;
                pos = 0;
            } else if (pos < parts[part / 2u]->len) {
                in[have++] = (uint8_t)parts[part / 2u]->ptr[pos++];
            } else {
                part++;
                pos = 0;
            }
        }
        if (have == 0u) {
            break;
        }
        out[0] = k_b64[in[0] >> 2];
        out[1] = k_b64[((in[0] & 3u) << 4) | (have > 1u ? in[1] >> 4 : 0u)];
        out[2] = have > 1u ? k_b64[((in[1] & 15u) << 2) | (have > 2u ? in[2] >> 6 : 0u)] : '=';
        out[3] = have > 2u ? k_b64[in[2] & 63u] : '=';
        st = send_all(&p->cfg.lower, out, 4, deadline_ms);
    }
    wos_secure_zero(in, sizeof in);
    wos_secure_zero(out, sizeof out);
    return st == WOS_OK ? send_all(&p->cfg.lower, "\r\n", 2, deadline_ms) : st;
}

static wos_status send_connect(const wos_proxy *p, const char *host, size_t n, uint16_t port,
                               uint64_t deadline_ms)
{
    char auth[HOST_MAX + 9u];
    size_t alen = authority(host, n, port, auth);
    wos_status st = send_all(&p->cfg.lower, "CONNECT ", 8, deadline_ms);
    if (st == WOS_OK) {
        st = send_all(&p->cfg.lower, auth, alen, deadline_ms);
    }
    if (st == WOS_OK) {
        st = send_all(&p->cfg.lower, " HTTP/1.1\r\nHost: ", 17, deadline_ms);
    }
    if (st == WOS_OK) {
        st = send_all(&p->cfg.lower, auth, alen, deadline_ms);
    }
    if (st == WOS_OK) {
        st = send_all(&p->cfg.lower, "\r\n", 2, deadline_ms);
    }
    if (st == WOS_OK && p->cfg.user.ptr != NULL) {
        st = send_credentials(p, deadline_ms);
    }
    return st == WOS_OK ? send_all(&p->cfg.lower, "\r\n", 2, deadline_ms) : st;
}

/*
 * The proxy's answer head, one byte at a time: nothing past its blank line
 * may be consumed, as those bytes belong to the tunnel. The status is the
 * three digits after "HTTP/1.x ".
 */
static wos_status read_answer(wos_proxy *p, uint64_t deadline_ms)
{
    static const char k_proto[] = "HTTP/1.";
    uint32_t last4 = 0;
    size_t n = 0;
    int status = 0;
    for (;;) {
        uint8_t c;
        size_t k = 0;
        wos_status st = p->cfg.lower.ops->recv(p->cfg.lower.ctx, &c, 1, deadline_ms, &k);
        if (st != WOS_OK) {
            return st == WOS_ERR_TIMEOUT ? st : WOS_ERR_NETWORK;
        }
        if (n < 7u && c != (uint8_t)k_proto[n]) {
            return WOS_ERR_NETWORK; /* not HTTP */
        }
        if ((n == 7u && (c < '0' || c > '9')) || (n == 8u && c != ' ') ||
            (n >= 9u && n < 12u && (c < '0' || c > '9'))) {
            return WOS_ERR_NETWORK;
        }
        if (n >= 9u && n < 12u) {
            status = status * 10 + (c - '0');
        }
        if (++n > WOS_PROXY_MAX_HEAD) {
            return WOS_ERR_NETWORK;
        }
        last4 = (last4 << 8) | c;
        if (n >= 12u && last4 == 0x0D0A0D0Au) {
            p->status = status;
            return status >= 200 && status <= 299 ? WOS_OK : WOS_ERR_NETWORK;
        }
    }
}

static wos_status px_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline_ms)
{
    wos_proxy *p = (wos_proxy *)ctx;
    size_t n = host != NULL ? strlen(host) : 0u;
    wos_status st;
    if (p == NULL || n == 0u || n > HOST_MAX || port == 0u || !clean(host, n, false)) {
        return WOS_ERR_INVALID_ARG;
    }
    if (p->connected) {
        return WOS_ERR_STATE;
    }
    p->status = 0;
    st = p->cfg.lower.ops->connect(p->cfg.lower.ctx, p->cfg.host, p->cfg.port, deadline_ms);
    if (st != WOS_OK) {
        return st;
    }
    st = send_connect(p, host, n, port, deadline_ms);
    if (st == WOS_OK) {
        st = read_answer(p, deadline_ms);
    } else if (st != WOS_ERR_TIMEOUT) {
        st = WOS_ERR_NETWORK;
    }
    if (st != WOS_OK) {
        p->cfg.lower.ops->close(p->cfg.lower.ctx);
        return st;
    }
    p->connected = true;
    return WOS_OK;
}

static wos_status px_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline_ms, size_t *out_n)
{
    wos_proxy *p = (wos_proxy *)ctx;
    if (p == NULL || !p->connected) {
        if (out_n != NULL) {
            *out_n = 0;
        }
        return p == NULL ? WOS_ERR_INVALID_ARG : WOS_ERR_STATE;
    }
    return p->cfg.lower.ops->send(p->cfg.lower.ctx, data, len, deadline_ms, out_n);
}

static wos_status px_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline_ms, size_t *out_n)
{
    wos_proxy *p = (wos_proxy *)ctx;
    if (p == NULL || !p->connected) {
        if (out_n != NULL) {
            *out_n = 0;
        }
        return p == NULL ? WOS_ERR_INVALID_ARG : WOS_ERR_STATE;
    }
    return p->cfg.lower.ops->recv(p->cfg.lower.ctx, buf, cap, deadline_ms, out_n);
}

static int px_is_alive(void *ctx)
{
    wos_proxy *p = (wos_proxy *)ctx;
    if (p == NULL || !p->connected) {
        return 0;
    }
    return p->cfg.lower.ops->is_alive == NULL || p->cfg.lower.ops->is_alive(p->cfg.lower.ctx);
}

static void px_close(void *ctx)
{
    wos_proxy *p = (wos_proxy *)ctx;
    if (p != NULL && p->connected) {
        p->cfg.lower.ops->close(p->cfg.lower.ctx);
        p->connected = false;
    }
}

static const wos_transport_ops k_proxy_ops = {px_connect, px_send, px_recv, px_is_alive, px_close};

wos_status wos_proxy_init(wos_proxy *p, const wos_proxy_config *cfg)
{
    if (p == NULL || cfg == NULL || cfg->lower.ops == NULL || cfg->host == NULL || cfg->host[0] == '\0' ||
        cfg->port == 0u || (cfg->user.ptr == NULL && cfg->password.ptr != NULL) ||
        (cfg->user.ptr != NULL && !clean(cfg->user.ptr, cfg->user.len, true)) ||
        (cfg->password.ptr != NULL && !clean(cfg->password.ptr, cfg->password.len, true))) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(p, 0, sizeof *p);
    p->cfg = *cfg;
    return WOS_OK;
}

wos_transport wos_proxy_transport(wos_proxy *p)
{
    wos_transport t;
    t.ops = &k_proxy_ops;
    t.ctx = p;
    return t;
}

int wos_proxy_last_status(const wos_proxy *p)
{
    return p != NULL ? p->status : 0;
}
