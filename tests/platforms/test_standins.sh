#!/bin/sh
# SPDX-License-Identifier: MIT
# test_standins.sh WORKDIR MBEDTLS_PREFIX JSMN_DIR  (from the repository's top)
# The ESP-IDF component, the Zephyr module and their samples built by the
# stand-ins in tests/platforms against MBEDTLS_PREFIX (mbedTLS 3.6, as
# these platforms ship) and run against the emulator; then the manifest
# paths and source lists (check_manifests.py), and that check failing on a
# tree where the paths are missing. Last line: "platform stand-ins: N
# passed, M failed".
set -u
w=$1 mbedtls=$2 jsmn=$3
rm -rf "$w" && mkdir -p "$w" && w=$(cd "$w" && pwd)
python3 tests/e2e/with_emulator.py tests/platforms/run_samples.sh "$w/build" "$mbedtls" "$jsmn" >"$w/run.log" 2>&1
cat "$w/run.log"
make -s --no-print-directory print-sources >"$w/make-sources.txt"
python3 tests/platforms/check_manifests.py . --recorded "$w/build/recorded-esp-srcs.txt" \
    "$w/build/recorded-zephyr-srcs.txt" --make-sources "$w/make-sources.txt" >"$w/manifests.log" 2>&1
grep -v '^ok:' "$w/manifests.log"
# The check of the check: manifests without the tree they name.
mkdir -p "$w/bare/zephyr"
cp idf_component.yml library.json wospipesFilePaths.cmake "$w/bare/"
cp zephyr/module.yml "$w/bare/zephyr/"
mkdir -p "$w/bare/examples/esp-idf/main" && cp examples/esp-idf/main/idf_component.yml "$w/bare/examples/esp-idf/main/"
if python3 tests/platforms/check_manifests.py "$w/bare" >"$w/bare.log" 2>&1; then
    echo "FAILED: check_manifests.py passes on a tree without the files it names"; selfbad=1
else
    echo "ok: check_manifests.py fails on a tree without the files it names"; selfbad=0
fi
p=$(cat "$w/run.log" "$w/manifests.log" | grep -c '^ok:')
f=$(cat "$w/run.log" "$w/manifests.log" | grep -c '^FAILED:')
p=$((p + 1 - selfbad)) f=$((f + selfbad))
grep -q '^ok: zephyr_sample' "$w/run.log" || [ "$f" -gt 0 ] || f=1
echo "platform stand-ins: $p passed, $f failed"
[ "$f" -eq 0 ]
