#!/bin/sh
# SPDX-License-Identifier: MIT
# run_samples.sh WORKDIR MBEDTLS_PREFIX JSMN_DIR  (under tests/e2e/with_emulator.py)
# Configures tests/platforms with the emulator's address, builds the
# stand-in ESP-IDF and Zephyr samples, runs each once, and runs the proxy
# transport's link check against each platform's library. One
# "ok:"/"FAILED:" line per step.
set -u
w=$1 mbedtls=$2 jsmn=$3
repo=$(pwd)
want="token: active, expires at 2025-12-31T23:59:59.000Z"
if cmake -S "$repo/tests/platforms" -B "$w" -DWOS_REPO="$repo" -DMBEDTLS_PREFIX="$mbedtls" \
        -DJSMN_DIR="$jsmn" -DWOS_SAMPLE_CA_PEM="$WOS_E2E_CA" -DSAMPLE_API_KEY="$WOS_E2E_API_KEY" \
        -DSAMPLE_BASE_URL="https://localhost:$WOS_E2E_PORT" \
        -DSAMPLE_USER_ID=user_01EHZNVPK3SFK441A1RGBFSHRT >"$w.configure.log" 2>&1 &&
   cmake --build "$w" -j2 >"$w.build.log" 2>&1; then
    echo "ok: stand-in ESP-IDF and Zephyr builds (component, module, samples) with -Werror"
else
    echo "FAILED: stand-in builds"; tail -n 30 "$w.configure.log" "$w.build.log" 2>/dev/null
    exit 1
fi
bad=0
for s in esp_sample zephyr_sample; do
    out=$("$w/$s" 2>&1 </dev/null); rc=$?
    if [ "$rc" -eq 0 ] && [ "$out" = "$want" ]; then
        echo "ok: $s fetched a token from the emulator"
    else
        echo "FAILED: $s: exit $rc, said: $out"; bad=1
    fi
done
for s in esp_proxy_link zephyr_proxy_link; do
    out=$("$w/$s" 2>&1 </dev/null); rc=$?
    if [ "$rc" -eq 0 ]; then
        echo "ok: $s: $out"
    else
        echo "FAILED: $s: exit $rc, said: $out"; bad=1
    fi
done
exit $bad
