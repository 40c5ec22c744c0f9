#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run a command against a fresh Pipes emulator (HTTPS, seed data):

    python3 tests/e2e/with_emulator.py COMMAND [ARGS...]

The command gets WOS_E2E_PORT, WOS_E2E_CA (the test CA file) and
WOS_E2E_API_KEY in its environment. The emulator is stopped when the
command ends, when this script exits by any path, and on SIGINT, SIGTERM
or SIGHUP (the command is terminated first); it also gets SIGTERM if this script is killed outright. Exits
with the command's status, or 125 when the emulator could not start.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_support as es  # noqa: E402

API_KEY = "sk_test_e2e_client_8D4F2A61"


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    es.install_signal_handlers()
    try:
        emu = es.Emulator(API_KEY)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        print("with_emulator: %s" % exc, file=sys.stderr)
        return 125  # the command never ran
    try:
        env = dict(os.environ, WOS_E2E_PORT=str(emu.port), WOS_E2E_CA=emu.ca_file,
                   WOS_E2E_API_KEY=API_KEY)
        proc = subprocess.Popen(argv, env=env)
        es.end_on_signal(proc)
        rc = proc.wait()
        if rc != 0 and emu.stderr():
            print("emulator stderr:\n" + emu.stderr(), file=sys.stderr)
        return rc
    finally:
        es.stop_all()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
