#!/bin/sh
# SPDX-License-Identifier: MIT
# spdx_check.sh [ROOT]  fails, naming them, on the files scripts/spdx_files.sh
# lists that lack "SPDX-License-Identifier: MIT" in their first 5 lines.
# Remedy: scripts/add_spdx.sh.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-.}
n=0 bad=0
for f in $("$here/spdx_files.sh" "$root"); do
    n=$((n + 1))
    if ! head -n 5 "$root/$f" | grep -q 'SPDX-License-Identifier: MIT\b'; then
        echo "spdx: no 'SPDX-License-Identifier: MIT' in the first 5 lines of $f" >&2
        bad=$((bad + 1))
    fi
done
if [ "$n" -eq 0 ]; then
    echo "spdx: no files found under $root" >&2
    exit 1
fi
if [ "$bad" -ne 0 ]; then
    echo "spdx: run scripts/add_spdx.sh to add the line" >&2
fi
# One check per file, in the form scripts/run_tests.sh --record reads.
echo "spdx: $((n - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
