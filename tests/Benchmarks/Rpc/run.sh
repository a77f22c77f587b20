#!/usr/bin/env bash
# RPC benchmark: small unary calls driven by h2load against
#   (a) Grpc.AspNetCore (the interop server's grpc.testing.TestService/UnaryCall, tests/Interop/Server),
#   (b) bare Kestrel answering the same bytes and trailers with no gRPC layer,
#   (c) a Python grpcio (C-core) server with the same method.
# Each server is pinned to CPU 0 and h2load to CPU 1 (when there are two or more CPUs),
# with the same connections, streams, warm-up and duration. Prints req/s, p50/p99 latency
# and the ratios (a)/(b) and (a)/(c). Not a test: it is not part of the xunit suite.
#
# The machine is shared, so targets are measured in alternation for ROUNDS rounds and the best
# round of each is kept (noise from other processes only ever slows a run down).
#
# Warm-up is a separate pass of WARMUP_CALLS calls before h2load's own timed warm-up: .NET's
# tiered JIT needs tens of thousands of calls (far more on a busy machine) before a server
# runs its optimised code, and a short warm-up measures the JIT rather than the server.
#
# Throughput on a machine shared with other work is noisy, so each target's server CPU time per
# call (utime+stime of the server process over a pass of CPU_CALLS calls) is reported too: it
# measures the work the server does per call and is much less sensitive to other load.
#
# Tunables (environment): CONNECTIONS (16), STREAMS per connection (16), DURATION (10s),
# WARMUP (2s), WARMUP_CALLS (200000), CPU_CALLS (100000), PAYLOAD bytes in the response (10),
# TARGETS ("a b c"), ROUNDS (2).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

connections=${CONNECTIONS:-16}
streams=${STREAMS:-16}
duration=${DURATION:-10s}
warmup=${WARMUP:-2s}
warmup_calls=${WARMUP_CALLS:-200000}
cpu_calls=${CPU_CALLS:-100000}
ticks_per_second=$(getconf CLK_TCK)
payload=${PAYLOAD:-10}
targets=${TARGETS:-a b c}
rounds=${ROUNDS:-2}
python=/usr/bin/python3

"$root/scripts/install-deps.sh" test
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building (Release)"
build() {
  dotnet build "$1" -c Release -v quiet -nologo >"$work/build.log" || { cat "$work/build.log"; exit 1; }
}
case " $targets " in *" a "*) build "$root/tests/Interop/Server/CapacityHub.Interop.Server.csproj" ;; esac
case " $targets " in *" b "*) build "$here/BareKestrel/CapacityHub.Benchmarks.BareKestrel.csproj" ;; esac

$python "$root/tests/Interop.Tests/python/stubs.py" "$work/stubs"
$python "$here/bench_tools.py" messages "$work/stubs" "$work" "$payload"

server_cpu=() client_cpu=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  server_cpu=(taskset -c 0) client_cpu=(taskset -c 1)
else
  echo "note: fewer than two CPUs (or no taskset): server and h2load are not pinned"
fi

# Starts a server in the background and sets $port from its "Listening on port N" line.
start_server() {
  local out="$work/server.out"
  : >"$out"
  "${server_cpu[@]}" "$@" --port 0 >"$out" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's/.*Listening on port \([0-9][0-9]*\).*/\1/p' "$out" | head -n1)
    [ -n "$port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$out"; echo "server exited" >&2; exit 1; }
    sleep 0.1
  done
  cat "$out"; echo "server did not report its port" >&2; exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# utime + stime of a process, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

