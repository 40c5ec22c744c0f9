#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Size of linked firmware images and worst-case stack of every public call,
for one or several cores.

    size_report.py [--budget-stack BYTES] [--lib ARCHIVE] [--markdown]
                   [--indirect CALLER=CALLEE,...]... [--absent IMAGE=NAME,...]...
                   [--core LABEL] [--map IMAGE=MAP[:BUDGET]]... OBJ...
                   [--core LABEL [--map ...]... OBJ...]...

Each --core starts one core's group: the library objects built for it and
the GNU ld map files (-Wl,-Map) of firmware images linked with them.
Without --core the objects form one group labelled Cortex-M.

Sizes come from the map files: every loaded input section (code, read-only
and initialised data; not .bss) is charged to the library when it comes
from a member of ARCHIVE (--lib, default libwospipes.a), to libc, to
libgcc, or else to the firmware (its own objects, start-up code). BUDGET
bounds the library part of that image. --absent names library functions
or objects an image must not hold (code it never calls: pay per use).

Stack figures come from the GCC call-graph files (-fcallgraph-info=su) that
sit beside each object as NAME.ci (VCG). A public function is any function
with external linkage (GCC names static functions "FILE:name" in the graph).
Its worst case is its own frame plus the deepest chain of calls it makes,
following calls into the other objects by name. On ARM the return address
lives in the callee's frame, so frames simply add up. Tail calls are counted
as ordinary calls, which can only overstate the figure.

Not counted (listed as 0 bytes): calls through function pointers and calls
to functions outside the objects: memcpy, strlen... and the runtime helpers
the compiler inserts (__aeabi_uldivmod...), which the graph shows as well.

Exit status: 0 all fine; 1 recursion found or a budget exceeded (or the
stack budget cannot be proven because of an unbounded dynamic frame);
2 bad usage, or a missing or unreadable .ci or map file.
"""
import argparse
import os
import re
import signal
import subprocess
import sys

INDIRECT = "__indirect_call"
FRAME_RE = re.compile(r"(\d+) bytes \((static|dynamic|dynamic,bounded)\)")
ENTRY_RE = re.compile(r"\b(node|edge):\s*\{")
PAIR_RE = re.compile(r'\s*(\w+)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(\w+))')


class Fail(Exception):
    """A setup problem: reported on stderr with exit status 2."""


class Func:
    """One function defined in one of the analysed objects."""

    def __init__(self, key, name, obj, loc, frame, kind):
        self.key, self.name, self.obj, self.loc = key, name, obj, loc
        self.frame, self.kind = frame, kind
        self.public = ":" not in key
        self.calls = []  # resolved targets: Func, ("ext", name) or ("ind", site)


# ---------------------------------------------------------------- sizes

MAP_START = "Linker script and memory map"
IN_SECTION_RE = re.compile(r"^ (\S+)?\s+0x([0-9a-fA-F]+)\s+0x([0-9a-fA-F]+)\s+(\S.*)$")
# Input sections that take no flash: zero-initialised RAM, and what is not
# loaded at all (debug information, attributes, notes).
NO_FLASH = (".bss", ".sbss", ".tbss", "COMMON", ".noinit", ".heap", ".stack",
            ".debug", ".comment", ".ARM.attributes", ".riscv.attributes",
            ".note", ".stab", ".gnu.build.attributes", ".line")
PARTS = ("library", "libc", "libgcc", "firmware")
LIBC_ARCHIVES = ("libc.a", "libc_nano.a", "libg.a", "libg_nano.a", "libm.a",
                 "libnosys.a", "libsemihost.a", "libdummyhost.a")


def part_of(origin, lib):
    """Which part of the image an input file is: PARTS, from its archive."""
    m = re.match(r"(.*?)\((.*)\)$", origin.strip())
    archive = os.path.basename(m.group(1)) if m else ""
    if archive == lib:
        return "library"
    if archive in LIBC_ARCHIVES:
        return "libc"
    if archive == "libgcc.a":
        return "libgcc"
    return "firmware"  # the firmware's own objects, start-up code, linker stubs


def read_map(path, lib):
    """Flash bytes of each part of a linked image, from its GNU ld map file.

    Flash is every loaded input section (code, read-only and initialised
    data); alignment fill between sections belongs to no part."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError as exc:
        raise Fail("%s: %s (link the image with -Wl,-Map; `make size` does)"
                   % (path, exc.strerror))
    if MAP_START not in text:
        raise Fail("%s: not a GNU ld map file" % path)
    parts = dict.fromkeys(PARTS, 0)
    objs = {}  # the library's bytes by object (the archive member)
    kept = set()  # names of the library's functions and objects in the image
    pending = None  # a long section name is printed alone, its figures below
    for line in text.split(MAP_START, 1)[1].splitlines():
        if re.match(r"^ \S+$", line) and not line.startswith(" *"):
            pending = line.strip()
            continue
        m = IN_SECTION_RE.match(line)
        name = (m.group(1) if m else None) or pending
        pending = None
        if not m or name is None or name.startswith("*") or "load address" in line:
            continue
        if name.startswith(NO_FLASH):
            continue
        part = part_of(m.group(4), lib)
        parts[part] += int(m.group(3), 16)
        if part == "library":
            member = re.match(r".*\((.*)\)$", m.group(4).strip())
            obj = member.group(1) if member else m.group(4).strip()
            objs[obj] = objs.get(obj, 0) + int(m.group(3), 16)
        sym = re.match(r"\.(?:text|rodata|data|sdata|srodata)\.(\w+)", name)
        if part == "library" and sym:
            kept.add(sym.group(1))
    return parts, kept, objs


