// HTTP/2 without a network: an http2 server is handed a JSStreamSocket over
// one end of an in-memory Duplex pair, the client session gets one over the
// other end from createConnection; two requests (one with a body) on the
// same session, then the client closes and the server side sees it.
const http2 = require('http2');
const { Duplex } = require('stream');

process.on('warning', () => {});
const JSStreamSocket = require('_stream_wrap');

function duplexPair() {
  const sides = [];
  for (let i = 0; i < 2; i++) {
    sides.push(new Duplex({
      read() {},
      write(chunk, enc, cb) { sides[1 - i].push(chunk); cb(); },
      final(cb) { sides[1 - i].push(null); cb(); },
    }));
  }
  return sides;
}

// which of the two sessions closes first is not the point: both are reported
const closed = [];
function onClose(who) {
  closed.push(who);
  if (closed.length === 2) console.log('closed:', closed.sort().join(', '));
}

const server = http2.createServer();
server.on('session', (session) => {
  session.on('close', () => onClose('server session'));
});
server.on('stream', (stream, headers) => {
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (d) => { body += d; });
  stream.on('end', () => {
    stream.respond({ ':status': 200, 'x-method': headers[':method'] });
    stream.end(`${headers[':path']} got ${body.length} bytes`);
  });
});

const [a, b] = duplexPair();
server.emit('connection', new JSStreamSocket(b));

const client = http2.connect('http://localhost', { createConnection: () => new JSStreamSocket(a) });
client.on('error', (e) => console.log('client error', e.code || e.message));

function request(path, body) {
  return new Promise((resolve) => {
    const req = client.request({ ':path': path, ':method': body ? 'POST' : 'GET' });
    req.on('response', (h) => console.log(`${path}: status ${h[':status']} x-method ${h['x-method']}`));
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (d) => { text += d; });
    req.on('end', () => { console.log(`${path}: ${text}`); resolve(); });
    if (body) req.end(body); else req.end();
  });
}

(async () => {
  await request('/first');
  await request('/second', 'y'.repeat(70000));
  client.close(() => onClose('client session'));
})();
