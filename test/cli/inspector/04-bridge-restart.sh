#!/bin/bash
# devrun-inspect in front of devrun-js: a breakpoint set through the bridge
# survives a restart of the app, without the client reconnecting.
. "$(dirname "$0")/lib.sh"
need_cri
RUNTIME=${INSPECT_RUNTIME:-$BIN/devrun-js}
cp "$HERE/fixtures/restart-app.js" "$T/app.js"
TPORT=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$BIN/devrun-inspect" --verbose --port 0 --target-port "$TPORT" 2>"$T/bridge.err" &
BPID=$!
PIDS="$PIDS $BPID"
wait_for "$T/bridge.err" 'Debugger listening on ws://'
BPORT=$(grep -oE 'ws://127.0.0.1:[0-9]+' "$T/bridge.err" | head -1 | sed 's/.*://')
node "$HERE/bridge-restart.js" "$RUNTIME" "$BPORT" "$TPORT" "$T/app.js" || { cat "$T/bridge.err" >&2; fail "restart session"; }
kill -TERM "$BPID"
wait "$BPID" || fail "devrun-inspect exited with $? on SIGTERM"
echo PASS
