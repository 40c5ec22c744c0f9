#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Self-test of the Pipes API emulator: starts it as a subprocess on a free
port and talks to it over real HTTPS, trusting only the test CA.

Run: python3 tests/emulator/test_emulator.py
Prints "emulator self-test: N passed, N failed" last; exits 1 on failure.
"""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EMULATOR = os.path.join(HERE, "pipes_emulator.py")
SEED_PATH = os.path.join(HERE, "seed.json")
API_KEY = "sk_test_selftest_0123456789"

with open(SEED_PATH, encoding="utf-8") as _f:
    SEED = json.load(_f)
SEED_BY_SLUG = {i["slug"]: i for i in SEED["integrations"]}

CONTRACT_FIELDS = ["object", "id", "slug", "integration_type", "description", "enabled", "state",
                   "scopes", "redirect_uri", "auth_methods", "credentials", "config",
                   "custom_provider", "created_at", "updated_at"]
CUSTOM_PROVIDER_FIELDS = {"name", "authorization_url", "token_url", "refresh_token_url",
                          "pkce_enabled", "request_scope_separator", "scopes_required",
                          "client_secret_required", "additional_authorization_parameters",
                          "token_body_content_type", "authenticate_via"}
ID_RE = re.compile(r"^data_integration_[0-9A-Z]{26}$")
TIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
LINE_RE = re.compile(r"^pipes-emulator listening on (https?)://localhost:(\d+)$")


# ---------------------------------------------------------------- process

class EmulatorProcess:
    """One emulator subprocess; stop() is safe to call any number of times."""

    def __init__(self, workdir, plain=False, api_key=API_KEY):
        self.workdir = workdir
        self.cert_dir = os.path.join(workdir, "certs")
        self.port_file = os.path.join(workdir, "port")
        self.log_path = os.path.join(workdir, "requests.log")
        self.err_path = os.path.join(workdir, "stderr.txt")
        cmd = [sys.executable, EMULATOR, "--port", "0", "--api-key", api_key,
               "--port-file", self.port_file, "--log-file", self.log_path]
        cmd += ["--plain"] if plain else ["--cert-dir", self.cert_dir]
        self.err = open(self.err_path, "wb")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.err)
        self.lines = []
        got_line = threading.Event()

        def drain():
            for raw in self.proc.stdout:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                got_line.set()
            got_line.set()

        threading.Thread(target=drain, daemon=True).start()
        if not got_line.wait(60) or not self.lines:
            self.stop()
            raise RuntimeError("emulator did not start: %s" % self.stderr())
        match = LINE_RE.match(self.lines[0])
        if not match:
            self.stop()
            raise RuntimeError("unexpected first line %r" % self.lines[0])
        self.scheme, self.port = match.group(1), int(match.group(2))

    def stderr(self):
        with open(self.err_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def signal(self, sig):
        self.proc.send_signal(sig)
        return self.proc.wait(20)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()
        self.err.close()


EMU = None
WORKDIR = None
CTX = None
CTL = None


def client_context(cafile=None, max_version=None):
    ctx = ssl.create_default_context(cafile=cafile or os.path.join(EMU.cert_dir, "ca.pem"))
    if max_version is not None:
        ctx.maximum_version = max_version
    return ctx


def setUpModule():
    global EMU, WORKDIR, CTX, CTL
    build = os.path.join(REPO, "build")
    os.makedirs(build, exist_ok=True)
    WORKDIR = tempfile.mkdtemp(prefix="emulator-selftest-", dir=build)
    EMU = EmulatorProcess(WORKDIR)
    CTX = client_context()
    CTL = Control()


def tearDownModule():
    if CTL is not None:
        CTL.close()
    if EMU is not None:
        EMU.stop()


# ---------------------------------------------------------------- clients

class Resp:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Conn:
    """One keep-alive connection to the emulator (TLS unless ctx is None)."""

    def __init__(self, port=None, ctx=-1, session=None, timeout=10):
        port = port or EMU.port
        ctx = CTX if ctx == -1 else ctx
        raw = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        try:
            self.sock = (ctx.wrap_socket(raw, server_hostname="localhost", session=session)
                         if ctx is not None else raw)
        except Exception:
            raw.close()
            raise
        self.http = http.client.HTTPConnection("localhost", port, timeout=timeout)
        self.http.sock = self.sock

    def request(self, method, path, body=None, headers=None, key=API_KEY):
        hdrs = {"Accept": "application/json", "User-Agent": "wos-pipes-c/selftest"}
        if key is not None:
            hdrs["Authorization"] = "Bearer " + key
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
        if body is not None:
            hdrs["Content-Type"] = "application/json"
        hdrs.update(headers or {})
        self.http.request(method, path, body=body, headers=hdrs)
        resp = self.http.getresponse()
        return Resp(resp.status, resp.getheaders(), resp.read())

    def raw(self, data):
        """Send raw bytes; return everything the server sends until it closes."""
        self.sock.sendall(data)
        chunks = []
        while True:
            try:
                chunk = self.sock.recv(65536)
            except (ConnectionResetError, ssl.SSLEOFError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self):
        self.http.close()
        self.sock.close()


class Control:
    """The control API over one persistent connection, so that its own
    handshake happens before a reset and never shows in the counters."""

    def __init__(self):
        self.conn = Conn()

    def call(self, method, path, body=None):
        for attempt in (1, 2):
            try:
                resp = self.conn.request(method, path, body, key=None)
                return resp.status, (resp.json() if resp.body else None)
            except (OSError, http.client.HTTPException):
                if attempt == 2:
                    raise
                self.conn.close()
                self.conn = Conn()

    def reset(self):
        status, _ = self.call("POST", "/_emulator/reset")
        assert status == 200

    def fault(self, spec):
        status, body = self.call("POST", "/_emulator/faults", spec)
        assert status == 200, body
        return body

    def log(self):
        return self.call("GET", "/_emulator/log")[1]

    def close(self):
        self.conn.close()


def raw_request(method, path, body=b"", extra=""):
    head = ("%s %s HTTP/1.1\r\nHost: localhost:%d\r\nAuthorization: Bearer %s\r\n"
            "Accept: application/json\r\n%s" % (method, path, EMU.port, API_KEY, extra))
    if body:
        head += "Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body)
    return head.encode() + b"\r\n" + body


def split_response(data):
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, rest


def wait_for(predicate, limit=10.0):
    """Poll until predicate() is true (for counters set by the server's threads)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


# ---------------------------------------------------------------- tests

class Base(unittest.TestCase):
    def setUp(self):
        CTL.reset()
        self.c = Conn()

    def tearDown(self):
        self.c.close()

    def api(self, method, path, body=None, **kw):
        return self.c.request(method, path, body, **kw)

    def assertApiError(self, resp, status, message_type=str):
        self.assertEqual(resp.status, status, resp.body)
        body = resp.json()
        self.assertIsInstance(body["message"], message_type)
        if message_type is list:
            self.assertEqual(body["error"], "Bad Request")
            self.assertTrue(all(isinstance(m, str) and m for m in body["message"]))
        return body

    def create(self, provider, **extra):
        body = {"provider": provider, "enabled": True,
                "credentials": {"type": "custom", "client_id": "cid-" + provider,
                                "client_secret": "secret-for-" + provider}}
        body.update(extra)
        resp = self.api("POST", "/data-integrations", body)
        self.assertEqual(resp.status, 201, resp.body)
        return resp.json()


class TestStartup(unittest.TestCase):
    def test_listening_line_and_port_file(self):
        self.assertEqual(EMU.scheme, "https")
        with open(EMU.port_file) as f:
            self.assertEqual(int(f.read()), EMU.port)
        self.assertEqual(len(EMU.lines), 1)

    def test_creates_the_test_pki(self):
        for name in ("ca.pem", "server.pem", "server.key"):
            self.assertTrue(os.path.exists(os.path.join(EMU.cert_dir, name)), name)

    def _plain_instance(self, sig):
        workdir = tempfile.mkdtemp(prefix="plain-", dir=WORKDIR)
        emu = EmulatorProcess(workdir, plain=True)
        try:
            self.assertEqual(emu.scheme, "http")
            c = Conn(port=emu.port, ctx=None)
            secret = "plain-instance-secret-9876"
            resp = c.request("POST", "/data-integrations", {
                "provider": "notion",
                "credentials": {"type": "custom", "client_id": "x", "client_secret": secret}})
            self.assertEqual(resp.status, 201)
            c.close()
            self.assertEqual(emu.signal(sig), 0)
            self.assertEqual(len(emu.lines), 1, emu.lines)
            for text in (emu.stderr(), "\n".join(emu.lines)):
                self.assertNotIn(secret, text)
                self.assertNotIn(API_KEY, text)
        finally:
            emu.stop()

    def test_plain_http_and_sigterm(self):
        self._plain_instance(signal.SIGTERM)

    def test_sigint_stops_cleanly(self):
        self._plain_instance(signal.SIGINT)


class TestAuth(Base):
    def test_missing_key(self):
        resp = self.api("GET", "/data-integrations/github", key=None)
        self.assertEqual(resp.status, 401)
        self.assertEqual(resp.body, b"")
        self.assertEqual(resp.header("Content-Length"), "0")
        self.assertTrue(resp.header("X-Request-ID"))
        self.assertEqual(CTL.log()["requests"][-1]["auth"], "missing")

    def test_wrong_key_and_scheme(self):
        for headers in ({"Authorization": "Bearer sk_wrong_key_42"},
                        {"Authorization": "Basic " + API_KEY}):
            resp = self.api("GET", "/data-integrations", headers=headers, key=None)
            self.assertEqual(resp.status, 401)
            self.assertEqual(resp.body, b"")
        log = CTL.log()
        self.assertEqual([e["auth"] for e in log["requests"]], ["invalid", "invalid"])
        self.assertNotIn("sk_wrong_key_42", json.dumps(log))

    def test_keep_alive_survives_401(self):
        self.assertEqual(self.api("GET", "/data-integrations", key="nope").status, 401)
        self.assertEqual(self.api("GET", "/data-integrations").status, 200)


class TestGet(Base):
    def test_seeded_integration_has_every_contract_field(self):
        resp = self.api("GET", "/data-integrations/github")
        self.assertEqual(resp.status, 200)
        self.assertTrue(resp.header("Content-Type").startswith("application/json"))
        body = resp.json()
        seed = SEED_BY_SLUG["github"]
        self.assertEqual(list(body), CONTRACT_FIELDS)
        self.assertEqual(body["object"], "data_integration")
        self.assertEqual(body["id"], seed["id"])
        self.assertRegex(body["id"], ID_RE)
        self.assertEqual(body["scopes"], seed["scopes"])
        self.assertEqual(body["credentials"], {
            "type": "custom", "client_id": seed["credentials"]["client_id"],
            "redacted_client_secret": seed["credentials"]["client_secret"][-4:]})
        self.assertNotIn(seed["credentials"]["client_secret"].encode(), resp.body)
        self.assertRegex(body["created_at"], TIME_RE)
        self.assertIsNone(body["custom_provider"])

    def test_custom_provider_integration(self):
        body = self.api("GET", "/data-integrations/acme-crm").json()
        self.assertEqual(set(body["custom_provider"]), CUSTOM_PROVIDER_FIELDS)
        self.assertEqual(body["custom_provider"], SEED_BY_SLUG["acme-crm"]["custom_provider"])
        self.assertEqual(body["integration_type"], "custom")

    def test_organization_credentials_are_null(self):
        body = self.api("GET", "/data-integrations/slack").json()
        self.assertEqual(body["credentials"],
                         {"type": "organization", "client_id": None, "redacted_client_secret": None})

    def test_unknown_slug(self):
        self.assertApiError(self.api("GET", "/data-integrations/nope"), 404)

    def test_percent_decoded_path_segment(self):
        slug = "acme crm/v2"
        self.create(slug, custom_provider={"name": "Acme", "authorization_url": "https://a/x",
                                           "token_url": "https://a/t"})
        resp = self.api("GET", "/data-integrations/acme%20crm%2Fv2")
        self.assertEqual(resp.status, 200)
        self.assertEqual(resp.json()["slug"], slug)
        self.assertEqual(self.api("GET", "/data-integrations/acme%20crm/v2").status, 404)

    def test_unknown_routes(self):
        self.assertApiError(self.api("GET", "/nothing"), 404)
        self.assertApiError(self.api("PATCH", "/data-integrations/github", {}), 404)
        self.assertApiError(self.api("GET", "/data-integrations/github/token"), 404)


class TestCreate(Base):
    def test_created_object(self):
        secret = "brand-new-secret-WXYZ"
        resp = self.api("POST", "/data-integrations", {
            "provider": "notion", "description": "Docs", "enabled": True, "scopes": ["read"],
            "config": {"workspace": "acme"},
            "credentials": {"type": "custom", "client_id": "nid", "client_secret": secret}},
            headers={"Idempotency-Key": "8e2f3c1a-1111-4222-8333-444455556666"})
        self.assertEqual(resp.status, 201, resp.body)
        self.assertNotIn(secret.encode(), resp.body)
        body = resp.json()
        self.assertEqual(list(body), CONTRACT_FIELDS[:11] + ["installation"] + CONTRACT_FIELDS[11:])
        self.assertRegex(body["id"], ID_RE)
        self.assertRegex(body["created_at"], TIME_RE)
        self.assertEqual(body["created_at"], body["updated_at"])
        self.assertEqual((body["slug"], body["integration_type"], body["description"]),
                         ("notion", "notion", "Docs"))
        self.assertEqual(body["credentials"]["redacted_client_secret"], secret[-4:])
        self.assertIsNone(body["installation"])
        self.assertEqual(body["config"], {"workspace": "acme"})
        self.assertIn("/notion/", body["redirect_uri"])
        got = self.api("GET", "/data-integrations/notion").json()
        self.assertNotIn("installation", got)
        self.assertEqual(got["id"], body["id"])
        entry = CTL.log()["requests"][0]
        self.assertEqual(entry["idempotency_key"], "8e2f3c1a-1111-4222-8333-444455556666")
        self.assertEqual(entry["status"], 201)

    def test_defaults(self):
        body = self.api("POST", "/data-integrations", {
            "provider": "linear", "credentials": {"type": "organization"}}).json()
        self.assertEqual((body["enabled"], body["description"], body["scopes"],
                          body["auth_methods"], body["config"]),
                         (False, None, None, ["oauth"], {}))

    def test_new_ids_sort_after_existing(self):
        first = self.create("notion")["id"]
        second = self.create("linear")["id"]
        self.assertLess(max(i["id"] for i in SEED["integrations"]), first)
        self.assertLess(first, second)

    def test_custom_provider_defaults(self):
        body = self.create("my-tool", custom_provider={
            "name": "My Tool", "authorization_url": "https://t/a", "token_url": "https://t/t"})
        cp = body["custom_provider"]
        self.assertEqual(set(cp), CUSTOM_PROVIDER_FIELDS)
        self.assertEqual((cp["pkce_enabled"], cp["authenticate_via"], cp["refresh_token_url"]),
                         (True, "request_body", None))
        self.assertEqual(body["integration_type"], "custom")

    def test_api_key_integration_and_installation(self):
        resp = self.api("POST", "/data-integrations", {
            "provider": "stripe", "auth_methods": ["api_key"],
            "api_key": {"secret": "rk_live_abcdefgh", "user_id": "user_1"}})
        self.assertEqual(resp.status, 201, resp.body)
        self.assertNotIn(b"rk_live_abcdefgh", resp.body)
        body = resp.json()
        self.assertIsNone(body["credentials"])
        inst = body["installation"]
        self.assertEqual((inst["user_id"], inst["organization_id"], inst["api_key_last_4"]),
                         ("user_1", None, "efgh"))
        self.assertTrue(inst["id"].startswith("data_installation_"))
        token = self.api("POST", "/data-integrations/stripe/token", {"user_id": "user_1"})
        self.assertEqual(token.status, 422)
        self.assertEqual(token.json()["code"], "auth_method_mismatch")

    def test_duplicate_slug_409(self):
        self.assertApiError(self.api("POST", "/data-integrations", {
            "provider": "github", "credentials": {"type": "organization"}}), 409)

    def test_unknown_provider_404(self):
        self.assertApiError(self.api("POST", "/data-integrations", {
            "provider": "no-such-provider", "credentials": {"type": "organization"}}), 404)

    def test_422_cases(self):
        cases = [
            {"provider": "notion", "credentials": {"type": "custom", "client_id": "a"}},
            {"provider": "notion", "credentials": {"type": "custom", "client_secret": "b"}},
            {"provider": "notion", "credentials": {"type": "organization", "client_id": "a",
                                                   "client_secret": "b"}},
            {"provider": "notion", "credentials": {"type": "organization"},
             "custom_provider": {"name": "x", "authorization_url": "u", "token_url": "t"}},
            {"provider": "notion"},
        ]
        for case in cases:
            with self.subTest(case=case):
                self.assertApiError(self.api("POST", "/data-integrations", case), 422)
        self.assertEqual(self.api("GET", "/data-integrations/notion").status, 404)

    def test_400_cases(self):
        body = self.assertApiError(self.api("POST", "/data-integrations", {"enabled": True}),
                                   400, list)
        self.assertTrue(any("provider" in m for m in body["message"]))
        body = self.assertApiError(self.api("POST", "/data-integrations", {
            "provider": "notion", "enabled": "yes", "scopes": "repo"}), 400, list)
        self.assertEqual(len(body["message"]), 2)
        self.assertApiError(self.api("POST", "/data-integrations", {
            "provider": "notion", "credentials": {"type": "shared"}}), 400, list)
        self.assertApiError(self.api("POST", "/data-integrations", [1, 2]), 400, list)
        self.assertEqual(self.api("POST", "/data-integrations", b"{nope").status, 400)
        self.assertEqual(self.api("POST", "/data-integrations", b'{"provider": "notion"}',
                                  headers={"Content-Type": "text/plain"}).status, 400)

    def test_chunked_request_body(self):
        body = json.dumps({"provider": "notion", "credentials": {"type": "organization"}}).encode()
        chunked = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (10, body[:10], len(body) - 10, body[10:])
        data = raw_request("POST", "/data-integrations",
                           extra="Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                                 "Connection: close\r\n") + chunked
        status, _, rest = split_response(self.c.raw(data))
        self.assertEqual(status, 201, rest)


class TestUpdate(Base):
    def test_partial_update(self):
        before = self.api("GET", "/data-integrations/github").json()
        resp = self.api("PUT", "/data-integrations/github", {"description": "Renamed"})
        self.assertEqual(resp.status, 200)
        after = resp.json()
        self.assertIsNone(after["installation"])
        del after["installation"]
        changed = {k for k in before if before[k] != after[k]}
        self.assertEqual(changed, {"description", "updated_at"})
        self.assertRegex(after["updated_at"], TIME_RE)
        self.assertEqual(self.api("GET", "/data-integrations/github").json()["description"],
                         "Renamed")

    def test_null_resets(self):
        after = self.api("PUT", "/data-integrations/github",
                         {"description": None, "scopes": None, "enabled": False}).json()
        self.assertEqual((after["description"], after["scopes"], after["enabled"]),
                         (None, None, False))

    def test_rotate_client_secret(self):
        secret = "rotated-secret-QRST"
        resp = self.api("PUT", "/data-integrations/github",
                        {"credentials": {"type": "custom", "client_secret": secret}})
        self.assertEqual(resp.status, 200, resp.body)
        self.assertNotIn(secret.encode(), resp.body)
        creds = resp.json()["credentials"]
        self.assertEqual(creds["redacted_client_secret"], secret[-4:])
        self.assertEqual(creds["client_id"], SEED_BY_SLUG["github"]["credentials"]["client_id"])
        log_text = json.dumps(CTL.log())
        self.assertNotIn(secret, log_text)

    def test_switch_to_organization_credentials(self):
        creds = self.api("PUT", "/data-integrations/github",
                         {"credentials": {"type": "organization"}}).json()["credentials"]
        self.assertEqual(creds, {"type": "organization", "client_id": None,
                                 "redacted_client_secret": None})

    def test_custom_provider_update_is_partial(self):
        cp = self.api("PUT", "/data-integrations/acme-crm",
                      {"custom_provider": {"name": "Renamed CRM"}}).json()["custom_provider"]
        expected = dict(SEED_BY_SLUG["acme-crm"]["custom_provider"], name="Renamed CRM")
        self.assertEqual(cp, expected)

    def test_errors(self):
        self.assertApiError(self.api("PUT", "/data-integrations/nope", {"enabled": True}), 404)
        self.assertApiError(self.api("PUT", "/data-integrations/github", {"enabled": "no"}),
                            400, list)
        self.assertApiError(self.api("PUT", "/data-integrations/github",
                                     {"custom_provider": {"name": "x"}}), 422)
        self.assertApiError(self.api("PUT", "/data-integrations/github", {
            "credentials": {"type": "organization", "client_secret": "x"}}), 422)
        self.assertApiError(self.api("PUT", "/data-integrations/openai", {
            "credentials": {"type": "custom", "client_id": "a", "client_secret": "b"},
            "api_key": {"secret": "s", "user_id": "u"}}), 422)

    def test_api_key_upsert(self):
        resp = self.api("PUT", "/data-integrations/openai",
                        {"api_key": {"secret": "sk-new-key-9999", "user_id": "user_2"}})
        self.assertEqual(resp.status, 200, resp.body)
        self.assertEqual(resp.json()["installation"]["api_key_last_4"], "9999")
        self.assertNotIn(b"sk-new-key-9999", resp.body)


class TestDelete(Base):
    def test_delete(self):
        resp = self.api("DELETE", "/data-integrations/github")
        self.assertEqual(resp.status, 204)
        self.assertEqual(resp.body, b"")
        self.assertIsNone(resp.header("Content-Type"))
        self.assertIsNone(resp.header("Content-Length"))
        self.assertTrue(resp.header("X-Request-ID"))
        # the same connection still frames correctly after a 204
        self.assertApiError(self.api("GET", "/data-integrations/github"), 404)
        self.assertApiError(self.api("DELETE", "/data-integrations/github"), 404)
        self.assertApiError(self.api("POST", "/data-integrations/github/token",
                                     {"user_id": "user_01EHZNVPK3SFK441A1RGBFSHRT"}), 404)


def seed_connection(slug, state="connected"):
    return next(c for c in SEED["connections"] if c["slug"] == slug and c["state"] == state
                and c.get("auth_method", "oauth") == "oauth")


class TestToken(Base):
    def token(self, slug, body):
        return self.api("POST", "/data-integrations/%s/token" % slug, body)

    def expected_active(self, conn):
        wanted = SEED_BY_SLUG[conn["slug"]]["scopes"] or []
        return {"active": True, "access_token": {
            "object": "access_token", "access_token": conn["access_token"],
            "expires_at": conn["expires_at"], "scopes": conn["scopes"],
            "missing_scopes": [s for s in wanted if s not in conn["scopes"]]}}

    def test_active_with_expiry(self):
        conn = seed_connection("github")
        resp = self.token("github", {"user_id": conn["user_id"]})
        self.assertEqual(resp.status, 200)
        body = resp.json()
        self.assertEqual(body, self.expected_active(conn))
        self.assertIsNotNone(body["access_token"]["expires_at"])

    def test_active_without_expiry_with_missing_scope(self):
        conn = seed_connection("slack")
        body = self.token("slack", {"user_id": conn["user_id"],
                                    "organization_id": conn["organization_id"]}).json()
        self.assertEqual(body, self.expected_active(conn))
        self.assertIsNone(body["access_token"]["expires_at"])
        self.assertTrue(body["access_token"]["missing_scopes"])

    def test_large_token(self):
        conn = seed_connection("microsoft")
        body = self.token("microsoft", {"user_id": conn["user_id"]}).json()
        self.assertGreater(len(body["access_token"]["access_token"]), 2048)
        self.assertEqual(body, self.expected_active(conn))

    def test_needs_reauthorization(self):
        conn = seed_connection("github", "needs_reauthorization")
        self.assertEqual(self.token("github", {"user_id": conn["user_id"]}).json(),
                         {"active": False, "error": "needs_reauthorization"})

    def test_not_installed(self):
        self.assertEqual(self.token("github", {"user_id": "user_unknown"}).json(),
                         {"active": False, "error": "not_installed"})
        # the slack connection is scoped to an organization
        conn = seed_connection("slack")
        self.assertEqual(self.token("slack", {"user_id": conn["user_id"]}).json(),
                         {"active": False, "error": "not_installed"})

    def test_errors(self):
        self.assertApiError(self.token("github", {}), 400, list)
        self.assertApiError(self.token("github", {"user_id": "u", "organization_id": 7}), 400, list)
        self.assertApiError(self.token("nope", {"user_id": "u"}), 404)
        resp = self.token("openai", {"user_id": "user_01EHZNVPK3SFK441A1RGBFSHRT"})
        self.assertEqual(resp.status, 422)
        self.assertEqual(resp.json()["code"], "auth_method_mismatch")
        self.assertIsInstance(resp.json()["message"], str)


class TestList(Base):
    def list(self, query=""):
        resp = self.api("GET", "/data-integrations" + ("?" + query if query else ""))
        self.assertEqual(resp.status, 200, resp.body)
        return resp.json()

    def all_ids(self, descending=True):
        return sorted((i["id"] for i in self.list("limit=100")["data"]), reverse=descending)

    def walk(self, order, limit):
        seen, query, pages = [], "order=%s&limit=%d" % (order, limit), 0
        while True:
            body = self.list(query)
            pages += 1
            self.assertLessEqual(len(body["data"]), limit)
            if pages == 1:
                self.assertIsNone(body["list_metadata"]["before"])
            seen += [i["id"] for i in body["data"]]
            after = body["list_metadata"]["after"]
            if after is None:
                return seen
            self.assertEqual(after, body["data"][-1]["id"])
            query = "order=%s&limit=%d&after=%s" % (order, limit, after)
            self.assertLess(pages, 100)

    def test_default_page(self):
        body = self.list()
        self.assertEqual(body["object"], "list")
        ids = [i["id"] for i in body["data"]]
        self.assertEqual(ids, sorted((i["id"] for i in SEED["integrations"]), reverse=True))
        self.assertEqual(body["list_metadata"], {"before": None, "after": None})
        self.assertTrue(all(list(i) == CONTRACT_FIELDS for i in body["data"]))

    def test_default_limit_is_10(self):
        for n in range(8):
            self.create(["notion", "linear", "hubspot", "jira", "zoom", "box", "asana",
                         "figma"][n])
        self.assertEqual(len(self.list()["data"]), 10)
        self.assertEqual(len(self.all_ids()), len(SEED["integrations"]) + 8)

    def test_after_walks_every_item_once(self):
        for slug in ("notion", "linear", "hubspot", "jira", "zoom", "box", "asana"):
            self.create(slug)
        for order, descending in (("desc", True), ("asc", False)):
            for limit in (1, 2, 5, 100):
                with self.subTest(order=order, limit=limit):
                    self.assertEqual(self.walk(order, limit), self.all_ids(descending))

    def test_before_pages_backwards(self):
        for slug in ("notion", "linear", "hubspot", "jira"):
            self.create(slug)
        ids = self.all_ids()  # 9, newest first
        body = self.list("limit=3&before=%s" % ids[7])
        self.assertEqual([i["id"] for i in body["data"]], ids[4:7])
        self.assertEqual(body["list_metadata"], {"before": ids[4], "after": ids[6]})
        body = self.list("limit=3&before=%s" % ids[2])
        self.assertEqual([i["id"] for i in body["data"]], ids[0:2])
        self.assertEqual(body["list_metadata"], {"before": None, "after": ids[1]})

    def test_normal_order_reverses_cursors(self):
        for slug in ("notion", "linear"):
            self.create(slug)
        ids = self.all_ids()  # 7, newest first
        body = self.list("order=normal&limit=3")
        self.assertEqual([i["id"] for i in body["data"]], ids[0:3])
        self.assertEqual(body["list_metadata"], {"before": ids[2], "after": None})
        body = self.list("order=normal&limit=3&before=%s" % ids[2])
        self.assertEqual([i["id"] for i in body["data"]], ids[3:6])
        self.assertEqual(body["list_metadata"], {"before": ids[5], "after": ids[3]})
        body = self.list("order=normal&limit=2&after=%s" % ids[3])
        self.assertEqual([i["id"] for i in body["data"]], ids[1:3])

    def test_deleting_the_cursor_object_mid_walk(self):
        for slug in ("notion", "linear", "hubspot"):
            self.create(slug)
        everything = self.all_ids()
        first = self.list("limit=2")
        cursor = first["list_metadata"]["after"]
        self.assertEqual(self.api("DELETE", "/data-integrations/%s"
                                  % first["data"][-1]["slug"]).status, 204)
        rest = self.list("limit=100&after=%s" % cursor)
        self.assertEqual([i["id"] for i in rest["data"]], everything[2:])
        self.assertEqual(rest["list_metadata"]["after"], None)

    def test_400(self):
        for query in ("limit=0", "limit=101", "limit=abc", "limit=-1", "order=sideways"):
            with self.subTest(query=query):
                self.assertApiError(self.api("GET", "/data-integrations?" + query), 400, list)


class TestFaults(Base):
    def test_429_with_retry_after_seconds(self):
        CTL.fault({"status": 429, "retry_after": "1", "count": 2})
        for _ in range(2):
            resp = self.api("GET", "/data-integrations/github")
            self.assertEqual(resp.status, 429)
            self.assertEqual(resp.header("Retry-After"), "1")
            self.assertTrue(resp.header("X-Request-ID"))
            self.assertIsInstance(resp.json()["message"], str)
        self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)
        log = CTL.log()["requests"]
        self.assertEqual([e["faults"] for e in log], [["status"], ["status"], []])

    def test_429_with_http_date_and_bare_string_body(self):
        date = "Wed, 21 Oct 2026 07:28:00 GMT"
        CTL.fault({"status": 429, "retry_after": date, "body": '"Ratelimited"'})
        resp = self.api("POST", "/data-integrations/github/token", {"user_id": "u"})
        self.assertEqual((resp.status, resp.header("Retry-After"), resp.json()),
                         (429, date, "Ratelimited"))

    def test_5xx(self):
        for status in (500, 502, 503, 504):
            with self.subTest(status=status):
                CTL.fault({"status": status})
                resp = self.api("GET", "/data-integrations/github")
                self.assertEqual(resp.status, status)
                self.assertEqual(int(resp.header("Content-Length")), len(resp.body))
                if status in (502, 504):
                    self.assertTrue(resp.header("Content-Type").startswith("text/html"))
                else:
                    self.assertIsInstance(resp.json()["message"], str)
                self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)

    def test_any_4xx_status_with_a_custom_body(self):
        oauth = '{"error": "invalid_client", "error_description": "Invalid client secret."}'
        CTL.fault([{"status": 403, "body": oauth}, {"status": 408, "body": "",
                                                    "content_type": "text/plain"}])
        resp = self.api("GET", "/data-integrations/github")
        self.assertEqual((resp.status, resp.json()["error"]), (403, "invalid_client"))
        resp = self.api("GET", "/data-integrations/github")
        self.assertEqual((resp.status, resp.body, resp.header("Content-Length")), (408, b"", "0"))

    def test_status_with_chunked_and_integer_retry_after(self):
        CTL.fault({"status": 429, "retry_after": 2, "chunked": True})
        resp = self.api("GET", "/data-integrations/github")
        self.assertEqual((resp.status, resp.header("Retry-After"),
                          resp.header("Transfer-Encoding")), (429, "2", "chunked"))
        self.assertIsInstance(resp.json()["message"], str)
        self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)

    def test_truncated_chunked_body(self):
        CTL.fault({"chunked": True, "truncate": True})
        status, headers, rest = split_response(
            self.c.raw(raw_request("GET", "/data-integrations/github")))
        self.assertEqual((status, headers["transfer-encoding"]), (200, "chunked"))
        self.assertNotIn(b"\r\n0\r\n", rest)
        self.assertGreater(len(rest), 0)

    def test_fault_skips_the_operation(self):
        CTL.fault({"status": 500})
        self.assertEqual(self.api("DELETE", "/data-integrations/github").status, 500)
        self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)

    def test_rules_queue_in_order(self):
        CTL.fault([{"status": 429}, {"status": 503}])
        got = [self.api("GET", "/data-integrations").status for _ in range(3)]
        self.assertEqual(got, [429, 503, 200])

    def test_method_and_path_filters(self):
        CTL.fault({"status": 500, "method": "POST", "path": "/data-integrations/github/token"})
        self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)
        self.assertEqual(self.api("POST", "/data-integrations/slack/token",
                                  {"user_id": "u"}).status, 200)
        self.assertEqual(self.api("POST", "/data-integrations/github/token",
                                  {"user_id": "u"}).status, 500)

    def test_control_requests_do_not_consume_faults(self):
        CTL.fault({"status": 503, "count": 1})
        status, view = CTL.call("GET", "/_emulator/faults")
        self.assertEqual(status, 200)
        self.assertEqual(view["faults"][0]["remaining"], 1)
        self.assertEqual(self.api("GET", "/data-integrations").status, 503)
        self.assertEqual(CTL.call("GET", "/_emulator/faults")[1]["faults"], [])

    def test_delay(self):
        CTL.fault({"delay_ms": 300})
        start = time.monotonic()
        self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)
        self.assertGreaterEqual(time.monotonic() - start, 0.3)
        self.assertEqual(CTL.log()["requests"][0]["faults"], ["delay_ms"])

    def test_chunked_wire_format(self):
        normal = self.api("GET", "/data-integrations/microsoft").body
        CTL.fault({"chunked": True})
        data = self.c.raw(raw_request("GET", "/data-integrations/microsoft",
                                      extra="Connection: close\r\n"))
        status, headers, rest = split_response(data)
        self.assertEqual(status, 200)
        self.assertEqual(headers["transfer-encoding"], "chunked")
        self.assertNotIn("content-length", headers)
        self.assertIn("trailer", headers)
        decoded, pos, sizes, first_line = b"", 0, [], None
        while True:
            end = rest.index(b"\r\n", pos)
            line = rest[pos:end].decode()
            first_line = first_line or line
            size = int(line.split(";")[0], 16)
            pos = end + 2
            if size == 0:
                break
            sizes.append(size)
            decoded += rest[pos:pos + size]
            self.assertEqual(rest[pos + size:pos + size + 2], b"\r\n")
            pos += size + 2
        self.assertIn(";", first_line)
        self.assertGreaterEqual(len(sizes), 2)
        trailer = rest[pos:]
        self.assertTrue(trailer.endswith(b"\r\n\r\n"))
        self.assertIn(headers["trailer"].lower().encode(), trailer.lower())
        self.assertEqual(json.loads(decoded), json.loads(normal))

    def test_chunked_keeps_connection_usable(self):
        CTL.fault({"chunked": True})
        for _ in range(3):
            resp = self.api("GET", "/data-integrations/github")
            self.assertEqual(resp.status, 200)
            self.assertEqual(resp.json()["slug"], "github")
            self.assertEqual(resp.header("Transfer-Encoding"), "chunked")
        self.assertEqual(len({e["connection_id"] for e in CTL.log()["requests"]}), 1)
        CTL.call("DELETE", "/_emulator/faults")
        self.assertIsNotNone(self.api("GET", "/data-integrations/github").header("Content-Length"))

    def test_truncate(self):
        CTL.fault({"truncate": True})
        body = json.dumps({"provider": "notion", "credentials": {"type": "organization"}})
        status, headers, rest = split_response(
            self.c.raw(raw_request("POST", "/data-integrations", body.encode())))
        self.assertEqual(status, 201)
        self.assertGreater(int(headers["content-length"]), len(rest))
        # the server did the work before the answer was lost
        c2 = Conn()
        self.assertEqual(c2.request("GET", "/data-integrations/notion").status, 200)
        c2.close()
        self.assertEqual(CTL.log()["requests"][0]["faults"], ["truncate"])

    def test_truncate_through_http_client(self):
        CTL.fault({"truncate": True})
        with self.assertRaises(http.client.IncompleteRead):
            self.api("GET", "/data-integrations/github")

    def test_drop(self):
        CTL.fault({"drop": True})
        data = self.c.raw(raw_request("DELETE", "/data-integrations/github"))
        self.assertEqual(data, b"")
        entry = CTL.log()["requests"][0]
        self.assertEqual((entry["status"], entry["faults"]), (None, ["drop"]))
        c2 = Conn()
        self.assertEqual(c2.request("GET", "/data-integrations/github").status, 200)
        c2.close()

    def test_close_idle_connections(self):
        CTL.fault({"close_idle_after_ms": 200})
        self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)
        self.c.sock.settimeout(10)
        self.assertEqual(self.c.sock.recv(1), b"")  # close_notify / EOF, long before 10 s
        counters = CTL.log()["counters"]
        self.assertGreaterEqual(counters["idle_closes"], 1)
        self.assertEqual(CTL.call("GET", "/_emulator/faults")[1]["close_idle_after_ms"], 200)
        self.c = Conn()
        self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)
        CTL.call("DELETE", "/_emulator/faults")
        self.assertIsNone(CTL.call("GET", "/_emulator/faults")[1]["close_idle_after_ms"])

    def test_invalid_fault_specs(self):
        bad = [{}, {"status": 200}, {"status": "500"}, {"status": 500, "drop": True},
               {"retry_after": "1"}, {"status": 429, "count": 0}, {"delay_ms": -1},
               {"status": 500, "colour": "red"}, {"close_idle_after_ms": 0}, [1]]
        for spec in bad:
            with self.subTest(spec=spec):
                self.assertEqual(CTL.call("POST", "/_emulator/faults", spec)[0], 400)
        self.assertEqual(CTL.call("GET", "/_emulator/faults")[1]["faults"], [])


