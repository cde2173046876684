#!/usr/bin/env bash
# Quarantine replay under SIGKILL, longer than CI runs it: the end-to-end tests QuarantineReplayCrash{Sqlite,Postgres}Tests
# with KILLS kill points per database (default 20; CI runs 4). Each kill point is a run of 4 batches × 5,000 quarantined
# records replayed by a real `schemareg serve`, SIGKILLed after a random delay within the measured replay time, restarted,
# checked (every record in exactly one place, counts = files, nothing unreferenced left), replayed again and checked.
# PostgreSQL comes from SCHEMAREG_TEST_POSTGRES (as for the tests). The summary is added to bench/RESULTS.md with the
# machine and date (BENCH_NO_RESULTS=1: print only). Exit status 1 when a kill point lost or duplicated anything.
#
#   bench/replay-crash.sh            # 20 kill points per database
#   KILLS=40 bench/replay-crash.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
kills=${KILLS:-20}
results=bench/RESULTS.md
marker='<!-- bench/replay-crash.sh inserts each run below this line, newest first -->'
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

project=tests/SchemaRegistry.EndToEnd.Tests/SchemaRegistry.EndToEnd.Tests.csproj
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo " + uncommitted changes")
echo "== build"
dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
echo "== $kills kill points per database"
status=0
SCHEMAREG_REPLAY_KILLS=$kills dotnet test "$project" -c Release --no-build --filter "FullyQualifiedName~QuarantineReplayCrash" \
  --logger "console;verbosity=detailed" > "$work/test.log" 2>&1 || status=1
grep -E '^ (set-up|one replay|kill |[0-9]+ kill points)' "$work/test.log" | sort -u > "$work/lines.txt" || true
grep -E '^ [0-9]+ kill points' "$work/test.log" | sort -u | sed 's/^ /- /' > "$work/summary.txt" || true
cat "$work/lines.txt"
grep -E 'Passed!|Failed!' "$work/test.log" || true

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || true)
ram=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), quarantine replay under SIGKILL"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM (shared with other work while it ran). Commit $commit. .NET SDK $(dotnet --version)."
  echo "Command: \`KILLS=$kills bench/replay-crash.sh\`; result: $([[ $status == 0 ]] && echo passed || echo FAILED)."
  echo
  cat "$work/summary.txt"
} > "$work/section.md"

if [[ -n "${BENCH_NO_RESULTS:-}" ]]; then
  cat "$work/section.md"
  exit "$status"
fi
bench_record "$results" "$marker" "$work/section.md" "Quarantine replay crash results" <<'EOF'
Written by `bench/replay-crash.sh`: per database, one run of 4 batches × 5,000 quarantined records per kill point;
a replay of it is SIGKILLed at a random point, the server restarted, and the run checked: a record lost (neither
quarantined nor in a released file an event names), duplicated (both), counts or manifests out of step with the
files, or files nothing points to, each count the kill point. Then the run is replayed again and checked the same way.
EOF
exit "$status"
