# PostgreSQL for the history store's tests: Debian's postgresql, a cluster of its own under $RUN,
# on loopback, run as the postgres system user (postgres refuses to run as root). Sourced by
# testbed/up, down and env.

POSTGRES_PORT=${TESTBED_POSTGRES_PORT:-15432}
POSTGRES_DB=containercloud
POSTGRES_USER=containercloud
POSTGRES_PASSWORD=${TESTBED_POSTGRES_PASSWORD:-testbed-secret}
POSTGRES_DIR=$RUN/postgres
POSTGRES_OS_USER=postgres

# The newest installed server's bin directory, or nothing.
postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Runs a command as the postgres system user, without a login session (setpriv execs, so the pid
# start_daemon records is the postmaster's own).
as_postgres() {
  setpriv --reuid "$POSTGRES_OS_USER" --regid "$POSTGRES_OS_USER" --init-groups \
    env HOME="$POSTGRES_DIR" "$@"
}

postgres_ready() {
  "$(postgres_bin)/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -d "$POSTGRES_DB" -U "$POSTGRES_USER"
}

postgres_up() {
  ensure_packages postgresql
  local bin
  bin=$(postgres_bin)
  [ -n "$bin" ] || die "no PostgreSQL server under /usr/lib/postgresql/*/bin"
  if is_running postgres && postgres_ready; then return 0; fi
  mkdir -p "$POSTGRES_DIR"
  chown "$POSTGRES_OS_USER:" "$POSTGRES_DIR"
  chmod 700 "$POSTGRES_DIR"
  # The runtime directory is root's; the postgres user only needs to pass through it.
  chmod o+x "$RUN"
  if [ ! -f "$POSTGRES_DIR/data/PG_VERSION" ]; then
    log "creating the PostgreSQL cluster in $POSTGRES_DIR/data"
    local pwfile=$POSTGRES_DIR/superuser-password
    as_postgres sh -c "umask 077; head -c 24 /dev/urandom | base64 > '$pwfile'"
    as_postgres "$bin/initdb" -D "$POSTGRES_DIR/data" -U postgres --pwfile="$pwfile" \
      --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >>"$LOGS/postgres.log" 2>&1 \
      || die "initdb failed (testbed/logs postgres)"
  fi
  log "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
  # fsync off: the data is disposable and the tests' crash safety is the client's transactions
  # (a killed client), not the server surviving a power cut; it spares the small machine's disk.
  start_daemon postgres setpriv --reuid "$POSTGRES_OS_USER" --regid "$POSTGRES_OS_USER" --init-groups \
    "$bin/postgres" -D "$POSTGRES_DIR/data" -p "$POSTGRES_PORT" -c listen_addresses=127.0.0.1 \
    -c unix_socket_directories="$POSTGRES_DIR" -c fsync=off -c max_connections=200
  wait_for 60 "$bin/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" \
    || die "PostgreSQL did not start (testbed/logs postgres)"
  postgres_database
}

# The role and database the tests use; created once, checked on every up.
postgres_database() {
  local psql=("$(postgres_bin)/psql" -h "$POSTGRES_DIR" -p "$POSTGRES_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [ "$(as_postgres "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$POSTGRES_USER'")" != 1 ]; then
    as_postgres "${psql[@]}" -c "CREATE ROLE $POSTGRES_USER LOGIN PASSWORD '$POSTGRES_PASSWORD'" >/dev/null
  fi
  if [ "$(as_postgres "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$POSTGRES_DB'")" != 1 ]; then
    as_postgres "${psql[@]}" -c "CREATE DATABASE $POSTGRES_DB OWNER $POSTGRES_USER" >/dev/null
  fi
  wait_for 10 postgres_ready || die "PostgreSQL does not accept $POSTGRES_USER on $POSTGRES_DB"
}

postgres_down() {
  local pidfile=$RUN/postgres.pid i
  # SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
  if is_running postgres; then
    kill -INT "$(cat "$pidfile")" 2>/dev/null || true
    for i in $(seq 1 100); do is_running postgres || break; sleep 0.1; done
  fi
  stop_daemon postgres
}

postgres_env() {
  cat <<ENV
export TESTBED_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/$POSTGRES_DB
export TESTBED_POSTGRES_USER=$POSTGRES_USER
export TESTBED_POSTGRES_PASSWORD=$POSTGRES_PASSWORD
ENV
}