class TestConnections(Base):
    def test_keep_alive_one_handshake(self):
        # A client finishes its handshake before the server counts it; an
        # answered request proves the server side is done before the reset.
        self.assertEqual(self.api("GET", "/_emulator/health", key=None).status, 200)
        self.c.close()
        CTL.reset()
        c = Conn()
        self.assertEqual(c.request("GET", "/data-integrations/github").status, 200)
        self.assertEqual(c.request("POST", "/data-integrations/github/token",
                                   {"user_id": "u"}).status, 200)
        c.close()
        log = CTL.log()
        entries = log["requests"]
        self.assertEqual(len({e["connection_id"] for e in entries}), 1)
        self.assertEqual([e["connection_request"] for e in entries], [1, 2])
        self.assertEqual(log["counters"]["tls_handshakes"], 1)
        self.assertEqual(log["counters"]["connections_accepted"], 1)
        self.assertEqual(log["counters"]["api_connections"], 1)
        self.c = Conn()

    def test_connection_close_is_honoured(self):
        # raw() reads until the server closes; a kept-open connection would time out
        data = self.c.raw(raw_request("GET", "/data-integrations/github",
                                      extra="Connection: close\r\n"))
        status, headers, rest = split_response(data)
        self.assertEqual((status, headers.get("connection")), (200, "close"))
        self.assertEqual(len(rest), int(headers["content-length"]))

    def _resumption(self, max_version):
        ctx = client_context(max_version=max_version)
        if max_version == ssl.TLSVersion.TLSv1_2:
            ctx.options |= ssl.OP_NO_TICKET  # session-id resumption, no tickets
        first = Conn(ctx=ctx)
        self.assertEqual(first.request("GET", "/data-integrations/github").status, 200)
        session = first.sock.session
        first.close()
        second = Conn(ctx=ctx, session=session)
        self.assertTrue(second.sock.session_reused)
        self.assertEqual(second.request("GET", "/data-integrations/github").status, 200)
        second.close()
        log = CTL.log()
        self.assertEqual([e["tls_resumed"] for e in log["requests"]], [False, True])
        self.assertEqual(log["counters"]["tls_resumed"], 1)
        self.assertEqual(log["counters"]["api_connections_resumed"], 1)

    def test_tls12_session_id_resumption(self):
        self._resumption(ssl.TLSVersion.TLSv1_2)

    def test_tls13_ticket_resumption(self):
        self._resumption(ssl.TLSVersion.TLSv1_3)

    def test_untrusted_server_counts_a_failed_handshake(self):
        ctx = client_context(cafile=os.path.join(EMU.cert_dir, "other-ca.pem"))
        with self.assertRaises(ssl.SSLCertVerificationError):
            Conn(ctx=ctx)
        self.assertTrue(wait_for(lambda: CTL.log()["counters"]["tls_handshake_failures"] == 1))

    def test_malformed_request_line(self):
        data = self.c.raw(b"GARBAGE\r\n\r\n")
        status, headers, rest = split_response(data)
        self.assertEqual(status, 400)
        self.assertTrue(headers.get("x-request-id"))
        self.assertEqual(headers.get("connection"), "close")
        self.assertIsInstance(json.loads(rest)["message"], str)


