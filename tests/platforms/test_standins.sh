#!/bin/sh
# SPDX-License-Identifier: MIT
# test_standins.sh WORKDIR MBEDTLS_PREFIX JSMN_DIR  (from the repository's top)
# The ESP-IDF component, the Zephyr module and their samples built by the
# stand-ins in tests/platforms against MBEDTLS_PREFIX (mbedTLS 3.6, as
# these platforms ship) and run against the emulator, with the CONNECT
# proxy transport linked against each; then the manifest paths and source
# lists (check_manifests.py); which sources the Zephyr module selects,
# without building (zephyr/record_module.cmake: the sample's prj.conf
# leaves the proxy out, CONFIG_WOS_PIPES_PROXY_PORT=y brings it in); and
# that check failing on a copy of the tree with the proxy dropped from any
# one list, and on a tree where the paths are missing. Last line:
# "platform stand-ins: N passed, M failed".
set -u
w=$1 mbedtls=$2 jsmn=$3
rm -rf "$w" && mkdir -p "$w" && w=$(cd "$w" && pwd)
python3 tests/e2e/with_emulator.py tests/platforms/run_samples.sh "$w/build" "$mbedtls" "$jsmn" >"$w/run.log" 2>&1
cat "$w/run.log"
make -s --no-print-directory print-sources >"$w/make-sources.txt"
python3 tests/platforms/check_manifests.py . --recorded "$w/build/recorded-esp-srcs.txt" \
    "$w/build/recorded-zephyr-srcs.txt" --make-sources "$w/make-sources.txt" >"$w/manifests.log" 2>&1
grep -v '^ok:' "$w/manifests.log"
# The Zephyr module's selection, without building: the proxy is opt-in.
selbad=0
record() { # record NAME PRJ_CONF: the module's sources for that prj.conf into $w/NAME.txt
    cmake -DWOS_REPO="$(pwd)" -DJSMN_DIR="$jsmn" -DPRJ_CONF="$2" -DOUT="$w/$1.txt" \
        -P tests/platforms/zephyr/record_module.cmake >"$w/$1.log" 2>&1
}
{ cat examples/zephyr/prj.conf; echo "CONFIG_WOS_PIPES_PROXY_PORT=y"; } >"$w/prj-proxy.conf"
if record zephyr-default examples/zephyr/prj.conf && record zephyr-proxy "$w/prj-proxy.conf" \
   && grep -q '/src/client\.c$' "$w/zephyr-default.txt" && ! grep -q '/port/proxy/' "$w/zephyr-default.txt" \
   && grep -q '/port/proxy/wos_proxy\.c$' "$w/zephyr-proxy.txt"; then
    echo "ok: the Zephyr module leaves port/proxy out by default, builds it with CONFIG_WOS_PIPES_PROXY_PORT=y"
else
    echo "FAILED: the Zephyr module's proxy selection:"; cat "$w"/zephyr-*.log "$w"/zephyr-*.txt 2>/dev/null | tail -n 20
    selbad=1
fi
if grep -A 2 '^config WOS_PIPES_PROXY_PORT$' zephyr/Kconfig | grep -q '^	default n$'; then
    echo "ok: zephyr/Kconfig: WOS_PIPES_PROXY_PORT defaults to n"
else
    echo "FAILED: zephyr/Kconfig: WOS_PIPES_PROXY_PORT does not default to n"; selbad=$((selbad + 1))
fi

# The check of the check, part 1: the proxy dropped from one list at a
# time (a copy of the tree, one file edited) must fail it.
m=$w/mutant
mkdir -p "$m"
# (what the manifests name and the check reads; no build directory)
tar -cf - $(find . -maxdepth 1 -type f ! -name '.*') cmake docs examples include port src zephyr \
    | tar -xf - -C "$m"
mutbad=0
# Unedited, the copy passes: each failure below is the edit's.
if python3 tests/platforms/check_manifests.py "$m" >"$w/mutant.log" 2>&1; then
    echo "ok: check_manifests.py passes on an unedited copy of the tree"
else
    echo "FAILED: check_manifests.py fails on an unedited copy of the tree:"; grep '^FAILED' "$w/mutant.log"
    mutbad=$((mutbad + 1))
fi
mutate() { # mutate FILE SED-SCRIPT: FILE without the proxy must fail the check
    cp "$m/$1" "$m/$1.orig"
    sed "$2" "$m/$1.orig" >"$m/$1"
    if cmp -s "$m/$1" "$m/$1.orig"; then
        echo "FAILED: mutating $1 changed nothing"; mutbad=$((mutbad + 1))
    elif python3 tests/platforms/check_manifests.py "$m" >"$w/mutant.log" 2>&1; then
        echo "FAILED: check_manifests.py passes with the proxy dropped from $1"; mutbad=$((mutbad + 1))
    else
        echo "ok: check_manifests.py fails with the proxy dropped from $1 ($(grep -c '^FAILED:' "$w/mutant.log") checks)"
    fi
    mv "$m/$1.orig" "$m/$1"
}
mutate wospipesFilePaths.cmake '/PROXY/d'
mutate library.json 's|, "+<port/proxy/\*.c>"||'
mutate CMakeLists.txt '/_wospipes_part(PROXY /d'
mutate zephyr/CMakeLists.txt '/WOSPIPES_PROXY_SOURCES/d'
mutate zephyr/Kconfig '/^config WOS_PIPES_PROXY_PORT$/d'
mutate cmake/wospipesConfig.cmake.in 's/ proxy)/)/'
mutate Doxyfile 's| port/proxy | |'
for list in "$w/build/recorded-esp-srcs.txt" "$w/build/recorded-zephyr-srcs.txt" "$w/make-sources.txt"; do
    tr ' ' '\n' <"$list" | grep -v 'port/proxy/' >"$w/without-proxy.txt"
    case $list in *make-sources*) opt=--make-sources ;; *) opt=--recorded ;; esac
    if python3 tests/platforms/check_manifests.py . $opt "$w/without-proxy.txt" >"$w/mutant.log" 2>&1; then
        echo "FAILED: check_manifests.py passes with the proxy dropped from $(basename "$list")"; mutbad=$((mutbad + 1))
    else
        echo "ok: check_manifests.py fails with the proxy dropped from $(basename "$list")"
    fi
done

# The check of the check, part 2: manifests without the tree they name.
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
p=$((p + 1 - selfbad + 2 - selbad + 11 - mutbad)) f=$((f + selfbad + selbad + mutbad))
grep -q '^ok: zephyr_sample' "$w/run.log" || [ "$f" -gt 0 ] || f=1
echo "platform stand-ins: $p passed, $f failed"
[ "$f" -eq 0 ]
