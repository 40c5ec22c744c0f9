#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_manifests.py [ROOT]: every path that idf_component.yml,
zephyr/module.yml, zephyr/west-jsmn.yml's users and library.json name
exists, and each build's source list is the one of wospipesFilePaths.cmake:
library.json's srcFilter, the recorded ESP-IDF and Zephyr stand-in lists
(--recorded FILE...) and the Makefile's (--make-sources FILE) must all be
the files its patterns match. Every C file under src/ and port/ is in that
list or in a directory NOT_LISTED names; every part of the list (CORE,
POSIX, MBEDTLS, PROXY, ...) has its CMake target and find_package
component, installed headers, PlatformIO include flag, Zephyr sources
(and, for a port, its CONFIG_WOS_PIPES_<PART>_PORT option) and its place
in the API reference. One "ok:"/"FAILED:" line per check; last line
"manifests: N passed, M failed"."""

import fnmatch
import glob
import json
import os
import re
import sys

ROOT = "."
RESULTS = [0, 0]
# Sources deliberately outside the one list, and why.
NOT_LISTED = {
    "port/lwip": "needs lwIP's headers and options: the firmware's own lwIP build compiles it",
    "port/template": "a porting template to copy, not a port",
}


def check(ok, what):
    RESULTS[0 if ok else 1] += 1
    print(("ok: " if ok else "FAILED: ") + what)


def exists(path, what):
    check(os.path.exists(os.path.join(ROOT, path)), "%s names %s" % (what, path))


def yaml_values(path, key):
    """Values of `key: value` and of `- value` items under `key:` (the
    small subset of YAML these manifests use)."""
    out, under = [], None
    with open(os.path.join(ROOT, path)) as f:
        for line in f:
            line = line.split(" #")[0].rstrip()
            m = re.match(r"^(\s*)-?\s*([A-Za-z_]+):\s*(.*)$", line)
            if m:
                under = m.group(2) if m.group(3) == "" else None
                if m.group(2) == key and m.group(3):
                    out.append(m.group(3).strip('"'))
                continue
            m = re.match(r"^\s*-\s*(\S.*)$", line)
            if m and under == key:
                out.append(m.group(1).strip('"'))
    return out


def read(path):
    """The file's text, or "" when it is missing (its checks then fail)."""
    try:
        with open(os.path.join(ROOT, path)) as f:
            return f.read()
    except OSError:
        return ""


def parts():
    """{PART: (source patterns, include directories)} of wospipesFilePaths.cmake."""
    text = read("wospipesFilePaths.cmake")
    out = {}
    for name, pats in re.findall(r"^set\(WOSPIPES_([A-Z]+)_PATTERNS (.*)\)$", text, re.M):
        inc = re.search(r"^set\(WOSPIPES_%s_INCLUDE_PATTERNS (.*)\)$" % name, text, re.M)
        out[name] = (pats.split(), inc.group(1).split() if inc else [])
    return out


def expected_sources():
    files = set()
    for pats, _ in parts().values():
        for p in pats:
            files.update(os.path.relpath(g, ROOT) for g in glob.glob(os.path.join(ROOT, p)))
    return files


def check_parts(want):
    """Every C file is listed or deliberately not; every part reaches every build."""
    unlisted = set()
    for top in ("src", "port"):
        for f in glob.glob(os.path.join(ROOT, top, "**", "*.c"), recursive=True):
            r = os.path.relpath(f, ROOT)
            if r not in want and os.path.dirname(r) not in NOT_LISTED:
                unlisted.add(r)
    check(not unlisted, "every C file under src/ and port/ is in wospipesFilePaths.cmake "
          "or NOT_LISTED (unlisted: %s)" % sorted(unlisted))
    cmake = read("CMakeLists.txt")
    config = read("cmake/wospipesConfig.cmake.in")
    paths = read("wospipesFilePaths.cmake")
    zephyr = read("zephyr/CMakeLists.txt")
    kconfig = read("zephyr/Kconfig")
    doxy = re.search(r"^INPUT\s*=(.*)$", read("Doxyfile"), re.M)
    doxy = doxy.group(1).split() if doxy else []
    doc_headers = re.search(r"^DOC_HEADERS = (.*)$", read("Makefile"), re.M)
    doc_headers = doc_headers.group(1) if doc_headers else ""
    with open(os.path.join(ROOT, "library.json")) as f:
        flags = json.load(f)["build"].get("flags", [])
    for name, (_, incs) in sorted(parts().items()):
        low = name.lower()
        var = "${WOSPIPES_%s_SOURCES}" % name
        target = "wospipes" if name == "CORE" else "wospipes_" + low
        built = (r"_wospipes_library\(%s %s \$\{WOSPIPES_%s_SOURCES\}\)" % (target, low, name)
                 if name == "CORE" else r"_wospipes_part\(%s %s %s\)" % (name, target, low))
        check(re.search(built, cmake) is not None, "CMakeLists.txt builds %s as wospipes::%s" % (name, low))
        m = re.search(r"foreach\(_wos_part ([a-z ]+)\)", config)
        check(m is not None and low in m.group(1).split(),
              "cmake/wospipesConfig.cmake.in knows the component %s" % low)
        check(var in zephyr, "zephyr/CMakeLists.txt names %s" % var)
        if name != "CORE":
            opt = "WOS_PIPES_%s_PORT" % name
            check(re.search(r"^config %s$" % opt, kconfig, re.M) is not None
                  and "if(CONFIG_%s)" % opt in zephyr, "zephyr/Kconfig offers %s, zephyr/CMakeLists.txt reads it" % opt)
        for d in incs:
            check('"${WOSPIPES_ROOT}/%s/*.h"' % d in paths, "WOSPIPES_PUBLIC_HEADERS installs %s/*.h" % d)
            check(d == "include" or "-I " + d in flags, "library.json flags have -I %s" % d)
            check(d in doxy and ("%s/*.h" % d) in doc_headers, "the API reference (Doxyfile, make docs) covers %s" % d)


