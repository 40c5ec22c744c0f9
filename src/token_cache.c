/* SPDX-License-Identifier: MIT */
/*
 * The token cache (wos_token_cache.h): entries in caller memory, timed by
 * the port's monotonic clock, anchored by the answer's Date header.
 */
#include "wos_token_cache.h"

#include <stddef.h>
#include <string.h>

#include "wos_time.h"

typedef char wos_token_key_leads_params[offsetof(wos_token_params, slug) == 0u &&
                                                offsetof(wos_token_params, user_id) == sizeof(wos_str) &&
                                                offsetof(wos_token_params, organization_id) ==
                                                    2u * sizeof(wos_str)
                                            ? 1 : -1];

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

/*
 * The entry keyed by p's slug, user and organization (cache->key_: those,
 * an omitted organization as ""), else NULL. cache->fill_: the entry a
 * fresh token for the key goes to: that one, else the first of those
 * refreshed soonest (an empty entry's refresh_ms_ is 0, a never-expiring
 * one's the largest); NULL when a part is too long to key on. An empty
 * entry matches only an all-empty key, and then as stale (refresh_ms_ 0).
 * Both live in the cache (caller memory), not on the stack.
 */
static wos_token_cache_entry *find(wos_token_cache *cache, const wos_token_params *p)
{
    wos_token_cache_entry *e = cache->entries, *end = e + cache->count;
    wos_str *k = cache->key_;
    unsigned j;
    memcpy(k, p, sizeof cache->key_); /* slug, user, organization lead p, in order */
    if (k[2].ptr == NULL) {
        k[2].ptr = "";
        k[2].len = 0;
    }
    cache->fill_ = NULL;
    for (j = 0; j < 3u; j++) {
        if (k[j].ptr == NULL || k[j].len >= WOS_TOKEN_CACHE_ID_MAX) {
            return NULL;
        }
    }
    cache->fill_ = e;
    for (; e < end; e++) {
        bool same = true;
        for (j = 0; j < 3u && same; j++) {
            same = e->key_len_[j] == k[j].len && memcmp(e->key_[j], k[j].ptr, k[j].len) == 0;
        }
        if (same) {
            cache->fill_ = e;
            return e;
        }
        if (e->refresh_ms_ < cache->fill_->refresh_ms_) {
            cache->fill_ = e;
        }
    }
    return NULL;
}

static void wipe_entry(wos_token_cache_entry *e)
{
    wos_secure_zero(e, sizeof *e);
}

/*
 * Stores the fresh token in cache->fill_ (NULL: not keyable) when its
 * expiry can be anchored and lies beyond the margin; NULL when not cached.
 * The life left at receipt is expires_at minus the answer's Date, or the
 * wall clock. That time is clamped at 0 and expires_at lies in years
 * 0..9999, so no difference overflows.
 */
static wos_token_cache_entry *keep(const wos_token_cache *cache, const wos_client *c, wos_str date)
{
    wos_token_cache_entry *e = cache->fill_;
    const wos_access_token *t = &cache->fresh_;
    const wos_platform *pf = c->cfg.platform;
    uint64_t refresh = UINT64_MAX; /* never expires */
    int64_t now = 0, until;
    unsigned j;
    if (e == NULL || t->access_token.len > WOS_TOKEN_CACHE_TOKEN_MAX) {
        return NULL; /* not keyable, or too long */
    }
    if (t->expires) {
        /* The Date is parsed here, where it is needed, not on every call. */
        if (wos_time_parse_http_date(date.ptr, date.len, &now) != WOS_OK &&
            (pf->wall_clock_s == NULL || pf->wall_clock_s(pf->ctx, &now) != WOS_OK)) {
            return NULL;
        }
        now = now > 0 ? now : 0;
        until = t->expires_at.unix_s - (int64_t)cache->margin_s; /* when to refresh */
        if (until <= now) {
            return NULL;
        }
        refresh = pf->now_ms(pf->ctx) + (uint64_t)(until - now) * 1000u;
    }
    wipe_entry(e);
    for (j = 0; j < 3u; j++) {
        memcpy(e->key_[j], cache->key_[j].ptr, cache->key_[j].len);
        e->key_len_[j] = (uint8_t)cache->key_[j].len;
    }
    memcpy(e->token_, t->access_token.ptr, t->access_token.len);
    e->token_len_ = (uint16_t)t->access_token.len;
    e->refresh_ms_ = refresh;
    return e;
}

wos_status wos_token_cache_get(wos_token_cache *cache, wos_client *c, const wos_token_params *p,
                               const wos_call_options *opts, wos_cached_token *out,
                               wos_call_info *info)
{
    wos_access_token *t;
    wos_token_cache_entry *e;
    wos_status st;
    if (cache == NULL || c == NULL || p == NULL || out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    memset(out, 0, sizeof *out);
    e = find(cache, p);
    if (e != NULL && c->cfg.platform->now_ms(c->cfg.platform->ctx) < e->refresh_ms_) {
        out->hit = true;
    } else {
        if (e != NULL) {
            wipe_entry(e); /* stale: refreshed below, or gone */
        }
        info = info != NULL ? info : &c->info; /* the client's own, not stack */
        t = &cache->fresh_;
        st = wos_client_get_token(c, p, opts, t, info);
        if (st != WOS_OK) {
            return st;
        }
        out->active = t->active;
        out->reason = t->reason;
        if (!t->active) {
            return WOS_OK;
        }
        out->token = t->access_token;
        e = keep(cache, c, info->date);
        if (e == NULL) {
            return WOS_OK; /* handed out from the client's buffer */
        }
        wos_access_token_wipe(t); /* the copy in the entry is the one left */
    }
    out->active = out->cached = true;
    out->token.ptr = e->token_;
    out->token.len = e->token_len_;
    return WOS_OK;
}

void wos_token_cache_invalidate(wos_token_cache *cache, const wos_token_params *p)
{
    wos_token_cache_entry *e;
    if (cache != NULL && p != NULL && (e = find(cache, p)) != NULL) {
        wipe_entry(e);
    }
}

void wos_token_cache_wipe(wos_token_cache *cache)
{
    if (cache != NULL && cache->entries != NULL) {
        wos_secure_zero(cache->entries, sizeof *cache->entries * cache->count);
    }
}
