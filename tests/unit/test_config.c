/* SPDX-License-Identifier: MIT */
/*
 * wos_config.h: the application's wos_pipes_config.h is read first and its
 * values win; what it leaves out keeps the default. Built with
 * -Itests/unit/config (see the Makefile), which holds that file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "wos_client.h"

#ifndef WOS_TEST_USER_CONFIG_SEEN
#error "wos_config.h did not include the application's wos_pipes_config.h"
#endif

static void user_value_wins(void **state)
{
    wos_client_config cfg;
    (void)state;
    assert_int_equal(WOS_DEFAULT_RETRIES, 7);
    /* The library was built without the file: its default stays its own. */
    wos_client_config_init(&cfg);
    assert_int_equal(cfg.retry.max_retries, 3);
}

static void defaults_fill_the_rest(void **state)
{
    (void)state;
    assert_int_equal(WOS_HOST_MAX, 64);
    assert_int_equal(WOS_PAGER_CURSOR_MAX, 64);
    assert_int_equal(WOS_JSON_MAX_DEPTH, 32);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(user_value_wins),
        cmocka_unit_test(defaults_fill_the_rest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
