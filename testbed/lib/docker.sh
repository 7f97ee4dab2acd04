# The Docker daemon, the registries and the local base image. Sourced by testbed/up and down.

DOCKER_SOCK=$RUN/docker.sock
TOKEN_REGISTRY_PORT=${TESTBED_TOKEN_REGISTRY_PORT:-5002}
TOKEN_REALM_PORT=${TESTBED_TOKEN_REALM_PORT:-5003}
TOKEN_SERVICE=container-cloud-testbed
TOKEN_ISSUER=container-cloud-testbed-issuer
BASE_IMAGE_REPO=testbed/busybox
# A registry whose notifications go to a webhook endpoint on a fixed loopback port, where the
# webhook end-to-end test starts `serve`; the Authorization it sends is the hook's secret.
NOTIFY_REGISTRY_PORT=${TESTBED_NOTIFY_REGISTRY_PORT:-5010}
NOTIFY_WEBHOOK_PORT=${TESTBED_NOTIFY_WEBHOOK_PORT:-5011}
NOTIFY_HOOK=testbed

docker_up() {
  ensure_packages docker.io docker-registry busybox-static apache2-utils openssl
  if ! is_running dockerd; then
    log "starting dockerd on $DOCKER_SOCK"
    mkdir -p "$RUN/docker" "$RUN/docker-exec"
    # No bridge and no iptables: test containers run with --network none, nothing is published.
    start_daemon dockerd dockerd --host "unix://$DOCKER_SOCK" --data-root "$RUN/docker" \
      --exec-root "$RUN/docker-exec" --pidfile "$RUN/docker-daemon.pid" \
      --iptables=false --ip6tables=false --bridge=none
  fi
  wait_for 60 docker_cli version || die "dockerd did not answer on $DOCKER_SOCK (see testbed/logs dockerd)"
}

