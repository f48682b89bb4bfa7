// HTTP/1.1 without a network: the server is handed a JSStreamSocket over one
// end of an in-memory Duplex pair ('connection'), the client gets one over
// the other end from createConnection; a request with a body and a chunked
// response go through, then keep-alive is off and both sockets close.
const http = require('http');
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

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log('server:', req.method, req.url, req.headers['content-type'], JSON.stringify(body));
    res.setHeader('x-seen', String(body.length));
    res.write('part one, ');
    res.end('part two');
  });
});

const [a, b] = duplexPair();
const serverSide = new JSStreamSocket(b);
let reqClosed = false;
serverSide.on('close', () => console.log('server socket close; client request closed', reqClosed));
server.emit('connection', serverSide);

const req = http.request({
  method: 'POST', path: '/echo?x=1', headers: { 'content-type': 'text/plain', connection: 'close' },
  createConnection: () => new JSStreamSocket(a),
}, (res) => {
  console.log('client: status', res.statusCode, 'x-seen', res.headers['x-seen'], 'te', res.headers['transfer-encoding']);
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (d) => { text += d; });
  res.on('end', () => console.log('client: body', JSON.stringify(text)));
});
req.on('close', () => { reqClosed = true; });
req.end('ping from the client');