class TestControl(Base):
    def test_reset_restores_the_seed(self):
        self.assertEqual(self.api("DELETE", "/data-integrations/github").status, 204)
        self.create("notion")
        CTL.fault({"status": 500, "count": 5})
        CTL.reset()
        self.assertEqual(self.api("GET", "/data-integrations/github").status, 200)
        self.assertEqual(self.api("GET", "/data-integrations/notion").status, 404)
        log = CTL.log()
        self.assertEqual([e["status"] for e in log["requests"]], [200, 404])
        self.assertEqual(CTL.call("GET", "/_emulator/faults")[1]["faults"], [])

    def test_log_entries(self):
        self.api("POST", "/data-integrations/github/token", {"user_id": "u"},
                 headers={"Idempotency-Key": "key-1"})
        self.api("GET", "/data-integrations?limit=2&order=asc")
        entries = CTL.log()["requests"]
        self.assertEqual([(e["method"], e["path"], e["query"], e["status"], e["idempotency_key"])
                          for e in entries],
                         [("POST", "/data-integrations/github/token", "", 200, "key-1"),
                          ("GET", "/data-integrations", "limit=2&order=asc", 200, None)])
        for e in entries:
            self.assertEqual(e["user_agent"], "wos-pipes-c/selftest")
            self.assertIs(e["tls_resumed"], False)
            self.assertIsInstance(e["connection_id"], int)

    def test_request_ids_are_unique(self):
        ids = [self.api("GET", "/data-integrations/github").header("X-Request-ID")
               for _ in range(5)]
        ids.append(self.api("GET", "/data-integrations/x", key=None).header("X-Request-ID"))
        self.assertEqual(len(set(ids)), 6)
        self.assertTrue(all(i and i.startswith("req_") for i in ids))
        self.assertEqual(ids[:5], [e["request_id"] for e in CTL.log()["requests"][:5]])

    def test_secrets_never_logged(self):
        secret = "never-log-this-secret-7777"
        self.create("notion", credentials={"type": "custom", "client_id": "c",
                                           "client_secret": secret})
        self.api("PUT", "/data-integrations/notion",
                 {"credentials": {"type": "custom", "client_secret": secret + "b"}})
        text = json.dumps(CTL.log())
        with open(EMU.log_path, encoding="utf-8") as f:
            text += f.read()
        text += "\n".join(EMU.lines) + EMU.stderr()
        self.assertIn("notion", text)
        self.assertNotIn(secret, text)
        self.assertNotIn(API_KEY, text)

    def test_unknown_control_route(self):
        self.assertEqual(CTL.call("GET", "/_emulator/nothing")[0], 404)
        self.assertEqual(CTL.call("GET", "/_emulator/health"), (200, {"ok": True}))


