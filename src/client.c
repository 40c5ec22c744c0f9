/* SPDX-License-Identifier: MIT */
/*
 * The client's set-up and its call path: the loop around one attempt
 * applies deadlines and the retry rules of the contract, then the
 * operation's decoder reads the final answer. It calls down into the
 * attempt (client_io.c), which owns the connection; nothing calls back up.
 * Everything lives in caller memory (the client struct, its working buffer
 * and token array) and a bounded stack.
 */
#include "client_internal.h"

#include <stddef.h>
#include <string.h>

#include "url.h"
#include "uuid.h"

void wos_client_config_init(wos_client_config *cfg)
{
    if (cfg == NULL) {
        return;
    }
    memset(cfg, 0, sizeof *cfg);
    cfg->timeout_ms = WOS_DEFAULT_TIMEOUT_MS;
    cfg->retry.max_retries = WOS_DEFAULT_RETRIES;
    cfg->retry.backoff_base_ms = WOS_BACKOFF_BASE_MS;
    cfg->retry.backoff_cap_ms = WOS_BACKOFF_CAP_MS;
    cfg->retry.retry_after_cap_s = WOS_RETRY_AFTER_CAP_S;
}

void wos_call_options_init(wos_call_options *opts)
{
    if (opts != NULL) {
        memset(opts, 0, sizeof *opts);
        opts->retries = -1;
    }
}

static bool platform_ok(const wos_platform *p)
{
    return p != NULL && p->now_ms != NULL && p->random != NULL && p->sleep_until != NULL;
}

wos_status wos_client_init(wos_client *c, const wos_client_config *cfg)
{
    const char *url;
    wos_status st;
    if (c == NULL || cfg == NULL || cfg->buf == NULL || cfg->buf_cap == 0u ||
        cfg->tokens == NULL || cfg->token_cap == 0u || !platform_ok(cfg->platform) ||
        cfg->transport.ops == NULL || wos_http_bad_value(cfg->api_key)) {
        return WOS_ERR_INVALID_ARG;
    }
    /* Every other member is set before it is read: the endpoint below,
     * the parser by each attempt, info, call_ and reply_ by each call. */
    c->connected = false;
    c->cfg = *cfg;
    if (c->cfg.timeout_ms == 0u) {
        c->cfg.timeout_ms = WOS_DEFAULT_TIMEOUT_MS;
    }
    url = cfg->base_url != NULL ? cfg->base_url : WOS_DEFAULT_BASE_URL;
    c->ep.api_key = cfg->api_key;
    st = wos_url_parse(url, c->host, sizeof c->host, &c->ep);
    if (st == WOS_OK && !c->ep.tls && !cfg->allow_plain_http) {
        st = WOS_ERR_INVALID_ARG; /* plain HTTP only when asked for explicitly */
    }
    return st;
}

static bool retryable_status(int s)
{
    return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
}

/* Exponential backoff with "equal jitter": half the step fixed, half random. */
static uint32_t backoff_ms(const wos_client *c, unsigned tries)
{
    const wos_platform *p = c->cfg.platform;
    uint32_t cap = c->cfg.retry.backoff_cap_ms, d = c->cfg.retry.backoff_base_ms, r = 0, half;
    for (; tries > 0u && d < cap; tries--) {
        d = d > cap - d ? cap : d * 2u; /* doubled, never past the cap (nor overflowing) */
    }
    d = d < cap ? d : cap;
    if (p->random(p->ctx, (uint8_t *)&r, sizeof r) != WOS_OK) {
        r = 0;
    }
    half = d / 2u;
    return half + r % (half + 1u);
}

/* Retry-After in seconds, or -1; an HTTP-date without a Date header needs the wall clock. */
static int64_t retry_after_s(const wos_client *c, const wos_http_response *resp)
{
    const wos_platform *p = c->cfg.platform;
    int64_t s = resp->retry_after_s, now_s;
    if (s < 0 && resp->retry_after_at >= 0 && p->wall_clock_s != NULL &&
        p->wall_clock_s(p->ctx, &now_s) == WOS_OK) {
        s = resp->retry_after_at > now_s ? resp->retry_after_at - now_s : 0;
    }
    return s;
}

