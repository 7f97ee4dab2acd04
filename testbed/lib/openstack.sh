# The OpenStack part of the autoscaler's IaaS: goose's test doubles (Keystone v3 + Nova, Debian's
# golang-gopkg-goose.v1-dev) served by testbed/iaas/openstack-emulator, built here in GOPATH mode
# and cached by its source's hash, and the joiner that makes a kwok node of every server whose user
# data carries the testbed's join token. Sourced by lib/iaas.sh, which calls these functions.

OPENSTACK_PORT=${TESTBED_OPENSTACK_PORT:-15300}
OPENSTACK_USER=admin
OPENSTACK_PROJECT=admin
OPENSTACK_PASSWORD_FILE=$IAAS_DIR/openstack-password

openstack_emulator_bin() {
  local hash
  hash=$(cat "$TESTBED_ROOT/iaas/openstack-emulator/main.go" | sha256sum | cut -c1-12)
  printf '%s\n' "$CACHE/openstack-emulator-$hash/openstack-emulator"
}

# Any HTTP answer will do (Nova's root wants a token and says 401).
openstack_ready() {
  curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$OPENSTACK_PORT/" | grep -qv '^000$'
}

openstack_up() {
  local bin
  bin=$(openstack_emulator_bin)
  if [ ! -x "$bin" ]; then
    ensure_packages golang-gopkg-goose.v1-dev
    command -v go >/dev/null || die "the go tool is needed to build the OpenStack emulator"
    log "building the OpenStack emulator (goose v1 testservices) into $bin"
    mkdir -p "$(dirname "$bin")"
    # GOPATH mode: goose v1 and its dependencies are Debian's sources under /usr/share/gocode.
    # -l: goose's control hooks find their function by the caller's name, which inlining hides.
    (cd "$TESTBED_ROOT/iaas/openstack-emulator" && GO111MODULE=off GOPATH=/usr/share/gocode \
      GOCACHE=$GO_BUILDCACHE GOFLAGS= GOTOOLCHAIN=local CGO_ENABLED=0 \
      go build -gcflags=all=-l -o "$bin.tmp" main.go) >>"$LOGS/openstack-build.log" 2>&1 \
      || die "could not build the OpenStack emulator (see $LOGS/openstack-build.log)"
    mv "$bin.tmp" "$bin"
  fi
  if [ ! -s "$OPENSTACK_PASSWORD_FILE" ]; then
    (umask 077; head -c 256 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 24 > "$OPENSTACK_PASSWORD_FILE")
  fi
  if ! is_running openstack-emulator; then
    if (exec 3<>"/dev/tcp/127.0.0.1/$OPENSTACK_PORT") 2>/dev/null; then
      die "port $OPENSTACK_PORT for the OpenStack emulator is taken (set TESTBED_OPENSTACK_PORT)"
    fi
    log "starting the OpenStack emulator (Keystone v3 + Nova) on 127.0.0.1:$OPENSTACK_PORT"
    start_daemon openstack-emulator "$bin" -listen "127.0.0.1:$OPENSTACK_PORT" \
      -user "$OPENSTACK_USER" -project "$OPENSTACK_PROJECT" -password-file "$OPENSTACK_PASSWORD_FILE"
  fi
  wait_for 30 openstack_ready || die "the OpenStack emulator did not start (testbed/logs openstack-emulator)"
  if ! is_running openstack-joiner; then
    log "starting the OpenStack joiner (servers with the join token become kwok nodes)"
    start_daemon openstack-joiner python3 "$TESTBED_ROOT/iaas/openstack-joiner.py" \
      --auth-url "http://127.0.0.1:$OPENSTACK_PORT/v3" --user "$OPENSTACK_USER" \
      --project "$OPENSTACK_PROJECT" --password-file "$OPENSTACK_PASSWORD_FILE" \
      --token-file "$JOIN_TOKEN_FILE" --kubectl "$KUBE_BIN/kubectl" --kubeconfig "$KUBECONFIG_FILE"
  fi
}

openstack_env() {
  printf 'export TESTBED_OPENSTACK_AUTH_URL=%q\n' "http://127.0.0.1:$OPENSTACK_PORT/v3"
  printf 'export TESTBED_OPENSTACK_USER=%q\n' "$OPENSTACK_USER"
  printf 'export TESTBED_OPENSTACK_PROJECT=%q\n' "$OPENSTACK_PROJECT"
  printf 'export TESTBED_OPENSTACK_PASSWORD_FILE=%q\n' "$OPENSTACK_PASSWORD_FILE"
}

openstack_down() {
  stop_daemon openstack-joiner
  stop_daemon openstack-emulator
}
