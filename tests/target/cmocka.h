/* SPDX-License-Identifier: MIT */
/*
 * The part of cmocka's API the unit tests use, for bare-metal targets
 * (Cortex-M4 under qemu-system-arm with picolibc and semihosting), where
 * cmocka itself is not built. The host unit tests compile unchanged
 * against it, so the target checks exactly what the host checks. A failed
 * assertion prints where and why and longjmps out of the test; the summary
 * lines match cmocka's, which scripts/run_tests.sh and
 * scripts/qemu_m4.sh read.
 */
#ifndef WOS_TARGET_CMOCKA_H
#define WOS_TARGET_CMOCKA_H

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef void (*CMUnitTestFunction)(void **state);
typedef int (*CMFixtureFunction)(void **state);

struct CMUnitTest {
    const char *name;
    CMUnitTestFunction test_func;
};

#define cmocka_unit_test(f) {#f, f}

static jmp_buf cm_jump;

static inline void cm_fail(const char *file, int line, const char *why)
{
    printf("%s:%d: error: %s\n", file, line, why);
    longjmp(cm_jump, 1);
}

static inline void cm_int(uintmax_t a, uintmax_t b, int want_equal, const char *ea, const char *eb,
                   const char *file, int line)
{
    if ((a == b) != want_equal) {
        printf("%s:%d: error: %s (0x%jx) %s %s (0x%jx)\n", file, line, ea, a,
               want_equal ? "!=" : "==", eb, b);
        longjmp(cm_jump, 1);
    }
}

static inline void cm_str(const char *a, const char *b, int want_equal, const char *file, int line)
{
    int same = a != NULL && b != NULL && strcmp(a, b) == 0;
    if (same != want_equal) {
        printf("%s:%d: error: \"%s\" %s \"%s\"\n", file, line, a ? a : "(null)",
               want_equal ? "!=" : "==", b ? b : "(null)");
        longjmp(cm_jump, 1);
    }
}

static inline void cm_mem(const void *a, const void *b, size_t n, const char *file, int line)
{
    if (a == NULL || b == NULL || memcmp(a, b, n) != 0) {
        cm_fail(file, line, "memory blocks differ");
    }
}

#define assert_int_equal(a, b) \
    cm_int((uintmax_t)(a), (uintmax_t)(b), 1, #a, #b, __FILE__, __LINE__)
#define assert_int_not_equal(a, b) \
    cm_int((uintmax_t)(a), (uintmax_t)(b), 0, #a, #b, __FILE__, __LINE__)
#define assert_ptr_equal(a, b) \
    cm_int((uintmax_t)(uintptr_t)(a), (uintmax_t)(uintptr_t)(b), 1, #a, #b, __FILE__, __LINE__)
#define assert_true(c) ((c) ? (void)0 : cm_fail(__FILE__, __LINE__, #c " is false"))
#define assert_false(c) (!(c) ? (void)0 : cm_fail(__FILE__, __LINE__, #c " is true"))
#define assert_null(p) assert_true((p) == NULL)
#define assert_non_null(p) assert_true((p) != NULL)
#define assert_string_equal(a, b) cm_str((a), (b), 1, __FILE__, __LINE__)
#define assert_string_not_equal(a, b) cm_str((a), (b), 0, __FILE__, __LINE__)
#define assert_memory_equal(a, b, n) cm_mem((a), (b), (size_t)(n), __FILE__, __LINE__)
#define fail() cm_fail(__FILE__, __LINE__, "fail()")
#define fail_msg(...) (printf(__VA_ARGS__), printf("\n"), cm_fail(__FILE__, __LINE__, "fail_msg"))
#define print_error(...) printf(__VA_ARGS__)
#define print_message(...) printf(__VA_ARGS__)

static inline int cm_run(const struct CMUnitTest *t, size_t n)
{
    size_t i;
    static unsigned passed, failed; /* static: they live across longjmp */
    passed = failed = 0;
    printf("[==========] Running %u test(s).\n", (unsigned)n);
    for (i = 0; i < n; i++) {
        printf("[ RUN      ] %s\n", t[i].name);
        if (setjmp(cm_jump) == 0) {
            t[i].test_func(NULL);
            printf("[       OK ] %s\n", t[i].name);
            passed++;
        } else {
            printf("[  FAILED  ] %s\n", t[i].name);
            failed++;
        }
    }
    printf("[==========] %u test(s) run.\n", (unsigned)n);
    printf("[  PASSED  ] %u test(s).\n", passed);
    if (failed > 0) {
        printf("[  FAILED  ] %u test(s), listed below:\n", failed);
    }
    return (int)failed;
}

#define cmocka_run_group_tests(tests, setup, teardown) \
    ((void)(setup), (void)(teardown), cm_run((tests), sizeof(tests) / sizeof((tests)[0])))

#endif
