/* SPDX-License-Identifier: MIT */
/* Walkers over decoded Pipes results for the fuzz targets; see walk.h. */
#include "walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/utf8.h"
#include "wos_time.h"

void fuzz_check(int ok, const char *what, const char *file, int line)
{
    if (!ok) {
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
        abort();
    }
}

char *fuzz_dup(const uint8_t *data, size_t n)
{
    char *p;
    if (n == 0u) {
        return NULL;
    }
    p = malloc(n);
    FUZZ_CHECK(p != NULL);
    memcpy(p, data, n);
    return p;
}

int fuzz_inside(wos_str s, const char *base, size_t len)
{
    if (s.ptr == NULL) {
        return 1;
    }
    if (s.len == 0u) {
        return 1; /* no byte to read, wherever it points (an empty body is a literal "") */
    }
    return base != NULL && s.ptr >= base && s.ptr <= base + len && s.len <= (size_t)(base + len - s.ptr);
}

/* A decoded JSON string: inside the region, valid UTF-8 and no NUL (\u0000 is refused). */
static void check_text(const fuzz_region *r, wos_str s)
{
    size_t i = 0, k;
    FUZZ_CHECK(fuzz_inside(s, r->base, r->len));
    if (s.ptr == NULL) {
        FUZZ_CHECK(s.len == 0u);
        return;
    }
    while (i < s.len) {
        k = wos_utf8_seq_len((const uint8_t *)s.ptr + i, s.len - i);
        FUZZ_CHECK(k != 0u && s.ptr[i] != '\0');
        i += k;
    }
}

/* Absent (all zero) and null views have nothing in them. */
static void check_view(const wos_json_view *v)
{
    if (wos_view_absent(v)) {
        FUZZ_CHECK(v->tok == 0 && v->count == 0u);
    }
    if (wos_view_null(v)) {
        FUZZ_CHECK(v->count == 0u);
    }
}

/* The text as sent, and its Unix seconds (0 when absent). */
static void check_time(const fuzz_region *r, const wos_timestamp *t)
{
    int64_t s = 0;
    check_text(r, t->text);
    if (t->text.ptr != NULL) {
        FUZZ_CHECK(wos_time_parse_rfc3339(t->text.ptr, t->text.len, &s) == WOS_OK);
    }
    FUZZ_CHECK(t->unix_s == s);
}

static unsigned walk_strings(const fuzz_region *r, const wos_strings *a)
{
    wos_str s;
    wos_status st;
    unsigned i;
    check_view(a);
    for (i = 0; i < a->count; i++) {
        st = wos_strings_get(a, i, &s);
        /* Items are checked to be strings; a \u0000 or lone surrogate only shows when decoded. */
        FUZZ_CHECK(st == WOS_OK || st == WOS_ERR_INVALID_UTF8);
        if (st == WOS_OK) {
            FUZZ_CHECK(s.ptr != NULL);
            check_text(r, s);
        }
    }
    FUZZ_CHECK(wos_strings_get(a, a->count, &s) == WOS_ERR_NOT_FOUND);
    FUZZ_CHECK(wos_strings_get(a, 0u, NULL) == WOS_ERR_INVALID_ARG);
    return a->count;
}

/* Each key found by index must be found again by name (the first member of that name). */
static void find_again(const wos_str_pairs *m, wos_str key)
{
    char name[64];
    wos_str v;
    if (key.len >= sizeof name || memchr(key.ptr, '\0', key.len) != NULL) {
        return;
    }
    memcpy(name, key.ptr, key.len);
    name[key.len] = '\0';
    FUZZ_CHECK(wos_str_pairs_find(m, name, &v) != WOS_ERR_NOT_FOUND);
}

static unsigned walk_pairs(const fuzz_region *r, const wos_str_pairs *m)
{
    wos_str k, v;
    wos_status st;
    unsigned i;
    check_view(m);
    for (i = 0; i < m->count; i++) {
        st = wos_str_pairs_get(m, i, &k, &v);
        FUZZ_CHECK(st == WOS_OK || st == WOS_ERR_INVALID_UTF8);
        if (st == WOS_OK) {
            check_text(r, k);
            check_text(r, v);
            find_again(m, k);
        }
    }
    FUZZ_CHECK(wos_str_pairs_get(m, m->count, &k, &v) == WOS_ERR_NOT_FOUND);
    (void)wos_str_pairs_find(m, "prompt", &v);
    (void)wos_str_pairs_find(m, "", &v);
    return m->count;
}

static unsigned walk_custom_provider(const fuzz_region *r, const wos_custom_provider *cp)
{
    if (!cp->present) {
        return 0;
    }
    FUZZ_CHECK(cp->name.ptr != NULL); /* required */
    check_text(r, cp->name);
    check_text(r, cp->authorization_url);
    check_text(r, cp->token_url);
    check_text(r, cp->refresh_token_url);
    check_text(r, cp->request_scope_separator);
    check_text(r, cp->token_body_content_type);
    check_text(r, cp->authenticate_via);
    return walk_pairs(r, &cp->additional_authorization_parameters);
}

