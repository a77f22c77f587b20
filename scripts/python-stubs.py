#!/usr/bin/python3
"""Generates Python gRPC stubs for the CapacityHub protos with Debian's python3-grpc-tools.

Usage: /usr/bin/python3 scripts/python-stubs.py [OUTPUT_FOLDER]   (default: ./python-stubs)
Then: PYTHONPATH=OUTPUT_FOLDER /usr/bin/python3 your_client.py   (Debian's python3, where python3-grpcio is)

Debian's grpc_tools bundles a protoc that predates proto3 'optional' and rejects it, so the protos are copied
to a temporary folder without that label first (as tests/EndToEnd.Tests does). Field numbers and types are
unchanged, so the wire format is the same; only field presence tracking is lost in the generated classes.
"""
import os
import pathlib
import re
import sys
import tempfile

import grpc_tools
from grpc_tools import protoc

OPTIONAL_LABEL = re.compile(r"(?m)^(\s*)optional\s+")


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent.parent
    output = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "python-stubs").resolve()
    output.mkdir(parents=True, exist_ok=True)
    well_known = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    source = root / "protos"
    with tempfile.TemporaryDirectory(prefix="capacityhub-protos-") as copy:
        files = []
        for proto in sorted((source / "capacityhub").rglob("*.proto")):
            relative = proto.relative_to(source)
            target = pathlib.Path(copy) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(OPTIONAL_LABEL.sub(r"\1", proto.read_text(encoding="utf-8")), encoding="utf-8")
            files.append(str(relative))
        code = protoc.main(["grpc_tools.protoc", f"-I{copy}", f"-I{well_known}",
                            f"--python_out={output}", f"--grpc_python_out={output}", *files])
    if code != 0:
        print(f"protoc failed with exit code {code}", file=sys.stderr)
        return code
    print(f"Python stubs for {len(files)} protos in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