declare -A rps p50 p99 cpu
measure() {
  local name=$1; shift
  start_server "$@"
  $python "$here/bench_tools.py" verify "$port" "$work"
  local log="$work/$name.log"
  "${client_cpu[@]}" h2load -t 1 -c "$connections" -m "$streams" -n "$warmup_calls" \
    -d "$work/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$port/grpc.testing.TestService/UnaryCall" >"$work/$name.warmup"
  local before after per_call
  before=$(cpu_ticks "$server_pid")
  "${client_cpu[@]}" h2load -t 1 -c "$connections" -m "$streams" -n "$cpu_calls" \
    -d "$work/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
    "http://127.0.0.1:$port/grpc.testing.TestService/UnaryCall" >"$work/$name.cpu"
  after=$(cpu_ticks "$server_pid")
  per_call=$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$cpu_calls" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
  "${client_cpu[@]}" h2load -t 1 -c "$connections" -m "$streams" -D "$duration" --warm-up-time "$warmup" \
    -d "$work/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
    --log-file "$log" "http://127.0.0.1:$port/grpc.testing.TestService/UnaryCall" >"$work/$name.h2load"
  stop_server
  grep -q ' 0 failed, 0 errored' "$work/$name.h2load" || { cat "$work/$name.h2load"; echo "$name: requests failed" >&2; exit 1; }
  local r l50 l99
  r=$(sed -n 's/.*finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$work/$name.h2load")
  read -r l50 l99 < <($python "$here/bench_tools.py" latency "$log")
  printf '  round %d %-34s %10.0f req/s   p50 %7.3f ms   p99 %7.3f ms   server CPU %6.1f us/call\n' \
    "$round" "$label" "$r" "$l50" "$l99" "$per_call"
  if [ -z "${rps[$name]:-}" ] || awk -v x="$r" -v y="${rps[$name]}" 'BEGIN { exit !(x > y) }'; then
    rps[$name]=$r p50[$name]=$l50 p99[$name]=$l99
  fi
  if [ -z "${cpu[$name]:-}" ] || awk -v x="$per_call" -v y="${cpu[$name]}" 'BEGIN { exit !(x < y) }'; then
    cpu[$name]=$per_call
  fi
}

declare -A labels=(
  [a]="(a) Grpc.AspNetCore interop server"
  [b]="(b) bare Kestrel, no gRPC layer"
  [c]="(c) Python grpcio (C-core)"
)
echo "== $connections connections x $streams streams, warm-up $warmup_calls calls + $warmup, duration $duration, payload $payload B, $rounds rounds"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for target in $targets; do
    label=${labels[$target]:-}
    case $target in
      a) measure a dotnet "$root/tests/Interop/Server/bin/Release/net10.0/CapacityHub.Interop.Server.dll" ;;
      b) measure b dotnet "$here/BareKestrel/bin/Release/net10.0/CapacityHub.Benchmarks.BareKestrel.dll" \
           --response-file "$work/response.bin" ;;
      c) measure c $python "$here/python_server.py" --stubs "$work/stubs" ;;
      *) echo "unknown target $target" >&2; exit 2 ;;
    esac
  done
done
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== best round of each"
for target in $targets; do
  printf '%-38s %10.0f req/s   p50 %7.3f ms   p99 %7.3f ms   server CPU %6.1f us/call\n' \
    "${labels[$target]}" "${rps[$target]}" "${p50[$target]}" "${p99[$target]}" "${cpu[$target]}"
done
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.1f%%", 100 * x / y }'; }
# Calls per CPU-second are the inverse of CPU per call, so (a)/(b) there is cpu(b)/cpu(a).
if [ -n "${rps[a]:-}" ] && [ -n "${rps[b]:-}" ]; then
  # No target any more: (a) is grpc-dotnet itself, not code of ours to tune; the ratio says what it costs.
  echo "(a)/(b) = $(ratio "${rps[a]}" "${rps[b]}") of req/s, $(ratio "${cpu[b]}" "${cpu[a]}") of calls per server CPU-second"
fi
if [ -n "${rps[a]:-}" ] && [ -n "${rps[c]:-}" ]; then
  echo "(a)/(c) = $(ratio "${rps[a]}" "${rps[c]}") of req/s, $(ratio "${cpu[c]}" "${cpu[a]}") of calls per server CPU-second"
fi
exit 0
