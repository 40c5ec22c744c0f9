/* SPDX-License-Identifier: MIT */
/* The member names (src/pipes_keys.c): every WK_* names the string it
 * stands for, the tails shared with a longer name of block "a" included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/pipes_keys.h"

#define CHECK_KEY(k) assert_string_equal(wos_key(WK_##k), #k);
#define CHECK_TAIL(k, of) assert_string_equal(wos_key(WK_##k), #k);

static void every_key_names_itself(void **state)
{
    (void)state;
    WOS_PIPES_KEYS_A(CHECK_KEY)
    WOS_PIPES_KEYS_B(CHECK_KEY)
    WOS_PIPES_KEY_TAILS(CHECK_TAIL)
    WOS_PIPES_KEY_B_TAILS(CHECK_TAIL)
}

/* The hand-written decoders name a tail by WOS_KEY_TAIL(). */
static void tails_by_macro(void **state)
{
    (void)state;
    assert_string_equal(WOS_KEY_TAIL(scopes, missing_scopes), "scopes");
    assert_string_equal(WOS_KEY_TAIL(token, access_token), "token");
    assert_string_equal(WOS_KEY_TAIL(id, user_id), "id");
    assert_string_equal(WOS_KEY_TAIL(description, error_description), "description");
    assert_string_equal(WOS_KEY_B_TAIL(data, list_metadata), "data");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_key_names_itself),
        cmocka_unit_test(tails_by_macro),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
