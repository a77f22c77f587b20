"""Calls one RPC through the CapacityHub gateway with Python grpcio (C-core), as a user's tool would.

usage: gateway_call.py HOST:PORT /package.Service/Method TOKEN|- REQUEST_HEX
Prints "OK <response hex>" or "<STATUS_CODE_NAME> <details>"; the messages stay bytes, so no stubs
are needed (the caller encodes and decodes them with the real descriptors).
"""
import sys

import grpc


def main():
    target, method, token, request_hex = sys.argv[1:5]
    metadata = [] if token == "-" else [("authorization", "Bearer " + token)]
    with grpc.insecure_channel(target) as channel:
        call = channel.unary_unary(method)
        try:
            response = call(bytes.fromhex(request_hex), metadata=metadata, timeout=20)
            print("OK", response.hex())
        except grpc.RpcError as error:
            print(error.code().name, error.details())


if __name__ == "__main__":
    main()
