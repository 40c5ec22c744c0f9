#!/bin/sh
# SPDX-License-Identifier: MIT
# cross_sysroot.sh ARCH DIR — the foreign-architecture libraries a cross
# lane links against, unpacked under DIR (ARCH: a Debian architecture such
# as armhf or s390x).
#
#   DIR/usr/include                   cmocka, mbedTLS and libqrencode headers
#   DIR/usr/lib/<triplet>/            libcmocka.so*, libqrencode.so* (the tool's --qr)
#                                     and mbedTLS static libraries
#
# The packages are the ones the host uses (libcmocka-dev, libmbedtls-dev of
# the system's own Debian suite), fetched for ARCH through a private apt
# configuration under DIR/apt: the system's sources, architectures and
# installed packages are never touched (no `dpkg --add-architecture`). The
# C library comes from the arch-all libc6-dev-ARCH-cross package the cross
# compiler already depends on. Cached: a second run fetches nothing.
set -eu
arch=${1:?usage: cross_sysroot.sh ARCH DIR}
dir=${2:?usage: cross_sysroot.sh ARCH DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
stamp=$dir/.complete
# The packages unpacked here; a sysroot made for another list is made again.
pkgs="libcmocka-dev libcmocka0 libmbedtls-dev libqrencode-dev libqrencode4"
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$pkgs" ] && exit 0

# shellcheck source=scripts/private_apt.sh
. "$(dirname "$0")/private_apt.sh"
papt_init "cross-$arch" "$dir"
apt=$PAPT_DIR suite=$PAPT_SUITE
PAPT_ARCH=$arch
papt_sources "deb [signed-by=$PAPT_KEYRING arch=$arch] $PAPT_URI $suite main"

echo "cross-$arch: fetching $pkgs for $arch from $suite (private apt config in $apt)"
papt apt-get update
dl=$apt/download
rm -rf "$dl" && mkdir -p "$dl"
# shellcheck disable=SC2046
(cd "$dl" && papt apt-get download $(for p in $pkgs; do echo "$p:$arch"; done))
for deb in "$dl"/*.deb; do
    dpkg-deb -x "$deb" "$dir"
done
lib=$(find "$dir/usr/lib" -maxdepth 1 -name '*-linux-gnu*' | head -n 1)
if [ ! -f "$lib/libmbedtls.a" ] || [ ! -e "$lib/libcmocka.so.0" ] || [ ! -f "$dir/usr/include/cmocka.h" ] ||
   [ ! -e "$lib/libqrencode.so.4" ] || [ ! -f "$dir/usr/include/qrencode.h" ]; then
    echo "cross-$arch: unpacked files missing" >&2
    exit 1
fi
echo "$pkgs" >"$stamp"
echo "cross-$arch: sysroot in $dir"