/* POST calls carry one key for all their attempts: the caller's, or a fresh UUIDv4. */
static wos_status set_idempotency_key(wos_client *c, wos_pipes_call *call,
                                      const wos_call_options *opts, wos_call_info *info)
{
    wos_status st = WOS_OK;
    size_t len = 36u;
    if ((call->op->retry & WOS_RETRY_KEYED) == 0u) {
        return WOS_OK;
    }
    if (opts != NULL && opts->idempotency_key.ptr != NULL) {
        len = opts->idempotency_key.len;
        if (len >= sizeof info->idempotency_key) {
            return WOS_ERR_INVALID_ARG;
        }
        /* NUL-terminated: wos_client_call() zeroed info, and this runs once a call. */
        memcpy(info->idempotency_key, opts->idempotency_key.ptr, len);
    } else {
        st = wos_uuid4(c->cfg.platform, info->idempotency_key);
    }
    /* By length, so that a NUL inside a caller's key reaches the header check. */
    call->idempotency_key.ptr = info->idempotency_key;
    call->idempotency_key.len = len;
    return st;
}

/* A call's limits and how much of them its attempts used. */
typedef struct limits {
    uint64_t overall; /* absolute deadline of the call, UINT64_MAX: none */
    uint32_t timeout; /* per attempt */
    unsigned retries; /* allowed */
    unsigned tries;   /* retries made */
    bool reopened;    /* a stale kept-alive connection was already reopened */
} limits;

static void call_limits(const wos_client *c, const wos_call_options *o, limits *l)
{
    uint32_t overall = c->cfg.overall_timeout_ms;
    l->timeout = c->cfg.timeout_ms;
    l->retries = c->cfg.retry.max_retries;
    if (o != NULL) {
        l->timeout = o->timeout_ms != 0u ? o->timeout_ms : l->timeout;
        overall = o->overall_timeout_ms != 0u ? o->overall_timeout_ms : overall;
        l->retries = (o->retries >= 0 && o->retries <= 255) ? (unsigned)o->retries : l->retries;
    }
    l->overall = overall != 0u ? wos_client_now(c) + overall : UINT64_MAX;
    l->tries = 0;
    l->reopened = false;
}

/* The transport failures worth another attempt, as bits of their status:
 * any; and those after which a kept-alive connection is reopened at once
 * (not a timeout, which may have been the server working on it). */
#define STATUS_BIT(st) ((uint32_t)1u << (unsigned)(st))
#define RETRY_ERRORS (STATUS_BIT(WOS_ERR_NETWORK) | STATUS_BIT(WOS_ERR_TIMEOUT) | STATUS_BIT(WOS_ERR_CLOSED))
#define REOPEN_ERRORS (STATUS_BIT(WOS_ERR_NETWORK) | STATUS_BIT(WOS_ERR_CLOSED))
typedef char retry_errors_fit_32_bits[WOS_ERR_CLOSED < 32 && WOS_ERR_NETWORK < 32 ? 1 : -1];

/*
 * Whether another attempt follows, and the wait before it (Retry-After
 * wins over backoff). maybe_done: the attempt may have changed something
 * on the server (its answer was lost after the whole request went out, or
 * it was a 5xx). The resend rule: reads (token, list, get) and the
 * idempotent writes (a PUT repeated with the same body, a DELETE) may be
 * sent again after the server may have got them; a create (POST, which
 * the server does not de-duplicate) is not, once fully sent with its
 * answer lost. After a 408, 429 or 5xx every operation is resent; what a
 * write's retry answers then is read by its decoder (the reply's resent_).
 * A kept-alive connection that the server closed before answering
 * anything is reopened at once and outside the retry count: the request
 * never reached the server, or the call is a read.
 */
static bool again(const wos_client *c, wos_pipes_op op, const attempt *a, wos_status st,
                  const wos_http_response *resp, bool maybe_done, limits *l, uint32_t *delay)
{
    uint32_t err = (unsigned)st < 32u ? (uint32_t)1u << (unsigned)st : 0u;
    int64_t s = -1;
    *delay = 0u;
    if (st == WOS_OK) {
        if (!retryable_status(resp->status)) {
            return false;
        }
        s = retry_after_s(c, resp);
    } else if ((err & RETRY_ERRORS) == 0u ||
               (maybe_done && (op->retry & WOS_RETRY_REPEATABLE) == 0u)) {
        return false;
    } else if ((err & REOPEN_ERRORS) != 0u && a->reused && a->received == 0u && !l->reopened) {
        l->reopened = true;
        return true;
    }
    if (l->tries >= l->retries) {
        return false;
    }
    if (s < 0) {
        *delay = backoff_ms(c, l->tries);
    } else {
        uint32_t cap = c->cfg.retry.retry_after_cap_s;
        cap = s < (int64_t)cap ? (uint32_t)s : cap;
        *delay = cap > UINT32_MAX / 1000u ? UINT32_MAX : cap * 1000u;
    }
    l->tries++;
    return true;
}

