# The Git server of the code-push tests: Debian's git serving bare repositories over git:// with
# `git daemon` on loopback (pushes allowed, so tests push their commits as a developer would).
# Tests create repositories in TESTBED_GIT_ROOT (`git init --bare NAME.git`) and reach them at
# $TESTBED_GIT_URL/NAME.git. Sourced by testbed/up, down and env.

GIT_PORT=${TESTBED_GIT_PORT:-15400}
GIT_ROOT=$RUN/git

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
}

git_env() {
  printf 'export TESTBED_GIT_URL=%q\n' "git://127.0.0.1:$GIT_PORT"
  printf 'export TESTBED_GIT_ROOT=%q\n' "$GIT_ROOT"
}

git_down() {
  stop_daemon git-daemon
}
