#!/bin/sh
# mbedtls_devbuild.sh SRC CONFIG OUT — build mbedTLS 3.6 from the source
# tree SRC (scripts/mbedtls36_fetch.sh DIR gives DIR/src/mbedtls-3.6.*)
# with the configuration header CONFIG (port/mbedtls/wos_mbedtls_config_36.h)
# into OUT/{include,lib}: static libmbedtls, libmbedx509, libmbedcrypto.
#
# OUT/include holds the library's headers plus CONFIG; code built against
# them needs -isystem OUT/include -DMBEDTLS_CONFIG_FILE='"<CONFIG's name>"'.
# Cached: a second run with the same source and configuration prints one
# line and builds nothing. CC and CFLAGS (default -O2) are passed on.
set -eu
src=${1:?usage: mbedtls_devbuild.sh SRC CONFIG OUT}
cfg=${2:?usage: mbedtls_devbuild.sh SRC CONFIG OUT}
out=${3:?usage: mbedtls_devbuild.sh SRC CONFIG OUT}
[ -f "$src/library/ssl_tls13_client.c" ] || { echo "mbedtls-dev: $src is not an mbedTLS 3.6 source tree" >&2; exit 1; }
[ -f "$cfg" ] || { echo "mbedtls-dev: no configuration $cfg" >&2; exit 1; }
cc=${CC:-cc}
cflags=${CFLAGS:--O2}
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=$(cd "$src" && pwd)
name=$(basename "$cfg")
key=$(cat "$cfg" | cksum | cut -d' ' -f1)" $src $cc $cflags"
stamp=$out/.complete
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
    echo "mbedtls-dev: cached in $out ($name)"
    exit 0
fi
rm -rf "$out/tree" "$out/include" "$out/lib" "$stamp"
# A private copy of the parts the library build reads: objects land next
# to their sources, and the fetched tree stays clean for other builds.
mkdir -p "$out/tree"
# (-p: the generated sources must stay newer than the scripts that make
# them, which the library Makefile names as prerequisites.)
cp -Rp "$src/include" "$src/library" "$src/3rdparty" "$src/scripts" "$out/tree/"
mkdir -p "$out/tree/framework" && cp -Rp "$src/framework/scripts" "$out/tree/framework/"
cp "$cfg" "$out/tree/include/$name"
echo "mbedtls-dev: building $(basename "$src") with $name into $out"
if ! make -C "$out/tree/library" -j2 CC="$cc" \
        CFLAGS="$cflags -DMBEDTLS_CONFIG_FILE='\"$name\"'" \
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
