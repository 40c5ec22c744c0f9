/*
 * Tokenising (jsmn, after wos_json_validate()) and typed access to tokens.
 * Tokens are ordered by position, so a subtree is the run of tokens that
 * start before its end: skipping needs no recursion and no size counting.
 */
#include <limits.h>
#include <string.h>

#include "json_internal.h"
#include "utf8.h"
#include "wos_json.h"

/* jsmn's strict mode rejects a bare primitive root (it wants a delimiter
 * after it), so a scalar root, starting at a, gets its single token here. */
static void scalar_root(jsmntok_t *t, const char *js, size_t a, size_t len)
{
    int str = js[a] == '"';
    while (wos_json_ws(js[len - 1u])) {
        len--;
    }
    t->type = str ? JSMN_STRING : JSMN_PRIMITIVE;
    t->start = (int)a + str;
    t->end = (int)len - str;
    t->size = 0;
    t->parent = -1;
}

/* Tokenise text that wos_json_validate() accepted with need tokens. */
static wos_status tokenise(char *js, size_t len, jsmntok_t *tokens, unsigned need)
{
    jsmn_parser p;
    size_t a = 0u;
    while (wos_json_ws(js[a])) {
        a++;
    }
    if (js[a] != '{' && js[a] != '[') {
        scalar_root(tokens, js, a, len);
        return WOS_OK;
    }
    jsmn_init(&p);
    /* Cannot disagree with the validator (the fuzz target checks this). */
    return jsmn_parse(&p, js, len, tokens, need) == (int)need ? WOS_OK : WOS_ERR_JSON_MALFORMED;
}

wos_status wos_json_parse(wos_json *doc, char *js, size_t len, jsmntok_t *tokens, unsigned cap,
                          unsigned *out_needed)
{
    unsigned need = 0u;
    wos_status rc = WOS_ERR_INVALID_ARG;
    if (doc != NULL) {
        doc->js = js;
        doc->len = len;
        doc->tok = tokens;
        doc->count = 0u;
        if (js != NULL && len <= (size_t)INT_MAX && (tokens != NULL || cap == 0u)) {
            rc = wos_json_validate(js, len, &need);
        }
    }
    if (rc == WOS_OK) {
        rc = cap < need ? WOS_ERR_JSON_TOKENS : tokenise(js, len, tokens, need);
    }
    if (rc == WOS_OK) {
        doc->count = need;
    }
    if (out_needed != NULL) {
        /* need is still 0 unless validation passed. */
        *out_needed = rc == WOS_ERR_JSON_MALFORMED ? 0u : need;
    }
    return rc;
}

wos_json_type wos_json_type_of(const wos_json *doc, int i)
{
    const jsmntok_t *t;
    char c;
    if (doc == NULL || i < 0 || (unsigned)i >= doc->count) {
        return (wos_json_type)0;
    }
    t = &doc->tok[i];
    if (t->type != JSMN_PRIMITIVE) {
        return (wos_json_type)t->type; /* object, array, string share jsmn's values */
    }
    c = doc->js[t->start];
    return (c == 't' || c == 'f') ? WOS_JSON_BOOL : c == 'n' ? WOS_JSON_NULL : WOS_JSON_NUMBER;
}

int wos_json_skip(const wos_json *doc, int i)
{
    int j, end;
    if (wos_json_type_of(doc, i) == 0) {
        return doc != NULL ? (int)doc->count : 0;
    }
    end = doc->tok[i].end;
    for (j = i + 1; j < (int)doc->count && doc->tok[j].start < end; j++) {
    }
    return j;
}

unsigned wos_json_size(const wos_json *doc, int i)
{
    wos_json_type ty = wos_json_type_of(doc, i);
    return (ty == WOS_JSON_OBJECT || ty == WOS_JSON_ARRAY) ? (unsigned)doc->tok[i].size : 0u;
}

