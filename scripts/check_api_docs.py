#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_api_docs.py HEADER...: what Doxygen does not check. Every @param
names its direction ([in], [out] or [in,out]), and every parameter of a
function pointer in a public struct (the port's callbacks) is documented.
Doxygen (WARN_NO_PARAMDOC, WARN_AS_ERROR) checks the functions themselves.
Prints each problem; exits 1 if any."""

import re
import sys


def main(paths):
    bad = 0
    for path in paths:
        text = open(path).read()
        for m in re.finditer(r"@param(?!\[(?:in|out|in,out)\])(\S*)\s+(\w+)", text):
            line = text.count("\n", 0, m.start()) + 1
            print("%s:%d: @param%s %s: no [in], [out] or [in,out]" % (path, line, m.group(1), m.group(2)))
            bad += 1
        # Function-pointer members: "/** ... */ type (*name)(params);"
        for m in re.finditer(r"/\*\*((?:(?!\*/).)*)\*/\s*[\w\s\*]+\(\s*\*\s*(\w+)\s*\)\s*\(([^)]*)\)\s*;",
                             text, re.S):
            doc, name, params = m.group(1), m.group(2), m.group(3)
            line = text.count("\n", 0, m.start(2)) + 1
            for p in params.split(","):
                pm = re.search(r"(\w+)\s*$", p.strip())
                if not pm or p.strip() == "void":
                    continue
                if not re.search(r"@param\[[^\]]*\]\s+%s\b" % pm.group(1), doc):
                    print("%s:%d: callback %s: parameter %s not documented" % (path, line, name, pm.group(1)))
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