# ---------------------------------------------------------------- accounts (pipes_accounts.py)

USER = "user_01EHZNVPK3SFK441A1RGBFSHRT"
ORG = "org_01EHZNVPK3SFK441A1RGBFSHRT"
ACCOUNT_FIELDS = ["object", "id", "user_id", "organization_id", "scopes", "auth_method",
                  "state", "created_at", "updated_at"]


class TestAuthorize(Base):
    def authorize(self, slug="github", **body):
        body.setdefault("user_id", "user_01NEWDEVICEUSER000000000")
        return self.api("POST", "/data-integrations/%s/authorize" % slug, body)

    def account(self, user, slug="github"):
        return self.api("GET", "/user_management/users/%s/connected_accounts/%s" % (user, slug))

    def test_url_then_control_completes(self):
        resp = self.authorize(return_to="https://example.com/done")
        self.assertEqual(resp.status, 200, resp.body)
        url = resp.json()["url"]
        self.assertRegex(url, r"^https://localhost:%d/data-integrations/[\w-]+/authorize-redirect$"
                         % EMU.port)
        self.assertEqual(self.account("user_01NEWDEVICEUSER000000000").status, 404)
        self.assertEqual(CTL.call("POST", "/_emulator/authorizations/complete", {}),
                         (200, {"completing": 1, "after_s": 0}))
        acct = self.account("user_01NEWDEVICEUSER000000000")
        self.assertEqual(acct.status, 200, acct.body)
        self.assertEqual(acct.json()["state"], "connected")
        token = self.api("POST", "/data-integrations/github/token",
                         {"user_id": "user_01NEWDEVICEUSER000000000"}).json()
        self.assertTrue(token["active"])
        self.assertEqual(token["access_token"]["scopes"], SEED_BY_SLUG["github"]["scopes"])

    def test_completion_after_delay(self):
        self.authorize()
        CTL.call("POST", "/_emulator/authorizations/complete", {"after_s": 0.6})
        self.assertEqual(self.account("user_01NEWDEVICEUSER000000000").status, 404)
        time.sleep(0.8)
        self.assertEqual(self.account("user_01NEWDEVICEUSER000000000").status, 200)

    def test_complete_selects_by_user(self):
        self.authorize(user_id="user_A")
        self.authorize(user_id="user_B")
        self.assertEqual(CTL.call("POST", "/_emulator/authorizations/complete",
                                  {"user_id": "user_B"})[1]["completing"], 1)
        self.assertEqual(self.account("user_A").status, 404)
        self.assertEqual(self.account("user_B").status, 200)

    def test_browser_visit_completes(self):
        url = self.authorize().json()["url"]
        path = url.split("localhost:%d" % EMU.port, 1)[1]
        self.assertEqual(self.api("GET", path).status, 200)
        self.assertEqual(self.account("user_01NEWDEVICEUSER000000000").status, 200)
        self.assertEqual(self.api("GET", path).status, 404)  # used once

    def test_browser_visit_needs_no_api_key(self):
        """A person's browser opens the URL: it has no API key."""
        url = self.authorize().json()["url"]
        path = url.split("localhost:%d" % EMU.port, 1)[1]
        self.assertEqual(self.api("GET", path, key=None).status, 200)
        self.assertEqual(self.account("user_01NEWDEVICEUSER000000000").status, 200)
        self.assertEqual(self.api("GET", "/data-integrations", key=None).status, 401)

    def test_errors(self):
        self.assertApiError(self.authorize(slug="nope"), 404)
        self.assertApiError(self.authorize(user_id=""), 400, list)
        self.assertApiError(self.authorize(organization_id="org_unknown"), 404)
        self.assertApiError(self.authorize(config={"a": 1}), 400, list)


