#!/bin/bash
# Odd and hostile WebSocket input (see robustness.js); the process survives.
. "$(dirname "$0")/lib.sh"
need_cri
start_js --inspect=0 -e 'globalThis.ticks = 0; const t = setInterval(() => { if (++globalThis.ticks > 2000) clearInterval(t); }, 10)'
node "$HERE/robustness.js" "$WSURL" || fail "robustness"
kill -0 "$PID" || fail "devrun-js died"
kill "$PID"
echo PASS
