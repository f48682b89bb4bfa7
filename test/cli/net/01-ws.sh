#!/bin/bash
# npm's ws: a WebSocketServer on http's 'upgrade' event and a WebSocket
# client, both in devrun-js; the output must be what Node 20 prints.
. "$(dirname "$0")/lib.sh"
need_npm ws@8
cp "$HERE/fixtures/ws-roundtrip.js" "$T/"
ln -s "$NPM_DIR/node_modules" "$T/node_modules"
cat >"$T/expected" <<'OUT'
upgrade /chat websocket
open
echo:hello len=10
bin:1,2,3
echo:xxxxxxx len=70005
close 1000 bye
server closed
OUT
(cd "$T" && timeout 60 "$JS" ws-roundtrip.js >"$T/out" 2>"$T/err") || { cat "$T/err" >&2; fail "devrun-js exited with $?"; }
diff -u "$T/expected" "$T/out" || fail "ws round trip output differs"
echo PASS
