/* SPDX-License-Identifier: MIT */
/*
 * Tokenising (jsmn, after wos_json_validate()) and typed access to tokens.
 * Tokens are ordered by position, so a subtree is the run of tokens that
 * start before its end: skipping needs no recursion and no size counting.
 */
#include <limits.h>
#include <string.h>

#include "json_internal.h"
#include "scan.h"
#include "utf8.h"
#include "wos_json.h"

wos_status wos_json_parse(wos_json *doc, char *js, size_t len, jsmntok_t *tokens, unsigned cap,
                          unsigned *out_needed)
{
    unsigned need = 0u, esc = 0u;
    wos_status rc = WOS_ERR_INVALID_ARG;
    if (doc != NULL) {
        doc->js = js;
        doc->len = len;
        doc->tok = tokens;
        doc->count = 0u;
        if (js != NULL && len <= (size_t)INT_MAX && (tokens != NULL || cap == 0u)) {
            rc = wos_json_check(js, len, &need, &esc);
        }
    }
    if (rc == WOS_OK) {
        rc = cap < need ? WOS_ERR_JSON_TOKENS : wos_json_tokenise(js, len, tokens, need, esc);
        if (rc == WOS_OK) {
            doc->count = need;
        }
        if (rc == WOS_ERR_JSON_MALFORMED) {
            need = 0u; /* jsmn disagreed: no count is right */
        }
    }
    if (out_needed != NULL) {
        *out_needed = need; /* still 0 unless validation passed */
    }
    return rc;
}

wos_json_type wos_json_type_of(const wos_json *doc, int i)
{
    const jsmntok_t *t;
    char c;
    if (doc == NULL || (unsigned)i >= doc->count) { /* a negative i wraps */
        return (wos_json_type)0;
    }
    t = &doc->tok[i];
    if (t->type != JSMN_PRIMITIVE) {
        /* Debian's jsmn numbers these as we do (a constant test, folded
         * away); upstream's bit flags (the jsmn-compat lane) go by name. */
        if (JSMN_OBJECT == 1 && JSMN_ARRAY == 2 && JSMN_STRING == 3) {
            return (wos_json_type)t->type;
        }
        return t->type == JSMN_OBJECT ? WOS_JSON_OBJECT : t->type == JSMN_ARRAY ? WOS_JSON_ARRAY : WOS_JSON_STRING;
    }
    c = doc->js[t->start];
    /* A validated primitive starts with t, f, n, a digit or '-'. */
    return c == 'n' ? WOS_JSON_NULL : c >= 'f' ? WOS_JSON_BOOL : WOS_JSON_NUMBER;
}

/* Bit of a type in want()'s mask. */
#define TY(t) (1u << (t))
#define CONTAINER (TY(WOS_JSON_OBJECT) | TY(WOS_JSON_ARRAY))

/* The first checks of every accessor: WOS_ERR_JSON_SHAPE unless token i
 * has a type in mask, then WOS_ERR_INVALID_ARG when out is NULL. */
static wos_status want(const wos_json *doc, int i, unsigned mask, const void *out)
{
    if (((mask >> wos_json_type_of(doc, i)) & 1u) == 0u) { /* bit 0 (no token) is never set */
        return WOS_ERR_JSON_SHAPE;
    }
    return out == NULL ? WOS_ERR_INVALID_ARG : WOS_OK;
}

int wos_json_skip(const wos_json *doc, int i)
{
    int j, end;
    if (doc == NULL) {
        return 0;
    }
    if ((unsigned)i >= doc->count) { /* a negative i wraps */
        return (int)doc->count;
    }
    end = doc->tok[i].end;
    for (j = i + 1; j < (int)doc->count && doc->tok[j].start < end; j++) {
    }
    return j;
}

unsigned wos_json_size(const wos_json *doc, int i)
{
    return want(doc, i, CONTAINER, doc) == WOS_OK ? (unsigned)doc->tok[i].size : 0u;
}

wos_status wos_json_iter_init(wos_json_iter *it, const wos_json *doc, int container)
{
    wos_status st = want(doc, container, CONTAINER, it);
    if (st == WOS_OK) {
        it->next = container + 1;
        it->left = (unsigned)doc->tok[container].size;
    }
    return st;
}

