#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Cortex-M size table and worst-case stack of every public core function.

    size_report.py [--size TOOL] [--budget-flash BYTES] [--budget-stack BYTES]
                   [--markdown] OBJ...

Sizes come from TOOL (arm-none-eabi-size, Berkeley format); flash is
text + data, since initialised data is stored in flash too.

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
2 bad usage, missing tool or missing/unreadable .ci file.
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

def run_size(tool, objs):
    """Return [(object, text, data, bss)] as reported by TOOL."""
    try:
        res = subprocess.run([tool] + objs, capture_output=True, text=True)
    except FileNotFoundError:
        raise Fail("'%s' not found: install the Arm toolchain "
                   "(gcc-arm-none-eabi, see `make deps`) or pass --size PATH"
                   % tool)
    if res.returncode != 0:
        raise Fail("%s failed:\n%s" % (tool, res.stderr.strip()))
    rows = []
    for line in res.stdout.splitlines()[1:]:
        f = line.split(None, 5)
        if len(f) == 6 and f[0].isdigit():
            rows.append((f[5], int(f[0]), int(f[1]), int(f[2])))
    if len(rows) != len(objs):
        raise Fail("could not read the output of %s:\n%s" % (tool, res.stdout))
    return rows


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


def short_names(paths):
    base = [os.path.basename(p) for p in paths]
    return base if len(set(base)) == len(base) else list(paths)


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


def size_section(sizes, budget, md):
    names = short_names([s[0] for s in sizes])
    rows = [[n, str(t), str(d), str(b)] for n, (_, t, d, b) in zip(names, sizes)]
    tot = [sum(s[i] for s in sizes) for i in (1, 2, 3)]
    rows.append(["**total**" if md else "total"] + [str(x) for x in tot])
    flash = tot[0] + tot[1]
    note = "flash (text + data): %d bytes" % flash
    if budget is not None:
        note += " of %d budget (%.1f%%)" % (budget, 100.0 * flash / budget)
    title = "Cortex-M size (bytes)"
    lines = ["### " + title, ""] if md else [title]
    lines += table(["object", "text", "data", "bss"], rows, {1, 2, 3}, md)
    lines += ["", note, ""]
    return lines, flash


def by_stack(pub, worst):
    """Public functions, recursive ones first, then largest stack first."""
    def order(f):
        w = worst[f.key]
        return (0 if w.recursive else 1, -(w.total or 0), f.name)
    return sorted(pub, key=order)


def stack_section(pub, worst, budget, md):
    title = "Worst-case stack of public functions (bytes, deepest call chain)"
    lines = ["### " + title, ""] if md else [title]
    rows = []
    for f in by_stack(pub, worst):
        w = worst[f.key]
        if md:
            rows.append(["`%s`" % f.name, stack_text(w), chain_text(w),
                         left_out(w) or "-"])
        else:
            rows.append([stack_text(w), f.name, chain_text(w)])
            if left_out(w):
                rows.append(["", "", "  + 0 for " + left_out(w)])
    if md:
        lines += table(["function", "stack", "call chain (frame bytes)",
                        "counted as 0"], rows, {1}, md)
    else:
        lines += table(["stack", "function", "call chain (frame bytes)"],
                       rows, {0}, md)
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

def verdicts(args, flash, pub, worst, cycles, dyn_funcs):
    """Return the failure messages (empty when the run passes)."""
    fails = []
    for cyc in cycles:
        loop = worst[min(cyc, key=lambda f: f.name).key].chain
        fails.append("recursion (forbidden in the core): "
                     + " > ".join("%s (%s)" % (f.name, f.loc) for f in loop))
    if args.budget_flash is not None and flash > args.budget_flash:
        fails.append("flash %d bytes exceeds the budget of %d bytes"
                     % (flash, args.budget_flash))
    if args.budget_stack is None:
        return fails
    for f in by_stack(pub, worst):
        w = worst[f.key]
        if w.recursive:
            continue  # already reported as recursion
        if w.total > args.budget_stack:
            fails.append("%s needs %d bytes of stack, budget is %d: %s"
                         % (f.name, w.total, args.budget_stack, chain_text(w)))
        elif w.dyn:
            fails.append("%s: stack cannot be bounded, unbounded dynamic "
                         "frame in %s" % (f.name, ", ".join(
                             sorted(dyn_funcs[k].name for k in w.dyn))))
    return fails


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Cortex-M size and worst-case stack report.")
    p.add_argument("--size", default="arm-none-eabi-size",
                   help="size tool (default: %(default)s)")
    p.add_argument("--budget-flash", type=int, metavar="BYTES",
                   help="exit 1 when text + data exceeds BYTES")
    p.add_argument("--budget-stack", type=int, metavar="BYTES",
                   help="exit 1 when a public call may use more than BYTES")
    p.add_argument("--markdown", action="store_true",
                   help="print the tables as Markdown")
    p.add_argument("--indirect", action="append", default=[], metavar="CALLER=CALLEE,...",
                   help="the functions CALLER's indirect calls can reach (e.g. a callback "
                        "the core passes to itself), followed like direct calls")
    p.add_argument("objects", nargs="+", metavar="OBJ")
    return p.parse_args(argv)


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


def main(argv):
    args = parse_args(argv)
    sizes = run_size(args.size, args.objects)
    funcs = build_graph(args.objects)
    resolve_indirect(funcs, args.indirect)
    cycles = find_cycles(funcs)
    recursive = recursion_paths(cycles)
    worst = {}
    for f in funcs:
        worst_case(f, worst, recursive)
    pub = [f for f in funcs if f.public]
    dyn_funcs = {f.key: f for f in funcs if f.kind == "dynamic"}

    lines, flash = size_section(sizes, args.budget_flash, args.markdown)
    lines += stack_section(pub, worst, args.budget_stack, args.markdown)
    lines += zero_section(funcs, args.markdown)
    for f in sorted(dyn_funcs.values(), key=lambda f: f.name):
        lines.append("WARNING: %s (%s) has an unbounded dynamic frame "
                     "(VLA or alloca); its figures are lower bounds"
                     % (f.name, f.loc))
    print("\n".join(lines).rstrip())
    sys.stdout.flush()
    fails = verdicts(args, flash, pub, worst, cycles, dyn_funcs)
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
