/* SPDX-License-Identifier: MIT */
#include "sink.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* memmove: the request writer moves a body down within its buffer, and a
 * caller may pass the JSON writer a string that lies in its own output
 * (the output is then garbage, but nothing breaks). */
bool wos_sink_put(wos_sink *s, const void *p, size_t n)
{
    size_t len = s->len;
    if (p != NULL && len < s->cap) {
        memmove(s->buf + len, p, n < s->cap - len ? n : s->cap - len);
    }
    if (n > SIZE_MAX - len) {
        s->len = SIZE_MAX;
        return false;
    }
    s->len = len + n;
    return true;
}

/*
 * A JSON string: quoted, then nothing more (WOS_ESC_JSON) or a key's colon
 * (WOS_ESC_JSON_KEY). Runs of printable ASCII but `"` and `\` are copied
 * as one block; a UTF-8 sequence is copied as it is once validated; `"`,
 * `\` and the control bytes are escaped: a short form where JSON has one,
 * else `\u00xx`.
 */
wos_status wos_sink_esc(wos_sink *s, const char *str, size_t len, unsigned how)
{
    static const char short_forms[] = "btn\0fr"; /* 0x08..0x0D, none for 0x0B */
    const uint8_t *p = (const uint8_t *)str;
    const uint8_t *end = p + len;
    unsigned ok = wos_sink_put(s, "\"", 1u); /* a word: no narrowing to bool at each &= */
    while (p < end) {
        size_t avail = (size_t)(end - p);
        size_t n = wos_json_plain(p, avail), m;
        const void *out = p;
        unsigned c = *p;
        char e[6];
        if (n == 0u && c < 0x80u) { /* `\u00xx`, unless c has a shorter form */
            unsigned d = c & 0xFu;
            out = e;
            n = 1u;
            m = 2u;
            e[0] = '\\';
            e[1] = 'u';
            e[2] = '0';
            e[3] = '0';
            e[4] = (char)('0' + (c >> 4));
            e[5] = (char)(d < 10u ? '0' + d : 'a' - 10u + d);
            if (c >= 0x20u) { /* `"` or `\` */
                e[1] = (char)c;
            } else if (c - 8u < 6u && short_forms[c - 8u] != '\0') {
                e[1] = short_forms[c - 8u];
            } else {
                m = 6u;
            }
        } else {
            if (n == 0u) { /* a UTF-8 sequence, copied once valid */
                n = wos_utf8_seq_len(p, avail);
                if (n == 0u) {
                    return ok ? WOS_ERR_INVALID_UTF8 : WOS_ERR_OVERFLOW;
                }
            }
            m = n;
        }
        ok &= wos_sink_put(s, out, m);
        p += n;
    }
    ok &= wos_sink_put(s, "\":", how); /* JSON 1, JSON_KEY 2: the bytes due */
    return ok ? WOS_OK : WOS_ERR_OVERFLOW;
}
