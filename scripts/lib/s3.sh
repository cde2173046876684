# Starts a throw-away S3-protocol server (s3rver, from npm, pinned in scripts/s3rver) on loopback for the tests;
# source this file, then call start_s3 DIR (data and log in DIR) and, at the end, stop_s3 DIR.
# Sets SCHEMAREG_TEST_S3 to an s3:// blob-store URL for the bucket "schemareg-test", created at startup.
# s3rver accepts the key pair S3RVER / S3RVER and checks request signatures made with it.

S3_BUCKET=schemareg-test

s3_lib_dir() { cd "$(dirname "${BASH_SOURCE[0]}")" && pwd; }

s3_free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  else
    shuf -i 20000-60000 -n 1
  fi
}

# Installs s3rver from scripts/s3rver/package-lock.json when it is not there yet.
ensure_s3rver_installed() {
  local pkg
  pkg="$(s3_lib_dir)/../s3rver"
  if [ ! -f "$pkg/node_modules/s3rver/package.json" ]; then
    echo "Installing s3rver from npm..."
    (cd "$pkg" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || return 1
  fi
}

# True once anything answers HTTP on the port (s3rver answers an unsigned request with an S3 error document).
s3_answers() {
  local port=$1
  if command -v curl >/dev/null; then
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && return 0
    return 1
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# start_s3 DIR: starts s3rver with its data in DIR/data, waits until it answers, exports SCHEMAREG_TEST_S3.
start_s3() {
  local dir=$1 pkg port pid i node_flags=()
  ensure_s3rver_installed
  pkg="$(s3_lib_dir)/../s3rver"
  port=$(s3_free_port)
  mkdir -p "$dir/data"
  # s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17 and later) only has in its legacy provider.
  if node --openssl-legacy-provider -e 0 >/dev/null 2>&1; then
    node_flags=(--openssl-legacy-provider)
  fi
  node "${node_flags[@]}" "$pkg/node_modules/s3rver/bin/s3rver.js" --directory "$dir/data" --address 127.0.0.1 --port "$port" \
    --silent --no-vhost-buckets --configure-bucket "$S3_BUCKET" >"$dir/s3rver.log" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/s3rver.pid"
  for i in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "s3rver exited during startup:"; cat "$dir/s3rver.log"; return 1
    fi
    if s3_answers "$port"; then
      export SCHEMAREG_TEST_S3="s3://$S3_BUCKET?endpoint=http://127.0.0.1:$port&access_key=S3RVER&secret_key=S3RVER&path_style=true"
      return 0
    fi
    sleep 0.2
  done
  echo "s3rver did not answer on 127.0.0.1:$port within 30 s:"; cat "$dir/s3rver.log"
  kill "$pid" 2>/dev/null || true
  return 1
}

# stop_s3 DIR: stops the s3rver that start_s3 DIR started (by the process id it recorded).
stop_s3() {
  local dir=$1 pid
  [ -f "$dir/s3rver.pid" ] || return 0
  pid=$(cat "$dir/s3rver.pid")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/s3rver.pid"
}