class TestCredentials(Base):
    def creds(self, slug, **body):
        body.setdefault("user_id", USER)
        return self.api("POST", "/data-integrations/%s/credentials" % slug, body)

    def test_oauth(self):
        body = self.creds("github").json()
        self.assertEqual(list(body), ["active", "credential"])
        cred = body["credential"]
        self.assertEqual(list(cred), ["object", "auth_method", "value", "expires_at", "scopes",
                                      "missing_scopes"])
        self.assertEqual((cred["object"], cred["auth_method"]), ("credential", "oauth"))
        self.assertEqual(cred["value"], "gho_16C7e42F292c6912E7710c838347Ae178B4a")

    def test_api_key(self):
        cred = self.creds("openai").json()["credential"]
        self.assertEqual(cred, {"object": "credential", "auth_method": "api_key",
                                "value": "sk-emulator-openai-1234567890abcdef"})

    def test_client_credentials_with_metadata(self):
        cred = self.creds("salesforce").json()["credential"]
        self.assertEqual(cred["auth_method"], "client_credentials")
        self.assertEqual(cred["metadata"], {"instance_url": "https://acme.my.salesforce.com"})
        self.assertRegex(cred["expires_at"], TIME_RE)
        self.assertEqual(cred["scopes"], ["api"])

    def test_inactive_and_errors(self):
        self.assertEqual(self.creds("github", user_id="user_01HQ8R7Y3NEEDSREAUTH0000GH").json(),
                         {"active": False, "error": "needs_reauthorization"})
        self.assertEqual(self.creds("github", user_id="user_nobody").json(),
                         {"active": False, "error": "not_installed"})
        self.assertApiError(self.creds("nope"), 404)
        self.assertApiError(self.creds("github", user_id=7), 400, list)

    def test_token_refuses_api_key_installations(self):
        resp = self.api("POST", "/data-integrations/openai/token", {"user_id": USER})
        self.assertEqual(resp.status, 422)
        self.assertEqual(resp.json()["code"], "auth_method_mismatch")

    def test_token_takes_the_newer_members(self):
        resp = self.api("POST", "/data-integrations/github/token",
                        {"user_id": USER, "connected_account_id": "data_installation_x",
                         "connection_owner": "user", "supports_multiple_connections": False})
        self.assertEqual(resp.status, 200, resp.body)


