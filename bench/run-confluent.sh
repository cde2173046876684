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

results=bench/RESULTS.md
marker='<!-- bench/run-confluent.sh inserts each run below this line, newest first -->'
# shellcheck source=bench/lib/serve.sh
source bench/lib/serve.sh
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh

bench_serve_and_run confluent "$@"
bench_section "Confluent door" "\`bench/run-confluent.sh${*:+ $*}\`. The machine is shared: other helpers' builds ran beside it (the CPU column says how much)."

bench_record "$results" "$marker" "$work/section.md" "Confluent door benchmark results" <<'EOF'
Written by `bench/run-confluent.sh` (see docs/confluent.md): `GET /schemas/ids/{id}` at the targets of `GET /v1/schema/{fqid}`
(P99 ≤ 2 ms at 2,000 req/s open loop, ≥ 20,000 req/s maximum) and `POST /subjects/{s}` looking up a registered schema
(≥ 5,000 req/s), against `schemareg serve` on the embedded default, on loopback. Load generator and server share the 2 CPUs.
EOF
exit "$status"
