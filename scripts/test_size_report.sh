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
fixtures=$root/tests/build/stack
report="${PYTHON:-python3} $root/scripts/size_report.py"
require_tools "$cc" "${cc%gcc}nm" "${cc%gcc}ar"
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

# 3. A linked image: the library part is what the image holds of the
#    library's members (by the symbols nm finds in the image), libc and
#    libgcc are counted apart, and the budget bounds the library part.
lib_objs="chain_ab.o chain_c.o leaves.o divide.o"
# shellcheck disable=SC2086  # $flags and $lib_objs are lists
if ! (cd "$out" && rm -f libfx.a && "${cc%gcc}ar" rcs libfx.a $lib_objs &&
      "$cc" $flags --specs=nano.specs -nostartfiles -Wl,--gc-sections -Wl,-e,main \
          -Wl,-Map=fx.map fw_main.o libfx.a -o fx.elf); then
    bad "link the fixture image"
fi
# shellcheck disable=SC2086
lib=0
# shellcheck disable=SC2086  # $lib_objs is a list
for hex in $(cd "$out" && { "${cc%gcc}nm" --defined-only $lib_objs | awk 'NF == 3 { print "L", $3 }';
                            "${cc%gcc}nm" -S --defined-only fx.elf | awk 'NF == 4 { print "I", $4, $2 }'; } |
             awk '$1 == "L" { want[$2] = 1; next } $1 == "I" && ($2 in want) { print $3 }'); do
    lib=$((lib + 0x$hex))
done
vla_kept=$(cd "$out" && "${cc%gcc}nm" fx.elf | grep -c ' fx_vla$')
run --lib libfx.a --map fx=fx.map:"$lib" chain_ab.o chain_c.o leaves.o divide.o
r1=$rc log1=$log
run --lib libfx.a --map fx=fx.map:$((lib - 1)) chain_ab.o chain_c.o leaves.o divide.o
row=$(printf '%s\n' "$log1" | awk '$2 == "fx" { print $3, $6, $7, $8 }')
# The by-object rows of the image add up to its library part.
objsum=$(printf '%s\n' "$log1" | awk '/^Library bytes by object/ { on = 1; next }
    on && $1 ~ /\.o$/ && $2 ~ /^[0-9]+$/ { n += $2 } on && NF == 0 { on = 0 } END { print n + 0 }')
# shellcheck disable=SC2086  # split the row into $1..$4
set -- $row
if [ "$r1" -eq 0 ] && [ "$rc" -eq 1 ] && [ "$lib" -gt 0 ] && [ "$vla_kept" -eq 0 ] &&
   [ "${1:-}" = "$lib" ] && [ "$objsum" = "$lib" ] && [ "${2:-0}" -gt 0 ] && [ "${3:-0}" -gt 0 ] && [ "${4:-0}" -gt 0 ] &&
   has "image fx: library part $lib bytes exceeds the budget of $((lib - 1)) bytes"; then
    ok "linked image: library $lib bytes (libc $2, libgcc $3, firmware $4), the same by object; budget $lib passes, $((lib - 1)) fails"
else
    bad "linked image: want library $lib, got '$row' (by object $objsum), rc $r1 and $rc: $log1 $log"
fi

# 3b. Pay per use: --absent fails on a function the image holds, and not
#     on one --gc-sections dropped (fx_vla is never called).
run --lib libfx.a --map fx=fx.map --absent fx=fx_vla chain_ab.o chain_c.o leaves.o divide.o
r1=$rc
run --lib libfx.a --map fx=fx.map --absent fx=fx_vla,fx_b chain_ab.o chain_c.o leaves.o divide.o
if [ "$r1" -eq 0 ] && [ "$rc" -eq 1 ] && has "image fx links fx_b, which it never calls" &&
   ! has "links fx_vla"; then
    ok "an image holding a function named absent fails; a dropped one passes"
else
    bad "absent: rc $r1 and $rc: $log"
fi

# 3c. Several cores: each has its column, and a failure names its core.
run --budget-stack $((sum - 1)) --core one chain_ab.o chain_c.o --core two chain_ab.o chain_c.o
if [ "$rc" -eq 1 ] && has "one  two" && has "fx_a needs $sum bytes of stack on one" &&
   has "fx_a needs $sum bytes of stack on two"; then
    ok "two cores: a column each, failures name the core"
else
    bad "cores: rc $rc: $log"
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
run --map fx="$out/no-such.map" chain_c.o
if [ "$r1" -eq 2 ] && [ "$rc" -eq 2 ] && has "no-such.map"; then
    ok "missing .ci and missing map file are setup errors"
else
    bad "setup errors: rc $r1 and $rc: $log"
fi

echo "size report self-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
