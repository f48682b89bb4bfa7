// How connections end, one after the other: the server's close frame with
// a code and reason (the client echoes the code alone; clean close with the
// server's code and reason), an empty close frame (1005), a close frame
// with a BOM before the reason, the TCP connection dropped without a close
// frame (1006, not clean, no 'error'), an invalid close code from the
// server (the client answers 1002 "Invalid status code", 'error', then
// 'close' 1006), a 1-byte close body, and a reason that is not UTF-8
// (1007).  Data after the close frame is not delivered.  What the server
// receives is printed for the clean closes only.
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

const plans = [
  ['code and reason', closeFrame(4001, 'going away ✓')],
  ['empty close', frame(8, '')],
  ['bom in reason', closeFrame(1001, '\ufeffbye')],
  ['tcp drop', null],
  ['invalid code 1005', closeFrame(1005, 'no')],
  ['invalid code 2000', closeFrame(2000)],
  ['1-byte body', frame(8, Buffer.from([3]))],
  ['bad utf-8 reason', frame(8, Buffer.from([0x03, 0xe8, 0xff, 0xfe]))],
];
let current;
const server = http.createServer();
server.on('upgrade', (req, socket, head) => {
  accept(req, socket);
  const [, close] = current;
  readFrames(socket, head, (f) => {
    if (f.op !== 8) return;
    // (after a failure the client's close frame races with its reset: not printed)
    if (plans.length >= 5) console.log('  server got close', f.payload.length >= 2 ? f.payload.readUInt16BE(0) : '(no code)',
      JSON.stringify(f.payload.subarray(2).toString()));
    socket.end();
  });
  socket.on('error', () => {});
  if (close === null) { socket.destroy(); return; }
  socket.write(Buffer.concat([close, frame(1, 'after close')]));
  // a client that failed the connection sends nothing more: end here
  setTimeout(() => socket.end(), 100);
});

function next() {
  current = plans.shift();
  if (!current) { server.close(() => console.log('done')); return; }
  console.log(current[0]);
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
  ws.onmessage = (e) => console.log('  message', e.data);
  ws.onerror = (e) => console.log('  error', JSON.stringify(e.message), 'state', ws.readyState);
  ws.onclose = (e) => {
    console.log('  close', e.code, JSON.stringify(e.reason), e.wasClean, 'state', ws.readyState);
    next();
  };
}
server.listen(0, '127.0.0.1', next);
