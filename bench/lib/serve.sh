# Sourced by bench/run-api.sh, bench/run-confluent.sh and bench/run-console.sh (after bench/lib/results.sh): wrk, the Release
# builds, `schemareg serve` on the embedded
# default (SQLite and file blobs in a temporary data directory) on a free loopback port, and the harness against it.

bench_project=bench/SchemaRegistry.Bench
bench_cli=src/SchemaRegistry.Cli

# bench_serve_and_run MODE [ARGS...]: runs `SchemaRegistry.Bench MODE` against a fresh server. Sets work (removed at
# exit), status (the harness's exit status) and leaves the table in $work/report.md; exits when there is none.
bench_serve_and_run() {
  local mode=$1
  shift
  if ! command -v wrk >/dev/null; then
    echo "== apt-get install wrk"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq wrk >/dev/null
  fi

  bench_build
  bench_start_server

  status=0
  # shellcheck disable=SC2086 # BENCH_CLIENT_ENV is a space-separated list of NAME=VALUE
  env ${BENCH_CLIENT_ENV-DOTNET_GCgen0size=0x10000000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0} dotnet "$bench_project/bin/Release/net10.0/SchemaRegistry.Bench.dll" "$mode" --url "http://127.0.0.1:$port/" --admin-token "$token" \
    --schema bench/invoice.schema.json --wrk "$(command -v wrk)" --server-pid "$server_pid" --markdown "$work/report.md" "$@" || status=$?
  if [[ ! -s "$work/report.md" ]]; then
    echo "== the benchmark did not finish (exit $status); server log:" >&2
    tail -n 40 "$work/server.log" >&2
    exit "$status"
  fi
}

# bench_build: the harness and the CLI in Release.
bench_build() {
  echo "== dotnet build $bench_project and $bench_cli (Release)"
  dotnet build "$bench_project/SchemaRegistry.Bench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
  dotnet build "$bench_cli/SchemaRegistry.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
}

# bench_start_server: `schemareg serve` on a free loopback port over a fresh data directory. Sets port, token (an admin
# key), work (a temporary directory, removed at exit, with the server's log in server.log) and server_pid.
bench_start_server() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1)
  work=$(mktemp -d)
  token="sr_bench_admin_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  server_pid=
  trap bench_stop_server EXIT

  echo "== schemareg serve on http://127.0.0.1:$port (data in $work)"
  # shellcheck disable=SC2086 # BENCH_SERVER_ENV is a space-separated list of NAME=VALUE
  env -u SCHEMAREG_DATABASE_URL -u SCHEMAREG_BLOBS_URL \
    SCHEMAREG_ADMIN_TOKEN="$token" SCHEMAREG_DATA_DIR="$work/data" SCHEMAREG__Registry__JsonLogs=false ${BENCH_SERVER_ENV:-} \
    dotnet "$bench_cli/bin/Release/net10.0/schemareg.dll" serve --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  disown "$server_pid" # the harness or the exit trap stops it; no "Killed" job notice
}

bench_stop_server() {
  if [[ -n "${server_pid:-}" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "${work:?}"
}

# bench_section HEADING COMMAND: after bench_serve_and_run. With BENCH_NO_RESULTS=1 exits with the harness's status;
# otherwise writes $work/section.md for bench_record (bench/lib/results.sh): "## date, HEADING", the machine and wrk,
# "Command: COMMAND", then the table.
bench_section() {
  local heading=$1 command=$2
  if [[ "${BENCH_NO_RESULTS:-0}" == 1 ]]; then
    exit "$status"
  fi
  bench_machine
  {
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $heading"
    echo
    echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM, $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2). Commit $commit. .NET SDK $(dotnet --version)."
    echo "Command: $command"
    echo
    cat "$work/report.md"
  } > "$work/section.md"
}