/* The reply's request_id, body and body_len lie as the response's request_id and body. */
#define REPLY_VIEWS (offsetof(wos_pipes_reply, body_len) + sizeof(size_t) - offsetof(wos_pipes_reply, request_id))
typedef char reply_views_as_response[
    offsetof(wos_pipes_reply, body) - offsetof(wos_pipes_reply, request_id) ==
            offsetof(wos_http_response, body) - offsetof(wos_http_response, request_id) &&
        REPLY_VIEWS == offsetof(wos_http_response, body) + sizeof(wos_str) -
                           offsetof(wos_http_response, request_id) &&
        offsetof(wos_pipes_reply, body_len) - offsetof(wos_pipes_reply, body) == offsetof(wos_str, len)
    ? 1 : -1];

/* The final answer, whatever its status, handed to the operation's decoder. */
static wos_status decode(wos_client *c, const wos_http_response *resp, wos_pipes_op op, void *out,
                         wos_call_info *info)
{
    wos_pipes_reply *r = &c->reply_;
    wos_status st;
    r->status = resp->status;
    /* request_id and the body (a view of our own, writable buffer) in one copy. */
    memcpy(&r->request_id, &resp->request_id, REPLY_VIEWS);
    r->retry_after_s = retry_after_s(c, resp);
    r->tokens = c->cfg.tokens;
    r->token_cap = c->cfg.token_cap;
    r->resent_ = info->resent_write; /* read by a write's decoder (pipes_ops.h) */
    info->date = resp->date;
    st = op->decode(r, out, &info->api);
    if (st == WOS_ERR_JSON_TOKENS) {
        info->tokens_needed = r->tokens_needed; /* set by the decoder's parse; else still 0 */
    }
    if (st != WOS_OK && st != WOS_ERR_HTTP_STATUS && st != WOS_ERR_CREATE_UNCONFIRMED) {
        /* A 2xx body that failed to decode may hold a secret (a token)
         * that no result points to, so no wipe could reach it later. */
        wos_secure_zero(r->body, r->body_len);
    }
    return st;
}

/* The call path: deadlines and retries around the attempts, then the decode. */
wos_status wos_client_call(wos_client *c, const wos_pipes_call *call_in,
                           const wos_call_options *opts, void *out, wos_call_info *info)
{
    wos_pipes_call *call;
    const wos_http_response *resp;
    attempt a;
    limits l;
    wos_status st;
    if (c == NULL || call_in == NULL || call_in->op == NULL ||
        (out == NULL && call_in->op->has_result)) {
        return WOS_ERR_INVALID_ARG; /* before anything is sent */
    }
    if (info == NULL) {
        info = &c->info; /* caller memory, not stack */
    }
    memset(info, 0, sizeof *info);
    call = &c->call_;
    *call = *call_in;
    resp = wos_http_parser_response(&c->parser); /* fixed: c's own */
    call_limits(c, opts, &l);
    st = set_idempotency_key(c, call, opts, info);
    while (st == WOS_OK) {
        uint64_t now = wos_client_now(c);
        uint32_t delay;
        bool maybe_done;
        memset(&a, 0, sizeof a);
        a.deadline = now + l.timeout < l.overall ? now + l.timeout : l.overall;
        st = wos_client_attempt(c, call, &a, info);
        /* A transport failure after the whole request went out (a request
         * refused before sending fails for good, whatever its sizes say). */
        maybe_done = st == WOS_OK ? resp->status >= 500 : a.sent >= a.request_len;
        if (!again(c, call->op, &a, st, resp, maybe_done, &l, &delay)) {
            break;
        }
        /* Only when the overall deadline leaves room to wait and try again. */
        now = wos_client_now(c);
        if (now + delay >= l.overall) { /* none: UINT64_MAX, which no clock reaches */
            break;
        }
        if ((call->op->retry & WOS_RETRY_WRITE) != 0u && maybe_done) {
            info->resent_write = true;
        }
        if (delay > 0u) {
            c->cfg.platform->sleep_until(c->cfg.platform->ctx, now + delay);
        }
        st = WOS_OK;
    }
    if (st == WOS_OK) {
        st = decode(c, resp, call->op, out, info);
    }
    return st;
}
