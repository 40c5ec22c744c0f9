/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the JSON reader. Build (until the Makefile wires it):
 *   clang -std=c99 -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude \
 *     -isystem build/stage tests/fuzz/fuzz_json_reader.c src/json_reader.c \
 *     src/json_validate.c src/jsmn.c src/utf8.c -o build/fuzz_json_reader
 *
 * Beyond "no crash": whatever the validator accepts, jsmn must tokenise
 * with exactly the counted tokens; every accessor must stay in range; and
 * decoding a string must be idempotent and yield valid UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/utf8.h"
#include "wos_json.h"

#define CHECK(c) do { if (!(c)) { abort(); } } while (0)

static void check_utf8(const char *p, size_t n)
{
    size_t i = 0, k;
    while (i < n) {
        k = wos_utf8_seq_len((const uint8_t *)p + i, n - i);
        CHECK(k != 0 && p[i] != '\0');
        i += k;
    }
}

static void walk(wos_json *doc)
{
    wos_json_iter it;
    wos_str s, again;
    int i, k, v, m, items;
    int64_t n;
    bool b;
    char key[64];
    for (i = 0; i < (int)doc->count; i++) {
        CHECK(wos_json_type_of(doc, i) != 0);
        k = wos_json_skip(doc, i);
        CHECK(k > i && k <= (int)doc->count);
        (void)wos_json_int64(doc, i, &n);
        (void)wos_json_bool(doc, i, &b);
        if (wos_json_iter_init(&it, doc, i) == WOS_OK) {
            items = 0;
            while (wos_json_iter_next(&it, doc, &k, &v)) {
                CHECK(v > i && v < (int)doc->count);
                if (k >= 0 && wos_json_string(doc, k, &s) == WOS_OK && s.len < sizeof key) {
                    memcpy(key, s.ptr, s.len);
                    key[s.len] = '\0';
                    CHECK(wos_json_member(doc, i, key, &m) == WOS_OK);
                    CHECK(m >= v); /* the last member with that key wins */
                }
                items++;
            }
            CHECK((unsigned)items == wos_json_size(doc, i));
            if (items > 0) {
                CHECK(wos_json_type_of(doc, i) == WOS_JSON_OBJECT ||
                      (wos_json_item(doc, i, (unsigned)items - 1u, &v) == WOS_OK && v > i));
            }
        }
        if (wos_json_string(doc, i, &s) == WOS_OK) {
            check_utf8(s.ptr, s.len);
            CHECK(wos_json_string(doc, i, &again) == WOS_OK);
            CHECK(again.ptr == s.ptr && again.len == s.len);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *js = malloc(size ? size : 1u); /* exact size: ASan sees any overread */
    jsmntok_t *tok;
    wos_json doc;
    unsigned need = 0, again = 0;
    wos_status v, p;
    if (js == NULL) {
        return 0;
    }
    memcpy(js, data, size);
    v = wos_json_validate(js, size, &need);
    p = wos_json_parse(&doc, js, size, NULL, 0, &again);
    CHECK(v == WOS_OK ? (p == WOS_ERR_JSON_TOKENS && again == need) : p == v);
    if (v == WOS_OK) {
        tok = malloc(need * sizeof *tok);
        CHECK(tok != NULL);
        if (need > 1u) {
            CHECK(wos_json_parse(&doc, js, size, tok, need - 1u, &again) == WOS_ERR_JSON_TOKENS);
            CHECK(again == need && doc.count == 0u);
        }
        CHECK(wos_json_parse(&doc, js, size, tok, need, &again) == WOS_OK && again == need);
        walk(&doc);
        free(tok);
    }
    free(js);
    return 0;
}
