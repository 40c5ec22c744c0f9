/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wos_status.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_status_has_a_distinct_name),
        cmocka_unit_test(unknown_status_is_named_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
