/* SPDX-License-Identifier: MIT */
/*
 * The operation descriptors: what each Pipes operation puts on the wire,
 * how its reply is decoded, and when it may be sent again. The typed
 * wrappers pass a descriptor in, so the engine (client.c, client_ops.c)
 * and the request writer (pipes_request.c) hold no per-operation code:
 * they call through the descriptor. Internal.
 */
#ifndef WOS_PIPES_OPS_H
#define WOS_PIPES_OPS_H

#include "http_request.h"
#include "wos_pipes.h"

/* Retry class bits: when an attempt may be repeated, and what a resend's answer means. */
enum {
    WOS_RETRY_REPEATABLE = 1u,           /* may be resent after the server may have got it */
    WOS_RETRY_KEYED = 2u,                /* a POST: one Idempotency-Key over all attempts */
    WOS_RETRY_WRITE = 4u                 /* changes the server: a resend after an uncertain
                                          * attempt is noted (info->resent_write and the
                                          * reply's resent_, which the write's decoder reads:
                                          * wos_pipes_dec_gone(), wos_pipes_unconfirmed()) */
};

/* The query parameters of a list, in their order on the wire. */
enum { WOS_Q_LIMIT, WOS_Q_BEFORE, WOS_Q_AFTER, WOS_Q_ORDER, WOS_Q_COUNT };

/* What an operation's prepare step fills in; storage for the writer's views. */
typedef struct wos_pipes_req_parts {
    wos_http_request req; /* method and segments: set by the prepare step (none for the
                           * token, whose line token_line() writes); host, port, tls, API
                           * key and Idempotency-Key: set by wos_pipes_write() */
    /* A list has one segment and a query; the others up to five segments
     * and at most ?organization_id=: they share the room (the deepest stack
     * passes here). Both start with the first segment. */
    union {
        struct {
            wos_str segs[5];    /* data-integrations / slug, or a spec's path */
            wos_http_query org; /* a spec's ?organization_id= */
        } path;
        struct {
            wos_str seg; /* path.segs[0] */
            wos_http_query query[WOS_Q_COUNT];
        } list;
    } p;
    char limit[3];
    wos_http_line_fn line; /* set by the prepare step: method and target (pay per use) */
} wos_pipes_req_parts;

/* Check the call's parameters (false: WOS_ERR_INVALID_ARG, nothing written;
 * the token's are checked as its line and body are written) and point parts
 * at the line writer, method, path, query and body the operation sends. */
typedef bool (*wos_pipes_prepare_fn)(const wos_pipes_call *call, wos_pipes_req_parts *parts);

/* Decode a reply into the operation's result type (out may be NULL only when has_result is 0). */
typedef wos_status (*wos_pipes_decode_fn)(wos_pipes_reply *r, void *out, wos_api_error *err);

/* The descriptors' decoder of a reply without a result (the deletes; out
 * unused). The retry of a delete resent after an attempt that may have done
 * it (r->resent_) answering 404 means the first attempt deleted it: WOS_OK. */
wos_status wos_pipes_dec_gone(wos_pipes_reply *r, void *out, wos_api_error *err);

/* A create's decode status st, given its reply: a retry resent after an
 * attempt that may have done it (r->resent_) answering 409 means the first
 * attempt probably created it: WOS_ERR_CREATE_UNCONFIRMED. The creates'
 * decoders pass their status through it, so other operations link none of it. */
wos_status wos_pipes_unconfirmed(const wos_pipes_reply *r, wos_status st);

/* The methods, packed: a descriptor holds its method's offset in
 * wos_methods, a byte in the descriptor's padding where a pointer took four. */
enum { WOS_M_POST = 0, WOS_M_GET = 5, WOS_M_PUT = 9, WOS_M_DELETE = 13 };
extern const char wos_methods[];

struct wos_pipes_op_desc {
    uint8_t method;               /* WOS_M_POST, WOS_M_GET, WOS_M_PUT, WOS_M_DELETE */
    uint8_t segments;             /* 1: collection, 2: + slug; 0: the spec's path, or the
                                   * token's fixed line (its prepare step's line writer) */
    uint8_t retry;                /* WOS_RETRY_* bits */
    uint8_t has_result;           /* 1: the call needs an out struct */
    wos_pipes_prepare_fn prepare; /* pipes_request.c */
    wos_pipes_decode_fn decode;   /* pipes_ops.c, over the public decoders */
    const struct wos_pipes_spec *spec; /* wos_pipes_prepare_spec(): path, query, body */
};


/* The prepare steps (pipes_request.c). */
bool wos_pipes_prepare_token(const wos_pipes_call *call, wos_pipes_req_parts *parts);
bool wos_pipes_prepare_create(const wos_pipes_call *call, wos_pipes_req_parts *parts);
bool wos_pipes_prepare_update(const wos_pipes_call *call, wos_pipes_req_parts *parts);
bool wos_pipes_prepare_list(const wos_pipes_call *call, wos_pipes_req_parts *parts);
bool wos_pipes_prepare_slug(const wos_pipes_call *call, wos_pipes_req_parts *parts);

/* wos_pipes_write_request() without the check of ep->host, which its
 * caller made (the client checks its host once, at wos_client_init()). */
WOS_NODISCARD wos_status wos_pipes_write(const wos_pipes_endpoint *ep, const wos_pipes_call *call, char *buf,
                                         size_t cap, size_t *out_len);

#endif
