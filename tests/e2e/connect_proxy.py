# SPDX-License-Identifier: MIT
"""A small HTTP CONNECT proxy on 127.0.0.1 for the tests (threads, no deps).

    p = ConnectProxy(auth=("user", "pass"))   # or auth=None; refuse=502
    ... HTTPS_PROXY=http://user:pass@127.0.0.1:%d % p.port ...
    p.requests   # [(target, authorization header or None, status answered)]
    p.stop()

It only tunnels to 127.0.0.1/localhost/::1 (the tests' emulator): any
other target is answered 403, so nothing can leave the machine.
"""

import base64
import socket
import threading

import e2e_support as es

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
REASONS = {200: "Connection established", 403: "Forbidden", 407: "Proxy Authentication Required",
           502: "Bad Gateway"}


class ConnectProxy:
    def __init__(self, auth=None, refuse=None):
        self.auth = auth
        self.refuse = refuse
        self.requests = []
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = self._sock.getsockname()[1]
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def stop(self):
        self._stopped = True
        try:
            # shutdown wakes the thread blocked in accept(); close alone would
            # leave the socket listening until that accept returns.
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()

    def _accept(self):
        while not self._stopped:
            try:
                c, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(c,), daemon=True).start()

    @staticmethod
    def _head(c):
        data = b""
        while b"\r\n\r\n" not in data:
            b = c.recv(1)  # one byte at a time: nothing of the tunnel is read here
            if not b or len(data) > 8192:
                return None
            data += b
        return data.decode("latin-1")

    def _answer(self, c, target, authz, status):
        with self._lock:
            self.requests.append((target, authz, status))
        extra = "Proxy-Authenticate: Basic realm=\"test\"\r\n" if status == 407 else ""
        c.sendall(("HTTP/1.1 %d %s\r\n%s\r\n" % (status, REASONS.get(status, "X"), extra)).encode())

    def _serve(self, c):
        with c:
            head = self._head(c)
            if head is None:
                return
            lines = head.split("\r\n")
            parts = lines[0].split(" ")
            authz = None
            for line in lines[1:]:
                if line.lower().startswith("proxy-authorization:"):
                    authz = line.split(":", 1)[1].strip()
            if len(parts) != 3 or parts[0] != "CONNECT":
                self._answer(c, lines[0], authz, 400)
                return
            target = parts[1]
            host, _, port = target.rpartition(":")
            host = host.strip("[]")
            if self.refuse is not None:
                self._answer(c, target, authz, self.refuse)
                return
            if self.auth is not None:
                want = "Basic " + base64.b64encode(("%s:%s" % self.auth).encode()).decode()
                if authz != want:
                    self._answer(c, target, authz, 407)
                    return
            if host not in LOOPBACK:
                self._answer(c, target, authz, 403)
                return
            try:
                u = socket.create_connection((host, int(port)), timeout=10)
            except OSError:
                self._answer(c, target, authz, 502)
                return
            self._answer(c, target, authz, 200)
            u.settimeout(None)
            t = threading.Thread(target=es.pump, args=(u, c), daemon=True)
            t.start()
            es.pump(c, u)
            t.join(timeout=10)
            u.close()
