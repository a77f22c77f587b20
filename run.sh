#!/usr/bin/env bash
# Runs the whole CapacityHub system locally: Programmes, Partners and Trainings and the gateway
# as separate processes on SQLite under ./data, seeded with demo data on first start.
# Prints the addresses; Ctrl+C stops everything. Options: --data DIR, --base-port N.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh run
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build services/LocalRun/CapacityHub.LocalRun.csproj -c Release -nologo -v quiet
exec dotnet services/LocalRun/bin/Release/net10.0/CapacityHub.LocalRun.dll "$@"
