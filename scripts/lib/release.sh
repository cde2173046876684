# Release helpers; source this file. write_checksums DIR writes DIR/SHA256SUMS: one "HASH  NAME" line per file in DIR
# (sorted by name, the file itself left out), the format `sha256sum -c SHA256SUMS` checks.
write_checksums() {
  local dir=$1
  (
    cd "$dir"
    find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort | while IFS= read -r name; do
      sha256sum -- "$name"
    done > SHA256SUMS
  )
}

# python_version SEMVER: the PEP 440 spelling of a MinVer version, for the wheel
# (1.2.3 -> 1.2.3; 1.2.3-rc.1 -> 1.2.3rc1; 0.0.0-alpha.0.122 -> 0.0.0a0.post122; build metadata dropped).
python_version() {
  python3 "$(dirname "${BASH_SOURCE[0]}")/../../clients/python/build.py" --pep440 "$1"
}
