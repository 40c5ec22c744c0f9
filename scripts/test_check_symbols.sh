#!/bin/sh
# SPDX-License-Identifier: MIT
# test_check_symbols.sh CC OUTDIR
#
# Tests check_symbols.sh itself: builds the fixtures in tests/build/ with
# the Cortex-M flags (ARM_FLAGS from the Makefile, or the same default) and
# asserts the check refuses each bad object with exit status 1, naming the
# symbol, the object and the forbidden class, and accepts the clean ones
# (including objects that call each other).
set -u

me=test_check_symbols.sh
# shellcheck source=scripts/selftest_common.sh
. "$(dirname "$0")/selftest_common.sh"
nm=${cc%gcc}nm
fixtures=$root/tests/build
check=$root/scripts/check_symbols.sh
require_tools "$cc" "$nm"
build_fixtures "$fixtures"

# run_check OBJ...: runs the check in OUTDIR, sets $rc and $log.
run_check() {
    log=$(cd "$out" && "$check" "$nm" "$@" 2>&1)
    rc=$?
}

# expect_fail "OBJ..." BLAMED SYMBOL CLASS: exit status 1 and a line saying
# that object BLAMED needs SYMBOL (a prefix) because of CLASS.
expect_fail() {
    # shellcheck disable=SC2086  # $1 is a list of objects
    run_check $1
    if [ "$rc" -ne 1 ]; then
        bad "$1: expected exit 1, got $rc: $log"
        return
    fi
    if ! printf '%s\n' "$log" | grep -F "$2 needs '$3" | grep -Fq "': $4"; then
        bad "$1: no line '$2 needs '$3...': $4...': $log"
        return
    fi
    ok "$1 refused: $2 needs $3...: $4"
}

# expect_pass "OBJ..." TEXT...: exit status 0, the OK line and every TEXT.
expect_pass() {
    objs=$1
    shift
    # shellcheck disable=SC2086
    run_check $objs
    if [ "$rc" -ne 0 ]; then
        bad "$objs: expected exit 0, got $rc: $log"
        return
    fi
    for want in "symcheck: OK" "$@"; do
        case $log in
            *"$want"*) ;;
            *) bad "$objs: output lacks '$want': $log"; return ;;
        esac
    done
    ok "$objs accepted"
}

expect_fail calls_malloc.o calls_malloc.o malloc "heap allocation (malloc/calloc"
expect_fail uses_float.o uses_float.o __aeabi_d "floating point"
expect_fail calls_printf.o calls_printf.o printf "printf family"
expect_fail calls_sscanf.o calls_sscanf.o sscanf "sscanf"
expect_fail calls_strtol.o calls_strtol.o strtol "strto*"
expect_fail calls_time.o calls_time.o time "time()"
expect_fail peer_caller.o peer_caller.o fx_peer_add "not in the allowed list"
# A bad object among good ones is still found and blamed on itself.
expect_fail "clean.o calls_malloc.o peer_callee.o" calls_malloc.o malloc "heap"
expect_pass clean.o memcpy strlen __aeabi_uldivmod
expect_pass "peer_caller.o peer_callee.o"

# A missing nm is a setup error (2), never a verdict on the objects.
log=$(cd "$out" && "$check" "$out/no-such-nm" clean.o 2>&1)
rc=$?
if [ "$rc" -eq 2 ] && case $log in *"not found"*) true ;; *) false ;; esac; then
    ok "missing nm reported as a setup error"
else
    bad "missing nm: expected exit 2 and 'not found', got $rc: $log"
fi

echo "symbol check self-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
