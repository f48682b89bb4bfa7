// Opening handshakes the client refuses, each with undici's 'error' message
// and no 'close': a non-101 status, a redirect, a wrong or missing
// Sec-WebSocket-Accept, a wrong Upgrade or Connection header, an extension
// the client did not offer, no protocol when some were asked for, a
// protocol that was not asked for, and the server hanging up.  Then the
// headers the client sent (Sec-WebSocket-Protocol joined), and a good
// handshake with a chosen protocol and extra request headers.  (A protocol
// in the answer when none was asked for makes Node 20.20 throw from undici:
// not covered; devrun-js fails the connection.)
// the server side: test/js/websocket/_server.js
const { http, crypto, GUID, acceptKey, accept, frame, closeFrame, readFrames } = require('./_server');

const cases = {
  '/404': (req, socket) => socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'),
  '/200': (req, socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'),
  '/redirect': (req, socket) => socket.end('HTTP/1.1 302 Found\r\nLocation: /ok\r\nContent-Length: 0\r\n\r\n'),
  '/bad-accept': (req, socket) => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n'),
  '/no-accept': (req, socket) => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'),
  '/upgrade-h2c': (req, socket) => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${acceptKey(req.headers['sec-websocket-key'])}\r\n\r\n`),
  '/connection-close': (req, socket) => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade, close\r\n' +
    `Sec-WebSocket-Accept: ${acceptKey(req.headers['sec-websocket-key'])}\r\n\r\n`),
  '/extension': (req, socket) => accept(req, socket, 'Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n'),
  '/no-protocol': (req, socket) => accept(req, socket),
  '/other-protocol': (req, socket) => accept(req, socket, 'Sec-WebSocket-Protocol: mqtt\r\n'),
  '/hang-up': (req, socket) => socket.destroy(),
  '/headers': (req, socket) => {
    const h = req.headers;
    console.log('   headers', h.upgrade, h.connection, h['sec-websocket-version'], JSON.stringify(h['sec-websocket-protocol']),
      h['x-custom'], h['user-agent'], req.rawHeaders.filter((v, i) => i % 2 === 0 && /^sec-websocket/i.test(v)));
    accept(req, socket, 'Sec-WebSocket-Protocol: v2.chat\r\n');
    readFrames(socket, Buffer.alloc(0), (f) => { if (f.op === 8) socket.end(frame(8, f.payload)); });
  },
};
const server = http.createServer();
server.on('upgrade', (req, socket) => {
  socket.on('error', () => {});
  cases[req.url](req, socket);
});

const runs = [['/404'], ['/200'], ['/redirect'], ['/bad-accept'], ['/no-accept'], ['/upgrade-h2c'], ['/connection-close'],
  ['/extension'], ['/no-protocol', ['chat']], ['/other-protocol', 'chat'], ['/hang-up'],
  ['/headers', { protocols: ['v1.chat', 'v2.chat'], headers: { 'X-Custom': 'yes' } }]];
function next() {
  const run = runs.shift();
  if (!run) { server.close(() => console.log('done')); return; }
  const [path, protocols] = run;
  console.log(path, JSON.stringify(protocols));
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}${path}`, protocols);
  ws.onopen = () => { console.log('   open, protocol', JSON.stringify(ws.protocol)); ws.close(); };
  ws.onerror = (e) => {
    console.log('   error', JSON.stringify(e.message), 'state', ws.readyState);
    setTimeout(() => { console.log('   state', ws.readyState); next(); }, 50);
  };
  ws.onclose = (e) => { console.log('   close', e.code, e.wasClean); next(); };
}
server.listen(0, '127.0.0.1', next);
