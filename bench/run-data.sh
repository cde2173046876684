#!/usr/bin/env bash
# The `data validate` benchmark in one command: builds the harness and the CLI in Release, generates the base invoice
# file (once per generator version), builds a 1 GB and a 2 GB NDJSON file from it with drift in 1 record of 200
# (cached beside it), measures `data validate` in process against the bare validator, over the same records as
# NDJSON, CSV and Parquet, and the CLI's peak RSS on the 2 GB file, and records the table in bench/RESULTS.md.
#
#   bench/run-data.sh                        # everything
#   bench/run-data.sh --passes 5             # further arguments go to `SchemaRegistry.Bench data`
#   bench/run-data.sh --rss-gigabytes 0      # skip the CLI's peak-RSS run
#
# BENCH_COUNT (200000), BENCH_SEED (42), BENCH_INVALID_PERCENT (2) and BENCH_DATA_DIR (/tmp/schemareg-bench) choose
# the data files (about 3.3 GB in all); BENCH_NO_RESULTS=1 prints the table without touching RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

count=${BENCH_COUNT:-200000}
seed=${BENCH_SEED:-42}
invalid=${BENCH_INVALID_PERCENT:-2}
data_dir=${BENCH_DATA_DIR:-/tmp/schemareg-bench}
project=bench/SchemaRegistry.Bench
cli=src/SchemaRegistry.Cli
results=bench/RESULTS.md
marker='<!-- bench/run-data.sh inserts each run below this line, newest first -->'
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh

echo "== dotnet build $project and $cli (Release)"
dotnet build "$project/SchemaRegistry.Bench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build "$cli/SchemaRegistry.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
bench=(dotnet "$project/bin/Release/net10.0/SchemaRegistry.Bench.dll")

# The generator's sources are part of the name, so a changed generator never reuses an old data file.
generator=$(cat "$project"/Invoice*.cs "$project"/CountryProfile.cs "$project"/GeneratedInvoice.cs | sha256sum | cut -c1-10)
data="$data_dir/invoices-$count-seed$seed-invalid$invalid-$generator.ndjson"
if [[ ! -s "$data" || ! -s "$data.labels" ]]; then
  echo "== generate $data"
  mkdir -p "$data_dir"
  "${bench[@]}" generate --count "$count" --seed "$seed" --invalid-percent "$invalid" --out "$data"
fi
data_mb=$(awk -v b="$(stat -c %s "$data")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "== data on $data ($data_mb MB)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${bench[@]}" data --schema bench/invoice.schema.json --data "$data" --data-dir "$data_dir" \
  --cli "$cli/bin/Release/net10.0/schemareg.dll" --dotnet "$(command -v dotnet)" --markdown "$work/report.md" "$@"

if [[ "${BENCH_NO_RESULTS:-0}" == 1 ]]; then
  exit 0
fi

bench_machine
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), data validate"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM. Commit $commit. .NET SDK $(dotnet --version)."
  echo "Command: \`bench/run-data.sh${*:+ $*}\`; base file generated with \`SchemaRegistry.Bench generate --count $count --seed $seed --invalid-percent $invalid\`."
  echo
  cat "$work/report.md"
} > "$work/section.md"

bench_record "$results" "$marker" "$work/section.md" "Data validation benchmark results" <<'EOF'
Written by `bench/run-data.sh` (see "Data validation benchmark" under "How to run the benchmarks" at the top of this file): `data validate` (reader,
drift detection, validation, quarantine files) on one thread over a 1 GB NDJSON file of invoices with injected
drift, against the bare validator's rate; the same records as NDJSON, CSV and Parquet; the CLI's peak RSS on a
2 GB file. Targets: records/s ≥ 70% of the bare validator's, peak RSS ≤ 150 MB, CSV and Parquet reported.
EOF
