#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write the seed corpora of the fuzz targets that are not plain example
bodies: timestamps, HTTP responses and client sessions. The JSON bodies in
corpus/fuzz_pipes_decode/ and corpus/fuzz_json_reader/ are the contract's
examples (copied from shared/api/examples/) plus the few written below;
the HTTP and client seeds wrap those bodies in responses. Run from the
repository root: python3 tests/fuzz/make_seeds.py (idempotent)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def body(name):
    with open(os.path.join(CORPUS, "fuzz_pipes_decode", name), "rb") as f:
        return f.read()


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def response(status, reason, payload=b"", headers=(), framing="length"):
    head = b"HTTP/1.1 %d %s\r\n" % (status, reason)
    for h in headers:
        head += h + b"\r\n"
    if framing == "length":
        head += b"Content-Length: %d\r\n" % len(payload)
        return head + b"\r\n" + payload
    if framing == "chunked":
        head += b"Transfer-Encoding: chunked\r\n\r\n"
        out, i = b"", 0
        while i < len(payload):
            piece = payload[i:i + 40]
            out += b"%x;ext=1\r\n" % len(piece) + piece + b"\r\n"
            i += 40
        return head + out + b"0\r\nX-Trailer: t\r\n\r\n"
    return head + b"Connection: close\r\n\r\n" + payload  # framed by the close


JSON_CT = b"Content-Type: application/json"
REQ_ID = b"X-Request-ID: req_01HXYZ"
TOKEN = body("token-active.json")
DI = body("data-integration.json")
LIST = body("data-integration-list.json")
ERR = body("error-code-message.json")


def json_seeds():
    extra = {
        "empty-object.json": b"{}",
        "null.json": b"null",
        "escapes.json": b'{"active":true,"access_token":{"access_token":"a\\u00e9\\ud83d\\ude00\\n\\"",'
                        b'"expires_at":null,"scopes":["r\\/w"],"missing_scopes":["x"]}}',
        "token-inactive-other.json": b'{"active":false,"error":"revoked"}',
        "list-empty.json": b'{"object":"list","data":[],"list_metadata":{"before":null,"after":null}}',
        "integration-minimal.json": b'{"id":"d1","slug":"s","scopes":null,"config":{"k":"v","k":"w"},'
                                    b'"installation":{"id":"i","user_id":"u","organization_id":null,'
                                    b'"api_key_last_4":"1234"},"credentials":null}',
        "deep.json": b"[" * 40 + b"]" * 40,
        "numbers.json": b'[0,-0,1e5,-1.5E-3,9223372036854775807,-9223372036854775808,18446744073709551616]',
    }
    for name, data in extra.items():
        write("fuzz_pipes_decode", name, data)
        write("fuzz_json_reader", name, data)


def time_seeds():
    stamps = [
        b"2026-01-15T12:00:00.000Z", b"2025-12-31T23:59:59Z", b"1970-01-01T00:00:00Z",
        b"0000-01-01T00:00:00+23:59", b"9999-12-31T23:59:60.123456789-23:59",
        b"2024-02-29t13:00:00+01:00", b"2023-02-29T00:00:00Z", b"2026-01-15 12:00:00Z",
        b"Sun, 06 Nov 1994 08:49:37 GMT", b"Thu, 01 Jan 1970 00:00:00 GMT",
        b"Tue, 29 Feb 2000 23:59:60 GMT", b"Sunday, 06-Nov-94 08:49:37 GMT",
        b"Sun Nov  6 08:49:37 1994",
    ]
    for i, s in enumerate(stamps):
        write("fuzz_time", "ts%02d.txt" % i, s)


