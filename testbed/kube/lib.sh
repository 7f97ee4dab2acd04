# Shared settings and component command lines of the Kubernetes part of the testbed. Sourced, never
# run. Each component's command line lives here once, so testbed/kube/up and testbed/restart start
# it the same way.

# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

KUBE_DIR=$TESTBED_ROOT/kube

# Versions. The staging modules k8s.io/* are taken at v0.<minor>.<patch> of KUBE_VERSION.
# etcd: newest v3.6 the module proxy serves; Debian's 3.4 is too old for this apiserver.
KUBE_VERSION=v1.36.3
ETCD_VERSION=v3.6.16
KWOK_VERSION=v0.8.0

# Build artefacts: one folder per Kubernetes version; Go's module and build caches are shared by
# all versions so a version bump recompiles only what changed.
KUBE_CACHE=$CACHE/kube-$KUBE_VERSION
KUBE_BIN=$KUBE_CACHE/bin
GO_MODCACHE=$CACHE/go-mod
GO_BUILDCACHE=$CACHE/go-build
KUBE_BINARIES=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok)
# Written last by the build; a changed version list makes the build run again.
KUBE_BUILD_STAMP="kubernetes=$KUBE_VERSION etcd=$ETCD_VERSION kwok=$KWOK_VERSION"

kube_built() {
  local b
  for b in "${KUBE_BINARIES[@]}"; do [ -x "$KUBE_BIN/$b" ] || return 1; done
  [ "$(cat "$KUBE_BIN/VERSIONS" 2>/dev/null)" = "$KUBE_BUILD_STAMP" ]
}

# --- Runtime ---------------------------------------------------------------------------------
# Loopback ports; override by environment when something else holds one.
ETCD_PORT=${TESTBED_ETCD_PORT:-12379}
ETCD_PEER_PORT=${TESTBED_ETCD_PEER_PORT:-12380}
APISERVER_PORT=${TESTBED_APISERVER_PORT:-16443}
CONTROLLER_MANAGER_PORT=${TESTBED_CONTROLLER_MANAGER_PORT:-16257}
SCHEDULER_PORT=${TESTBED_SCHEDULER_PORT:-16259}
KWOK_PORT=${TESTBED_KWOK_PORT:-16247}

KUBE_RUN=$RUN/kube
KUBECONFIG_FILE=$KUBE_RUN/kubeconfig
# Certificates live in the cache, not in $RUN: they are made once per machine (openssl takes a
# moment), and a kubeconfig copied by a test or an IDE stays valid across down/up. They guard a
# loopback-only throw-away cluster, so a key on disk under the user's cache is acceptable.
PKI=$KUBE_CACHE/pki

# Start order; down stops them in reverse.
KUBE_COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)

# Accepts the short names too (apiserver, controller-manager, scheduler).
kube_component_name() {
  case $1 in
    etcd | kwok | kube-apiserver | kube-controller-manager | kube-scheduler) echo "$1" ;;
    apiserver | controller-manager | scheduler) echo "kube-$1" ;;
    *) return 1 ;;
  esac
}