bool wos_json_iter_next(wos_json_iter *it, const wos_json *doc, int *out_key, int *out_val)
{
    int k = -1, v;
    /* Index 0 is the root, which is nobody's member. */
    if (it == NULL || doc == NULL || it->left == 0u || it->next < 1 || (unsigned)it->next >= doc->count) {
        return false;
    }
    v = it->next;
    if (doc->tok[doc->tok[v].parent].type == JSMN_OBJECT) {
        k = v++;
    }
    it->next = wos_json_skip(doc, v);
    it->left--;
    if (out_key != NULL) {
        *out_key = k;
    }
    if (out_val != NULL) {
        *out_val = v;
    }
    return true;
}

/*
 * Decode one unit of validated string text at s[*r] (r < end) into out:
 * a raw byte, an escape, or a \u escape or pair.
 * Returns its byte count, never more than the input it used, or 0 for a
 * lone surrogate or \u0000.
 */
static size_t unit(const char *s, size_t *r, size_t end, uint8_t out[4])
{
    size_t i = *r;
    uint32_t cp, lo;
    if (s[i] != '\\') {
        out[0] = (uint8_t)s[i];
        *r = i + 1u;
        return 1u;
    }
    i += wos_json_esc(s + i, end - i, &cp); /* validated: never 0 */
    /* A high surrogate (D800-DBFF) pairs only with a following low one (DC00-DFFF). */
    if ((cp >> 10) == 0x36u && wos_json_esc(s + i, end - i, &lo) == 6u && (lo >> 10) == 0x37u) {
        cp = 0x10000u + ((cp & 0x3FFu) << 10) + (lo & 0x3FFu);
        i += 6u;
    }
    *r = i;
    return cp != 0u ? wos_utf8_encode(cp, out) : 0u;
}

/*
 * Decode string token t (not yet decoded) unit by unit; compare with cmp
 * when cmp is set, write to dst when set (dst <= the read position, so in
 * place is safe).
 * Decoded bytes are never NUL, so cmp's terminator stops a longer token.
 * Returns the decoded length, or NPOS for a bad escape or a mismatch.
 */
#define NPOS ((size_t)-1)
static size_t walk(const wos_json *doc, const jsmntok_t *t, const char *cmp, char *dst)
{
    size_t r = (size_t)t->start, end = (size_t)t->end, w = 0u, n, j;
    uint8_t buf[4];
    while (r < end) {
        n = unit(doc->js, &r, end, buf);
        if (n == 0u) {
            return NPOS;
        }
        for (j = 0u; j < n; j++, w++) {
            if (cmp != NULL && (uint8_t)cmp[w] != buf[j]) {
                return NPOS;
            }
            if (dst != NULL) {
                dst[w] = (char)buf[j];
            }
        }
    }
    return w;
}

/* Whether key token t names key, of klen bytes. A decoded token is
 * compared in place, by length first: most names differ in it. */
static bool key_is(const wos_json *doc, const jsmntok_t *t, const char *key, size_t klen)
{
    size_t n = (size_t)(t->end - t->start);
    if ((t->size & WOS_JSON_DECODED) == 0) {
        n = walk(doc, t, key, NULL);
        return n == klen;
    }
    return n == klen && memcmp(doc->js + t->start, key, n) == 0;
}

/* Values of the members named base + keys[j], keys ending at
 * WOS_JSON_KEYS_END, of an object (the last of duplicates wins, as
 * JavaScript reads JSON): one pass over its members, each key compared
 * once. out[j] is -1 where absent; WOS_OK when anything was found. secret
 * is a mask of the keys that name a secret: an earlier duplicate of such a
 * member, which no result will point to, has its text zeroed, so that it
 * cannot outlive the wipe of the one that won (the text is the caller's,
 * read later: memset() stays). */
wos_status wos_json_members(const wos_json *doc, int c, const char *base, const uint8_t *keys, unsigned secret,
                            int *out)
{
    int k, v, end, n;
    unsigned left, j;
    size_t klen[WOS_JSON_KEYS_MAX];
    wos_status st = want(doc, c, TY(WOS_JSON_OBJECT), out);
    if (st != WOS_OK) {
        return st;
    }
    for (j = 0u; keys[j] != WOS_JSON_KEYS_END; j++) { /* once per lookup, not per member */
        klen[j] = strlen(base + keys[j]);
        out[j] = -1;
    }
    st = WOS_ERR_NOT_FOUND;
    left = (unsigned)doc->tok[c].size;
    n = (int)doc->count;
    /* As wos_json_iter_next(), without its checks: the container is known. */
    for (k = c + 1; left > 0u; left--, k = v) {
        v = k + 1; /* a member's value follows its key */
        if (v >= n) {
            break;
        }
        for (j = 0u; keys[j] != WOS_JSON_KEYS_END; j++) {
            if (key_is(doc, &doc->tok[k], base + keys[j], klen[j])) {
                if (out[j] >= 0 && ((secret >> j) & 1u) != 0u) {
                    end = doc->tok[out[j]].start;
                    memset(doc->js + end, 0, (size_t)(doc->tok[out[j]].end - end));
                }
                out[j] = v;
                st = WOS_OK;
                break;
            }
        }
        end = doc->tok[v].end;
        for (v++; v < n && doc->tok[v].start < end; v++) {
        }
    }
    return st;
}

