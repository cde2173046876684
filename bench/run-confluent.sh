#!/usr/bin/env bash
# The Confluent door's benchmark in one command, as bench/run-api.sh for our API: installs wrk from Debian packages
# when missing, builds the CLI and the harness in Release, starts `schemareg serve` on the embedded default (SQLite and
# file blobs in a temporary data directory) on a free loopback port, registers bench/invoice.schema.json through the
# door and runs `SchemaRegistry.Bench confluent`: GET /schemas/ids/{id} at a fixed 2,000 req/s (open loop, C#) and at
# maximum (wrk -t2 -c64 -d20s --latency), and POST /subjects/{s} looking up the registered schema at maximum (wrk with
# a script that posts it). The table is added to bench/RESULTS.md with the machine and date.
#
#   bench/run-confluent.sh                     # everything
#   bench/run-confluent.sh --seconds 10        # further arguments go to `SchemaRegistry.Bench confluent`
#
# BENCH_NO_RESULTS=1 prints the table without touching RESULTS.md. Exit status 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=bench/SchemaRegistry.Bench
cli=src/SchemaRegistry.Cli
results=bench/RESULTS.md
marker='<!-- bench/run-confluent.sh inserts each run below this line, newest first -->'

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
env ${BENCH_CLIENT_ENV-DOTNET_GCgen0size=0x10000000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0} dotnet "$project/bin/Release/net10.0/SchemaRegistry.Bench.dll" confluent --url "http://127.0.0.1:$port/" --admin-token "$token" \
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
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), Confluent door"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM, $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2). Commit $commit. .NET SDK $(dotnet --version)."
  echo "Command: \`bench/run-confluent.sh${*:+ $*}\`. The machine is shared: other helpers' builds ran beside it (the CPU column says how much)."
  echo
  cat "$work/report.md"
} > "$work/section.md"

if [[ ! -f "$results" ]] || ! grep -qxF "$marker" "$results"; then
  {
    echo
    echo "# Confluent door benchmark results"
    echo
    echo "Written by \`bench/run-confluent.sh\` (see docs/confluent.md): \`GET /schemas/ids/{id}\` at the targets of \`GET /v1/schema/{fqid}\`"
    echo "(P99 ≤ 2 ms at 2,000 req/s open loop, ≥ 20,000 req/s maximum) and \`POST /subjects/{s}\` looking up a registered schema"
    echo "(≥ 5,000 req/s), against \`schemareg serve\` on the embedded default, on loopback. Load generator and server share the 2 CPUs."
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
