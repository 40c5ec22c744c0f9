/* SPDX-License-Identifier: MIT */
/*
 * RFC 8259 grammar check run before jsmn, which accepts much invalid JSON.
 * A flat state machine: the kind of each open container is one bit of a
 * small bit stack, so nesting costs no recursion and no per-level stack.
 */
#include <string.h>

#include "json_internal.h"
#include "scan.h"
#include "utf8.h"
#include "wos_config.h"
#include "wos_json.h"

#if WOS_JSON_MAX_DEPTH < 1 || WOS_JSON_MAX_DEPTH > 64
#error "WOS_JSON_MAX_DEPTH must be 1..64"
#endif

/* Kinds of the open containers, one bit per level. */
#if WOS_JSON_MAX_DEPTH > 32
typedef uint64_t kinds_t;
#else
typedef uint32_t kinds_t;
#endif

/* What may come next. CLOSE: the current container's closer is allowed. */
enum { ST_VALUE = 1, ST_KEY = 2, ST_COLON = 4, ST_COMMA = 8, ST_CLOSE = 16 };

size_t wos_json_esc(const char *s, size_t avail, uint32_t *out)
{
    /* Pairs of (escape letter, byte). */
    static const char map[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
    const char *m;
    uint32_t v = 0u;
    size_t i;
    int d;
    if (avail < 2u || s[0] != '\\') {
        return 0u;
    }
    if (s[1] == 'u') {
        for (i = 2u; i < 6u; i++) {
            d = avail >= 6u ? wos_scan_hex(s[i]) : -1; /* -1: cut short */
            if (d < 0) {
                return 0u;
            }
            v = (v << 4) | (uint32_t)d;
        }
        *out = v;
        return 6u;
    }
    for (m = map; *m != '\0'; m += 2) {
        if (*m == s[1]) {
            *out = (uint8_t)m[1];
            return 2u;
        }
    }
    return 0u;
}

/* JSON whitespace: space, or tab, LF, CR (bits 0, 1 and 4 from tab). */
static int ws(unsigned c)
{
    return c == ' ' || (c - '\t' < 5u && ((0x13u >> (c - '\t')) & 1u) != 0u);
}

/* The number grammar of RFC 8259 as a table: k_num[state] holds the
 * next state for each byte class in a nibble (N_ none: the number ends).
 * States: 0 start, 1 after '-', 2 a leading 0, 3 integer digits, 4 after
 * '.', 5 fraction digits, 6 after 'e', 7 after its sign, 8 exponent
 * digits; K_NUM_END the states a number may end in. Classes: '0',
 * '1'..'9', '-', '+', '.', 'e' or 'E', any other byte. Smaller than
 * code per part, and numbers are rare in the replies that matter. */
#define N_ 15u
#define NUM(z, d, m, p, dot, e) \
    ((z) | (d) << 4 | (m) << 8 | (p) << 12 | (dot) << 16 | (uint32_t)(e) << 20 | (uint32_t)N_ << 24)
static const uint32_t k_num[9] = {
    NUM(2u, 3u, 1u, N_, N_, N_), NUM(2u, 3u, N_, N_, N_, N_), NUM(N_, N_, N_, N_, 4u, 6u),
    NUM(3u, 3u, N_, N_, 4u, 6u), NUM(5u, 5u, N_, N_, N_, N_), NUM(5u, 5u, N_, N_, N_, 6u),
    NUM(8u, 8u, 7u, 7u, N_, N_), NUM(8u, 8u, N_, N_, N_, N_), NUM(8u, 8u, N_, N_, N_, N_),
};
#define K_NUM_END ((1u << 2) | (1u << 3) | (1u << 5) | (1u << 8))

/* End of the number starting at i, or 0 when it breaks the grammar. What
 * follows its end is the caller's to check (a delimiter must). */
static size_t scan_number(const uint8_t *s, size_t i, size_t len)
{
    unsigned st = 0u, nx, c, cls;
    for (; i < len; i++, st = nx) {
        c = s[i];
        cls = c - '0' < 10u ? (c != '0') : c == '-' ? 2u : c == '+' ? 3u : c == '.' ? 4u : (c | 0x20u) == 'e' ? 5u : 6u;
        nx = (unsigned)(k_num[st] >> (4u * cls)) & 15u;
        if (nx == N_) {
            break;
        }
    }
    return ((K_NUM_END >> st) & 1u) != 0u ? i : 0u;
}

/* String starting at the quote *pos; on WOS_OK *pos is past the closing
 * quote. A backslash sets *esc. Printable ASCII, most of any text, is
 * skipped a word at a time. */
static wos_status scan_string(const uint8_t *s, size_t len, size_t *pos, unsigned *esc)
{
    size_t i = *pos + 1u, n;
    uint32_t cp;
    while (i < len) {
        uint8_t c;
        i += wos_json_plain(s + i, len - i);
        if (i == len) {
            break;
        }
        c = s[i];
        if (c == '"') {
            *pos = i + 1u;
            return WOS_OK;
        }
        if (c < 0x20u) {
            break;
        }
        if (c == '\\') {
            *esc = 1u;
            n = wos_json_esc((const char *)s + i, len - i, &cp);
            if (n == 0u) {
                break;
            }
            i += n;
        } else {
            n = wos_utf8_seq_len(s + i, len - i);
            if (n == 0u) {
                return WOS_ERR_INVALID_UTF8;
            }
            i += n;
        }
    }
    return WOS_ERR_JSON_MALFORMED;
}

/* A string, number or literal at *pos; on WOS_OK *pos is just past it. */
static wos_status scan_scalar(const uint8_t *s, size_t len, size_t *pos, unsigned *esc)
{
    size_t i = *pos, n;
    const char *lit;
    uint8_t c = s[i];
    if (c == '"') {
        return scan_string(s, len, pos, esc);
    }
    /* A number, or else (0: none starts here) a literal. */
    n = scan_number(s, i, len);
    if (n == 0u) {
        /* One string for the three: "true" is also a tail the linker
         * shares with the request writer's "falsetrue". */
        lit = &"nullfalsetrue"[c == 't' ? 9 : c == 'f' ? 4 : 0];
        n = 4u + (c == 'f');
        if (len - i < n || memcmp(s + i, lit, n) != 0) {
            return WOS_ERR_JSON_MALFORMED;
        }
        n += i;
    }
    *pos = n;
    return WOS_OK;
}

wos_status wos_json_check(const char *js, size_t len, unsigned *out_tokens, unsigned *out_esc)
{
    const uint8_t *s = (const uint8_t *)js;
    kinds_t objs = 0u; /* bit 0: the innermost open container is an object */
    unsigned depth = 0u, st = ST_VALUE, tokens = 0u;
    size_t i = 0u;
    wos_status rc;
    uint8_t c;
    for (;;) {
        while (i < len && ws(s[i])) {
            i++;
        }
        if (i == len) {
            break;
        }
        c = s[i++];
        if ((st & ST_CLOSE) && depth != 0u && c == ((objs & 1u) ? '}' : ']')) {
            depth--;
            objs >>= 1;
            st = ST_COMMA | ST_CLOSE;
        } else if (st & (ST_COMMA | ST_COLON)) {
            if (c != ((st & ST_COLON) ? ':' : ',') || depth == 0u) {
                return WOS_ERR_JSON_MALFORMED;
            }
            st = ((st & ST_COMMA) && (objs & 1u)) ? ST_KEY : ST_VALUE;
        } else if ((st & ST_KEY) && c != '"') {
            return WOS_ERR_JSON_MALFORMED;
        } else if (c == '{' || c == '[') {
            if (depth++ == WOS_JSON_MAX_DEPTH) {
                return WOS_ERR_JSON_TOO_DEEP;
            }
            objs = (kinds_t)(objs << 1) | (c == '{');
            tokens++;
            st = ((objs & 1u) ? ST_KEY : ST_VALUE) | ST_CLOSE;
        } else {
            i--;
            rc = scan_scalar(s, len, &i, out_esc);
            if (rc != WOS_OK) {
                return rc;
            }
            tokens++;
            st = (st & ST_KEY) ? ST_COLON : (ST_COMMA | ST_CLOSE);
        }
    }
    if (st != (ST_COMMA | ST_CLOSE) || depth != 0u) {
        return WOS_ERR_JSON_MALFORMED;
    }
    *out_tokens = tokens;
    return WOS_OK;
}

wos_status wos_json_validate(const char *js, size_t len, unsigned *out_tokens)
{
    /* The public call's argument checks, which wos_json_parse() makes itself. */
    unsigned esc = 0u, tokens;
    wos_status st = js == NULL && len != 0u ? WOS_ERR_INVALID_ARG : wos_json_check(js, len, &tokens, &esc);
    if (st == WOS_OK && out_tokens != NULL) {
        *out_tokens = tokens;
    }
    return st;
}
