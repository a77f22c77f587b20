"""gRPC interop test client (grpc/grpc doc/interop-test-descriptions.md) on grpcio.

Usage: interop_client.py --port N --test_case NAME --stubs DIR [--server_host H]
                         [--use_tls=true --ca_file PEM [--server_host_override NAME]]
Exits 0 and prints "PASS <case>" on success; prints the failure and exits 1 otherwise.
Where grpcio cannot show or control the wire (per-message compressed flags) the case
uses raw_grpc.py for that part and grpcio for the rest.
"""
import argparse
import queue
import sys
import threading

import grpc

import raw_grpc
import stubs

TEST_SERVICE = "/grpc.testing.TestService"
SPECIAL_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"
DEADLINE = 10.0

cases = {}


def case(fn):
    cases[fn.__name__] = fn
    return fn


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def zeros(size):
    return b"\0" * size


def expect_status(call, code, message=None):
    """Runs call() and asserts it fails with the given status."""
    try:
        call()
    except grpc.RpcError as error:
        check(error.code() == code, f"want {code}, got {error.code()}: {error.details()!r}")
        if message is not None:
            check(error.details() == message, f"want message {message!r}, got {error.details()!r}")
        return error
    raise AssertionError(f"call succeeded, want {code}")


class Requests:
    """A request iterator the test feeds one message at a time (for ping-pong)."""

    _done = object()

    def __init__(self):
        self._queue = queue.Queue()

    def put(self, request):
        self._queue.put(request)

    def close(self):
        self._queue.put(self._done)

    def __iter__(self):
        return self

    def __next__(self):
        item = self._queue.get()
        if item is self._done:
            raise StopIteration
        return item


class Client:
    def __init__(self, host, port, ca_file=None, host_override=None):
        from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc
        self.host, self.port = host, port
        self.empty_pb2, self.m = empty_pb2, messages_pb2
        if ca_file:
            # TLS with ALPN; the server's self-signed certificate is the only trusted root.
            with open(ca_file, "rb") as f:
                credentials = grpc.ssl_channel_credentials(root_certificates=f.read())
            options = [("grpc.ssl_target_name_override", host_override)] if host_override else []
            self.channel = grpc.secure_channel(f"{host}:{port}", credentials, options=options)
        else:
            self.channel = grpc.insecure_channel(f"{host}:{port}")
        grpc.channel_ready_future(self.channel).result(timeout=DEADLINE)
        self.stub = test_pb2_grpc.TestServiceStub(self.channel)
        self.unimplemented = test_pb2_grpc.UnimplementedServiceStub(self.channel)

    def raw_unary(self, request, accept_gzip=True):
        extra = [("grpc-accept-encoding", "gzip")] if accept_gzip else []
        return raw_grpc.unary(self.host, self.port, f"{TEST_SERVICE}/UnaryCall",
                              request.SerializeToString(), extra)

    def large_request(self, **fields):
        return self.m.SimpleRequest(response_size=314159, payload=self.m.Payload(body=zeros(271828)), **fields)

    def check_large_response(self, response):
        body = response.payload.body
        check(len(body) == 314159, f"response payload is {len(body)} bytes, want 314159")
        check(body == zeros(314159), "response payload is not all zeros")


@case
def empty_unary(c):
    response = c.stub.EmptyCall(c.empty_pb2.Empty(), timeout=DEADLINE)
    check(isinstance(response, c.empty_pb2.Empty), f"unexpected response type {type(response)}")
    check(response.ByteSize() == 0, "empty response has fields")


@case
def large_unary(c):
    c.check_large_response(c.stub.UnaryCall(c.large_request(), timeout=DEADLINE))


@case
def client_compressed_unary(c):
    expect = c.m.BoolValue
    expect_status(lambda: c.stub.UnaryCall(c.large_request(expect_compressed=expect(value=True)), timeout=DEADLINE),
                  grpc.StatusCode.INVALID_ARGUMENT)
    c.check_large_response(c.stub.UnaryCall(c.large_request(expect_compressed=expect(value=True)),
                                            timeout=DEADLINE, compression=grpc.Compression.Gzip))
    c.check_large_response(c.stub.UnaryCall(c.large_request(expect_compressed=expect(value=False)),
                                            timeout=DEADLINE))


