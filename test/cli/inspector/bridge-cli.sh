#!/bin/bash
# devrun-inspect's command line: --help/--version, usage errors (exit 2),
# `list` against a real Node inspector and against nothing (exit 1), and the
# bridge's own discovery (stable id from --id, Host guard) — no devrun-js
# needed, so this runs in the ASan build too.
. "$(dirname "$0")/lib.sh"
B=$BIN/devrun-inspect
"$B" --help | grep -q 'devrun-inspect list' || fail "--help"
"$B" --version | grep -qE '^devrun-inspect [0-9]' || fail "--version"
set +e
"$B" 2>"$T/e"; [ $? -eq 2 ] && grep -q -- '--target-port is required' "$T/e" || fail "no target port"
"$B" --target-port x 2>"$T/e"; [ $? -eq 2 ] && grep -q "bad port 'x'" "$T/e" || fail "bad port"
"$B" --bogus 2>"$T/e"; [ $? -eq 2 ] || fail "unknown option"
"$B" frobnicate --target-port 1 2>"$T/e"; [ $? -eq 2 ] || fail "unknown command"
"$B" list nohost:notaport 2>"$T/e"; [ $? -eq 2 ] || fail "list bad address"
FREE=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$B" list "127.0.0.1:$FREE" 2>"$T/e"; rc=$?
[ $rc -eq 1 ] && grep -q "devrun-inspect: cannot connect to 127.0.0.1:$FREE" "$T/e" || fail "list refused: $rc $(cat "$T/e")"
set -e

# list a real Node target
if command -v node >/dev/null 2>&1; then
  node --inspect=127.0.0.1:0 -e 'setTimeout(()=>{}, 30000)' 2>"$T/node.err" &
  NPID=$!; PIDS="$PIDS $NPID"
  wait_for "$T/node.err" 'Debugger listening'
  NPORT=$(grep -oE 'ws://127.0.0.1:[0-9]+' "$T/node.err" | head -1 | sed 's/.*://')
  NID=$(grep -oE 'ws://[^ ]+' "$T/node.err" | head -1 | sed 's|.*/||')
  "$B" list "127.0.0.1:$NPORT" >"$T/list" || fail "list node"
  grep -q "^$NID  node  " "$T/list" || { cat "$T/list"; fail "list shows Node's target"; }
  grep -q "ws:  ws://127.0.0.1:$NPORT/$NID" "$T/list" || fail "list ws url"
  kill "$NPID"
fi

# the bridge's own endpoint: the id given, Node's fields, the Host guard
ID=0f8b6c4e-1d2a-4b3c-8d9e-0a1b2c3d4e5f
"$B" --port 0 --target-port "$FREE" --id "$ID" 2>"$T/b.err" &
BPID=$!; PIDS="$PIDS $BPID"
wait_for "$T/b.err" "Debugger listening on ws://127.0.0.1:[0-9]+/$ID"
BPORT=$(grep -oE 'ws://127.0.0.1:[0-9]+' "$T/b.err" | head -1 | sed 's/.*://')
"$B" list "127.0.0.1:$BPORT" >"$T/list" || fail "list bridge"
grep -q "^$ID  node  devrun-inspect" "$T/list" || { cat "$T/list"; fail "bridge list"; }
node -e "
const http=require('http');
const get=(host)=>new Promise((res)=>http.get({port:$BPORT,path:'/json/version',headers:{host}},(r)=>{let b='';r.on('data',(d)=>b+=d);r.on('end',()=>res([r.statusCode,b]));}));
(async()=>{
  const [ok, body]=await get('localhost:$BPORT');
  if (ok!==200 || !JSON.parse(body).Browser.startsWith('node.js/')) process.exit(1);
  const [bad]=await get('evil.example');
  process.exit(bad===400?0:2);
})();" || fail "bridge HTTP"
kill -TERM "$BPID"
wait "$BPID" || fail "bridge exit on SIGTERM: $?"
echo PASS
