"""A deliberately small gRPC-over-HTTP/2 client built on the h2 library.

grpcio hides the wire (per-message compressed flags, HTTP status, exact
trailers) and refuses to send malformed requests, so the tests that need to
see or break the wire use this instead.
"""
import gzip
import socket
import struct

import h2.config
import h2.connection
import h2.events
import h2.exceptions
import h2.settings

PREFACE_TIMEOUT = 10.0


def frame(message, compressed=False):
    """Length-prefixes one serialized message, gzipping it when asked."""
    body = gzip.compress(message) if compressed else message
    return struct.pack(">BI", 1 if compressed else 0, len(body)) + body


def split_messages(data, encoding=None):
    """Splits a response body into (compressed_flag, message_bytes) pairs."""
    messages = []
    offset = 0
    while offset < len(data):
        if len(data) - offset < 5:
            raise AssertionError(f"truncated message prefix in response: {data[offset:]!r}")
        flag, length = struct.unpack(">BI", data[offset:offset + 5])
        body = data[offset + 5:offset + 5 + length]
        if len(body) != length:
            raise AssertionError(f"truncated message in response: want {length} bytes, got {len(body)}")
        if flag == 1:
            if encoding != "gzip":
                raise AssertionError(f"compressed flag set but grpc-encoding is {encoding!r}")
            body = gzip.decompress(body)
        elif flag != 0:
            raise AssertionError(f"invalid message flag {flag}")
        messages.append((flag, body))
        offset += 5 + length
    return messages


class Response:
    """What came back on one stream: headers, body bytes, trailers, reset code."""

    def __init__(self):
        self.headers = {}
        self.trailers = {}
        self.data = b""
        self.reset_code = None
        self.ended = False

    @property
    def http_status(self):
        return self.headers.get(":status")

    @property
    def grpc_status(self):
        # A trailers-only response carries the status in the headers block.
        value = self.trailers.get("grpc-status", self.headers.get("grpc-status"))
        return None if value is None else int(value)

    @property
    def grpc_message(self):
        return self.trailers.get("grpc-message", self.headers.get("grpc-message", ""))

    def messages(self):
        return split_messages(self.data, self.headers.get("grpc-encoding"))

    def describe(self):
        return (f"headers={self.headers} trailers={self.trailers} reset={self.reset_code} "
                f"body={len(self.data)} bytes")


class Connection:
    """One HTTP/2 cleartext (prior knowledge) connection."""

    def __init__(self, host, port, timeout=PREFACE_TIMEOUT):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.authority = f"{host}:{port}"
        config = h2.config.H2Configuration(client_side=True, header_encoding="utf-8")
        self.h2 = h2.connection.H2Connection(config=config)
        self.h2.initiate_connection()
        self.h2.update_settings({h2.settings.SettingCodes.MAX_FRAME_SIZE: 16384})
        self.responses = {}
        self.goaway = None
        self.closed = False
        self.flush()

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def flush(self):
        data = self.h2.data_to_send()
        if data:
            self.sock.sendall(data)

    def grpc_headers(self, path, content_type="application/grpc", extra=None):
        headers = [
            (":method", "POST"),
            (":scheme", "http"),
            (":path", path),
            (":authority", self.authority),
            ("content-type", content_type),
            ("te", "trailers"),
        ]
        headers.extend(extra or [])
        return headers

    def start(self, path, content_type="application/grpc", extra=None, end_stream=False):
        stream_id = self.h2.get_next_available_stream_id()
        self.responses[stream_id] = Response()
        self.h2.send_headers(stream_id, self.grpc_headers(path, content_type, extra), end_stream=end_stream)
        self.flush()
        return stream_id

    def send(self, stream_id, data, end_stream=False):
        """Sends body bytes respecting flow control; stops early if the server ends the stream."""
        view = memoryview(data)
        while view:
            if self.responses[stream_id].ended or self.closed:
                return False
            window = min(self.h2.local_flow_control_window(stream_id), self.h2.max_outbound_frame_size)
            if window <= 0:
                self.pump()
                continue
            chunk = view[:window]
            view = view[len(chunk):]
            self.h2.send_data(stream_id, chunk.tobytes(), end_stream=end_stream and not view)
            self.flush()
        if end_stream and not data:
            self.h2.end_stream(stream_id)
            self.flush()
        return True

    def end(self, stream_id):
        if not self.responses[stream_id].ended:
            try:
                self.h2.end_stream(stream_id)
                self.flush()
            except h2.exceptions.StreamClosedError:
                pass

    def pump(self):
        """Reads once from the socket and applies the events."""
        try:
            data = self.sock.recv(65536)
        except socket.timeout as error:
            raise AssertionError("timed out waiting for the server") from error
        except ConnectionResetError:
            data = b""
        if not data:
            self.closed = True
            return
        for event in self.h2.receive_data(data):
            self.apply(event)
        self.flush()

    def apply(self, event):
        response = self.responses.get(getattr(event, "stream_id", None))
        if isinstance(event, h2.events.ResponseReceived):
            response.headers = dict(event.headers)
        elif isinstance(event, h2.events.TrailersReceived):
            response.trailers = dict(event.headers)
        elif isinstance(event, h2.events.DataReceived):
            response.data += event.data
            self.h2.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
        elif isinstance(event, h2.events.StreamEnded):
            response.ended = True
        elif isinstance(event, h2.events.StreamReset):
            response.reset_code = event.error_code
            response.ended = True
        elif isinstance(event, h2.events.ConnectionTerminated):
            # Streams above last_stream_id were never processed; wait() sees
            # `closed` and returns them unfinished, which the caller reports.
            self.goaway = event
            self.closed = True

    def wait(self, stream_id):
        response = self.responses[stream_id]
        while not response.ended and not self.closed:
            self.pump()
        return response

    def wait_closed(self):
        """Reads until the server closes the connection (used after protocol errors)."""
        while not self.closed:
            self.pump()
        return self.goaway


def unary(host, port, path, message, extra=None, compressed=False):
    """One complete unary call; returns the Response."""
    with Connection(host, port) as conn:
        stream_id = conn.start(path, extra=extra)
        conn.send(stream_id, frame(message, compressed), end_stream=True)
        return conn.wait(stream_id)
