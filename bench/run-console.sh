#!/usr/bin/env bash
# The console's benchmark in one command: builds the CLI and the harness in Release, starts `schemareg serve` on the
# embedded default (SQLite and file blobs in a temporary data directory) on a free loopback port, and runs
# `SchemaRegistry.Bench console`: 10,000 subjects registered through the API, then /ui/subjects (first and a later
# page), a field search, a text search and the approval queue timed sequentially, both as the client sees it and as
# the server reports it in its Server-Timing header (P50/P95/P99, target P95 ≤ 50 ms), and every page's first-load
# transfer (HTML plus the stylesheet, target ≤ 300 KB). The table is added to bench/RESULTS.md with the machine and date.
#
#   bench/run-console.sh                      # everything
#   bench/run-console.sh --subjects 2000      # further arguments go to `SchemaRegistry.Bench console`
#
# BENCH_NO_RESULTS=1 prints the table without touching RESULTS.md. Exit status 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results=bench/RESULTS.md
marker='<!-- bench/run-console.sh inserts each run below this line, newest first -->'
# shellcheck source=bench/lib/serve.sh
source bench/lib/serve.sh
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh

bench_build
bench_start_server
for _ in $(seq 150); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

status=0
dotnet "$bench_project/bin/Release/net10.0/SchemaRegistry.Bench.dll" console --url "http://127.0.0.1:$port/" --admin-token "$token" \
  --markdown "$work/report.md" "$@" || status=$?
if [[ ! -s "$work/report.md" ]]; then
  echo "== the benchmark did not finish (exit $status); server log:" >&2
  tail -n 40 "$work/server.log" >&2
  exit "${status:-1}"
fi

if [[ "${BENCH_NO_RESULTS:-0}" == 1 ]]; then
  exit "$status"
fi

bench_machine
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), console"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM, shared with other builds and tests (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end). Commit $commit. .NET SDK $(dotnet --version)."
  echo "Command: \`bench/run-console.sh${*:+ $*}\`."
  echo
  cat "$work/report.md"
} > "$work/section.md"

bench_record "$results" "$marker" "$work/section.md" "Console benchmark results" <<'EOF2'
Written by `bench/run-console.sh`: the console's pages against `schemareg serve` on the embedded default with 10,000
subjects, signed in as an admin, requests sent one at a time on loopback. "Client" is the whole request as the
harness sees it (an upper bound of the server's work, inflated by a loaded machine); "server" is the `Server-Timing:
app;dur=` figure the console sends: from the request entering the console's middleware to the response starting,
i.e. the page's queries and rendering. Targets: P95 ≤ 50 ms server-side for the subjects page and a field search; no
page over 300 KB on first load (HTML plus the stylesheet).
EOF2
exit "$status"
