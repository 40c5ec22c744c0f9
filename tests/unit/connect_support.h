/* SPDX-License-Identifier: MIT */
/* Shared by the tests of the operations of wos_pipes_connect.h: exact requests, size sweeps, replies. */
#ifndef CONNECT_SUPPORT_H
#define CONNECT_SUPPORT_H

#include <stdio.h>
#include <string.h>

#include "seed_fixtures.h"
#include "wos_config.h"
#include "wos_pipes.h"

#define CS_CAP 4096
#define CS_GUARD 16
static char cs_buf[CS_CAP + CS_GUARD];
static char cs_want[CS_CAP];
static char cs_body[65536];
static jsmntok_t cs_tok[4096];

static const wos_pipes_endpoint cs_ep = {WOS_STR_LIT("api.workos.com"), 443, true,
                                         WOS_STR_LIT("sk_test_123")};
static const wos_str cs_key = WOS_STR_LIT("6f1c1b8e-2a44-4c61-9a8e-0d3c2f6b7a10");

/*
 * Writes the request of op, then every smaller buffer: too small, the
 * exact size needed, nothing written past it. Returns its length.
 */
static inline size_t cs_write(wos_pipes_op op, const void *params, wos_str key)
{
    size_t len = 0, need = 0, cap;
    memset(cs_buf, 0x5A, sizeof cs_buf);
    assert_int_equal(wos_pipes_write_op(&cs_ep, op, params, key, cs_buf, CS_CAP, &len), WOS_OK);
    for (cap = 0; cap < len; cap += (cap < 64 ? 1 : 5)) {
        memset(cs_buf, 0x5A, sizeof cs_buf);
        assert_int_equal(wos_pipes_write_op(&cs_ep, op, params, key, cs_buf, cap, &need),
                         WOS_ERR_BUFFER_TOO_SMALL);
        assert_int_equal(need, len);
        assert_int_equal((unsigned char)cs_buf[cap], 0x5A);
    }
    memset(cs_buf, 0x5A, sizeof cs_buf);
    assert_int_equal(wos_pipes_write_op(&cs_ep, op, params, key, cs_buf, len, &need), WOS_OK);
    assert_int_equal(need, len);
    assert_int_equal((unsigned char)cs_buf[len], 0x5A);
    return len;
}

/* The whole request op must write: line, headers in order, body (NULL: none). */
static inline void cs_expect(wos_pipes_op op, const void *params, wos_str key,
                             const char *line, const char *body)
{
    size_t len = cs_write(op, params, key);
    int n = snprintf(cs_want, sizeof cs_want,
                     "%s HTTP/1.1\r\nHost: api.workos.com\r\nAuthorization: Bearer sk_test_123\r\n"
                     "User-Agent: wos-pipes-c/" WOS_VERSION "\r\nAccept: application/json\r\n"
                     "Connection: keep-alive\r\n%s%.*s%s",
                     line, key.ptr != NULL ? "Idempotency-Key: " : "", (int)key.len,
                     key.ptr != NULL ? key.ptr : "", key.ptr != NULL ? "\r\n" : "");
    if (body != NULL) {
        n += snprintf(cs_want + n, sizeof cs_want - (size_t)n,
                      "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                      strlen(body), body);
    } else {
        n += snprintf(cs_want + n, sizeof cs_want - (size_t)n, "\r\n");
    }
    if (len != (size_t)n || memcmp(cs_buf, cs_want, len) != 0) {
        print_error("got:\n%.*s\nwant:\n%s\n", (int)len, cs_buf, cs_want);
    }
    assert_int_equal(len, (size_t)n);
    assert_memory_equal(cs_buf, cs_want, len);
}

/* A request the layer must refuse: WOS_ERR_INVALID_ARG, the buffer wiped. */
static inline void cs_refused(wos_pipes_op op, const void *params)
{
    size_t len = 7, i;
    memset(cs_buf, 0x5A, sizeof cs_buf);
    assert_int_equal(wos_pipes_write_op(&cs_ep, op, params, cs_key, cs_buf, CS_CAP, &len),
                     WOS_ERR_INVALID_ARG);
    for (i = 0; i < CS_CAP; i++) {
        assert_int_equal(cs_buf[i], 0);
    }
}

/* Whether the n bytes at hay hold needle (a secret left behind, say). */
static inline int cs_contains(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle), i;
    for (i = 0; m <= n && i <= n - m; i++) {
        if (memcmp(hay + i, needle, m) == 0) {
            return 1;
        }
    }
    return 0;
}

static inline wos_pipes_reply cs_reply(int status, const char *json)
{
    return reply_in(cs_body, sizeof cs_body, cs_tok, 4096, status, json);
}

/* A tristate result member: omitted, null, or the value want. */
static inline void cs_expect_opt(wos_opt_str o, wos_tristate state, const char *want)
{
    assert_int_equal(o.state, state);
    if (state == WOS_SET) {
        expect_str(o.value, want);
    }
}

#endif
