// Opening handshakes the client refuses, each with undici's 'error' message
// and no 'close': a non-101 status, a redirect, a wrong or missing
// Sec-WebSocket-Accept, a wrong Upgrade or Connection header, an extension
// the client did not offer, no protocol when some were asked for, a
// protocol that was not asked for, and the server hanging up.  Then the
// headers the client sent (Sec-WebSocket-Protocol joined), and a good
// handshake with a chosen protocol and extra request headers.  (A protocol
// in the answer when none was asked for makes Node 20.20 throw from undici:
// not covered; devrun-js fails the connection.)
// --- a tiny RFC 6455 server side, on http's 'upgrade' event ---------------
const http = require('http');
const crypto = require('crypto');
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const acceptKey = (key) => crypto.createHash('sha1').update(key + GUID).digest('base64');
// answers the opening handshake (extra: more header lines, each ending in \r\n)
function accept(req, socket, extra = '') {
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${acceptKey(req.headers['sec-websocket-key'])}\r\n${extra}\r\n`);
}
// an unmasked server frame (opts: fin, rsv bits as 0x40/0x20/0x10, mask)
function frame(op, payload = '', { fin = true, rsv = 0, mask = false } = {}) {
  const p = Buffer.from(payload);
  const len = p.length;
  const ext = len < 126 ? Buffer.alloc(0) : len < 65536 ? Buffer.alloc(2) : Buffer.alloc(8);
  if (len >= 126 && len < 65536) ext.writeUInt16BE(len);
  else if (len >= 65536) ext.writeBigUInt64BE(BigInt(len));
  const b0 = (fin ? 0x80 : 0) | rsv | op;
  const b1 = (mask ? 0x80 : 0) | (len < 126 ? len : len < 65536 ? 126 : 127);
  const m = mask ? Buffer.from([1, 2, 3, 4]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from([b0, b1]), ext, m, mask ? p.map((x, i) => x ^ m[i % 4]) : p]);
}
const closeFrame = (code, reason = '') => {
  const b = Buffer.alloc(2 + Buffer.byteLength(reason));
  b.writeUInt16BE(code);
  b.write(reason, 2);
  return frame(8, b);
};
// calls onFrame({ fin, rsv, op, masked, payload }) for each client frame
function readFrames(socket, head, onFrame) {
  let buf = Buffer.alloc(0);
  const parse = () => {
    for (;;) {
      if (buf.length < 2) return;
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
      const masked = (buf[1] & 0x80) !== 0;
      const m = masked ? buf.subarray(off, off + 4) : null;
      if (masked) off += 4;
      if (buf.length < off + len) return;
      const payload = Buffer.from(buf.subarray(off, off + len));
      if (masked) for (let i = 0; i < len; i++) payload[i] ^= m[i % 4];
      const f = { fin: (buf[0] & 0x80) !== 0, rsv: buf[0] & 0x70, op: buf[0] & 0x0f, masked, payload };
      buf = buf.subarray(off + len);
      onFrame(f);
    }
  };
  socket.on('data', (d) => { buf = Buffer.concat([buf, d]); parse(); });
  buf = Buffer.from(head);
  parse();
}
// ---------------------------------------------------------------------------

const cases = {
  '/404': (req, socket) => socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'),
  '/200': (req, socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'),
  '/redirect': (req, socket) => socket.end('HTTP/1.1 302 Found\r\nLocation: /ok\r\nContent-Length: 0\r\n\r\n'),
  '/bad-accept': (req, socket) => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n'),
  '/no-accept': (req, socket) => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'),
  '/upgrade-h2c': (req, socket) => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${acceptKey(req.headers['sec-websocket-key'])}\r\n\r\n`),
  '/connection-close': (req, socket) => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade, close\r\n' +
    `Sec-WebSocket-Accept: ${acceptKey(req.headers['sec-websocket-key'])}\r\n\r\n`),
  '/extension': (req, socket) => accept(req, socket, 'Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n'),
  '/no-protocol': (req, socket) => accept(req, socket),
  '/other-protocol': (req, socket) => accept(req, socket, 'Sec-WebSocket-Protocol: mqtt\r\n'),
  '/hang-up': (req, socket) => socket.destroy(),
  '/headers': (req, socket) => {
    const h = req.headers;
    console.log('   headers', h.upgrade, h.connection, h['sec-websocket-version'], JSON.stringify(h['sec-websocket-protocol']),
      h['x-custom'], h['user-agent'], req.rawHeaders.filter((v, i) => i % 2 === 0 && /^sec-websocket/i.test(v)));
    accept(req, socket, 'Sec-WebSocket-Protocol: v2.chat\r\n');
    readFrames(socket, Buffer.alloc(0), (f) => { if (f.op === 8) socket.end(frame(8, f.payload)); });
  },
};
const server = http.createServer();
server.on('upgrade', (req, socket) => {
  socket.on('error', () => {});
  cases[req.url](req, socket);
});

const runs = [['/404'], ['/200'], ['/redirect'], ['/bad-accept'], ['/no-accept'], ['/upgrade-h2c'], ['/connection-close'],
  ['/extension'], ['/no-protocol', ['chat']], ['/other-protocol', 'chat'], ['/hang-up'],
  ['/headers', { protocols: ['v1.chat', 'v2.chat'], headers: { 'X-Custom': 'yes' } }]];
function next() {
  const run = runs.shift();
  if (!run) { server.close(() => console.log('done')); return; }
  const [path, protocols] = run;
  console.log(path, JSON.stringify(protocols));
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}${path}`, protocols);
  ws.onopen = () => { console.log('   open, protocol', JSON.stringify(ws.protocol)); ws.close(); };
  ws.onerror = (e) => {
    console.log('   error', JSON.stringify(e.message), 'state', ws.readyState);
    setTimeout(() => { console.log('   state', ws.readyState); next(); }, 50);
  };
  ws.onclose = (e) => { console.log('   close', e.code, e.wasClean); next(); };
}
server.listen(0, '127.0.0.1', next);
