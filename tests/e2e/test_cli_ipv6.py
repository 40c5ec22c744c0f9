#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The wos-pipes tool over IPv6 loopback: base URLs with an IPv6 literal
(https://[::1]:PORT) and, where /etc/hosts has one, a name that resolves
to ::1 only. The emulator listens on 127.0.0.1; a relay on [::1] hands
each connection to it. The server certificate (from the test CA) names
"::1" as a DNS name and an IP address, and the ::1-only host names.

    python3 tests/e2e/test_cli_ipv6.py --bin build/wos-pipes

Without IPv6 loopback the run says why it skipped. Prints
"cli ipv6: N passed, M failed" last; exits 1 on any failure.
"""

import os
import socket
import subprocess
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_support as es  # noqa: E402

API_KEY = "sk_test_e2e_ipv6_9E4A2F18"
USER = "user_01EHZNVPK3SFK441A1RGBFSHRT"
BIN = os.path.join(es.build_dir(), "wos-pipes")
V6_NAMES = ("ip6-localhost", "ip6-loopback", "localhost6")
EMU = None
RELAY_PORT = None


def v6_only_name():
    """A host name that resolves to ::1 and nothing else, or None."""
    for name in V6_NAMES:
        try:
            addrs = {ai[4][0] for ai in socket.getaddrinfo(name, 443, 0, socket.SOCK_STREAM)}
        except OSError:
            continue
        if addrs == {"::1"}:
            return name
    return None



def certs():
    san = ",".join(["DNS:::1", "IP:::1"] + ["DNS:" + n for n in V6_NAMES])
    return es.leaf_cert(os.path.join(es.build_dir(), "ipv6", "certs"), "ipv6", "ipv6", san)


def relay(to_port):
    """[::1]:free port -> 127.0.0.1:to_port; returns the port."""
    ls = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    ls.bind(("::1", 0))
    ls.listen(16)

    def serve(c):
        with c, socket.create_connection(("127.0.0.1", to_port)) as u:
            t = threading.Thread(target=es.pump, args=(u, c), daemon=True)
            t.start()
            es.pump(c, u)
            t.join(timeout=10)

    def loop():
        while True:
            c, _ = ls.accept()
            threading.Thread(target=serve, args=(c,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    return ls.getsockname()[1]


def setUpModule():
    global EMU, RELAY_PORT
    es.install_signal_handlers()
    EMU = es.Emulator(API_KEY, cert_dir=certs())
    RELAY_PORT = relay(EMU.port)


def tearDownModule():
    es.stop_all()


class IPv6(unittest.TestCase):
    def run_cli(self, base, *args):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "WORKOS_API_KEY": API_KEY}
        p = subprocess.run([BIN, "--base-url", base, "--ca-file", EMU.ca_file, "--retries", "0"] + list(args),
                           env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def test_token_and_list_at_an_ipv6_literal(self):
        base = "https://[::1]:%d" % RELAY_PORT
        rc, out, err = self.run_cli(base, "token", "github", "--user", USER)
        self.assertEqual(rc, 0, err)
        self.assertIn('"active":true', out)
        rc, out, err = self.run_cli(base + "/", "list", "--all", "--limit", "1")
        self.assertEqual(rc, 0, err)
        self.assertIn('"slug"', out)

    def test_nothing_listening_at_an_ipv6_literal(self):
        s = socket.socket(socket.AF_INET6)
        s.bind(("::1", 0))
        port = s.getsockname()[1]
        s.close()
        rc, out, err = self.run_cli("https://[::1]:%d" % port, "token", "github", "--user", USER)
        self.assertEqual(rc, 4, err)
        self.assertIn(" talking to https://[::1]:%d" % port, err)

    def test_bad_ipv6_urls_are_usage_errors(self):
        for base in ("https://[::1", "https://[::g]:443", "https://::1:443"):
            rc, out, err = self.run_cli(base, "token", "github", "--user", USER)
            self.assertEqual(rc, 2, (base, err))
            self.assertIn("invalid base URL", err)

    def test_name_resolving_to_ipv6_only(self):
        name = v6_only_name()
        if name is None:
            self.skipTest("no host name resolves to ::1 only here (tried %s)" % ", ".join(V6_NAMES))
        rc, out, err = self.run_cli("https://%s:%d" % (name, RELAY_PORT), "token", "github", "--user", USER)
        self.assertEqual(rc, 0, err)


def main():
    global BIN
    argv = sys.argv[:1]
    args = iter(sys.argv[1:])
    for a in args:
        if a == "--bin":
            BIN = os.path.abspath(next(args))
        else:
            argv.append(a)
    try:
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s.bind(("::1", 0))
        s.close()
    except OSError as exc:
        print("cli ipv6: 0 passed, 0 failed (skipped: no IPv6 loopback here: %s)" % exc)
        return 0
    prog = unittest.main(argv=argv, exit=False, verbosity=2)
    res = prog.result
    bad = {getattr(t, "test_case", t).id() for t, _ in res.failures + res.errors}
    passed = res.testsRun - len(res.skipped) - len([b for b in bad if "setUpClass" not in b])
    skipped = "; ".join("%s skipped: %s" % (t.id().rsplit(".", 1)[-1], why) for t, why in res.skipped)
    sys.stdout.flush()
    print("cli ipv6: %d passed, %d failed%s" % (max(passed, 0), len(bad), " (%s)" % skipped if skipped else ""))
    return 0 if res.wasSuccessful() else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        es.stop_all()
