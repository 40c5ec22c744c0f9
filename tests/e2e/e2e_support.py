# SPDX-License-Identifier: MIT
"""Shared by the end-to-end runners: the Pipes emulator as a child process
that cannot outlive its runner, its control API, and a direct API client
(the emulator's view of its state, to compare the tool's output with).

Python 3 standard library only.
"""

import ctypes
import hashlib
import http.client
import json
import os
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EMULATOR = os.path.join(REPO, "tests", "emulator", "pipes_emulator.py")
MAKE_CERTS = os.path.join(REPO, "tests", "certs", "make_certs.sh")
SEED_PATH = os.path.join(REPO, "tests", "emulator", "seed.json")

# The direct client's User-Agent: its requests are told apart in the log.
DIRECT_UA = "wos-e2e-direct/1"

_RUNNING = []  # emulators not yet stopped, for the exit and signal handlers
_CHILDREN = []  # other processes to end on a signal (with_emulator.py's command)


def build_dir():
    return os.path.abspath(os.environ.get("WOS_E2E_BUILD", os.path.join(REPO, "build")))


def ensure_certs(cert_dir):
    """The test PKI (idempotent); returns cert_dir."""
    subprocess.run(["sh", MAKE_CERTS, cert_dir], check=True, stdout=subprocess.DEVNULL)
    return cert_dir