# ---------------------------------------------------------------- graph

def vcg_entries(text):
    """Yield (kind, {key: value}) for each node/edge entry of a VCG file."""
    for m in ENTRY_RE.finditer(text):
        attrs, pos = {}, m.end()
        while True:
            p = PAIR_RE.match(text, pos)
            if not p:
                break
            value = p.group(2) if p.group(2) is not None else p.group(3)
            attrs[p.group(1)] = value.replace("\\n", "\n").replace('\\"', '"')
            pos = p.end()
        yield m.group(1), attrs


def short_loc(loc):
    """FILE:LINE:COL with FILE relative to the current directory if below it."""
    m = re.match(r"(.*?)(:\d+(?::\d+)?)$", loc)
    if not m or not os.path.isabs(m.group(1)):
        return loc
    rel = os.path.relpath(m.group(1))
    return (m.group(1) if rel.startswith("..") else rel) + m.group(2)


def read_ci(obj):
    """Parse OBJ's .ci file: ({title: Func}, [(source, target, site)])."""
    path = os.path.splitext(obj)[0] + ".ci"
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError as exc:
        raise Fail("%s: %s (build the objects with -fcallgraph-info=su; "
                   "`make size` does)" % (path, exc.strerror))
    funcs, edges = {}, []
    for kind, a in vcg_entries(text):
        if kind == "edge":
            edges.append((a.get("sourcename"), a.get("targetname"),
                          short_loc(a.get("label", ""))))
            continue
        lines = a.get("label", "").split("\n")
        m = FRAME_RE.search(a.get("label", ""))
        if m and "title" in a:
            loc = short_loc(lines[1]) if len(lines) > 1 else ""
            funcs[a["title"]] = Func(a["title"], lines[0], obj, loc,
                                     int(m.group(1)), m.group(2))
    return funcs, edges


