#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""End-to-end tests of the wos-pipes tool over real HTTPS against the Pipes
emulator on 127.0.0.1 (by the name localhost, trusting only the test CA).

    python3 tests/e2e/test_cli_e2e.py [--bin build/wos-pipes] [unittest args]

One emulator per run (two with the --plain tests), stopped at the end, at
exit and on SIGINT/SIGTERM/SIGHUP. Every test resets the emulator first.
Each tool run is checked for the API key and client secret in its output.
The tool's JSON is compared field by field with what the emulator's API
itself answers (read with a direct client whose requests the checks of the
request log leave out). Prints "cli e2e: N passed, M failed" last; exits 1
on any failure.
"""

import email.utils
import fcntl
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_support as es  # noqa: E402

API_KEY = "sk_test_e2e_cli_Q7Z3N9K2"
USER = "user_01EHZNVPK3SFK441A1RGBFSHRT"
ORG = "org_01EHZNVPK3SFK441A1RGBFSHRT"
REAUTH_USER = "user_01HQ8R7Y3NEEDSREAUTH0000GH"
GITHUB_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a"
with open(es.SEED_PATH, encoding="utf-8") as _seed:
    SEEDED_INTEGRATIONS = len(json.load(_seed)["integrations"])
UUID4_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
# One line: "wos-pipes: HTTP 404: message [request req_12]"
HTTP_LINE_RE = re.compile(r"^wos-pipes: HTTP (\d{3})(?: \(([^)]*)\))?(?:: (.*?))?"
                          r"(?: \[request (req_\d+)\])?\n$")
# Under qemu-user (the cross lanes) a TLS handshake takes longer than the
# 200 ms deadline these tests give; the lanes scale the deadline and the
# emulator's delay together so that the same thing is tested.
TIME_SCALE = max(1, int(os.environ.get("WOS_E2E_TIME_SCALE", "1")))
EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INACTIVE, EXIT_NETWORK = 0, 1, 2, 3, 4

BIN = os.path.join(es.build_dir(), "wos-pipes")

def scan_qr(text):
    """Decode a QR code drawn with half blocks (light modules as full blocks,
    dark ones as spaces, two rows a line) the way a phone would: rebuild the
    picture and read it with zbarimg (Debian's zbar-tools)."""
    light = {"\u2588": (1, 1), "\u2580": (1, 0), "\u2584": (0, 1), " ": (0, 0)}
    rows = []
    for line in text.splitlines():
        if line and set(line) <= set(light):
            pair = [light[c] for c in line]
            rows += [[p[0] for p in pair], [p[1] for p in pair]]
    if not rows:
        return None
    scale, pad, width = 6, 8, len(rows[0])
    pixels = []
    for row in [[1] * width] * pad + rows + [[1] * width] * pad:
        line = bytes(255 if v else 0 for v in [1] * pad + row + [1] * pad for _ in range(scale))
        pixels += [line] * scale
    with tempfile.NamedTemporaryFile(suffix=".pgm", delete=False) as f:
        f.write(b"P5\n%d %d\n255\n" % (len(pixels[0]), len(pixels)) + b"".join(pixels))
    try:
        out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f.name],
                             capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(f.name)
    return out.stdout.rstrip("\n") if out.returncode == 0 else None

EMU = None
CTL = None
API = None


def setUpModule():
    global EMU, CTL, API
    es.install_signal_handlers()
    EMU = es.Emulator(API_KEY)
    CTL = es.Control(EMU)
    API = es.Api(EMU)


def tearDownModule():
    for c in (CTL, API):
        if c is not None:
            c.close()
    es.stop_all()


class Result:
    def __init__(self, rc, out, err, elapsed):
        self.rc, self.out, self.err, self.elapsed = rc, out, err, elapsed

    def json(self):
        return json.loads(self.out)

    def __repr__(self):
        return "exit %d, stdout %r, stderr %r" % (self.rc, self.out[:300], self.err[:300])


