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

results=bench/RESULTS.md
marker='<!-- bench/run-api.sh inserts each run below this line, newest first -->'
# shellcheck source=bench/lib/serve.sh
source bench/lib/serve.sh
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh

bench_serve_and_run api "$@"
bench_section "API latency" "\`bench/run-api.sh${*:+ $*}\`${BENCH_SERVER_ENV:+ with server environment \`$BENCH_SERVER_ENV\`}."

bench_record "$results" "$marker" "$work/section.md" "API latency benchmark results" <<'EOF'
Written by `bench/run-api.sh` (see "API latency benchmark" under "How to run the benchmarks" at the top of this file): `GET /v1/schema/{fqid}` and the same for
an alias against `schemareg serve` on the embedded default, on loopback, with a reader key. The fixed-rate rows come
from an open-loop generator in C# (Debian ships wrk, not wrk2): request i is sent at start + i/rate whatever
happened before, and its latency counts from that moment, so a stall is not hidden (no coordinated omission); the
maximum rows are wrk's closed loop. On a 2-CPU machine the load generator and the server share the two CPUs:
the CPU column says how much each took. Targets: P99 ≤ 2 ms at 2,000 req/s, ≥ 20,000 req/s maximum, SDK cached
resolve ≤ 1 µs.
EOF
exit "$status"
