#!/usr/bin/env bash
# The validation benchmark in one command: installs ajv from npm, builds the harness in Release, generates the
# invoice data file (once per generator version), measures every contender and records the table in bench/RESULTS.md.
#
#   bench/run-validation.sh                  # every contender
#   bench/run-validation.sh --passes 5       # further arguments go to `SchemaRegistry.Bench run`
#
# BENCH_COUNT (200000), BENCH_SEED (42) and BENCH_DATA_DIR (${TMPDIR:-/tmp}/schemareg-bench) choose the data file;
# BENCH_NO_RESULTS=1 prints the table without touching RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

count=${BENCH_COUNT:-200000}
seed=${BENCH_SEED:-42}
data_dir=${BENCH_DATA_DIR:-${TMPDIR:-/tmp}/schemareg-bench}
project=bench/SchemaRegistry.Bench
results=bench/RESULTS.md
marker='<!-- bench/run-validation.sh inserts each run below this line, newest first -->'
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh

command -v node >/dev/null || { echo "node is needed for the ajv contender" >&2; exit 1; }
if [[ ! -f bench/ajv/node_modules/ajv/package.json || ! -f bench/ajv/node_modules/ajv-formats/package.json ]]; then
  echo "== npm ci (bench/ajv)"
  (cd bench/ajv && npm ci --no-audit --no-fund)
fi

echo "== dotnet build $project (Release)"
dotnet build "$project/SchemaRegistry.Bench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
bench=(dotnet "$project/bin/Release/net10.0/SchemaRegistry.Bench.dll")

# The generator's sources are part of the name, so a changed generator never reuses an old data file.
generator=$(cat "$project"/Invoice*.cs "$project"/CountryProfile.cs "$project"/GeneratedInvoice.cs | sha256sum | cut -c1-10)
data="$data_dir/invoices-$count-seed$seed-$generator.ndjson"
if [[ ! -s "$data" || ! -s "$data.labels" ]]; then
  echo "== generate $data"
  mkdir -p "$data_dir"
  "${bench[@]}" generate --count "$count" --seed "$seed" --out "$data"
fi
data_mb=$(awk -v b="$(stat -c %s "$data")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "== run on $data ($data_mb MB)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${bench[@]}" run --schema bench/invoice.schema.json --data "$data" --markdown "$work/report.md" "$@"

if [[ "${BENCH_NO_RESULTS:-0}" == 1 ]]; then
  exit 0
fi

bench_machine
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM. Commit $commit. .NET SDK $(dotnet --version), node $(node --version)."
  echo "Command: \`bench/run-validation.sh${*:+ $*}\`; data file \`$(basename "$data")\`, $data_mb MB."
  echo
  cat "$work/report.md"
} > "$work/section.md"

bench_record "$results" "$marker" "$work/section.md" "Validation benchmark results" <<'EOF'
Written by `bench/run-validation.sh`; see "How to run the benchmarks" at the top of this file for what is measured.
EOF
