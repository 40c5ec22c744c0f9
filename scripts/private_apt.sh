# SPDX-License-Identifier: MIT
# shellcheck shell=sh
# private_apt.sh — sourced (not run) by the scripts that fetch Debian
# packages into build/: mbedtls36_fetch.sh, lwip_fetch.sh, cross_sysroot.sh.
#
# They reach the Debian archive this machine's apt already uses (read from
# the system's apt sources) through a private apt configuration under a
# directory of their own: its own sources list, lists, cache and an empty
# status file. The system's sources, lists, architectures and installed
# packages are never touched.
#
#   papt_init NAME DIR   NAME prefixes messages; DIR/apt holds the private
#                        configuration. Sets PAPT_URI (the system's first
#                        Debian archive), PAPT_SUITE (its suite) and
#                        PAPT_KEYRING; exits 1 when any is missing.
#   papt_sources LINE... the private sources list, one line each
#   papt TOOL ARG...     apt-get or apt-cache with the private configuration
#                        (PAPT_ARCH, when set, as the only architecture)

papt_init() {
    PAPT_NAME=$1 PAPT_DIR=$2/apt
    # deb822 sources first, then the one-line format.
    papt_srcs=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    PAPT_URI=$(printf '%s\n' "$papt_srcs" | sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' |
               grep -v -- '-security' | head -n 1 || true)
    PAPT_SUITE=$(printf '%s\n' "$papt_srcs" | sed -n 's/^Suites:[[:space:]]*\([^[:space:]]*\).*/\1/p' |
                 head -n 1 || true)
    if [ -z "$PAPT_URI" ]; then
        papt_line=$(sed -n 's/^deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}//p' \
                    /etc/apt/sources.list 2>/dev/null | grep -v -- '-security' | head -n 1 || true)
        PAPT_URI=$(echo "$papt_line" | awk '{print $1}') PAPT_SUITE=$(echo "$papt_line" | awk '{print $2}')
    fi
    if [ -z "$PAPT_URI" ] || [ -z "$PAPT_SUITE" ]; then
        echo "$PAPT_NAME: no Debian archive in the system's apt sources" >&2
        exit 1
    fi
    PAPT_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
    [ -f "$PAPT_KEYRING" ] || {
        echo "$PAPT_NAME: $PAPT_KEYRING missing (package debian-archive-keyring)" >&2; exit 1; }
    mkdir -p "$PAPT_DIR/lists/partial" "$PAPT_DIR/cache/archives/partial" "$PAPT_DIR/etc/parts" \
             "$PAPT_DIR/etc/prefs"
    : >"$PAPT_DIR/status"
}

papt_sources() {
    printf '%s\n' "$@" >"$PAPT_DIR/etc/sources.list"
}

papt() {
    papt_tool=$1
    shift
    if [ -n "${PAPT_ARCH:-}" ]; then
        set -- -o "APT::Architecture=$PAPT_ARCH" -o "APT::Architectures::=$PAPT_ARCH" "$@"
    fi
    "$papt_tool" -o "Dir::Etc::SourceList=$PAPT_DIR/etc/sources.list" \
        -o "Dir::Etc::SourceParts=$PAPT_DIR/etc/parts" \
        -o "Dir::Etc::Preferences=$PAPT_DIR/etc/prefs/none" \
        -o "Dir::Etc::PreferencesParts=$PAPT_DIR/etc/prefs" \
        -o "Dir::State::Lists=$PAPT_DIR/lists" -o "Dir::Cache=$PAPT_DIR/cache" \
        -o "Dir::State::status=$PAPT_DIR/status" \
        -o "Acquire::Languages=none" -o "APT::Sandbox::User=root" -q=2 "$@"
}
