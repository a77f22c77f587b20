#!/usr/bin/env bash
# Gateway-hop benchmark (issue 12, item 9): builds this program (and through LocalRun the three services and
# the gateway, Release), starts the real processes on loopback on a temp data folder and a free base port,
# creates one training, and calls GetTraining on it direct to the Trainings service and through the gateway's
# gRPC face (bearer token from the gateway's demo sign-in): 1 caller (p50/p99 latency) and 16 concurrent
# callers (calls/s), all in one run, printed as a markdown table of gateway/direct ratios. Not a test.
#
#   tests/Benchmarks/GatewayHop/run.sh                       # 10 s per target and phase, 5 s warm-up, 2 rounds
#   tests/Benchmarks/GatewayHop/run.sh --seconds 4 --warmup 2
#
# Options: --seconds S (10), --warmup S (5), --callers N (16), --rounds R (2), --base-port P (a free one),
# --log-level L (Logging:LogLevel:Default of every process, e.g. Warning; default: as the processes configure it,
# which is Information, one or more log lines per request in each process a call passes through).
# About 2 x (warm-up + 2 x seconds) plus start-up: a little over a minute with the defaults. The machine is
# shared: everything runs under nice so that other work keeps going.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building (Release)" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
nice -n 10 dotnet build "$here/CapacityHub.Benchmarks.GatewayHop.csproj" -c Release -v quiet -nologo >"$log" 2>&1 || { cat "$log"; exit 1; }

exec nice -n 10 dotnet "$here/bin/Release/net10.0/CapacityHub.Benchmarks.GatewayHop.dll" "$@"
