#!/bin/sh
# SPDX-License-Identifier: MIT
# Check the Debian packages the build and tests need; install the missing
# ones when root, otherwise print the command. Silent when all are present.
set -eu
PKGS="libmbedtls-dev libjsmn-dev libcmocka-dev libqrencode-dev python3 openssl clang gcc-arm-none-eabi libnewlib-arm-none-eabi"
# `make size` links for Cortex-M (newlib-nano) and RV32IMC (picolibc).
PKGS="$PKGS gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf"
# The mbedTLS lanes: cmake builds 4.x; the 3.6 fetch needs the archive keyring.
PKGS="$PKGS cmake debian-archive-keyring"
# libFuzzer for `make fuzz`/`make fuzz-smoke`; callgrind for `make bench`.
PKGS="$PKGS libclang-rt-14-dev valgrind"
# Cross-architecture lanes (`make cross`): cross compilers, their arch-all C
# libraries, qemu-user; the keyring lets scripts/cross_sysroot.sh fetch
# cmocka and mbedTLS for those architectures.
PKGS="$PKGS gcc-arm-linux-gnueabihf libc6-dev-armhf-cross gcc-s390x-linux-gnu libc6-dev-s390x-cross"
PKGS="$PKGS qemu-user"
# Cortex-M4 test images (`make qemu-m4`, part of `make test`).
PKGS="$PKGS picolibc-arm-none-eabi qemu-system-arm"
# port/lwip test (`make lwip`, part of `make test`): lwIP 2.1.3 with its
# unix TAP interface; ip and unshare make the private network namespace.
PKGS="$PKGS liblwip-dev iproute2 util-linux"
# Its DNS lane builds lwIP from Debian's lwip source (scripts/lwip_fetch.sh):
# the keyring, patch for Debian's port patches, xz-utils for the tarballs.
PKGS="$PKGS debian-archive-keyring patch xz-utils"
# zbarimg reads back the QR code `wos-pipes authorize --qr` draws (CLI e2e).
PKGS="$PKGS zbar-tools"
# Branch coverage of src/ (`make coverage`, part of `make test`).
PKGS="$PKGS gcovr"
# unshare and mount: the CLI test with a DNS server that never answers.
PKGS="$PKGS util-linux mount"
# pkg-config file and API documentation (make test).
PKGS="$PKGS pkgconf doxygen"
# --bench: also the TLS bench's server and reference client (not for tests:
# installing nginx starts its service).
if [ "${1:-}" = "--bench" ]; then
    PKGS="$PKGS nginx libcurl4-openssl-dev"
fi

missing=""
for p in $PKGS; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$st" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "deps: missing Debian packages:$missing" >&2
    echo "deps: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "deps: installing missing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: installed:$missing"
