# The Git server of the code-push tests: Debian's git serving bare repositories over git:// with
# `git daemon` on loopback (pushes allowed, so tests push their commits as a developer would).
# Tests create repositories in TESTBED_GIT_ROOT (`git init --bare NAME.git`) and reach them at
# $TESTBED_GIT_URL/NAME.git. The same repositories are also served over smart HTTP behind Basic
# auth (`git http-backend` behind testbed/git/git-http.py) at $TESTBED_GIT_HTTP_URL/NAME.git, as a
# private repository is: user $TESTBED_GIT_HTTP_USER, password in $TESTBED_GIT_HTTP_PASSWORD_FILE.
# Sourced by testbed/up, down and env.

GIT_PORT=${TESTBED_GIT_PORT:-15400}
GIT_ROOT=$RUN/git
GIT_HTTP_PORT=${TESTBED_GIT_HTTP_PORT:-15410}
GIT_HTTP_USER=cc-git
GIT_HTTP_PASSWORD_FILE=$RUN/git-http-password

git_ready() {
  (exec 3<>"/dev/tcp/127.0.0.1/$GIT_PORT") 2>/dev/null
}

git_up() {
  ensure_packages git
  mkdir -p "$GIT_ROOT"
  # Anyone who runs the tests may create repositories here, as in /tmp.
  chmod 1777 "$GIT_ROOT"
  chmod o+x "$RUN"
  if ! is_running git-daemon; then
    if git_ready; then
      die "port $GIT_PORT for git daemon is taken by another process (set TESTBED_GIT_PORT)"
    fi
    log "starting git daemon on git://127.0.0.1:$GIT_PORT/ for $GIT_ROOT"
    # Repositories belong to whoever ran the test (safe.directory); fetching a commit by id, as a
    # pipeline does when the branch moved on, needs allowReachableSHA1InWant.
    start_daemon git-daemon env GIT_CONFIG_COUNT=2 \
      GIT_CONFIG_KEY_0=safe.directory GIT_CONFIG_VALUE_0='*' \
      GIT_CONFIG_KEY_1=uploadpack.allowReachableSHA1InWant GIT_CONFIG_VALUE_1=true \
      git daemon --reuseaddr --listen=127.0.0.1 --port="$GIT_PORT" --export-all \
      --enable=receive-pack --informative-errors --base-path="$GIT_ROOT" "$GIT_ROOT"
  fi
  wait_for 30 git_ready || die "git daemon did not start (testbed/logs git-daemon)"
  git_http_up
}

git_http_ready() {
  (exec 3<>"/dev/tcp/127.0.0.1/$GIT_HTTP_PORT") 2>/dev/null
}

# The private Git server: the same repositories over HTTP, only with the user and its password.
git_http_up() {
  if [ ! -s "$GIT_HTTP_PASSWORD_FILE" ]; then
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$GIT_HTTP_PASSWORD_FILE"
  fi
  chmod 644 "$GIT_HTTP_PASSWORD_FILE"
  if ! is_running git-http; then
    if git_http_ready; then
      die "port $GIT_HTTP_PORT for the Git HTTP server is taken by another process (set TESTBED_GIT_HTTP_PORT)"
    fi
    log "starting git http-backend with Basic auth on http://127.0.0.1:$GIT_HTTP_PORT/ for $GIT_ROOT"
    start_daemon git-http python3 "$TESTBED_ROOT/git/git-http.py" \
      "$GIT_HTTP_PORT" "$GIT_ROOT" "$GIT_HTTP_USER" "$GIT_HTTP_PASSWORD_FILE"
  fi
  wait_for 30 git_http_ready || die "the Git HTTP server did not start (testbed/logs git-http)"
}

git_env() {
  printf 'export TESTBED_GIT_URL=%q\n' "git://127.0.0.1:$GIT_PORT"
  printf 'export TESTBED_GIT_ROOT=%q\n' "$GIT_ROOT"
  printf 'export TESTBED_GIT_HTTP_URL=%q\n' "http://127.0.0.1:$GIT_HTTP_PORT"
  printf 'export TESTBED_GIT_HTTP_USER=%q\n' "$GIT_HTTP_USER"
  printf 'export TESTBED_GIT_HTTP_PASSWORD_FILE=%q\n' "$GIT_HTTP_PASSWORD_FILE"
}

git_down() {
  stop_daemon git-http
  stop_daemon git-daemon
}
