// h2 over TLS: createSecureServer with a certificate made at test time,
// http2.connect('https://...') negotiating ALPN 'h2' through the tls module;
// the compatibility API ('request' with Http2ServerRequest/Response) on the
// secure server; a client that only offers http/1.1 is refused
// (allowHTTP1 false) and the server sees 'unknownProtocol'.
const http2 = require('http2');
const tls = require('tls');
const fs = require('fs');
const { execFileSync } = require('child_process');

execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
  '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3', '-subj', '/CN=localhost',
  '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
const key = fs.readFileSync('key.pem');
const cert = fs.readFileSync('cert.pem');

const server = http2.createSecureServer({ key, cert }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log('server request', req.method, req.url, req.httpVersion, req.authority === `localhost:${server.address().port}`, req.scheme,
      req.headers['user-agent'], 'alpn', req.socket.alpnProtocol, 'encrypted', req.stream.session.encrypted);
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-multi', ['1', '2']);
    console.log('getHeader', res.getHeader('Content-Type'), res.hasHeader('x-multi'), res.getHeaderNames().join(','));
    res.statusCode = 202;
    res.end(JSON.stringify({ body, method: req.method }));
    console.log('headersSent', res.headersSent, 'finished', res.finished);
  });
});
server.on('unknownProtocol', (socket) => {
  console.log('unknownProtocol', socket.alpnProtocol);
  socket.destroy();
});
console.log('instanceof tls.Server', server instanceof tls.Server);

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = http2.connect(`https://localhost:${port}`, { ca: cert });
  client.on('connect', () => console.log('connect alpn', client.alpnProtocol, 'encrypted', client.encrypted,
    'socket alpn', client.socket.alpnProtocol, 'originSet', JSON.stringify(client.originSet) === JSON.stringify([`https://localhost:${port}`])));
  const req = client.request({ ':method': 'POST', ':path': '/api?x=1', 'user-agent': 'devrun-test' });
  req.on('response', (h) => console.log('response', h[':status'], h['content-type'], h['x-multi']));
  let data = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { data += d; });
  req.on('end', () => {
    console.log('body', data);
    client.close();
    // An HTTP/1.1-only TLS client is not served.
    const s = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', ca: cert, ALPNProtocols: ['http/1.1'] });
    s.on('secureConnect', () => console.log('h1 client alpn', s.alpnProtocol));
    s.on('error', (e) => console.log('h1 client error', e.code));
    s.on('close', () => {
      console.log('h1 client closed');
      server.close(() => console.log('server closed'));
    });
  });
  req.end('payload');
});
