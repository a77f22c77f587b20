"""Helpers for run.sh.

  bench_tools.py messages STUBS OUT_DIR SIZE  writes request.bin (a framed SimpleRequest asking for
                                              SIZE payload bytes) and response.bin (the framed answer)
  bench_tools.py verify PORT OUT_DIR          one raw call; the reply must be exactly response.bin, status 0
  bench_tools.py latency LOG_FILE             p50/p99 (ms) from an h2load --log-file
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Interop.Tests", "python"))
import raw_grpc  # noqa: E402
import stubs  # noqa: E402

PATH = "/grpc.testing.TestService/UnaryCall"


def messages(stub_dir, out_dir, size):
    stubs.load(stub_dir)
    from grpc.testing import messages_pb2 as m
    request = m.SimpleRequest(response_size=size)
    response = m.SimpleResponse(payload=m.Payload(body=b"\0" * size))
    with open(os.path.join(out_dir, "request.bin"), "wb") as f:
        f.write(raw_grpc.frame(request.SerializeToString()))
    with open(os.path.join(out_dir, "response.bin"), "wb") as f:
        f.write(raw_grpc.frame(response.SerializeToString()))


def verify(port, out_dir):
    with open(os.path.join(out_dir, "request.bin"), "rb") as f:
        request = f.read()
    with open(os.path.join(out_dir, "response.bin"), "rb") as f:
        expected = f.read()
    with raw_grpc.Connection("127.0.0.1", port) as conn:
        stream = conn.start(PATH)
        conn.send(stream, request, end_stream=True)
        response = conn.wait(stream)
    if response.grpc_status != 0 or response.data != expected:
        sys.exit(f"server on port {port} answered wrongly: {response.describe()} data={response.data!r}")


def latency(log_file):
    elapsed = []
    with open(log_file) as f:
        for line in f:
            columns = line.split()
            if len(columns) >= 3 and columns[1] == "200":
                elapsed.append(int(columns[2]))
    if not elapsed:
        sys.exit(f"no successful requests in {log_file}")
    elapsed.sort()

    def percentile(p):
        return elapsed[min(len(elapsed) - 1, int(len(elapsed) * p / 100))] / 1000.0

    print(f"{percentile(50):.3f} {percentile(99):.3f}")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "messages":
        messages(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "verify":
        verify(int(sys.argv[2]), sys.argv[3])
    elif command == "latency":
        latency(sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")
