#!/bin/sh
# SPDX-License-Identifier: MIT
# add_spdx.sh [ROOT]  adds "SPDX-License-Identifier: MIT" to every file that
# scripts/spdx_files.sh lists and that lacks one in its first 5 lines: as
# line 1 in the file's comment syntax, or line 2 after a "#!" line. Safe to
# rerun: a file that has the line is never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-.}
added=0
for f in $("$here/spdx_files.sh" "$root"); do
    p="$root/$f"
    head -n 5 "$p" | grep -q 'SPDX-License-Identifier:' && continue
    case "$f" in
        *.c|*.h) line='/* SPDX-License-Identifier: MIT */' ;;
        *) line='# SPDX-License-Identifier: MIT' ;;
    esac
    tmp="$p.spdx.$$"
    if head -n 1 "$p" | grep -q '^#!'; then
        { head -n 1 "$p"; printf '%s\n' "$line"; tail -n +2 "$p"; } >"$tmp"
    else
        { printf '%s\n' "$line"; cat "$p"; } >"$tmp"
    fi
    chmod "$(stat -c %a "$p")" "$tmp"
    mv "$tmp" "$p"
    echo "add_spdx: $f"
    added=$((added + 1))
done
echo "add_spdx: $added file(s) changed"
