#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_status.h"
#include "wos_str.h"

static void every_status_has_a_distinct_name(void **state)
{
    int i, j;
    (void)state;
    assert_string_equal(wos_status_str(WOS_OK), "ok");
    for (i = 0; i < (int)WOS_STATUS_COUNT_; i++) {
        const char *a = wos_status_str((wos_status)i);
        assert_non_null(a);
        assert_string_not_equal(a, "unknown status");
        for (j = 0; j < i; j++) {
            assert_string_not_equal(a, wos_status_str((wos_status)j));
        }
    }
}

static void unknown_status_is_named_unknown(void **state)
{
    (void)state;
    assert_string_equal(wos_status_str(WOS_STATUS_COUNT_), "unknown status");
    assert_string_equal(wos_status_str((wos_status)-1), "unknown status");
}

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
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_status_has_a_distinct_name),
        cmocka_unit_test(unknown_status_is_named_unknown),
        cmocka_unit_test(str_views_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
