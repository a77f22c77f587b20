"""A real grpcio server for the RpcChannel tests.

Usage: echo_server.py --gen DIR [--port N] [--hosts 127.0.0.1,127.0.0.2] [--start-delay-ms N]
                      [--tls-cert PEM --tls-key PEM]

DIR holds stubs generated at test time (echo_pb2, health_pb2, rich_status_pb2 and their _grpc
modules). One server per host, all on the same port, each answering Name with its host, so a
test can see which address a call reached. Prints "PORT <n>" once serving and stops when stdin
closes, so the server never outlives the test process that started it.
"""

import argparse
import sys
import threading
import time
from concurrent import futures


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gen", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--hosts", default="127.0.0.1")
    parser.add_argument("--start-delay-ms", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    return parser.parse_args()


ARGS = parse_args()
sys.path.insert(0, ARGS.gen)

import grpc  # noqa: E402
from google.protobuf import duration_pb2, empty_pb2, wrappers_pb2  # noqa: E402,F401

import echo_pb2_grpc  # noqa: E402
import health_pb2  # noqa: E402
import health_pb2_grpc  # noqa: E402
import rich_status_pb2  # noqa: E402

SERVING = health_pb2.HealthCheckResponse.SERVING
SERVICE_UNKNOWN = health_pb2.HealthCheckResponse.SERVICE_UNKNOWN


def metadata(context):
    return {key: value for key, value in context.invocation_metadata()}


def status_code(number):
    return next(code for code in grpc.StatusCode if code.value[0] == number)


class Health(health_pb2_grpc.HealthServicer):
    def __init__(self):
        self.statuses = {"": SERVING}
        self.changed = threading.Condition()

    def set(self, service, status):
        with self.changed:
            self.statuses[service] = status
            self.changed.notify_all()

    def Check(self, request, context):
        with self.changed:
            status = self.statuses.get(request.service)
        if status is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown service " + request.service)
        return health_pb2.HealthCheckResponse(status=status)

    def Watch(self, request, context):
        last = None
        while context.is_active():
            with self.changed:
                current = self.statuses.get(request.service, SERVICE_UNKNOWN)
                if current == last:
                    self.changed.wait(0.05)
                    continue
            last = current
            yield health_pb2.HealthCheckResponse(status=current)


class Echo(echo_pb2_grpc.EchoServicer):
    def __init__(self, name, health):
        self.name = name
        self.health = health
        self.outcomes = {}

    def Say(self, request, context):
        headers = metadata(context)
        if headers.get("x-compress-response") == "gzip":
            context.set_compression(grpc.Compression.Gzip)
        custom = [(key, value) for key, value in context.invocation_metadata()
                  if key.startswith("x-") or key == "traceparent"]
        context.send_initial_metadata([("echo-" + key, value) for key, value in custom])
        context.set_trailing_metadata([("trailer-" + key, value) for key, value in custom])
        return wrappers_pb2.StringValue(value=request.value)

    def Fail(self, request, context):
        headers = metadata(context)
        code = int(headers.get("x-code", "3"))
        trailers = [("trailer-info", "kept")]
        if "x-field" in headers:
            status = rich_status_pb2.Status(code=code, message=request.value)
            violation = rich_status_pb2.BadRequest.FieldViolation(
                field=headers["x-field"], description="must not be empty")
            status.details.add().Pack(rich_status_pb2.BadRequest(field_violations=[violation]))
            trailers.append(("grpc-status-details-bin", status.SerializeToString()))
        context.set_trailing_metadata(trailers)
        context.abort(status_code(code), request.value)

    def Sleep(self, request, context):
        call_id = metadata(context).get("x-call-id", "")
        self.outcomes[call_id] = "running"
        until = time.monotonic() + request.seconds + request.nanos / 1e9
        while time.monotonic() < until:
            if not context.is_active():
                self.outcomes[call_id] = "cancelled"
                return empty_pb2.Empty()
            time.sleep(0.01)
        self.outcomes[call_id] = "completed"
        return empty_pb2.Empty()

    def Outcome(self, request, context):
        return wrappers_pb2.StringValue(value=self.outcomes.get(request.value, "unknown"))

    def TimeRemaining(self, request, context):
        remaining = context.time_remaining()
        # grpcio reports "no deadline" as None or as an enormous number of seconds.
        no_deadline = remaining is None or remaining > 1e9
        return wrappers_pb2.DoubleValue(value=-1.0 if no_deadline else remaining)

    def Blob(self, request, context):
        return wrappers_pb2.BytesValue(value=b"x" * request.value)

    def Measure(self, request, context):
        return wrappers_pb2.UInt32Value(value=len(request.value))

    def Name(self, request, context):
        return wrappers_pb2.StringValue(value=self.name)

    def Repeat(self, request, context):
        headers = metadata(context)
        count = int(headers.get("x-count", "3"))
        delay = int(headers.get("x-delay-ms", "0")) / 1000.0
        fail_after = int(headers.get("x-fail-after", "-1"))
        for i in range(count):
            if i == fail_after:
                context.abort(grpc.StatusCode.ABORTED, "stopped after %d" % i)
            if delay:
                time.sleep(delay)
            yield wrappers_pb2.StringValue(value="%s-%d" % (request.value, i))

    def Join(self, request_iterator, context):
        return wrappers_pb2.StringValue(value=",".join(item.value for item in request_iterator))

    def Chat(self, request_iterator, context):
        for item in request_iterator:
            yield wrappers_pb2.StringValue(value=item.value.upper())

    def SetHealth(self, request, context):
        service, _, status = request.value.partition("=")
        self.health.set(service, health_pb2.HealthCheckResponse.ServingStatus.Value(status))
        return empty_pb2.Empty()


def main():
    if ARGS.start_delay_ms:
        time.sleep(ARGS.start_delay_ms / 1000.0)
    options = [
        ("grpc.so_reuseport", 0),
        ("grpc.max_receive_message_length", 64 * 1024 * 1024),
        ("grpc.max_send_message_length", 64 * 1024 * 1024),
    ]
    port = ARGS.port
    servers = []
    for host in ARGS.hosts.split(","):
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=16), options=options)
        health = Health()
        echo_pb2_grpc.add_EchoServicer_to_server(Echo(host, health), server)
        health_pb2_grpc.add_HealthServicer_to_server(health, server)
        if ARGS.tls_cert:
            with open(ARGS.tls_key, "rb") as key, open(ARGS.tls_cert, "rb") as cert:
                credentials = grpc.ssl_server_credentials([(key.read(), cert.read())])
            bound = server.add_secure_port("%s:%d" % (host, port), credentials)
        else:
            bound = server.add_insecure_port("%s:%d" % (host, port))
        if bound == 0:
            print("BIND FAILED %s:%d" % (host, port), flush=True)
            sys.exit(1)
        port = bound
        server.start()
        servers.append(server)
    print("PORT %d" % port, flush=True)
    sys.stdin.read()
    for server in servers:
        server.stop(0)


main()
