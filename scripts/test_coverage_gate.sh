#!/bin/sh
# SPDX-License-Identifier: MIT
# test_coverage_gate.sh OUTDIR
#
# Tests coverage_gate.sh itself on a fixture with two branches, built with
# gcc --coverage in OUTDIR: one branch taken must fail a 95 % gate and pass
# a 50 % one, no data must fail, both branches taken must pass. The
# expected figures follow from the fixture, not from the tool's version.
set -u
if [ $# -ne 1 ]; then
    echo "usage: test_coverage_gate.sh OUTDIR" >&2
    exit 2
fi
out=$1
gate="$(cd "$(dirname "$0")" && pwd)/coverage_gate.sh"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "  ok    $*"; }
bad() { fail=$((fail + 1)); echo "  FAIL  $*"; }

rm -rf "$out" && mkdir -p "$out/src" "$out/obj" "$out/empty" || exit 2
cat >"$out/src/fixture.c" <<'C'
#include <stdlib.h>
static int sign(int v) { if (v < 0) { return -1; } return 1; }
int main(int argc, char **argv) { return sign(atoi(argv[argc - 1])) < 0; }
C
if ! (cd "$out" && ${CC:-gcc} -O0 --coverage -c src/fixture.c -o obj/fixture.o &&
      ${CC:-gcc} --coverage obj/fixture.o -o obj/fixture); then
    bad "build the fixture"
    echo "coverage gate self-test: $pass passed, $fail failed"
    exit 1
fi

# gate PERCENT DIR: the gate run in OUTDIR; sets $rc and $log.
gate() {
    log=$(cd "$out" && "$gate" "$1" "$2" 2>&1)
    rc=$?
}

"$out/obj/fixture" 5
gate 95 obj
if [ $rc -ne 0 ] && printf '%s\n' "$log" | tail -n 1 |
        grep -qx 'coverage: src/ branches 50.0% (1 of 2), gate 95%'; then
    ok "one of two branches fails a 95 % gate, with the closing line"
else
    bad "one of two branches at 95 %: rc $rc, $log"
fi
if printf '%s\n' "$log" | grep -q '^coverage: src/fixture.c 1 of 2 branches'; then
    ok "the file below the gate is named"
else
    bad "the file below the gate is not named: $log"
fi
gate 50 obj
if [ $rc -eq 0 ]; then
    ok "one of two branches passes a 50 % gate"
else
    bad "50 % gate: rc $rc, $log"
fi
gate 95 empty
if [ $rc -ne 0 ] && printf '%s\n' "$log" | grep -q 'no branch data'; then
    ok "no coverage data fails"
else
    bad "no data: rc $rc, $log"
fi
"$out/obj/fixture" -5
gate 95 obj
if [ $rc -eq 0 ] && printf '%s\n' "$log" | tail -n 1 | grep -q 'branches 100.0% (2 of 2)'; then
    ok "both branches pass a 95 % gate"
else
    bad "both branches: rc $rc, $log"
fi
echo "coverage gate self-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
