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
"""
import argparse
import os
import socket
import ssl
import sys
import threading
import warnings

# TLS 1.0/1.1 are deprecated in Python; --tls11-only asks for them on purpose.
warnings.filterwarnings("ignore", category=DeprecationWarning)

IO_TIMEOUT_S = 10  # guard so a confused client can never hang the peer


def make_context(args, cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if args.tls11_only:
        ctx.minimum_version = ssl.TLSVersion.TLSv1_1
        ctx.maximum_version = ssl.TLSVersion.TLSv1_1
        ctx.set_ciphers("DEFAULT@SECLEVEL=0")  # OpenSSL 3 refuses TLS 1.1 above level 0
    if args.no_tickets:
        ctx.options |= ssl.OP_NO_TICKET  # resume by session id instead
    ctx.load_cert_chain(cert, key)
    return ctx


def serve_tls(ctx, conn, mode):
    tls = ctx.wrap_socket(conn, server_side=True)
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


def serve(ctx, conn, mode):
    conn.settimeout(IO_TIMEOUT_S)
    if mode == "silent":
        while conn.recv(65536):
            pass
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
                    choices=["echo", "close-notify", "truncate", "silent"])
    ap.add_argument("--tls11-only", action="store_true")
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
            serve(ctx, conn, args.mode)
        except (OSError, ssl.SSLError, ValueError):
            pass  # refused handshakes are what several tests expect
        finally:
            conn.close()
        ctx = later


if __name__ == "__main__":
    main()
