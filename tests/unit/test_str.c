/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_str.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(str_views_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
