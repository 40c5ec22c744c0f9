#!/bin/sh
# SPDX-License-Identifier: MIT
# test_cmake_package.sh WORKDIR  (from the repository's top directory)
# The CMake package as a user meets it: `make install PREFIX=` into a
# scratch prefix (the project's -Werror warnings on), the installed files,
# then three consumers that build examples/token_fetch.c:
#   find_package      find_package(wospipes CONFIG) from the prefix (and a
#                     too new version refused by the version file)
#   pkg-config        cc $(pkg-config --cflags --libs --static wospipes)
#   add_subdirectory  the source tree inside the consumer's build, with
#                     WOSPIPES_JSMN_INTERNAL=ON and a foreign jsmn linked in
# and runs the three against the emulator. token_fetch links wospipes::proxy
# (find_package asks for the components core, posix, mbedtls and proxy; an
# unknown one must be refused), and each build fetches the same tokens
# again with WORKOS_PROXY naming the loopback CONNECT proxy of
# `make cli-proxy` (tests/packaging/with_proxy.py counts the tunnels). The install sets
# WOSPIPES_PAGER_CURSOR_MAX=80: the first two compile settings_check.c,
# which fails unless they see that value. The library's jsmn is static: a
# pkg-config build with a foreign jsmn linked in front must work too, and
# neither library defines a jsmn symbol.
# mbedTLS found as a CMake package goes through a stand-in package.
# Last line: "cmake package: N passed, M failed".
set -u
w=$1
repo=$(pwd)
rm -rf "$w" && mkdir -p "$w" && w=$(cd "$w" && pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
ko() { fail=$((fail + 1)); echo "FAILED: $1"; }
step() { # step NAME LOG CMD...: runs CMD, output to LOG, shown on failure
    name=$1 log=$2
    shift 2
    if "$@" >"$log" 2>&1; then ok "$name"; return 0; fi
    ko "$name"; tail -n 30 "$log"; return 1
}
prefix=$w/prefix

step "make install PREFIX=" "$w/install.log" \
    make --no-print-directory install PREFIX="$prefix" BUILD="$w" CMAKE_ARGS="-DWOSPIPES_WARNINGS=ON -DWOSPIPES_PAGER_CURSOR_MAX=80"
missing=""
for f in lib/libwospipes.a lib/libwospipes_posix.a lib/libwospipes_mbedtls.a lib/libwospipes_proxy.a \
         include/wospipes/wos_client.h include/wospipes/wos_posix.h include/wospipes/wos_tls.h \
         include/wospipes/wos_proxy.h \
         lib/cmake/wospipes/wospipesConfig.cmake lib/cmake/wospipes/wospipesConfigVersion.cmake \
         lib/cmake/wospipes/wospipesTargets.cmake lib/pkgconfig/wospipes.pc share/doc/wospipes/LICENSE; do
    [ -f "$prefix/$f" ] || missing="$missing $f"
done
[ -z "$missing" ] && ok "installed files present" || ko "not installed:$missing"
grep -q 'wospipes::proxy' "$prefix/lib/cmake/wospipes/wospipesTargets.cmake" \
    && ok "wospipes::proxy exported" || ko "wospipes::proxy not in wospipesTargets.cmake"
internal=$(find "$prefix/include" -name '*_internal.h')
[ -z "$internal" ] && ok "no internal header installed" || ko "installed: $internal"

# The find_package(MbedTLS CONFIG) branch, through a stand-in package.
step "mbedTLS found as a CMake package" "$w/mbedtls_package.log" sh -c \
    "cmake -S '$repo' -B '$w/mbedtls_package' -DMbedTLS_DIR='$repo/tests/packaging/mbedtls_package' \
     -DWOSPIPES_WARNINGS=ON >'$w/mbedtls_package.cmake.log' \
     && grep -q 'wospipes: mbedTLS from CMake package' '$w/mbedtls_package.cmake.log' \
     && grep -q '^Requires.private: mbedtls mbedx509' '$w/mbedtls_package/wospipes.pc' \
     && cmake --build '$w/mbedtls_package' --target wospipes_mbedtls"

# find_package
fp=$w/find_package
step "find_package consumer builds" "$w/find_package.log" sh -c \
    "cmake -S '$repo/tests/packaging/find_package' -B '$fp' -DCMAKE_PREFIX_PATH='$prefix' \
     -DWOS_REPO='$repo' -DWOS_WANT_VERSION=0.1 && cmake --build '$fp'"
if cmake -S "$repo/tests/packaging/find_package" -B "$w/find_package_v99" -DCMAKE_PREFIX_PATH="$prefix" \
        -DWOS_REPO="$repo" -DWOS_WANT_VERSION=99.0 >"$w/find_package_v99.log" 2>&1; then
    ko "find_package(wospipes 99.0) accepted version 0.x"
else
    grep -q 'considered but not accepted' "$w/find_package_v99.log" && ok "find_package(wospipes 99.0) refused" \
        || ko "find_package(wospipes 99.0) failed for another reason"
fi
# The components are checked: one that does not exist is refused.
if cmake -S "$repo/tests/packaging/find_package" -B "$w/find_package_nopart" -DCMAKE_PREFIX_PATH="$prefix" \
        -DWOS_REPO="$repo" "-DWOS_WANT_COMPONENTS=proxy;nosuchpart" >"$w/find_package_nopart.log" 2>&1; then
    ko "find_package(wospipes COMPONENTS nosuchpart) accepted"
else
    grep -q 'wospipes_FOUND to FALSE' "$w/find_package_nopart.log" \
        && ok "find_package(wospipes COMPONENTS nosuchpart) refused" \
        || ko "find_package(wospipes COMPONENTS nosuchpart) failed for another reason"
fi

# pkg-config
pc=$w/pkg_config
mkdir -p "$pc"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
libs=$(pkg-config --libs wospipes 2>&1)
case "$libs" in
    *-lwospipes_proxy*-lwospipes_mbedtls*-lwospipes_posix*-lwospipes*) ok "pkg-config --libs: $libs" ;;
    *) ko "pkg-config --libs: $libs" ;;
