#!/bin/bash
# The WebSocket global (devrun-js --experimental-websocket) against npm's ws
# server, both in one devrun-js process: ws:// on http's 'upgrade' and wss://
# on https (certificate made here by openssl, trusted through
# NODE_EXTRA_CA_CERTS), with permessage-deflate, text/binary/Blob/70 kB
# messages, a fragmented message, ping/pong, a subprotocol and closes from
# either side.  The expected output is what Node 20.20 prints with
# --experimental-websocket.  Skipped (77) without npm or a reachable registry.
. "$(dirname "$0")/lib.sh"
need openssl
need_npm ws@8
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 2 \
  -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 >/dev/null 2>&1 || fail "openssl req"
ln -s "$NPM_DIR/node_modules" "$T/node_modules"
cat >"$T/ws-client.js" <<'JS'
// The WebSocket global (--experimental-websocket) against npm's ws server,
// on http's 'upgrade' and on https: permessage-deflate (ws compresses
// everything, threshold 0), text/binary/70 kB messages, a fragmented
// message, ping -> pong, a chosen subprotocol, server- and client-initiated
// closes with codes and reasons, wss:// with the certificate trusted through
// NODE_EXTRA_CA_CERTS (argv[2]: key, argv[3]: cert).
const http = require('http');
const https = require('https');
const fs = require('fs');
const { WebSocketServer } = require('ws');

// each side's lines are kept apart and printed at the end: the order
// within a side is fixed, the interleaving of the two is not
const lines = { server: [], client: [] };
const log = (side, ...args) => lines[side].push(args.join(' '));
const serverClosed = {};

const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: { threshold: 0 },
  handleProtocols: (protocols) => (protocols.has('v2') ? 'v2' : false),
});
wss.on('connection', (ws, req) => {
  log('server', 'connection', req.url, 'protocol', JSON.stringify(ws.protocol), 'extensions', Object.keys(ws._extensions));
  ws.on('pong', (data) => log('server', 'pong', String(data)));
  ws.on('message', (data, isBinary) => {
    const text = isBinary ? null : String(data);
    if (text === 'fragments') {
      ws.send('frag', { fin: false });
      ws.send('men', { fin: false });
      ws.send('ted', { fin: true });
    } else if (text === 'ping') {
      ws.ping('are you there');
      ws.send('pinged');
    } else if (text === 'close me') {
      ws.close(4000, 'server says bye');
    } else {
      ws.send(isBinary ? data : `echo:${text.slice(0, 10)} (${text.length})`, { binary: isBinary });
    }
  });
  ws.on('close', (code, reason) => { log('server', 'close', code, JSON.stringify(String(reason))); serverClosed[req.url](); });
});
const onUpgrade = (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));

function session(url, protocols, steps) {
  const path = new URL(url).pathname;
  const server = new Promise((resolve) => { serverClosed[path] = resolve; });
  const client = new Promise((resolve) => {
    const ws = new WebSocket(url, protocols);
    ws.binaryType = 'arraybuffer';
    const queue = steps.slice();
    const step = () => {
      const s = queue.shift();
      if (typeof s === 'function') s(ws); else ws.send(s);
    };
    ws.onopen = () => {
      log('client', 'open', ws.url.replace(/:\d+/, ':PORT'), 'protocol', JSON.stringify(ws.protocol), 'extensions', JSON.stringify(ws.extensions));
      step();
    };
    ws.onmessage = (e) => {
      const d = e.data;
      log('client', 'message', typeof d === 'string' ? d : `binary ${d.byteLength} [${new Uint8Array(d).slice(0, 4)}]`);
      if (queue.length) step();
    };
    ws.onerror = (e) => log('client', 'error', e.message);
    ws.onclose = (e) => { log('client', 'close', e.code, JSON.stringify(e.reason), e.wasClean); resolve(); };
  });
  return Promise.all([server, client]);
}

const server = http.createServer((req, res) => res.end('plain')).on('upgrade', onUpgrade);
server.listen(0, '127.0.0.1', async () => {
  const base = `ws://127.0.0.1:${server.address().port}`;
  await session(`${base}/one`, ['v1', 'v2'], ['hello', new Uint8Array([1, 2, 3, 4, 5]), 'x'.repeat(70000),
    new Blob(['blob!']), 'fragments', 'ping', 'close me']);
  await session(`${base}/two`, [], ['héllo', (ws) => ws.close(1000, 'client done')]);
  server.close();
  const tlsServer = https.createServer({ key: fs.readFileSync(process.argv[2]), cert: fs.readFileSync(process.argv[3]) });
  tlsServer.on('upgrade', onUpgrade);
  tlsServer.listen(0, '127.0.0.1', async () => {
    await session(`wss://localhost:${tlsServer.address().port}/tls`, 'v2', ['over tls', new Uint8Array(100000).fill(9), (ws) => ws.close(3001)]);
    tlsServer.close(() => {
      for (const side of ['server', 'client']) for (const l of lines[side]) console.log(`${side}: ${l}`);
      console.log('done');
    });
  });
});
JS
cat >"$T/expected" <<'OUT'
server: connection /one protocol "v2" extensions permessage-deflate
server: pong are you there
server: close 4000 ""
server: connection /two protocol "" extensions permessage-deflate
server: close 1000 "client done"
server: connection /tls protocol "v2" extensions permessage-deflate
server: close 3001 ""
client: open ws://127.0.0.1:PORT/one protocol "v2" extensions "permessage-deflate"
client: message echo:hello (5)
client: message binary 5 [1,2,3,4]
client: message echo:xxxxxxxxxx (70000)
client: message binary 5 [98,108,111,98]
client: message fragmented
client: message pinged
client: close 4000 "server says bye" true
client: open ws://127.0.0.1:PORT/two protocol "" extensions "permessage-deflate"
client: message echo:héllo (5)
client: close 1000 "client done" true
client: open wss://localhost:PORT/tls protocol "v2" extensions "permessage-deflate"
client: message echo:over tls (8)
client: message binary 100000 [9,9,9,9]
client: close 3001 "" true
done
OUT
(cd "$T" && NODE_EXTRA_CA_CERTS="$T/cert.pem" timeout 60 "$JS" --experimental-websocket ws-client.js key.pem cert.pem \
  >"$T/out" 2>"$T/err") || { cat "$T/err" >&2; fail "devrun-js exited with $?"; }
diff -u "$T/expected" "$T/out" || fail "WebSocket client against ws: output differs"
echo PASS
