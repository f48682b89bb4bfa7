// Frames from the server that break RFC 6455 fail the connection: 'error'
// with undici's message while the socket is torn down, then 'close' 1006
// (not clean).  A masked frame, reserved opcodes, RSV bits without an
// extension, a fragmented or oversized control frame, a continuation with
// nothing to continue, a new message in the middle of a fragmented one,
// invalid UTF-8 in a text message, a 64-bit length over 2^31.  Messages
// before the bad frame are delivered.
// the server side: test/js/websocket/_server.js
const { http, crypto, GUID, acceptKey, accept, frame, closeFrame, readFrames } = require('./_server');

const bad = [
  ['masked frame', frame(1, 'hi', { mask: true })],
  ['opcode 3', frame(3, 'x')],
  ['opcode 11', frame(11, '')],
  ['rsv1 without deflate', frame(1, 'x', { rsv: 0x40 })],
  ['rsv2', frame(1, 'x', { rsv: 0x20 })],
  ['rsv3', frame(2, 'x', { rsv: 0x10 })],
  ['fragmented ping', frame(9, 'p', { fin: false })],
  ['ping of 126 bytes', frame(9, 'p'.repeat(126))],
  ['lone continuation', frame(0, 'c')],
  ['text inside fragmented message', Buffer.concat([frame(1, 'a', { fin: false }), frame(1, 'b')])],
  ['invalid UTF-8', frame(1, Buffer.from([0x61, 0xc3, 0x28]))],
  ['length over 2^31', Buffer.from([0x82, 127, 0, 0, 0, 0, 0x80, 0, 0, 0])],
];
let current;
const server = http.createServer();
server.on('upgrade', (req, socket) => {
  socket.on('error', () => {});
  accept(req, socket);
  socket.write(Buffer.concat([frame(1, 'before'), current[1], frame(1, 'after')]));
});
function next() {
  current = bad.shift();
  if (!current) { server.close(() => console.log('done')); return; }
  console.log(current[0]);
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}`);
  ws.onmessage = (e) => console.log('   message', e.data);
  ws.onerror = (e) => console.log('   error', JSON.stringify(e.message), e.error.message === e.message, 'state', ws.readyState);
  ws.onclose = (e) => { console.log('   close', e.code, JSON.stringify(e.reason), e.wasClean, 'state', ws.readyState); next(); };
}
server.listen(0, '127.0.0.1', next);
