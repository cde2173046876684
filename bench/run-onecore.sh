#!/usr/bin/env bash
# Validation speed where pipelines run it (issue 16): one core, a cold process, the whole file. Times whole processes
# (start-up, schema compile, reading, output), best of 3 (the contenders in turns), pinned with taskset, in one run:
#   `schemareg data validate --schema S --input F` vs node + ajv 8 + ajv-formats (bench/ajv/validate-file.mjs) for the
#   invoice schema (300,000 invoices), a flat schema and an open one (drift on every record); schemareg on two cores
#   vs one; the empty schema {"type":"object"} vs a token-only Utf8JsonReader pass (SchemaRegistry.Bench tokens);
#   `schemareg --version`; a 100-record batch in a fresh process. Each measurement of schemareg is made for the native
#   (AOT) executable scripts/release ships for linux-x64 (src/SchemaRegistry.Cli.Native; clang and zlib1g-dev are
#   installed when missing) and for the managed ReadyToRun build beside it, in the same run. Prints a table with the
#   targets and records it in bench/RESULTS.md.
#
#   bench/run-onecore.sh
#   BENCH_NATIVE=0 bench/run-onecore.sh                                    # the managed build only
#   BENCH_PUBLISH_ARGS="-p:PublishReadyToRun=false" bench/run-onecore.sh   # measure another managed build of the CLI
#   BENCH_CLI_ENV="DOTNET_TieredPGO=0" bench/run-onecore.sh                # ... or other runtime settings
#   BENCH_CLI=/path/to/schemareg bench/run-onecore.sh                      # ... or an executable built elsewhere (instead of both)
#
# BENCH_COUNT (300000), BENCH_SEED (42), BENCH_DATA_DIR (${TMPDIR:-/tmp}/schemareg-onecore), BENCH_RUNS (3),
# BENCH_CORE (0), BENCH_CLI_DIR (where the CLI is published; a temporary folder), BENCH_LABEL (a name for the variant in RESULTS.md); BENCH_NO_RESULTS=1 prints the table only.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

count=${BENCH_COUNT:-300000}
seed=${BENCH_SEED:-42}
runs=${BENCH_RUNS:-3}
core=${BENCH_CORE:-0}
data_dir=${BENCH_DATA_DIR:-${TMPDIR:-/tmp}/schemareg-onecore}
project=bench/SchemaRegistry.Bench
results=bench/RESULTS.md
marker='<!-- bench/run-onecore.sh inserts each run below this line, newest first -->'
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh
read -r -a cli_env <<< "${BENCH_CLI_ENV:-}"

command -v node >/dev/null || { echo "node is needed for the ajv contender" >&2; exit 1; }
command -v taskset >/dev/null || { echo "taskset (util-linux) is needed to pin the processes" >&2; exit 1; }
if [[ ! -f bench/ajv/node_modules/ajv/package.json || ! -f bench/ajv/node_modules/ajv-formats/package.json ]]; then
  echo "== npm ci (bench/ajv)"
  (cd bench/ajv && npm ci --no-audit --no-fund)
fi

echo "== dotnet build $project (Release)"
dotnet build "$project/SchemaRegistry.Bench.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
bench=(dotnet "$project/bin/Release/net10.0/SchemaRegistry.Bench.dll")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# variant label -> executable, measured in this order
variants=()
declare -A cli_of=()
if [[ -n "${BENCH_CLI:-}" ]]; then
  variants=(given)
  cli_of[given]=$BENCH_CLI
else
  if [[ "${BENCH_NATIVE:-1}" == 1 ]]; then
    source scripts/lib/native.sh
    ensure_native_toolchain
    echo "== dotnet publish src/SchemaRegistry.Cli.Native (Release, Native AOT)"
    dotnet publish src/SchemaRegistry.Cli.Native/SchemaRegistry.Cli.Native.csproj -c Release -nologo -v quiet -clp:ErrorsOnly -o "$work/native"
    variants+=(native)
    cli_of[native]=$work/native/schemareg
  fi
  # As the CLI ships (src/SchemaRegistry.Cli's publish settings; docs/performance.md says which and why).
  echo "== dotnet publish src/SchemaRegistry.Cli (Release) ${BENCH_PUBLISH_ARGS:-}"
  read -r -a publish_args <<< "${BENCH_PUBLISH_ARGS:-}"
  dotnet publish src/SchemaRegistry.Cli/SchemaRegistry.Cli.csproj -c Release -nologo -v quiet -clp:ErrorsOnly \
    -o "${BENCH_CLI_DIR:-$work/cli}" "${publish_args[@]}"
  variants+=(ReadyToRun)
  cli_of[ReadyToRun]=${BENCH_CLI_DIR:-$work/cli}/schemareg
fi

generator=$(cat "$project"/Invoice*.cs "$project"/CountryProfile.cs "$project"/GeneratedInvoice.cs "$project"/OneCoreFilesCommand.cs | sha256sum | cut -c1-10)
data_dir=$data_dir/$generator
invoices=$data_dir/invoices-$count-seed$seed.ndjson
mkdir -p "$data_dir"
if [[ ! -s "$invoices" ]]; then
  echo "== generate $invoices"
  "${bench[@]}" generate --count "$count" --seed "$seed" --out "$invoices"
