#!/usr/bin/env bash
# Scale benchmark (issue 3, item 10): builds the services and this program (Release), starts the real
# service processes through LocalRun on a temp data folder and its own base port, seeds trainings and
# enrolments, and prints nominations/s, impact-call p50/p99 and each process's RSS as a markdown table,
# every figure next to a baseline measured in the same run. Not a test: not part of the xunit suite.
#
#   tests/Benchmarks/Scale/run.sh                              # 1,000 trainings, 1,000,000 enrolments (bulk seed)
#   tests/Benchmarks/Scale/run.sh --enrolments 20000 --trainings 100
#   tests/Benchmarks/Scale/run.sh --enrolments 2000 --trainings 20 --seed grpc   # everything through the RPCs
#
# Other options: --programmes P (10), --concurrency C (16), --probe-nominations K (2000), --calls N (200),
# --base-port N (a free one), --data DIR (keep the SQLite files there instead of a temp folder).
# The machine is shared: everything runs under nice so that other work keeps going.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building (Release)" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
nice -n 10 dotnet build "$here/CapacityHub.Benchmarks.Scale.csproj" -c Release -v quiet -nologo >"$log" 2>&1 || { cat "$log"; exit 1; }

exec nice -n 10 dotnet "$here/bin/Release/net10.0/CapacityHub.Benchmarks.Scale.dll" "$@"
