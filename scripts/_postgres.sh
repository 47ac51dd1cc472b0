# A throwaway PostgreSQL cluster on loopback for the tests marked `postgres`. Sourced.
start_test_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$bin" ] || { echo "PostgreSQL is not installed" >&2; return 1; }
  PG_TEST_DIR="$(mktemp -d /tmp/pathways-pg.XXXXXX)"
  # a free port, so a second run (or another developer's server) never collides
  local port="${PATHWAYS_TEST_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_TEST_DIR"
    run=(su postgres -s /bin/sh -c)
  else
    run=(sh -c)
  fi
  "${run[@]}" "$bin/initdb -D $PG_TEST_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  # the superuser needs no password on loopback; every other role (the users' own login roles
  # made by 'pathways db setup-server' and 'user add') must give its SCRAM password, as on a
  # team's real server
  "${run[@]}" "printf '%s\\n' 'local all all trust' 'host all postgres 127.0.0.1/32 trust' 'host all postgres ::1/128 trust' 'host all all 127.0.0.1/32 scram-sha-256' 'host all all ::1/128 scram-sha-256' > $PG_TEST_DIR/data/pg_hba.conf"
  "${run[@]}" "$bin/pg_ctl -D $PG_TEST_DIR/data -l $PG_TEST_DIR/data/server.log -o '-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off' -w start >/dev/null"
  export PG_TEST_BIN="$bin" PG_TEST_DIR PG_TEST_RUN="${run[*]}"
  export PATHWAYS_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL for tests on 127.0.0.1:$port" >&2
}

stop_test_postgres() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$PG_TEST_BIN/pg_ctl -D $PG_TEST_DIR/data -m fast stop" >/dev/null 2>&1 || true
  else
    "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_TEST_DIR"
}