@case
def server_compressed_unary(c):
    for compressed in (True, False):
        request = c.large_request(response_compressed=c.m.BoolValue(value=compressed))
        raw = c.raw_unary(request)
        check(raw.grpc_status == 0, f"raw call failed: {raw.describe()}")
        messages = raw.messages()
        check(len(messages) == 1, f"want one response message, got {len(messages)}")
        flag, body = messages[0]
        check(flag == (1 if compressed else 0),
              f"response_compressed={compressed} but the compressed flag is {flag}")
        response = c.m.SimpleResponse.FromString(body)
        c.check_large_response(response)
        # And grpcio itself must decode what the server sends.
        c.check_large_response(c.stub.UnaryCall(request, timeout=DEADLINE))


@case
def client_streaming(c):
    sizes = [27182, 8, 1828, 45904]
    requests = [c.m.StreamingInputCallRequest(payload=c.m.Payload(body=zeros(n))) for n in sizes]
    response = c.stub.StreamingInputCall(iter(requests), timeout=DEADLINE)
    check(response.aggregated_payload_size == 74922,
          f"aggregated_payload_size {response.aggregated_payload_size}, want 74922")


@case
def client_compressed_streaming(c):
    m = c.m

    def request(size, expect):
        return m.StreamingInputCallRequest(payload=m.Payload(body=zeros(size)),
                                           expect_compressed=m.BoolValue(value=expect))

    expect_status(lambda: c.stub.StreamingInputCall(iter([request(27182, True)]), timeout=DEADLINE),
                  grpc.StatusCode.INVALID_ARGUMENT)
    # grpcio compresses every message of a call; per-message choice needs the raw client.
    response = c.stub.StreamingInputCall(iter([request(27182, True), request(45904, True)]),
                                         timeout=DEADLINE, compression=grpc.Compression.Gzip)
    check(response.aggregated_payload_size == 73086, f"grpcio gzip stream: {response.aggregated_payload_size}")
    with raw_grpc.Connection(c.host, c.port) as conn:
        stream = conn.start(f"{TEST_SERVICE}/StreamingInputCall",
                            extra=[("grpc-encoding", "gzip"), ("grpc-accept-encoding", "gzip")])
        conn.send(stream, raw_grpc.frame(request(27182, True).SerializeToString(), compressed=True))
        conn.send(stream, raw_grpc.frame(request(45904, False).SerializeToString(), compressed=False),
                  end_stream=True)
        raw = conn.wait(stream)
    check(raw.grpc_status == 0, f"mixed-compression stream failed: {raw.describe()}")
    (_, body), = raw.messages()
    size = m.StreamingInputCallResponse.FromString(body).aggregated_payload_size
    check(size == 73086, f"aggregated_payload_size {size}, want 73086")


@case
def server_streaming(c):
    sizes = [31415, 9, 2653, 58979]
    request = c.m.StreamingOutputCallRequest(
        response_parameters=[c.m.ResponseParameters(size=n) for n in sizes])
    got = [len(r.payload.body) for r in c.stub.StreamingOutputCall(request, timeout=DEADLINE)]
    check(got == sizes, f"response sizes {got}, want {sizes}")


@case
def server_compressed_streaming(c):
    m = c.m
    request = m.StreamingOutputCallRequest(response_parameters=[
        m.ResponseParameters(size=31415, compressed=m.BoolValue(value=True)),
        m.ResponseParameters(size=92653, compressed=m.BoolValue(value=False)),
    ])
    with raw_grpc.Connection(c.host, c.port) as conn:
        stream = conn.start(f"{TEST_SERVICE}/StreamingOutputCall", extra=[("grpc-accept-encoding", "gzip")])
        conn.send(stream, raw_grpc.frame(request.SerializeToString()), end_stream=True)
        raw = conn.wait(stream)
    check(raw.grpc_status == 0, f"raw call failed: {raw.describe()}")
    messages = raw.messages()
    flags = [flag for flag, _ in messages]
    sizes = [len(m.StreamingOutputCallResponse.FromString(body).payload.body) for _, body in messages]
    check(flags == [1, 0], f"compressed flags {flags}, want [1, 0]")
    check(sizes == [31415, 92653], f"response sizes {sizes}")
    got = [len(r.payload.body) for r in c.stub.StreamingOutputCall(request, timeout=DEADLINE)]
    check(got == [31415, 92653], f"grpcio response sizes {got}")


