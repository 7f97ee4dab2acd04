# The IaaS emulators of the node-pool autoscaler's tests: moto's EC2 server (PyPI, in a virtual
# environment under the cache) and the joiner, which plays a new machine's user data (kubeadm
# join) by making a kwok node of every EC2 instance that carries the testbed's join token.
# Sourced by testbed/up, down and env.

# shellcheck source=../kube/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../kube/lib.sh"

EC2_PORT=${TESTBED_EC2_PORT:-15100}
MOTO_VERSION=5.2.5
MOTO_VENV=$CACHE/moto-$MOTO_VERSION
IAAS_DIR=$RUN/iaas
JOIN_TOKEN_FILE=$IAAS_DIR/join-token

# shellcheck source=openstack.sh
source "$(dirname "${BASH_SOURCE[0]}")/openstack.sh"

moto_ready() {
  curl -sf --max-time 5 "http://127.0.0.1:$EC2_PORT/moto-api/" >/dev/null
}

iaas_up() {
  if [ ! -x "$MOTO_VENV/bin/moto_server" ]; then
    python3 -m venv --help >/dev/null 2>&1 || ensure_packages python3-venv
    log "installing moto $MOTO_VERSION into $MOTO_VENV"
    python3 -m venv "$MOTO_VENV"
    "$MOTO_VENV/bin/pip" install -q "moto[server]==$MOTO_VERSION" >>"$LOGS/moto-install.log" 2>&1 \
      || die "pip could not install moto (see $LOGS/moto-install.log)"
  fi
  mkdir -p "$IAAS_DIR"
  if [ ! -s "$JOIN_TOKEN_FILE" ]; then
    # kubeadm's token format: [a-z0-9]{6}.[a-z0-9]{16}.
    (umask 077; printf '%s.%s\n' "$(head -c 64 /dev/urandom | tr -dc 'a-z0-9' | head -c 6)" \
      "$(head -c 256 /dev/urandom | tr -dc 'a-z0-9' | head -c 16)" > "$JOIN_TOKEN_FILE")
  fi
  if ! is_running moto; then
    if (exec 3<>"/dev/tcp/127.0.0.1/$EC2_PORT") 2>/dev/null; then
      die "port $EC2_PORT for moto is taken by another process (set TESTBED_EC2_PORT)"
    fi
    log "starting moto's EC2 server on 127.0.0.1:$EC2_PORT"
    start_daemon moto "$MOTO_VENV/bin/moto_server" -H 127.0.0.1 -p "$EC2_PORT"
  fi
  wait_for 60 moto_ready || die "moto did not start (testbed/logs moto)"
  if ! is_running ec2-joiner; then
    log "starting the EC2 joiner (instances with the join token become kwok nodes)"
    start_daemon ec2-joiner env AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \
      "$MOTO_VENV/bin/python" "$TESTBED_ROOT/iaas/ec2-joiner.py" \
      --endpoint "http://127.0.0.1:$EC2_PORT" --token-file "$JOIN_TOKEN_FILE" \
      --kubectl "$KUBE_BIN/kubectl" --kubeconfig "$KUBECONFIG_FILE"
  fi
  qingcloud_up
  openstack_up
}

iaas_env() {
  printf 'export TESTBED_EC2_ENDPOINT=%q\n' "http://127.0.0.1:$EC2_PORT"
  printf 'export TESTBED_JOIN_TOKEN_FILE=%q\n' "$JOIN_TOKEN_FILE"
  qingcloud_env
  openstack_env
}

iaas_down() {
  openstack_down
  qingcloud_down
  stop_daemon ec2-joiner
  stop_daemon moto
}

# The QingCloud API stand-in (testbed/iaas/qingcloud-standin.py, standard library only): checks
# every request's signature as QingCloud documents it, with the testbed's access key, and its
# joiner, which makes a kwok node of every running instance whose user data carries the join token.
QINGCLOUD_PORT=${TESTBED_QINGCLOUD_PORT:-15200}
QINGCLOUD_KEYS=$IAAS_DIR/qingcloud-keys
QINGCLOUD_SECRET_FILE=$IAAS_DIR/qingcloud-secret

qingcloud_ready() {
  curl -sf --max-time 5 "http://127.0.0.1:$QINGCLOUD_PORT/testbed/health" >/dev/null
}

qingcloud_up() {
  mkdir -p "$IAAS_DIR"
  if [ ! -s "$QINGCLOUD_KEYS" ]; then
    # QingCloud's shapes: a 20-character upper-case key id, a 40-character secret.
    local id secret
    id=QY$(head -c 256 /dev/urandom | tr -dc 'A-Z0-9' | head -c 18)
    secret=$(head -c 512 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 40)
    (umask 077; printf '%s\n' "$secret" > "$QINGCLOUD_SECRET_FILE"
     printf '%s %s\n' "$id" "$secret" > "$QINGCLOUD_KEYS")
  fi
  if ! is_running qingcloud; then
    if (exec 3<>"/dev/tcp/127.0.0.1/$QINGCLOUD_PORT") 2>/dev/null; then
      die "port $QINGCLOUD_PORT for the QingCloud stand-in is taken (set TESTBED_QINGCLOUD_PORT)"
    fi
    log "starting the QingCloud API stand-in on 127.0.0.1:$QINGCLOUD_PORT"
    start_daemon qingcloud python3 "$TESTBED_ROOT/iaas/qingcloud-standin.py" \
      --port "$QINGCLOUD_PORT" --credentials-file "$QINGCLOUD_KEYS"
  fi
  wait_for 30 qingcloud_ready || die "the QingCloud stand-in did not start (testbed/logs qingcloud)"
  if ! is_running qingcloud-joiner; then
    log "starting the QingCloud joiner (running instances with the join token become kwok nodes)"
    start_daemon qingcloud-joiner python3 "$TESTBED_ROOT/iaas/qingcloud-joiner.py" \
      --endpoint "http://127.0.0.1:$QINGCLOUD_PORT" --credentials-file "$QINGCLOUD_KEYS" \
      --token-file "$JOIN_TOKEN_FILE" --kubectl "$KUBE_BIN/kubectl" --kubeconfig "$KUBECONFIG_FILE"
  fi
}

qingcloud_env() {
  printf 'export TESTBED_QINGCLOUD_ENDPOINT=%q\n' "http://127.0.0.1:$QINGCLOUD_PORT/iaas/"
  if [ -s "$QINGCLOUD_KEYS" ]; then
    printf 'export TESTBED_QINGCLOUD_ACCESS_KEY_ID=%q\n' "$(cut -d' ' -f1 "$QINGCLOUD_KEYS")"
  fi
  printf 'export TESTBED_QINGCLOUD_SECRET_FILE=%q\n' "$QINGCLOUD_SECRET_FILE"
}

qingcloud_down() {
  stop_daemon qingcloud-joiner
  stop_daemon qingcloud
}