# Sets KUBE_CMD to the command line of component $1: the one place where flags are chosen.
kube_command() {
  local common_client=(
    "--kubeconfig=$KUBECONFIG_FILE"
    "--authentication-kubeconfig=$KUBECONFIG_FILE"
    "--authorization-kubeconfig=$KUBECONFIG_FILE"
    --bind-address=127.0.0.1
    --leader-elect=false
    # Benchmarks measure the controllers, not client-side throttling.
    --kube-api-qps=5000
    --kube-api-burst=10000
  )
  case $1 in
    etcd)
      KUBE_CMD=("$KUBE_BIN/etcd"
        --name=testbed
        "--data-dir=$KUBE_RUN/etcd"
        "--listen-client-urls=http://127.0.0.1:$ETCD_PORT"
        "--advertise-client-urls=http://127.0.0.1:$ETCD_PORT"
        "--listen-peer-urls=http://127.0.0.1:$ETCD_PEER_PORT"
        "--initial-advertise-peer-urls=http://127.0.0.1:$ETCD_PEER_PORT"
        "--initial-cluster=testbed=http://127.0.0.1:$ETCD_PEER_PORT"
        --auto-compaction-retention=1
        # Throw-away data in /tmp: durability buys nothing, fsync latency would only add noise.
        --unsafe-no-fsync=true
        --log-level=warn)
      ;;
    kube-apiserver)
      KUBE_CMD=("$KUBE_BIN/kube-apiserver"
        "--etcd-servers=http://127.0.0.1:$ETCD_PORT"
        --bind-address=127.0.0.1
        "--secure-port=$APISERVER_PORT"
        # Loopback only; no Endpoints for the kubernetes Service are written anyway (reconciler none).
        --advertise-address=127.0.0.1
        --endpoint-reconciler-type=none
        "--tls-cert-file=$PKI/admin.crt"
        "--tls-private-key-file=$PKI/admin.key"
        "--client-ca-file=$PKI/ca.crt"
        "--service-account-key-file=$PKI/sa.pub"
        "--service-account-signing-key-file=$PKI/sa.key"
        --service-account-issuer=https://kubernetes.default.svc.cluster.local
        --service-cluster-ip-range=10.96.0.0/16
        --authorization-mode=Node,RBAC
        # Published in kube-system/extension-apiserver-authentication, where the controller manager
        # and the scheduler look for it (else they log an error every few seconds). No proxy
        # certificate exists; the names only make the set complete.
        "--requestheader-client-ca-file=$PKI/ca.crt"
        --requestheader-allowed-names=front-proxy-client
        --requestheader-username-headers=X-Remote-User
        --requestheader-group-headers=X-Remote-Group
        --requestheader-extra-headers-prefix=X-Remote-Extra-
        --allow-privileged=true
        # Benchmarks: no server-side request throttling.
        --max-requests-inflight=0
        --max-mutating-requests-inflight=0
        --enable-priority-and-fairness=false
        # Close open watches within 2 s on TERM instead of waiting on them (a restart takes 10 s+).
        --shutdown-watch-termination-grace-period=2s)
      ;;
    kube-controller-manager)
      KUBE_CMD=("$KUBE_BIN/kube-controller-manager"
        "${common_client[@]}"
        "--secure-port=$CONTROLLER_MANAGER_PORT"
        "--root-ca-file=$PKI/ca.crt"
        "--service-account-private-key-file=$PKI/sa.key")
      ;;
    kube-scheduler)
      KUBE_CMD=("$KUBE_BIN/kube-scheduler"
        "${common_client[@]}"
        "--secure-port=$SCHEDULER_PORT")
      ;;
    kwok)
      KUBE_CMD=("$KUBE_BIN/kwok"
        "--kubeconfig=$KUBECONFIG_FILE"
        "--config=$KUBE_RUN/kwok.yaml"
        --manage-all-nodes=false
        --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake
        "--server-address=127.0.0.1:$KWOK_PORT"
        # kwok keeps each node's Lease fresh, so the node lifecycle controller sees them alive.
        --node-lease-duration-seconds=40
        # Fake pod IPs (strings in pod status, never routed): room for benchmarks' pod counts.
        --cidr=10.0.0.0/16)
      ;;
    *) die "unknown component $1" ;;
  esac
}

kube_curl() {
  curl -sf --max-time 5 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" "$@"
}

# Succeeds when component $1 answers its health endpoint.
kube_healthy() {
  case $1 in
    etcd) curl -sf --max-time 5 "http://127.0.0.1:$ETCD_PORT/health" | grep -q '"health":"true"' ;;
    kube-apiserver) [ "$(kube_curl "https://127.0.0.1:$APISERVER_PORT/readyz")" = ok ] ;;
    kube-controller-manager) [ "$(curl -sfk --max-time 5 "https://127.0.0.1:$CONTROLLER_MANAGER_PORT/healthz")" = ok ] ;;
    kube-scheduler) [ "$(curl -sfk --max-time 5 "https://127.0.0.1:$SCHEDULER_PORT/readyz")" = ok ] ;;
    kwok) [ "$(curl -sf --max-time 5 "http://127.0.0.1:$KWOK_PORT/healthz")" = ok ] ;;
  esac
}

# Serialises up, down and restart (two callers would start a component twice). Held on fd 9
# until the script exits; kube_start keeps it from the daemons.
kube_lock() {
  exec 9>"$RUN/kube.lock"
  flock 9
}

kube_port() {
  case $1 in
    etcd) echo "$ETCD_PORT" ;; kube-apiserver) echo "$APISERVER_PORT" ;;
    kube-controller-manager) echo "$CONTROLLER_MANAGER_PORT" ;; kube-scheduler) echo "$SCHEDULER_PORT" ;;
    kwok) echo "$KWOK_PORT" ;;
  esac
}

# Starts component $1 unless it runs, and waits until it is healthy.
kube_start() {
  local name=$1
  if ! is_running "$name"; then
    # Something else on our port would answer the health check in our component's stead.
    if (exec 3<>"/dev/tcp/127.0.0.1/$(kube_port "$name")") 2>/dev/null; then
      die "port $(kube_port "$name") of $name is taken by another process (see TESTBED_*_PORT in testbed/kube/lib.sh)"
    fi
    kube_command "$name"
    printf '\n----- %s testbed: starting %s\n' "$(date -u +%FT%TZ)" "${KUBE_CMD[*]}" >> "$LOGS/$name.log"
    # 9>&-: the daemon must not inherit the lock that testbed/kube/up holds on fd 9.
    start_daemon "$name" "${KUBE_CMD[@]}" 9>&-
  fi
  local deadline=$((SECONDS + ${TESTBED_START_TIMEOUT:-120}))
  until kube_healthy "$name"; do
    if ! is_running "$name"; then
      tail -n 40 "$LOGS/$name.log" >&2
      die "$name exited; its log is $LOGS/$name.log"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 40 "$LOGS/$name.log" >&2
      die "$name not healthy after ${TESTBED_START_TIMEOUT:-120} s; its log is $LOGS/$name.log"
    fi
    sleep 0.2
  done
}

