#!/bin/sh
# SPDX-License-Identifier: MIT
# coverage_gate.sh GATE OBJDIR: branch coverage of src/ from the gcov data
# under OBJDIR (gcovr), each file below GATE listed, then the closing line
#   coverage: src/ branches 95.3% (N of M), gate 95%
# Exits 1 below the gate (or when gcovr finds no data).
set -u
gate=$1 objdir=$2
if ! command -v gcovr >/dev/null 2>&1; then
    echo "coverage: gcovr not found (make deps installs it)"
    exit 1
fi
table=$(gcovr --root . --filter 'src/' --branches "$objdir") || { echo "coverage: gcovr failed"; exit 1; }
# gcovr's table: "File  Branches  Taken  Cover%  Missing", then TOTAL.
echo "$table" | awk -v gate="$gate" '
    $1 ~ /^src\// && $2 > 0 && $3 * 100 < gate * $2 {
        printf "coverage: %s %d of %d branches (%.1f%%)\n", $1, $3, $2, 100 * $3 / $2
    }
    $1 == "TOTAL" { total = $2; taken = $3 }
    END {
        if (total == 0) { print "coverage: no branch data"; exit 1 }
        pct = 100 * taken / total
        printf "coverage: src/ branches %.1f%% (%d of %d), gate %s%%\n", pct, taken, total, gate
        exit (taken * 100 < gate * total)
    }'
