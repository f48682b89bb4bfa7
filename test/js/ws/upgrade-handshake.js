// A WebSocket opening handshake and one echoed frame over http's 'upgrade'
// event, with a hand-written client on net: Sec-WebSocket-Accept is the
// SHA-1 of the key and the RFC 6455 GUID; bytes after the head reach the
// handler as `head`; the socket then carries frames both ways.
const http = require('http');
const net = require('net');
const crypto = require('crypto');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const server = http.createServer((req, res) => res.end('not a websocket'));
server.on('upgrade', (req, socket, head) => {
  console.log('upgrade', req.method, req.url, req.headers.upgrade, req.headers['sec-websocket-version'], 'head bytes', head.length);
  const accept = crypto.createHash('sha1').update(req.headers['sec-websocket-key'] + GUID).digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buf = head;
  const onFrame = () => {
    if (buf.length < 2) return;
    const len = buf[1] & 0x7f;
    if (buf.length < 6 + len) return;
    const mask = buf.subarray(2, 6);
    const payload = Buffer.from(buf.subarray(6, 6 + len)).map((b, i) => b ^ mask[i % 4]);
    console.log('server frame opcode', buf[0] & 0x0f, 'fin', buf[0] >> 7, 'payload', payload.toString());
    buf = buf.subarray(6 + len);
    const reply = Buffer.from(`echo:${payload}`);
    socket.end(Buffer.concat([Buffer.from([0x81, reply.length]), reply]));
  };
  socket.on('data', (d) => { buf = Buffer.concat([buf, d]); onFrame(); });
  onFrame();
});

server.listen(0, '127.0.0.1', () => {
  const key = Buffer.from('0123456789abcdef').toString('base64');
  const expected = crypto.createHash('sha1').update(key + GUID).digest('base64');
  const c = net.connect(server.address().port, '127.0.0.1');
  const mask = Buffer.from([1, 2, 3, 4]);
  const text = Buffer.from('hello frames');
  const frame = Buffer.concat([Buffer.from([0x81, 0x80 | text.length]), mask, text.map((b, i) => b ^ mask[i % 4])]);
  // The frame goes in the same write as the head: the server sees it as `head`.
  c.write(Buffer.concat([Buffer.from('GET /chat HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`), frame]));
  let data = Buffer.alloc(0);
  c.on('data', (d) => { data = Buffer.concat([data, d]); });
  c.on('end', () => {
    const i = data.indexOf('\r\n\r\n');
    const head = data.subarray(0, i).toString().split('\r\n');
    console.log('client status', head[0]);
    console.log('client accept ok', head.includes(`Sec-WebSocket-Accept: ${expected}`));
    const f = data.subarray(i + 4);
    console.log('client frame opcode', f[0] & 0x0f, 'text', f.subarray(2, 2 + f[1]).toString());
    server.close(() => console.log('closed'));
  });
});
