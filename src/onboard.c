/* SPDX-License-Identifier: MIT */
/*
 * Device onboarding (wos_onboard.h): authorize, show, poll, token. Every
 * call result lives in the state machine (caller memory); the caller's
 * loop drives it, and the clock is the port's.
 */
#include "wos_onboard.h"

#include <stddef.h>
#include <string.h>

typedef char wos_onboard_ids_lead[offsetof(wos_token_params, slug) == 0u &&
                                          offsetof(wos_authorize_params, slug) == 0u &&
                                          offsetof(wos_token_params, user_id) == sizeof(wos_str) &&
                                          offsetof(wos_authorize_params, user_id) == sizeof(wos_str) &&
                                          offsetof(wos_token_params, organization_id) == 2u * sizeof(wos_str) &&
                                          offsetof(wos_authorize_params, organization_id) == 2u * sizeof(wos_str)
                                      ? 1 : -1];

static uint64_t now_ms(const wos_client *c)
{
    return c->cfg.platform->now_ms(c->cfg.platform->ctx);
}

wos_status wos_onboard_init(wos_onboard *o, const wos_authorize_params *p, uint32_t poll_ms,
                            uint32_t wait_ms)
{
    if (o == NULL || p == NULL || p->slug.ptr == NULL || p->user_id.ptr == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(o, 0, sizeof *o);
    o->authorize = *p;
    /* The token's slug, user and organization lead both structs, in order. */
    memcpy(&o->token_params, p, 3u * sizeof(wos_str));
    o->account.user_id = p->user_id;
    o->account.slug = p->slug;
    o->account.organization_id = p->organization_id;
    o->poll_ms = poll_ms != 0u ? poll_ms : 2000u;
    o->wait_ms = wait_ms != 0u ? wait_ms : 300000u;
    return WOS_OK;
}

wos_str wos_onboard_url(const wos_onboard *o)
{
    wos_str s = WOS_STR_NULL;
    if (o != NULL && o->url_len > 0u) {
        s.ptr = o->url;
        s.len = o->url_len;
    }
    return s;
}

/* What the step's call answered, for the state that made it. */
static wos_status took(wos_onboard *o)
{
    switch (o->state) {
    case WOS_ONBOARD_AUTHORIZE:
        if (o->scratch.url.url.len >= sizeof o->url) {
            o->url_needed = o->scratch.url.url.len + 1u;
            return WOS_ERR_BUFFER_TOO_SMALL;
        }
        /* NUL-terminated: wos_onboard_init() zeroed url, and this runs once. */
        memcpy(o->url, o->scratch.url.url.ptr, o->scratch.url.url.len);
        o->url_len = o->scratch.url.url.len;
        o->state = WOS_ONBOARD_SHOW_URL;
        break;
    case WOS_ONBOARD_WAIT: /* any state but connected means not yet */
        o->last_state = o->scratch.account.state;
        if (o->last_state == WOS_ACCOUNT_CONNECTED) {
            o->state = WOS_ONBOARD_TOKEN;
        }
        break;
    default: /* WOS_ONBOARD_TOKEN */
        o->state = WOS_ONBOARD_DONE;
        break;
    }
    return WOS_OK;
}

/* In WAIT: sleeps (when asked) until the next poll is due; true when it is,
 * and then the poll is counted and the next one set. Past the deadline the
 * wait has timed out. */
static bool poll_due(wos_onboard *o, wos_client *c, bool sleep, uint64_t now)
{
    if (now < o->due_ms && sleep) {
        c->cfg.platform->sleep_until(c->cfg.platform->ctx,
                                     o->due_ms < o->deadline_ms ? o->due_ms : o->deadline_ms);
        now = now_ms(c);
    }
    if (now >= o->deadline_ms) {
        o->state = WOS_ONBOARD_TIMED_OUT;
        return false;
    }
    if (now < o->due_ms) {
        return false;
    }
    o->polls++;
    o->due_ms = now + o->poll_ms;
    return true;
}

/* Each state that calls sets up its call; the one call site follows. */
wos_status wos_onboard_step(wos_onboard *o, wos_client *c, bool sleep, wos_call_info *info)
{
    wos_pipes_call call = {NULL, WOS_STR_NULL, NULL, NULL, NULL, WOS_STR_NULL, NULL};
    void *out;
    wos_status st;
    uint64_t now;
    if (o == NULL || c == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    info = info != NULL ? info : &c->info; /* the client's own, as wos_client_call() */
    out = &o->scratch;
    now = now_ms(c);
    switch (o->state) {
    case WOS_ONBOARD_AUTHORIZE:
        call.op = &wos_op_authorize;
        call.params = &o->authorize;
        break;
    case WOS_ONBOARD_SHOW_URL: /* shown: the wait starts now, the first poll one interval on */
        o->deadline_ms = now + o->wait_ms;
        o->due_ms = now + o->poll_ms;
        o->state = WOS_ONBOARD_WAIT;
        return WOS_OK;
    case WOS_ONBOARD_WAIT:
        if (!poll_due(o, c, sleep, now)) {
            return WOS_OK;
        }
        call.op = &wos_op_account_get;
        call.params = &o->account;
        break;
    case WOS_ONBOARD_TOKEN:
        call.op = WOS_OP_TOKEN;
        call.token = &o->token_params;
        out = &o->token;
        break;
    default: /* DONE, TIMED_OUT, FAILED: nothing left */
        return WOS_OK;
    }
    st = wos_client_call(c, &call, NULL, out, info);
    if (st == WOS_OK) {
        st = took(o);
    } else if (o->state == WOS_ONBOARD_WAIT && st == WOS_ERR_HTTP_STATUS &&
               info->api.http_status == 404) {
        st = WOS_OK; /* a poll answered 404: no account yet */
    }
    if (st != WOS_OK) {
        o->state = WOS_ONBOARD_FAILED;
    }
    return st;
}