docker_cli() { DOCKER_HOST=unix://$DOCKER_SOCK /usr/bin/docker "$@"; }

registries_up() {
  local dir=$RUN/registries
  mkdir -p "$dir"
  token_material
  if [ ! -f "$dir/htpasswd" ]; then
    htpasswd -Bbn "$AUTH_REGISTRY_USER" "$AUTH_REGISTRY_PASSWORD" > "$dir/htpasswd"
  fi
  registry_config open "$REGISTRY_PORT" "" > "$dir/open.yml"
  registry_config auth "$AUTH_REGISTRY_PORT" "$(printf '  htpasswd:\n    realm: container-cloud-testbed\n    path: %s' "$dir/htpasswd")" > "$dir/auth.yml"
  registry_config token "$TOKEN_REGISTRY_PORT" "$(printf '  token:\n    realm: http://127.0.0.1:%s/token\n    service: %s\n    issuer: %s\n    rootcertbundle: %s' \
    "$TOKEN_REALM_PORT" "$TOKEN_SERVICE" "$TOKEN_ISSUER" "$CACHE/token/cert.pem")" > "$dir/token.yml"
  notify_material
  { registry_config notify "$NOTIFY_REGISTRY_PORT" ""; notify_section; } > "$dir/notify.yml"
  local name
  for name in open auth token notify; do
    start_daemon "registry-$name" docker-registry serve "$dir/$name.yml"
  done
  wait_for 30 curl -fsS "http://127.0.0.1:$REGISTRY_PORT/v2/" || die "open registry did not start (testbed/logs registry-open)"
  wait_for 30 curl -sS -o /dev/null "http://127.0.0.1:$AUTH_REGISTRY_PORT/v2/" || die "auth registry did not start"
  wait_for 30 curl -sS -o /dev/null "http://127.0.0.1:$TOKEN_REGISTRY_PORT/v2/" || die "token registry did not start"
  wait_for 30 curl -fsS -o /dev/null "http://127.0.0.1:$NOTIFY_REGISTRY_PORT/v2/" || die "notifying registry did not start (testbed/logs registry-notify)"
}

# The secret the notifying registry sends as its Authorization header, made once.
notify_material() {
  local file=$CACHE/notify-secret
  [ -f "$file" ] && return 0
  mkdir -p "$CACHE"
  printf 'Bearer %s' "$(openssl rand -hex 16)" > "$file"
}

# Notifications to the webhook port: retried quickly, pulls not sent (the events that matter to
# the test are pushes), the same header on every request.
notify_section() {
  cat <<YAML
notifications:
  endpoints:
    - name: container-cloud
      url: http://127.0.0.1:$NOTIFY_WEBHOOK_PORT/hooks/registry/$NOTIFY_HOOK
      headers:
        Authorization: ["$(cat "$CACHE/notify-secret")"]
      timeout: 2s
      threshold: 3
      backoff: 1s
      ignore:
        actions: [pull]
YAML
}

# name port auth-section
registry_config() {
  cat <<YAML
version: 0.1
log:
  level: info
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: $RUN/registries/$1-data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$2
YAML
  if [ -n "$3" ]; then printf 'auth:\n%s\n' "$3"; fi
}

# The signing key of the test token issuer that the token registry trusts. Tests sign their own
# tokens with it; the registry checks them against the certificate.
token_material() {
  local dir=$CACHE/token
  [ -f "$dir/cert.pem" ] && return 0
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$TOKEN_ISSUER" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
}

# A FROM-scratch image with Debian's static busybox, pushed to the open and the auth registry.
base_image_up() {
  local ref=127.0.0.1:$REGISTRY_PORT/$BASE_IMAGE_REPO:latest
  local auth_ref=127.0.0.1:$AUTH_REGISTRY_PORT/$BASE_IMAGE_REPO:latest
  if curl -fsS -o /dev/null "http://127.0.0.1:$REGISTRY_PORT/v2/$BASE_IMAGE_REPO/manifests/latest" 2>/dev/null \
     && curl -fsS -o /dev/null -u "$AUTH_REGISTRY_USER:$AUTH_REGISTRY_PASSWORD" \
          "http://127.0.0.1:$AUTH_REGISTRY_PORT/v2/$BASE_IMAGE_REPO/manifests/latest" 2>/dev/null; then
    return 0
  fi
  log "building the busybox base image"
  local ctx=$RUN/base-image
  mkdir -p "$ctx"
  cp /bin/busybox "$ctx/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n' > "$ctx/Dockerfile"
  docker_cli build -q -t "$ref" -t "$auth_ref" -t "$BASE_IMAGE_REPO:latest" "$ctx" >/dev/null
  docker_cli push -q "$ref" >/dev/null
  printf '%s' "$AUTH_REGISTRY_PASSWORD" | DOCKER_CONFIG=$RUN/docker-config docker_cli login -u "$AUTH_REGISTRY_USER" --password-stdin "127.0.0.1:$AUTH_REGISTRY_PORT" >/dev/null 2>&1
  DOCKER_CONFIG=$RUN/docker-config docker_cli push -q "$auth_ref" >/dev/null
  rm -rf "$RUN/docker-config"
}

docker_down() {
  local name
  for name in registry-open registry-auth registry-token registry-notify; do stop_daemon "$name"; done
  if is_running dockerd; then
    stop_daemon dockerd
  fi
  # dockerd leaves its containerd child and mounts behind when killed; clean both.
  pkill -f "containerd --config $RUN/docker-exec" 2>/dev/null || true
  grep " $RUN/docker" /proc/mounts | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
}

docker_env() {
  cat <<ENV
export DOCKER_HOST=unix://$DOCKER_SOCK
export TESTBED_REGISTRY=127.0.0.1:$REGISTRY_PORT
export TESTBED_AUTH_REGISTRY=127.0.0.1:$AUTH_REGISTRY_PORT
export TESTBED_AUTH_REGISTRY_USER=$AUTH_REGISTRY_USER
export TESTBED_AUTH_REGISTRY_PASSWORD=$AUTH_REGISTRY_PASSWORD
export TESTBED_TOKEN_REGISTRY=127.0.0.1:$TOKEN_REGISTRY_PORT
export TESTBED_TOKEN_REALM_PORT=$TOKEN_REALM_PORT
export TESTBED_TOKEN_SERVICE=$TOKEN_SERVICE
export TESTBED_TOKEN_ISSUER=$TOKEN_ISSUER
export TESTBED_TOKEN_KEY=$CACHE/token/key.pem
export TESTBED_TOKEN_CERT=$CACHE/token/cert.pem
export TESTBED_BASE_IMAGE=127.0.0.1:$REGISTRY_PORT/$BASE_IMAGE_REPO:latest
export TESTBED_NOTIFY_REGISTRY=127.0.0.1:$NOTIFY_REGISTRY_PORT
export TESTBED_NOTIFY_WEBHOOK_PORT=$NOTIFY_WEBHOOK_PORT
export TESTBED_NOTIFY_HOOK=$NOTIFY_HOOK
export TESTBED_NOTIFY_SECRET_FILE=$CACHE/notify-secret
ENV
}
