#!/bin/bash
# An express@4 app keeping sessions in Redis (apps/session-app.js:
# compression, express-session + connect-redis on the redis v4 client,
# multer uploads) on devrun-js, against a redis-server this test starts;
# two users' flows driven by curl with cookie jars. Every response (status,
# headers but Date, the session cookie's id and expiry masked; bodies
# decompressed) must be what Node 20 gave (apps/expected/07-express-redis.out,
# recorded by record-apps).
. "$(dirname "$0")/lib.sh"
need curl python3 redis-server
need_apps
setup_app
start_redis
cd "$APP"
start_js session-app.js "$RPORT"
wait_for "$JSOUT" '^listening [0-9]+$'
PORT=$(sed -n 's/^listening //p' "$JSOUT")
U=http://127.0.0.1:$PORT
A="-b $T/alice -c $T/alice"
B="-b $T/bob -c $T/bob"
J='Content-Type: application/json'

req 'no session yet' $A "$U/me"
req 'login without a name' $A -d 'user=' "$U/login"
req 'alice logs in' $A -d 'user=alice' "$U/login"
req 'alice: me' $A "$U/me"
req 'alice: add to cart' $A -H "$J" -d '{"sku":"A-1","qty":2}' "$U/cart"
req 'alice: add again' $A -H "$J" -d '{"sku":"B-7"}' "$U/cart"
req 'bob logs in (form, then follows the 303)' $B -L -d 'user=bob' "$U/login"
req 'alice: me again' $A "$U/me"
req 'sessions in redis' "$U/store"
req 'bob logs out' $B -X POST "$U/logout"
req 'bob: me after logout' $B "$U/me"
req 'sessions after logout' "$U/store"
python3 -c 'import sys; sys.stdout.buffer.write(bytes((i * 5 + i // 7) % 256 for i in range(200000)))' >"$T/pic.bin"
printf 'line one\nläne two\n' >"$T/doc.txt"
req 'multipart upload' -F 'title=Holiday ☀' -F 'tags=a' -F 'tags=b' -F "doc=@$T/doc.txt;type=text/plain" \
  -F "pics=@$T/pic.bin;type=image/png" -F "pics=@$T/doc.txt;filename=second.png;type=image/png" "$U/upload"
req 'multipart, too many files' -F "pics=@$T/pic.bin" -F "pics=@$T/pic.bin" -F "pics=@$T/pic.bin" "$U/upload"
HASH_BODY=1 req 'compressed report (gzip, decoded by curl)' -H 'Accept-Encoding: gzip' --compressed "$U/report"
HASH_BODY=1 req 'report, no compression asked' "$U/report"
req 'small JSON is not compressed' --compressed $A "$U/me"
req 'quit' -X POST "$U/quit"
wait_exit
stop_redis
echo '### app stdout' >>"$OUT"
sed 's/^listening [0-9]*$/listening <port>/' "$JSOUT" >>"$OUT"
# session ids are random, cookie expiry dates are an hour from now
sed -i -E 's/connect\.sid=s%3A[^;]+/connect.sid=<session>/; s/(connect\.sid=<session>; Path=\/; Expires=)[^;]+/\1<in an hour>/' "$OUT"
check_out 07-express-redis
echo PASS
