# Debian's chromium for the console's browser tests (Playwright drives it; no browser is downloaded).
# Source this file, then call ensure_chromium_installed; it sets SCHEMAREG_CHROMIUM to the executable.

ensure_chromium_installed() {
  local path
  path=$(command -v chromium || true)
  if [ -z "$path" ]; then
    echo "Installing chromium from Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
    path=$(command -v chromium)
  fi
  export SCHEMAREG_CHROMIUM=$path
}
