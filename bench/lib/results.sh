# Sourced by the bench scripts: what the machine is, and how a run's section goes into bench/RESULTS.md.

# Sets cpu, ram and commit (the short hash, "+ uncommitted changes" when the work tree differs from it).
bench_machine() {
  cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  ram=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then commit="$commit + uncommitted changes"; fi
}

# bench_record RESULTS MARKER SECTION TITLE < DESCRIPTION
# Inserts the SECTION file just below MARKER in RESULTS, newest first. The first time (no MARKER yet) a part is
# appended: "# TITLE", the DESCRIPTION read from standard input, then MARKER.
bench_record() {
  local results=$1 marker=$2 section=$3 title=$4 description merged
  description=$(cat)
  if [[ ! -f "$results" ]] || ! grep -qxF "$marker" "$results"; then
    {
      echo
      echo "# $title"
      echo
      printf '%s\n' "$description"
      echo
      echo "$marker"
    } >> "$results"
  fi
  merged=$(mktemp)
  awk -v marker="$marker" -v section="$section" '
    { print }
    $0 == marker { print ""; while ((getline line < section) > 0) print line; close(section) }
  ' "$results" > "$merged"
  cp "$merged" "$results"
  rm -f "$merged"
  echo "== recorded in $results"
}
