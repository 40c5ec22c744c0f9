#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""netns_run.py TEST_BIN RESULTS [TEST_BIN...] — the lwIP tests, inside a network namespace.

    unshare -n python3 tests/lwip/netns_run.py build/tests/lwip/test_lwip build/results

Must already run in a private network namespace (tests/lwip/run_lwip.sh
starts it with `unshare -n`): it makes a TAP device there with the
host-side address 192.0.2.1/24 (TEST-NET-1), starts the Pipes emulator on
127.0.0.1 with a certificate for 192.0.2.1 from the test CA, and relays
192.0.2.1:PORT to it. The test binary runs lwIP on the TAP device with the
address 192.0.2.2 and talks TLS to 192.0.2.1 through lwIP's sockets.
A DNS responder on 192.0.2.1:53 (UDP) answers DNS_NAME with 192.0.2.1 and
stays silent for SILENT_NAME (for the binary built with lwIP's DNS client).
Nothing leaves the namespace. Prints "lwip: N passed, M failed" last.
"""

import os
import shutil
import socket
import struct
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "tests", "e2e"))
import e2e_support as es  # noqa: E402

TAP = "wostap0"
SERVER, LWIP_ADDR = "192.0.2.1", "192.0.2.2"
API_KEY = "sk_test_lwip_4C2E9A17"
TAP_MTU = 560
DNS_NAME, SILENT_NAME = "pipes.test", "silent.test"


def sh(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def skip(reason):
    print("lwip: 0 passed, 0 failed (skipped: %s)" % reason)
    sys.exit(0)


def make_tap():
    try:
        sh("ip", "link", "set", "lo", "up")
        sh("ip", "tuntap", "add", "dev", TAP, "mode", "tap")
        sh("ip", "addr", "add", SERVER + "/24", "dev", TAP)
        # Debian's liblwip 2.1.3 (tapif + pbuf pool) writes past a pool pbuf for
        # frames longer than one pool element (valgrind: pbuf_take after
        # pbuf_alloc in the tapif thread). Frames of at most 574 bytes fit:
        # the kernel side's MTU keeps them so, and the TCP MSS follows.
        sh("ip", "link", "set", TAP, "mtu", str(TAP_MTU))
        sh("ip", "link", "set", TAP, "up")
    except (OSError, subprocess.CalledProcessError) as exc:
        err = getattr(exc, "stderr", b"") or b""
        skip("no TAP device in the namespace: %s %s" % (exc, err.decode(errors="replace").strip()))



def dns_answer(query):
    """The answer to one query: an A record for DNS_NAME, NXDOMAIN otherwise; None to stay silent."""
    if len(query) < 17:
        return None
    labels, i = [], 12
    while i < len(query) and query[i] != 0:
        n = query[i]
        labels.append(query[i + 1:i + 1 + n].decode("ascii", "replace").lower())
        i += 1 + n
    end = i + 5  # the root label, QTYPE, QCLASS
    if end > len(query):
        return None
    name = ".".join(labels)
    if name == SILENT_NAME:
        return None
    qtype = struct.unpack(">H", query[i + 1:i + 3])[0]
    question = query[12:end]
    if name == DNS_NAME and qtype == 1:
        rr = struct.pack(">HHHIH", 0xC00C, 1, 1, 60, 4) + socket.inet_aton(SERVER)
        return query[:2] + struct.pack(">HHHHH", 0x8180, 1, 1, 0, 0) + question + rr
    return query[:2] + struct.pack(">HHHHH", 0x8183, 1, 0, 0, 0) + question


def dns_responder():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((SERVER, 53))

    def loop():
        while True:
            query, peer = s.recvfrom(512)
            answer = dns_answer(query)
            if answer is not None:
                s.sendto(answer, peer)

    threading.Thread(target=loop, daemon=True).start()


def certs(build):
    """The test PKI, with the server leaf for 192.0.2.1 (a DNS SAN, as mbedTLS 2.28 matches names) and DNS_NAME."""
    return es.leaf_cert(os.path.join(build, "lwip", "certs"), "lwip-dns", SERVER,
                        "DNS:%s,DNS:%s" % (SERVER, DNS_NAME))


def relay(port_to):
    """Listens on SERVER:port_to and hands each connection to 127.0.0.1:port_to."""
    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((SERVER, port_to))
    ls.listen(16)

    def accept_loop():
        while True:
            c, _ = ls.accept()
            u = socket.create_connection(("127.0.0.1", port_to))
            for x, y in ((c, u), (u, c)):
                threading.Thread(target=es.pump, args=(x, y), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()


def main(binaries, results):
    if not shutil.which("ip"):
        skip("the ip command (iproute2) is missing")
    make_tap()
    build = os.path.abspath(os.path.dirname(results))
    os.environ["WOS_E2E_BUILD"] = build
    es.install_signal_handlers()
    emu = es.Emulator(API_KEY, cert_dir=certs(build))
    try:
        relay(emu.port)
        dns_responder()
        env = dict(os.environ, WOS_E2E_PORT=str(emu.port), WOS_E2E_CA=emu.ca_file, WOS_E2E_API_KEY=API_KEY,
                   WOS_LWIP_SERVER=SERVER, WOS_LWIP_ADDR=LWIP_ADDR, PRECONFIGURED_TAPIF=TAP,
                   WOS_LWIP_DNS_NAME=DNS_NAME, WOS_LWIP_SILENT_NAME=SILENT_NAME)
        rc = subprocess.run([os.path.join(REPO, "scripts", "run_tests.sh"), "lwip", results] + binaries,
                            env=env).returncode
        if rc != 0 and emu.stderr():
            print("emulator stderr:\n" + emu.stderr(), file=sys.stderr)
        return rc
    finally:
        es.stop_all()


if __name__ == "__main__":
    sys.exit(main([sys.argv[1]] + sys.argv[3:], sys.argv[2]))
