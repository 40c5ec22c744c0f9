#!/bin/sh
# SPDX-License-Identifier: MIT
# mbedtls4_build.sh DIR [SRC] — build and install Mbed TLS 4.x (with
# TF-PSA-Crypto) into DIR/prefix, offline.
#
# SRC is a 4.x source tree (make's MBEDTLS4_SRC); without it the upstream
# release tarball in ../shared/third_party/ is unpacked under DIR. Neither
# present (a user's clone has no ../shared): prints why and exits 3, which
# the caller reports as a skipped lane. Cached: a second run with the same
# source prints one line and builds nothing.
set -eu
dir=${1:?usage: mbedtls4_build.sh DIR [SRC]}
src=${2:-}
tarball=$(cd "$(dirname "$0")/.." && pwd)/../shared/third_party/mbedtls-4.0.0-full.tar.xz
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [ -n "$src" ]; then
    [ -f "$src/CMakeLists.txt" ] && [ -d "$src/tf-psa-crypto" ] || {
        echo "mbedtls-4: $src is not a Mbed TLS 4.x source tree (no tf-psa-crypto/)" >&2; exit 1; }
    src=$(cd "$src" && pwd)
    origin="$src"
elif [ -f "$tarball" ]; then
    origin="$tarball"
else
    echo "mbedtls-4: no Mbed TLS 4.x source (../shared/third_party/ is absent; give MBEDTLS4_SRC=DIR)"
    exit 3
fi
stamp=$dir/.complete
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$origin" ]; then
    echo "mbedtls-4: cached in $dir/prefix (from $origin)"
    exit 0
fi
rm -rf "$dir/prefix" "$dir/build" "$stamp"
if [ -z "$src" ]; then
    rm -rf "$dir/src" && mkdir -p "$dir/src"
    tar -xJf "$tarball" -C "$dir/src"
    src=$dir/src/mbedtls-4.0.0
fi
echo "mbedtls-4: building $src into $dir/prefix"
cmake -S "$src" -B "$dir/build" -DENABLE_TESTING=OFF -DENABLE_PROGRAMS=OFF -DGEN_FILES=OFF \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$dir/prefix" >"$dir/build.log" 2>&1 &&
cmake --build "$dir/build" -j2 >>"$dir/build.log" 2>&1 &&
cmake --install "$dir/build" >>"$dir/build.log" 2>&1 || {
    tail -n 30 "$dir/build.log" >&2; echo "mbedtls-4: build failed (log: $dir/build.log)" >&2; exit 1; }
rm -f "$dir"/prefix/lib/*.so "$dir"/prefix/lib/*.so.*
echo "$origin" >"$stamp"
echo "mbedtls-4: installed in $dir/prefix"
