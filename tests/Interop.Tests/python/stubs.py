"""Loads the grpc.testing / grpc.reflection stubs generated at test time.

protoc writes them under <dir>/grpc/..., which collides with the grpcio
package itself, so the generated folder is added to grpc's package path
instead of sys.path.
"""
import os
import subprocess
import sys

import grpc

PROTO_ROOT = "/usr/share/grpc-proto"
PROTOS = [
    "grpc/testing/empty.proto",
    "grpc/testing/messages.proto",
    "grpc/testing/test.proto",
    "grpc/reflection/v1alpha/reflection.proto",
    "grpc/reflection/v1/reflection.proto",
    "grpc/health/v1/health.proto",
]


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{PROTO_ROOT}",
         f"--python_out={out_dir}", f"--grpc_python_out={out_dir}", *PROTOS],
        check=True)


def load(out_dir):
    if not os.path.isfile(os.path.join(out_dir, "grpc", "health", "v1", "health_pb2_grpc.py")):
        generate(out_dir)
    path = os.path.join(os.path.abspath(out_dir), "grpc")
    if path not in grpc.__path__:
        grpc.__path__.append(path)


if __name__ == "__main__":
    generate(sys.argv[1])
