#!/bin/sh
# SPDX-License-Identifier: MIT
# check_symbols.sh NM OBJ...
#
# The core must link on a bare Cortex-M with nothing but a few string
# routines and the integer runtime helpers. This collects every symbol the
# objects leave undefined, drops the ones they define among themselves, and
# fails on anything not in ALLOWED below, naming the symbol and the object
# that needs it.
#
# Exit status: 0 all allowed (one OK line), 1 forbidden symbols found,
# 2 bad usage, missing nm or unreadable object.
set -u
set -f  # the allowed list holds patterns: no pathname expansion anywhere

# The one list of symbols the core may take from outside. Shell patterns.
#   memcpy memmove memset memcmp strlen  the string routines every libc has
#   __aeabi_[u]ldivmod __aeabi_[u]idiv[mod]  integer division (Arm EABI)
#   __aeabi_lmul __aeabi_llsl __aeabi_llsr __aeabi_lasr  64-bit mul/shifts
#   __aeabi_mem{cpy,set,clr,move}*  what GCC emits for struct copies/clears
ALLOWED="memcpy memmove memset memcmp strlen
__aeabi_uldivmod __aeabi_ldivmod __aeabi_uidiv __aeabi_uidivmod
__aeabi_idiv __aeabi_idivmod
__aeabi_lmul __aeabi_llsl __aeabi_llsr __aeabi_lasr
__aeabi_memcpy* __aeabi_memset* __aeabi_memclr* __aeabi_memmove*"

FORBIDDEN_CLASSES="heap (malloc/calloc/realloc/free), the printf family, \
sscanf, strto*/atoi, time(), floating-point helpers (__aeabi_d*, \
__aeabi_f*, __adddf3 etc.)"

me=check_symbols.sh

if [ $# -lt 2 ]; then
    echo "usage: $me NM OBJ..." >&2
    exit 2
fi
nm=$1
shift
if ! command -v "$nm" >/dev/null 2>&1; then
    echo "$me: '$nm' not found: install the Arm toolchain" \
         "(gcc-arm-none-eabi, see \`make deps\`) or set ARM_CC" >&2
    exit 2
fi

# Why a symbol is refused: its forbidden class, or the general rule.
classify() {
    case $1 in
        malloc|calloc|realloc|free|aligned_alloc|_malloc_r|_free_r|_calloc_r|_realloc_r)
            echo "heap allocation (malloc/calloc/realloc/free)" ;;
        *printf*|puts|putchar|fputs|fputc|putc|fwrite|_puts_r|_putchar_r)
            echo "printf family / stdio output" ;;
        *scanf*)
            echo "sscanf / scanf family" ;;
        strto*|atoi|atol|atoll|atof)
            echo "strto* / atoi number parsing (the core parses its own)" ;;
        time|_time|gmtime*|localtime*|mktime|clock|gettimeofday|_gettimeofday)
            echo "time() / C library clock" ;;
        __aeabi_d*|__aeabi_f*|__aeabi_*2d|__aeabi_*2f|__aeabi_cd*|__aeabi_cf*)
            echo "floating point (software float helper)" ;;
        __*df[0-9]|__*sf[0-9]|__*tf[0-9]|__float*|__fix*|__unord*)
            echo "floating point (software float helper)" ;;
        *)
            echo "not in the allowed list" ;;
    esac
}

is_allowed() {
    for pat in $ALLOWED; do
        # shellcheck disable=SC2254  # $pat is a pattern on purpose
        case $1 in $pat) return 0 ;; esac
    done
    return 1
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/symcheck.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/defined"
: >"$tmp/needed"

# nm -P: "NAME TYPE [VALUE SIZE]"; one object at a time so that every
# undefined symbol stays paired with the object that needs it.
for obj in "$@"; do
    if ! "$nm" -P -g "$obj" >"$tmp/nm" 2>"$tmp/err"; then
        echo "$me: $nm failed on $obj: $(cat "$tmp/err")" >&2
        exit 2
    fi
    awk '$2 != "U" && $2 != "w" && $2 != "v" { print $1 }' "$tmp/nm" >>"$tmp/defined"
    awk -v o="$obj" '$2 == "U" || $2 == "w" || $2 == "v" { print $1, o }' \
        "$tmp/nm" >>"$tmp/needed"
done

bad=0
used=""
while read -r sym obj; do
    if grep -Fqx -- "$sym" "$tmp/defined"; then
        continue
    fi
    if is_allowed "$sym"; then
        case " $used " in *" $sym "*) ;; *) used="$used $sym" ;; esac
        continue
    fi
    echo "symcheck: FORBIDDEN: $obj needs '$sym': $(classify "$sym")" >&2
    bad=$((bad + 1))
done <"$tmp/needed"

# Word splitting of $ALLOWED and $used below is wanted (set -f is on).
# shellcheck disable=SC2086
if [ "$bad" -gt 0 ]; then
    echo "symcheck: $bad forbidden symbol reference(s). The core may call only:" \
         $ALLOWED >&2
    echo "symcheck: forbidden in the core: $FORBIDDEN_CLASSES" >&2
    exit 1
fi
# shellcheck disable=SC2086
used=$(printf '%s\n' $used | sort | tr '\n' ' ' | sed 's/ *$//')
echo "symcheck: OK ($# objects); external symbols, all allowed: ${used:-none}"
