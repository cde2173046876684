#!/usr/bin/env bash
# The console's benchmark in one command: builds the CLI and the harness in Release, starts `schemareg serve` on the
# embedded default (SQLite and file blobs in a temporary data directory) on a free loopback port, and runs
# `SchemaRegistry.Bench console`: 10,000 subjects registered through the API, then /ui/subjects, a field search and a
# text search timed sequentially (P50/P95/P99, target P95 ≤ 50 ms), and every page's first-load transfer (HTML plus
# the stylesheet, target ≤ 300 KB). The table is added to bench/RESULTS.md with the machine and date.
#
#   bench/run-console.sh                      # everything
#   bench/run-console.sh --subjects 2000      # further arguments go to `SchemaRegistry.Bench console`
#
# BENCH_NO_RESULTS=1 prints the table without touching RESULTS.md. Exit status 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=bench/SchemaRegistry.Bench
cli=src/SchemaRegistry.Cli
results=bench/RESULTS.md
marker='<!-- bench/run-console.sh inserts each run below this line, newest first -->'

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
env -u SCHEMAREG_DATABASE_URL -u SCHEMAREG_BLOBS_URL \
  SCHEMAREG_ADMIN_TOKEN="$token" SCHEMAREG_DATA_DIR="$work/data" SCHEMAREG__Registry__JsonLogs=false \
  dotnet "$cli/bin/Release/net10.0/schemareg.dll" serve --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
disown "$server_pid"
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

status=0
dotnet "$project/bin/Release/net10.0/SchemaRegistry.Bench.dll" console --url "http://127.0.0.1:$port/" --admin-token "$token" \
  --markdown "$work/report.md" "$@" || status=$?
if [[ ! -s "$work/report.md" ]]; then
  echo "== the benchmark did not finish (exit $status); server log:" >&2
  tail -n 40 "$work/server.log" >&2
  exit "${status:-1}"
fi

if [[ -z "${BENCH_NO_RESULTS:-}" ]]; then
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
  entry=$(mktemp)
  {
    echo "### $(date -u '+%Y-%m-%d %H:%M UTC') — console ($(nproc) vCPU, $cpu; shared with other builds and tests, loaded)"
    echo
    cat "$work/report.md"
    echo
  } >"$entry"
  if ! grep -qF "$marker" "$results"; then
    printf '\n## Console (bench/run-console.sh)\n\n%s\n\n' "$marker" >>"$results"
  fi
  python3 - "$results" "$marker" "$entry" <<'PY'
import sys
path, marker, entry = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(path).read()
open(path, "w").write(text.replace(marker, marker + "\n\n" + entry.rstrip() + "\n", 1))
PY
  rm -f "$entry"
fi
exit "$status"