@case
def ping_pong(c):
    pairs = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)]
    requests = Requests()
    responses = c.stub.FullDuplexCall(requests, timeout=DEADLINE)
    for response_size, payload_size in pairs:
        requests.put(c.m.StreamingOutputCallRequest(
            response_parameters=[c.m.ResponseParameters(size=response_size)],
            payload=c.m.Payload(body=zeros(payload_size))))
        response = next(responses)
        check(len(response.payload.body) == response_size,
              f"response size {len(response.payload.body)}, want {response_size}")
    requests.close()
    rest = list(responses)
    check(rest == [], f"{len(rest)} unexpected extra responses")
    check(responses.code() == grpc.StatusCode.OK, f"status {responses.code()}")


@case
def empty_stream(c):
    responses = c.stub.FullDuplexCall(iter([]), timeout=DEADLINE)
    got = list(responses)
    check(got == [], f"{len(got)} responses, want none")
    check(responses.code() == grpc.StatusCode.OK, f"status {responses.code()}")


def echo_status_case(c, message):
    status = c.m.EchoStatus(code=2, message=message)
    expect_status(lambda: c.stub.UnaryCall(c.m.SimpleRequest(response_status=status), timeout=DEADLINE),
                  grpc.StatusCode.UNKNOWN, message)
    request = c.m.StreamingOutputCallRequest(response_status=status)
    expect_status(lambda: list(c.stub.FullDuplexCall(iter([request]), timeout=DEADLINE)),
                  grpc.StatusCode.UNKNOWN, message)


@case
def status_code_and_message(c):
    echo_status_case(c, "test status message")


@case
def special_status_message(c):
    echo_status_case(c, SPECIAL_MESSAGE)


@case
def custom_metadata(c):
    initial = ("x-grpc-test-echo-initial", "test_initial_metadata_value")
    trailing = ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab")

    def check_echo(call):
        headers = dict(call.initial_metadata())
        trailers = dict(call.trailing_metadata())
        check(headers.get(initial[0]) == initial[1], f"initial metadata {headers}")
        check(trailers.get(trailing[0]) == trailing[1], f"trailing metadata {trailers}")

    response, call = c.stub.UnaryCall.with_call(c.large_request(), metadata=[initial, trailing], timeout=DEADLINE)
    c.check_large_response(response)
    check_echo(call)
    request = c.m.StreamingOutputCallRequest(response_parameters=[c.m.ResponseParameters(size=314159)],
                                             payload=c.m.Payload(body=zeros(271828)))
    responses = c.stub.FullDuplexCall(iter([request]), metadata=[initial, trailing], timeout=DEADLINE)
    sizes = [len(r.payload.body) for r in responses]
    check(sizes == [314159], f"duplex response sizes {sizes}")
    check_echo(responses)


@case
def unimplemented_method(c):
    expect_status(lambda: c.stub.UnimplementedCall(c.empty_pb2.Empty(), timeout=DEADLINE),
                  grpc.StatusCode.UNIMPLEMENTED)


@case
def unimplemented_service(c):
    expect_status(lambda: c.unimplemented.UnimplementedCall(c.empty_pb2.Empty(), timeout=DEADLINE),
                  grpc.StatusCode.UNIMPLEMENTED)


