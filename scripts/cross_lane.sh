#!/bin/sh
# SPDX-License-Identifier: MIT
# cross_lane.sh ARCH OUT QEMU SYSROOT_PREFIX
#
# Runs one cross-architecture lane's suites, already built under OUT by
# `make cross`, under qemu-user: the unit tests, the port tests (TCP and TLS
# on 127.0.0.1), the library's e2e client and the CLI e2e, proxy and IPv6
# suites against the emulator (host python3; only the client binaries are
# foreign). Each suite's counts go to OUT/results; the closing line is
# "cross ARCH: N passed, M failed".
#
# QEMU runs with -L SYSROOT_PREFIX, the arch-all libc6-dev-ARCH-cross tree
# (/usr/<triplet>): the dynamic loader and libc live there, and cmocka is
# found through the rpath the lane links with.
set -u
arch=$1 out=$2 qemu=$3 prefix=$4
here=$(cd "$(dirname "$0")/.." && pwd)
results=$out/results
rm -f "$results"
export WOS_TEST_RUNNER="$qemu -L $prefix"
# Tells a test it runs under qemu-user, which aborts a fork() made while
# other threads run (an assertion inside qemu, not in the program).
export WOS_TEST_QEMU_USER=1

# The test binaries of a directory (not their .log files).
bins() { for f in "$1"/test_*; do case $f in *.log) ;; *) [ -x "$f" ] && echo "$f" ;; esac; done; }
run() { "$here/scripts/run_tests.sh" "$@" || rc=1; }
rc=0
# shellcheck disable=SC2046  # one argument per test binary (paths without spaces)
run "$arch unit tests" "$results" $(bins "$out/tests/unit")
"$here/tests/certs/make_certs.sh" "$out/certs"
# shellcheck disable=SC2046
WOS_TEST_CERTS=$out/certs run "$arch port tests" "$results" $(bins "$out/tests/port")

# The CLI e2e suite runs the tool (and the examples beside it) by path: give
# it wrappers that start the foreign binaries under qemu.
mkdir -p "$out/qemu-run"
for b in wos-pipes token_fetch device_connect; do
    printf '#!/bin/sh\nexec %s -L %s %s "$@"\n' "$qemu" "$prefix" "$out/$b" >"$out/qemu-run/$b"
    chmod +x "$out/qemu-run/$b"
done
log=$out/e2e-cli.log
export WOS_E2E_TIME_SCALE="${WOS_E2E_TIME_SCALE:-10}"
WOS_E2E_BUILD=$out python3 "$here/tests/e2e/test_cli_e2e.py" --bin "$out/qemu-run/wos-pipes" >"$log" 2>&1 || {
    rc=1; cat "$log"; }
tail -n 1 "$log" | sed "s/^cli e2e/$arch cli e2e/"
if tail -n 1 "$log" | grep -q '^cli e2e: [0-9]* passed'; then
    "$here/scripts/run_tests.sh" --record "$results" "$log"
else
    echo "0 1" >>"$results"
fi

# The tool through a CONNECT proxy and at an IPv6 literal.
for t in proxy ipv6; do
    log=$out/cli-$t.log
    WOS_E2E_BUILD=$out python3 "$here/tests/e2e/test_cli_$t.py" --bin "$out/qemu-run/wos-pipes" >"$log" 2>&1 || {
        rc=1; cat "$log"; }
    tail -n 1 "$log" | sed "s/^cli $t/$arch cli $t/"
    if tail -n 1 "$log" | grep -q "^cli $t: [0-9]* passed"; then
        "$here/scripts/run_tests.sh" --record "$results" "$log"
    else
        echo "0 1" >>"$results"
    fi
done

WOS_E2E_BUILD=$out python3 "$here/tests/e2e/with_emulator.py" "$here/scripts/run_tests.sh" \
    "$arch e2e client" "$results" "$out/tests/e2e/test_e2e_client"
rc2=$?
[ $rc2 -eq 0 ] || rc=1
[ $rc2 -eq 125 ] && echo "0 1" >>"$results"

awk -v a="$arch" '{p+=$1; f+=$2} END {printf "cross %s: %d passed, %d failed\n", a, p, f; exit (f>0)}' "$results" || rc=1
exit $rc
