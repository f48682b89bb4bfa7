#!/bin/bash
# http2 on devrun-js cross-checked with curl (libcurl's nghttp2): an h2c
# server queried with --http2-prior-knowledge (GETs, a POST body, the
# response headers), the same handler
# over TLS with ALPN h2 (--http2), and curl's view of the protocol version.
. "$(dirname "$0")/lib.sh"
need curl openssl
curl --version | grep -qw HTTP2 || { echo "SKIP: curl without HTTP2"; exit 77; }
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$T/key.pem" \
  -out "$T/cert.pem" -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
  >/dev/null 2>&1 || fail "openssl req"
cat >"$T/server.js" <<'JS'
const http2 = require('http2');
const fs = require('fs');
const crypto = require('crypto');
const [key, cert] = process.argv.slice(2).map((f) => fs.readFileSync(f));
function handler(req, res) {
  if (req.url === '/quit') {
    res.end('bye\n');
    h2c.close(); h2.close();
    for (const s of sessions) s.close();
    return;
  }
  const h = crypto.createHash('sha256');
  let n = 0;
  req.on('data', (c) => { n += c.length; h.update(c); });
  req.on('end', () => {
    res.setHeader('x-proto', req.httpVersion);
    res.setHeader('content-type', 'text/plain');
    res.end(`${req.method} ${req.url} ${req.scheme} ${n ? n + " " + h.digest("hex") : "- -"}\n`);
  });
}
const sessions = new Set();
const track = (s) => { sessions.add(s); s.on('close', () => sessions.delete(s)); };
const h2c = http2.createServer(handler).on('session', track);
const h2 = http2.createSecureServer({ key, cert }, handler).on('session', track);
h2c.listen(0, '127.0.0.1', () => h2.listen(0, '127.0.0.1', () =>
  console.log(`listening ${h2c.address().port} ${h2.address().port}`)));
JS
start_js "$T/server.js" "$T/key.pem" "$T/cert.pem"
wait_for "$JSOUT" '^listening [0-9]+ [0-9]+$'
read -r P1 P2 < <(sed -n 's/^listening //p' "$JSOUT")

# One URL per curl run: curl 7.88's reuse of a prior-knowledge connection
# for a second URL fails with "Error in the HTTP2 framing layer" against
# Node 20 as well.
for u in /a '/b?x=1'; do
  out=$(curl -sS --http2-prior-knowledge "http://127.0.0.1:$P1$u" -w '%{http_version} %{response_code}\n') ||
    fail "curl h2c GET $u"
  [ "$out" = "GET $u http - -
2 200" ] || fail "h2c GET $u: got '$out'"
done

hdrs=$(curl -sS --http2-prior-knowledge -D - -o /dev/null "http://127.0.0.1:$P1/h") || fail "curl h2c -D"
echo "$hdrs" | grep -q '^HTTP/2 200' || fail "no HTTP/2 status line: $hdrs"
echo "$hdrs" | grep -qi '^x-proto: 2.0' || fail "no x-proto header: $hdrs"
echo "$hdrs" | grep -qi '^date: ' || fail "no date header: $hdrs"

head -c 300000 /dev/urandom >"$T/body"
want="POST /up http 300000 $(sha256sum "$T/body" | cut -d' ' -f1)"
got=$(curl -sS --http2-prior-knowledge --data-binary @"$T/body" "http://127.0.0.1:$P1/up") || fail "curl h2c POST"
[ "$got" = "$want" ] || fail "h2c POST: got '$got', want '$want'"

got=$(curl -sS --http2 --cacert "$T/cert.pem" "https://localhost:$P2/tls" -w '%{http_version}\n') ||
  fail "curl h2 over TLS"
[ "$got" = "GET /tls https - -
2" ] || fail "h2 over TLS: got '$got'"
got=$(curl -sS --http2 --cacert "$T/cert.pem" --data-binary @"$T/body" "https://localhost:$P2/up") ||
  fail "curl h2 POST over TLS"
[ "$got" = "POST /up https 300000 $(sha256sum "$T/body" | cut -d' ' -f1)" ] || fail "h2 POST over TLS: '$got'"

# An HTTP/1.1-only client is refused by the h2-only secure server.
if curl -sS --http1.1 --cacert "$T/cert.pem" "https://localhost:$P2/h1" >"$T/h1" 2>&1; then
  fail "an HTTP/1.1 client was served: $(cat "$T/h1")"
fi

curl -sS --http2-prior-knowledge "http://127.0.0.1:$P1/quit" >/dev/null || fail "curl /quit"
for _ in $(seq 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$PID" 2>/dev/null && fail "server still running after close()"
wait "$PID" || fail "devrun-js exited with $?"
echo PASS