def build_graph(objs):
    """Read every object's graph and resolve each call to a Func or a leaf."""
    per_obj, public = [], {}
    for obj in objs:
        funcs, edges = read_ci(obj)
        per_obj.append((funcs, edges))
        for f in funcs.values():
            if f.public and f.key in public:
                raise Fail("%s is defined in both %s and %s"
                           % (f.key, public[f.key].obj, obj))
            if f.public:
                public[f.key] = f
    for funcs, edges in per_obj:
        for src, dst, site in edges:
            caller = funcs.get(src)
            if caller is None:
                raise Fail("%s: call from unknown function %s" % (site, src))
            if dst == INDIRECT:
                caller.calls.append(("ind", site))
            elif dst in funcs:
                caller.calls.append(funcs[dst])
            elif dst in public:
                caller.calls.append(public[dst])
            else:
                caller.calls.append(("ext", dst))
    return [f for funcs, _ in per_obj for f in funcs.values()]


# ---------------------------------------------------------------- analysis

def callees(f):
    """The analysed functions F calls, once each, in a stable order."""
    seen = {}
    for c in f.calls:
        if isinstance(c, Func):
            seen.setdefault(c.key, c)
    return list(seen.values())


def find_cycles(funcs):
    """Return each set of mutually recursive Funcs (Tarjan's SCC)."""
    index, low, stack, on, sccs = {}, {}, [], set(), []

    def visit(v):
        index[v.key] = low[v.key] = len(index)
        stack.append(v)
        on.add(v.key)
        for w in callees(v):
            if w.key not in index:
                visit(w)
                low[v.key] = min(low[v.key], low[w.key])
            elif w.key in on:
                low[v.key] = min(low[v.key], index[w.key])
        if low[v.key] == index[v.key]:
            scc = []
            while True:
                w = stack.pop()
                on.discard(w.key)
                scc.append(w)
                if w is v:
                    break
            if len(scc) > 1 or v in callees(v):
                sccs.append(sorted(scc, key=lambda f: f.name))

    for f in funcs:
        if f.key not in index:
            visit(f)
    return sccs


def scc_path(src, dst, members):
    """Shortest call path SRC > ... > DST (one call at least) inside MEMBERS."""
    parent, queue = {}, [src]
    for f in queue:
        for c in callees(f):
            if c is dst:
                path = [f]
                while path[-1] is not src:
                    path.append(parent[path[-1].key])
                return path[::-1] + [dst]
            if c.key in members and c.key not in parent and c is not src:
                parent[c.key] = f
                queue.append(c)
    raise Fail("internal error: no call path from %s to %s"
               % (src.name, dst.name))


def recursion_paths(cycles):
    """{key: chain}: for each function on a cycle, its shortest way round."""
    paths = {}
    for cyc in cycles:
        members = {f.key for f in cyc}
        for f in cyc:
            paths[f.key] = scc_path(f, f, members)
    return paths


class Worst:
    """Worst case of one function: bytes, deepest chain, what was left out."""

    def __init__(self, total, chain, ext, ind, dyn, recursive):
        self.total, self.chain = total, chain
        self.ext, self.ind, self.dyn = ext, ind, dyn
        self.recursive = recursive


def worst_case(f, memo, recursive):
    """Worst-case stack of F; functions in or above a cycle have no figure."""
    if f.key in memo:
        if memo[f.key] is None:
            raise Fail("internal error: cycle through %s not detected" % f.name)
        return memo[f.key]
    if f.key in recursive:
        memo[f.key] = Worst(None, recursive[f.key], set(), set(), set(), True)
        return memo[f.key]
    memo[f.key] = None  # in progress
    ext = {c[1] for c in f.calls if isinstance(c, tuple) and c[0] == "ext"}
    ind = {(f.name, c[1]) for c in f.calls
           if isinstance(c, tuple) and c[0] == "ind"}
    dyn = {f.key} if f.kind == "dynamic" else set()
    best, rec = None, None
    for c in sorted(callees(f), key=lambda c: c.name):
        w = worst_case(c, memo, recursive)
        ext |= w.ext
        ind |= w.ind
        dyn |= w.dyn
        if w.recursive:
            rec = rec or w
        elif best is None or w.total > best.total:
            best = w
    if rec:  # no figure; show the way into the cycle instead
        memo[f.key] = Worst(None, [f] + rec.chain, ext, ind, dyn, True)
        return memo[f.key]
    total = f.frame + (best.total if best else 0)
    chain = [f] + (best.chain if best else [])
    memo[f.key] = Worst(total, chain, ext, ind, dyn, False)
    return memo[f.key]


