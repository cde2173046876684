#!/usr/bin/env bash
# The compatibility-diff benchmark in one command: two generated 1,000-property schemas, median of 60 diffs on one
# thread (target < 50 ms); the table is added to bench/RESULTS.md with the machine and date.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/SchemaRegistry.Bench/SchemaRegistry.Bench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
table=$(dotnet bench/SchemaRegistry.Bench/bin/Release/net10.0/SchemaRegistry.Bench.dll diff --runs 60 "$@") || status=$?
echo "$table"
cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), compatibility diff"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs. Commit $(git rev-parse --short HEAD). Command: \`bench/run-diff.sh\`."
  echo
  echo "$table"
} >> bench/RESULTS.md
exit "${status:-0}"
