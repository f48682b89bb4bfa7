#!/bin/bash
# An express@4 app (apps/express-app.js: a router with JSON bodies, static
# files, a redirect, a cookie, an error handler, express's 404) run by
# devrun-js and queried by curl; every response (status, headers but Date,
# body) must be what Node 20 gave (apps/expected/03-express.out, recorded by
# record-apps). express is installed by npm at test time (apps/package-lock.json).
. "$(dirname "$0")/lib.sh"
need curl python3
need_apps
setup_app
# a 300 kB binary file for static serving: several socket writes, ranges
python3 -c 'import sys; sys.stdout.buffer.write(bytes((i * 7 + i // 251) % 256 for i in range(300000)))' >"$APP/public/blob.bin"
touch -d '2024-01-02 03:04:05 UTC' "$APP/public/blob.bin"
cd "$APP"
start_js express-app.js
wait_for "$JSOUT" '^listening [0-9]+$'
PORT=$(sed -n 's/^listening //p' "$JSOUT")
U=http://127.0.0.1:$PORT
J='Content-Type: application/json'

req 'static index' "$U/"
req 'static css' "$U/css/site.css"
req 'static binary' "$U/blob.bin"
req 'static range' -r 1000-1999 "$U/blob.bin"
req 'static suffix range' -r -100 "$U/blob.bin"
req 'static unsatisfiable range' -r 400000-400010 "$U/blob.bin"
req 'static If-Modified-Since' -H 'If-Modified-Since: Tue, 02 Jan 2024 03:04:05 GMT' "$U/css/site.css"
etag=$(sed -n 's/^ETag: //Ip' "$T/h" | tr -d '\r')
req 'static If-None-Match' -H "If-None-Match: $etag" "$U/css/site.css"
req 'static HEAD' -I "$U/index.html"
req 'static directory redirect' "$U/css"
req 'static dotfile ignored (404)' "$U/.hidden"
req 'list items' "$U/api/items"
req 'create item' -H "$J" -d '{"name":"second","tags":["a","b"]}' "$U/api/items"
req 'create item, bad field' -H "$J" -d '{"title":"x"}' "$U/api/items"
req 'create item, invalid JSON' -H "$J" -d '{"name":' "$U/api/items"
req 'create item, body over the limit' -H "$J" --data-binary @<(python3 -c 'print("{\"name\":\"" + "x" * 150000 + "\"}")') "$U/api/items"
req 'create item, not JSON (body ignored)' -H 'Content-Type: text/plain' -d 'name=x' "$U/api/items"
req 'filter by query' "$U/api/items?tag=b"
req 'get one' "$U/api/items/2"
req 'get missing' "$U/api/items/99"
req 'route regexp does not match (404)' "$U/api/items/abc"
req 'update' -X PUT -H "$J" -d '{"name":"renamed","id":7}' "$U/api/items/2"
req 'update missing' -X PUT -H "$J" -d '{}' "$U/api/items/42"
req 'delete' -X DELETE "$U/api/items/1"
req 'delete again' -X DELETE "$U/api/items/1"
req 'list after changes' "$U/api/items"
req 'error handler' "$U/api/boom"
# 2 MB: curl asks with Expect: 100-continue and waits for the interim 100
python3 -c 'import sys; sys.stdout.buffer.write(bytes((i * 13 + i // 997) % 256 for i in range(2000000)))' >"$T/upload.bin"
req 'upload (100-continue, raw body)' -H 'Content-Type: application/octet-stream' --data-binary @"$T/upload.bin" "$U/upload"
req 'urlencoded form' -d 'name=J%C3%B6rg+K&age=41' "$U/form"
req 'redirect' "$U/old"
req 'cookie' "$U/new"
req 'request helpers' -A 'devrun-test/1.0' -H 'Accept: text/html' -H 'X-Requested-With: XMLHttpRequest' "$U/headers"
req 'chunked response' "$U/stream"
req '404 from express' "$U/nope"
req '404 for a method' -X PATCH "$U/api/items"
req 'OPTIONS' -X OPTIONS "$U/api/items"
# keep-alive: two requests over one connection
echo '### keep-alive (status, new connections)' >>"$OUT"
curl -sS "$U/api/items/2" "$U/css/site.css" -o /dev/null -o /dev/null -w '%{http_code} %{num_connects}\n' >>"$OUT" ||
  fail "keep-alive curl"
# two 30 kB JSON bodies over one connection: the first is buffered whole
# before the app reads it, and the second must still be read
echo '### keep-alive with large bodies (status, new connections)' >>"$OUT"
python3 -c 'print("{\"name\":\"" + "k" * 30000 + "\"}")' >"$T/30k.json"
curl -sS -H "$J" --data-binary @"$T/30k.json" "$U/api/items" -o /dev/null -w '%{http_code} %{num_connects}\n' \
  --next -H "$J" --data-binary @"$T/30k.json" "$U/api/items" -o /dev/null -w '%{http_code} %{num_connects}\n' \
  >>"$OUT" || fail "keep-alive POSTs"
req 'quit' -X POST "$U/quit"
wait_exit
echo '### app stdout' >>"$OUT"
cat "$JSOUT" | sed 's/^listening [0-9]*$/listening <port>/' >>"$OUT"
check_out 03-express
echo PASS
