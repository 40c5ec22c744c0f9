#!/bin/sh
# SPDX-License-Identifier: MIT
# run_fuzz.sh smoke   DIR RUNS    BIN...  each target -seed=1 -runs=RUNS over its
#                                          seeds and regressions, from an empty
#                                          work corpus: deterministic and short.
# run_fuzz.sh explore DIR SECONDS BIN...  each target for SECONDS, keeping what it
#                                          finds in DIR/work/<target>.
# Seeds (tests/fuzz/corpus/<target>/) and regressions
# (tests/fuzz/regressions/<target>/) are read-only: libFuzzer writes new
# inputs only to the first corpus directory, DIR/work/<target>. Crashes go to
# DIR/artifacts/<target>/. Closes with "fuzz <mode>: N passed, M failed"
# (N = targets that ran clean) and exits 1 if any target failed.
set -u
mode=$1 dir=$2 amount=$3
shift 3
case "$mode" in
    smoke) limit="-seed=1 -runs=$amount" ;;
    explore) limit="-max_total_time=$amount" ;;
    *) echo "run_fuzz.sh: unknown mode $mode" >&2; exit 2 ;;
esac

pass=0 fail=0
for bin in "$@"; do
    name=$(basename "$bin")
    work=$dir/work/$name
    art=$dir/artifacts/$name
    log=$dir/$name.$mode.log
    [ "$mode" = smoke ] && rm -rf "$work"
    mkdir -p "$work" "$art"
    dirs="$work"
    for d in tests/fuzz/corpus/$name tests/fuzz/regressions/$name; do
        [ -d "$d" ] && dirs="$dirs $d"
    done
    # shellcheck disable=SC2086
    "$bin" $limit -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$art/" $dirs >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        pass=$((pass + 1))
        echo "fuzz $mode: $name ok (${runs:-?} runs, ${cov:-cov: ?})"
    else
        fail=$((fail + 1))
        echo "fuzz $mode: $name FAILED (exit $rc); log: $log"
        grep -E 'ERROR|SUMMARY|check failed|runtime error|Test unit written' "$log" | head -n 8
    fi
done
echo "fuzz $mode: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