@case
def timeout_on_sleeping_server(c):
    release = threading.Event()

    def requests():
        yield c.m.StreamingOutputCallRequest(payload=c.m.Payload(body=zeros(27182)))
        release.wait(DEADLINE)  # the client "waits" without half-closing

    try:
        expect_status(lambda: list(c.stub.FullDuplexCall(requests(), timeout=0.001)),
                      grpc.StatusCode.DEADLINE_EXCEEDED)
    finally:
        release.set()


@case
def cancel_after_begin(c):
    release = threading.Event()

    def requests():
        release.wait(DEADLINE)
        return
        yield  # pragma: no cover - makes this a generator that sends nothing

    future = c.stub.StreamingInputCall.future(requests(), timeout=DEADLINE)
    future.cancel()
    release.set()
    check(future.cancelled(), "future not cancelled")
    check(future.code() == grpc.StatusCode.CANCELLED, f"status {future.code()}, want CANCELLED")


@case
def cancel_after_first_response(c):
    requests = Requests()
    responses = c.stub.FullDuplexCall(requests, timeout=DEADLINE)
    requests.put(c.m.StreamingOutputCallRequest(response_parameters=[c.m.ResponseParameters(size=31415)],
                                                payload=c.m.Payload(body=zeros(27182))))
    first = next(responses)
    check(len(first.payload.body) == 31415, f"first response size {len(first.payload.body)}")
    responses.cancel()
    expect_status(lambda: next(responses), grpc.StatusCode.CANCELLED)
    requests.close()
    check(responses.code() == grpc.StatusCode.CANCELLED, f"status {responses.code()}")


def reflection_case(c, version):
    import importlib
    from google.protobuf import descriptor_pb2
    pb2 = importlib.import_module(f"grpc.reflection.{version}.reflection_pb2")
    pb2_grpc = importlib.import_module(f"grpc.reflection.{version}.reflection_pb2_grpc")
    stub = pb2_grpc.ServerReflectionStub(c.channel)
    requests = [pb2.ServerReflectionRequest(list_services=""),
                pb2.ServerReflectionRequest(file_containing_symbol="grpc.testing.TestService"),
                pb2.ServerReflectionRequest(file_containing_symbol="no.such.Symbol")]
    listed, found, missing = list(stub.ServerReflectionInfo(iter(requests), timeout=DEADLINE))
    names = sorted(s.name for s in listed.list_services_response.service)
    check("grpc.testing.TestService" in names, f"services listed: {names}")
    files = [descriptor_pb2.FileDescriptorProto.FromString(b)
             for b in found.file_descriptor_response.file_descriptor_proto]
    check(any(f.name == "grpc/testing/test.proto" and any(s.name == "TestService" for s in f.service)
              for f in files), f"files returned: {[f.name for f in files]}")
    check(missing.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0],
          f"unknown symbol answered {missing}")
    print(f"{version} services: {', '.join(names)}")


@case
def health_serving(c):
    from grpc.health.v1 import health_pb2, health_pb2_grpc
    stub = health_pb2_grpc.HealthStub(c.channel)
    status = stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=DEADLINE).status
    check(status == health_pb2.HealthCheckResponse.SERVING, f"whole-server health is {status}, want SERVING")
    expect_status(lambda: stub.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=DEADLINE),
                  grpc.StatusCode.NOT_FOUND)


@case
def reflection_v1(c):
    reflection_case(c, "v1")


@case
def reflection_v1alpha(c):
    reflection_case(c, "v1alpha")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", "--port", type=int, required=True)
    parser.add_argument("--test_case", required=True, choices=sorted(cases))
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--use_tls", default="false", choices=["true", "false"])
    parser.add_argument("--ca_file", help="PEM of the root to trust when --use_tls=true")
    parser.add_argument("--server_host_override")
    args = parser.parse_args()
    stubs.load(args.stubs)
    tls = args.use_tls == "true"
    client = Client(args.server_host, args.server_port, args.ca_file if tls else None, args.server_host_override)
    try:
        cases[args.test_case](client)
    except (AssertionError, grpc.RpcError) as error:
        print(f"FAIL {args.test_case}: {error}", file=sys.stderr)
        return 1
    finally:
        client.channel.close()
    print(f"PASS {args.test_case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
