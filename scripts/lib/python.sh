# The Python client's tests: Debian's python3 with python3-pytest and python3-jsonschema (installed when missing,
# as root or through sudo). Source this file, then call run_python_tests RESULTS_DIR after the dotnet build
# (the tests start the built CLI); it writes RESULTS_DIR/python.junit.xml.

python_for_tests() {
  if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi
}

ensure_python_test_packages() {
  local python
  python=$(python_for_tests || true)
  if [ -n "$python" ] && "$python" -c 'import pytest, jsonschema' >/dev/null 2>&1; then
    return 0
  fi
  echo "Installing python3-pytest and python3-jsonschema from Debian packages..."
  local sudo=()
  [ "$(id -u)" = "0" ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq python3 python3-pytest python3-jsonschema >/dev/null
}

run_python_tests() {
  local results=$1 python
  ensure_python_test_packages
  python=$(python_for_tests)
  mkdir -p "$results"
  (cd clients/python && "$python" -m pytest -q -p no:cacheprovider --junitxml="$results/python.junit.xml" tests)
}

# junit_counts FILE: prints "passed failed skipped" from a pytest JUnit XML report.
junit_counts() {
  local file=$1 suite tests failures errors skipped
  suite=$(grep -o '<testsuite [^>]*>' "$file" | head -n 1)
  attribute() { echo "$suite" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  tests=$(attribute tests); failures=$(attribute failures); errors=$(attribute errors); skipped=$(attribute skipped)
  echo "$((tests - failures - errors - skipped)) $((failures + errors)) $skipped"
}
