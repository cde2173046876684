# Starts a throw-away MariaDB on loopback for the tests; source this file, then call start_mariadb DIR.
# Sets SCHEMAREG_TEST_MYSQL to a mysql:// URL whose user may create and drop databases.
# Installs Debian's mariadb-server when no server binary is found (the package's own service is not used).

find_mariadb_bin() {
  # find_mariadb_bin NAME...: the first of the programs found on PATH or in the sbin folders.
  local name dir
  for name in "$@"; do
    command -v "$name" 2>/dev/null && return 0
    for dir in /usr/sbin /usr/local/sbin /usr/libexec; do
      [ -x "$dir/$name" ] && { echo "$dir/$name"; return 0; }
    done
  done
  return 1
}

ensure_mariadb_installed() {
  if ! find_mariadb_bin mariadbd mysqld >/dev/null || ! find_mariadb_bin mariadb-install-db mysql_install_db >/dev/null; then
    echo "Installing MariaDB from Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq mariadb-server >/dev/null
  fi
}

mariadb_free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  else
    shuf -i 20000-60000 -n 1
  fi
}

# start_mariadb DIR: initialises a data directory in DIR and starts the server on 127.0.0.1 (socket in DIR);
# stop_mariadb DIR stops it.
start_mariadb() {
  local dir=$1 server install client port password run_as=() i
  ensure_mariadb_installed
  server=$(find_mariadb_bin mariadbd mysqld)
  install=$(find_mariadb_bin mariadb-install-db mysql_install_db)
  client=$(find_mariadb_bin mariadb mysql)
  port=$(mariadb_free_port)
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$dir/data" "$dir/tmp"
  if [ "$(id -u)" = "0" ]; then
    # The server refuses to run as root: like PostgreSQL, it runs as its own system user.
    id mysql >/dev/null 2>&1 || useradd --system --home "$dir" mysql
    chown -R mysql "$dir"
    run_as=(runuser -u mysql --)
  fi
  "${run_as[@]}" "$install" --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve >"$dir/install.log" 2>&1 \
    || { cat "$dir/install.log"; return 1; }
  # Loopback only; durability traded for speed like PostgreSQL's fsync=off (a test server holds nothing of value).
  "${run_as[@]}" "$server" --no-defaults --datadir="$dir/data" --tmpdir="$dir/tmp" \
    --bind-address=127.0.0.1 --port="$port" --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" \
    --log-error="$dir/server.log" --skip-name-resolve --max-connections=500 \
    --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --innodb-use-native-aio=0 \
    >/dev/null 2>&1 </dev/null &
  MARIADB_PID=$!
  for i in $(seq 1 120); do
    if "$client" --no-defaults --protocol=socket --socket="$dir/mysqld.sock" -uroot -e "SELECT 1" >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$MARIADB_PID" 2>/dev/null || [ "$i" = 120 ]; then
      echo "MariaDB did not start:"; cat "$dir/server.log" 2>/dev/null; return 1
    fi
    sleep 0.5
  done
  "$client" --no-defaults --protocol=socket --socket="$dir/mysqld.sock" -uroot -e "
    CREATE USER 'schemareg'@'127.0.0.1' IDENTIFIED BY '$password';
    GRANT ALL PRIVILEGES ON *.* TO 'schemareg'@'127.0.0.1' WITH GRANT OPTION;" \
    || { cat "$dir/server.log"; return 1; }
  export SCHEMAREG_TEST_MYSQL="mysql://schemareg:$password@127.0.0.1:$port/mysql"
  MARIADB_DIR=$dir
}

stop_mariadb() {
  local dir=$1 pid="" i
  [ -f "$dir/mysqld.pid" ] && pid=$(cat "$dir/mysqld.pid" 2>/dev/null)
  [ -z "$pid" ] && [ "${MARIADB_DIR:-}" = "$dir" ] && pid=${MARIADB_PID:-}
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  # A clean shutdown takes a moment; do not leave the folder to be deleted under a running server.
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
}
