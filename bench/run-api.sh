#!/usr/bin/env bash
# The API latency benchmark in one command: installs wrk from Debian packages when missing, builds the CLI and the
# harness in Release, starts `schemareg serve` on the embedded default (SQLite and file blobs in a temporary data
# directory) on a free loopback port, and runs `SchemaRegistry.Bench api` against it: GET /v1/schema/{fqid} and the
# same for finance.gdp.invoice:latest at a fixed 2,000 req/s (open loop, C#: Debian has wrk, not wrk2's -R) and at
# maximum throughput (wrk -t2 -c64 -d20s --latency), the SDK's cached resolve, and a warm cache with the registry
# stopped. The table is added to bench/RESULTS.md with the machine and date.
#
#   bench/run-api.sh                          # everything
#   bench/run-api.sh --seconds 10             # further arguments go to `SchemaRegistry.Bench api`
#   BENCH_SERVER_ENV="DOTNET_gcServer=1" bench/run-api.sh    # extra environment for the server (space-separated)
#   BENCH_CLIENT_ENV="" bench/run-api.sh     # environment for the load generator; by default
#                                            # DOTNET_GCgen0size=0x10000000 (a 256 MB gen0 budget: no collection in a
#                                            # run, each of which would stall the open-loop scheduler and count as server
#                                            # latency) and DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 (idle pool
#                                            # threads sleep instead of spinning, which took a quarter of the 2 CPUs). The
#                                            # server always runs with the defaults a user gets (its build sets no spinning).
#
# BENCH_NO_RESULTS=1 prints the table without touching RESULTS.md. Exit status 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=bench/SchemaRegistry.Bench
cli=src/SchemaRegistry.Cli
results=bench/RESULTS.md
marker='<!-- bench/run-api.sh inserts each run below this line, newest first -->'

if ! command -v wrk >/dev/null; then
  echo "== apt-get install wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq wrk >/dev/null
fi

echo "== dotnet build $project and $cli (Release)"
dotnet build "$project/SchemaRegistry.Bench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build "$cli/SchemaRegistry.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)
work=$(mktemp -d)
token="sr_bench_admin_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== schemareg serve on http://127.0.0.1:$port (data in $work)"
# shellcheck disable=SC2086 # BENCH_SERVER_ENV is a space-separated list of NAME=VALUE
env -u SCHEMAREG_DATABASE_URL -u SCHEMAREG_BLOBS_URL \
  SCHEMAREG_ADMIN_TOKEN="$token" SCHEMAREG_DATA_DIR="$work/data" SCHEMAREG__Registry__JsonLogs=false ${BENCH_SERVER_ENV:-} \
  dotnet "$cli/bin/Release/net10.0/schemareg.dll" serve --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
disown "$server_pid" # the harness stops it at the end (the warm-cache check); no "Killed" job notice

status=0
env ${BENCH_CLIENT_ENV-DOTNET_GCgen0size=0x10000000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0} dotnet "$project/bin/Release/net10.0/SchemaRegistry.Bench.dll" api --url "http://127.0.0.1:$port/" --admin-token "$token" \
  --schema bench/invoice.schema.json --wrk "$(command -v wrk)" --server-pid "$server_pid" --markdown "$work/report.md" "$@" || status=$?
if [[ ! -s "$work/report.md" ]]; then
  echo "== the benchmark did not finish (exit $status); server log:" >&2
  tail -n 40 "$work/server.log" >&2
  exit "$status"
fi

if [[ "${BENCH_NO_RESULTS:-0}" == 1 ]]; then
  exit "$status"
fi

cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
ram=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then commit="$commit + uncommitted changes"; fi
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), API latency"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM, $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2). Commit $commit. .NET SDK $(dotnet --version)."
  echo "Command: \`bench/run-api.sh${*:+ $*}\`${BENCH_SERVER_ENV:+ with server environment \`$BENCH_SERVER_ENV\`}."
  echo
  cat "$work/report.md"
} > "$work/section.md"

if [[ ! -f "$results" ]] || ! grep -qxF "$marker" "$results"; then
  {
    echo
    echo "# API latency benchmark results"
    echo
    echo "Written by \`bench/run-api.sh\` (see \"API latency benchmark\" under \"How to run the benchmarks\" at the top of this file): \`GET /v1/schema/{fqid}\` and the same for"
    echo "an alias against \`schemareg serve\` on the embedded default, on loopback, with a reader key. The fixed-rate rows come"
    echo "from an open-loop generator in C# (Debian ships wrk, not wrk2): request i is sent at start + i/rate whatever"
    echo "happened before, and its latency counts from that moment, so a stall is not hidden (no coordinated omission); the"
    echo "maximum rows are wrk's closed loop. On a 2-CPU machine the load generator and the server share the two CPUs:"
    echo "the CPU column says how much each took. Targets: P99 ≤ 2 ms at 2,000 req/s, ≥ 20,000 req/s maximum, SDK cached"
    echo "resolve ≤ 1 µs."
    echo
    echo "$marker"
  } >> "$results"
fi
awk -v marker="$marker" -v section="$work/section.md" '
  { print }
  $0 == marker { print ""; while ((getline line < section) > 0) print line; close(section) }
' "$results" > "$work/results.md"
cp "$work/results.md" "$results"
echo "== recorded in $results"
exit "$status"
