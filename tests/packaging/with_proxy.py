#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run a command with a loopback HTTP CONNECT proxy (tests/e2e/connect_proxy.py,
as `make cli-proxy` uses), under tests/e2e/with_emulator.py:

    python3 tests/packaging/with_proxy.py --expect N COMMAND [ARGS...]

The command gets WOS_E2E_PROXY in its environment (127.0.0.1:PORT). After
it ends, one "ok:"/"FAILED:" line says whether the proxy answered exactly
N CONNECTs, each to the emulator (localhost:$WOS_E2E_PORT) with 200: the
proof that the proxied builds went through the proxy. Exits with the
command's status, or 1 when that check fails.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from connect_proxy import ConnectProxy  # noqa: E402


def main(argv):
    if len(argv) < 3 or argv[0] != "--expect":
        print(__doc__.strip(), file=sys.stderr)
        return 2
    expect, cmd = int(argv[1]), argv[2:]
    proxy = ConnectProxy()
    try:
        rc = subprocess.call(cmd, env=dict(os.environ, WOS_E2E_PROXY="127.0.0.1:%d" % proxy.port))
    finally:
        proxy.stop()
    target = "localhost:%s" % os.environ.get("WOS_E2E_PORT", "?")
    got = list(proxy.requests)
    if len(got) == expect and all(r == (target, None, 200) for r in got):
        print("ok: the proxy tunnelled %d CONNECTs to %s" % (expect, target))
        return rc
    print("FAILED: the proxy saw %r, not %d CONNECTs to %s answered 200" % (got, expect, target))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
