# Starts a throw-away PostgreSQL on loopback for the tests; source this file, then call start_postgres DIR.
# Sets SCHEMAREG_TEST_POSTGRES to a postgres:// URL whose user may create databases.

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

ensure_postgres_installed() {
  if ! find_pg_bin >/dev/null; then
    echo "Installing PostgreSQL from Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  fi
}

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  else
    shuf -i 20000-60000 -n 1
  fi
}

# start_postgres DIR: initialises a cluster in DIR and starts it; stop_postgres DIR stops it.
start_postgres() {
  local dir=$1 bin port run_as=()
  ensure_postgres_installed
  bin=$(find_pg_bin)
  port=$(free_port)
  mkdir -p "$dir"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$dir" postgres
    chown -R postgres "$dir"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log"; return 1; }
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log"; return 1; }
  export SCHEMAREG_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
  PG_RUN_AS=("${run_as[@]}")
  PG_BIN=$bin
}

stop_postgres() {
  local dir=$1
  [ -n "${PG_BIN:-}" ] && "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
}
