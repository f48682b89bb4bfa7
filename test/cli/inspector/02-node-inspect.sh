#!/bin/bash
# Node's own `node inspect 127.0.0.1:PORT` (strict about frames) against
# devrun-js --inspect-brk: break on start, breakpoints, cont, exec, next.
. "$(dirname "$0")/lib.sh"
command -v node >/dev/null 2>&1 || { echo "SKIP: node not available"; exit 77; }
cp "$HERE/fixtures/app.js" "$T/app.js"
start_js --inspect-brk=0 "$T/app.js"
node "$HERE/node-inspect.js" "$PORT" || fail "node inspect session"
# the client left; the app finishes by itself
wait "$PID" || fail "devrun-js exited with $?"
echo PASS
