/* SPDX-License-Identifier: MIT */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/uuid.h"

static uint8_t g_fill;
static wos_status fill(void *ctx, uint8_t *buf, size_t len)
{
    (void)ctx;
    memset(buf, g_fill, len);
    return WOS_OK;
}
static wos_status count_up(void *ctx, uint8_t *buf, size_t len)
{
    size_t i;
    (void)ctx;
    for (i = 0; i < len; i++) {
        buf[i] = (uint8_t)(i * 0x11u + 0x0Au);
    }
    return WOS_OK;
}
static wos_status no_entropy(void *ctx, uint8_t *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    return WOS_ERR_STATE;
}

static void version_and_variant_bits(void **state)
{
    wos_platform p = {NULL, NULL, NULL, fill, NULL};
    char out[37];
    (void)state;
    g_fill = 0xFF;
    assert_int_equal(wos_uuid4(&p, out), WOS_OK);
    assert_string_equal(out, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    g_fill = 0x00;
    assert_int_equal(wos_uuid4(&p, out), WOS_OK);
    assert_string_equal(out, "00000000-0000-4000-8000-000000000000");
}

/* Every byte lands in its place, high digit first, dashes 8-4-4-4-12. */
static void bytes_in_order(void **state)
{
    wos_platform p = {NULL, NULL, NULL, count_up, NULL};
    char out[37];
    (void)state;
    memset(out, 'x', sizeof out);
    assert_int_equal(wos_uuid4(&p, out), WOS_OK);
    assert_string_equal(out, "0a1b2c3d-4e5f-4081-92a3-b4c5d6e7f809");
}

static void entropy_failure_is_reported(void **state)
{
    wos_platform p = {NULL, NULL, NULL, no_entropy, NULL};
    char out[37];
    (void)state;
    assert_int_equal(wos_uuid4(&p, out), WOS_ERR_STATE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_and_variant_bits),
        cmocka_unit_test(bytes_in_order),
        cmocka_unit_test(entropy_failure_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
