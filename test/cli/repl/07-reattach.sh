#!/bin/bash
# The target goes away (an app restarted by a watcher): the full-screen
# REPL says so, reattaches when a new process listens on the same port,
# and keeps its history and breakpoints (the breakpoint is hit in the new
# process without being set again).
. "$(dirname "$0")/lib.sh"
need_node
cat > "$T/srv.js" <<'JS'
globalThis.generation = process.argv[2] || 'first';
function work(n) {
  const doubled = n * 2;
  return doubled;
}
setInterval(() => work(1), 300);
JS
PORT=$(free_port)
start_node "$T/srv.js" "$PORT"
tmux_start "'$REPL' --attach 127.0.0.1:$PORT"
wait_screen 'attached to ws://' 60
send 'generation' Enter
wait_screen "^'first'$"
kill "$NODE_PID"; wait "$NODE_PID" 2>/dev/null; NODE_PID=
wait_screen 'the target went away'
# Set a breakpoint while the target is gone: kept and sent on reattach.
send 'b srv.js:4' Enter
wait_screen 'srv\.js:4'
node --inspect=127.0.0.1:"$PORT" "$T/srv.js" second 2>"$T/node2.err" &
NODE_PID=$!
wait_screen 'reattached to ws://127\.0\.0\.1:'"$PORT"
wait_screen 'Paused \(breakpoint\) in work at srv\.js:4'
send 'c' Enter
send 'cb srv.js:4' Enter
wait_screen '^Cleared breakpoint srv\.js:4'
send F5
send 'generation' Enter
wait_screen "^'second'$"
# History survived: Up brings back the last input.
send Up
wait_screen '^> generation'
echo ok
