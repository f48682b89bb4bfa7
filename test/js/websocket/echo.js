// Text and binary messages both ways: a string (with non-ASCII), an
// ArrayBuffer, a Uint8Array view at an offset, a DataView, a Blob, 200 bytes
// (16-bit length) and 70000 bytes (64-bit length); the client masks every
// frame; binaryType 'blob' gives Blobs and 'arraybuffer' ArrayBuffers;
// bufferedAmount counts what is not written yet; the client's close(1000,
// reason) is answered by the server and ends with a clean 'close'.
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

const server = http.createServer((req, res) => res.end('plain'));
server.on('upgrade', (req, socket, head) => {
  console.log('server: upgrade', req.url, req.headers.upgrade, req.headers.connection, req.headers['sec-websocket-version'],
    req.headers['sec-websocket-extensions'], 'key bytes', Buffer.from(req.headers['sec-websocket-key'], 'base64').length);
  accept(req, socket);
  readFrames(socket, head, (f) => {
    console.log('server: frame op', f.op, 'fin', f.fin, 'masked', f.masked, 'length', f.payload.length);
    if (f.op === 8) {
      console.log('server: close', f.payload.readUInt16BE(0), f.payload.subarray(2).toString());
      socket.end(frame(8, f.payload));
      return;
    }
    const reply = f.op === 1 ? `echo:${f.payload.toString().slice(0, 20)}` : f.payload;
    socket.write(frame(f.op, reply));
  });
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/chat?room=1`);
  const got = [];
  const sends = [
    'hello wörld ✓',
    new Uint8Array([1, 2, 3]).buffer,
    new Uint8Array([9, 8, 7, 6, 5]).subarray(1, 4),
    new DataView(new Uint8Array([10, 11, 12, 13]).buffer, 2),
    new Blob(['blob', Buffer.from([0, 255])]),
    Buffer.from('buffer'),
    'x'.repeat(200),
    new Uint8Array(70000).fill(7),
    '',
  ];
  ws.onopen = (e) => {
    console.log('open', e.constructor.name, e.type, ws.readyState, JSON.stringify(ws.protocol), JSON.stringify(ws.extensions));
    for (const s of sends) ws.send(s);
    console.log('bufferedAmount > 0', ws.bufferedAmount > 0);
  };
  ws.onmessage = async (e) => {
    const n = got.push(e);
    if (n < sends.length) return;
    for (const m of got) {
      const d = m.data;
      let shown;
      if (typeof d === 'string') shown = `text ${JSON.stringify(d)}`;
      else if (d instanceof Blob) shown = `Blob size ${d.size} type ${JSON.stringify(d.type)} [${[...new Uint8Array(await d.arrayBuffer())].slice(0, 8)}]`;
      else shown = `${Object.prototype.toString.call(d)} ${d.byteLength} [${[...new Uint8Array(d)].slice(0, 8)}]`;
      console.log('message', m.type, m.origin === `ws://127.0.0.1:${port}`, m.lastEventId === '', m.source, shown);
    }
    console.log('bufferedAmount', ws.bufferedAmount);
    ws.binaryType = 'arraybuffer';
    ws.binaryType = 'nonsense';
    console.log('binaryType', ws.binaryType);
    ws.binaryType = 'arraybuffer';
    ws.onmessage = (e) => {
      console.log('arraybuffer', Object.prototype.toString.call(e.data), [...new Uint8Array(e.data)]);
      ws.close(1000, 'done ✓');
      console.log('after close()', ws.readyState);
      ws.send('ignored');
      console.log('send while closing is ignored', ws.bufferedAmount);
    };
    ws.send(new Uint8Array([4, 5, 6]));
  };
  ws.onclose = (e) => {
    console.log('close', e.constructor.name, e.code, JSON.stringify(e.reason), e.wasClean, ws.readyState);
    server.close(() => console.log('server closed'));
  };
  ws.onerror = (e) => console.log('error', e.message);
});
