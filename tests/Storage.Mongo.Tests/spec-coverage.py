#!/usr/bin/env python3
"""Tallies the MongoDB spec-data suites from a test run (a .trx file) against the cases in the spec data.

Usage: python3 tests/Storage.Mongo.Tests/spec-coverage.py <results.trx>
Prints, per file set, the cases in ../shared/data/mongodb-specs, the cases the tests ran, and how many passed.
"""
import collections
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "mongodb-specs")

# file set -> test methods (class.method) that run its cases
SUITES = [
    ("bson-corpus valid", ["BsonCorpusTests.CanonicalBsonRoundTripsThroughTheWireCodec"]),
    ("  + known MongoDB.Bson gaps (pinned)", ["BsonCorpusTests.KnownLibraryGapStillFailsToRoundTrip"]),
    ("bson-corpus decodeErrors", ["BsonCorpusTests.InvalidBsonIsRefused"]),
    ("bson-corpus parseErrors", []),
    ("connection-string (valid + invalid)", ["ConnectionStringSpecTests.ConnectionStringCase"]),
    ("sdam/rs + sdam/single", ["SdamSpecTests.SdamCase"]),
    ("server-selection", ["ServerSelectionSpecTests.SelectionCase", "ServerSelectionSpecTests.RoundTripAverageCase", "ServerSelectionSpecTests.OperationCountCase"]),
    ("crud-unified", ["CrudUnifiedSpecTests.CommandsAndCursorResultsMatchTheSpec"]),
    ("SCRAM (RFC 7677 / RFC 5802 vectors)", ["ScramVectorTests.*"]),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def data_totals():
    corpus = [load(f) for f in glob.glob(os.path.join(ROOT, "bson-corpus", "*.json"))]
    selection = [load(f) for f in glob.glob(os.path.join(ROOT, "server-selection", "*.json"))]
    return {
        "bson-corpus valid": sum(len(c.get("valid", [])) for c in corpus),
        "  + known MongoDB.Bson gaps (pinned)": None,
        "bson-corpus decodeErrors": sum(len(c.get("decodeErrors", [])) for c in corpus),
        "bson-corpus parseErrors": sum(len(c.get("parseErrors", [])) for c in corpus),
        "connection-string (valid + invalid)": sum(len(load(f)["tests"]) for f in glob.glob(os.path.join(ROOT, "connection-string", "*.json"))),
        "sdam/rs + sdam/single": len(glob.glob(os.path.join(ROOT, "sdam", "rs", "*.json"))) + len(glob.glob(os.path.join(ROOT, "sdam", "single", "*.json"))),
        "server-selection": len(selection),
        "crud-unified": sum(len(load(f)["tests"]) for f in glob.glob(os.path.join(ROOT, "crud-unified", "*.json"))),
        "SCRAM (RFC 7677 / RFC 5802 vectors)": None,
    }


def results(trx):
    root = ET.parse(trx).getroot()
    names = {}
    for test in root.iter(NS + "UnitTest"):
        method = test.find(NS + "TestMethod")
        names[test.get("id")] = method.get("className").rsplit(".", 1)[-1] + "." + method.get("name")
    outcomes = collections.defaultdict(collections.Counter)
    for result in root.iter(NS + "UnitTestResult"):
        outcomes[names[result.get("testId")]][result.get("outcome")] += 1
    return outcomes


def main():
    outcomes = results(sys.argv[1])
    totals = data_totals()
    print(f"{'file set':40} {'in data':>8} {'run':>6} {'passed':>7}")
    print("(a known gap 'passes' by asserting MongoDB.Bson still fails to round-trip it: it is not supported)")
    for suite, methods in SUITES:
        ran = collections.Counter()
        for name, counter in outcomes.items():
            if any(name == m or (m.endswith(".*") and name.startswith(m[:-1])) for m in methods):
                ran.update(counter)
        total = totals[suite]
        print(f"{suite:40} {'-' if total is None else total:>8} {sum(ran.values()):>6} {ran['Passed']:>7}")
    # The store backend's own tests; NotExecuted is how a skipped test appears in a .trx file.
    store = collections.defaultdict(collections.Counter)
    for name, counter in outcomes.items():
        if name.startswith(("StoreCommandTests.", "StoreErrorTests.", "MongoContractTests.", "RealServerTests.")):
            store[name.split(".")[0]].update(counter)
    print()
    for suite in sorted(store):
        print(f"{suite:40} " + ", ".join(f"{outcome} {count}" for outcome, count in sorted(store[suite].items())))


if __name__ == "__main__":
    main()
