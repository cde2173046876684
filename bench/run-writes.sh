#!/usr/bin/env bash
# The write benchmark in one command: builds the CLI and the harness in Release, starts a throw-away PostgreSQL
# (scripts/lib/postgres.sh, in a temporary directory), starts three `schemareg serve` replicas on loopback over that one
# database, and runs `SchemaRegistry.Bench writes` against them: concurrent POST /v1/schema of distinct FQIDs,
# round-robin over the replicas, 10 s warm-up (the JIT settles) then 20 s measured; contested registrations; then the checks (no gap in
# the event stream, one registration event per FQID, intact audit chain). The table is added to bench/RESULTS.md
# with the machine and date.
#
#   bench/run-writes.sh                        # everything
#   bench/run-writes.sh --workers 64           # further arguments go to `SchemaRegistry.Bench writes`
#   BENCH_SERVER_ENV="DOTNET_gcServer=1" bench/run-writes.sh    # extra environment for the replicas (space-separated)
#
# BENCH_NO_RESULTS=1 prints the table without touching RESULTS.md. Exit status 1 when the 500 registrations/s
# target is missed or a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=bench/SchemaRegistry.Bench
cli=src/SchemaRegistry.Cli
results=bench/RESULTS.md
marker='<!-- bench/run-writes.sh inserts each run below this line, newest first -->'
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh
replicas=3

echo "== dotnet build $project and $cli (Release)"
dotnet build "$project/SchemaRegistry.Bench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build "$cli/SchemaRegistry.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly

work=$(mktemp -d /tmp/schemareg-writes.XXXXXX)
chmod 755 "$work"
source scripts/lib/postgres.sh
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  stop_postgres "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres "$work/pg"
pg_port=${SCHEMAREG_TEST_POSTGRES##*:}
pg_port=${pg_port%%/*}
database="postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $work/pg)"

token="sr_bench_admin_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
urls=()
for i in $(seq 0 $((replicas - 1))); do
  port=$(free_port)
  urls+=("http://127.0.0.1:$port")
  mkdir -p "$work/replica$i"
  # shellcheck disable=SC2086 # BENCH_SERVER_ENV is a space-separated list of NAME=VALUE
  env SCHEMAREG_ADMIN_TOKEN="$token" SCHEMAREG_DATA_DIR="$work/replica$i" SCHEMAREG_DATABASE_URL="$database" \
    SCHEMAREG_BLOBS_URL="file:$work/blobs" SCHEMAREG__Registry__JsonLogs=false ${BENCH_SERVER_ENV:-} \
    dotnet "$cli/bin/Release/net10.0/schemareg.dll" serve --urls "http://127.0.0.1:$port" >"$work/replica$i.log" 2>&1 &
  pids+=($!)
done
echo "== $replicas replicas: ${urls[*]}"

status=0
dotnet "$project/bin/Release/net10.0/SchemaRegistry.Bench.dll" writes --urls "$(IFS=,; echo "${urls[*]}")" --admin-token "$token" \
  --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" --server-pids "$(IFS=,; echo "${pids[*]}")" \
  --postgres-pid "$(head -1 "$work/pg/data/postmaster.pid")" \
  --markdown "$work/report.md" "$@" || status=$?
if [[ ! -s "$work/report.md" ]]; then
  echo "== the benchmark did not finish (exit $status); replica logs:" >&2
  for i in $(seq 0 $((replicas - 1))); do tail -n 20 "$work/replica$i.log" >&2; done
  exit "$status"
fi

if [[ "${BENCH_NO_RESULTS:-0}" == 1 ]]; then
  exit "$status"
fi

bench_machine
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), writes"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM. PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (scripts/lib/postgres.sh: fsync=off). Commit $commit. .NET SDK $(dotnet --version)."
  echo "Command: \`bench/run-writes.sh${*:+ $*}\`${BENCH_SERVER_ENV:+ with server environment \`$BENCH_SERVER_ENV\`}."
  echo
  cat "$work/report.md"
} > "$work/section.md"

bench_record "$results" "$marker" "$work/section.md" "Write benchmark results" <<'EOF'
Written by `bench/run-writes.sh` (see "Write benchmark" under "How to run the benchmarks" at the top of this file): three `schemareg serve` replicas over one
PostgreSQL, concurrent `POST /v1/schema` of distinct FQIDs spread round-robin over them (closed loop: each client
sends its next registration when the previous one is answered), a warm-up, then a fixed measured time. Every 201
counts as a registration; latency is per request as the client saw it. Afterwards each run checks contested
registrations (one winner), the event stream (no gap, one `SchemaRegistered` per FQID) and the audit chain.
Everything shares the machine's CPUs (replicas, PostgreSQL, the load generator). Target: ≥ 500 registrations/s.
EOF
exit "$status"
