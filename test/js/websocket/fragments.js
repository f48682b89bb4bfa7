// Messages the server fragments: a text message in three frames with a
// ping between them (answered by a pong with the same payload, the message
// still arrives whole), a binary message in two frames, a UTF-8 character
// split across frames, several frames in one write, and a message written
// a byte at a time; pongs from the server are ignored.
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

const server = http.createServer();
server.on('upgrade', (req, socket, head) => {
  accept(req, socket);
  const pongs = []; // printed at the end: they race with the client's reads
  readFrames(socket, head, (f) => {
    if (f.op === 10) pongs.push(`pong ${JSON.stringify(f.payload.toString())} masked ${f.masked}`);
    else if (f.op === 8) {
      console.log('server:', pongs.join(', '), '; close', f.payload.readUInt16BE(0));
      socket.end(frame(8, f.payload));
    }
    else if (f.op === 1 && f.payload.toString() === 'go') send();
  });
  async function send() {
    socket.write(frame(1, 'frag', { fin: false }));
    socket.write(frame(9, 'are you there?'));
    socket.write(frame(0, 'men', { fin: false }));
    socket.write(frame(0, 'ted'));
    socket.write(frame(2, Buffer.from([1, 2]), { fin: false }));
    socket.write(frame(0, Buffer.from([3, 4])));
    const euro = Buffer.from('€uro');
    socket.write(Buffer.concat([frame(1, euro.subarray(0, 2), { fin: false }), frame(0, euro.subarray(2))]));
    socket.write(Buffer.concat([frame(1, 'one'), frame(1, 'two'), frame(10, 'unsolicited'), frame(1, 'three')]));
    const slow = frame(1, 'y'.repeat(300));
    for (const b of slow) {
      socket.write(Buffer.from([b]));
      await new Promise((r) => setImmediate(r));
    }
    socket.write(frame(1, 'last'));
  }
});

server.listen(0, '127.0.0.1', () => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}`);
  ws.binaryType = 'arraybuffer';
  ws.addEventListener('open', () => ws.send('go'));
  ws.addEventListener('message', (e) => {
    const d = e.data;
    console.log('message', typeof d === 'string' ? JSON.stringify(d.length > 20 ? `${d.slice(0, 5)}... (${d.length})` : d) : [...new Uint8Array(d)]);
    if (d === 'last') ws.close(3000);
  });
  ws.addEventListener('close', (e) => {
    console.log('close', e.code, JSON.stringify(e.reason), e.wasClean);
    server.close();
  });
});
