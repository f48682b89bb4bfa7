#!/bin/bash
# A koa@2 app (apps/koa-app.js: @koa/router with allowedMethods, koa-bodyparser
# for JSON/forms/text, thrown errors, stream and Buffer bodies, a redirect,
# cookies, koa's 404) run by devrun-js and queried by curl; every response
# (status, headers but Date, body) must be what Node 20 gave
# (apps/expected/04-koa.out, recorded by record-apps).
. "$(dirname "$0")/lib.sh"
need curl python3
need_apps
setup_app
cd "$APP"
start_js koa-app.js
wait_for "$JSOUT" '^listening [0-9]+$'
PORT=$(sed -n 's/^listening //p' "$JSOUT")
U=http://127.0.0.1:$PORT
J='Content-Type: application/json'

req 'text body' "$U/"
req 'HEAD' -I "$U/"
req 'stream body' "$U/page"
req 'buffer body' "$U/bytes"
req 'list' "$U/api/items"
req 'create' -H "$J" -d '{"name":"second"}' "$U/api/items"
req 'create, missing name (ctx.throw 422)' -H "$J" -d '{"nom":"x"}' "$U/api/items"
req 'create, invalid JSON' -H "$J" -d '{"name"' "$U/api/items"
req 'create, body over jsonLimit' -H "$J" --data-binary @<(python3 -c 'print("{\"name\":\"" + "y" * 80000 + "\"}")') "$U/api/items"
req 'query' "$U/api/items?q=sec"
req 'get one' "$U/api/items/2"
req 'get missing (ctx.assert)' "$U/api/items/9"
req 'delete' -X DELETE "$U/api/items/1"
req 'delete missing' -X DELETE "$U/api/items/1"
req 'text body parsed' -H 'Content-Type: text/plain' -d 'just text' "$U/api/echo-text"
req 'handler throws (api)' "$U/api/crash"
req 'handler throws (site, koa default 500)' "$U/boom"
req 'form' -d 'a=1&b=two+words&b=3' "$U/form"
req 'redirect' "$U/go"
req 'cookie first' "$U/cookie"
req 'cookie again' -H 'Cookie: visits=4' -H 'Accept: text/html' "$U/cookie"
req '405 from allowedMethods' -X PUT "$U/api/items"
req '501 from allowedMethods' -X PURGE "$U/api/items"
req 'OPTIONS' -X OPTIONS "$U/api/items/1"
req '404 from koa' "$U/missing"
echo '### keep-alive (status, new connections)' >>"$OUT"
curl -sS "$U/" "$U/api/items" -o /dev/null -o /dev/null -w '%{http_code} %{num_connects}\n' >>"$OUT" ||
  fail "keep-alive curl"
req 'quit' -X POST "$U/quit"
wait_exit
echo '### app stdout' >>"$OUT"
sed 's/^listening [0-9]*$/listening <port>/' "$JSOUT" >>"$OUT"
check_out 04-koa
echo PASS
