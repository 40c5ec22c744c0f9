#!/bin/sh
# SPDX-License-Identifier: MIT
# run_bench.sh BENCH_BIN OUT_DIR
# Runs the bench program natively (stack figures) and under callgrind
# (instruction counts), then prints one table. See tests/bench/README.md.
set -eu
bin=$1 out=$2
if ! command -v valgrind >/dev/null 2>&1; then
    echo "bench: valgrind not found: run 'make deps' (Debian package valgrind)" >&2
    exit 1
fi
mkdir -p "$out"
rm -f "$out"/callgrind.out*

"$bin" --stack >"$out/stack.txt"
valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$out/callgrind.out" \
    "$bin" --ir >"$out/ir.txt" 2>"$out/valgrind.log" || {
    cat "$out/valgrind.log" >&2
    exit 1
}

# Each dump names its operation ("op<index>") and carries the total Ir of
# BENCH_ITER runs; the callgrind files are matched to operations by that name.
for f in "$out"/callgrind.out*; do
    awk '/^desc: Trigger: Client Request: op/ { sub(/.*Client Request: op/, ""); op = $0 }
         /^(summary|totals):/ { ir = $2 }
         END { if (op != "") print op "|" ir }' "$f"
done | sort -n >"$out/ir-totals.txt"

awk -F'|' -v cc="${BENCH_LABEL:-x86-64}" '
    FILENAME == ARGV[1] { name[$1] = $2; bytes[$1] = $3; stack[$1] = $4; next }
    FILENAME == ARGV[2] { iters[$1] = $4; next }
    { ir[$1] = $2 }
    END {
        printf "%-44s %8s %14s %12s\n", "operation", "bytes", "instr/op", "stack bytes"
        for (i = 0; i in name; i++) {
            if (!(i in ir) || iters[i] == 0) { print "bench: no count for " name[i] > "/dev/stderr"; bad = 1; continue }
            printf "%-44s %8d %14d %12d\n", name[i], bytes[i], ir[i] / iters[i], stack[i]
        }
        printf "instr/op: callgrind Ir per call, %s; stack: bytes the call touched on x86-64 (painted stack)\n", cc
        exit bad
    }' "$out/stack.txt" "$out/ir.txt" "$out/ir-totals.txt" | tee "$out/table.txt"
