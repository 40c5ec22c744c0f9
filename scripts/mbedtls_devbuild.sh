#!/bin/sh
# SPDX-License-Identifier: MIT
# mbedtls_devbuild.sh SRC CONFIG OUT [USER_CONFIG] — build mbedTLS from the
# source tree SRC with the configuration header CONFIG into OUT/{include,lib}
# (static libmbedtls, libmbedx509, libmbedcrypto).
#
# - 3.6: SRC from scripts/mbedtls36_fetch.sh DIR (DIR/src/mbedtls-3.6.*),
#   CONFIG port/mbedtls/wos_mbedtls_config_36.h; built with its Makefile.
#   Code built against it needs -isystem OUT/include
#   -DMBEDTLS_CONFIG_FILE='"<CONFIG's name>"' and, with USER_CONFIG
#   (additions read after CONFIG, such as the bench's MBEDTLS_MEMORY_DEBUG),
#   -DMBEDTLS_USER_CONFIG_FILE='"<its name>"'.
# - 4.x (SRC has tf-psa-crypto/): CONFIG is the TLS half
#   (wos_mbedtls_config_40.h), CRYPTO_CONFIG in the environment names the
#   crypto half (wos_crypto_config_40.h); USER_CONFIG is added to the
#   crypto half (TF_PSA_CRYPTO_USER_CONFIG_FILE). Built with CMake. Code
#   built against it also needs -DTF_PSA_CRYPTO_CONFIG_FILE='"<its name>"'.
#
# The configuration headers are copied into OUT/include. Cached: a second
# run with the same source and headers prints one line and builds
# nothing. CC and CFLAGS (default -O2) are passed on (3.6).
set -eu
src=${1:?usage: mbedtls_devbuild.sh SRC CONFIG OUT}
cfg=${2:?usage: mbedtls_devbuild.sh SRC CONFIG OUT}
out=${3:?usage: mbedtls_devbuild.sh SRC CONFIG OUT}
user=${4:-}
crypto=${CRYPTO_CONFIG:-}
[ -f "$src/library/ssl_tls13_client.c" ] || { echo "mbedtls-dev: $src is not an mbedTLS 3.6/4.x source tree" >&2; exit 1; }
[ -f "$cfg" ] || { echo "mbedtls-dev: no configuration $cfg" >&2; exit 1; }
if [ -d "$src/tf-psa-crypto" ] && [ ! -f "$crypto" ]; then
    echo "mbedtls-dev: a 4.x tree needs CRYPTO_CONFIG=<crypto configuration header>" >&2; exit 1
fi
cc=${CC:-cc}
cflags=${CFLAGS:--O2}
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=$(cd "$src" && pwd)
name=$(basename "$cfg")
defs="-DMBEDTLS_CONFIG_FILE='\"$name\"'"
if [ -n "$user" ]; then
    defs="$defs -DMBEDTLS_USER_CONFIG_FILE='\"$(basename "$user")\"'"
fi
key=$(cat "$cfg" ${crypto:+"$crypto"} ${user:+"$user"} | cksum | cut -d' ' -f1)" $(basename "$src") $cc $cflags $(basename "${user:-none}")"
stamp=$out/.complete
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
    echo "mbedtls-dev: cached in $out ($name)"
    exit 0
fi
rm -rf "${out:?}/tree" "${out:?}/include" "${out:?}/lib" "${out:?}/cmake" "$stamp"
if [ -d "$src/tf-psa-crypto" ]; then
    abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
    echo "mbedtls-dev: building $(basename "$src") with $name and $(basename "$crypto") into $out"
    if ! { cmake -S "$src" -B "$out/cmake" -DENABLE_TESTING=OFF -DENABLE_PROGRAMS=OFF -DGEN_FILES=OFF \
               -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$out" -DCMAKE_C_COMPILER="$cc" \
               -DMBEDTLS_CONFIG_FILE="$(abs "$cfg")" -DTF_PSA_CRYPTO_CONFIG_FILE="$(abs "$crypto")" \
               ${user:+-DTF_PSA_CRYPTO_USER_CONFIG_FILE="$(abs "$user")"} &&
           cmake --build "$out/cmake" -j2 && cmake --install "$out/cmake"; } >"$out/build.log" 2>&1; then
        tail -n 30 "$out/build.log" >&2
        echo "mbedtls-dev: build failed (log: $out/build.log)" >&2
        exit 1
    fi
    rm -f "$out"/lib/*.so "$out"/lib/*.so.*
    cp "$cfg" "$crypto" ${user:+"$user"} "$out/include/"
    # ecdh.h includes Everest's header when the configuration enables it.
    cp -R "$src/tf-psa-crypto/drivers/everest/include/tf-psa-crypto" "$out/include/"
    echo "$key" >"$stamp"
    echo "mbedtls-dev: built in $out"
    exit 0
fi
# A private copy of the parts the library build reads: objects land next
# to their sources, and the fetched tree stays clean for other builds.
mkdir -p "$out/tree"
# (-p: the generated sources must stay newer than the scripts that make
# them, which the library Makefile names as prerequisites.)
cp -Rp "$src/include" "$src/library" "$src/3rdparty" "$src/scripts" "$out/tree/"
mkdir -p "$out/tree/framework" && cp -Rp "$src/framework/scripts" "$out/tree/framework/"
cp "$cfg" ${user:+"$user"} "$out/tree/include/"
echo "mbedtls-dev: building $(basename "$src") with $name into $out"
if ! make -C "$out/tree/library" -j2 CC="$cc" \
        CFLAGS="$cflags $defs" \
        libmbedcrypto.a libmbedx509.a libmbedtls.a >"$out/build.log" 2>&1; then
    tail -n 30 "$out/build.log" >&2
    echo "mbedtls-dev: build failed (log: $out/build.log)" >&2
    exit 1
fi
mkdir -p "$out/lib"
cp "$out/tree/library/libmbedcrypto.a" "$out/tree/library/libmbedx509.a" \
   "$out/tree/library/libmbedtls.a" "$out/lib/"
cp -R "$out/tree/include" "$out/include"
# ecdh.h includes Everest's header when the configuration enables it.
cp -R "$out/tree/3rdparty/everest/include/everest" "$out/include/"
echo "$key" >"$stamp"
echo "mbedtls-dev: built in $out"
