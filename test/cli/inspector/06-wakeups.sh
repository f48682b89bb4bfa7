#!/bin/bash
# The three ways a message reaches the JS thread: idle (uv_async), busy in
# JavaScript (RequestInterrupt), waiting before the main module
# (--inspect-wait); and SIGUSR1 starting the inspector in a running process.
. "$(dirname "$0")/lib.sh"
need_cri
start_js --inspect=0 "$HERE/fixtures/busy.js"
wait_for "$T/js.out" started
node "$HERE/wake.js" "$PORT" busy || fail "busy"
wait "$PID" || fail "busy app exit $?"
grep -q 'released by the debugger' "$T/js.out" || fail "busy app not released"

start_js --inspect=0 "$HERE/fixtures/idle.js"
wait_for "$T/js.out" started
node "$HERE/wake.js" "$PORT" idle || fail "idle"
wait "$PID" || fail "idle app exit $?"
# a client was attached when it ended, but neither -brk nor -wait: no hang, no message
if grep -q 'Waiting for the debugger' "$JSERR"; then fail "waited for disconnect without -brk/-wait"; fi

start_js --inspect-wait=0 "$HERE/fixtures/idle.js"
node "$HERE/wake.js" "$PORT" wait "$T/js.out" || fail "wait"
wait "$PID" || fail "wait app exit $?"

# SIGUSR1: no inspector until the signal, then one on --inspect-port
"$BIN/devrun-js" --inspect-port=0 "$HERE/fixtures/idle.js" >"$T/js.out" 2>"$T/usr1.err" &
PID=$!; PIDS="$PIDS $PID"; JSERR=$T/usr1.err
wait_for "$T/js.out" started
if grep -q 'Debugger listening' "$T/usr1.err"; then fail "inspector started without SIGUSR1"; fi
kill -USR1 "$PID"
wait_for "$T/usr1.err" 'Debugger listening on ws://127.0.0.1:'
PORT=$(grep -oE 'ws://127.0.0.1:[0-9]+' "$T/usr1.err" | head -1 | sed 's/.*://')
node "$HERE/wake.js" "$PORT" idle || fail "after SIGUSR1"
wait "$PID" || fail "SIGUSR1 app exit $?"
echo PASS
