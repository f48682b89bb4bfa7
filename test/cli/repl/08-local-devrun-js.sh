#!/bin/bash
# Local mode on the project's own runtime: devrun-repl starts devrun-js
# (next to it in the bin directory) with --inspect=127.0.0.1:0.  Skipped
# (exit 77) while devrun-js is not built or cannot start its inspector yet.
. "$(dirname "$0")/lib.sh"
JS="${DR_BIN_DIR}/devrun-js"
[ -x "$JS" ] || { echo "SKIP: $JS not built"; exit 77; }
timeout 10 "$JS" --inspect=127.0.0.1:0 -e 'setTimeout(() => {}, 2000)' 2> "$T/probe.err" > /dev/null &
for i in $(seq 1 100); do grep -q 'Debugger listening on ws://' "$T/probe.err" && break; sleep 0.1; done
grep -q 'Debugger listening on ws://' "$T/probe.err" || { echo "SKIP: devrun-js has no --inspect yet"; exit 77; }
wait
out=$(printf '1 + 2\nlet v = [1, 2]\nv.length\n' | "$REPL" 2>>"$T/repl.err") || fail "exit $?"
[ "$out" = "3
undefined
2" ] || fail "local devrun-js: got [$out]"
echo ok
