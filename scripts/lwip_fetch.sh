#!/bin/sh
# SPDX-License-Identifier: MIT
# lwip_fetch.sh DIR — the source of the system's Debian lwip package, under DIR.
#
#   DIR/src/lwip-*/    the source of the lwip source package of this system's
#                      suite (orig tarball + Debian's patches, which add the
#                      unix port with tapif), for a build with our own
#                      lwipopts.h (tests/lwip/dns/: LWIP_DNS on)
#
# The archive is the one this machine's apt already uses (read from the
# system's apt sources), reached through a private apt configuration under
# DIR/apt: its own sources list, lists and cache directories. The system's
# sources, lists and installed packages are never touched. Cached: a second
# run with everything in place prints one line and fetches nothing.
set -eu
dir=${1:?usage: lwip_fetch.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
stamp=$dir/.complete
if [ -f "$stamp" ]; then
    echo "lwip-src: cached in $dir ($(cat "$stamp"))"
    exit 0
fi

# shellcheck source=scripts/private_apt.sh
. "$(dirname "$0")/private_apt.sh"
papt_init lwip-src "$dir"
apt=$PAPT_DIR
# The lwip of this system's own suite (the one liblwip-dev comes from).
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
suite=${suite:-$PAPT_SUITE}
papt_sources "deb-src [signed-by=$PAPT_KEYRING] $PAPT_URI $suite main"

echo "lwip-src: fetching the lwip source package from $suite (private apt config in $apt)"
papt apt-get update
dl=$apt/download
rm -rf "$dl" && mkdir -p "$dl"
(cd "$dl" && papt apt-get source --download-only lwip)

rm -rf "$dir/src"
mkdir -p "$dir/src"
# The orig tarball unpacks to lwip-<version>/ (no dpkg-source needed).
orig=$(ls "$dl"/lwip_*.orig.tar.* | head -n 1)
tar -xf "$orig" -C "$dir/src"
src=$(ls -d "$dir"/src/*/ | head -n 1)
# Debian's patches (in series order) add the unix port: port/sys_arch.c,
# port/netif/tapif.c and port/include/ (Debian's lwipopts.h among them).
mkdir -p "$dir/x"
tar -xf "$dl"/lwip_*.debian.tar.* -C "$dir/x"
for p in $(cat "$dir/x/debian/patches/series"); do
    patch -s -p1 -d "$src" <"$dir/x/debian/patches/$p"
done
rm -rf "$dir/x"
[ -f "$src/src/core/dns.c" ] && [ -f "$src/port/netif/tapif.c" ] && [ -f "$src/port/include/lwipopts.h" ] || {
    echo "lwip-src: unpacked files missing (src/core/dns.c, port/netif/tapif.c, port/include/lwipopts.h)" >&2
    exit 1; }
basename "$orig" >"$stamp"
echo "lwip-src: $(cat "$stamp") unpacked in $src"
