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

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* jsmn's strict mode rejects a bare primitive root (it wants a delimiter
 * after it), so scalar roots get their single token here. */
static void scalar_root(jsmntok_t *t, const char *js, size_t len)
{
    size_t a = 0u, b = len;
    int str;
    while (is_ws(js[a])) {
        a++;
    }
    while (is_ws(js[b - 1u])) {
        b--;
    }
    str = js[a] == '"';
    t->type = str ? JSMN_STRING : JSMN_PRIMITIVE;
    t->start = (int)a + str;
    t->end = (int)b - str;
    t->size = 0;
    t->parent = -1;
}

wos_status wos_json_parse(wos_json *doc, char *js, size_t len, jsmntok_t *tokens, unsigned cap,
                          unsigned *out_needed)
{
    unsigned need = 0u;
    wos_status rc = WOS_ERR_INVALID_ARG;
    jsmn_parser p;
    if (doc != NULL) {
        doc->js = js;
        doc->len = len;
        doc->tok = tokens;
        doc->count = 0u;
        if (js != NULL && len <= (size_t)INT_MAX && (tokens != NULL || cap == 0u)) {
            rc = wos_json_validate(js, len, &need);
        }
    }
    if (rc == WOS_OK && cap < need) {
        rc = WOS_ERR_JSON_TOKENS;
    } else if (rc == WOS_OK) {
        size_t a = 0u;
        while (is_ws(js[a])) {
            a++;
        }
        if (js[a] != '{' && js[a] != '[') {
            scalar_root(tokens, js, len);
        } else {
            jsmn_init(&p);
            /* Cannot disagree with the validator; checked all the same. */
            if (jsmn_parse(&p, js, len, tokens, need) != (int)need) {
                rc = WOS_ERR_JSON_MALFORMED;
            }
        }
        doc->count = rc == WOS_OK ? need : 0u;
    } else {
        need = 0u;
    }
    if (out_needed != NULL) {
        *out_needed = need;
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

wos_status wos_json_item(const wos_json *doc, int arr, unsigned idx, int *out_val)
{
    int j = arr + 1;
    if (wos_json_type_of(doc, arr) != WOS_JSON_ARRAY) {
        return WOS_ERR_JSON_SHAPE;
    }
    if (out_val == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    if (idx >= (unsigned)doc->tok[arr].size) {
        return WOS_ERR_NOT_FOUND;
    }
    while (idx-- != 0u) {
        j = wos_json_skip(doc, j);
    }
    *out_val = j;
    return WOS_OK;
}

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
 * a raw byte (all bytes when raw), an escape, or a \u escape or pair.
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
    if (cp >= 0xD800u && cp <= 0xDBFFu && end - i >= 6u && s[i] == '\\' && s[i + 1u] == 'u') {
        lo = hex4(s + i + 2u);
        if (lo >= 0xDC00u && lo <= 0xDFFFu) {
            cp = 0x10000u + ((cp - 0xD800u) << 10) + (lo - 0xDC00u);
            i += 6u;
        }
    }
    *r = i;
    return cp != 0u ? wos_utf8_encode(cp, out) : 0u;
}

/* Whether key token k, escaped or already decoded, equals key. */
static bool key_eq(const wos_json *doc, int k, const char *key)
{
    const jsmntok_t *t = &doc->tok[k];
    size_t r = (size_t)t->start, end = (size_t)t->end, klen = strlen(key), off = 0u, n;
    uint8_t buf[4];
    while (r < end) {
        n = unit(doc->js, &r, end, t->size & WOS_JSON_DECODED, buf);
        if (n == 0u || klen - off < n || memcmp(buf, key + off, n) != 0) {
            return false;
        }
        off += n;
    }
    return off == klen;
}

wos_status wos_json_member(const wos_json *doc, int obj, const char *key, int *out_val)
{
    wos_json_iter it;
    int k, v;
    if (wos_json_type_of(doc, obj) != WOS_JSON_OBJECT) {
        return WOS_ERR_JSON_SHAPE;
    }
    if (key == NULL || out_val == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    (void)wos_json_iter_init(&it, doc, obj);
    while (wos_json_iter_next(&it, doc, &k, &v)) {
        if (key_eq(doc, k, key)) {
            *out_val = v;
            return WOS_OK;
        }
    }
    return WOS_ERR_NOT_FOUND;
}

wos_status wos_json_string(wos_json *doc, int i, wos_str *out)
{
    jsmntok_t *t;
    size_t r, w = 0u, end, n;
    unsigned pass;
    uint8_t buf[4];
    if (wos_json_type_of(doc, i) != WOS_JSON_STRING) {
        return WOS_ERR_JSON_SHAPE;
    }
    if (out == NULL) {
        return WOS_ERR_INVALID_ARG;
    }
    t = &doc->tok[i];
    if ((t->size & WOS_JSON_DECODED) == 0) {
        end = (size_t)t->end;
        /* Check everything before writing, so a failure leaves the text intact. */
        for (pass = 0u; pass < 2u; pass++) {
            for (r = w = (size_t)t->start; r < end; w += n) {
                n = unit(doc->js, &r, end, 0, buf);
                if (n == 0u) {
                    return WOS_ERR_INVALID_UTF8;
                }
                if (pass != 0u) {
                    memcpy(doc->js + w, buf, n);
                }
            }
        }
        t->end = (int)w;
        t->size |= WOS_JSON_DECODED;
    }
    out->ptr = doc->js + t->start;
    out->len = (size_t)(t->end - t->start);
    return WOS_OK;
}

wos_status wos_json_int64(const wos_json *doc, int i, int64_t *out)
{
    const char *p, *e;
    uint64_t mag = 0u;
    unsigned neg, d;
    bool over = false;
    if (wos_json_type_of(doc, i) != WOS_JSON_NUMBER) {
        return WOS_ERR_JSON_SHAPE;
    }
    p = doc->js + doc->tok[i].start;
    e = doc->js + doc->tok[i].end;
    neg = *p == '-';
    for (p += neg; p < e; p++) {
        if (*p < '0' || *p > '9') {
            return WOS_ERR_JSON_SHAPE; /* fraction or exponent */
        }
        d = (unsigned)(*p - '0');
        /* 2^63 / 10 = 922337203685477580 rest 8: last digit up to 7, or 8 if negative. */
        over = over || mag > 922337203685477580u || (mag == 922337203685477580u && d > 7u + neg);
        mag = mag * 10u + d;
    }
    if (over) {
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
