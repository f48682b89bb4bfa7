#!/bin/bash
# chrome-remote-interface (npm) against devrun-js --inspect-brk: break on
# start, breakpoint by URL, scopes, stepping, evaluation, console, heap
# snapshot, CPU profile; then the app exits once the client leaves.
. "$(dirname "$0")/lib.sh"
need_cri
cp "$HERE/fixtures/app.js" "$T/app.js"
start_js --inspect-brk=0 "$T/app.js"
grep -q 'For help, see: https://nodejs.org/en/docs/inspector' "$JSERR" || fail "no help line"
node "$HERE/cri-session.js" "$PORT" "$T/app.js" || fail "cri session"
wait "$PID" || fail "devrun-js exited with $?"
grep -q '^Debugger attached\.$' "$JSERR" || fail "no 'Debugger attached.'"
grep -q '^Waiting for the debugger to disconnect\.\.\.$' "$JSERR" || fail "no 'Waiting for the debugger to disconnect...'"
grep -q "total is 6 { label: .inspector-app. }" "$T/js.out" || { cat "$T/js.out" >&2; fail "app output missing"; }
echo PASS