wos_status wos_json_iter_init(wos_json_iter *it, const wos_json *doc, int container)
{
    wos_json_type ty = wos_json_type_of(doc, container);
    if (ty != WOS_JSON_OBJECT && ty != WOS_JSON_ARRAY) {
        return WOS_ERR_JSON_SHAPE;
    }
    if (it == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    it->next = container + 1;
    it->left = (unsigned)doc->tok[container].size;
    return WOS_OK;
}

bool wos_json_iter_next(wos_json_iter *it, const wos_json *doc, int *out_key, int *out_val)
{
    int k = -1, v;
    /* Index 0 is the root, which is nobody's member. */
    if (it == NULL || it->left == 0u || it->next < 1 || wos_json_type_of(doc, it->next) == 0) {
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

/* Value of four hex digits the validator has already checked. */
static uint32_t hex4(const char *s)
{
    uint32_t v = 0u;
    unsigned n;
    for (n = 0u; n < 4u; n++) {
        v = (v << 4) | (uint32_t)wos_json_hex(s[n]);
    }
    return v;
}

/*
 * Decode one unit of validated string text at s[*r] (r < end) into out:
 * a raw byte (every byte when raw), an escape, or a \u escape or pair.
 * Returns its byte count, never more than the input it used, or 0 for a
 * lone surrogate or \u0000.
 */
static size_t unit(const char *s, size_t *r, size_t end, int raw, uint8_t out[4])
{
    size_t i = *r;
    uint32_t cp, lo;
    if (raw || s[i] != '\\') {
        out[0] = (uint8_t)s[i];
        *r = i + 1u;
        return 1u;
    }
    if (s[i + 1u] != 'u') {
        out[0] = (uint8_t)wos_json_unesc(s[i + 1u]);
        *r = i + 2u;
        return 1u;
    }
    cp = hex4(s + i + 2u);
    i += 6u;
    /* A high surrogate (D800-DBFF) pairs only with a following low one (DC00-DFFF). */
    if ((cp >> 10) == 0x36u && end - i >= 6u && s[i] == '\\' && s[i + 1u] == 'u') {
        lo = hex4(s + i + 2u);
        if ((lo >> 10) == 0x37u) {
            cp = 0x10000u + ((cp & 0x3FFu) << 10) + (lo & 0x3FFu);
            i += 6u;
        }
    }
    *r = i;
    return cp != 0u ? wos_utf8_encode(cp, out) : 0u;
}

/*
 * Decode string token t unit by unit; compare with cmp[0..clen) when cmp is
 * set, write to dst when set (dst <= the read position, so in place is safe).
 * Returns the decoded length, or NPOS for a bad escape or a mismatch.
 */
#define NPOS ((size_t)-1)
static size_t walk(const wos_json *doc, const jsmntok_t *t, const char *cmp, size_t clen, char *dst)
{
    size_t r = (size_t)t->start, end = (size_t)t->end, w = 0u, n;
    uint8_t buf[4];
    while (r < end) {
        n = unit(doc->js, &r, end, t->size & WOS_JSON_DECODED, buf);
        if (n == 0u || (cmp != NULL && (clen - w < n || memcmp(buf, cmp + w, n) != 0))) {
            return NPOS;
        }
        if (dst != NULL) {
            memcpy(dst + w, buf, n);
        }
        w += n;
    }
    return w;
}

/* First member (key != NULL) or item idx of a container of type ty. */
static wos_status find(const wos_json *doc, int c, wos_json_type ty, const char *key, unsigned idx, int *out)
{
    wos_json_iter it;
    int k, v;
    size_t klen;
    if (wos_json_type_of(doc, c) != ty) {
        return WOS_ERR_JSON_SHAPE;
    }
    if (out == NULL || (ty == WOS_JSON_OBJECT && key == NULL)) {
        return WOS_ERR_INVALID_ARG;
    }
    klen = key != NULL ? strlen(key) : 0u;
    (void)wos_json_iter_init(&it, doc, c);
    while (wos_json_iter_next(&it, doc, &k, &v)) {
        if (key != NULL ? walk(doc, &doc->tok[k], key, klen, NULL) == klen : idx-- == 0u) {
            *out = v;
            return WOS_OK;
        }
    }
    return WOS_ERR_NOT_FOUND;
}

wos_status wos_json_item(const wos_json *doc, int arr, unsigned idx, int *out_val)
{
    return find(doc, arr, WOS_JSON_ARRAY, NULL, idx, out_val);
}

wos_status wos_json_member(const wos_json *doc, int obj, const char *key, int *out_val)
{
    return find(doc, obj, WOS_JSON_OBJECT, key, 0u, out_val);
}

wos_status wos_json_string(wos_json *doc, int i, wos_str *out)
{
    jsmntok_t *t;
    if (wos_json_type_of(doc, i) != WOS_JSON_STRING) {
        return WOS_ERR_JSON_SHAPE;
    }
    if (out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    t = &doc->tok[i];
    if ((t->size & WOS_JSON_DECODED) == 0) {
        /* Check everything before writing, so a failure leaves the text intact. */
        if (walk(doc, t, NULL, 0u, NULL) == NPOS) {
            return WOS_ERR_INVALID_UTF8;
        }
        t->end = t->start + (int)walk(doc, t, NULL, 0u, doc->js + t->start);
        t->size |= WOS_JSON_DECODED;
    }
    out->ptr = doc->js + t->start;
    out->len = (size_t)(t->end - t->start);
    return WOS_OK;
}

wos_status wos_json_int64(const wos_json *doc, int i, int64_t *out)
{
    const char *p, *q, *e;
    uint64_t mag = 0u;
    int neg, cmp;
    if (wos_json_type_of(doc, i) != WOS_JSON_NUMBER) {
        return WOS_ERR_JSON_SHAPE;
    }
    p = doc->js + doc->tok[i].start;
    e = doc->js + doc->tok[i].end;
    neg = *p == '-';
    p += neg;
    for (q = p; q < e; q++) {
        if (*q < '0' || *q > '9') {
            return WOS_ERR_JSON_SHAPE; /* fraction or exponent */
        }
        mag = mag * 10u + (uint64_t)(*q - '0');
    }
    /* JSON has no leading zeros, so the digit count orders magnitudes. */
    cmp = e - p > 19 ? 1 : e - p < 19 ? -1 : memcmp(p, "9223372036854775808", 19u);
    if (cmp > 0 || (cmp == 0 && !neg)) {
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
    if (wos_json_type_of(doc, i) != WOS_JSON_BOOL) {
        return WOS_ERR_JSON_SHAPE;
    }
    if (out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    *out = doc->js[doc->tok[i].start] == 't';
    return WOS_OK;
}

bool wos_json_is_null(const wos_json *doc, int i)
{
    return wos_json_type_of(doc, i) == WOS_JSON_NULL;
}
