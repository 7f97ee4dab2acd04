# Shared settings of the testbed scripts. Sourced, never run.
# Build artefacts (binaries, certificates, caches) live under CACHE; runtime state (sockets, data,
# logs, pids) under RUN. Neither is inside the repository.

TESTBED_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${TESTBED_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/container-cloud/testbed}
RUN=${TESTBED_RUN_DIR:-/tmp/container-cloud-testbed}
LOGS=$RUN/logs

# Loopback ports; override by environment when something else holds one.
REGISTRY_PORT=${TESTBED_REGISTRY_PORT:-5000}
AUTH_REGISTRY_PORT=${TESTBED_AUTH_REGISTRY_PORT:-5001}
AUTH_REGISTRY_USER=${TESTBED_AUTH_REGISTRY_USER:-ci}
AUTH_REGISTRY_PASSWORD=${TESTBED_AUTH_REGISTRY_PASSWORD:-testbed-secret}

mkdir -p "$CACHE" "$RUN" "$LOGS"

log() { printf '[testbed] %s\n' "$*" >&2; }
die() { printf '[testbed] error: %s\n' "$*" >&2; exit 1; }

# Starts a command in the background, detached, with its output in $LOGS/<name>.log and its pid in
# $RUN/<name>.pid. A no-op when that pid is still alive.
start_daemon() {
  local name=$1; shift
  if is_running "$name"; then return 0; fi
  setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
}

is_running() {
  local pidfile=$RUN/$1.pid
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

# Stops a daemon started by start_daemon: TERM, then KILL after a bounded wait.
stop_daemon() {
  local name=$1 pidfile=$RUN/$1.pid pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Waits until a command succeeds, at most $1 seconds.
wait_for() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# Installs Debian packages that are missing (apt-get update once, only when something is missing).
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages ${missing[*]}: run testbed/up as root"
  log "installing ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
