# lib.sh — helpers for the devrun-repl CLI tests (sourced).
#
#   need_node               exit 77 (CTest SKIP_RETURN_CODE) when node is absent
#   start_node FILE [PORT]  node --inspect=127.0.0.1:PORT FILE in the background;
#                           sets NODE_PID and NODE_PORT (read from its stderr)
#   tmux_start CMD          a private tmux server (own socket) running CMD
#   wait_screen REGEX [S]   poll capture-pane until REGEX matches (default 30 s)
#   screen                  print the current screen
# Everything waits on observable events with generous timeouts; nothing
# sleeps for a fixed time to let something happen.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPL="${DR_BIN_DIR:?DR_BIN_DIR not set}/devrun-repl"
T=$(mktemp -d "${TMPDIR:-/tmp}/devrun-repl-test.XXXXXX")
export DEVRUN_REPL_HISTORY="$T/history"
export NO_COLOR=
# unique even when pids are reused (a stale socket of a killed run may remain)
TMUX_SOCK="devrun-repl-$$-$(basename "$T")"
NODE_PID=

cleanup() {
  local rc=$? bad
  if [ -n "${NODE_PID:-}" ]; then kill "$NODE_PID" 2>/dev/null; wait "$NODE_PID" 2>/dev/null; fi
  tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
  # Sanitizer reports in any captured stderr fail the test (ASan build).
  bad=$(grep -l -E 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$T"/*.err "$T"/*.txt 2>/dev/null)
  if [ -n "$bad" ]; then
    echo "FAIL: sanitizer report:" >&2
    cat $bad >&2
    rc=1
  fi
  rm -rf "$T"
  exit $rc
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  [ -n "${SHOWSCREEN:-}" ] && screen >&2
  [ -s "$T/repl.err" ] && { echo "--- stderr:"; tail -c 3000 "$T/repl.err"; } >&2
  exit 1
}

need_node() {
  command -v node >/dev/null 2>&1 || { echo "SKIP: node is not installed"; exit 77; }
}

need_tmux() {
  command -v tmux >/dev/null 2>&1 || { echo "FAIL: tmux missing (scripts/bootstrap installs it)"; exit 1; }
}

start_node() {
  local file=$1 port=${2:-0} i
  node --inspect=127.0.0.1:"$port" "$file" 2>"$T/node.err" >"$T/node.out" &
  NODE_PID=$!
  for i in $(seq 1 200); do
    NODE_WS=$(grep -o 'ws://[^ ]*' "$T/node.err" 2>/dev/null | head -1)
    [ -n "$NODE_WS" ] && break
    kill -0 "$NODE_PID" 2>/dev/null || fail "node exited: $(cat "$T/node.err")"
    sleep 0.1
  done
  [ -n "$NODE_WS" ] || fail "node did not print its inspector URL"
  NODE_PORT=$(echo "$NODE_WS" | sed -E 's#ws://127\.0\.0\.1:([0-9]+)/.*#\1#')
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

tmux_start() {
  need_tmux
  SHOWSCREEN=1
  tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -x "${COLS:-100}" -y "${ROWS:-30}" \
    "cd '$T' && $* 2>'$T/repl.err'; echo EXITED \$? > '$T/exit'; sleep 30"
}

send() { tmux -L "$TMUX_SOCK" send-keys "$@"; }
screen() { tmux -L "$TMUX_SOCK" capture-pane -p 2>/dev/null; }

wait_screen() {
  local re=$1 secs=${2:-30} i
  for i in $(seq 1 $((secs * 10))); do
    screen | grep -Eq -- "$re" && return 0
    sleep 0.1
  done
  fail "screen never matched /$re/"
}

# Asserts the screen does NOT match (checked once, after an event we waited for).
refute_screen() { screen | grep -Eq -- "$1" && fail "screen unexpectedly matched /$1/"; return 0; }
