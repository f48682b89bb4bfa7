# Helpers for test/cli/net/*.sh (devrun-js network modules against real
# clients and npm packages).
#   need CMD...       skips the test (exit 77) when a command is missing
#   need_npm PKG@VER  installs an npm package once into a git-ignored
#                     directory of the build tree (skips without npm or a
#                     reachable registry); sets NPM_DIR
#   start_js ARGS...  starts devrun-js in the background (stdout $JSOUT,
#                     stderr $JSERR), PID in $PID
#   wait_for FILE REGEX [SECONDS]
set -eu
BIN=${DR_BIN_DIR:?DR_BIN_DIR not set}
JS=$BIN/devrun-js
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
