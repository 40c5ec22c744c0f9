/* SPDX-License-Identifier: MIT */
/*
 * Linked against the stand-in ESP-IDF component and Zephyr module libraries
 * (tests/platforms/CMakeLists.txt): the CONNECT proxy transport those builds
 * compiled from port/proxy is there and usable on top of their POSIX port.
 * Exit status 0 when it checks its configuration as wos_proxy.h says.
 * (Tunnels through a proxy: tests/port/test_proxy.c, the packaging tests.)
 */
#include <stdio.h>
#include <string.h>

#include "wos_posix.h"
#include "wos_proxy.h"

int main(void)
{
    static wos_posix_tcp tcp;
    static wos_proxy proxy;
    wos_proxy_config pc;
    wos_transport t;
    int bad = 0;

    memset(&pc, 0, sizeof pc);
    pc.lower = wos_posix_tcp_transport(&tcp);
    pc.host = "127.0.0.1";
    pc.port = 0;
    bad |= wos_proxy_init(&proxy, &pc) != WOS_ERR_INVALID_ARG; /* port 0 */
    pc.port = 3128;
    bad |= wos_proxy_init(&proxy, &pc) != WOS_OK;
    t = wos_proxy_transport(&proxy);
    bad |= t.ops == NULL || t.ctx != (void *)&proxy;
    bad |= wos_proxy_last_status(&proxy) != 0;
    printf("proxy transport %s\n", bad ? "misbehaves" : "links and checks its configuration");
    return bad;
}
