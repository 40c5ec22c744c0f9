#!/bin/sh
# SPDX-License-Identifier: MIT
# cross_sysroot.sh ARCH DIR — the foreign-architecture libraries a cross
# lane links against, unpacked under DIR (ARCH: a Debian architecture such
# as armhf or s390x).
#
#   DIR/usr/include                   cmocka and mbedTLS headers
#   DIR/usr/lib/<triplet>/            libcmocka.so* and mbedTLS static libraries
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
[ -f "$stamp" ] && exit 0

# The system's first Debian archive and suite (deb822 or one-line sources).
srcs=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
uri=$(printf '%s\n' "$srcs" | sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' | grep -v -- '-security' | head -n 1 || true)
suite=$(printf '%s\n' "$srcs" | sed -n 's/^Suites:[[:space:]]*\([^[:space:]]*\).*/\1/p' | head -n 1 || true)
if [ -z "$uri" ]; then
    line=$(sed -n 's/^deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}//p' /etc/apt/sources.list 2>/dev/null |
           grep -v -- '-security' | head -n 1 || true)
    uri=$(echo "$line" | awk '{print $1}') suite=$(echo "$line" | awk '{print $2}')
fi
if [ -z "$uri" ] || [ -z "$suite" ]; then
    echo "cross-$arch: no Debian archive in the system's apt sources" >&2
    exit 1
fi
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || { echo "cross-$arch: $keyring missing (package debian-archive-keyring)" >&2; exit 1; }

apt=$dir/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/etc/parts" "$apt/etc/prefs"
: >"$apt/status"
echo "deb [signed-by=$keyring arch=$arch] $uri $suite main" >"$apt/etc/sources.list"
set -- -o "Dir::Etc::SourceList=$apt/etc/sources.list" -o "Dir::Etc::SourceParts=$apt/etc/parts" \
       -o "Dir::Etc::Preferences=$apt/etc/prefs/none" -o "Dir::Etc::PreferencesParts=$apt/etc/prefs" \
       -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "Dir::State::status=$apt/status" \
       -o "APT::Architecture=$arch" -o "APT::Architectures::=$arch" \
       -o "Acquire::Languages=none" -o "APT::Sandbox::User=root" -q=2

echo "cross-$arch: fetching libcmocka-dev, libcmocka0, libmbedtls-dev for $arch from $suite (private apt config in $apt)"
apt-get "$@" update
dl=$apt/download
rm -rf "$dl" && mkdir -p "$dl"
(cd "$dl" && apt-get "$@" download "libcmocka-dev:$arch" "libcmocka0:$arch" "libmbedtls-dev:$arch")
for deb in "$dl"/*.deb; do
    dpkg-deb -x "$deb" "$dir"
done
lib=$(find "$dir/usr/lib" -maxdepth 1 -name '*-linux-gnu*' | head -n 1)
if [ ! -f "$lib/libmbedtls.a" ] || [ ! -e "$lib/libcmocka.so.0" ] || [ ! -f "$dir/usr/include/cmocka.h" ]; then
    echo "cross-$arch: unpacked files missing" >&2
    exit 1
fi
date -u +%FT%TZ >"$stamp"
echo "cross-$arch: sysroot in $dir"
