# Native AOT (src/SchemaRegistry.Cli.Native) links with clang and zlib: source this file and call
# ensure_native_toolchain; it installs Debian's clang and zlib1g-dev when missing (no input asked).
ensure_native_toolchain() {
  command -v clang >/dev/null && [ -f /usr/include/zlib.h ] && return 0
  echo "Installing clang and zlib1g-dev (Native AOT) from Debian packages..."
  local sudo=()
  [ "$(id -u)" = "0" ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null
}