def http_seeds():
    # fuzz_http_parser reads byte 0 (path, buffer, header limit) and bytes 1-2
    # (piece sizes) first: "(" is one 4096-byte buffer via feed, ")" via commit.
    cases = {
        "token.http": response(200, b"OK", TOKEN, (JSON_CT, REQ_ID)),
        "chunked.http": response(200, b"OK", DI, (JSON_CT,), "chunked"),
        "close.http": response(200, b"OK", LIST, (JSON_CT,), "close"),
        "continue.http": b"HTTP/1.1 100 Continue\r\n\r\n" + response(201, b"Created", DI),
        "retry-after.http": response(503, b"Unavailable", ERR,
                                     (b"Retry-After: Sun, 06 Nov 1994 08:49:40 GMT",
                                      b"Date: Sun, 06 Nov 1994 08:49:37 GMT")),
        "no-content.http": response(204, b"No Content", b"", (REQ_ID,)) + response(200, b"OK", b"{}"),
        "http10.http": b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}",
    }
    for i, (name, data) in enumerate(sorted(cases.items())):
        write("fuzz_http_parser", name, (b"(" if i % 2 == 0 else b")") + b"ab" + data)


def client_seeds():
    # fuzz_client: byte 0 ops and retries, byte 1 knobs, bytes 2-5 chunk sizes,
    # byte 6 more knobs. "@" = 0x40: first call 0 (token), second 0, one retry.
    # Knobs " " = send in chunks. The answers to successive requests are
    # separated by "====" ("====!" when the server closes after the answer).
    def seed(name, ops, knobs, chunks, *answers, more=0, sep=b"===="):
        write("fuzz_client", name, bytes([ops, knobs]) + chunks + bytes([more]) + sep.join(answers))

    ok_token = response(200, b"OK", TOKEN, (JSON_CT, REQ_ID))
    seed("token-twice", 0x40, 0x20, b"~~~~", ok_token, ok_token)
    seed("token-bytewise", 0x40, 0x00, b"\x01\x02\x03\x05", ok_token, ok_token)
    seed("create-get", 0x40 | 1 | (3 << 3), 0x20, b"~~~~",
         response(201, b"Created", DI), response(200, b"OK", DI, (), "chunked"))
    seed("list-update", 0x40 | 2 | (4 << 3), 0x20, b"~~~~",
         response(200, b"OK", LIST, (JSON_CT,)), response(200, b"OK", DI, (), "close"))
    seed("delete-retry", 0xC0 | 5 | (5 << 3), 0x20, b"~~~~",
         response(503, b"Busy", ERR, (b"Retry-After: 1",)), response(204, b"No Content"),
         response(429, b"Slow", ERR, (b"Retry-After: Sun, 06 Nov 1994 08:49:40 GMT",)),
         response(204, b"No Content"))
    page_last = LIST.replace(b'"data_integration_01HXYZ987654321KJIHGFEDCBA"', b"null")
    seed("list-all", 0x40 | 6 | (0 << 3), 0x28, b"~~~~",
         response(200, b"OK", LIST), response(200, b"OK", page_last), ok_token)
    seed("error-then-timeout", 0x40 | 3, 0x48, b"~\x00~~",
         response(404, b"Not Found", body("error-message.json"), (REQ_ID,)), ok_token)
    seed("pipelined-leftover", 0x40 | 3 | (3 << 3), 0x00, b"~~~~",
         response(200, b"OK", DI) + response(200, b"OK", DI), response(200, b"OK", DI))
    seed("small-buffer", 0x40 | 2 | (2 << 3), 0x23, b"~~~~", response(200, b"OK", LIST))
    seed("idle-close", 0x40 | 3 | (3 << 3), 0x00, b"~~~~", response(200, b"OK", DI),
         response(200, b"OK", DI), sep=b"====!")
    seed("options-caller-key", 0x80 | 1 | (0 << 3), 0x20, b"~~~~",
         response(201, b"Created", DI), ok_token, more=0x30)
    seed("rotate-secret", 0x40 | 7 | (5 << 3), 0x20, b"~~~~", response(200, b"OK", DI),
         response(204, b"No Content"))
    seed("small-headers", 0x40 | 3 | (3 << 3), 0x00, b"~~~~",
         response(200, b"OK", DI, (JSON_CT, REQ_ID, b"X-Pad: " + b"p" * 160)),
         response(200, b"OK", DI, (JSON_CT, REQ_ID)), more=0x01)
    seed("send-stall", 0x40 | 2 | (3 << 3), 0x20, b"\x00~~~", response(200, b"OK", LIST),
         response(200, b"OK", DI), more=0x02)


if __name__ == "__main__":
    json_seeds()
    time_seeds()
    http_seeds()
    client_seeds()