kubectl_() { "$KUBE_BIN/kubectl" --kubeconfig="$KUBECONFIG_FILE" "$@"; }

# Creates or updates kwok-managed Nodes NAME... with CPU, MEMORY, PODS from the environment
# variables NODE_CPU, NODE_MEMORY, NODE_PODS of the caller, and waits until they are Ready.
kube_apply_nodes() {
  local n cap
  cap=$(printf '{"cpu":"%s","memory":"%s","pods":"%s"}' "$NODE_CPU" "$NODE_MEMORY" "$NODE_PODS")
  for n in "$@"; do
    cat <<YAML
apiVersion: v1
kind: Node
metadata:
  name: $n
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
  labels:
    type: kwok
    kubernetes.io/hostname: $n
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
status:
  capacity: $cap
  allocatable: $cap
---
YAML
  done | kubectl_ apply -f - >/dev/null
  # Status given on create is kept, but apply ignores it on an existing node: patch it there.
  for n in "$@"; do
    kubectl_ patch node "$n" --subresource=status --type=merge \
      -p "{\"status\":{\"capacity\":$cap,\"allocatable\":$cap}}" >/dev/null
  done
  kubectl_ wait --for=condition=Ready --timeout=60s "${@/#/node/}" >/dev/null ||
    die "node(s) $* not Ready after 60 s; see $LOGS/kwok.log"
}

# --- kwok stages ------------------------------------------------------------------------------
# kwok exits with "no stages found" without Stage objects in its config. The standard ones ship
# in its Go module; they are copied from the module cache, not kept in this repository.
KWOK_STANDARD_STAGES=(
  node/fast/node-initialize.yaml
  node/heartbeat-with-lease/node-heartbeat-with-lease.yaml
  pod/fast/pod-ready.yaml
  pod/fast/pod-complete.yaml
  pod/fast/pod-delete.yaml
)
KWOK_STAGES=$KUBE_CACHE/kwok-stages
# Pods that our own stages (testbed/kube/stages/) handle: the first container's image tag ends in
# one of these suffixes. The regex is the one those stages use.
KWOK_SPECIAL_TAG_REGEX=':[^/:@]*-(neverready|crashloop)(@.*)?$'

kube_copy_kwok_stages() {
  local f src="" missing=0
  for f in "${KWOK_STANDARD_STAGES[@]}"; do [ -f "$KWOK_STAGES/$f" ] || missing=1; done
  [ $missing = 1 ] || return 0
  src=$(GOMODCACHE=$GO_MODCACHE GOFLAGS=-modcacherw GOTOOLCHAIN=local \
    go mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" | jq -r .Dir)/kustomize/stage
  for f in "${KWOK_STANDARD_STAGES[@]}"; do
    [ -f "$src/$f" ] || die "kwok $KWOK_VERSION has no stage $f in its module ($src)"
    mkdir -p "$(dirname "$KWOK_STAGES/$f")"
    cp "$src/$f" "$KWOK_STAGES/$f"
  done
}

# Prints kwok's config: the KwokConfiguration header, the standard stages, ours. kwok picks at
# random among stages that match a pod, so the standard pod-ready stage gets one more
# matchExpression that leaves the "-neverready"/"-crashloop" pods to our stages.
kube_kwok_config() {
  local f out
  # kwok v0.8 applies its defaults only when the config has no KwokConfiguration: given one, every
  # option it leaves out is zero (and a zero parallelism makes kwok exit). So all are spelled out,
  # with kwok's default values; cidr, node selection, lease and address come from the flags.
  cat <<'YAML'
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokConfiguration
options:
  enableDebuggingHandlers: true
  enableContentionProfiling: false
  enableProfilingHandler: true
  podPlayStageParallelism: 4
  nodePlayStageParallelism: 4
  nodeLeaseParallelism: 4
  podsOnNodeSyncParallelism: 1
  enablePodsOnNodeSyncListPager: true
  enablePodsOnNodeSyncStreamWatch: false
YAML
  for f in "${KWOK_STANDARD_STAGES[@]}"; do
    printf -- '---\n'
    if [ "$(basename "$f")" = pod-ready.yaml ]; then
      out=$(awk -v re="$KWOK_SPECIAL_TAG_REGEX" '
        { print }
        /^ *matchExpressions: *$/ && !done {
          ind = $0; sub(/matchExpressions:.*/, "", ind)
          print ind "# added by testbed/kube: pods of the -neverready/-crashloop convention are not made Ready"
          print ind "- jq:"
          print ind "    key: '\''.spec.containers[0].image | test(\"" re "\")'\''"
          print ind "    operator: NotIn"
          print ind "    values: [\"true\"]"
          done = 1
        }' "$KWOK_STAGES/$f")
      grep -q 'added by testbed/kube' <<<"$out" || die "could not add the exclusion to kwok's pod-ready stage"
      printf '%s\n' "$out"
    else
      cat "$KWOK_STAGES/$f"
    fi
  done
  for f in "$KUBE_DIR"/stages/*.yaml; do
    printf -- '---\n'
    cat "$f"
  done
}