class TestInstallUpserts(Base):
    def test_api_key_upsert_rotates(self):
        path = "/data-integrations/openai/api-key"
        first = self.api("PUT", path, {"user_id": "user_new", "secret": "sk-first-aaaa1111"})
        self.assertEqual(first.status, 200, first.body)
        acct = first.json()
        self.assertEqual(list(acct), ["object", "id", "user_id", "organization_id", "scopes",
                                      "auth_method", "api_key_last_4", "state", "created_at",
                                      "updated_at"])
        self.assertEqual(acct["api_key_last_4"], "1111")
        again = self.api("PUT", path, {"user_id": "user_new", "secret": "sk-second-bbbb2222"}).json()
        self.assertEqual((again["id"], again["api_key_last_4"]), (acct["id"], "2222"))
        cred = self.api("POST", "/data-integrations/openai/credentials",
                        {"user_id": "user_new"}).json()["credential"]
        self.assertEqual(cred["value"], "sk-second-bbbb2222")

    def test_client_credentials_upsert(self):
        resp = self.api("PUT", "/data-integrations/salesforce/client-credentials",
                        {"user_id": "user_new", "client_id": "cid", "client_secret": "shh-9876",
                         "config": {"mydomain": "acme"}})
        self.assertEqual(resp.status, 200, resp.body)
        acct = resp.json()
        self.assertEqual((acct["client_id"], acct["client_secret_last_4"], acct["config"]),
                         ("cid", "9876", {"mydomain": "acme"}))
        self.assertNotIn("shh-9876", resp.body.decode())

    def test_mismatch_and_errors(self):
        resp = self.api("PUT", "/data-integrations/github/api-key",
                        {"user_id": USER, "secret": "sk-x"})
        self.assertEqual(resp.status, 422)
        self.assertEqual(resp.json()["code"], "auth_method_mismatch")
        self.assertApiError(self.api("PUT", "/data-integrations/openai/api-key",
                                     {"user_id": USER}), 400, list)
        self.assertApiError(self.api("PUT", "/data-integrations/nope/api-key",
                                     {"user_id": USER, "secret": "s"}), 404)


