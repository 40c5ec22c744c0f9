#!/bin/sh
# SPDX-License-Identifier: MIT
# run_lwip.sh TEST_BIN RESULTS — the lwIP test in a private network namespace
# (tests/lwip/netns_run.py), or a closing line that says why it was skipped:
# namespaces and TAP devices need root (CAP_NET_ADMIN).
set -u
bin=$1 results=$2
shift 2 # more test binaries may follow
skip() {
    echo "lwip: 0 passed, 0 failed (skipped: $1)"
    echo "0 0" >>"$results"
    exit 0
}
[ "$(id -u)" -eq 0 ] || skip "not root: a network namespace and a TAP device need CAP_NET_ADMIN"
[ -c /dev/net/tun ] || skip "no /dev/net/tun on this machine"
unshare -n true 2>/dev/null || skip "unshare -n is not permitted here"
# A hung lwIP stack must not hang make test.
exec timeout "${LWIP_TEST_TIMEOUT:-300}" unshare -n python3 "$(dirname "$0")/netns_run.py" "$bin" "$results" "$@"