def _digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def leaf_cert(cert_dir, tag, cn, sans):
    """The test PKI with its server leaf (server.pem, server.key) made again
    for subject CN and the SANs (openssl's "DNS:x,IP:y" text); returns
    cert_dir. make_certs.sh remakes the whole PKI when it gains a file, so
    the leaf is made again whenever server.pem is not the one stamped."""
    ensure_certs(cert_dir)
    stamp = os.path.join(cert_dir, tag + ".stamp")
    try:
        with open(stamp) as f:
            if f.read() == _digest(os.path.join(cert_dir, "server.pem")):
                return cert_dir
    except OSError:
        pass
    with open(os.path.join(cert_dir, tag + ".ext"), "w") as f:
        f.write("subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n" % sans)
    q = dict(check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cert_dir)
    subprocess.run(["openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "server.key", "-out", tag + ".csr", "-subj", "/CN=" + cn], **q)
    subprocess.run(["openssl", "x509", "-req", "-in", tag + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-days", "825", "-extfile", tag + ".ext", "-out", "server.pem"], **q)
    with open(stamp, "w") as f:
        f.write(_digest(os.path.join(cert_dir, "server.pem")))
    return cert_dir


def pump(a, b):
    """One direction of a byte relay: a's bytes to b until a ends, then b is half-closed."""
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    finally:
        try:
            b.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def _die_with_parent():
    """Linux: the emulator gets SIGTERM if the runner dies, even by SIGKILL."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def stop_all():
    while _RUNNING:
        _RUNNING[-1].stop()


def end_on_signal(proc):
    """Terminate proc too if a signal stops the runner."""
    _CHILDREN.append(proc)


def _on_signal(signum, frame):
    # No wait here: the interrupted main thread may hold the Popen's wait lock.
    for proc in _CHILDREN:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
    stop_all()
    # Die of the same signal (exit status 128+n), after the cleanup.
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def install_signal_handlers():
    """SIGINT, SIGTERM and SIGHUP stop every emulator before the runner exits."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)


class Emulator:
    """One emulator process. stop() is idempotent and also runs at exit."""

    def __init__(self, api_key, plain=False, cert_dir=None, seed=SEED_PATH):
        self.api_key = api_key
        self.plain = plain
        self.workdir = tempfile.mkdtemp(prefix="e2e-emulator-", dir=build_dir())
        self.cert_dir = None if plain else ensure_certs(cert_dir or os.path.join(build_dir(), "certs"))
        self.ca_file = None if plain else os.path.join(self.cert_dir, "ca.pem")
        self.log_file = os.path.join(self.workdir, "requests.jsonl")
        self.err_path = os.path.join(self.workdir, "stderr.txt")
        port_file = os.path.join(self.workdir, "port")
        cmd = [sys.executable, EMULATOR, "--port", "0", "--api-key", api_key, "--seed", seed,
               "--port-file", port_file, "--log-file", self.log_file]
        cmd += ["--plain"] if plain else ["--cert-dir", self.cert_dir]
        self._err = open(self.err_path, "wb")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._err,
                                     stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)
        _RUNNING.append(self)
        try:
            line = self._first_line(60.0)
            prefix = "pipes-emulator listening on %s://localhost:" % ("http" if plain else "https")
            if not line.startswith(prefix):
                raise RuntimeError("emulator said %r; stderr: %s" % (line, self.stderr()))
            self.port = int(line[len(prefix):])
            with open(port_file) as f:
                if int(f.read()) != self.port:
                    raise RuntimeError("port file disagrees with the startup line")
        except BaseException:
            self.stop()
            raise
        self.scheme = "http" if plain else "https"
        self.base_url = "%s://localhost:%d" % (self.scheme, self.port)

    def _first_line(self, timeout):
        fd = self.proc.stdout.fileno()
        data = b""
        deadline = time.monotonic() + timeout
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise RuntimeError("emulator did not start in %ds: %s" % (timeout, self.stderr()))
            chunk = os.read(fd, 4096)
            if not chunk:
                raise RuntimeError("emulator exited at start-up: %s" % self.stderr())
            data += chunk
        return data.decode("utf-8", "replace").strip()

    def stderr(self):
        with open(self.err_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self):
        if self in _RUNNING:
            _RUNNING.remove(self)
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._err.close()
        if not os.environ.get("WOS_E2E_KEEP"):  # set it to keep the log and stderr
            shutil.rmtree(self.workdir, ignore_errors=True)

    def connection(self, timeout=30):
        if self.plain:
            return http.client.HTTPConnection("localhost", self.port, timeout=timeout)
        ctx = ssl.create_default_context(cafile=self.ca_file)
        return http.client.HTTPSConnection("localhost", self.port, timeout=timeout, context=ctx)


class Http:
    """A persistent connection that reopens once if the server closed it."""

    def __init__(self, emu):
        self.emu = emu
        self.conn = None

    def reopen(self):
        self.close()
        self.conn = self.emu.connection()
        self.conn.connect()

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, headers=None):
        """(status, headers dict lower-cased, parsed JSON body or None)."""
        hdrs = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.conn is None:
                self.reopen()
            try:
                self.conn.request(method, path, body=data, headers=hdrs)
                resp = self.conn.getresponse()
                raw = resp.read()
                break
            except (http.client.RemoteDisconnected, ConnectionError, ssl.SSLError,
                    http.client.CannotSendRequest, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
        parsed = json.loads(raw) if raw else None
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, parsed


class Control(Http):
    """The emulator's control API (no key, never logged, never faulted)."""

    def reset(self):
        # A new connection whose handshake precedes the reset: afterwards the
        # counters see only what the test itself does (plus nothing of ours).
        self.reopen()
        self._ok("POST", "/_emulator/reset")

    def faults(self, *specs):
        return self._ok("POST", "/_emulator/faults", list(specs))

    def clear_faults(self):
        return self._ok("DELETE", "/_emulator/faults")

    def log(self):
        return self._ok("GET", "/_emulator/log")

    def wait_for(self, predicate, timeout=10.0):
        """Poll the log until predicate(log) holds; the last log either way."""
        deadline = time.monotonic() + timeout
        while True:
            log = self.log()
            if predicate(log) or time.monotonic() > deadline:
                return log
            time.sleep(0.05)

    def _ok(self, method, path, body=None):
        status, _, parsed = self.request(method, path, body)
        if status != 200:
            raise RuntimeError("control %s %s answered %d: %r" % (method, path, status, parsed))
        return parsed


class Api(Http):
    """The Pipes API spoken directly (User-Agent DIRECT_UA), to read state."""

    def call(self, method, path, body=None, query=None):
        if query:
            path += "?" + urllib.parse.urlencode(query)
        headers = {"Authorization": "Bearer " + self.emu.api_key, "User-Agent": DIRECT_UA}
        return self.request(method, path, body, headers)

    def get(self, slug):
        return self.call("GET", "/data-integrations/" + urllib.parse.quote(slug, safe=""))

    def list(self, **query):
        return self.call("GET", "/data-integrations", query=query)

    def list_all(self, order="desc"):
        items, after = [], None
        while True:
            q = {"limit": 100, "order": order}
            if after:
                q["after"] = after
            status, _, page = self.list(**q)
            assert status == 200, page
            items += page["data"]
            after = page["list_metadata"]["after"]
            if not after:
                return items

    def token(self, slug, user_id, organization_id=None):
        body = {"user_id": user_id}
        if organization_id:
            body["organization_id"] = organization_id
        return self.call("POST", "/data-integrations/%s/token" % urllib.parse.quote(slug, safe=""),
                         body)

    def create(self, body):
        return self.call("POST", "/data-integrations", body)


def client_entries(log):
    """The log's entries that the code under test made (not the direct client)."""
    return [e for e in log["requests"] if e.get("user_agent") != DIRECT_UA]
