#!/bin/sh
# SPDX-License-Identifier: MIT
# tls_bench.sh OUT TP_DIR STAGE N [MBEDTLS4_SRC] — the TLS part of `make bench`.
# Builds tests/bench/bench_tls.c with the port and the core against each
# mbedTLS below, bench_curl.c against libcurl, then runs
# run_tls_bench.sh (nginx on 127.0.0.1). Run from the repository root.
#
#   2.28             Debian's libmbedtls-dev (the system's), defaults
#   3.6 Debian       trixie's libmbedtls-dev (TP_DIR/mbedtls-3.6), defaults
#   3.6 device       wos_mbedtls_config_36.h
#   3.6 device, p256-m  the same with p256-m for P-256 (bench_user_config_p256m.h)
#   4.0              Mbed TLS 4.x built by the 4.0 lane's script, defaults
#   4.0 device       wos_mbedtls_config_40.h + wos_crypto_config_40.h
#
# Library builds are cached under TP_DIR and OUT. 4.0 is skipped with a
# line when there is no 4.x source; a variant the port does not build
# against is skipped with the compiler's first error.
set -eu
out=${1:?usage: tls_bench.sh OUT TP_DIR STAGE N [MBEDTLS4_SRC]}
tp=$2 stage=$3 n=$4 src4=${5:-}
mkdir -p "$out"
warn="-std=c99 -Wall -Wextra -Wpedantic -Wshadow -Werror"
srcs="tests/bench/bench_tls.c $(ls src/*.c port/posix/*.c port/mbedtls/*.c)"
incs="-Iinclude -Iport/posix -Iport/mbedtls -Itests/port -Itests/bench -isystem $stage"
dev36=$out/mbedtls-3.6-dev dev36p=$out/mbedtls-3.6-dev-p256m dev40=$out/mbedtls-4.0-dev
pairs=""

# variant LABEL FLAGS LIBS: builds bench_tls-<label> and queues it.
variant() {
    bin=$out/bench_tls-$(echo "$1" | tr ' ,' '__')
    # shellcheck disable=SC2086
    if gcc $warn -O2 $incs $2 $srcs -o "$bin" $3 -lpthread >"$bin.log" 2>&1; then
        pairs="$pairs|$1=$bin"
    else
        echo "tls bench: $1 skipped: bench_tls (the port) does not build against it:" \
             "$(grep -m 1 'error' "$bin.log" || tail -n 1 "$bin.log")"
    fi
}
libs_of() { echo "$1/lib/libmbedtls.a $1/lib/libmbedx509.a $1/lib/libmbedcrypto.a"; }
wrap="tests/port/support_heap.c -Wl,--wrap=calloc,--wrap=free"

variant "2.28" "" "$wrap -Wl,-Bstatic -lmbedtls -lmbedx509 -lmbedcrypto -Wl,-Bdynamic"

scripts/mbedtls36_fetch.sh "$tp/mbedtls-3.6"
src36=$(find "$tp/mbedtls-3.6/src" -maxdepth 1 -name 'mbedtls-3.6.*' | head -n 1)
variant "3.6 Debian" "-isystem $tp/mbedtls-3.6/prefix/include" "$wrap $(libs_of "$tp/mbedtls-3.6/prefix")"
scripts/mbedtls_devbuild.sh "$src36" port/mbedtls/wos_mbedtls_config_36.h "$dev36" \
    tests/bench/bench_mbedtls_user_config.h
variant "3.6 device" "-isystem $dev36/include -DMBEDTLS_CONFIG_FILE=\"wos_mbedtls_config_36.h\"
    -DMBEDTLS_USER_CONFIG_FILE=\"bench_mbedtls_user_config.h\"" "$(libs_of "$dev36")"
scripts/mbedtls_devbuild.sh "$src36" port/mbedtls/wos_mbedtls_config_36.h "$dev36p" \
    tests/bench/bench_user_config_p256m.h
variant "3.6 device, p256-m" "-isystem $dev36p/include -DMBEDTLS_CONFIG_FILE=\"wos_mbedtls_config_36.h\"
    -DMBEDTLS_USER_CONFIG_FILE=\"bench_user_config_p256m.h\"" "$(libs_of "$dev36p")"

rc=0
scripts/mbedtls4_build.sh "$tp/mbedtls-4" ${src4:+"$src4"} || rc=$?
if [ $rc -eq 3 ]; then
    echo "tls bench: 4.0 skipped (no Mbed TLS 4.x source: ../shared/third_party is absent; give MBEDTLS4_SRC=DIR)"
elif [ $rc -ne 0 ]; then
    exit $rc
else
    variant "4.0" "-isystem $tp/mbedtls-4/prefix/include" "$wrap $(libs_of "$tp/mbedtls-4/prefix")"
    src4=${src4:-$tp/mbedtls-4/src/mbedtls-4.0.0}
    CRYPTO_CONFIG=port/mbedtls/wos_crypto_config_40.h scripts/mbedtls_devbuild.sh "$src4" \
        port/mbedtls/wos_mbedtls_config_40.h "$dev40" tests/bench/bench_mbedtls_user_config.h
    variant "4.0 device" "-isystem $dev40/include -DMBEDTLS_CONFIG_FILE=\"wos_mbedtls_config_40.h\"
        -DTF_PSA_CRYPTO_CONFIG_FILE=\"wos_crypto_config_40.h\"
        -DTF_PSA_CRYPTO_USER_CONFIG_FILE=\"bench_mbedtls_user_config.h\"" "$(libs_of "$dev40")"
fi

# shellcheck disable=SC2086
gcc $warn -O2 tests/bench/bench_curl.c -o "$out/bench_curl" -lcurl
tests/certs/make_certs.sh "$out/certs"
IFS='|'
# shellcheck disable=SC2086
tests/bench/run_tls_bench.sh "$out" "$out/certs" "$n" "$out/bench_curl" ${pairs#|}
