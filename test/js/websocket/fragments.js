// Messages the server fragments: a text message in three frames with a
// ping between them (answered by a pong with the same payload, the message
// still arrives whole), a binary message in two frames, a UTF-8 character
// split across frames, several frames in one write, and a message written
// a byte at a time; pongs from the server are ignored.
// the server side: test/js/websocket/_server.js
const { http, crypto, GUID, acceptKey, accept, frame, closeFrame, readFrames } = require('./_server');

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
