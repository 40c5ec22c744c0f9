/* SPDX-License-Identifier: MIT */
/* A do-nothing port for the size images (see stub_port.h). */
#include "stub_port.h"

static volatile uint64_t g_now;

static wos_status stub_connect(void *ctx, const char *host, uint16_t port, uint64_t deadline)
{
    (void)ctx;
    (void)host;
    (void)port;
    (void)deadline;
    return WOS_OK;
}

static wos_status stub_send(void *ctx, const uint8_t *data, size_t len, uint64_t deadline,
                            size_t *out_n)
{
    (void)ctx;
    (void)data;
    (void)deadline;
    *out_n = len;
    return WOS_OK;
}

static wos_status stub_recv(void *ctx, uint8_t *buf, size_t cap, uint64_t deadline, size_t *out_n)
{
    (void)ctx;
    (void)buf;
    (void)cap;
    (void)deadline;
    *out_n = 0;
    return WOS_ERR_CLOSED;
}

static void stub_close(void *ctx) { (void)ctx; }

static uint64_t stub_now(void *ctx)
{
    (void)ctx;
    return g_now++;
}

static wos_status stub_random(void *ctx, uint8_t *buf, size_t len)
{
    (void)ctx;
    while (len-- > 0u) {
        buf[len] = (uint8_t)g_now;
    }
    return WOS_OK;
}

static void stub_sleep_until(void *ctx, uint64_t deadline)
{
    (void)ctx;
    g_now = deadline;
}

const wos_transport_ops stub_transport_ops = {stub_connect, stub_send, stub_recv, NULL,
                                              stub_close};
const wos_platform stub_platform = {NULL, stub_now, NULL, stub_random, stub_sleep_until};
