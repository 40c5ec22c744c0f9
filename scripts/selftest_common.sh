# SPDX-License-Identifier: MIT
# shellcheck shell=sh disable=SC2034,SC2154  # sets variables for, and reads $me from, its caller
# Sourced by the self-tests of the build checks (test_check_symbols.sh,
# test_size_report.sh): argument handling, tool check, pass/fail counters
# and the build of a fixture directory with the Cortex-M flags.
# The caller sets $me before sourcing; afterwards $cc, $out and $root are set.

if [ $# -ne 2 ]; then
    echo "usage: $me CC OUTDIR" >&2
    exit 2
fi
cc=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
# ARM_FLAGS comes from the Makefile; this default is for running by hand.
flags=${ARM_FLAGS:-"-mcpu=cortex-m4 -mthumb -Os -ffreestanding \
-ffunction-sections -fdata-sections -fstack-usage -fcallgraph-info=su"}

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "  ok    $*"; }
bad() { fail=$((fail + 1)); echo "  FAIL  $*"; }

# require_tools TOOL...: exit 2 unless every tool is on PATH.
require_tools() {
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "$me: '$tool' not found: install the Arm toolchain" \
                 "(gcc-arm-none-eabi, see \`make deps\`) or set ARM_CC" >&2
            exit 2
        fi
    done
}

# build_fixtures DIR: every DIR/*.c into $out/NAME.o; a failure counts as bad.
build_fixtures() {
    mkdir -p "$out" || exit 2
    for src in "$1"/*.c; do
        # shellcheck disable=SC2086  # $flags is a list of options
        if ! (cd "$out" && "$cc" -std=c99 -Wall -Wextra -Werror $flags \
                  -c "$src" -o "$(basename "$src" .c).o"); then
            bad "compile $src"
        fi
    done
}
