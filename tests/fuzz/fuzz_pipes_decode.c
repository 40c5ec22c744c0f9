/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the Pipes decoders (wos_pipes.h): the input is a
 * response body, decoded as a 2xx answer of every operation (token,
 * integration, list, pager, delete) and as a non-2xx error. Each decode
 * gets its own exact-size copy (decoders rewrite strings in place), first
 * with a small token array and then, when that is too small, with an array
 * of exactly the reported size. Beyond "no crash": only documented statuses
 * come back, every view of a result lies inside the body, is valid UTF-8
 * and answers its accessors, and a wiped token leaves only zeroes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "walk.h"

#define SMALL_TOKENS 8u

enum decoder { D_TOKEN, D_INTEGRATION, D_LIST, D_PAGER, D_DELETE, D_AUTHORIZE, D_CREDENTIALS,
               D_ACCOUNT, D_PROVIDERS, D_ORG_CONFIGS, D_ORG_CONFIG, D_WIDGET, D_ERROR, D_COUNT };

#define IN(reg, s) FUZZ_CHECK((s).ptr == NULL || fuzz_inside((s), (reg)->base, (reg)->len))

/* The decoders of wos_pipes_connect.h: views inside the body; a list decoded
 * WOS_OK yields every item; a wiped credential leaves only zeroes. */
static wos_status decode_connect(enum decoder d, wos_pipes_reply *r, const fuzz_region *reg,
                                 wos_api_error *err)
{
    static union {
        wos_authorize_url url;
        wos_credentials_result cred;
        wos_connected_account account;
        wos_pipes_items items;
        wos_org_config config;
        wos_widget_token widget;
    } o;
    static wos_data_provider p;
    wos_status st;
    unsigned i;
    switch (d) {
    case D_AUTHORIZE:
        st = wos_pipes_decode_authorize(r, &o.url, err);
        if (st == WOS_OK) {
            IN(reg, o.url.url);
        }
        return st;
    case D_CREDENTIALS:
        st = wos_pipes_decode_credentials(r, &o.cred, err);
        if (st == WOS_OK && o.cred.active) {
            char *span = o.cred.secret_span_;
            size_t n = o.cred.secret_span_len_;
            IN(reg, o.cred.credential.value);
            wos_credentials_wipe(&o.cred);
            for (i = 0; i < n; i++) {
                FUZZ_CHECK(span[i] == 0);
            }
        }
        return st;
    case D_ACCOUNT:
        st = wos_pipes_decode_account(r, &o.account, err);
        if (st == WOS_OK) {
            IN(reg, o.account.id);
            IN(reg, o.account.state_text);
        }
        return st;
    case D_PROVIDERS:
        st = wos_pipes_decode_providers(r, &o.items, err);
        for (i = 0; st == WOS_OK && i < o.items.count; i++) {
            FUZZ_CHECK(wos_provider_item(&o.items, i, &p) == WOS_OK);
            IN(reg, p.slug);
            IN(reg, p.connected_account.id);
        }
        return st;
    case D_ORG_CONFIGS:
        st = wos_pipes_decode_org_configs(r, &o.items, err);
        for (i = 0; st == WOS_OK && i < o.items.count; i++) {
            FUZZ_CHECK(wos_org_config_item(&o.items, i, &o.config) == WOS_OK);
        }
        return st;
    case D_ORG_CONFIG:
        return wos_pipes_decode_org_config(r, &o.config, err);
    default: /* D_WIDGET */
        st = wos_pipes_decode_widget_token(r, &o.widget, err);
        if (st == WOS_OK) {
            IN(reg, o.widget.token);
        }
        return st;
    }
}

/* Statuses a 2xx decode may give (wos_pipes_decode_token() and friends). */
static int documented_2xx(wos_status st)
{
    return st == WOS_OK || st == WOS_ERR_JSON_MALFORMED || st == WOS_ERR_JSON_TOO_DEEP ||
           st == WOS_ERR_INVALID_UTF8 || st == WOS_ERR_JSON_SHAPE || st == WOS_ERR_JSON_TOKENS ||
           st == WOS_ERR_INVALID_TIME;
}

/* The pager's next request must fit a buffer of exactly the size it reports. */
static void next_page_request(const wos_pager *pg)
{
    static const wos_pipes_endpoint ep = {WOS_STR_LIT("api.workos.com"), 443, true,
                                          WOS_STR_LIT("sk_fuzz")};
    char *buf = malloc(1);
    size_t need = 0, len = 0;
    wos_status st;
    FUZZ_CHECK(buf != NULL);
    st = wos_pager_next_request(pg, &ep, buf, 1u, &need);
    free(buf);
    if (wos_pager_done(pg)) {
        FUZZ_CHECK(st == WOS_ERR_STATE);
        return;
    }
    FUZZ_CHECK(st == WOS_ERR_BUFFER_TOO_SMALL && need > 1u);
    buf = malloc(need);
    FUZZ_CHECK(buf != NULL);
    FUZZ_CHECK(wos_pager_next_request(pg, &ep, buf, need, &len) == WOS_OK && len == need);
    free(buf);
}

