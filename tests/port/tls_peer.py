#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""TLS server for tests/port/test_tls.c (python3 standard library only).

Listens on 127.0.0.1 on a free port, prints "PORT <n>" once it accepts, and
serves connections one after another until it is killed or its stdin
closes (so it never outlives the test that started it).

Modes (--mode):
  echo          handshake, then echo every byte until the client leaves
  close-notify  handshake, answer one read with b"reply:" + data, then send
                close_notify (an orderly TLS close)
  truncate      like close-notify, but end the TCP stream without close_notify
  silent        accept TCP and never say a word (a handshake that cannot finish)
  alert-flood   read the ClientHello, then send TLS warning alerts (plaintext,
                which a client ignores one by one) without pause for
                FLOOD_S seconds or until the client leaves
  tickets       like echo, but on TLS 1.3 a fresh session ticket goes out
                before and after every reply (OpenSSL's SSL_new_session_ticket)
  hello         read the ClientHello, write what it offers to --capture as one
                line, then close (the client sees the connection end)

--tls12-only caps the server at TLS 1.2; --tls11-only offers TLS 1.1 alone.
"""
import argparse
import ctypes
import os
import socket
import ssl
import sys
import threading
import time
import warnings

# TLS 1.0/1.1 are deprecated in Python; --tls11-only asks for them on purpose.
warnings.filterwarnings("ignore", category=DeprecationWarning)

IO_TIMEOUT_S = 10  # guard so a confused client can never hang the peer
FLOOD_S = 5  # longer than any deadline a flood test sets: a client held past it fails
# A warning alert record before encryption: alert(21), TLS 1.2, length 2,
# warning(1), unrecognized_name(112) -- one that servers really send.
WARNING_ALERT = bytes([21, 3, 3, 0, 2, 1, 112])


def make_context(args, cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if args.tls11_only:
        ctx.minimum_version = ssl.TLSVersion.TLSv1_1
        ctx.maximum_version = ssl.TLSVersion.TLSv1_1
        ctx.set_ciphers("DEFAULT@SECLEVEL=0")  # OpenSSL 3 refuses TLS 1.1 above level 0
    if args.tls12_only:
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    if args.no_tickets:
        ctx.options |= ssl.OP_NO_TICKET  # resume by session id instead
    ctx.load_cert_chain(cert, key)
    return ctx


_LIBSSL = None


def new_ticket(tls):
    """Queue a TLS 1.3 NewSessionTicket and flush it (OpenSSL >= 1.1.1).
    Python has no API for it: the SSL* is read from CPython's PySSLSocket
    (PyObject_HEAD, then the socket weakref, then SSL *ssl)."""
    global _LIBSSL
    if tls.version() != "TLSv1.3":
        return
    if _LIBSSL is None:
        _LIBSSL = ctypes.CDLL("libssl.so.3")
        _LIBSSL.SSL_new_session_ticket.argtypes = [ctypes.c_void_p]
        _LIBSSL.SSL_do_handshake.argtypes = [ctypes.c_void_p]
    head = 2 * ctypes.sizeof(ctypes.c_void_p)  # ob_refcnt, ob_type
    ssl_ptr = ctypes.c_void_p.from_address(id(tls._sslobj) + head + ctypes.sizeof(ctypes.c_void_p))
    if _LIBSSL.SSL_new_session_ticket(ssl_ptr) != 1 or _LIBSSL.SSL_do_handshake(ssl_ptr) != 1:
        raise OSError("could not send a session ticket")


def tls_record(conn):
    """One plaintext TLS record (the ClientHello): header and body."""
    head = b""
    while len(head) < 5:
        more = conn.recv(5 - len(head))
        if not more:
            raise OSError("no ClientHello")
        head += more
    need = int.from_bytes(head[3:5], "big")
    body = b""
    while len(body) < need:
        more = conn.recv(need - len(body))
        if not more:
            raise OSError("short ClientHello")
        body += more
    return head + body


def describe_hello(rec):
    """'suites=.. groups=.. sigalgs=.. alpn=.. versions=..' (hex, in order)."""
    b = rec[5:]
    assert b[0] == 1, "not a ClientHello"
    i = 4 + 2 + 32
    i += 1 + b[i]  # session id
    n = int.from_bytes(b[i:i + 2], "big")
    suites = [b[i + 2 + k:i + 4 + k].hex() for k in range(0, n, 2)]
    i += 2 + n
    i += 1 + b[i]  # compression methods
    end = i + 2 + int.from_bytes(b[i:i + 2], "big")
    i += 2
    found = {"groups": [], "sigalgs": [], "alpn": [], "versions": []}
    while i + 4 <= end:
        typ = int.from_bytes(b[i:i + 2], "big")
        ln = int.from_bytes(b[i + 2:i + 4], "big")
        d = b[i + 4:i + 4 + ln]
        if typ == 10:
            found["groups"] = [d[2 + k:4 + k].hex() for k in range(0, len(d) - 2, 2)]
        elif typ == 13:
            found["sigalgs"] = [d[2 + k:4 + k].hex() for k in range(0, len(d) - 2, 2)]
        elif typ == 16:
            j = 2
            while j < len(d):
                found["alpn"].append(d[j + 1:j + 1 + d[j]].decode())
                j += 1 + d[j]
        elif typ == 43:
            found["versions"] = [d[1 + k:3 + k].hex() for k in range(0, d[0], 2)]
        i += 4 + ln
    return "suites=%s groups=%s sigalgs=%s alpn=%s versions=%s" % (
        ",".join(suites), ",".join(found["groups"]), ",".join(found["sigalgs"]),
        ",".join(found["alpn"]), ",".join(found["versions"]))


def serve_tls(ctx, conn, mode):
    tls = ctx.wrap_socket(conn, server_side=True)
    if mode == "tickets":
        while True:
            data = tls.recv(65536)
            if not data:
                break
            new_ticket(tls)
            tls.sendall(data)
            new_ticket(tls)
        tls.unwrap()
        return
    if mode == "echo":
        while True:
            data = tls.recv(65536)
            if not data:
                break
            tls.sendall(data)
        # Answer the client's close_notify: OpenSSL evicts a session from
        # its server cache when the connection ends without one from us.
        tls.unwrap()
        return
    data = tls.recv(65536)
    tls.sendall(b"reply:" + data)
    if mode == "close-notify":
        tls.unwrap()  # sends close_notify, then waits for the client's
    else:
        tls.shutdown(socket.SHUT_RDWR)  # plain TCP FIN, no close_notify


def flood_alerts(conn):
    conn.recv(65536)  # the ClientHello
    burst = WARNING_ALERT * 512
    end = time.monotonic() + FLOOD_S
    while time.monotonic() < end:
        conn.sendall(burst)  # fails once the client has gone


def serve(ctx, conn, mode, capture):
    conn.settimeout(IO_TIMEOUT_S)
    if mode == "hello":
        line = describe_hello(tls_record(conn))
        with open(capture, "w") as f:
            f.write(line + "\n")
        return
    if mode == "silent":
        while conn.recv(65536):
            pass
        return
    if mode == "alert-flood":
        flood_alerts(conn)
        return
    serve_tls(ctx, conn, mode)


def exit_on_stdin_eof():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--mode", default="echo",
                    choices=["echo", "close-notify", "truncate", "silent", "alert-flood",
                             "tickets", "hello"])
    ap.add_argument("--tls11-only", action="store_true")
    ap.add_argument("--tls12-only", action="store_true")
    ap.add_argument("--capture", metavar="PATH", help="hello mode: where the summary goes")
    ap.add_argument("--no-tickets", action="store_true")
    ap.add_argument("--next", metavar="PATH",
                    help="after the first connection serve PATH.pem/PATH.key instead")
    args = ap.parse_args()

    ctx = make_context(args, args.cert, args.key)
    later = make_context(args, args.next + ".pem", args.next + ".key") if args.next else ctx
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(8)
    threading.Thread(target=exit_on_stdin_eof, daemon=True).start()
    print("PORT", lsock.getsockname()[1], flush=True)
    while True:
        conn, _ = lsock.accept()
        try:
            serve(ctx, conn, args.mode, args.capture)
        except (OSError, ssl.SSLError, ValueError):
            pass  # refused handshakes are what several tests expect
        finally:
            conn.close()
        ctx = later


if __name__ == "__main__":
    main()
