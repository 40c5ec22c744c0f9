/* SPDX-License-Identifier: MIT */
/* Shared by the client's engine and its operations. Internal. */
#ifndef WOS_CLIENT_INTERNAL_H
#define WOS_CLIENT_INTERNAL_H

#include "wos_client.h"
#include "wos_http_parser.h"

#include "pipes_ops.h"

/* One attempt's progress, which decides whether it may be repeated. */
typedef struct attempt {
    uint64_t deadline;  /* absolute, port clock */
    size_t request_len; /* bytes of the request */
    size_t sent;        /* request bytes sent: >= request_len once all went out */
    size_t received;    /* response bytes received */
    bool reused;        /* ran on a kept-alive connection */
} attempt;

/* The port clock (client_io.c, with the connection it times). */
uint64_t wos_client_now(const wos_client *c);

/* Connect or reuse, send the request, receive one whole response into c->parser. */
WOS_NODISCARD wos_status wos_client_attempt(wos_client *c, const wos_pipes_call *call, attempt *a,
                              wos_call_info *info);

#endif
