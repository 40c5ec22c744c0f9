#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The wos-pipes tool through an HTTP CONNECT proxy (tests/e2e/connect_proxy.py)
on 127.0.0.1, to the emulator over HTTPS: HTTPS_PROXY, https_proxy,
NO_PROXY, Basic proxy credentials, refusals.

    python3 tests/e2e/test_cli_proxy.py --bin build/wos-pipes

Prints "cli proxy: N passed, M failed" last; exits 1 on any failure.
"""

import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_support as es  # noqa: E402
from connect_proxy import ConnectProxy  # noqa: E402

API_KEY = "sk_test_e2e_proxy_5D1B7C30"
USER = "user_01EHZNVPK3SFK441A1RGBFSHRT"
BIN = os.path.join(es.build_dir(), "wos-pipes")
EMU = None
EXIT_OK, EXIT_USAGE, EXIT_NETWORK = 0, 2, 4


def setUpModule():
    global EMU
    es.install_signal_handlers()
    EMU = es.Emulator(API_KEY)


def tearDownModule():
    es.stop_all()


class Proxy(unittest.TestCase):
    def setUp(self):
        self.proxies = []

    def tearDown(self):
        for p in self.proxies:
            p.stop()

    def proxy(self, **kw):
        p = ConnectProxy(**kw)
        self.proxies.append(p)
        return p

    def run_cli(self, env_extra, *args):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "WORKOS_API_KEY": API_KEY}
        env.update(env_extra)
        p = subprocess.run([BIN, "--base-url", EMU.base_url, "--ca-file", EMU.ca_file, "--retries", "0"]
                           + list(args), env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def token(self, env_extra):
        return self.run_cli(env_extra, "token", "github", "--user", USER)

    def target(self):
        return "localhost:%d" % EMU.port

    def test_token_through_the_proxy(self):
        p = self.proxy()
        rc, out, err = self.token({"HTTPS_PROXY": "http://127.0.0.1:%d" % p.port})
        self.assertEqual(rc, EXIT_OK, err)
        self.assertIn('"active":true', out)
        self.assertEqual(p.requests, [(self.target(), None, 200)])

    def test_walk_uses_one_tunnel(self):
        p = self.proxy()
        rc, out, err = self.run_cli({"HTTPS_PROXY": "127.0.0.1:%d/" % p.port}, "list", "--all", "--limit", "1")
        self.assertEqual(rc, EXIT_OK, err)
        self.assertGreater(out.count('"slug"'), 1)  # several pages, one kept-alive tunnel
        self.assertEqual(len(p.requests), 1)

    def test_basic_credentials_percent_decoded(self):
        p = self.proxy(auth=("dev@corp", "p:ss w%rd"))
        rc, out, err = self.token({"https_proxy": "http://dev%%40corp:p:ss%%20w%%25rd@127.0.0.1:%d" % p.port})
        self.assertEqual(rc, EXIT_OK, err)
        self.assertEqual(p.requests[0][2], 200)
        self.assertTrue(p.requests[0][1].startswith("Basic "))

    def test_missing_credentials_reported_as_407(self):
        p = self.proxy(auth=("u", "secret-pw"))
        rc, out, err = self.token({"HTTPS_PROXY": "http://u:wrong-pw@127.0.0.1:%d" % p.port})
        self.assertEqual(rc, EXIT_NETWORK, err)
        self.assertEqual(out, "")
        self.assertIn("talking to %s through proxy 127.0.0.1:%d (the proxy refused the tunnel: HTTP 407, "
                      "proxy credentials missing or wrong)" % (EMU.base_url, p.port), err)
        self.assertNotIn("wrong-pw", err)
        self.assertEqual(err.count("\n"), 1)

    def test_proxy_error_status_reported(self):
        p = self.proxy(refuse=502)
        rc, out, err = self.token({"HTTPS_PROXY": "http://127.0.0.1:%d" % p.port})
        self.assertEqual(rc, EXIT_NETWORK, err)
        self.assertIn("(the proxy refused the tunnel: HTTP 502)", err)

    def test_unreachable_proxy(self):
        p = self.proxy()
        port = p.port
        p.stop()
        rc, out, err = self.token({"HTTPS_PROXY": "http://127.0.0.1:%d" % port})
        self.assertEqual(rc, EXIT_NETWORK, err)
        self.assertIn("through proxy 127.0.0.1:%d\n" % port, err)

    def test_no_proxy_matches_host_and_domain(self):
        p = self.proxy()
        for no_proxy in ("localhost", "example.com, LOCALHOST:443", "*", ".localhost", "[::1],localhost"):
            rc, out, err = self.token({"HTTPS_PROXY": "http://127.0.0.1:%d" % p.port, "NO_PROXY": no_proxy})
            self.assertEqual(rc, EXIT_OK, (no_proxy, err))
        self.assertEqual(p.requests, [])
        for no_proxy in ("otherlocalhost", "host", "127.0.0.1", "calhost"):
            rc, out, err = self.token({"HTTPS_PROXY": "http://127.0.0.1:%d" % p.port, "no_proxy": no_proxy})
            self.assertEqual(rc, EXIT_OK, (no_proxy, err))
        self.assertEqual(len(p.requests), 4)

    def test_lower_case_wins(self):
        good, bad = self.proxy(), self.proxy(refuse=403)
        rc, out, err = self.token({"https_proxy": "http://127.0.0.1:%d" % good.port,
                                   "HTTPS_PROXY": "http://127.0.0.1:%d" % bad.port})
        self.assertEqual(rc, EXIT_OK, err)
        self.assertEqual((len(good.requests), len(bad.requests)), (1, 0))

    def test_bad_proxy_settings_are_usage_errors(self):
        for value, why in (("socks5://u:topsecret@127.0.0.1:1080", "only http:// proxies"),
                           ("http://u:topsecret@127.0.0.1:0", "port is out of range"),
                           ("http://u:top%0Asecret@127.0.0.1:8080", "bad %-escape"),
                           ("http://127.0.0.1:8080/path", "no path"),
                           ("http://:8080", "host is missing")):
            rc, out, err = self.token({"HTTPS_PROXY": value})
            self.assertEqual(rc, EXIT_USAGE, (value, err))
            self.assertIn(why, err)
            self.assertNotIn("topsecret", err)
            self.assertNotIn("top%0Asecret", err)


def main():
    global BIN
    argv = sys.argv[:1]
    args = iter(sys.argv[1:])
    for a in args:
        if a == "--bin":
            BIN = os.path.abspath(next(args))
        else:
            argv.append(a)
    prog = unittest.main(argv=argv, exit=False, verbosity=2)
    res = prog.result
    bad = {getattr(t, "test_case", t).id() for t, _ in res.failures + res.errors}
    passed = res.testsRun - len(res.skipped) - len([b for b in bad if "setUpClass" not in b])
    sys.stdout.flush()
    print("cli proxy: %d passed, %d failed" % (max(passed, 0), len(bad)))
    return 0 if res.wasSuccessful() else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        es.stop_all()
