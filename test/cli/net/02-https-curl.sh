#!/bin/bash
# An https server on devrun-js with a self-signed certificate made here by
# the openssl CLI, queried by curl: TLS 1.3, ALPN http/1.1, keep-alive over
# two URLs in one curl run, a 3 MB POST body, a refused untrusted client,
# and fetch() from devrun-js.
. "$(dirname "$0")/lib.sh"
need openssl curl
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 2 \
  -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 >/dev/null 2>&1 || fail "openssl req"
start_js "$HERE/fixtures/https-server.js" "$T/key.pem" "$T/cert.pem"
wait_for "$JSOUT" '^listening [0-9]+$'
PORT=$(sed -n 's/^listening //p' "$JSOUT")
URL=https://localhost:$PORT

out=$(curl -sS --http1.1 --cacert "$T/cert.pem" "$URL/a" "$URL/b" -w '%{num_connects}\n') || fail "curl GET"
# num_connects is 1 for the first transfer, 0 for the reused connection
first=$(curl -sS --http1.1 --cacert "$T/cert.pem" "$URL/c" -w '%{num_connects} %{ssl_verify_result}\n') || fail "curl GET /c"
[ "$first" = "hello /c over TLSv1.3 alpn=http/1.1
1 0" ] || fail "unexpected GET /c: $first"
echo "$out" | grep -c '^hello /[ab] over TLSv1.3 alpn=http/1.1$' | grep -qx 2 || fail "unexpected GETs: $out"
echo "$out" | tail -1 | grep -qx 0 || fail "second URL did not reuse the connection: $out"

head -c 3000000 /dev/urandom >"$T/body"
want="3000000 $(sha256sum "$T/body" | cut -d' ' -f1)"
got=$(curl -sS --cacert "$T/cert.pem" --data-binary @"$T/body" "$URL/upload") || fail "curl POST"
[ "$got" = "$want" ] || fail "POST: got '$got', want '$want'"

if curl -sS "$URL/untrusted" >"$T/untrusted" 2>&1; then fail "curl accepted an untrusted certificate"; fi
grep -qi 'certificate' "$T/untrusted" || fail "no certificate error from curl: $(cat "$T/untrusted")"

# fetch() in devrun-js against the same server, trusting the certificate
# through NODE_EXTRA_CA_CERTS
got=$(NODE_EXTRA_CA_CERTS="$T/cert.pem" timeout 30 "$JS" -e \
  "fetch('$URL/from-fetch').then((r) => r.text()).then((t) => process.stdout.write(t))" 2>"$T/fetch.err") ||
  { cat "$T/fetch.err" >&2; fail "fetch over https"; }
[ "$got" = "hello /from-fetch over TLSv1.3 alpn=false" ] || fail "fetch over https: '$got'"

curl -sS --cacert "$T/cert.pem" "$URL/quit" >/dev/null || fail "curl /quit"
for _ in $(seq 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$PID" 2>/dev/null && fail "server still running after close()"
wait "$PID" || fail "devrun-js exited with $?"
echo PASS
