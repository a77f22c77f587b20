#!/usr/bin/env bash
# Runs every CapacityHub test on a fresh Debian machine: installs what the tests need,
# restores, builds (warnings and code-style violations are errors), checks formatting, runs all test projects,
# and prints one summary line. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh test

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore CapacityHub.sln
dotnet build CapacityHub.sln -c Release --no-restore
# Code style is enforced by the build (EnforceCodeStyleInBuild, warnings as errors); whitespace here.
# (Full 'dotnet format' loads projects in Debug, where a fresh clone has no generated proto code.)
dotnet format whitespace CapacityHub.sln --verify-no-changes --no-restore

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test CapacityHub.sln -c Release --no-build \
  --logger "trx" --results-directory "$results" "$@" || status=$?

/usr/bin/python3 scripts/test-summary.py "$results"
exit $status
