"""Malformed input against the interop server over raw HTTP/2 (python3-h2).

Usage: malformed_client.py --port N --test_case NAME --stubs DIR
Every case checks the exact error the server answers and then that the server still
serves a well-formed call (on the same connection when the error was only the stream's).
Exits 0 and prints "PASS <case>" on success.
"""
import argparse
import socket
import struct
import sys

import h2.errors

import raw_grpc
import stubs

TEST_SERVICE = "/grpc.testing.TestService"
OK, UNKNOWN, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNIMPLEMENTED, INTERNAL = 0, 2, 4, 8, 12, 13

cases = {}


def case(fn):
    cases[fn.__name__] = fn
    return fn


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Target:
    def __init__(self, host, port):
        from grpc.testing import messages_pb2
        self.host, self.port, self.m = host, port, messages_pb2

    def connect(self):
        return raw_grpc.Connection(self.host, self.port)

    def good_request(self):
        return self.m.SimpleRequest(response_size=7, payload=self.m.Payload(body=b"\0" * 3)).SerializeToString()

    def still_serving(self, conn=None):
        """A well-formed UnaryCall succeeds (on conn if given, else on a new connection)."""
        own = conn is None
        conn = conn or self.connect()
        try:
            stream = conn.start(f"{TEST_SERVICE}/UnaryCall")
            conn.send(stream, raw_grpc.frame(self.good_request()), end_stream=True)
            response = conn.wait(stream)
        finally:
            if own:
                conn.close()
        check(response.grpc_status == OK, f"follow-up call failed: {response.describe()}")
        (_, body), = response.messages()
        check(len(self.m.SimpleResponse.FromString(body).payload.body) == 7, "follow-up call answered wrongly")

    def call(self, path, body, extra=None, content_type="application/grpc", end_stream=True):
        """Sends one request on a new connection; returns (connection, response) with the connection open."""
        conn = self.connect()
        stream = conn.start(path, content_type=content_type, extra=extra)
        conn.send(stream, body, end_stream=end_stream)
        return conn, conn.wait(stream)

    def expect_status(self, response, code, words):
        check(response.grpc_status == code, f"want grpc-status {code}, got {response.describe()}")
        check(response.http_status == "200", f"gRPC errors travel with HTTP 200, got {response.http_status}")
        message = response.grpc_message.lower()
        check(any(w in message for w in words), f"grpc-message {response.grpc_message!r} does not mention {words}")
        print(f"grpc-status {code}: {response.grpc_message}")

    def expect_unknown_without_detail(self, response):
        """grpc-dotnet answers a request it cannot read as a message (a failure before the handler runs)
        with UNKNOWN and its generic "Exception was thrown by handler.": the status is still clean, and the
        exception behind it (type, text, stack) stays in the server's log, never on the wire."""
        check(response.grpc_status == UNKNOWN, f"want grpc-status {UNKNOWN}, got {response.describe()}")
        check(response.http_status == "200", f"gRPC errors travel with HTTP 200, got {response.http_status}")
        message = response.grpc_message
        leaks = [w for w in ("InvalidDataException", "InvalidProtocolBufferException", " at ", "/") if w in message]
        check(message and not leaks, f"grpc-message {message!r} is empty or leaks {leaks}")
        print(f"grpc-status {UNKNOWN}: {message}")


def header(flag, length):
    return struct.pack(">BI", flag, length)


def raw_frame(frame_type, flags, stream_id, payload):
    return struct.pack(">I", len(payload))[1:] + bytes([frame_type, flags]) + struct.pack(">I", stream_id) + payload


def goaway_after(t, frames):
    """Opens a bare connection (preface + empty SETTINGS), sends frames, returns the GOAWAY error code.

    The h2 state machine is bypassed on purpose: it would refuse to send these frames.
    """
    with socket.create_connection((t.host, t.port), timeout=10) as sock:
        sock.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + raw_frame(0x4, 0x0, 0, b"") + frames)
        data = b""
        while True:
            while len(data) >= 9:
                length = int.from_bytes(data[0:3], "big")
                if len(data) < 9 + length:
                    break
                frame_type, payload = data[3], data[9:9 + length]
                data = data[9 + length:]
                if frame_type == 0x7:  # GOAWAY: last stream id, then the error code
                    return struct.unpack(">II", payload[:8])[1]
            chunk = sock.recv(65536)
            if not chunk:
                return None
            data += chunk


@case
def bad_frame(t):
    # DATA on stream 0 is a connection error of type PROTOCOL_ERROR (RFC 9113 6.1).
    code = goaway_after(t, raw_frame(0x0, 0x0, 0, b"abc"))
    check(code == h2.errors.ErrorCodes.PROTOCOL_ERROR, f"GOAWAY error {code}, want PROTOCOL_ERROR")
    t.still_serving()


