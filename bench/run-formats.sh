#!/usr/bin/env bash
# The schema-format comparison benchmark in one command: each format's Compare of two generated wide schemas (Avro:
# two 500-field records), best of 30 runs after 10 warm-ups on one thread (target < 20 ms); the table is added to
# bench/RESULTS.md with the machine and date.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/SchemaRegistry.Bench/SchemaRegistry.Bench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
table=$(dotnet bench/SchemaRegistry.Bench/bin/Release/net10.0/SchemaRegistry.Bench.dll formats "$@") || status=$?
echo "$table"
cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
load=$(cut -d' ' -f1-3 /proc/loadavg)
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' + uncommitted changes')"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), schema formats compare"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs, shared with other builds (load average ${load} when the run ended). Commit ${commit}. Command: \`bench/run-formats.sh\`."
  echo
  echo "$table"
} >> bench/RESULTS.md
exit "${status:-0}"