static wos_status run_pager(wos_pipes_reply *r, const fuzz_region *reg, wos_api_error *err)
{
    wos_pager pg;
    wos_integration_page page;
    wos_status st;
    FUZZ_CHECK(wos_pager_init(&pg, NULL) == WOS_OK);
    st = wos_pager_on_reply(&pg, r, &page, err);
    if (st == WOS_OK) {
        (void)fuzz_walk_page(reg, &page);
        /* Done after an empty page or a null or empty cursor (from no cursor, none repeats). */
        FUZZ_CHECK(wos_pager_done(&pg) ==
                   (page.count == 0u || page.after.ptr == NULL || page.after.len == 0u));
        next_page_request(&pg);
    } else if (st == WOS_ERR_BUFFER_TOO_SMALL) {
        FUZZ_CHECK(page.after.len > WOS_PAGER_CURSOR_MAX && wos_pager_done(&pg));
    }
    return st;
}

/* One decode of one copy; walks the result. */
static wos_status decode(enum decoder d, int status, wos_pipes_reply *r, const fuzz_region *reg)
{
    wos_access_token tok;
    wos_data_integration di;
    wos_integration_page page;
    wos_api_error err;
    wos_status st;
    memset(&err, 0, sizeof err);
    switch (d) {
    case D_TOKEN:
        st = wos_pipes_decode_token(r, &tok, &err);
        if (st == WOS_OK) {
            (void)fuzz_walk_token(reg, &tok);
            fuzz_check_wipe(reg, &tok);
        }
        break;
    case D_INTEGRATION:
        st = wos_pipes_decode_integration(r, &di, &err);
        if (st == WOS_OK) {
            (void)fuzz_walk_integration(reg, &di);
        }
        break;
    case D_LIST:
        st = wos_pipes_decode_list(r, &page, &err);
        if (st == WOS_OK) {
            (void)fuzz_walk_page(reg, &page);
        }
        break;
    case D_PAGER:
        st = run_pager(r, reg, &err);
        break;
    case D_DELETE:
        st = wos_pipes_decode_delete(r, &err);
        break;
    case D_AUTHORIZE:
    case D_CREDENTIALS:
    case D_ACCOUNT:
    case D_PROVIDERS:
    case D_ORG_CONFIGS:
    case D_ORG_CONFIG:
    case D_WIDGET:
        st = decode_connect(d, r, reg, &err);
        break;
    default:
        st = wos_pipes_decode_error(r, &err);
        FUZZ_CHECK(st == WOS_OK); /* never fails on the body */
        FUZZ_CHECK(err.http_status == status && err.body.len == r->body_len);
        fuzz_walk_error(reg, &err);
        return st;
    }
    if (status < 200 || status > 299) {
        FUZZ_CHECK(st == WOS_ERR_HTTP_STATUS);
        FUZZ_CHECK(err.http_status == status);
        fuzz_walk_error(reg, &err);
    } else if (d == D_DELETE) {
        FUZZ_CHECK(st == WOS_OK);
    } else {
        FUZZ_CHECK(documented_2xx(st) || (d == D_PAGER && st == WOS_ERR_BUFFER_TOO_SMALL));
    }
    return st;
}

/* Decode a fresh copy with cap tokens (an exact-size array too). */
static wos_status decode_copy(enum decoder d, int status, const uint8_t *data, size_t size,
                              unsigned cap, unsigned *needed)
{
    wos_pipes_reply r;
    fuzz_region reg;
    wos_status st;
    memset(&r, 0, sizeof r);
    r.status = status;
    r.body = fuzz_dup(data, size);
    r.body_len = size;
    r.retry_after_s = -1;
    r.tokens = cap > 0u ? malloc(cap * sizeof *r.tokens) : NULL;
    r.token_cap = cap;
    FUZZ_CHECK(cap == 0u || r.tokens != NULL);
    reg.base = r.body;
    reg.len = size;
    st = decode(d, status, &r, &reg);
    *needed = r.tokens_needed;
    if (st == WOS_ERR_JSON_TOKENS) {
        FUZZ_CHECK(r.tokens_needed > cap);
    }
    free(r.tokens);
    free(r.body);
    return st;
}

/* The error decoder never reports a short token array (it falls back to the raw body). */
static unsigned error_tokens(const uint8_t *data, size_t size)
{
    char *js = fuzz_dup(data, size);
    unsigned n = 0;
    if (wos_json_validate(js, size, &n) != WOS_OK) {
        n = 0;
    }
    free(js);
    return n;
}

static void decode_both(enum decoder d, int status, const uint8_t *data, size_t size)
{
    unsigned needed = 0, again = 0;
    wos_status st = decode_copy(d, status, data, size, SMALL_TOKENS, &needed);
    if (d == D_ERROR) {
        needed = error_tokens(data, size);
        if (needed > SMALL_TOKENS) {
            (void)decode_copy(d, status, data, size, needed, &again);
        }
    } else if (st == WOS_ERR_JSON_TOKENS) {
        st = decode_copy(d, status, data, size, needed, &again);
        FUZZ_CHECK(st != WOS_ERR_JSON_TOKENS);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int error_statuses[] = {400, 404, 429, 503};
    unsigned d;
    for (d = 0; d < D_ERROR; d++) {
        decode_both((enum decoder)d, d == D_DELETE ? 204 : 200, data, size);
    }
    /* Non-2xx: the error result, alone and through a decoder. */
    for (d = 0; d < sizeof error_statuses / sizeof error_statuses[0]; d++) {
        decode_both(D_ERROR, error_statuses[d], data, size);
    }
    decode_both(D_TOKEN, 401, data, size);
    decode_both(D_LIST, 500, data, size);
    return 0;
}