class TestConnectedAccounts(Base):
    def path(self, user=USER, slug="github", org=None):
        p = "/user_management/users/%s/connected_accounts/%s" % (user, slug)
        return p + ("?organization_id=" + org if org else "")

    def test_get_every_field(self):
        acct = self.api("GET", self.path()).json()
        self.assertEqual(list(acct), ACCOUNT_FIELDS)
        self.assertEqual((acct["object"], acct["state"], acct["scopes"]),
                         ("connected_account", "connected", ["repo", "user:email"]))
        self.assertNotIn("gho_", json.dumps(acct))

    def test_organization_query(self):
        self.assertEqual(self.api("GET", self.path(slug="slack")).status, 404)
        acct = self.api("GET", self.path(slug="slack", org=ORG)).json()
        self.assertEqual(acct["organization_id"], ORG)

    def test_create_update_delete(self):
        path = self.path(user="user_import")
        made = self.api("POST", path, {"access_token": "gho_imported", "refresh_token": "ghr_x",
                                       "expires_at": "2030-01-01T00:00:00.000Z",
                                       "scopes": ["repo"]})
        self.assertEqual(made.status, 201, made.body)
        self.assertNotIn("gho_imported", made.body.decode())
        self.assertEqual(self.api("POST", path, {"access_token": "t"}).status, 409)
        upd = self.api("PUT", path, {"state": "needs_reauthorization"})
        self.assertEqual(upd.json()["state"], "needs_reauthorization")
        self.assertEqual(self.api("DELETE", path).status, 204)
        self.assertEqual(self.api("GET", path).status, 404)
        self.assertEqual(self.api("DELETE", path).status, 404)

    def test_errors(self):
        self.assertApiError(self.api("POST", self.path(user="user_x"), {}), 422)
        self.assertApiError(self.api("POST", self.path(user="user_x"),
                                     {"state": "disconnected"}), 400, list)
        self.assertApiError(self.api("PUT", self.path(user="user_x"), {"scopes": []}), 404)
        self.assertApiError(self.api("GET", self.path(slug="nope")), 404)


