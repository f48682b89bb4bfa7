#!/bin/bash
# Line mode attached to a running `node --inspect` app, by port and by
# ws:// URL: evaluates in the app's global scope, shows its console output
# (Runtime.consoleAPICalled) and calls into its functions.
. "$(dirname "$0")/lib.sh"
need_node
cat > "$T/app.js" <<'JS'
globalThis.state = { hits: 0, name: 'app' };
globalThis.hit = () => ++state.hits;
setInterval(() => {}, 1000);
JS
start_node "$T/app.js"
out=$(printf 'state.name\nhit()\nhit()\nconsole.log("from", "app", 42)\nstate\n' | "$REPL" --attach "$NODE_PORT" 2>>"$T/repl.err") || fail "exit $?"
echo "$out"
expected="'app'
1
2
from app 42
undefined
{ hits: 2, name: 'app' }"
[ "$out" = "$expected" ] || fail "attach by port: got [$out]"
# By URL, host:port form too; state persists in the app between sessions.
out=$(echo 'state.hits' | "$REPL" --attach "$NODE_WS" 2>>"$T/repl.err") || fail "exit $?"
[ "$out" = 2 ] || fail "attach by ws:// URL: got [$out]"
out=$(echo 'hit()' | "$REPL" --attach "127.0.0.1:$NODE_PORT" 2>>"$T/repl.err") || fail "exit $?"
[ "$out" = 3 ] || fail "attach by host:port: got [$out]"
echo ok
