/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/utf8.h"

static size_t seq(const char *s, size_t n) { return wos_utf8_seq_len((const uint8_t *)s, n); }

static void accepts_shortest_forms(void **state)
{
    (void)state;
    assert_int_equal(seq("A", 1), 1);
    assert_int_equal(seq("\xC3\xA9", 2), 2);          /* é */
    assert_int_equal(seq("\xE2\x82\xAC", 3), 3);      /* € */
    assert_int_equal(seq("\xED\x9F\xBF", 3), 3);      /* U+D7FF */
    assert_int_equal(seq("\xF0\x9F\x98\x80", 4), 4);  /* U+1F600 */
    assert_int_equal(seq("\xF4\x8F\xBF\xBF", 4), 4);  /* U+10FFFF */
}

static void rejects_invalid(void **state)
{
    (void)state;
    assert_int_equal(seq("\x80", 1), 0);              /* lone continuation */
    assert_int_equal(seq("\xC0\xAF", 2), 0);          /* overlong '/' */
    assert_int_equal(seq("\xC1\xBF", 2), 0);
    assert_int_equal(seq("\xE0\x9F\xBF", 3), 0);      /* overlong */
    assert_int_equal(seq("\xED\xA0\x80", 3), 0);      /* surrogate U+D800 */
    assert_int_equal(seq("\xF0\x8F\xBF\xBF", 4), 0);  /* overlong */
    assert_int_equal(seq("\xF4\x90\x80\x80", 4), 0);  /* > U+10FFFF */
    assert_int_equal(seq("\xF5\x80\x80\x80", 4), 0);
    assert_int_equal(seq("\xFF", 1), 0);
    assert_int_equal(seq("\xE2\x82", 2), 0);          /* truncated */
    assert_int_equal(seq("\xE2\x28\xA1", 3), 0);      /* bad continuation */
    assert_int_equal(seq("", 0), 0);
}

static void encode_round_trips(void **state)
{
    static const uint32_t cps[] = {0x0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF};
    uint8_t out[4];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        size_t n = wos_utf8_encode(cps[i], out);
        assert_true(n >= 1 && n <= 4);
        assert_int_equal(wos_utf8_seq_len(out, n), n);
    }
    assert_int_equal(wos_utf8_encode(0x20AC, out), 3);
    assert_memory_equal(out, "\xE2\x82\xAC", 3);
    assert_int_equal(wos_utf8_encode(0xD800, out), 0);
    assert_int_equal(wos_utf8_encode(0xDFFF, out), 0);
    assert_int_equal(wos_utf8_encode(0x110000, out), 0);
}

/* The plain-run scan works a word at a time: every byte value must stop it
 * (or not) exactly as the byte-wise rule says, at every position of a word
 * and after every kind of prefix, including bytes whose arithmetic borrows. */
static int plain_byte(unsigned b)
{
    return b >= 0x20u && b <= 0x7Fu && b != '"' && b != '\\';
}

static void plain_run_matches_bytewise_rule(void **state)
{
    uint8_t buf[40];
    unsigned b, pos, fill;
    size_t n;
    static const uint8_t fills[] = {'a', 0x20, 0x7F, 0x21, 0x5D};
    (void)state;
    for (fill = 0; fill < sizeof fills; fill++) {
        for (pos = 0; pos < 20u; pos++) {
            for (b = 0; b < 256u; b++) {
                memset(buf, fills[fill], sizeof buf);
                buf[pos] = (uint8_t)b;
                /* Every length: whole words, tails, and a byte past n never looked at. */
                for (n = 0; n <= sizeof buf; n++) {
                    size_t want = plain_byte(b) || pos >= n ? n : pos;
                    assert_int_equal(wos_json_plain(buf, n), want);
                }
            }
        }
    }
    /* Two special bytes: the first one counts, whatever follows it. */
    memset(buf, 'a', sizeof buf);
    buf[3] = 0x00;
    buf[4] = '"';
    assert_int_equal(wos_json_plain(buf, sizeof buf), 3);
    buf[3] = 0x1F;
    buf[2] = 0x80;
    assert_int_equal(wos_json_plain(buf, sizeof buf), 2);
    assert_int_equal(wos_json_plain(buf, 0), 0);
}

/* The byte-by-byte rule wos_utf8_valid() must agree with. */
static int valid_ref(const uint8_t *s, size_t n)
{
    size_t i = 0, k;
    while (i < n) {
        k = wos_utf8_seq_len(s + i, n - i);
        if (k == 0u) {
            return 0;
        }
        i += k;
    }
    return 1;
}

/* ASCII goes a word at a time: every lead or stray byte at every position
 * and length, and multi-byte sequences split across word boundaries. */
static void valid_matches_sequence_rule(void **state)
{
    uint8_t buf[24];
    unsigned b, pos;
    size_t n;
    (void)state;
    for (pos = 0; pos < 20u; pos++) {
        for (b = 0; b < 256u; b++) {
            memset(buf, 'a', sizeof buf);
            buf[pos] = (uint8_t)b;
            buf[pos + 1u] = 0xA9; /* makes C3 a whole sequence, and stray for others */
            for (n = 0; n <= sizeof buf; n++) {
                assert_int_equal(wos_utf8_valid(buf, n), valid_ref(buf, n));
            }
        }
    }
    assert_true(wos_utf8_valid((const uint8_t *)"abcdefg\xE2\x82\xAC" "abcdefgh", 18));
    assert_false(wos_utf8_valid((const uint8_t *)"abcdefg\xE2\x82" "abcdefgh", 17));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_shortest_forms),
        cmocka_unit_test(rejects_invalid),
        cmocka_unit_test(encode_round_trips),
        cmocka_unit_test(plain_run_matches_bytewise_rule),
        cmocka_unit_test(valid_matches_sequence_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