class TestProviders(Base):
    def test_list_with_connections(self):
        body = self.api("GET", "/user_management/users/%s/data_providers" % USER).json()
        self.assertEqual(body["object"], "list")
        by_slug = {p["slug"]: p for p in body["data"]}
        self.assertEqual(set(by_slug), set(SEED_BY_SLUG))
        gh = by_slug["github"]
        self.assertEqual(gh["name"], "GitHub")
        self.assertEqual(gh["integrationType"], gh["integration_type"])  # deprecated duplicate
        self.assertEqual(gh["connected_account"]["state"], "connected")
        self.assertIsNone(by_slug["slack"]["connected_account"])  # org-scoped only
        self.assertIsNone(by_slug["acme-crm"]["connected_account"])

    def test_organization_filter(self):
        body = self.api("GET", "/user_management/users/%s/data_providers?organization_id=%s"
                        % (USER, ORG)).json()
        slack = [p for p in body["data"] if p["slug"] == "slack"][0]
        self.assertEqual(slack["connected_account"]["organization_id"], ORG)
        self.assertEqual(self.api("GET", "/user_management/users/%s/data_providers"
                                  "?organization_id=org_unknown" % USER).status, 404)


class TestOrgConfigs(Base):
    def test_list(self):
        body = self.api("GET", "/organizations/%s/data_integration_configurations" % ORG).json()
        by_slug = {c["slug"]: c for c in body["data"]}
        slack = by_slug["slack"]
        self.assertEqual(slack["scopes"], ["chat:write"])
        self.assertEqual(slack["credentials"]["client_secret_last_four"], "ab12")
        self.assertTrue(slack["credentials"]["has_credentials"])
        self.assertNotIn("credentials", by_slug["github"])
        self.assertEqual(self.api("GET", "/organizations/org_x/data_integration_configurations")
                         .status, 404)

    def test_set(self):
        path = "/organizations/%s/data_integration_configurations/github" % ORG
        resp = self.api("PUT", path, {"enabled": False, "scopes": ["repo"]})
        self.assertEqual(resp.status, 200, resp.body)
        self.assertEqual((resp.json()["enabled"], resp.json()["scopes"]), (False, ["repo"]))
        inherited = self.api("PUT", path, {"scopes": None}).json()  # null: the provider's again
        self.assertEqual(inherited["scopes"], SEED_BY_SLUG["github"]["scopes"])
        self.assertApiError(self.api("PUT", path, {}), 400, list)
        self.assertApiError(self.api("PUT", path, {"client_id": "c", "client_secret": "s"}),
                            400, list)
        self.assertApiError(self.api("PUT", path, {"scopes": ["admin"]}), 422)
        slack = "/organizations/%s/data_integration_configurations/slack" % ORG
        self.assertApiError(self.api("PUT", slack, {"client_id": "c"}), 400, list)
        resp = self.api("PUT", slack, {"client_id": "c2", "client_secret": "secret-9999"})
        self.assertEqual(resp.json()["credentials"]["client_secret_last_four"], "9999")
        self.assertNotIn("secret-9999", resp.body.decode())


class TestWidgets(Base):
    def test_token(self):
        resp = self.api("POST", "/widgets/token", {"organization_id": ORG, "user_id": USER,
                                                   "scopes": ["widgets:pipes:manage"]})
        self.assertEqual(resp.status, 201, resp.body)
        self.assertTrue(resp.json()["token"].startswith("eyJ"))
        self.assertEqual(self.api("POST", "/widgets/token", {"user_id": USER}).status, 201)

    def test_errors(self):
        self.assertApiError(self.api("POST", "/widgets/token",
                                     {"scopes": ["widgets:pipes:manage"]}), 400, list)
        self.assertApiError(self.api("POST", "/widgets/token",
                                     {"organization_id": ORG, "scopes": ["nope"]}), 400, list)
        self.assertApiError(self.api("POST", "/widgets/token",
                                     {"organization_id": "org_x"}), 404)


# ---------------------------------------------------------------- runner

def main():
    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = None
    try:
        result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    finally:
        tearDownModule()  # idempotent; also covers an interrupted run
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - len(result.failures) - len(result.errors) - len(result.skipped)
    if WORKDIR and failed == 0:
        shutil.rmtree(WORKDIR, ignore_errors=True)
    elif WORKDIR:
        print("emulator self-test: work files kept in %s" % WORKDIR)
    print("emulator self-test: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
