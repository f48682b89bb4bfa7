# Helpers for test/cli/net/*.sh (devrun-js network modules against real
# clients and npm packages).
#   need CMD...       skips the test (exit 77) when a command is missing
#   need_npm PKG@VER  installs an npm package once into a git-ignored
#                     directory of the build tree (skips without npm or a
#                     reachable registry); sets NPM_DIR
#   start_js ARGS...  starts devrun-js in the background (stdout $JSOUT,
#                     stderr $JSERR), PID in $PID
#   wait_for FILE REGEX [SECONDS]
# Real apps (03- and later; sources, pinned package.json/package-lock.json and
# the transcripts recorded from Node 20 are in apps/):
#   need_apps         `npm ci` of apps/package-lock.json, once, into a
#                     git-ignored directory of the build tree (skips only
#                     without npm or a reachable registry); sets APPS_NM
#   setup_app         copies apps/ to $T/app (node_modules linked, files of
#                     public/ given a fixed mtime so ETag/Last-Modified are
#                     the same in every run); sets APP
#   req LABEL CURL-ARGS...  one curl request; appends the status line, the
#                     headers but Date, and the body to $OUT
#   check_out NAME    compares $OUT with apps/expected/NAME.out
#                     (DR_NET_RECORD=1: writes it instead, see record-apps)
#   start_redis       starts redis-server on a free loopback port, without
#                     persistence, in $T/redis; sets RPORT and RPID (killed
#                     on exit like every process in $PIDS); stop_redis
# DR_NET_RUNTIME replaces devrun-js (record-apps sets it to node).
set -eu
BIN=$(cd "${DR_BIN_DIR:?DR_BIN_DIR not set}" && pwd)
JS=${DR_NET_RUNTIME:-$BIN/devrun-js}
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
PIDS=""
cleanup() {
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  rm -rf "$T" 2>/dev/null || { sleep 1; rm -rf "$T"; }
}
trap cleanup EXIT
trap "exit 1" INT TERM
fail() {
  echo "FAIL: $*" >&2
  if [ -n "${JSERR:-}" ] && [ -f "$JSERR" ]; then echo "--- devrun-js stderr:" >&2; cat "$JSERR" >&2; fi
  exit 1
}
need() {
  for c in "$@"; do command -v "$c" >/dev/null 2>&1 || { echo "SKIP: $c not available"; exit 77; }; done
}
need_npm() {
  NPM_DIR=${DEVRUN_NET_NPM:-$BIN/../net-npm}
  local name=${1%@*}
  if [ ! -d "$NPM_DIR/node_modules/$name" ]; then
    need npm
    mkdir -p "$NPM_DIR"
    (cd "$NPM_DIR" && [ -f package.json ] || echo '{"private":true}' > package.json)
    (cd "$NPM_DIR" && timeout 180 npm install --prefix "$NPM_DIR" --silent --no-audit --no-fund --no-save "$1" >/dev/null 2>&1) ||
      { echo "SKIP: npm install $1 failed (registry unreachable?)"; exit 77; }
  fi
}
start_js() {
  JSOUT=$T/js.out JSERR=$T/js.err
  : >"$JSOUT"  # emptied before the start: wait_for must not see an earlier run's lines
  "$JS" "$@" >"$JSOUT" 2>"$JSERR" &
  PID=$!
  PIDS="$PIDS $PID"
}
wait_for() {
  local file=$1 re=$2 secs=${3:-30} i=0
  while [ $i -lt $((secs * 10)) ]; do
    grep -qE "$re" "$file" 2>/dev/null && return 0
    kill -0 "$PID" 2>/dev/null || fail "devrun-js exited while waiting for /$re/ in $file"
    sleep 0.1
    i=$((i + 1))
  done
  fail "timed out waiting for /$re/ in $file"
}
need_apps() {
  APPS_DIR=${DEVRUN_NET_APPS:-$BIN/../net-apps}
  APPS_NM=$APPS_DIR/node_modules
  mkdir -p "$APPS_DIR"
  # one installer at a time (ctest -j runs the app tests together)
  exec 8>"$APPS_DIR/.lock"
  command -v flock >/dev/null 2>&1 && flock 8
  if ! cmp -s "$HERE/apps/package-lock.json" "$APPS_NM/.devrun-installed" 2>/dev/null; then
    need npm
    cp "$HERE/apps/package.json" "$HERE/apps/package-lock.json" "$APPS_DIR/"
    rm -f "$APPS_NM/.devrun-installed"
    # under CTest's 240 s TIMEOUT of the first test to get the lock
    (cd "$APPS_DIR" && timeout 180 npm ci --prefix "$APPS_DIR" --ignore-scripts --no-audit --no-fund \
      --loglevel=error >"$APPS_DIR/npm.log" 2>&1) || {
      if (cd "$APPS_DIR" && npm ping --fetch-retries=1 --fetch-timeout=20000 >/dev/null 2>&1); then
        cat "$APPS_DIR/npm.log" >&2
        fail "npm ci failed with the registry reachable"
      fi
      echo "SKIP: npm ci failed (registry unreachable?)"
      exit 77
    }
    cp "$HERE/apps/package-lock.json" "$APPS_NM/.devrun-installed"
  fi
  exec 8>&-
}
setup_app() {
  APP=$T/app
  mkdir -p "$APP"
  (cd "$HERE/apps" && tar --exclude=expected --exclude='package*.json' -cf - .) | (cd "$APP" && tar -xf -)
  ln -s "$APPS_NM" "$APP/node_modules"
  # error pages without stack traces (they name paths and runtime internals)
  export NODE_ENV=production
  find "$APP/public" -exec touch -h -d '2024-01-02 03:04:05 UTC' {} + 2>/dev/null || true
  OUT=$T/transcript
  : >"$OUT"
}
# req LABEL CURL-ARGS...: binary bodies (anything curl's content type does not
# call text, json or html), and every body when HASH_BODY=1, are shown as
# their size and SHA-256
req() {
  local label=$1
  shift
  rm -f "$T/h" "$T/b"
  curl -sS --max-time 20 -D "$T/h" -o "$T/b" "$@" 2>"$T/curl.err" || { cat "$T/curl.err" >&2; fail "curl $label"; }
  [ -f "$T/b" ] || : >"$T/b"
  case " $* " in *" -I "*) : >"$T/b" ;; esac  # HEAD: curl writes the head to -o too
  {
    echo "### $label"
    tr -d '\r' <"$T/h" | grep -v -i '^date:' | sed '/^$/d'
    if [ "${HASH_BODY:-}" != 1 ] && { grep -qiE '^content-type: *(text/|application/json)' "$T/h" || [ ! -s "$T/b" ]; }; then
      cat "$T/b"
      [ -s "$T/b" ] && [ "$(tail -c1 "$T/b" | od -An -c | tr -d ' ')" != '\n' ] && echo ' <no newline at end>'
    else
      echo "<$(wc -c <"$T/b") bytes sha256 $(sha256sum "$T/b" | cut -d' ' -f1)>"
    fi
    echo
  } >>"$OUT"
}
check_out() {
  local want=$HERE/apps/expected/$1.out
  if [ "${DR_NET_RECORD:-}" = 1 ]; then
    mkdir -p "$HERE/apps/expected"
    cp "$OUT" "$want"
    echo "recorded $want"
    return 0
  fi
  diff -u "$want" "$OUT" || fail "$1: responses differ from Node 20's (apps/expected/$1.out)"
}
# wait_exit [SECONDS]: wait for the background devrun-js to exit by
# itself (after the app closed its server); fails after SECONDS (default 20)
wait_exit() {
  local secs=${1:-20} i=0
  while kill -0 "$PID" 2>/dev/null; do
    [ $i -lt $((secs * 10)) ] || fail "devrun-js still running ${secs}s after its server closed"
    sleep 0.1
    i=$((i + 1))
  done
  wait "$PID" || fail "devrun-js exited with status $?"
}
start_redis() {
  need redis-server python3
  mkdir -p "$T/redis"
  # a free port: ask the kernel for one, then let redis-server bind it;
  # another process may take it in between, so a few tries
  local started=no
  for _ in 1 2 3 4 5; do
    RPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    : >"$T/redis.log"
    # timeout: the server dies within 5 minutes even if the test is killed
    # with SIGKILL and cannot run its cleanup
    timeout 300 redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no \
      --dir "$T/redis" --logfile "$T/redis.log" --daemonize no >/dev/null 2>&1 &
    RPID=$!
    PIDS="$PIDS $RPID"
    for _ in $(seq 100); do
      grep -q 'Ready to accept connections' "$T/redis.log" && { started=yes; break; }
      kill -0 "$RPID" 2>/dev/null || break
      sleep 0.1
    done
    [ $started = yes ] && return 0
    kill "$RPID" 2>/dev/null || true
    wait "$RPID" 2>/dev/null || true
  done
  cat "$T/redis.log" >&2
  fail "redis-server did not start"
}
stop_redis() {
  kill "$RPID" 2>/dev/null || true
  wait "$RPID" 2>/dev/null || true
}
