# Starts a PostgreSQL server for tests as the `postgres` user (initdb refuses root) in a fresh
# data directory on a free port of 127.0.0.1, and exports DATABASE_URL. Source it, then call
# start_test_postgres; stop_test_postgres stops it and removes the directory.
start_test_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_TEST_DIR=$(mktemp -d /tmp/tiaodu-pg.XXXXXX)
  chown postgres:postgres "$PG_TEST_DIR"
  PG_TEST_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  su postgres -s /bin/bash -c "'$PG_BIN/initdb' -D '$PG_TEST_DIR/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  su postgres -s /bin/bash -c "'$PG_BIN/pg_ctl' -D '$PG_TEST_DIR/data' -l '$PG_TEST_DIR/log' -w start \
    -o \"-p $PG_TEST_PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB\" >/dev/null"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_TEST_PORT/postgres"
  export PG_TEST_DIR PG_BIN
  echo "ci: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_TEST_PORT"
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
    su postgres -s /bin/bash -c "'$PG_BIN/pg_ctl' -D '$PG_TEST_DIR/data' -m immediate stop >/dev/null" || true
    rm -rf "$PG_TEST_DIR"
  fi
}
