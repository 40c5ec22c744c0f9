#!/bin/sh
# SPDX-License-Identifier: MIT
# mbedtls36_fetch.sh DIR — mbedTLS 3.6 LTS from Debian's trixie suite, under DIR.
#
#   DIR/prefix/include, DIR/prefix/lib   headers and static libraries of
#                                        trixie's libmbedtls-dev (extracted)
#   DIR/src/mbedtls-3.6.*/               the upstream source of the same
#                                        version (trixie's orig tarball), for
#                                        builds with our own configuration
#
# The archive is the one this machine's apt already uses (read from the
# system's apt sources), reached through a private apt configuration under
# DIR/apt: its own sources list, lists and cache directories. The system's
# sources, lists and installed packages are never touched. Cached: a second
# run with everything in place prints one line and fetches nothing.
set -eu
dir=${1:?usage: mbedtls36_fetch.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
stamp=$dir/.complete
if [ -f "$stamp" ]; then
    echo "mbedtls-3.6: cached in $dir ($(cat "$stamp"))"
    exit 0
fi

# shellcheck source=scripts/private_apt.sh
. "$(dirname "$0")/private_apt.sh"
papt_init mbedtls-3.6 "$dir"
apt=$PAPT_DIR
papt_sources "deb [signed-by=$PAPT_KEYRING] $PAPT_URI trixie main" \
             "deb-src [signed-by=$PAPT_KEYRING] $PAPT_URI trixie main"

echo "mbedtls-3.6: fetching libmbedtls-dev and the mbedtls source from trixie (private apt config in $apt)"
papt apt-get update
version=$(papt apt-cache show libmbedtls-dev | sed -n 's/^Version: //p' | head -n 1)
case "$version" in
    3.6.*) ;;
    *) echo "mbedtls-3.6: trixie offers libmbedtls-dev '$version', not 3.6" >&2; exit 1 ;;
esac
dl=$apt/download
rm -rf "$dl" && mkdir -p "$dl"
(cd "$dl" && papt apt-get download "libmbedtls-dev=$version" && \
    papt apt-get source --download-only "mbedtls=$version")

rm -rf "$dir/prefix" "$dir/src"
mkdir -p "$dir/prefix" "$dir/src" "$dir/x"
dpkg-deb -x "$dl"/libmbedtls-dev_*.deb "$dir/x"
mv "$dir/x/usr/include" "$dir/prefix/include"
mv "$dir/x"/usr/lib/*-linux-gnu* "$dir/prefix/lib"
rm -rf "$dir/x"
# Only the static libraries: the .so links point at runtime packages we do not fetch.
rm -f "$dir"/prefix/lib/*.so
# The orig tarball unpacks to mbedtls-<version>/ (no dpkg-source needed).
orig=$(ls "$dl"/mbedtls_*.orig.tar.* | head -n 1)
tar -xf "$orig" -C "$dir/src"
src=$(ls -d "$dir"/src/mbedtls-* | head -n 1)
[ -f "$dir/prefix/lib/libmbedtls.a" ] && [ -f "$src/include/mbedtls/ssl.h" ] || {
    echo "mbedtls-3.6: unpacked files missing" >&2; exit 1; }
echo "$version" >"$stamp"
echo "mbedtls-3.6: $version in $dir/prefix, source in $src"