wos_status wos_json_item(const wos_json *doc, int arr, unsigned idx, int *out_val)
{
    /* A walk of its own, not wos_json_members()'s: the token image, which
     * reads no array by index, then carries no item path. */
    int v;
    wos_status st = want(doc, arr, TY(WOS_JSON_ARRAY), out_val);
    if (st == WOS_OK && idx >= (unsigned)doc->tok[arr].size) {
        st = WOS_ERR_NOT_FOUND;
    }
    if (st == WOS_OK) {
        for (v = arr + 1; idx > 0u; idx--) {
            v = wos_json_skip(doc, v);
        }
        *out_val = v;
    }
    return st;
}

wos_status wos_json_member(const wos_json *doc, int obj, const char *key, int *out_val)
{
    /* A NULL key goes with a NULL out: refused before the key is read.
     * out_val is left as it was unless the key is found. */
    static const uint8_t k_one[] = {0u, WOS_JSON_KEYS_END};
    int v;
    wos_status st = wos_json_members(doc, obj, key, k_one, 0u, key != NULL && out_val != NULL ? &v : NULL);
    if (st == WOS_OK) {
        *out_val = v;
    }
    return st;
}

wos_status wos_json_string(wos_json *doc, int i, wos_str *out)
{
    jsmntok_t *t;
    char *p;
    size_t n, raw;
    wos_status st;
    st = want(doc, i, TY(WOS_JSON_STRING), out);
    if (st != WOS_OK) {
        return st;
    }
    t = &doc->tok[i];
    p = doc->js + t->start;
    if ((t->size & WOS_JSON_DECODED) == 0) {
        /* Check everything before writing, so a failure leaves the text
         * intact. Every escape decodes to fewer bytes than it takes, so
         * a string without one keeps its length and is left as it is. */
        n = walk(doc, t, NULL, NULL);
        if (n == NPOS) {
            return WOS_ERR_INVALID_UTF8;
        }
        raw = (size_t)(t->end - t->start);
        if (n != raw) {
            (void)walk(doc, t, NULL, p);
            /* What the escapes freed up behind the decoded bytes is
             * cleared: the view then holds all of the string, so wiping
             * the view (a token, say) leaves none of it in the text. */
            memset(p + n, 0, raw - n);
            t->end = t->start + (int)n;
        }
        t->size |= WOS_JSON_DECODED;
    }
    out->ptr = p;
    out->len = (size_t)(t->end - t->start);
    return WOS_OK;
}

wos_status wos_json_int64(const wos_json *doc, int i, int64_t *out)
{
    const char *p, *e;
    uint64_t mag;
    unsigned neg;
    if (wos_json_type_of(doc, i) != WOS_JSON_NUMBER) {
        return WOS_ERR_JSON_SHAPE;
    }
    p = doc->js + doc->tok[i].start;
    e = doc->js + doc->tok[i].end;
    neg = *p == '-';
    p += neg;
    if (wos_scan_dec(p, (size_t)(e - p), &mag) != 0) {
        return WOS_ERR_JSON_SHAPE; /* fraction or exponent */
    }
    if (mag > (uint64_t)INT64_MAX + neg) {
        return WOS_ERR_OVERFLOW;
    }
    if (out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    *out = (neg && mag != 0u) ? -(int64_t)(mag - 1u) - 1 : (int64_t)mag;
    return WOS_OK;
}

wos_status wos_json_bool(const wos_json *doc, int i, bool *out)
{
    wos_status st = want(doc, i, TY(WOS_JSON_BOOL), out);
    if (st == WOS_OK) {
        *out = doc->js[doc->tok[i].start] == 't';
    }
    return st;
}

bool wos_json_is_null(const wos_json *doc, int i)
{
    return wos_json_type_of(doc, i) == WOS_JSON_NULL;
}
