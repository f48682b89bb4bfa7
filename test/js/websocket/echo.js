// Text and binary messages both ways: a string (with non-ASCII), an
// ArrayBuffer, a Uint8Array view at an offset, a DataView, a Blob, 200 bytes
// (16-bit length) and 70000 bytes (64-bit length); the client masks every
// frame; binaryType 'blob' gives Blobs and 'arraybuffer' ArrayBuffers;
// bufferedAmount counts what is not written yet; the client's close(1000,
// reason) is answered by the server and ends with a clean 'close'.
// the server side: test/js/websocket/_server.js
const { http, crypto, GUID, acceptKey, accept, frame, closeFrame, readFrames } = require('./_server');

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
