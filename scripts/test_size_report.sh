#!/bin/sh
# SPDX-License-Identifier: MIT
# test_size_report.sh CC OUTDIR
#
# Tests size_report.py itself on the fixtures in tests/build/stack/, built
# with the Cortex-M flags (ARM_FLAGS from the Makefile, or the same
# default). Expected figures are taken from the compiler's own .su files and
# from the size tool, never written down here, so the test holds for any
# compiler version.
set -u

me=test_size_report.sh
# shellcheck source=scripts/selftest_common.sh
. "$(dirname "$0")/selftest_common.sh"
size=${cc%gcc}size
fixtures=$root/tests/build/stack
report="${PYTHON:-python3} $root/scripts/size_report.py --size $size"
require_tools "$cc" "$size"
build_fixtures "$fixtures"

# run OPTION/OBJ...: the report run in OUTDIR; sets $rc and $log.
run() {
    # shellcheck disable=SC2086  # $report is a command line
    log=$(cd "$out" && $report "$@" 2>&1)
    rc=$?
}

# frame FUNC: the frame of FUNC according to the compiler's .su files.
frame() {
    awk -F'\t' -v f="$1" '{ n = $1; sub(/.*:/, "", n) } n == f { print $2 }' \
        "$out"/*.su
}

# stack FUNC: the worst case the Markdown table reports for FUNC.
stack() {
    printf '%s\n' "$log" |
        awk -F'|' -v f="\`$1\`" '{ gsub(/ /, "", $2); gsub(/ /, "", $3) }
                                 $2 == f { print $3 }'
}

has() {
    case $log in *"$1"*) return 0 ;; esac
    return 1
}

# 1. The worst case follows the deepest chain, across objects.
run --markdown chain_ab.o chain_c.o
fa=$(frame fx_a) fb=$(frame fx_b) fc=$(frame fx_c)
sum=$((fa + fb + fc))
if [ "$rc" -eq 0 ] && [ "$(stack fx_a)" = "$sum" ] && [ "$fa" -gt 0 ] &&
   [ "$fb" -gt 0 ] && [ "$fc" -gt 0 ] && [ "$(stack fx_b)" = $((fb + fc)) ] &&
   has "fx_a $fa > fx_b $fb > fx_c $fc"; then
    ok "fx_a -> fx_b -> fx_c: worst case $sum = $fa + $fb + $fc"
else
    bad "chain: want fx_a=$sum ($fa+$fb+$fc), got '$(stack fx_a)' rc=$rc: $log"
fi

# 2. The stack budget: exactly the worst case passes, one byte less fails.
run --budget-stack "$sum" chain_ab.o chain_c.o
r1=$rc
run --budget-stack $((sum - 1)) chain_ab.o chain_c.o
if [ "$r1" -eq 0 ] && [ "$rc" -eq 1 ] && has "fx_a needs $sum bytes"; then
    ok "stack budget $sum passes, $((sum - 1)) fails naming fx_a"
else
    bad "stack budget: rc $r1 and $rc: $log"
fi

# 3. The flash budget is text + data, as the size tool reports them.
data=$(cd "$out" && "$size" chain_c.o | awk 'NR == 2 { print $2 }')
flash=$(cd "$out" && "$size" chain_ab.o chain_c.o |
        awk 'NR > 1 { t += $1 + $2 } END { print t }')
run --budget-flash "$flash" chain_ab.o chain_c.o
r1=$rc
run --budget-flash $((flash - 1)) chain_ab.o chain_c.o
if [ "$data" -gt 0 ] && [ "$r1" -eq 0 ] && [ "$rc" -eq 1 ] &&
   has "flash $flash bytes exceeds"; then
    ok "flash budget $flash (text + $data data) passes, $((flash - 1)) fails"
else
    bad "flash budget: rc $r1 and $rc: $log"
fi

# 4. Recursion across objects is found, named and fails the run.
run rec_ping.o rec_pong.o
if [ "$rc" -eq 1 ] && has "recursion (forbidden in the core): fx_ping" &&
   has "> fx_pong (" && has "RECURSIVE  fx_ping_user"; then
    ok "recursion fx_ping <-> fx_pong reported and fails"
else
    bad "recursion: rc $rc: $log"
fi

# 5. Indirect and external calls count 0 and are listed; a VLA is flagged,
#    and fails a stack budget since it cannot be bounded.
run leaves.o
r1=$rc
if [ "$r1" -eq 0 ] && has "indirect call (function pointer) in fx_send" &&
   has "extern memset, called by fx_send" && has "fx_vla $(frame fx_vla)+dyn!" &&
   has "WARNING: fx_vla" && [ "$(frame fx_send)" -gt 0 ]; then
    ok "indirect and extern calls listed, VLA flagged"
else
    bad "leaves: rc $r1: $log"
fi
run --budget-stack 100000 leaves.o
if [ "$rc" -eq 1 ] && has "fx_vla: stack cannot be bounded"; then
    ok "unbounded dynamic frame fails a stack budget"
else
    bad "VLA under a budget: rc $rc: $log"
fi

# 6. Setup errors exit 2 with the cause.
rm -f "$out/nogci.o" "$out/nogci.ci"
cp "$out/chain_c.o" "$out/nogci.o"
run nogci.o
r1=$rc
run --size "$out/no-such-size" chain_c.o
if [ "$r1" -eq 2 ] && [ "$rc" -eq 2 ] && has "not found"; then
    ok "missing .ci and missing size tool are setup errors"
else
    bad "setup errors: rc $r1 and $rc: $log"
fi

echo "size report self-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
