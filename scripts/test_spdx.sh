#!/bin/sh
# SPDX-License-Identifier: MIT
# test_spdx.sh WORKDIR  the checks of spdx_check.sh and add_spdx.sh on a
# scratch tree: the check must fail on a file without the line, add_spdx.sh
# must fix it in the file's comment syntax (after a "#!" line), a rerun must
# change nothing, and the check must then pass. Last line: "spdx
# self-test: N passed, M failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
w=$1
rm -rf "$w" && mkdir -p "$w/src" "$w/scripts"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $1"; }
ko() { fail=$((fail + 1)); echo "FAILED: $1"; }

printf 'int x;\n' >"$w/src/a.c"
printf '#!/bin/sh\necho hi\n' >"$w/scripts/b.sh"
printf '/* SPDX-License-Identifier: MIT */\nint y;\n' >"$w/src/c.h"
printf 'not a source\n' >"$w/notes.txt"

if "$here/spdx_check.sh" "$w" >"$w/check1.log" 2>&1; then ko "check passes on unlicensed files"
else ok "check fails on unlicensed files"; fi
grep -q 'src/a.c' "$w/check1.log" && grep -q 'scripts/b.sh' "$w/check1.log" \
    && ! grep -q 'c.h\|notes.txt' "$w/check1.log" \
    && ok "check names exactly the files without the line" || ko "check names the wrong files"

"$here/add_spdx.sh" "$w" >/dev/null
[ "$(head -n 1 "$w/src/a.c")" = '/* SPDX-License-Identifier: MIT */' ] \
    && ok "C file gets a C comment on line 1" || ko "C file line 1: $(head -n 1 "$w/src/a.c")"
[ "$(sed -n 1p "$w/scripts/b.sh")" = '#!/bin/sh' ] \
    && [ "$(sed -n 2p "$w/scripts/b.sh")" = '# SPDX-License-Identifier: MIT' ] \
    && ok "script keeps its #! line first" || ko "script header: $(head -n 2 "$w/scripts/b.sh")"
[ "$(cat "$w/notes.txt")" = 'not a source' ] && ok "non-source left alone" || ko "notes.txt changed"

cksum "$w/src/a.c" "$w/scripts/b.sh" "$w/src/c.h" >"$w/sum1"
"$here/add_spdx.sh" "$w" >"$w/rerun.log"
cksum "$w/src/a.c" "$w/scripts/b.sh" "$w/src/c.h" >"$w/sum2"
cmp -s "$w/sum1" "$w/sum2" && grep -q ' 0 file' "$w/rerun.log" \
    && ok "rerun changes nothing" || ko "rerun changed files"

"$here/spdx_check.sh" "$w" >/dev/null 2>&1 && ok "check passes after add_spdx" || ko "check still fails"
echo "spdx self-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