class E2E(unittest.TestCase):
    emu = None  # None: the module's HTTPS emulator

    def setUp(self):
        self.em = self.emu or EMU
        self.ctl = CTL if self.em is EMU else self.ctl_plain
        self.api = API if self.em is EMU else self.api_plain
        self.api.close()  # no direct connection may linger into a test's counters
        self.ctl.reset()
        self.secrets = [API_KEY]
        self.tmpfiles = []

    def tearDown(self):
        for path in self.tmpfiles:
            os.unlink(path)

    # -- running the tool -------------------------------------------------
    def env(self, key=API_KEY, secret=None, base=True, ca=True, extra=None):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
        env.update(extra or {})
        if key is not None:
            env["WORKOS_API_KEY"] = key
        if base:
            env["WORKOS_BASE_URL"] = self.em.base_url
        if ca and self.em.ca_file:
            env["WORKOS_CA_FILE"] = self.em.ca_file
        if secret is not None:
            env["WORKOS_CLIENT_SECRET"] = secret
        return env

    def run_cli(self, *args, key=API_KEY, secret=None, base=True, ca=True, expect=None,
                extra_env=None, prefix=()):
        """prefix: a command that runs the tool (it ends with exec "$@")."""
        for s in [key, secret] + list((extra_env or {}).values()):
            if s is not None and s not in self.secrets:
                self.secrets.append(s)
        start = time.monotonic()
        p = subprocess.run(list(prefix) + [BIN] + list(args),
                           env=self.env(key, secret, base, ca, extra_env),
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        r = Result(p.returncode, p.stdout.decode("utf-8", "replace"),
                   p.stderr.decode("utf-8", "replace"), time.monotonic() - start)
        self.assert_no_secrets(r)
        if expect is not None:
            self.assertEqual(r.rc, expect, r)
        return r

    def assert_no_secrets(self, r):
        for s in self.secrets:
            self.assertNotIn(s, r.out, "a secret reached stdout")
            self.assertNotIn(s, r.err, "a secret reached stderr")

    def assert_one_line(self, r):
        self.assertEqual(r.out, "", r)
        self.assertTrue(r.err.endswith("\n"), r)
        self.assertEqual(len(r.err.splitlines()), 1, r)

    def assert_http_error(self, r, status, message=None, code=None):
        """Exit 1, nothing on stdout, one stderr line with the status and the
        server's message, and the request id the log has for it."""
        self.assertEqual(r.rc, EXIT_FAIL, r)
        self.assert_one_line(r)
        m = HTTP_LINE_RE.match(r.err)
        self.assertIsNotNone(m, r.err)
        self.assertEqual(int(m.group(1)), status)
        if message is not None:
            self.assertEqual(m.group(3), message)
        if code is not None:
            self.assertEqual(m.group(2), code)
        ids = [e["request_id"] for e in self.entries()]
        self.assertEqual(m.group(4), ids[-1], "the line names the last request")
        return m

    def temp_json(self, obj):
        fd, path = tempfile.mkstemp(suffix=".json", dir=self.em.workdir)
        with os.fdopen(fd, "w") as f:
            json.dump(obj, f)
        self.tmpfiles.append(path)
        return path

    # -- the emulator's side ----------------------------------------------
    def entries(self, log=None):
        return es.client_entries(log or self.ctl.log())

    def api_get(self, slug):
        status, _, body = self.api.get(slug)
        self.assertEqual(status, 200, body)
        return body

    def assert_same_fields(self, got, want, skip=()):
        """Same members, and each member equal (one subTest per field)."""
        keys = set(want) - set(skip)
        self.assertEqual(set(got) - set(skip), keys, "members differ")
        for k in sorted(keys):
            with self.subTest(field=k):
                self.assertEqual(got[k], want[k])

    def assert_matches_emulator(self, got, slug=None):
        """The tool's integration equals the emulator's current state."""
        want = self.api_get(slug or got["slug"])
        self.assert_same_fields(got, want, skip=("installation",))

    def assert_same_key(self, entries):
        keys = {e["idempotency_key"] for e in entries}
        self.assertEqual(len(keys), 1, "one Idempotency-Key for every attempt: %r" % keys)
        key = keys.pop()
        self.assertRegex(key, UUID4_RE)
        return key


# ---------------------------------------------------------------- operations

CUSTOM_PROVIDER = {
    "name": "ERP OAuth",
    "authorization_url": "https://erp.example.com/oauth/authorize",
    "token_url": "https://erp.example.com/oauth/token",
    "refresh_token_url": None,
    "pkce_enabled": False,
    "request_scope_separator": ",",
    "scopes_required": True,
    "client_secret_required": False,
    "additional_authorization_parameters": {"prompt": "consent", "access_type": "offline"},
    "token_body_content_type": "application/json",
    "authenticate_via": "basic_auth_header",
}


class Create(E2E):
    def test_builtin_with_every_simple_field_and_a_secret(self):
        secret = "gl_secret_e2e_ABCD9876"
        r = self.run_cli("create", "--provider", "gitlab", "--description", "Team GitLab",
                         "--enabled", "true", "--scopes", "read_user,api",
                         "--auth-methods", "oauth,api_key", "--config", "region=eu",
                         "--config", "tier=gold", "--credentials-type", "custom",
                         "--client-id", "gl-client-1", secret=secret, expect=EXIT_OK)
        got = r.json()
        self.assertEqual(got["slug"], "gitlab")
        self.assertEqual(got["integration_type"], "gitlab")
        self.assertEqual(got["description"], "Team GitLab")
        self.assertIs(got["enabled"], True)
        self.assertEqual(got["scopes"], ["read_user", "api"])
        self.assertEqual(got["auth_methods"], ["oauth", "api_key"])
        self.assertEqual(got["config"], {"region": "eu", "tier": "gold"})
        self.assertEqual(got["credentials"], {"type": "custom", "client_id": "gl-client-1",
                                              "redacted_client_secret": "9876"})
        self.assertIsNone(got["installation"])
        self.assertIsNone(got["custom_provider"])
        (e,) = self.entries()
        self.assertEqual((e["method"], e["path"], e["status"]), ("POST", "/data-integrations", 201))
        self.assertEqual(e["content_type"], "application/json")
        self.assertEqual(e["host"], "localhost:%d" % self.em.port)
        self.assert_same_key([e])
        self.assert_matches_emulator(got)

    def test_custom_provider_from_file(self):
        path = self.temp_json(CUSTOM_PROVIDER)
        r = self.run_cli("create", "--provider", "acme-erp", "--custom-provider", path,
                         "--credentials-type", "custom", "--client-id", "erp-1",
                         "--scopes", "orders.read,orders.write", secret="erp_secret_77",
                         expect=EXIT_OK)
        got = r.json()
        self.assertEqual(got["integration_type"], "custom")
        self.assertEqual(got["custom_provider"], CUSTOM_PROVIDER)
        self.assertEqual(got["credentials"]["redacted_client_secret"], "t_77")
        self.assert_matches_emulator(got)

    def test_defaults_cleared_fields_and_organization_credentials(self):
        r = self.run_cli("create", "--provider", "zoom", "--no-description", "--default-scopes",
                         "--enabled", "false", "--credentials-type", "organization",
                         expect=EXIT_OK)
        got = r.json()
        self.assertIsNone(got["description"])
        self.assertIsNone(got["scopes"])
        self.assertIs(got["enabled"], False)
        self.assertEqual(got["auth_methods"], ["oauth"])
        self.assertEqual(got["config"], {})
        self.assertEqual(got["credentials"], {"type": "organization", "client_id": None,
                                              "redacted_client_secret": None})
        self.assert_matches_emulator(got)

    def test_secret_from_the_environment_only(self):
        # Without WORKOS_CLIENT_SECRET nothing is sent: a usage error.
        r = self.run_cli("create", "--provider", "box", "--credentials-type", "custom",
                         "--client-id", "box-1", expect=EXIT_USAGE)
        self.assertEqual(r.out, "")
        self.assertEqual(self.entries(), [])


def with_installation(item):
    """The server's item as the tool prints it: every member of the schema,
    installation null when the server sent null or nothing."""
    return dict(item, installation=item.get("installation"))


class ListPages(E2E):
    def assert_page(self, r, query):
        got = r.json()
        status, _, want = self.api.list(**query)
        self.assertEqual(status, 200)
        self.assertEqual(set(got), {"data", "list_metadata"})
        self.assertEqual(len(got["data"]), len(want["data"]))
        for g, w in zip(got["data"], want["data"]):
            # Every member of the schema is printed: installation is null
            # when the server sent null or nothing (a listing sends nothing).
            self.assertIn("installation", g)
            self.assert_same_fields(g, with_installation(w))
        self.assertEqual(got["list_metadata"], want["list_metadata"])
        return got

    def test_default_page(self):
        r = self.run_cli("list", expect=EXIT_OK)
        (e,) = self.entries()
        self.assertEqual((e["method"], e["path"], e["query"]), ("GET", "/data-integrations", ""))
        self.assertIsNone(e["idempotency_key"])
        got = self.assert_page(r, {})
        self.assertEqual(len(got["data"]), SEEDED_INTEGRATIONS)

    def test_every_flag(self):
        ids = [i["id"] for i in API.list_all(order="asc")]
        cases = [
            (["--limit", "2", "--order", "asc"], {"limit": "2", "order": "asc"}),
            (["--limit", "2", "--order", "asc", "--after", ids[1]],
             {"limit": "2", "order": "asc", "after": ids[1]}),
            (["--order", "asc", "--before", ids[3], "--limit", "2"],
             {"limit": "2", "order": "asc", "before": ids[3]}),
            (["--order", "desc", "--limit", "1", "--after", ids[2]],
             {"limit": "1", "order": "desc", "after": ids[2]}),
            (["--order", "normal", "--limit", "2"], {"limit": "2", "order": "normal"}),
            (["--order", "normal", "--limit", "2", "--before", ids[3]],
             {"limit": "2", "order": "normal", "before": ids[3]}),
        ]
        for args, query in cases:
            with self.subTest(args=args):
                self.ctl.reset()
                r = self.run_cli("list", *args, expect=EXIT_OK)
                (e,) = self.entries()
                sent = {k: v[0] for k, v in urllib.parse.parse_qs(e["query"]).items()}
                self.assertEqual(sent, query)
                self.assert_page(r, query)

    def test_all_over_three_pages_is_one_handshake(self):
        r = self.run_cli("list", "--all", "--limit", "2", expect=EXIT_OK)
        log = self.ctl.log()
        got = r.json()
        entries = self.entries(log)
        self.assertEqual(len(entries), 3, "5 items in pages of 2")
        self.assertEqual({e["connection_id"] for e in entries}, {entries[0]["connection_id"]})
        self.assertEqual([e["connection_request"] for e in entries], [1, 2, 3])
        self.assertEqual(log["counters"]["tls_handshakes"], 1)
        self.assertEqual(log["counters"]["api_connections"], 1)
        # Page n+1 starts after the last item of page n.
        want = API.list_all()
        self.assertEqual([urllib.parse.parse_qs(e["query"]).get("after") for e in entries],
                         [None, [want[1]["id"]], [want[3]["id"]]])
        self.assertEqual(got["list_metadata"], {"before": None, "after": None})
        self.assertEqual(len(got["data"]), len(want))
        for g, w in zip(got["data"], want):
            self.assert_same_fields(g, with_installation(w))

    def test_all_ascending_with_start_cursor(self):
        asc = API.list_all(order="asc")
        r = self.run_cli("list", "--all", "--order", "asc", "--limit", "1",
                         "--after", asc[0]["id"], expect=EXIT_OK)
        self.assertEqual([i["id"] for i in r.json()["data"]], [i["id"] for i in asc[1:]])

    def test_all_in_normal_order_visits_every_item(self):
        # A normal listing continues through list_metadata.before (see the
        # emulator README); following only `after` would stop after page 1.
        r = self.run_cli("list", "--all", "--order", "normal", "--limit", "2", expect=EXIT_OK)
        self.assertEqual([i["id"] for i in r.json()["data"]],
                         [i["id"] for i in API.list_all(order="desc")])


class GetUpdateDelete(E2E):
    def test_get(self):
        for slug in ("github", "slack", "acme-crm", "openai"):
            with self.subTest(slug=slug):
                got = self.run_cli("get", slug, expect=EXIT_OK).json()
                self.assertIn("installation", got)  # every schema member, null when not sent
                self.assertIsNone(got["installation"])
                self.assert_matches_emulator(got, slug)
        (e,) = self.entries()[:1]
        self.assertEqual((e["method"], e["path"], e["status"]), ("GET", "/data-integrations/github", 200))

    def test_update_fields(self):
        before = self.api_get("github")
        r = self.run_cli("update", "github", "--description", "Renamed app", "--enabled", "false",
                         "--scopes", "repo,read:org", expect=EXIT_OK)
        got = r.json()
        self.assertEqual(got["description"], "Renamed app")
        self.assertIs(got["enabled"], False)
        self.assertEqual(got["scopes"], ["repo", "read:org"])
        self.assertEqual(got["created_at"], before["created_at"])
        self.assertNotEqual(got["updated_at"], before["updated_at"])
        self.assertEqual(got["credentials"], before["credentials"], "untouched")
        (e,) = self.entries()
        self.assertEqual((e["method"], e["path"], e["status"]), ("PUT", "/data-integrations/github", 200))
        self.assert_matches_emulator(got)

    def test_update_no_description_and_default_scopes(self):
        got = self.run_cli("update", "github", "--no-description", "--default-scopes",
                           expect=EXIT_OK).json()
        self.assertIsNone(got["description"])
        self.assertIsNone(got["scopes"])
        self.assert_matches_emulator(got)

    def test_update_rotates_the_secret(self):
        got = self.run_cli("update", "github", "--credentials-type", "custom",
                           "--client-id", "Iv1.rotated", secret="rotated_secret_e2e_WXYZ",
                           expect=EXIT_OK).json()
        self.assertEqual(got["credentials"], {"type": "custom", "client_id": "Iv1.rotated",
                                              "redacted_client_secret": "WXYZ"})
        self.assert_matches_emulator(got)

    def test_update_merges_the_custom_provider(self):
        path = self.temp_json({"name": "CRM v2", "pkce_enabled": False})
        want = self.api_get("acme-crm")["custom_provider"]
        want.update({"name": "CRM v2", "pkce_enabled": False})
        got = self.run_cli("update", "acme-crm", "--custom-provider", path, expect=EXIT_OK).json()
        self.assertEqual(got["custom_provider"], want)
        self.assert_matches_emulator(got)

    def test_delete(self):
        r = self.run_cli("delete", "microsoft", expect=EXIT_OK)
        self.assertEqual((r.out, r.err), ("", ""))
        (e,) = self.entries()
        self.assertEqual((e["method"], e["path"], e["status"]), ("DELETE", "/data-integrations/microsoft", 204))
        status, _, _ = self.api.get("microsoft")
        self.assertEqual(status, 404)
        # Its connected accounts went with it.
        self.assert_http_error(self.run_cli("token", "microsoft", "--user", USER), 404)


class Tokens(E2E):
    def test_token_fetch_example(self):
        """examples/token_fetch.c, the README's program, against the emulator over TLS."""
        fetch = os.path.join(os.path.dirname(BIN), "token_fetch")
        env = self.env()
        for user, slug, want_rc, want_out in (
                (USER, "github", 0, "active, expires at 2025-12-31T23:59:59.000Z\n"),
                (REAUTH_USER, "github", 1, "not active: needs_reauthorization\n")):
            p = subprocess.run([fetch, slug, user], env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=60)
            out = p.stdout.decode("utf-8", "replace")
            self.assertEqual((p.returncode, out), (want_rc, want_out), p.stderr)
            self.assertNotIn(GITHUB_TOKEN, out + p.stderr.decode("utf-8", "replace"))
            self.assertNotIn(API_KEY, out + p.stderr.decode("utf-8", "replace"))

    def token(self, slug, *args, expect=EXIT_OK):
        return self.run_cli("token", slug, *args, expect=expect)

    def assert_like_emulator(self, got, slug, user, org=None):
        status, _, want = self.api.token(slug, user, org)
        self.assertEqual(status, 200)
        self.assertEqual(set(got), set(want))
        self.assertEqual(got["active"], want["active"])
        if want["active"]:
            self.assert_same_fields(got["access_token"], want["access_token"])
        else:
            self.assertEqual(got["error"], want["error"])

    def test_active_with_expiry(self):
        got = self.token("github", "--user", USER).json()
        self.assertEqual(got, {"active": True, "access_token": {
            "object": "access_token", "access_token": GITHUB_TOKEN,
            "expires_at": "2025-12-31T23:59:59.000Z", "scopes": ["repo", "user:email"],
            "missing_scopes": []}})
        (e,) = self.entries()
        self.assertEqual((e["method"], e["path"], e["status"]),
                         ("POST", "/data-integrations/github/token", 200))
        self.assertEqual(e["content_type"], "application/json")
        self.assert_same_key([e])
        self.assert_like_emulator(got, "github", USER)

    def test_no_expiry_and_missing_scopes(self):
        got = self.token("slack", "--user", USER, "--org", ORG).json()
        self.assertTrue(got["active"])
        self.assertIsNone(got["access_token"]["expires_at"])
        self.assertEqual(got["access_token"]["missing_scopes"], ["users:read"])
        self.assert_like_emulator(got, "slack", USER, ORG)

    def test_large_token(self):
        got = self.token("microsoft", "--user", USER).json()
        self.assertEqual(len(got["access_token"]["access_token"]), 3926)
        self.assert_like_emulator(got, "microsoft", USER)

    def test_not_installed_exits_3_with_its_json(self):
        for slug, args in (("slack", ["--user", USER]), ("acme-crm", ["--user", USER]),
                           ("github", ["--user", "user_nobody"])):
            with self.subTest(slug=slug, args=args):
                r = self.token(slug, *args, expect=EXIT_INACTIVE)
                self.assertEqual(r.json(), {"active": False, "error": "not_installed"})
                self.assertEqual(r.err, "")
                self.assert_like_emulator(r.json(), slug, args[1])

    def test_needs_reauthorization_exits_3(self):
        r = self.token("github", "--user", REAUTH_USER, expect=EXIT_INACTIVE)
        self.assertEqual(r.json(), {"active": False, "error": "needs_reauthorization"})

    def test_two_calls_use_two_keys(self):
        self.token("github", "--user", USER)
        self.token("github", "--user", USER)
        a, b = self.entries()
        self.assertNotEqual(a["idempotency_key"], b["idempotency_key"])


# ---------------------------------------------------------------- API errors

class ApiErrors(E2E):
    def test_401_wrong_key(self):
        r = self.run_cli("get", "github", key="sk_test_wrong_key_5150")
        self.assert_http_error(r, 401)
        (e,) = self.entries()
        self.assertEqual((e["status"], e["auth"]), (401, "invalid"))

    def test_403_forbidden(self):
        self.ctl.faults({"status": 403, "body": '{"message": "Forbidden for this API key."}'})
        r = self.run_cli("get", "github")
        self.assert_http_error(r, 403, "Forbidden for this API key.")
        self.assertEqual(len(self.entries()), 1, "not retried")

    def test_404(self):
        r = self.run_cli("get", "nosuch")
        _, _, body = self.api.get("nosuch")
        self.assert_http_error(r, 404, body["message"])
        self.assertEqual(len(self.entries()), 1, "not retried")

    def test_404_unknown_provider(self):
        r = self.run_cli("create", "--provider", "nosuch-provider", "--credentials-type",
                         "organization")
        self.assert_http_error(r, 404, "Provider not found: 'nosuch-provider'.")

    def test_409_slug_exists(self):
        r = self.run_cli("create", "--provider", "github", "--credentials-type", "organization")
        self.assert_http_error(r, 409, "A data integration with slug 'github' already exists.")

    def test_422(self):
        r = self.run_cli("create", "--provider", "gitlab")  # oauth without credentials
        self.assert_http_error(r, 422)
        r = self.run_cli("token", "openai", "--user", USER)
        self.assert_http_error(r, 422, code="auth_method_mismatch")

    def test_400(self):
        r = self.run_cli("create", "--provider", "gitlab", "--auth-methods", "bogus",
                         "--credentials-type", "organization")
        self.assert_http_error(r, 400, "each value in auth_methods must be one of the "
                                       "following values: oauth, api_key, client_credentials",
                               code="Bad Request")
        self.assertEqual(len(self.entries()), 1, "not retried")


# ---------------------------------------------------------------- faults

class Faults(E2E):
    def test_429_retry_after_seconds(self):
        self.ctl.faults({"status": 429, "retry_after": "1", "count": 2})
        r = self.run_cli("token", "github", "--user", USER, expect=EXIT_OK)
        self.assertEqual(r.json()["access_token"]["access_token"], GITHUB_TOKEN)
        entries = self.entries()
        self.assertEqual([e["status"] for e in entries], [429, 429, 200])
        self.assert_same_key(entries)
        # Backoff alone would have waited 0.25..0.5 s before the first retry.
        self.assertGreaterEqual(r.elapsed, 2.0, "Retry-After: 1 honoured twice")

    def test_429_retry_after_http_date(self):
        when = email.utils.formatdate(time.time() + 3, usegmt=True)
        self.ctl.faults({"status": 429, "retry_after": when})
        r = self.run_cli("get", "github", expect=EXIT_OK)
        self.assert_matches_emulator(r.json())
        self.assertEqual([e["status"] for e in self.entries()], [429, 200])
        self.assertGreaterEqual(r.elapsed, 1.0, "waited for the date, not the 0.25..0.5 s backoff")

    def test_429_on_create_keeps_its_idempotency_key(self):
        self.ctl.faults({"status": 429, "retry_after": "0"})
        r = self.run_cli("create", "--provider", "figma", "--credentials-type", "organization",
                         expect=EXIT_OK)
        entries = self.entries()
        self.assertEqual([e["status"] for e in entries], [429, 201])
        self.assert_same_key(entries)
        self.assert_matches_emulator(r.json())

    def test_5xx_retried(self):
        for status, cmd in ((500, ["get", "slack"]), (502, ["list", "--limit", "3"]),
                            (503, ["token", "github", "--user", USER])):
            with self.subTest(status=status):
                self.ctl.reset()
                self.ctl.faults({"status": status})
                r = self.run_cli(*cmd, expect=EXIT_OK)
                entries = self.entries()
                self.assertEqual([e["status"] for e in entries], [status, 200])
                self.assertEqual(entries[0]["faults"], ["status"])
                self.assertEqual(r.err, "")
                json.loads(r.out)

    def test_5xx_after_the_last_retry_is_an_error(self):
        self.ctl.faults({"status": 502, "count": 2})  # an HTML body
        r = self.run_cli("--retries", "1", "get", "github")
        self.assert_http_error(r, 502)
        self.assertEqual([e["status"] for e in self.entries()], [502, 502])
        self.ctl.reset()
        self.ctl.faults({"status": 503})
        self.assert_http_error(self.run_cli("--retries", "0", "token", "github", "--user", USER),
                               503, "Service Unavailable")
        self.assertEqual(len(self.entries()), 1)

    def test_delay_beyond_timeout_exits_4(self):
        self.ctl.faults({"delay_ms": 900 * TIME_SCALE})
        r = self.run_cli("--timeout-ms", str(200 * TIME_SCALE), "--retries", "0",
                         "token", "github", "--user", USER)
        self.assertEqual(r.rc, EXIT_NETWORK, r)
        self.assert_one_line(r)
        self.assertTrue(r.err.startswith("wos-pipes: timeout talking to %s" % self.em.base_url), r)
        # The server still answers late; wait for it so that the next test starts clean.
        log = self.ctl.wait_for(lambda log: len(es.client_entries(log)) == 1)
        self.assertEqual(es.client_entries(log)[0]["faults"], ["delay_ms"])

    def test_delay_beyond_timeout_retried_for_token(self):
        self.ctl.faults({"delay_ms": 900 * TIME_SCALE})
        r = self.run_cli("--timeout-ms", str(200 * TIME_SCALE), "token", "github", "--user", USER,
                         expect=EXIT_OK)
        self.assertTrue(r.json()["active"])
        log = self.ctl.wait_for(lambda log: len(es.client_entries(log)) == 2)
        entries = es.client_entries(log)
        self.assertEqual(sorted(e["faults"] for e in entries), [[], ["delay_ms"]])
        self.assert_same_key(entries)
        self.assertEqual(len({e["connection_id"] for e in entries}), 2, "a timed-out connection is dropped")

    def test_chunked_responses(self):
        self.ctl.faults({"chunked": True})  # every response until cleared
        path = self.temp_json(CUSTOM_PROVIDER)
        runs = {
            "get": self.run_cli("get", "acme-crm", expect=EXIT_OK),
            "list": self.run_cli("list", "--all", "--limit", "2", expect=EXIT_OK),
            "token": self.run_cli("token", "microsoft", "--user", USER, expect=EXIT_OK),
            "create": self.run_cli("create", "--provider", "chunky", "--custom-provider", path,
                                   "--credentials-type", "organization", expect=EXIT_OK),
            "update": self.run_cli("update", "github", "--no-description", expect=EXIT_OK),
        }
        entries = self.entries()
        self.assertEqual(len(entries), 7)
        for e in entries:
            self.assertEqual(e["faults"], ["chunked"])
        self.ctl.clear_faults()
        self.assert_matches_emulator(runs["get"].json())
        self.assert_matches_emulator(runs["create"].json())
        self.assert_matches_emulator(runs["update"].json())
        listed = runs["list"].json()["data"]  # listed before the create
        self.assertEqual([i["id"] for i in listed],
                         [i["id"] for i in API.list_all() if i["slug"] != "chunky"])
        status, _, want = self.api.token("microsoft", USER)
        self.assertEqual(runs["token"].json(), want)

    def test_truncated_token_is_retried_with_the_same_key(self):
        self.ctl.faults({"truncate": True, "path": "/data-integrations/github/token"})
        r = self.run_cli("token", "github", "--user", USER, expect=EXIT_OK)
        self.assertEqual(r.json()["access_token"]["access_token"], GITHUB_TOKEN)
        entries = self.entries()
        self.assertEqual([e["faults"] for e in entries], [["truncate"], []])
        self.assert_same_key(entries)
        self.assertNotEqual(entries[0]["connection_id"], entries[1]["connection_id"])

    def test_truncated_get_is_retried(self):
        self.ctl.faults({"truncate": True, "chunked": True})
        r = self.run_cli("get", "github", expect=EXIT_OK)
        self.assertEqual([e["faults"] for e in self.entries()], [["chunked", "truncate"], []])
        self.assert_matches_emulator(r.json())

    def test_truncated_create_is_not_retried(self):
        self.ctl.faults({"truncate": True})
        r = self.run_cli("create", "--provider", "asana", "--credentials-type", "organization")
        self.assertEqual(r.rc, EXIT_NETWORK, r)
        self.assert_one_line(r)
        self.assertTrue(r.err.startswith("wos-pipes: network error"), r)  # cut, no close_notify
        (e,) = self.entries()
        self.assertEqual((e["status"], e["faults"]), (201, ["truncate"]))
        # It ran on the server: repeating it blindly could have made a second one.
        self.api_get("asana")

    # The write-resend rule: a PUT repeated with the same body is safe, so an
    # update whose answer was lost is resent (the unit tests cover DELETE's
    # 404 after such an attempt: the emulator cannot cut a 204 short).
    def test_truncated_update_is_resent(self):
        self.ctl.faults({"truncate": True, "method": "PUT"})
        r = self.run_cli("update", "github", "--description", "Resent", expect=EXIT_OK)
        self.assertEqual(r.json()["description"], "Resent")
        entries = self.entries()
        self.assertEqual([(e["method"], e["status"], e["faults"]) for e in entries],
                         [("PUT", 200, ["truncate"]), ("PUT", 200, [])])
        self.assert_matches_emulator(r.json())

    def test_dropped_request_is_retried_for_get(self):
        self.ctl.faults({"drop": True})
        r = self.run_cli("get", "slack", expect=EXIT_OK)
        self.assertEqual([e["status"] for e in self.entries()], [None, 200])
        self.assert_matches_emulator(r.json())

    def test_dropped_create_is_not_retried(self):
        # The request reached the server, which may or may not have run it.
        self.ctl.faults({"drop": True})
        r = self.run_cli("create", "--provider", "dropbox", "--credentials-type", "organization")
        self.assertEqual(r.rc, EXIT_NETWORK, r)
        self.assert_one_line(r)
        self.assertEqual([e["status"] for e in self.entries()], [None])
        self.assertEqual(self.api.get("dropbox")[0], 404, "a drop does not run the request")

    def test_retries_0_reports_the_429(self):
        self.ctl.faults({"status": 429, "retry_after": "30"})
        r = self.run_cli("--retries", "0", "get", "github")
        self.assert_http_error(r, 429, "Too Many Requests")
        self.assertEqual(len(self.entries()), 1)

    def test_idle_close_between_pages(self):
        """The server closes the kept-alive connection while the tool is
        blocked writing page 1 to a full stdout pipe; page 2 must go out on
        a new connection (resuming the TLS session), and the output must be
        whole."""
        for provider in ("asana", "box"):  # the two newest: page 1, 8 KB each
            status, _, body = self.api.create({"provider": provider, "description": "d" * 8000,
                                               "credentials": {"type": "organization"}})
            self.assertEqual(status, 201, body)
        want = API.list_all()
        self.api.close()  # its own idle close would count too
        self.ctl.faults({"close_idle_after_ms": 150})
        rfd, wfd = os.pipe()
        fcntl.fcntl(wfd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)
        proc = subprocess.Popen([BIN, "list", "--all", "--limit", "2"], env=self.env(),
                                stdin=subprocess.DEVNULL, stdout=wfd, stderr=subprocess.PIPE)
        os.close(wfd)
        try:
            log = self.ctl.wait_for(lambda log: log["counters"]["idle_closes"] >= 1, timeout=20)
            blocked = proc.poll() is None
            pages_before = len(es.client_entries(log))
            chunks = []
            while True:
                chunk = os.read(rfd, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
            err = proc.stderr.read().decode()
            rc = proc.wait(30)
        finally:
            os.close(rfd)
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stderr.close()
        r = Result(rc, b"".join(chunks).decode(), err, 0)
        self.assert_no_secrets(r)
        self.assertEqual(rc, EXIT_OK, r)
        self.assertTrue(blocked and pages_before == 1, "the tool was idle after page 1")
        log = self.ctl.log()
        entries = es.client_entries(log)
        self.assertEqual(len(entries), 4, "7 items in pages of 2")
        first, rest = entries[0], entries[1:]
        self.assertEqual({e["connection_id"] for e in rest}, {rest[0]["connection_id"]})
        self.assertNotEqual(first["connection_id"], rest[0]["connection_id"])
        self.assertEqual([e["connection_request"] for e in rest], [1, 2, 3])
        self.assertEqual((first["tls_resumed"], rest[0]["tls_resumed"]), (False, True))
        self.assertEqual(log["counters"]["api_connections_resumed"], 1)
        self.assertEqual([i["id"] for i in r.json()["data"]], [i["id"] for i in want])


# ---------------------------------------------------------------- transport

class Transport(E2E):
    def test_wrong_ca_is_rejected_exit_4(self):
        other = os.path.join(self.em.cert_dir, "other-ca.pem")
        r = self.run_cli("--ca-file", other, "token", "github", "--user", USER)
        self.assertEqual(r.rc, EXIT_NETWORK, r)
        self.assert_one_line(r)
        self.assertTrue(r.err.startswith("wos-pipes: certificate rejected"), r)
        log = self.ctl.wait_for(lambda log: log["counters"]["tls_handshake_failures"] >= 1)
        self.assertGreaterEqual(log["counters"]["tls_handshake_failures"], 1)
        self.assertEqual(self.entries(log), [], "no request went out")

    def test_flags_win_over_the_environment(self):
        env_ca_wrong = os.path.join(self.em.cert_dir, "other-ca.pem")
        p = subprocess.run([BIN, "--base-url", self.em.base_url, "--ca-file", self.em.ca_file,
                            "get", "github"],
                           env=dict(self.env(base=False, ca=False), WORKOS_BASE_URL="https://localhost:1",
                                    WORKOS_CA_FILE=env_ca_wrong),
                           capture_output=True, timeout=60)
        r = Result(p.returncode, p.stdout.decode(), p.stderr.decode(), 0)
        self.assert_no_secrets(r)
        self.assertEqual(r.rc, EXIT_OK, r)
        self.assert_matches_emulator(r.json())

    def test_nothing_listening_exits_4(self):
        r = self.run_cli("--base-url", "https://localhost:1", "--retries", "0", "get", "github")
        self.assertEqual(r.rc, EXIT_NETWORK, r)
        self.assert_one_line(r)

    def test_missing_key_is_a_usage_error(self):
        r = self.run_cli("get", "github", key=None, expect=EXIT_USAGE)
        self.assertEqual(r.out, "")
        self.assertEqual(self.entries(), [])


class Bounds(E2E):
    """Every attempt ends at --timeout-ms, whatever the network does; the
    whole call at (retries + 1) attempts plus the backoff between them."""

    TIMEOUT_MS, RETRIES = 500, 1
    BACKOFF_MAX_S = 0.5  # the first retry's backoff is at most the 500 ms base
    SLACK_S = 1.5  # scheduling on a loaded machine, not a speed goal

    def assert_bounded(self, r):
        attempts = (self.RETRIES + 1) * self.TIMEOUT_MS / 1000.0
        print("  %.2f s for %d attempts of %d ms" % (r.elapsed, self.RETRIES + 1, self.TIMEOUT_MS),
              file=sys.stderr)
        self.assertEqual(r.rc, EXIT_NETWORK, r)
        self.assert_one_line(r)
        self.assertTrue(r.err.startswith("wos-pipes: timeout talking to"), r)
        self.assertGreaterEqual(r.elapsed, attempts, "each attempt waited its deadline")
        self.assertLess(r.elapsed, attempts + self.BACKOFF_MAX_S + self.SLACK_S)

    def bounded_flags(self):
        return ("--timeout-ms", str(self.TIMEOUT_MS), "--retries", str(self.RETRIES))

    def test_alert_flood_ends_each_attempt_at_its_deadline(self):
        peer_py = os.path.join(es.REPO, "tests", "port", "tls_peer.py")
        certs = self.em.cert_dir
        peer = subprocess.Popen([sys.executable, peer_py, "--cert", os.path.join(certs, "server.pem"),
                                 "--key", os.path.join(certs, "server.key"), "--mode", "alert-flood"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        es.end_on_signal(peer)
        try:
            line = peer.stdout.readline().decode()
            self.assertTrue(line.startswith("PORT "), line)
            r = self.run_cli("--base-url", "https://127.0.0.1:%d" % int(line.split()[1]),
                             *self.bounded_flags(), "get", "github")
        finally:
            peer.stdin.close()  # the peer exits when its stdin closes
            peer.wait(30)
            peer.stdout.close()
        self.assert_bounded(r)

    def silent_dns_prefix(self, tmp):
        """A UDP socket on 127.a.b.c:53 that never answers, and the command
        prefix that runs the tool in a private mount namespace whose
        resolv.conf names it."""
        try:
            p = subprocess.run(["unshare", "-m", "true"], capture_output=True)
            why = p.stderr.decode("utf-8", "replace").strip() if p.returncode != 0 else None
        except OSError as e:
            why = str(e)
        if why is not None:
            self.skipTest("no private mount namespace here (needs root or CAP_SYS_ADMIN): %s" % why)
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.addCleanup(sock.close)
        for _ in range(20):
            addr = "127.%d.%d.%d" % (random.randint(100, 227), random.randint(0, 255),
                                     random.randint(1, 254))
            try:
                sock.bind((addr, 53))
                break
            except PermissionError:
                self.skipTest("binding UDP port 53 is not permitted here")
            except OSError:
                continue
        else:
            self.fail("no free 127.x.y.z:53")
        resolv, nss = os.path.join(tmp, "resolv.conf"), os.path.join(tmp, "nsswitch.conf")
        with open(resolv, "w") as f:
            f.write("nameserver %s\noptions timeout:3 attempts:1\n" % addr)
        with open(nss, "w") as f:
            f.write("hosts: files dns\n")
        script = 'mount --bind "$1" /etc/resolv.conf && mount --bind "$2" /etc/nsswitch.conf ' \
                 '&& shift 2 && exec "$@"'
        return ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", resolv, nss]

    def test_silent_resolver_ends_each_attempt_at_its_deadline(self):
        with tempfile.TemporaryDirectory(dir=self.em.workdir) as tmp:
            r = self.run_cli("--base-url", "https://pipes.silent.test", *self.bounded_flags(),
                             "get", "github", prefix=self.silent_dns_prefix(tmp))
        self.assert_bounded(r)


class PlainHttp(E2E):
    @classmethod
    def setUpClass(cls):
        cls.emu = es.Emulator(API_KEY, plain=True)
        cls.addClassCleanup(cls.emu.stop)
        cls.ctl_plain = es.Control(cls.emu)
        cls.addClassCleanup(cls.ctl_plain.close)
        cls.api_plain = es.Api(cls.emu)
        cls.addClassCleanup(cls.api_plain.close)

    def test_http_base_url(self):
        self.assertTrue(self.em.base_url.startswith("http://localhost:"))
        r = self.run_cli("token", "github", "--user", USER, ca=False, expect=EXIT_OK)
        self.assertEqual(r.json()["access_token"]["access_token"], GITHUB_TOKEN)
        r = self.run_cli("list", "--all", "--limit", "2", ca=False, expect=EXIT_OK)
        self.assertEqual(len(r.json()["data"]), SEEDED_INTEGRATIONS)
        entries = self.entries()
        self.assertEqual(len(entries), 4)
        self.assertEqual({e["tls_resumed"] for e in entries}, {None})
        self.assertEqual(len({e["connection_id"] for e in entries[1:]}), 1, "keep-alive")
        self.assertEqual(entries[0]["host"], "localhost:%d" % self.em.port)



# ---------------------------------------------------------------- connect commands

PROVIDER_KEY = "sk-provider-e2e-7788cdef"
CLIENT_SECRET = "cc-secret-e2e-55aa"
DEPRECATED = ("integrationType", "credentialsType", "createdAt", "updatedAt",
              "userlandUserId", "organizationId")


def without_deprecated(obj):
    if isinstance(obj, dict):
        return {k: without_deprecated(v) for k, v in obj.items() if k not in DEPRECATED}
    if isinstance(obj, list):
        return [without_deprecated(v) for v in obj]
    return obj


def q(s):
    return urllib.parse.quote(s, safe="")


class Connect(E2E):
    def direct(self, method, path, body=None, query=None, status=200):
        got, _, parsed = self.api.call(method, path, body, query)
        self.assertEqual(got, status, parsed)
        return parsed

    def account_path(self, slug, user=USER):
        return "/user_management/users/%s/connected_accounts/%s" % (q(user), q(slug))

    def test_authorize_with_qr(self):
        r = self.run_cli("authorize", "github", "--user", USER, "--org", ORG, "--return-to",
                         "https://example.com/back", "--config", "subdomain=acme", "--qr",
                         expect=EXIT_OK)
        url = r.json()["url"]
        self.assertEqual(set(r.json()), {"url"})
        self.assertTrue(url.startswith(self.em.base_url), url)
        self.assertIn("\u2588", r.err, "a QR code of blocks on stderr")
        self.assertEqual(scan_qr(r.err), url, "the QR code on stderr must scan as the URL")
        (e,) = self.entries()
        self.assertEqual((e["method"], e["status"]), ("POST", 200))
        self.assertRegex(e["idempotency_key"], UUID4_RE)

    def test_credentials_of_every_auth_method(self):
        for slug, user, org in (("github", USER, None), ("openai", USER, None),
                                ("salesforce", USER, None), ("slack", USER, ORG)):
            with self.subTest(slug=slug):
                args = ["credentials", slug, "--user", user] + (["--org", org] if org else [])
                r = self.run_cli(*args, expect=EXIT_OK)
                body = {"user_id": user}
                if org:
                    body["organization_id"] = org
                want = self.direct("POST", "/data-integrations/%s/credentials" % slug, body)
                got = r.json()
                if slug == "salesforce":  # a fresh client-credentials token on every call
                    for c in (got, want):
                        c["credential"]["value"] = c["credential"]["expires_at"] = "minted"
                self.assertEqual(got, want)

    def test_credentials_inactive_exits_3(self):
        r = self.run_cli("credentials", "github", "--user", "user_nobody", expect=EXIT_INACTIVE)
        self.assertEqual(r.json(), {"active": False, "error": "not_installed"})
        r = self.run_cli("credentials", "github", "--user", REAUTH_USER, expect=EXIT_INACTIVE)
        self.assertEqual(r.json()["error"], "needs_reauthorization")

    def test_api_key_installs_from_the_environment(self):
        r = self.run_cli("api-key", "openai", "--user", "user_new_1", "--org", ORG,
                         extra_env={"WORKOS_PROVIDER_API_KEY": PROVIDER_KEY}, expect=EXIT_OK)
        got = r.json()
        self.assertEqual((got["auth_method"], got["api_key_last_4"]), ("api_key", PROVIDER_KEY[-4:]))
        want = self.direct("GET", self.account_path("openai", "user_new_1"),
                           query={"organization_id": ORG})
        self.assertEqual(got, want)
        self.secrets.remove(PROVIDER_KEY)  # credentials exists to print it
        r = self.run_cli("credentials", "openai", "--user", "user_new_1", "--org", ORG,
                         expect=EXIT_OK)
        self.assertEqual(r.json()["credential"]["value"], PROVIDER_KEY)
        sent = len(self.entries())
        r = self.run_cli("api-key", "openai", "--user", USER, expect=EXIT_USAGE)
        self.assertEqual(len(self.entries()), sent, "nothing sent without the key")

    def test_client_credentials(self):
        r = self.run_cli("client-credentials", "salesforce", "--user", "user_new_2", "--client-id",
                         "3MVG9new", "--config", "mydomain=acme", secret=CLIENT_SECRET,
                         expect=EXIT_OK)
        got = r.json()
        self.assertEqual(got["client_id"], "3MVG9new")
        self.assertEqual(got["config"], {"mydomain": "acme"})
        self.assertEqual(got, self.direct("GET", self.account_path("salesforce", "user_new_2")))

    def test_account_get_create_update_delete(self):
        r = self.run_cli("account", "get", "github", "--user", USER, expect=EXIT_OK)
        self.assertEqual(r.json(), self.direct("GET", self.account_path("github")))
        r = self.run_cli("account", "create", "acme-crm", "--user", USER, "--scopes", "read,write",
                         "--expires-at", "2030-01-01T00:00:00.000Z", "--state", "connected",
                         extra_env={"WORKOS_ACCESS_TOKEN": "at_e2e_secret_1",
                                    "WORKOS_REFRESH_TOKEN": "rt_e2e_secret_1"}, expect=EXIT_OK)
        self.assertEqual(r.json()["scopes"], ["read", "write"])
        created = self.entries()[-1]
        self.assertRegex(created["idempotency_key"], UUID4_RE)
        r = self.run_cli("account", "update", "acme-crm", "--user", USER, "--state",
                         "needs_reauthorization", expect=EXIT_OK)
        self.assertEqual(r.json()["state"], "needs_reauthorization")
        self.assertEqual(r.json(), self.direct("GET", self.account_path("acme-crm")))
        r = self.run_cli("account", "delete", "acme-crm", "--user", USER, expect=EXIT_OK)
        self.assertEqual(r.out, "")
        r = self.run_cli("account", "get", "acme-crm", "--user", USER)
        self.assert_http_error(r, 404)
        tokens = {"WORKOS_ACCESS_TOKEN": "at_e2e_secret_2"}
        r = self.run_cli("account", "create", "acme-crm", "--user", USER, "--org", ORG,
                         extra_env=tokens, expect=EXIT_OK)
        r = self.run_cli("account", "create", "acme-crm", "--user", USER, "--org", ORG,
                         extra_env=tokens)
        self.assert_http_error(r, 409)
        r = self.run_cli("account", "create", "acme-crm", "--user", "user_new_3")
        self.assert_http_error(r, 422)

    def test_providers(self):
        r = self.run_cli("providers", "--user", USER, expect=EXIT_OK)
        want = without_deprecated(self.direct("GET", "/user_management/users/%s/data_providers" % USER))
        self.assertEqual(r.json(), {"data": want["data"]})
        self.assertNotIn("integrationType", r.out)
        r = self.run_cli("providers", "--user", USER, "--org", ORG, expect=EXIT_OK)
        want = without_deprecated(self.direct("GET", "/user_management/users/%s/data_providers" % USER,
                                              query={"organization_id": ORG}))
        self.assertEqual(r.json(), {"data": want["data"]})

    def test_org_config_list_and_set(self):
        r = self.run_cli("org-config", "list", ORG, expect=EXIT_OK)
        path = "/organizations/%s/data_integration_configurations" % ORG
        self.assertEqual(r.json(), {"data": self.direct("GET", path)["data"]})
        r = self.run_cli("org-config", "set", ORG, "slack", "--enabled", "false", "--default-scopes",
                         "--client-id", "org-client-2", "--config", "workspace=beta",
                         secret=CLIENT_SECRET, expect=EXIT_OK)
        got = r.json()
        self.assertEqual((got["enabled"], got["config"]), (False, {"workspace": "beta"}))
        listed = [c for c in self.direct("GET", path)["data"] if c["slug"] == "slack"]
        self.assertEqual(got, listed[0])
        r = self.run_cli("org-config", "set", ORG, "slack", "--scopes", "a", "--default-scopes")
        self.assertEqual(r.rc, EXIT_USAGE, r)
        r = self.run_cli("org-config", "list", "org_nosuch")
        self.assert_http_error(r, 404)

    def test_widget_token(self):
        r = self.run_cli("widget-token", "--user", USER, "--org", ORG, "--scopes",
                         "widgets:pipes:manage", expect=EXIT_OK)
        self.assertEqual(set(r.json()), {"token"})
        self.assertTrue(r.json()["token"])
        r = self.run_cli("widget-token", "--user", USER, "--scopes", "widgets:bogus")
        self.assert_http_error(r, 400)

    def test_error_statuses_of_every_command(self):
        env = {"WORKOS_PROVIDER_API_KEY": PROVIDER_KEY}
        commands = [
            ("authorize", "nosuch", "--user", USER), ("credentials", "nosuch", "--user", USER),
            ("api-key", "nosuch", "--user", USER), ("account", "get", "nosuch", "--user", USER),
            ("account", "delete", "github", "--user", "user_nobody"),
            ("account", "update", "github", "--user", "user_nobody", "--state", "connected"),
            ("providers", "--user", USER, "--org", "org_nosuch"), ("org-config", "list", "org_nosuch"),
            ("org-config", "set", ORG, "nosuch", "--enabled", "true"),
        ]
        for args in commands:
            with self.subTest(args=args):
                self.ctl.reset()
                r = self.run_cli(*args, extra_env=env)
                self.assert_http_error(r, 404)
        for args in (("credentials", "github", "--user", USER), ("providers", "--user", USER),
                     ("widget-token",), ("account", "get", "github", "--user", USER)):
            with self.subTest(status=401, args=args):
                self.ctl.reset()
                self.assert_http_error(self.run_cli(*args, key="sk_test_wrong_key_5150"), 401)
        self.ctl.reset()
        r = self.run_cli("api-key", "github", "--user", USER, extra_env=env)
        self.assert_http_error(r, 422, code="auth_method_mismatch")

    def test_retries_read_but_not_write(self):
        self.ctl.faults({"status": 503, "count": 1})
        r = self.run_cli("providers", "--user", USER, "--retries", "2", expect=EXIT_OK)
        self.assertEqual(len(self.entries()), 2)
        self.ctl.reset()
        self.ctl.faults({"status": 500, "count": 1})
        r = self.run_cli("credentials", "github", "--user", USER, "--retries", "2", expect=EXIT_OK)
        entries = self.entries()
        self.assertEqual(len(entries), 2)
        self.assert_same_key(entries)

    def test_usage_errors_send_nothing(self):
        for args in (("authorize", "github"), ("credentials", "--user", USER),
                     ("account", "fetch", "github", "--user", USER), ("org-config", "set", ORG),
                     ("widget-token", "--qr"), ("account", "get", "..", "--user", USER),
                     ("client-credentials", "salesforce", "--user", USER)):
            with self.subTest(args=args):
                r = self.run_cli(*args)
                self.assertEqual(r.rc, EXIT_USAGE, r)
        self.assertEqual(self.entries(), [])


class Onboarding(E2E):
    def test_connect_completes(self):
        user = "user_onboard_e2e_1"
        p = subprocess.Popen([BIN, "connect", "github", "--user", user, "--poll-s", "1",
                              "--wait-s", "30"], env=self.env(), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            self.ctl.wait_for(lambda log: any(e["path"].endswith("/authorize")
                                              for e in es.client_entries(log)))
            done = self.ctl._ok("POST", "/_emulator/authorizations/complete",
                                {"after_s": 1, "user_id": user})
            self.assertEqual(done["completing"], 1)
            out, err = p.communicate(timeout=30)
        finally:
            if p.poll() is None:
                p.kill()
        r = Result(p.returncode, out.decode(), err.decode(), 0)
        self.assert_no_secrets(r)
        self.assertEqual(r.rc, EXIT_OK, r)
        tok = r.json()
        self.assertTrue(tok["active"])
        self.assertTrue(tok["access_token"]["access_token"].startswith("emu_"))
        self.assertIn("/authorize-redirect", r.err)
        self.assertIn("\u2588", r.err, "the QR code")
        entries = self.entries()
        polls = [e for e in entries if "/connected_accounts/" in e["path"]]
        self.assertGreaterEqual(len(polls), 1)
        self.assertEqual(entries[-1]["path"], "/data-integrations/github/token")
        self.assertEqual(len({e["connection_id"] for e in entries}), 1, "one kept-alive connection")

    def test_connect_times_out(self):
        r = self.run_cli("connect", "slack", "--user", "user_onboard_e2e_2", "--wait-s", "2",
                         "--poll-s", "1", expect=EXIT_INACTIVE)
        self.assertEqual(r.json(), {"active": False, "error": "not_connected"})
        polls = [e for e in self.entries() if "/connected_accounts/" in e["path"]]
        self.assertEqual([e["status"] for e in polls], [404] * len(polls))
        self.assertIn(len(polls), (1, 2))
        self.assertGreaterEqual(r.elapsed, 2.0)

    def test_connect_a_connected_user_fetches_the_token(self):
        r = self.run_cli("connect", "github", "--user", USER, "--poll-s", "1", expect=EXIT_OK)
        self.assertEqual(r.json()["access_token"]["access_token"], GITHUB_TOKEN)

    def test_device_connect_example(self):
        """examples/device_connect.c: onboarding completed by a visit of the URL (as a browser would)."""
        prog = os.path.join(os.path.dirname(BIN), "device_connect")
        p = subprocess.Popen([prog, "github", "user_onboard_e2e_3"], env=self.env(),
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            line = p.stdout.readline().decode()
            self.assertTrue(line.startswith("open ") and line.endswith(" to connect github\n"), line)
            url = urllib.parse.urlsplit(line.split()[1])
            status, _, _ = self.api.request("GET", url.path)  # the visit completes it
            self.assertEqual(status, 200)
            out, err = p.communicate(timeout=30)
        finally:
            if p.poll() is None:
                p.kill()
        self.assertEqual(p.returncode, 0, err)
        self.assertRegex(out.decode(), r"^connected after \d+ polls; token active\n$")

    def test_connect_errors(self):
        r = self.run_cli("connect", "nosuch", "--user", USER)
        self.assert_http_error(r, 404)
        r = self.run_cli("connect", "github", "--user", USER, "--wait-s", "0")
        self.assertEqual(r.rc, EXIT_USAGE, r)

# ---------------------------------------------------------------- main

def main():
    global BIN
    argv = sys.argv[:1]
    args = iter(sys.argv[1:])
    for a in args:
        if a == "--bin":
            BIN = os.path.abspath(next(args))
        else:
            argv.append(a)
    if not os.access(BIN, os.X_OK):
        print("cli e2e: %s is not built (make all)" % BIN, file=sys.stderr)
        print("cli e2e: 0 passed, 1 failed")
        return 1
    prog = unittest.main(argv=argv, exit=False, verbosity=2)
    res = prog.result
    # A test with failing subtests counts once; a class set-up error counts as one.
    bad = {getattr(t, "test_case", t).id() for t, _ in res.failures + res.errors}
    bad |= {t.id() for t in res.unexpectedSuccesses}
    passed = res.testsRun - len(res.skipped) - len([b for b in bad if "setUpClass" not in b])
    sys.stdout.flush()
    print("cli e2e: %d passed, %d failed" % (max(passed, 0), len(bad)))
    return 0 if res.wasSuccessful() and not bad else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        es.stop_all()