def rel_set(lines):
    root = os.path.realpath(ROOT)
    return {os.path.relpath(os.path.realpath(os.path.join(ROOT, l)), root) for l in lines if l.strip()}


def main(argv):
    global ROOT
    recorded, make_sources = [], None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--recorded":
            while args and not args[0].startswith("--"):
                recorded.append(args.pop(0))
        elif a == "--make-sources":
            make_sources = args.pop(0)
        else:
            ROOT = a

    # ESP-IDF
    for p in yaml_values("idf_component.yml", "path"):
        exists(p, "idf_component.yml")
    check(yaml_values("idf_component.yml", "license") == ["MIT"], "idf_component.yml licence is MIT")
    exists("CMakeLists.txt", "the ESP-IDF component")
    exists("Kconfig", "the ESP-IDF component")
    for p in yaml_values("examples/esp-idf/main/idf_component.yml", "path"):
        if not p.startswith("${"):
            exists(os.path.normpath(os.path.join("examples/esp-idf/main", p)),
                   "examples/esp-idf/main/idf_component.yml")
    # Zephyr
    for p in yaml_values("zephyr/module.yml", "cmake"):
        exists(os.path.join(p, "CMakeLists.txt"), "zephyr/module.yml (cmake)")
    for key in ("kconfig", "samples"):
        for p in yaml_values("zephyr/module.yml", key):
            exists(p, "zephyr/module.yml (%s)" % key)
    for p in ("examples/zephyr/prj.conf", "examples/zephyr/CMakeLists.txt"):
        exists(p, "the Zephyr sample")
    # PlatformIO
    with open(os.path.join(ROOT, "library.json")) as f:
        lib = json.load(f)
    check(lib.get("license") == "MIT", "library.json licence is MIT")
    b = lib["build"]
    for p in (b["srcDir"], b["includeDir"]):
        exists(p, "library.json build")
    for flag in b.get("flags", []):
        if flag.startswith("-I"):
            exists(flag[2:].strip(), "library.json flags")
    for ex in lib.get("examples", []):
        for p in ex["files"]:
            exists(os.path.join(ex["base"], p), "library.json example %r" % ex["name"])

    # One source list.
    want = expected_sources()
    check(len(want) > 0, "wospipesFilePaths.cmake patterns match %d files" % len(want))
    check_parts(want)
    picked = set()
    src_root = os.path.join(ROOT, b["srcDir"])
    for f in glob.glob(os.path.join(src_root, "**", "*.c"), recursive=True):
        r = os.path.relpath(f, src_root)
        keep = False
        for rule in b["srcFilter"]:
            pat = rule[2:-1]
            if fnmatch.fnmatch(r, pat) and not ("/" not in pat and "/" in r):
                keep = rule[0] == "+"
        if keep:
            picked.add(os.path.normpath(os.path.join(b["srcDir"], r)))
    check(picked == want, "library.json srcFilter builds the list (differs: %s)" % sorted(picked ^ want))
    for path in recorded:
        with open(path) as f:
            got = rel_set(f.read().split("\n"))
        check(got == want, "%s is the list (differs: %s)" % (os.path.basename(path), sorted(got ^ want)))
    if make_sources:
        with open(make_sources) as f:
            got = rel_set(f.read().split())
        check(got == want, "the Makefile builds the list (differs: %s)" % sorted(got ^ want))
    print("manifests: %d passed, %d failed" % tuple(RESULTS))
    return 1 if RESULTS[1] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
