#!/bin/sh
# SPDX-License-Identifier: MIT
# check_lane_headers.sh PREFIX BUILD — every mbedTLS/PSA header the lane's
# objects were compiled with came from PREFIX. Mbed TLS 4.x removed headers
# (ctr_drbg.h, entropy.h...) that Debian's 2.28 still has in /usr/include:
# a stray include would silently mix versions.
set -eu
prefix=$1 build=$2
bad=$(find "$build/obj" -name '*.d' -exec grep -lE '/usr/include/(mbedtls|psa)/' {} + 2>/dev/null || true)
if [ -n "$bad" ]; then
    echo "lane headers: objects built against /usr/include/mbedtls instead of $prefix:" >&2
    for d in $bad; do
        echo "  $d: $(grep -oE '/usr/include/(mbedtls|psa)/[^ ]*' "$d" | sort -u | head -n 3 | tr '\n' ' ')" >&2
    done
    exit 1
fi
used=$(find "$build/obj" -name '*.d' -exec grep -lF "$prefix/include/" {} + 2>/dev/null | wc -l)
if [ "$used" -eq 0 ]; then
    echo "lane headers: no object included a header from $prefix/include" >&2
    exit 1
fi