# ---------------------------------------------------------------- output

def frame_text(f):
    mark = {"dynamic": "+dyn!", "dynamic,bounded": " bounded"}.get(f.kind, "")
    return "%s %d%s" % (f.name, f.frame, mark)


def chain_text(w):
    if w.recursive:  # the chain ends where the cycle closes
        return " > ".join(f.name for f in w.chain) + " (recursion)"
    return " > ".join(frame_text(f) for f in w.chain)


def stack_text(w):
    if w.recursive:
        return "RECURSIVE"
    return "%d%s" % (w.total, "+" if w.dyn else "")


def left_out(w):
    """What the figure of W does not include, or '' when it is complete."""
    parts = []
    if w.ext:
        parts.append("extern " + " ".join(sorted(w.ext)))
    if w.ind:
        n = len(w.ind)
        parts.append("%d indirect call%s" % (n, "s" if n > 1 else ""))
    return "; ".join(parts)


def table(header, rows, right, markdown):
    """Format ROWS as aligned text or Markdown; RIGHT: right-aligned columns."""
    if markdown:
        out = ["| " + " | ".join(header) + " |",
               "|" + "|".join("---:" if i in right else "---"
                              for i in range(len(header))) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return out
    widths = [max(len(r[i]) for r in [header] + rows)
              for i in range(len(header))]
    out = []
    for r in [header] + rows:
        cells = [c.rjust(widths[i]) if i in right else c.ljust(widths[i])
                 for i, c in enumerate(r)]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def size_section(cores, md):
    """One row per linked image: its library part against the budget, then
    what the C library, libgcc and the firmware's own code add."""
    rows = []
    for c in cores:
        for image, _, budget in c.maps:
            p = c.sizes[image]
            rows.append([c.label, image, str(p["library"]),
                         "%d (%.0f%%)" % (budget, 100.0 * p["library"] / budget)
                         if budget else "-",
                         str(p["libc"]), str(p["libgcc"]), str(p["firmware"]),
                         str(sum(p.values()))])
    if not rows:
        return []
    title = "Linked firmware images, flash bytes (code + read-only + initialised data)"
    lines = ["### " + title, ""] if md else [title]
    lines += table(["core", "image", "library", "budget", "libc", "libgcc",
                    "firmware", "total"], rows, {2, 3, 4, 5, 6, 7}, md)
    return lines + [""]


def objects_section(cores, md):
    """The library part of each image by object, largest first (by the first
    column): where a budget's bytes go. The rows of a column add up to its
    image's library part."""
    images = []
    for c in cores:
        images += [i for i, _, _ in c.maps if i not in images]
    cols = [(c, image) for image in images for c in cores if image in c.objs]
    names = sorted({o for c, image in cols for o in c.objs[image]},
                   key=lambda o: (-cols[0][0].objs[cols[0][1]].get(o, 0), o)) if cols else []
    if not names:
        return []
    rows = [[o] + [str(c.objs[image].get(o, 0)) if c.objs[image].get(o) else "-"
                   for c, image in cols] for o in names]
    title = "Library bytes by object"
    lines = ["### " + title, ""] if md else [title]
    lines += table(["object"] + ["%s %s" % (c.label, image) for c, image in cols], rows,
                   set(range(1, len(cols) + 1)), md)
    return lines + [""]


def by_stack(pub, worst):
    """Public functions, recursive ones first, then largest stack first."""
    def order(f):
        w = worst[f.key]
        return (0 if w.recursive else 1, -(w.total or 0), f.name)
    return sorted(pub, key=order)


def stack_section(cores, budget, md):
    """Worst case of each public function on each core; the call chain
    shown is the one of the core where the function needs the most."""
    title = "Worst-case stack of public functions (bytes, deepest call chain)"
    lines = ["### " + title, ""] if md else [title]
    first = cores[0]
    labels = [c.label for c in cores] if len(cores) > 1 else ["stack"]
    rows = []
    for f in by_stack(first.pub, first.worst):
        ws = [c.worst[c.pub_by_key[f.key].key] for c in cores
              if f.key in c.pub_by_key]
        w = max(ws, key=lambda x: (x.recursive, x.total or 0))
        figures = [stack_text(x) for x in ws]
        if md:
            rows.append(["`%s`" % f.name] + figures + [chain_text(w), left_out(w) or "-"])
        else:
            rows.append(figures + [f.name, chain_text(w)])
            if left_out(w):
                rows.append([""] * len(figures) + ["", "  + 0 for " + left_out(w)])
    n = len(labels)
    if md:
        lines += table(["function"] + labels + ["call chain (frame bytes)", "counted as 0"],
                       rows, set(range(1, n + 1)), md)
    else:
        lines += table(labels + ["function", "call chain (frame bytes)"], rows,
                       set(range(n)), md)
    if budget is not None:
        lines += ["", "stack budget per public call: %d bytes" % budget]
    return lines + [""]


def zero_section(funcs, md):
    """Every call the figures count as 0 bytes, with its callers."""
    ext, ind = {}, []
    for f in funcs:
        for c in f.calls:
            if isinstance(c, tuple) and c[0] == "ext":
                ext.setdefault(c[1], set()).add(f.name)
            elif isinstance(c, tuple):
                ind.append((f.name, c[1]))
    if not ext and not ind:
        return []
    bullet = "- " if md else "  "
    lines = ["Counted as 0 bytes (outside the analysed objects):"]
    for name in sorted(ext):
        lines.append("%sextern %s, called by %s"
                     % (bullet, name, ", ".join(sorted(ext[name]))))
    for caller, site in sorted(set(ind)):
        lines.append("%sindirect call (function pointer) in %s at %s"
                     % (bullet, caller, site))
    return lines + [""]


# ---------------------------------------------------------------- main

def verdicts(core, budget_stack, several, absent):
    """Return the failure messages of one core (empty when it passes)."""
    fails = []
    on = " on " + core.label if several else ""
    for cyc in core.cycles:
        loop = core.worst[min(cyc, key=lambda f: f.name).key].chain
        fails.append("recursion (forbidden in the core)%s: " % on
                     + " > ".join("%s (%s)" % (f.name, f.loc) for f in loop))
    for image, names in absent:
        if image in core.kept:
            for name in sorted(set(names) & core.kept[image]):
                fails.append("%s image %s links %s, which it never calls (pay per use)"
                             % (core.label, image, name))
    for image, _, budget in core.maps:
        lib = core.sizes[image]["library"]
        if budget and lib > budget:
            fails.append("%s image %s: library part %d bytes exceeds the budget of %d bytes"
                         % (core.label, image, lib, budget))
    if budget_stack is None:
        return fails
    for f in by_stack(core.pub, core.worst):
        w = core.worst[f.key]
        if w.recursive:
            continue  # already reported as recursion
        if w.total > budget_stack:
            fails.append("%s needs %d bytes of stack%s, budget is %d: %s"
                         % (f.name, w.total, on, budget_stack, chain_text(w)))
        elif w.dyn:
            fails.append("%s%s: stack cannot be bounded, unbounded dynamic "
                         "frame in %s" % (f.name, on, ", ".join(
                             sorted(core.dyn_funcs[k].name for k in w.dyn))))
    return fails


USAGE = "size_report.py [OPTIONS] [--core LABEL] [--map IMAGE=MAP[:BUDGET]]... OBJ... (see --help)"


def parse_args(argv):
    """Options anywhere; --core LABEL starts a group, --map and objects join the
    current group (a first group labelled Cortex-M when none was started)."""
    p = argparse.ArgumentParser(usage=USAGE)
    valued = {"--budget-stack": "budget_stack", "--lib": "lib", "--indirect": "indirect",
              "--absent": "absent", "--objdump": "objdump"}
    args = argparse.Namespace(budget_stack=None, lib="libwospipes.a", indirect=[],
                              markdown=False, groups=[], absent=[])

    def group():
        if not args.groups:
            args.groups.append({"label": "Cortex-M", "maps": [], "objs": [], "objdump": None})
        return args.groups[-1]

    it = iter(argv)
    for a in it:
        if a in valued or a in ("--core", "--map"):
            v = next(it, None)
            if v is None:
                p.error("%s needs a value" % a)
            if a == "--core":
                args.groups.append({"label": v, "maps": [], "objs": [], "objdump": None})
            elif a == "--objdump":
                group()["objdump"] = v
            elif a == "--map":
                m = re.match(r"([^=]+)=(.+?)(?::(\d+))?$", v)
                if not m:
                    p.error("bad --map %s: IMAGE=MAP[:BUDGET]" % v)
                group()["maps"].append((m.group(1), m.group(2),
                                        int(m.group(3)) if m.group(3) else None))
            elif a == "--indirect":
                args.indirect.append(v)
            elif a == "--absent":
                image, _, names = v.partition("=")
                if not names:
                    p.error("bad --absent %s: IMAGE=NAME,..." % v)
                args.absent.append((image, names.split(",")))
            elif a == "--budget-stack":
                if not v.isdigit():
                    p.error("--budget-stack needs a number of bytes")
                args.budget_stack = int(v)
            else:
                args.lib = v
        elif a == "--markdown":
            args.markdown = True
        elif a in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        elif a.startswith("-"):
            p.error("unknown option %s" % a)
        else:
            group()["objs"].append(a)
    if not args.groups or any(not g["objs"] for g in args.groups):
        p.error("every core needs at least one object")
    return args


def resolve_indirect(funcs, specs):
    """Replace the indirect calls of each CALLER by calls to its named CALLEEs."""
    by_name = {}
    for f in funcs:
        by_name.setdefault(f.name, []).append(f)

    def one(name):
        found = by_name.get(name, [])
        if len(found) != 1:
            raise Fail("--indirect: %s names %d functions, not one" % (name, len(found)))
        return found[0]

    for spec in specs:
        caller, _, targets = spec.partition("=")
        f = one(caller)
        if not any(isinstance(c, tuple) and c[0] == "ind" for c in f.calls):
            raise Fail("--indirect: %s makes no indirect call" % caller)
        f.calls = [c for c in f.calls if not (isinstance(c, tuple) and c[0] == "ind")]
        f.calls += [one(t) for t in targets.split(",") if t]


PUSH_RE = re.compile(r"\b(?:push|stmdb\s+sp!,)\s*\{([^}]*)\}")
ARM_SUB_RE = re.compile(r"\bsub(?:\.w)?\s+sp,\s*(?:sp,\s*)?#(\d+)")
RV_SUB_RE = re.compile(r"\baddi\s+sp,sp,-(\d+)")


def extern_frames(objdump, elf, names):
    """Stack frame of each C-library or libgcc function in NAMES as linked in
    ELF, read from its code (Arm push/stmdb and sub sp; RISC-V addi sp).
    A name may be an alias (memcpy of __aeabi_memcpy): it is found by
    address. These functions are leaves or tail-call a leaf; one not in the
    image is left out (and stays counted as 0 bytes)."""
    def run(*opts):
        try:
            return subprocess.run([objdump] + list(opts) + [elf], capture_output=True,
                                  text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError) as exc:
            raise Fail("%s: cannot read it with %s: %s" % (elf, objdump, exc))
    addr_of = {}
    for line in run("-t").splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[-1] in names and "F" in parts[1:-3]:
            addr_of[parts[-1]] = int(parts[0], 16)
    bodies, cur = {}, None
    for line in run("-d").splitlines():
        m = re.match(r"^([0-9a-fA-F]+) <[^>]+>:$", line)
        if m:
            cur = int(m.group(1), 16)
            bodies.setdefault(cur, [])
        elif cur is not None:
            bodies[cur].append(line)
    frames = {}
    for name, addr in addr_of.items():
        text = "\n".join(bodies.get(addr & ~1, bodies.get(addr, [])))
        push = PUSH_RE.search(text)
        sub = ARM_SUB_RE.search(text) or RV_SUB_RE.search(text)
        regs = 0
        if push:
            for part in push.group(1).split(","):
                lo, _, hi = part.strip().partition("-")
                regs += (int(hi.lstrip("r")) - int(lo.lstrip("r")) + 1) if hi else 1
        frames[name] = 4 * regs + (int(sub.group(1)) if sub else 0)
    return frames


def charge_externs(funcs, frames):
    """Calls to a function of FRAMES become calls to a leaf of that frame."""
    leaves = {n: Func("libc:" + n, n, "", "", b, "static") for n, b in frames.items()}
    for f in funcs:
        f.calls = [leaves[c[1]] if isinstance(c, tuple) and c[0] == "ext" and c[1] in leaves
                   else c for c in f.calls]


class Core:
    """One core's objects, call graph, worst cases and linked images."""

    def __init__(self, grp, args):
        self.label, self.maps = grp["label"], grp["maps"]
        self.funcs = build_graph(grp["objs"])
        resolve_indirect(self.funcs, args.indirect)
        elf = next((os.path.splitext(p)[0] + ".elf" for i, p, _ in self.maps if i == "all"), None)
        if grp.get("objdump") and elf:
            names = {c[1] for f in self.funcs for c in f.calls
                     if isinstance(c, tuple) and c[0] == "ext"}
            charge_externs(self.funcs, extern_frames(grp["objdump"], elf, names))
        self.cycles = find_cycles(self.funcs)
        recursive = recursion_paths(self.cycles)
        self.worst = {}
        for f in self.funcs:
            worst_case(f, self.worst, recursive)
        self.pub = [f for f in self.funcs if f.public]
        self.pub_by_key = {f.key: f for f in self.pub}
        self.dyn_funcs = {f.key: f for f in self.funcs if f.kind == "dynamic"}
        self.sizes, self.kept, self.objs = {}, {}, {}
        for image, path, _ in self.maps:
            self.sizes[image], self.kept[image], self.objs[image] = read_map(path, args.lib)


def main(argv):
    args = parse_args(argv)
    cores = [Core(g, args) for g in args.groups]
    lines = size_section(cores, args.markdown)
    lines += objects_section(cores, args.markdown)
    lines += stack_section(cores, args.budget_stack, args.markdown)
    lines += zero_section(cores[0].funcs, args.markdown)
    for c in cores:
        for f in sorted(c.dyn_funcs.values(), key=lambda f: f.name):
            lines.append("WARNING: %s (%s) has an unbounded dynamic frame "
                         "(VLA or alloca); its figures are lower bounds"
                         % (f.name, f.loc))
    print("\n".join(lines).rstrip())
    sys.stdout.flush()
    fails = [m for c in cores
             for m in verdicts(c, args.budget_stack, len(cores) > 1, args.absent)]
    for msg in fails:
        print("size_report: FAIL: " + msg, file=sys.stderr)
    return 1 if fails else 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`
    sys.setrecursionlimit(10000)
    try:
        sys.exit(main(sys.argv[1:]))
    except Fail as exc:
        print("size_report: error: %s" % exc, file=sys.stderr)
        sys.exit(2)
