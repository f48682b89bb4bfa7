#!/bin/bash
# The socket.io chat: apps/chat-server.js (socket.io) and apps/chat-client.js
# (socket.io-client: three users on polling upgraded to WebSocket, WebSocket
# only and long-polling only; rooms, acks, broadcasts, a 200 kB message, a
# 70 kB binary, emitWithAck from the server, an auth-protected namespace),
# both on devrun-js. The client's transcript and the server's log must be
# what Node 20 printed (apps/expected/05-socketio.out, recorded by
# record-apps), and so must they with WebSocket compression on
# (apps/expected/05-socketio-deflate.out). Extra, when node is installed:
# the same transcript with the server on devrun-js and the client on node,
# and the other way round.
. "$(dirname "$0")/lib.sh"
need_apps
setup_app
cd "$APP"

# chat SERVER-RUNTIME CLIENT-RUNTIME: one chat into $OUT
chat() {
  local srt=$1 crt=$2
  JSOUT=$T/server.out JSERR=$T/server.err
  : >"$JSOUT"  # emptied here: wait_for must not find the previous chat's port
  "$srt" chat-server.js >"$JSOUT" 2>"$JSERR" &
  PID=$!
  PIDS="$PIDS $PID"
  wait_for "$JSOUT" '^listening [0-9]+$'
  local port
  port=$(sed -n 's/^listening //p' "$JSOUT")
  local st=0
  timeout 40 "$crt" chat-client.js "$port" >"$T/client.out" 2>"$T/client.err" || st=$?
  [ $st = 0 ] || { cat "$T/client.out" "$T/client.err" >&2; fail "chat client ($crt) exited with $st"; }
  wait_exit
  { echo '### client'; cat "$T/client.out"; echo '### server'; sed 's/^listening [0-9]*$/listening <port>/' "$JSOUT"; } >"$OUT"
}

chat "$JS" "$JS"
check_out 05-socketio
# again with WebSocket compression (ws's permessage-deflate on zlib)
CHAT_DEFLATE=1 chat "$JS" "$JS"
check_out 05-socketio-deflate
if [ -z "${DR_NET_RUNTIME:-}" ] && command -v node >/dev/null 2>&1; then
  chat "$JS" node
  check_out 05-socketio
  chat node "$JS"
  check_out 05-socketio
  echo "cross-checked with node as client and as server"
fi
echo PASS
