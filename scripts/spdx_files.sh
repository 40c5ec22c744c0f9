#!/bin/sh
# SPDX-License-Identifier: MIT
# spdx_files.sh [ROOT]  prints, one a line and relative to ROOT, every
# source, header and script that must carry an SPDX licence line: C files,
# shell, Python and CMake scripts, Makefiles, Kconfig files and the CI entry.
# At the top of a git checkout: tracked and untracked-but-not-ignored files (so a file
# merged or created a minute ago counts); elsewhere: every file under ROOT.
set -eu
root=${1:-.}
cd "$root"
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
    git ls-files --cached --others --exclude-standard
else
    find . -type f ! -path './.git/*' | sed 's|^\./||'
fi | grep -E '(^|/)(Makefile|CMakeLists\.txt|Kconfig[^/]*|run)$|\.(c|h|sh|py|cmake|cmake\.in|pc\.in)$' \
   | grep -vE '(^|/)build/' | sort -u | while read -r f; do
    [ -f "$f" ] && printf '%s\n' "$f"
done