static void walk_nested(const fuzz_region *r, const wos_data_integration *d)
{
    if (d->credentials.present) {
        FUZZ_CHECK(d->credentials.type.ptr != NULL);
    }
    check_text(r, d->credentials.type);
    check_text(r, d->credentials.client_id);
    check_text(r, d->credentials.redacted_client_secret);
    if (d->installation.present) {
        FUZZ_CHECK(d->installation.id.ptr != NULL && d->installation.user_id.ptr != NULL);
    }
    check_text(r, d->installation.id);
    check_text(r, d->installation.user_id);
    check_text(r, d->installation.organization_id);
    check_text(r, d->installation.api_key_last_4);
}

unsigned fuzz_walk_integration(const fuzz_region *r, const wos_data_integration *d)
{
    unsigned n = 0;
    FUZZ_CHECK(d->id.ptr != NULL && d->slug.ptr != NULL); /* required members */
    check_text(r, d->object);
    check_text(r, d->id);
    check_text(r, d->slug);
    check_text(r, d->integration_type);
    check_text(r, d->description);
    check_text(r, d->state_text);
    check_text(r, d->redirect_uri);
    check_time(r, &d->created_at);
    check_time(r, &d->updated_at);
    FUZZ_CHECK(d->state == WOS_STATE_UNKNOWN || d->state_text.ptr != NULL);
    walk_nested(r, d);
    n += walk_strings(r, &d->scopes);
    n += walk_strings(r, &d->auth_methods);
    n += walk_pairs(r, &d->config);
    n += walk_custom_provider(r, &d->custom_provider);
    return n;
}

unsigned fuzz_walk_token(const fuzz_region *r, const wos_access_token *t)
{
    unsigned n = 0;
    if (!t->active) {
        FUZZ_CHECK(t->error.ptr != NULL);
        check_text(r, t->error);
        FUZZ_CHECK(t->reason != WOS_TOKEN_ACTIVE);
        return 0;
    }
    FUZZ_CHECK(t->access_token.ptr != NULL);
    check_text(r, t->access_token);
    check_time(r, &t->expires_at);
    FUZZ_CHECK(t->expires == (t->expires_at.text.ptr != NULL));
    n += walk_strings(r, &t->scopes);
    n += walk_strings(r, &t->missing_scopes);
    return n;
}

unsigned fuzz_walk_page(const fuzz_region *r, wos_integration_page *page)
{
    wos_data_integration d, last;
    unsigned i = 0, n = 0;
    wos_status st;
    check_text(r, page->before);
    check_text(r, page->after);
    memset(&last, 0, sizeof last);
    while ((st = wos_page_next(page, &d)) == WOS_OK) {
        n += fuzz_walk_integration(r, &d);
        last = d;
        i++;
    }
    /* A page that decoded WOS_OK yields every item without error. */
    FUZZ_CHECK(st == WOS_ERR_NOT_FOUND || (st == WOS_ERR_INVALID_ARG && page->count == 0u));
    FUZZ_CHECK(i == page->count);
    if (page->count > 0u) {
        FUZZ_CHECK(wos_page_item(page, page->count - 1u, &d) == WOS_OK);
        FUZZ_CHECK(d.id.ptr == last.id.ptr && d.id.len == last.id.len);
        FUZZ_CHECK(wos_page_item(page, page->count, &d) == WOS_ERR_NOT_FOUND);
    }
    return n;
}

void fuzz_walk_error(const fuzz_region *r, const wos_api_error *e)
{
    check_text(r, e->code);
    check_text(r, e->message);
    check_text(r, e->error);
    check_text(r, e->error_description);
    FUZZ_CHECK(fuzz_inside(e->body, r->base, r->len));
    FUZZ_CHECK(e->body.ptr != NULL);
}

void fuzz_check_wipe(const fuzz_region *r, wos_access_token *t)
{
    char *span = t->secret_span_;
    size_t len = t->secret_span_len_, i;
    wos_str whole;
    whole.ptr = span;
    whole.len = len;
    FUZZ_CHECK(fuzz_inside(whole, r->base, r->len));
    if (t->active && t->access_token.ptr != NULL) {
        /* The decoded token was rewritten inside its raw extent. */
        FUZZ_CHECK(span != NULL && fuzz_inside(t->access_token, span, len));
    }
    wos_access_token_wipe(t);
    FUZZ_CHECK(t->access_token.ptr == NULL && t->secret_span_ == NULL);
    for (i = 0; i < len; i++) {
        FUZZ_CHECK(span[i] == '\0');
    }
}
