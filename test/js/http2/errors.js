// http2 error paths: connecting to a closed port (ECONNREFUSED on the
// session's 'error', pending streams cancelled), a stream reset by the
// server (ERR_HTTP2_STREAM_ERROR with the code's name), invalid headers
// (pseudo-headers, connection-specific headers, single-value headers,
// header names) thrown synchronously, respond() twice, an invalid status,
// the compatibility API's header checks, a stream destroyed by the client
// (the server sees 'aborted' and NGHTTP2_CANCEL), a ping with a bad payload,
// and requests on a closed session.
const http2 = require('http2');
const net = require('net');

function show(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

function refused() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const port = probe.address().port;
      probe.close(() => {
        const client = http2.connect(`http://127.0.0.1:${port}`);
        const req = client.request({ ':path': '/' });
        req.on('error', (e) => console.log('pending stream error', e.code, e.message.replace(String(port), 'PORT')));
        req.on('close', () => console.log('pending stream close', req.rstCode));
        client.on('error', (e) => console.log('session error', e.code, e.syscall, e.address, e.port === port));
        client.on('close', () => { console.log('session close', client.destroyed); resolve(); });
      });
    });
  });
}

let serverCancelClosed;
const serverCancelDone = new Promise((resolve) => { serverCancelClosed = resolve; });
const server = http2.createServer();
server.on('stream', (stream, headers) => {
  const path = headers[':path'];
  if (path === '/reset') {
    stream.on('error', (e) => console.log('server: reset stream error', e.code, e.message));
    stream.close(http2.constants.NGHTTP2_REFUSED_STREAM);
  } else if (path === '/cancel-by-client') {
    stream.on('aborted', () => console.log('server: stream aborted'));
    stream.on('close', () => {
      console.log('server: stream close rstCode', stream.rstCode);
      serverCancelClosed();
    });
    stream.respond({ ':status': 200 });
    stream.write('partial');
  } else if (path === '/bad-respond') {
    show('respond :foo', () => stream.respond({ ':foo': 'x' }));
    show('respond connection', () => stream.respond({ connection: 'keep-alive' }));
    show('respond te', () => stream.respond({ te: 'gzip' }));
    show('respond two content-type', () => stream.respond({ 'content-type': ['a', 'b'] }));
    show('respond bad name', () => stream.respond({ 'bad name': 'x' }));
    show('respond status 99', () => stream.respond({ ':status': 99 }));
    show('respond status 101', () => stream.respond({ ':status': 101 }));
    stream.respond({ ':status': 200 });
    show('respond twice', () => stream.respond({ ':status': 200 }));
    stream.end('ok');
  } else if (path === '/compat') {
    // handled below through a second, compat server
  } else {
    stream.respond();
    stream.end();
  }
});

const compat = http2.createServer((req, res) => {
  show('setHeader undefined', () => res.setHeader('x-a', undefined));
  show('setHeader null', () => res.setHeader('x-a', null));
  show('setHeader pseudo', () => res.setHeader(':status', '200'));
  show('setHeader bad name', () => res.setHeader('bad name', '1'));
  show('statusCode 99', () => { res.statusCode = 99; });
  show('statusCode 100', () => { res.statusCode = 100; });
  show('writeHead 600', () => res.writeHead(600));
  res.writeHead(200, { 'content-type': 'text/plain' });
  show('setHeader after', () => res.setHeader('x-late', '1'));
  res.end('compat done');
});

function listen(s) {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s.address().port)));
}

function get(client, path) {
  return new Promise((resolve) => {
    const req = client.request({ ':path': path });
    let data = '';
    req.on('response', (h) => console.log(path, 'response', h[':status']));
    req.on('data', (d) => { data += d; });
    req.on('error', (e) => console.log(path, 'error', e.name, e.code, e.message));
    req.on('close', () => { console.log(path, 'close rstCode', req.rstCode, 'data', JSON.stringify(data)); resolve(); });
  });
}

(async () => {
  await refused();
  const port = await listen(server);
  const client = http2.connect(`http://127.0.0.1:${port}`);
  client.on('error', (e) => console.log('client error', e.code));
  await get(client, '/reset');
  await get(client, '/bad-respond');
  show('request :bogus', () => client.request({ ':bogus': '1' }));
  show('request connection', () => client.request({ connection: 'close' }));
  show('request two user-agent', () => client.request({ 'user-agent': ['a', 'b'] }));
  show('ping 4 bytes', () => client.ping(Buffer.alloc(4), () => {}));
  show('ping no callback', () => client.ping(Buffer.alloc(8)));
  await new Promise((resolve) => {
    const req = client.request({ ':path': '/cancel-by-client' });
    req.on('data', (d) => {
      console.log('client got', String(d));
      req.destroy();
    });
    req.on('error', (e) => console.log('cancel error', e.code));
    req.on('close', () => {
      console.log('client stream close rstCode', req.rstCode, 'destroyed', req.destroyed);
      serverCancelDone.then(resolve);
    });
  });
  const cport = await listen(compat);
  const c2 = http2.connect(`http://127.0.0.1:${cport}`);
  await get(c2, '/compat');
  c2.close();
  const c3 = http2.connect(`http://127.0.0.1:${port}`);
  c3.on('error', (e) => console.log('c3 session error', e.code));
  await new Promise((resolve) => c3.on('connect', resolve));
  show('request bad name', () => c3.request({ 'x y': '1' }));
  console.log('c3 destroyed', c3.destroyed);
  client.close();
  show('request after close', () => client.request({ ':path': '/' }));
  client.on('close', () => {
    show('request after destroy', () => client.request({ ':path': '/' }));
    show('ping after destroy', () => client.ping(() => {}));
    server.close();
    compat.close();
  });
})();
