/* SPDX-License-Identifier: MIT */
/*
 * Device onboarding (wos_onboard.h): authorize, show, poll, token. Every
 * call result lives in the state machine (caller memory); the caller's
 * loop drives it, and the clock is the port's.
 */
#include "wos_onboard.h"

#include <string.h>

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
    o->account.user_id = p->user_id;
    o->account.slug = p->slug;
    o->account.organization_id = p->organization_id;
    o->token_params.slug = p->slug;
    o->token_params.user_id = p->user_id;
    o->token_params.organization_id = p->organization_id;
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

static wos_status get_url(wos_onboard *o, wos_client *c, wos_call_info *info)
{
    wos_status st = wos_client_authorize(c, &o->authorize, NULL, &o->scratch.url, info);
    if (st == WOS_OK && o->scratch.url.url.len >= sizeof o->url) {
        st = WOS_ERR_BUFFER_TOO_SMALL;
    }
    if (st == WOS_OK) {
        memcpy(o->url, o->scratch.url.url.ptr, o->scratch.url.url.len);
        o->url_len = o->scratch.url.url.len;
        o->url[o->url_len] = '\0';
        o->state = WOS_ONBOARD_SHOW_URL;
    }
    return st;
}

/* A poll: 404 means no account yet; any state but connected means not yet. */
static wos_status poll(wos_onboard *o, wos_client *c, uint64_t now, wos_call_info *info)
{
    wos_call_info *ci = info != NULL ? info : &c->info;
    wos_status st = wos_client_get_account(c, &o->account, NULL, &o->scratch.account, ci);
    o->polls++;
    o->due_ms = now + o->poll_ms;
    if (st == WOS_ERR_HTTP_STATUS && ci->api.http_status == 404) {
        return WOS_OK;
    }
    if (st == WOS_OK) {
        o->last_state = o->scratch.account.state;
        if (o->last_state == WOS_ACCOUNT_CONNECTED) {
            o->state = WOS_ONBOARD_TOKEN;
        }
    }
    return st;
}

wos_status wos_onboard_step(wos_onboard *o, wos_client *c, bool sleep, wos_call_info *info)
{
    wos_status st = WOS_OK;
    uint64_t now;
    if (o == NULL || c == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    now = now_ms(c);
    switch (o->state) {
    case WOS_ONBOARD_AUTHORIZE:
        st = get_url(o, c, info);
        break;
    case WOS_ONBOARD_SHOW_URL: /* shown: the wait starts now, the first poll one interval on */
        o->deadline_ms = now + o->wait_ms;
        o->due_ms = now + o->poll_ms;
        o->state = WOS_ONBOARD_WAIT;
        break;
    case WOS_ONBOARD_WAIT:
        if (now < o->due_ms && sleep) {
            c->cfg.platform->sleep_until(c->cfg.platform->ctx,
                                         o->due_ms < o->deadline_ms ? o->due_ms : o->deadline_ms);
            now = now_ms(c);
        }
        if (now >= o->deadline_ms) {
            o->state = WOS_ONBOARD_TIMED_OUT;
        } else if (now >= o->due_ms) {
            st = poll(o, c, now, info);
        }
        break;
    case WOS_ONBOARD_TOKEN:
        st = wos_client_get_token(c, &o->token_params, NULL, &o->token, info);
        o->state = st == WOS_OK ? WOS_ONBOARD_DONE : o->state;
        break;
    default: /* DONE, TIMED_OUT, FAILED: nothing left */
        return WOS_OK;
    }
    if (st != WOS_OK) {
        o->state = WOS_ONBOARD_FAILED;
    }
    return st;
}
