"""Adds up the .trx files of one test run and prints a single closing line.

CI reads 'N passed, N failed, N skipped'; dotnet test prints one line per project,
so this gives the whole suite's figures in one place.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(folder: str) -> int:
    passed = failed = skipped = 0
    for trx in sorted(Path(folder).rglob("*.trx")):
        counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS)
        if counters is None:
            continue
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
        # trx has no "skipped" counter: a skipped test is counted in total but not in executed.
        skipped += int(counters.get("total", 0)) - int(counters.get("executed", 0))
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results"))
