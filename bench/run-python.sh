#!/usr/bin/env bash
# The Python client's benchmark: warm-cache resolve (target <= 5 us per call) and local validation throughput, then
# the .NET validator (`SchemaRegistry.Bench run`, contender "ours") on the same records, and both recorded in
# bench/RESULTS.md.
#
#   bench/run-python.sh
#
# PYTHON (python3) chooses the interpreter (it needs jsonschema); BENCH_COUNT (20000), BENCH_SEED (42),
# BENCH_INVALID_PERCENT (2) and BENCH_DATA_DIR (/tmp/schemareg-bench) the data file; BENCH_NO_RESULTS=1 prints
# without touching RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

python=${PYTHON:-python3}
count=${BENCH_COUNT:-20000}
seed=${BENCH_SEED:-42}
invalid=${BENCH_INVALID_PERCENT:-2}
data_dir=${BENCH_DATA_DIR:-/tmp/schemareg-bench}
project=bench/SchemaRegistry.Bench
results=bench/RESULTS.md
marker='<!-- bench/run-python.sh inserts each run below this line, newest first -->'

echo "== dotnet build $project and the CLI (Release)"
dotnet build "$project/SchemaRegistry.Bench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build src/SchemaRegistry.Cli/SchemaRegistry.Cli.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
bench=(dotnet "$project/bin/Release/net10.0/SchemaRegistry.Bench.dll")

generator=$(cat "$project"/Invoice*.cs "$project"/CountryProfile.cs "$project"/GeneratedInvoice.cs | sha256sum | cut -c1-10)
data="$data_dir/invoices-$count-seed$seed-invalid$invalid-$generator.ndjson"
if [[ ! -s "$data" ]]; then
  echo "== generate $data"
  mkdir -p "$data_dir"
  "${bench[@]}" generate --count "$count" --seed "$seed" --invalid-percent "$invalid" --out "$data"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== Python client ($python)"
"$python" bench/python_bench.py --data "$data" | tee "$work/python.md"
echo "== .NET validator on the same records"
"${bench[@]}" run --schema bench/invoice.schema.json --data "$data" --skip token,parse,njsonschema,ajv \
  --subset "$count" --passes 3 --markdown "$work/dotnet.md" >/dev/null
cat "$work/dotnet.md"

if [[ "${BENCH_NO_RESULTS:-0}" == 1 ]]; then
  exit 0
fi
cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
ram=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then commit="$commit + uncommitted changes"; fi
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), Python client"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM, shared with other builds while it ran. Commit $commit."
  echo "Command: \`bench/run-python.sh\`; $count invoices (\`SchemaRegistry.Bench generate --count $count --seed $seed --invalid-percent $invalid\`)."
  echo
  cat "$work/python.md"
  echo
  echo ".NET, the same records (\`SchemaRegistry.Bench run --skip token,parse,njsonschema,ajv\`):"
  echo
  cat "$work/dotnet.md"
} > "$work/section.md"
if ! grep -qxF "$marker" "$results"; then
  {
    echo
    echo "# Python client results"
    echo
    echo "Written by \`bench/run-python.sh\`: the Python client's warm-cache resolve (target ≤ 5 µs per call) and its local"
    echo "validation (jsonschema) against the .NET validator on the same invoice records, one thread each."
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
