// permessage-deflate: the client offers it; a server that agrees sends
// compressed messages (RSV1, raw deflate without the 00 00 ff ff tail) that
// arrive inflated, in order with uncompressed ones, also when a compressed
// message is fragmented and when the server keeps its compression context
// between messages; ws.extensions is the server's answer.  What the client
// sends is never compressed.  A bad server_max_window_bits fails the
// connection when the first compressed message comes, and so does a frame
// that inflates to more than 4 MiB.
// the server side: test/js/websocket/_server.js
const { http, crypto, GUID, acceptKey, accept, frame, closeFrame, readFrames } = require('./_server');
const zlib = require('zlib');

const strip = (b) => b.subarray(0, b.length - 4); // the 00 00 ff ff of a sync flush
function compressor() {
  // one deflate stream for the connection: context takeover
  const d = zlib.createDeflateRaw();
  return (text) => new Promise((resolve) => {
    const out = [];
    const onData = (c) => out.push(c);
    d.on('data', onData);
    d.write(text);
    d.flush(zlib.constants.Z_SYNC_FLUSH, () => { d.off('data', onData); resolve(strip(Buffer.concat(out))); });
  });
}

const server = http.createServer();
server.on('upgrade', async (req, socket, head) => {
  socket.on('error', () => {});
  console.log('server: offered', req.headers['sec-websocket-extensions']);
  if (req.url === '/bomb') {
    // 5 MiB of zeros in one compressed frame: more than the 4 MiB allowed
    accept(req, socket, 'Sec-WebSocket-Extensions: permessage-deflate\r\n');
    socket.write(frame(2, strip(zlib.deflateRawSync(Buffer.alloc(5 << 20), { finishFlush: zlib.constants.Z_SYNC_FLUSH })), { rsv: 0x40 }));
    return;
  }
  if (req.url === '/bad-bits') {
    accept(req, socket, 'Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=99\r\n');
    socket.write(frame(1, 'plain first'));
    socket.write(frame(1, strip(zlib.deflateRawSync('x', { finishFlush: zlib.constants.Z_SYNC_FLUSH })), { rsv: 0x40 }));
    return;
  }
  accept(req, socket, 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=15\r\n');
  const got = []; // printed at the end: the client's frames race with its messages
  readFrames(socket, head, (f) => {
    if (f.op === 8) { console.log(got.join('\n')); socket.end(frame(8, f.payload)); return; }
    got.push(`server: got op ${f.op} compressed ${(f.rsv & 0x40) !== 0} ${JSON.stringify(f.payload.toString())}`);
  });
  const compress = compressor();
  const a = await compress('hello '.repeat(100));
  const b = await compress('hello '.repeat(100) + 'again');
  const c = await compress(JSON.stringify({ list: Array.from({ length: 50 }, (_, i) => i) }));
  const bin = await compress(Buffer.alloc(3000, 0xab));
  socket.write(frame(1, a, { rsv: 0x40 }));
  socket.write(frame(1, 'not compressed'));
  socket.write(frame(1, b, { rsv: 0x40 }));
  // a compressed message in three frames: RSV1 on the first only
  socket.write(frame(1, c.subarray(0, 5), { rsv: 0x40, fin: false }));
  socket.write(frame(9, 'ping between'));
  socket.write(frame(0, c.subarray(5, 10), { fin: false }));
  socket.write(frame(0, c.subarray(10)));
  socket.write(frame(2, bin, { rsv: 0x40 }));
  socket.write(frame(1, 'end'));
});

function run(path) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}${path}`);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => { console.log('open, extensions', JSON.stringify(ws.extensions)); ws.send('x'.repeat(40)); };
    ws.onmessage = (e) => {
      const d = e.data;
      console.log('message', typeof d === 'string' ? `${JSON.stringify(d.slice(0, 30))} length ${d.length}` : `binary ${d.byteLength} ${new Uint8Array(d)[0]}`);
      if (d === 'end') ws.close(1000);
    };
    ws.onerror = (e) => console.log('error', JSON.stringify(e.message));
    ws.onclose = (e) => { console.log('close', e.code, e.wasClean); resolve(); };
  });
}
server.listen(0, '127.0.0.1', async () => {
  await run('/');
  await run('/bad-bits');
  await run('/bomb');
  server.close(() => console.log('done'));
});
