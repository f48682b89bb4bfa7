# lib.sh — shared helpers of the inspector CLI tests (sourced).
#   BIN        devrun-js / devrun-inspect directory (DR_BIN_DIR)
#   T          a fresh temporary directory, removed at exit
#   start_js   starts devrun-js with the given args in the background, waits
#              for "Debugger listening" and sets PID, PORT, WSURL
#   need_cri   installs chrome-remote-interface into a git-ignored directory
#              of the build tree once (skips the test when npm is missing)
set -eu
BIN=${DR_BIN_DIR:?DR_BIN_DIR not set}
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
PIDS=""
cleanup() {
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  sleep 0.2; rm -rf "$T" 2>/dev/null || { sleep 1; rm -rf "$T"; }
}
trap cleanup EXIT
trap "exit 1" INT TERM
fail() {
  echo "FAIL: $*" >&2
  if [ -n "${JSERR:-}" ] && [ -f "$JSERR" ]; then echo "--- devrun-js stderr:" >&2; cat "$JSERR" >&2; fi
  exit 1
}

# wait_for FILE REGEX [SECONDS]: waits until FILE has a line matching REGEX.
wait_for() {
  local n=$(( ${3:-20} * 20 ))
  while ! grep -qE "$2" "$1" 2>/dev/null; do
    n=$((n - 1)); [ $n -gt 0 ] || { echo "--- $1:" >&2; cat "$1" >&2 || true; fail "timed out waiting for /$2/ in $1"; }
    sleep 0.05
  done
}

start_js() {
  local err=$T/js.$$.$RANDOM.err
  "$BIN/devrun-js" "$@" >"$T/js.out" 2>"$err" &
  PID=$!
  PIDS="$PIDS $PID"
  wait_for "$err" 'Debugger listening on ws://'
  WSURL=$(grep -oE 'ws://[^ ]+' "$err" | head -1)
  PORT=$(echo "$WSURL" | sed -E 's|ws://[^:]+:([0-9]+)/.*|\1|')
  JSERR=$err
}

need_cri() {
  CRI_DIR=${DEVRUN_INSPECT_NPM:-$BIN/../inspector-npm}
  if [ ! -d "$CRI_DIR/node_modules/chrome-remote-interface" ]; then
    command -v npm >/dev/null 2>&1 || { echo "SKIP: npm not available"; exit 77; }
    mkdir -p "$CRI_DIR"
    # a package.json and --prefix keep npm in CRI_DIR: without them npm walks
    # up to the nearest directory holding a node_modules and installs (and
    # prunes) there — the checkout itself when it sits inside a node_modules
    [ -f "$CRI_DIR/package.json" ] || echo '{"private":true}' > "$CRI_DIR/package.json"
    (cd "$CRI_DIR" && npm install --prefix "$CRI_DIR" --silent --no-audit --no-fund --no-save chrome-remote-interface@0.33 >/dev/null 2>&1) ||
      fail "npm install chrome-remote-interface failed"
  fi
  export NODE_PATH="$CRI_DIR/node_modules"
}