fi
if [[ ! -s "$data_dir/flat-$count.ndjson" || ! -s "$data_dir/open-$count.ndjson" ]]; then
  echo "== generate the flat and open files in $data_dir"
  "${bench[@]}" onecore-files --out-dir "$data_dir" --count "$count" --seed "$seed"
fi
echo '{"type":"object"}' > "$work/empty.schema.json"
head -n 100 "$invoices" > "$work/batch-100.ndjson"

# measure CPUS LOG COMMAND...: "WALL CPU", the best wall time of $runs runs and the best CPU time (user + system, the
# process and its children) in ms; the first run's stdout goes to LOG. Exit codes 0 and 1 are results (data validate:
# 1 = some records did not pass); anything else stops the benchmark. On a machine other processes load, a pinned
# process waits for its core: the CPU time shows what the work itself took. A shell pinned with taskset times the
# command it starts (which inherits the pinning), so taskset's own start (4-8 ms here) is not in the figure.
measure() {
  local cpus=$1 log=$2 wall= cpu= i rc real user sys w c
  shift 2
  for ((i = 0; i < runs; i++)); do
    # shellcheck disable=SC2016
    taskset -c "$cpus" bash -c 'TIMEFORMAT="%3R %3U %3S"; { time "$@" > "$0/out" 2> "$0/err"; echo $? > "$0/rc"; } 2> "$0/time"' "$work" "$@"
    rc=$(cat "$work/rc")
    if ((rc > 1)); then
      echo "failed (exit $rc): $*" >&2
      cat "$work/err" >&2
      exit 1
    fi
    [[ $i == 0 ]] && cp "$work/out" "$log"
    read -r real user sys < "$work/time"
    w=$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 + 0.5 }')
    c=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 + 0.5 }')
    if [[ -z "$wall" || $w -lt $wall ]]; then wall=$w; fi
    if [[ -z "$cpu" || $c -lt $cpu ]]; then cpu=$c; fi
  done
  echo "$wall $cpu"
}
TIMEFORMAT='%3R %3U %3S'
ours() { if ((${#cli_env[@]})); then echo env "${cli_env[@]}" "${cli_of[$1]}"; else echo "${cli_of[$1]}"; fi; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }
# What a run printed, on one line, for the notes.
said() { tr '\n' ' ' < "$1" | sed 's/  */ /g; s/ $//' | cut -c1-200; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
notes=()
declare -A one_core=() two_core=()
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { print ((op == ">=" ? v >= t : v <= t) ? "PASS" : "FAIL") }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# The contenders of a file run in turns (ajv, each variant, for the invoice file each variant on two cores too), $runs
# rounds, and each keeps its best: a slow spell of the host (this shared machine has some, up to 60 % slower) then
# falls on one round of every contender, not on all rounds of one of them.
declare -A best_wall=() best_cpu=()
keep() {
  local wall cpu
  read -r wall cpu <<< "$2"
  if [[ -z "${best_wall[$1]:-}" || $wall -lt ${best_wall[$1]} ]]; then best_wall[$1]=$wall; fi
  if [[ -z "${best_cpu[$1]:-}" || $cpu -lt ${best_cpu[$1]} ]]; then best_cpu[$1]=$cpu; fi
}

declare -A schema_of=([invoice]=bench/invoice.schema.json [flat]=$data_dir/flat.schema.json [open]=$data_dir/open.schema.json)
declare -A file_of=([invoice]=$invoices [flat]=$data_dir/flat-$count.ndjson [open]=$data_dir/open-$count.ndjson)
for name in invoice flat open; do
  schema=${schema_of[$name]}
  file=${file_of[$name]}
  also=""
  [[ $name == invoice ]] && also=" (and on cores 0,1)"
  echo "== $name: ajv and schemareg (${variants[*]}) in turns on core $core$also, $(mb "$file") MB"
  best_wall=()
  best_cpu=()
  for ((round = 0; round < runs; round++)); do
    keep ajv "$(runs=1 measure "$core" "$work/$name.ajv" node bench/ajv/validate-file.mjs "$schema" "$file")"
    for v in "${variants[@]}"; do
      keep "$v" "$(runs=1 measure "$core" "$work/$name.$v" $(ours "$v") data validate --schema "$schema" --input "$file")"
      if [[ $name == invoice ]]; then
        keep "two.$v" "$(runs=1 measure "0,1" "$work/two.$v" $(ours "$v") data validate --schema "$schema" --input "$file")"
      fi
    done
  done
  ajv_ms=${best_wall[ajv]}
  ajv_cpu=${best_cpu[ajv]}
  for v in "${variants[@]}"; do
    ours_ms=${best_wall[$v]}
    ours_cpu=${best_cpu[$v]}
    r=$(ratio "$ajv_ms" "$ours_ms")
    rows+=("| $name: \`data validate\` vs ajv, one core ($(mb "$file") MB, $count records), $v | $ours_ms ($ours_cpu) | $ajv_ms ($ajv_cpu) ajv | ${r}× ($(ratio "$ajv_cpu" "$ours_cpu")×) | ≥ 3× | $(verdict "$r" 3 ">=") |")
    notes+=("- $name, $v: schemareg said \"$(said "$work/$name.$v")\".")
    if [[ $name == invoice ]]; then
      one_core[$v]="$ours_ms $ours_cpu"
      two_core[$v]="${best_wall[two.$v]} ${best_cpu[two.$v]}"
    fi
  done
  notes+=("- $name: ajv said \`$(said "$work/$name.ajv")\`.")
done

for v in "${variants[@]}"; do
  read -r two_ms two_cpu <<< "${two_core[$v]}"
  read -r one_ms one_cpu <<< "${one_core[$v]}"
  r=$(ratio "$one_ms" "$two_ms")
  rows+=("| invoice: \`data validate\` one core vs two cores, $v | $one_ms ($one_cpu) | $two_ms ($two_cpu) two cores | ${r}× | ≤ 1.15× | $(verdict "$r" 1.15 "<=") |")
done

echo "== empty schema vs token pass"
m=$(measure "$core" "$work/floor.tokens" "${bench[@]}" tokens --data "$invoices")
read -r tokens_ms tokens_cpu <<< "$m"
percent() { awk -v r="$1" 'BEGIN { printf "%.0f%%", r * 100 }'; }
for v in "${variants[@]}"; do
  m=$(measure "$core" "$work/floor.$v" $(ours "$v") data validate --schema "$work/empty.schema.json" --input "$invoices")
  read -r floor_ms floor_cpu <<< "$m"
  r=$(ratio "$tokens_ms" "$floor_ms")
  rows+=("| \`{\"type\":\"object\"}\` floor vs token-only Utf8JsonReader pass (processes), $v | $floor_ms ($floor_cpu) | $tokens_ms ($tokens_cpu) tokens | $(percent "$r") ($(percent "$(ratio "$tokens_cpu" "$floor_cpu")")) | ≥ 60% | $(verdict "$r" 0.6 ">=") |")
  notes+=("- floor, $v: schemareg said \"$(said "$work/floor.$v")\".")
done
notes+=("- floor: token pass \`$(said "$work/floor.tokens")\` (seconds: its file pass alone).")

echo "== cold start"
for v in "${variants[@]}"; do
  m=$(measure "$core" "$work/version.$v" $(ours "$v") --version)
  read -r version_ms version_cpu <<< "$m"
  rows+=("| \`schemareg --version\`, cold process, $v | $version_ms ($version_cpu) | | | ≤ 30 ms | $(verdict "$version_ms" 30 "<=") |")
  m=$(measure "$core" "$work/batch.$v" $(ours "$v") data validate --schema bench/invoice.schema.json --input "$work/batch-100.ndjson")
  read -r batch_ms batch_cpu <<< "$m"
  rows+=("| 100-record batch (invoice), fresh process, $v | $batch_ms ($batch_cpu) | | | ≤ 80 ms | $(verdict "$batch_ms" 80 "<=") |")
  notes+=("- $v: version \`$(said "$work/version.$v")\`; batch: \"$(said "$work/batch.$v")\".")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "Whole processes, best of $runs, pinned with \`taskset -c $core\` (two cores: \`0,1\`): wall ms (CPU ms, user + system, in"
  echo "brackets; on a loaded machine the wall time includes waiting for the core). Ratios and verdicts by wall time, ratios by CPU in brackets."
  echo
  echo "| Measurement | schemareg ms | other ms | ratio | target | result |"
  echo "|---|---:|---:|---:|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  printf '%s\n' "${notes[@]}"
  echo "- Load average (1/5/15 min) before: $load_before; after: $load_after."
} > "$work/report.md"
cat "$work/report.md"

if [[ "${BENCH_NO_RESULTS:-0}" == 1 ]]; then
  exit 0
fi

bench_machine
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), one core${BENCH_LABEL:+, $BENCH_LABEL}"
  echo
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) CPUs (nproc), $ram RAM. Commit $commit. .NET SDK $(dotnet --version), node $(node --version)."
  echo "Command: \`${BENCH_PUBLISH_ARGS:+BENCH_PUBLISH_ARGS=\"$BENCH_PUBLISH_ARGS\" }${BENCH_CLI_ENV:+BENCH_CLI_ENV=\"$BENCH_CLI_ENV\" }${BENCH_CLI:+BENCH_CLI=$BENCH_CLI }bench/run-onecore.sh\`."
  echo
  cat "$work/report.md"
} > "$work/section.md"

bench_record "$results" "$marker" "$work/section.md" "One-core whole-process benchmark results" <<'EOF'
Written by `bench/run-onecore.sh` (see docs/performance.md): `schemareg data validate` and ajv as whole processes
pinned to one core, best of 3 (issue 16).
EOF
