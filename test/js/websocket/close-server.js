// How connections end, one after the other: the server's close frame with
// a code and reason (the client echoes the code alone; clean close with the
// server's code and reason), an empty close frame (1005), a close frame
// with a BOM before the reason, the TCP connection dropped without a close
// frame (1006, not clean, no 'error'), an invalid close code from the
// server (the client answers 1002 "Invalid status code", 'error', then
// 'close' 1006), a 1-byte close body, and a reason that is not UTF-8
// (1007).  Data after the close frame is not delivered.  What the server
// receives is printed for the clean closes only.
// the server side: test/js/websocket/_server.js
const { http, crypto, GUID, acceptKey, accept, frame, closeFrame, readFrames } = require('./_server');

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
