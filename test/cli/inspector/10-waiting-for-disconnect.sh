#!/bin/bash
# --inspect-wait app, client asks NodeRuntime.notifyWhenWaitingForDisconnect:
# at its end the app says so, prints Node's line, and exits when the client
# leaves.
. "$(dirname "$0")/lib.sh"
need_cri
for mode in file eval; do
  if [ $mode = file ]; then
    start_js --inspect-wait=0 "$HERE/fixtures/ran.js"
  else
    start_js --inspect-wait=0 -e 'console.log("ran")' # waits in -e mode too
  fi
  node "$HERE/disconnect.js" "$PORT" || fail "session ($mode)"
  wait "$PID" || fail "exit $? ($mode)"
  grep -q '^Waiting for the debugger to disconnect\.\.\.$' "$JSERR" || fail "no waiting line ($mode)"
  grep -q '^ran$' "$T/js.out" || fail "app did not run ($mode)"
done
echo PASS