esac
step "pkg-config consumer builds" "$pc/build.log" sh -c \
    "cc -std=c99 \$(pkg-config --cflags wospipes) '$repo/examples/token_fetch.c' \
     '$repo/tests/packaging/settings_check.c' \
     \$(pkg-config --static --libs wospipes) -o '$pc/token_fetch'"

# A foreign jsmn (another layout) linked in front of the installed library,
# which keeps no jsmn name: the library still uses its own, static one.
step "pkg-config consumer with a foreign jsmn builds" "$pc/clash.log" sh -c \
    "cc -std=c99 \$(pkg-config --cflags wospipes) '$repo/examples/token_fetch.c' \
     '$repo/tests/packaging/add_subdirectory/foreign_jsmn.c' \
     \$(pkg-config --static --libs wospipes) -o '$pc/token_fetch_clash'"

# add_subdirectory, jsmn kept internal, a foreign jsmn in the same program
as=$w/add_subdirectory
step "add_subdirectory consumer builds" "$w/add_subdirectory.log" sh -c \
    "cmake -S '$repo/tests/packaging/add_subdirectory' -B '$as' -DWOS_REPO='$repo' \
     -DWOSPIPES_JSMN_INTERNAL=ON -DWOSPIPES_WARNINGS=ON && cmake --build '$as'"
for lib in "$as/wospipes/libwospipes.a" "$prefix/lib/libwospipes.a"; do
    syms=$(nm -g --defined-only "$lib" 2>/dev/null | awk '{print $3}' | grep jsmn_ | tr '\n' ' ')
    [ -f "$lib" ] && [ -z "$syms" ] && ok "jsmn static: $lib defines no jsmn symbol" \
        || ko "jsmn static: $lib defines: ${syms:-(no library)}"
done

# The three against the emulator, directly and through the proxy (two
# fetches per run; the proxy must see two CONNECTs per proxied run).
if python3 tests/e2e/with_emulator.py tests/packaging/with_proxy.py --expect 6 \
        tests/packaging/run_token_fetch.sh \
        "find_package=$fp/token_fetch" "pkg-config=$pc/token_fetch" \
        "add_subdirectory=$as/token_fetch" "foreign-jsmn=$pc/token_fetch_clash" \
        "proxy-find_package=$fp/token_fetch" "proxy-pkg-config=$pc/token_fetch" \
        "proxy-add_subdirectory=$as/token_fetch" >"$w/run.log" 2>&1; then :; fi
cat "$w/run.log"
p=$(grep -c '^ok:' "$w/run.log") f=$(grep -c '^FAILED:' "$w/run.log")
pass=$((pass + p)) fail=$((fail + f))
[ "$p" -eq 15 ] || { [ "$f" -gt 0 ] || fail=$((fail + 1)); echo "FAILED: $p of 15 checks (14 token fetches, the proxy's count) ran"; }
echo "cmake package: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
