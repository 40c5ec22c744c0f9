/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_str.h"
#include "../../src/scan.h"

static void str_views_compare(void **state)
{
    wos_str a = wos_str_c("Content-Type");
    wos_str b = WOS_STR_LIT("content-type");
    wos_str none = WOS_STR_NULL;
    (void)state;
    assert_int_equal(a.len, 12);
    assert_true(wos_str_eq(a, "Content-Type"));
    assert_false(wos_str_eq(a, "Content-Typ"));
    assert_false(wos_str_eq(none, ""));
    assert_true(wos_str_ieq(a, b));
    assert_false(wos_str_ieq(a, none));
    assert_null(wos_str_c(NULL).ptr);
    assert_false(wos_str_eq(a, NULL));
    assert_false(wos_str_ieq(none, a));
    assert_false(wos_str_ieq(a, wos_str_c("content-typ")));
    /* Only letters fold: '@' and '`' differ in the case bit too. */
    assert_false(wos_str_ieq(wos_str_c("a@"), wos_str_c("a`")));
    assert_false(wos_str_ieq(wos_str_c("[x"), wos_str_c("{x")));
    assert_true(wos_str_ieq(wos_str_c("X-ID"), wos_str_c("x-id")));
}

/* wos_scan_text() stops at the first control byte or DEL, and nowhere
 * else: every byte at every position of a word, after every kind of
 * prefix, at every length (whole words, tails, the overlapping last word). */
static void text_run_matches_bytewise_rule(void **state)
{
    char buf[40];
    unsigned b, pos, fill;
    size_t n;
    static const char fills[] = {'a', 0x20, 0x7E, (char)0x80, (char)0xFF};
    (void)state;
    for (fill = 0; fill < sizeof fills; fill++) {
        for (pos = 0; pos < 24u; pos++) {
            for (b = 0; b < 256u; b++) {
                int text = b >= 0x20u && b != 0x7Fu;
                memset(buf, fills[fill], sizeof buf);
                buf[pos] = (char)b;
                for (n = 0; n <= sizeof buf; n++) {
                    assert_int_equal(wos_scan_text(buf, n), text || pos >= n ? n : pos);
                }
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(str_views_compare),
        cmocka_unit_test(text_run_matches_bytewise_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
