// wss:// over TLS, on an https server with a certificate made at test time:
// untrusted, the handshake fails like any network error (no 'close');
// trusted (a child runtime started with NODE_EXTRA_CA_CERTS, and the
// --experimental-websocket flag) it opens, echoes text and binary, and
// closes cleanly; https:// URLs become wss://.
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
const https = require('https');
const fs = require('fs');
const { execFileSync, execFile } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
const server = https.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') });
server.on('upgrade', (req, socket, head) => {
  socket.on('error', () => {});
  console.log('server: upgrade', req.url, 'encrypted', socket.encrypted);
  accept(req, socket);
  readFrames(socket, head, (f) => {
    if (f.op === 8) { socket.end(frame(8, f.payload)); return; }
    socket.write(frame(f.op, f.op === 1 ? `echo:${f.payload}` : f.payload));
  });
});

const client = `
const ws = new WebSocket(process.argv[1]);
ws.binaryType = 'arraybuffer';
ws.onopen = () => { console.log('client: open', ws.url.replace(/:\\d+/, ':PORT')); ws.send('secret'); ws.send(new Uint8Array(70000).fill(1)); };
ws.onmessage = (e) => {
  console.log('client: message', typeof e.data === 'string' ? e.data : e.data.byteLength);
  if (typeof e.data !== 'string') ws.close(4000, 'tls done');
};
ws.onerror = (e) => console.log('client: error', e.message);
ws.onclose = (e) => console.log('client: close', e.code, e.reason, e.wasClean);
`;

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const ws = new WebSocket(`wss://localhost:${port}/untrusted`);
  ws.onopen = () => console.log('unexpected open');
  ws.onclose = () => console.log('unexpected close');
  ws.onerror = (e) => {
    console.log('untrusted: error', e.message, 'state', ws.readyState);
    execFile(process.execPath, ['--experimental-websocket', '-e', client, `https://localhost:${port}/trusted`],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: 'cert.pem' } }, (err, stdout, stderr) => {
        process.stdout.write(stdout);
        if (err) console.log('child failed', err.code, stderr);
        server.close(() => console.log('done'));
      });
  };
});
