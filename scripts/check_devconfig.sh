#!/bin/sh
# SPDX-License-Identifier: MIT
# The -D flags carry literal quotes on purpose (the macro's value is a
# quoted file name) and are split into words where used:
# shellcheck disable=SC2089,SC2090
# check_devconfig.sh OUT TP_DIR CORE_LIB [MBEDTLS4_SRC]
# Compile-checks the device configurations of port/mbedtls/ (make
# tls-devconfig-check; see the Makefile):
# - 3.6: fetches trixie's source into TP_DIR/mbedtls-3.6 (cached), builds
#   it with wos_mbedtls_config_36.h into TP_DIR/mbedtls-3.6-dev (cached),
#   compiles the port with gcc and clang (-Werror) against it and links the
#   token_fetch example with CORE_LIB: the port and the configuration agree.
# - 4.0: with wos_mbedtls_config_40.h + wos_crypto_config_40.h and the 4.x
#   tree MBEDTLS4_SRC (default TP_DIR/mbedtls-4/src/mbedtls-4.0.0, unpacked
#   by the 4.0 lane), compiles the two files in which Mbed TLS and
#   TF-PSA-Crypto check a configuration (library/mbedtls_config.c,
#   core/tf_psa_crypto_config.c), then the port with gcc. Without a 4.x
#   source: one line saying it was skipped.
# Last line: "tls-devconfig: N passed, M failed"; exit 1 on any failure.
set -u
out=${1:?usage: check_devconfig.sh OUT TP_DIR CORE_LIB [MBEDTLS4_SRC]}
tp=$2 core=$3
src4=${4:-$tp/mbedtls-4/src/mbedtls-4.0.0}
warn="-std=c99 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Werror"
incs="-Iinclude -Iport/posix -Iport/mbedtls -Iport/proxy"
pass=0 fail=0
mkdir -p "$out"
ok() { pass=$((pass + 1)); echo "  ok: $1"; }
bad() { fail=$((fail + 1)); echo "  FAILED: $1"; }

# Compiles the port into $out/$1 with compiler $2 and flags $3; 0 when all build.
build_port() {
    mkdir -p "$out/$1"
    for f in port/mbedtls/*.c port/posix/*.c port/proxy/*.c; do
        # shellcheck disable=SC2086
        "$2" $warn -O2 $incs $3 -isystem "$stage" -c "$f" -o "$out/$1/$(basename "$f" .c).o" \
            >>"$out/$1.log" 2>&1 || return 1
    done
}

stage=$(dirname "$core")/stage
dev=$tp/mbedtls-3.6-dev
if scripts/mbedtls36_fetch.sh "$tp/mbedtls-3.6" >"$out/fetch.log" 2>&1 &&
   scripts/mbedtls_devbuild.sh "$(find "$tp/mbedtls-3.6/src" -maxdepth 1 -name 'mbedtls-3.6.*' | head -n 1)" \
       port/mbedtls/wos_mbedtls_config_36.h "$dev" >"$out/devbuild.log" 2>&1; then
    ok "mbedTLS 3.6 builds with wos_mbedtls_config_36.h"
    flags="-isystem $dev/include -DMBEDTLS_CONFIG_FILE=\"wos_mbedtls_config_36.h\""
    for cc in gcc clang; do
        rm -f "$out/port36-$cc.log"
        if build_port "port36-$cc" "$cc" "$flags"; then
            ok "port builds against it with $cc"
        else
            bad "port against 3.6 device config with $cc"; tail -n 20 "$out/port36-$cc.log"
        fi
    done
    # shellcheck disable=SC2086
    if gcc $warn -O2 $incs $flags -isystem "$stage" examples/token_fetch.c "$out"/port36-gcc/*.o "$core" \
           "$dev/lib/libmbedtls.a" "$dev/lib/libmbedx509.a" "$dev/lib/libmbedcrypto.a" \
           -o "$out/token_fetch-dev36" >"$out/link36.log" 2>&1; then
        ok "token_fetch links against it"
    else
        bad "token_fetch against 3.6 device config"; tail -n 20 "$out/link36.log"
    fi
else
    bad "mbedTLS 3.6 with wos_mbedtls_config_36.h"; cat "$out/fetch.log" "$out/devbuild.log" | tail -n 20
fi

if [ -f "$src4/tf-psa-crypto/include/psa/crypto.h" ]; then
    flags="-isystem $src4/include -isystem $src4/tf-psa-crypto/include"
    flags="$flags -isystem $src4/tf-psa-crypto/drivers/builtin/include"
    flags="$flags -isystem $src4/tf-psa-crypto/drivers/everest/include"
    flags="$flags -DMBEDTLS_CONFIG_FILE=\"wos_mbedtls_config_40.h\""
    flags="$flags -DTF_PSA_CRYPTO_CONFIG_FILE=\"wos_crypto_config_40.h\""
    for f in library/mbedtls_config.c tf-psa-crypto/core/tf_psa_crypto_config.c; do
        # shellcheck disable=SC2086
        if gcc -std=c99 $flags -Iport/mbedtls -I"$src4/library" -I"$src4/tf-psa-crypto/core" \
               -I"$src4/tf-psa-crypto/drivers/builtin/src" -c "$src4/$f" -o "$out/$(basename "$f" .c).o" \
               >"$out/check40.log" 2>&1; then
            ok "4.0 configuration passes $(basename "$f")'s checks"
        else
            bad "4.0 configuration in $(basename "$f")"; grep -m 5 error "$out/check40.log"
        fi
    done
    rm -f "$out/port40-gcc.log"
    if build_port port40-gcc gcc "$flags"; then
        ok "port builds against the 4.0 headers with wos_mbedtls_config_40.h + wos_crypto_config_40.h"
    else
        bad "port against the 4.0 device config"; tail -n 20 "$out/port40-gcc.log"
    fi
else
    echo "  4.0 device configuration: skipped (no Mbed TLS 4.x source at $src4)"
fi
echo "tls-devconfig: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
