# lib.sh — helpers for devrun's CLI tests (sourced by NN-*.sh).
#
# Every test runs in its own temporary directory with real files and real
# child processes.  Nothing sleeps for a fixed time to "let things happen":
# wait_for polls an observable condition (a line in a log the child appends
# to, or in devrun's own status output) with a generous timeout, and the
# "exactly one restart" checks end with a sentinel change whose restart
# proves that every earlier batch has been decided.
set -u
DEVRUN=${DEVRUN:?set DEVRUN to the devrun binary}
TIMEOUT=${WATCH_TEST_TIMEOUT:-20}
T=$(mktemp -d /tmp/devrun-watch-test.XXXXXX)
cd "$T" || exit 1
DR_PID=
FAILS=0

cleanup() {
  if [ -n "$DR_PID" ] && kill -0 "$DR_PID" 2>/dev/null; then
    kill -TERM "$DR_PID" 2>/dev/null
    wait_gone "$DR_PID" || kill -KILL "$DR_PID" 2>/dev/null
  fi
  cd / && rm -rf "$T"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  if [ -f "$T/dr.log" ]; then echo "--- devrun output:" >&2; cat "$T/dr.log" >&2; fi
  if [ -f "$T/app.log" ]; then echo "--- app.log:" >&2; cat "$T/app.log" >&2; fi
  exit 1
}
ok() { echo "ok - $*"; }

# wait_for 'shell condition' [timeout-seconds]: polls every 20 ms.
wait_for() {
  local cond=$1 limit=${2:-$TIMEOUT} i=0
  local n=$((limit * 50))
  while [ $i -lt $n ]; do
    if eval "$cond"; then return 0; fi
    sleep 0.02
    i=$((i + 1))
  done
  return 1
}
wait_gone() { wait_for "! kill -0 $1 2>/dev/null" "${2:-$TIMEOUT}"; }

# count PATTERN FILE: number of lines matching (0 if the file is missing)
count() {
  local c
  c=$(grep -c -- "$1" "$2" 2>/dev/null)
  echo "${c:-0}"
}
starts() { count '^start' "$T/app.log"; }
restarts() { count 'restarting:' "$T/dr.log"; }

# A child that logs its start and then waits to be stopped.
cat > "$T/child.sh" <<'SH'
echo "start $$ ${DEVRUN_INSTANCE:-} ${MARK:-}" >> "$T_LOG"
exec sleep 100000
SH
export T_LOG="$T/app.log"

# start_devrun ARGS...: runs devrun in the background, output in dr.log;
# stdin from /dev/null unless STDIN_FROM is set.
start_devrun() {
  "$DEVRUN" "$@" < "${STDIN_FROM:-/dev/null}" > "$T/dr.log" 2>&1 &
  DR_PID=$!
}

# expect_starts N: wait until the child has started N times.
expect_starts() {
  wait_for "[ \$(starts) -ge $1 ]" || fail "expected $1 starts, saw $(starts) ($2)"
}

# sentinel: make one unrelated real change and wait for its restart, so that
# every earlier event has been decided; then check the restart count.
SENT=0
sentinel() {
  SENT=$((SENT + 1))
  local before_s before_r
  before_s=$(starts)
  before_r=$(count 'restarting: zz_sentinel.js' "$T/dr.log")
  echo "// sentinel $SENT $RANDOM" > "$T/zz_sentinel.js"
  wait_for "[ \$(count 'restarting: zz_sentinel.js' '$T/dr.log') -gt $before_r ] && [ \$(starts) -gt $before_s ]" ||
    fail "sentinel change $SENT did not restart"
}

# mark, then a change, then check_one NAME REASON-REGEX: the change must
# give exactly one restart.  mark, then a non-change, then check_none NAME:
# it must give none (it waits for devrun's -v "no content change" line or,
# with WANT_NOTE=0, for nothing, then proves quiet with a sentinel).
mark() {
  M_S=$(starts)
  M_R=$(restarts)
  M_N=$(count 'no content change' "$T/dr.log")
}
check_one() {
  local name=$1 want=$2
  wait_for "[ \$(starts) -gt $M_S ]" || fail "$name: no restart"
  sentinel
  local n=$(( $(restarts) - M_R ))
  [ "$n" -eq 2 ] || fail "$name: expected 1 restart (+1 for the sentinel), saw $n"
  grep -q "restarting: $want" "$T/dr.log" || fail "$name: no restart line matching '$want'"
  ok "$name: exactly one restart"
}
check_none() {
  local name=$1
  if [ "${WANT_NOTE:-1}" = 1 ]; then
    wait_for "[ \$(count 'no content change' '$T/dr.log') -gt $M_N ]" || fail "$name: the change was not seen"
  fi
  sentinel
  local n=$(( $(restarts) - M_R ))
  [ "$n" -eq 1 ] || fail "$name: expected no restart (+1 for the sentinel), saw $((n - 1))"
  ok "$name: no restart"
}

stop_devrun() {
  kill -TERM "$DR_PID" 2>/dev/null
  wait_gone "$DR_PID" || fail "devrun did not exit after SIGTERM"
  wait "$DR_PID" 2>/dev/null
  DR_STATUS=$?
  DR_PID=
  # in the ASan build, a leak or UB report at exit fails the test
  if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$T/dr.log" 2>/dev/null; then
    fail "sanitizer report from devrun"
  fi
}
