#!/bin/sh
# SPDX-License-Identifier: MIT
# run_tests.sh LABEL RESULTS BIN...  runs test binaries, appends "pass fail" per
#                                    binary to RESULTS, exits 1 if any failed.
# run_tests.sh --summary RESULTS     prints the grand total as "N passed, N failed".
# run_tests.sh --record RESULTS LOG... adds each log's closing "N passed, M failed" to RESULTS.
# WOS_TEST_RUNNER, when set, is a command each binary runs under (a cross
# lane's "qemu-arm -L /usr/arm-linux-gnueabihf"); split on spaces.
set -u
if [ "$1" = "--summary" ]; then
    awk '{p+=$1; f+=$2} END {printf "total: %d passed, %d failed\n", p, f; exit (f>0)}' "$2"
    exit $?
fi
if [ "$1" = "--record" ]; then
    # Adds the "N passed, M failed" closing line of each log to RESULTS.
    results=$2
    shift 2
    for log in "$@"; do
        tail -n 1 "$log" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' >>"$results"
    done
    exit 0
fi
label=$1 results=$2
shift 2
mkdir -p "$(dirname "$results")"
pass=0 fail=0 bad=0
for bin in "$@"; do
    log="$bin.log"
    # shellcheck disable=SC2086
    ${WOS_TEST_RUNNER:-} "$bin" >"$log" 2>&1
    rc=$?
    cat "$log"
    # cmocka: "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s), listed below:"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    p=${p:-0} f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "$bin: exited $rc without a cmocka failure count" >&2
        f=1
    fi
    [ "$f" -gt 0 ] && bad=1
    pass=$((pass + p)) fail=$((fail + f))
done
echo "$pass $fail" >>"$results"
echo "$label: $pass passed, $fail failed"
exit $bad
