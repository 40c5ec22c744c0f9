/* SPDX-License-Identifier: MIT */
/*
 * The token cache (wos_token_cache.h): entries in caller memory, timed by
 * the port's monotonic clock, anchored by the answer's Date header.
 */
#include "wos_token_cache.h"

#include <string.h>

#include "wos_time.h"

wos_status wos_token_cache_init(wos_token_cache *cache, wos_token_cache_entry *entries,
                                unsigned count, uint32_t margin_s)
{
    if (cache == NULL || entries == NULL || count == 0u) {
        return WOS_ERR_INVALID_ARG;
    }
    cache->entries = entries;
    cache->count = count;
    cache->margin_s = margin_s != 0u ? margin_s : WOS_TOKEN_CACHE_MARGIN_S;
    wos_token_cache_wipe(cache);
    return WOS_OK;
}

/* The key's three parts; false when one is too long to key on. */
static bool key_of(const wos_token_params *p, wos_str k[3])
{
    unsigned i;
    k[0] = p->slug;
    k[1] = p->user_id;
    k[2] = p->organization_id;
    for (i = 0; i < 3u; i++) {
        if (k[i].len >= WOS_TOKEN_CACHE_ID_MAX || (k[i].ptr == NULL && i < 2u)) {
            return false;
        }
    }
    return true;
}

static wos_token_cache_entry *find(wos_token_cache *cache, const wos_str k[3])
{
    unsigned i, j;
    for (i = 0; i < cache->count; i++) {
        wos_token_cache_entry *e = &cache->entries[i];
        bool same = e->used_;
        for (j = 0; j < 3u && same; j++) {
            /* An omitted organization has no bytes (and a NULL ptr memcmp may not see). */
            same = e->key_len_[j] == k[j].len &&
                   (k[j].len == 0u || memcmp(e->key_[j], k[j].ptr, k[j].len) == 0);
        }
        if (same) {
            return e;
        }
    }
    return NULL;
}

static uint64_t now_ms(const wos_client *c)
{
    return c->cfg.platform->now_ms(c->cfg.platform->ctx);
}

static void wipe_entry(wos_token_cache_entry *e)
{
    wos_secure_zero(e, sizeof *e);
}

/* A free entry, else the one that expires first (never-expiring ones last). */
static wos_token_cache_entry *slot(wos_token_cache *cache)
{
    wos_token_cache_entry *best = &cache->entries[0];
    unsigned i;
    for (i = 0; i < cache->count; i++) {
        wos_token_cache_entry *e = &cache->entries[i];
        if (!e->used_) {
            return e;
        }
        if (e->expires_ && (!best->expires_ || e->expires_ms_ < best->expires_ms_)) {
            best = e;
        }
    }
    return best;
}

/* Seconds of life left at receipt: expires_at minus Date, or the wall clock; false: unknown. */
static bool lifetime_s(const wos_client *c, const wos_access_token *t, wos_str date,
                       int64_t *out)
{
    int64_t now = 0;
    const wos_platform *pf = c->cfg.platform;
    /* The Date is parsed here, where it is needed, not on every call. */
    if (wos_time_parse_http_date(date.ptr, date.len, &now) == WOS_OK) {
        now = now > 0 ? now : 0;
    } else if (pf->wall_clock_s == NULL || pf->wall_clock_s(pf->ctx, &now) != WOS_OK) {
        return false;
    }
    *out = t->expires_at.unix_s - now;
    return true;
}

/* The key has no entry here: wos_token_cache_get() found none, or wiped the stale one. */
static void store(wos_token_cache *cache, const wos_str k[3], const wos_access_token *t,
                  uint64_t expires_ms, wos_cached_token *out)
{
    wos_token_cache_entry *e = slot(cache);
    unsigned j;
    wipe_entry(e);
    for (j = 0; j < 3u; j++) {
        if (k[j].len > 0u) {
            memcpy(e->key_[j], k[j].ptr, k[j].len);
        }
        e->key_len_[j] = (uint8_t)k[j].len;
    }
    memcpy(e->token_, t->access_token.ptr, t->access_token.len);
    e->token_len_ = (uint16_t)t->access_token.len;
    e->expires_ = t->expires;
    e->expires_ms_ = expires_ms;
    e->used_ = true;
    out->token.ptr = e->token_;
    out->token.len = e->token_len_;
    out->cached = true;
}

/* Cache a fresh active token when its expiry can be anchored and lies beyond the margin. */
static void keep(wos_token_cache *cache, const wos_client *c, const wos_str k[3],
                 const wos_access_token *t, wos_str date, uint64_t at_ms, wos_cached_token *out)
{
    int64_t left = 0;
    uint64_t expires_ms = 0;
    if (t->access_token.len > WOS_TOKEN_CACHE_TOKEN_MAX) {
        return;
    }
    if (t->expires) {
        if (!lifetime_s(c, t, date, &left) || left <= (int64_t)cache->margin_s) {
            return;
        }
        expires_ms = at_ms + (uint64_t)left * 1000u;
    }
    store(cache, k, t, expires_ms, out);
}

wos_status wos_token_cache_get(wos_token_cache *cache, wos_client *c, const wos_token_params *p,
                               const wos_call_options *opts, wos_cached_token *out,
                               wos_call_info *info)
{
    static const wos_str k_none = WOS_STR_NULL;
    wos_access_token *t;
    wos_token_cache_entry *e;
    wos_str k[3];
    bool keyed;
    uint64_t now;
    wos_status st;
    if (cache == NULL || c == NULL || p == NULL || out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(out, 0, sizeof *out);
    keyed = key_of(p, k);
    now = now_ms(c);
    e = keyed ? find(cache, k) : NULL;
    if (e != NULL && (!e->expires_ || now + (uint64_t)cache->margin_s * 1000u < e->expires_ms_)) {
        out->active = out->hit = out->cached = true;
        out->token.ptr = e->token_;
        out->token.len = e->token_len_;
        return WOS_OK;
    }
    info = info != NULL ? info : &c->info; /* the client's own, not stack */
    t = &cache->fresh_;
    st = wos_client_get_token(c, p, opts, t, info);
    if (e != NULL) {
        wipe_entry(e); /* stale: refreshed below, or gone */
    }
    if (st != WOS_OK) {
        return st;
    }
    out->active = t->active;
    out->reason = t->reason;
    out->token = t->active ? t->access_token : k_none;
    if (t->active && keyed) {
        keep(cache, c, k, t, info->date, now_ms(c), out);
    }
    if (out->cached) {
        wos_access_token_wipe(t); /* the copy in the entry is the one left */
    }
    return WOS_OK;
}

void wos_token_cache_invalidate(wos_token_cache *cache, const wos_token_params *p)
{
    wos_str k[3];
    wos_token_cache_entry *e;
    if (cache != NULL && p != NULL && key_of(p, k) && (e = find(cache, k)) != NULL) {
        wipe_entry(e);
    }
}

void wos_token_cache_wipe(wos_token_cache *cache)
{
    if (cache != NULL && cache->entries != NULL) {
        wos_secure_zero(cache->entries, sizeof *cache->entries * cache->count);
    }
}
