"""grpcio (C-core) server with grpc.testing.TestService/UnaryCall, the benchmark's reference peer.

Usage: python_server.py --port N --stubs DIR   (prints "Listening on port N")
"""
import argparse
import os
import sys
from concurrent import futures

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Interop.Tests", "python"))
import stubs  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--stubs", required=True)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    stubs.load(args.stubs)
    from grpc.testing import messages_pb2, test_pb2_grpc

    class TestService(test_pb2_grpc.TestServiceServicer):
        def UnaryCall(self, request, context):
            return messages_pb2.SimpleResponse(payload=messages_pb2.Payload(body=b"\0" * request.response_size))

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=args.threads),
                         options=[("grpc.max_concurrent_streams", 1000)])
    test_pb2_grpc.add_TestServiceServicer_to_server(TestService(), server)
    port = server.add_insecure_port(f"127.0.0.1:{args.port}")
    server.start()
    print(f"Listening on port {port}", flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
