# Checks and unit-tests the Prometheus alert rules (deploy/monitoring/prometheus/alerts.yml) with promtool, installed from
# Debian's prometheus package when missing. Source this file, then call run_promtool_tests; it sets PROMTOOL_PASSED
# and PROMTOOL_FAILED: one for "promtool check rules", then one per test group (each *.test.yml holds a group that
# fires its alert and one that does not). A test file that promtool fails counts all its groups as failed.

ensure_promtool_installed() {
  command -v promtool >/dev/null && return 0
  echo "Installing promtool from Debian's prometheus package..."
  local sudo=()
  [ "$(id -u)" = "0" ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}

run_promtool_tests() {
  local dir=$1 file groups
  PROMTOOL_PASSED=0
  PROMTOOL_FAILED=0
  if ! ensure_promtool_installed || ! command -v promtool >/dev/null; then
    echo "promtool could not be installed: every rule test counts as failed."
    PROMTOOL_FAILED=$((1 + $(cat "$dir"/tests/*.test.yml | grep -c '^- name:')))
    return 0
  fi
  if promtool check rules "$dir"/alerts.yml; then
    PROMTOOL_PASSED=$((PROMTOOL_PASSED + 1))
  else
    PROMTOOL_FAILED=$((PROMTOOL_FAILED + 1))
  fi
  for file in "$dir"/tests/*.test.yml; do
    groups=$(grep -c '^- name:' "$file" || true)
    if (cd "$(dirname "$file")" && promtool test rules "$(basename "$file")"); then
      PROMTOOL_PASSED=$((PROMTOOL_PASSED + groups))
    else
      PROMTOOL_FAILED=$((PROMTOOL_FAILED + groups))
    fi
  done
  echo "promtool: $PROMTOOL_PASSED passed, $PROMTOOL_FAILED failed"
}