@case
def bad_hpack(t):
    # An indexed header field whose index overflows the table: COMPRESSION_ERROR (RFC 9113 4.3).
    code = goaway_after(t, raw_frame(0x1, 0x4 | 0x1, 1, b"\xff\xff\xff\xff\x0f"))
    check(code == h2.errors.ErrorCodes.COMPRESSION_ERROR, f"GOAWAY error {code}, want COMPRESSION_ERROR")
    t.still_serving()


@case
def truncated_message(t):
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", header(0, 100) + b"\0" * 10)
    with conn:
        t.expect_status(response, INTERNAL, ["incomplete", "truncated", "end of stream", "ended"])
        t.still_serving(conn)


@case
def truncated_prefix(t):
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", b"\0\0\0")
    with conn:
        t.expect_status(response, INTERNAL, ["incomplete", "truncated", "end of stream", "ended"])
        t.still_serving(conn)


@case
def oversized_message(t):
    size = 5 * 1024 * 1024
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", header(0, size) + b"\0" * size)
    with conn:
        t.expect_status(response, RESOURCE_EXHAUSTED, ["larger than", "max", "limit", "exceed"])
        t.still_serving()


@case
def invalid_protobuf(t):
    # Field 1 declared as a length-delimited run of 1000 bytes that is not there.
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", raw_grpc.frame(b"\x0a\xe8\x07\x01"))
    with conn:
        t.expect_unknown_without_detail(response)
        t.still_serving(conn)


@case
def invalid_compressed_flag(t):
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", header(2, 0))
    with conn:
        t.expect_unknown_without_detail(response)
        t.still_serving(conn)


@case
def compressed_without_encoding(t):
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", raw_grpc.frame(t.good_request(), compressed=True))
    with conn:
        t.expect_status(response, INTERNAL, ["encoding", "compress"])
        t.still_serving(conn)


@case
def unsupported_encoding(t):
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", header(1, 3) + b"abc", extra=[("grpc-encoding", "snappy")])
    with conn:
        t.expect_status(response, UNIMPLEMENTED, ["snappy", "encoding", "compression"])
        accepted = response.headers.get("grpc-accept-encoding", response.trailers.get("grpc-accept-encoding", ""))
        check("gzip" in accepted, f"grpc-accept-encoding should list what the server accepts, got {accepted!r}")
        t.still_serving(conn)


@case
def bad_timeout(t):
    # grpc-dotnet ignores a grpc-timeout it cannot parse (it logs it) and serves the call without a
    # deadline: the caller gets its answer rather than an error, and nothing else on the connection suffers.
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", raw_grpc.frame(t.good_request()),
                            extra=[("grpc-timeout", "soon")])
    with conn:
        check(response.grpc_status == OK, f"want the call served, got {response.describe()}")
        (_, body), = response.messages()
        check(len(t.m.SimpleResponse.FromString(body).payload.body) == 7, "call with a bad grpc-timeout answered wrongly")
        print("unparsable grpc-timeout ignored, call served")
        t.still_serving(conn)


@case
def bad_content_type(t):
    conn, response = t.call(f"{TEST_SERVICE}/UnaryCall", raw_grpc.frame(t.good_request()), content_type="text/plain")
    with conn:
        check(response.http_status == "415", f"want HTTP 415, got {response.describe()}")
        t.still_serving(conn)


@case
def server_enforces_deadline(t):
    # A duplex call that never half-closes: only the server's own deadline can end it.
    with t.connect() as conn:
        stream = conn.start(f"{TEST_SERVICE}/FullDuplexCall", extra=[("grpc-timeout", "200m")])
        conn.send(stream, raw_grpc.frame(t.m.StreamingOutputCallRequest().SerializeToString()))
        response = conn.wait(stream)
        check(response.grpc_status == DEADLINE_EXCEEDED, f"want DEADLINE_EXCEEDED, got {response.describe()}")
        t.still_serving(conn)


@case
def http1_cleartext(t):
    request = (f"POST {TEST_SERVICE}/UnaryCall HTTP/1.1\r\nHost: {t.host}:{t.port}\r\n"
               "Content-Type: application/grpc\r\nTE: trailers\r\nContent-Length: 5\r\n\r\n\0\0\0\0\0")
    with socket.create_connection((t.host, t.port), timeout=10) as sock:
        sock.sendall(request.encode())
        reply = b""
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
    status_line = reply.split(b"\r\n", 1)[0].decode(errors="replace")
    check(status_line.startswith("HTTP/1.1 4"), f"want an HTTP/1.1 4xx answer, got {reply[:200]!r}")
    print(status_line)
    t.still_serving()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", "--port", type=int, required=True)
    parser.add_argument("--test_case", required=True, choices=sorted(cases))
    parser.add_argument("--stubs", required=True)
    args = parser.parse_args()
    stubs.load(args.stubs)
    try:
        cases[args.test_case](Target(args.server_host, args.server_port))
    except (AssertionError, OSError) as error:
        print(f"FAIL {args.test_case}: {error}", file=sys.stderr)
        return 1
    print(f"PASS {args.test_case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
