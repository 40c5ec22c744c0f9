/* SPDX-License-Identifier: MIT */
/* Stand-in for <zephyr/net/sntp.h>: "SNTP" answers with the host clock. */
#include <stdint.h>
struct sntp_time {
    uint64_t seconds;
    uint32_t fraction;
};
int sntp_simple(const char *server, uint32_t timeout, struct sntp_time *ts);
